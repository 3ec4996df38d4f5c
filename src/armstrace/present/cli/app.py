"""The ``armstrace`` command: a thin shell over the library."""
from __future__ import annotations

import typer

from .analyse_cmd import blocs_command, breaches_command, dossier_command, risk_command
from .extract_cmd import eval_command, extract_command
from .run_cmd import ingest_command, run_command
from .show_cmd import errors_command, show_command
from .kb_cmd import events_command, explain_command
from .register_cmd import compare_command, reextract_command, register_command
from .serve_cmd import serve_command
from .export_cmd import export_command, import_command
from .batch_cmd import batch_command

app = typer.Typer(name="armstrace", no_args_is_help=True, add_completion=False,
                  help="Who arms whom: sourced records from reporting on the arms trade.")
app.command("run")(run_command)
app.command("ingest")(ingest_command)
app.command("show")(show_command)
app.command("errors")(errors_command)
app.command("extract")(extract_command)
app.command("eval")(eval_command)
app.command("breaches")(breaches_command)
app.command("risk")(risk_command)
app.command("blocs")(blocs_command)
app.command("dossier")(dossier_command)
app.command("events")(events_command)
app.command("explain")(explain_command)
app.command("register")(register_command)
app.command("compare")(compare_command)
app.command("reextract")(reextract_command)
app.command("serve")(serve_command)
app.command("export")(export_command)
app.command("import")(import_command)
app.command("batch")(batch_command)


def main() -> None:
    app()

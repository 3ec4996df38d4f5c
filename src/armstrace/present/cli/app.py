"""The ``armstrace`` command: a thin shell over the library."""
from __future__ import annotations

import typer

from .run_cmd import ingest_command, run_command
from .show_cmd import errors_command, show_command

app = typer.Typer(name="armstrace", no_args_is_help=True, add_completion=False,
                  help="Who arms whom: sourced records from reporting on the arms trade.")
app.command("run")(run_command)
app.command("ingest")(ingest_command)
app.command("show")(show_command)
app.command("errors")(errors_command)


def main() -> None:
    app()

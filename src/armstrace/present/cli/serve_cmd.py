"""``armstrace serve``: the REST API and the web page in one process."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from .common import DbOption, console, err_console

Opt = typer.Option


def serve_command(
        db: DbOption = None,
        host: Annotated[str, Opt(help="Address to listen on (loopback by default)")] = "127.0.0.1",
        port: Annotated[int, Opt(help="Port to listen on", min=1, max=65535)] = 8000,
        token: Annotated[Optional[str], Opt(
            envvar="ARMSTRACE_TOKEN", show_default=False,
            help="Allow POST /ingest for requests that send 'Authorization: Bearer TOKEN'; "
                 "without it the API is read-only")] = None) -> None:
    """Serve the API (/openapi.json) and the page (/) over the knowledge base."""
    import uvicorn

    from ..api import create_app
    try:
        app = create_app(db, token)
    except Exception as exc:
        err_console.print(f"[red]error:[/] cannot open database {db or 'armstrace.db'}: {exc}")
        raise typer.Exit(2) from None
    mode = "ingest allowed with the token" if token else "read-only"
    console.print(f"armstrace on http://{host}:{port}/ ({mode}); API description at /openapi.json")
    uvicorn.run(app, host=host, port=port, log_level="warning")

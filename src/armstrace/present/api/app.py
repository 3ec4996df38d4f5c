"""The application factory: the REST API and the page over one knowledge base."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI

from ... import __version__
from ...store import Store
from .errors import install_error_handlers
from .routes import actors, analyses, claims, documents, events, exports, ingest, network
from .security import SecurityHeaders
from .web import router as web_router

DESCRIPTION = """Who arms whom, with the evidence for every claim.

Read-only unless the server was started with a token: `POST /ingest` then needs
`Authorization: Bearer <token>`. Errors come as `{"error": {"code", "message"}}`.
Codes (items, stages, assertions, record types) come from the ontology."""


def create_app(db: str | None = None, token: str | None = None) -> FastAPI:
    """The API and page over the knowledge base ``db`` (a file or URL; default as the
    CLI's). ``token`` enables ``POST /ingest`` for requests that send it."""
    app = FastAPI(title="armstrace", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=_lifespan)
    app.state.store = Store(db)
    app.state.token = token or None
    install_error_handlers(app)
    for module in (documents, claims, events, network, actors, analyses, exports, ingest):
        app.include_router(module.router)
    app.include_router(web_router)
    app.add_middleware(SecurityHeaders)

    @app.get("/health", tags=["meta"], summary="Liveness and what the store holds")
    def health() -> dict:
        return {"status": "ok", "counts": app.state.store.counts(),
                "ingest": bool(app.state.token)}
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI):
    yield
    app.state.store.close()

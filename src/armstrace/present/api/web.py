"""The page and its assets: ``/`` and ``/static/...``. Front-end libraries come from npm
(``npm ci --prefix src/armstrace/present/web``) and are served under ``/static/vendor/``."""
from __future__ import annotations

import re
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, Response

from .errors import ApiError

WEB = Path(__file__).resolve().parent.parent / "web"
NODE_MODULES = WEB / "node_modules"
VENDOR = {"cytoscape.min.js": "cytoscape/dist/cytoscape.min.js"}
ASSETS = {"app.js": "text/javascript", "style.css": "text/css"}
MODULE = re.compile(r"^[a-z_]{1,40}\.js$")
NO_CACHE = {"cache-control": "no-cache"}

router = APIRouter(include_in_schema=False)


@router.get("/")
def index() -> FileResponse:
    return FileResponse(WEB / "index.html", media_type="text/html; charset=utf-8",
                        headers=NO_CACHE)


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/static/{name}")
def asset(name: str) -> FileResponse:
    if name not in ASSETS:
        raise ApiError(404, f"no static file {name!r}; the page's files are "
                            f"{', '.join(ASSETS)}")
    return FileResponse(WEB / name, media_type=ASSETS[name] + "; charset=utf-8",
                        headers=NO_CACHE)


@router.get("/static/js/{name}")
def module(name: str) -> FileResponse:
    path = WEB / "js" / name
    if not MODULE.match(name) or not path.is_file():
        raise ApiError(404, f"no page module {name!r}")
    return FileResponse(path, media_type="text/javascript; charset=utf-8", headers=NO_CACHE)


@router.get("/static/vendor/{name}")
def vendor(name: str) -> FileResponse:
    if name not in VENDOR:
        raise ApiError(404, f"no vendor library {name!r}; served: {', '.join(VENDOR)}")
    path = NODE_MODULES / VENDOR[name]
    if not path.is_file():
        raise ApiError(404, f"{name} is not installed; run `npm ci --prefix "
                            "src/armstrace/present/web` (or `make install`)")
    return FileResponse(path, media_type="text/javascript; charset=utf-8")

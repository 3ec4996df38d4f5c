"""One JSON error envelope for every failure: ``{"error": {"code", "message"}}``.

The message names the input and the problem and says what to do."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

log = logging.getLogger("armstrace.api")

CODES = {400: "bad_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         409: "conflict", 413: "too_large", 422: "invalid_request", 500: "internal_error",
         503: "unavailable"}


class ApiError(Exception):
    """Raised by handlers: becomes the envelope with this status, code and message."""

    def __init__(self, status: int, message: str, code: str | None = None):
        super().__init__(message)
        self.status, self.message = status, message
        self.code = code or CODES.get(status, "error")


def envelope(status: int, message: str, code: str | None = None,
             headers: dict | None = None) -> JSONResponse:
    body = {"error": {"code": code or CODES.get(status, "error"), "message": message}}
    return JSONResponse(body, status_code=status, headers=headers)


ERROR_SCHEMA = {"description": "Error", "content": {"application/json": {"schema": {
    "type": "object", "required": ["error"],
    "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
        "code": {"type": "string"}, "message": {"type": "string"}}}}}}}}
ERROR_RESPONSES = {404: ERROR_SCHEMA, 422: ERROR_SCHEMA}


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        given = err.get("input")
        shown = f" (got {given!r:.60})" if isinstance(given, (str, int, float)) else ""
        parts.append(f"{err.get('loc', ['?'])[0]} parameter {where or '?'}: {err.get('msg')}{shown}")
    return "; ".join(parts) + ". Fix the request; /openapi.json lists each parameter and " \
                              "its allowed values."


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError):
        return envelope(exc.status, exc.message, exc.code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError):
        return envelope(422, _validation_message(exc))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path {request.url.path!r}; /openapi.json lists the endpoints"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path!r}; " \
                      "/openapi.json lists the methods of each endpoint"
        return envelope(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        log.exception("internal error on %s", request.url.path)
        return envelope(500, f"internal error on {request.url.path} ({type(exc).__name__}); "
                              "the server log has the details; retry, or report it with the "
                              "request")

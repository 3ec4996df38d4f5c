"""Security headers on every response, and the bearer token that guards writes."""
from __future__ import annotations

import hmac

from fastapi import Request

from .errors import ApiError

CSP = "; ".join([
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "connect-src 'self'", "font-src 'self'", "base-uri 'none'", "form-action 'none'",
    "frame-ancestors 'none'", "object-src 'none'"])

HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


class SecurityHeaders:
    """Pure ASGI middleware: adds :data:`HEADERS` to every HTTP response."""

    def __init__(self, app):
        self.app = app
        self.raw = [(k.encode(), v.encode()) for k, v in HEADERS.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self.raw if k not in present]
            await send(message)
        return await self.app(scope, receive, send_with_headers)


def require_token(request: Request) -> None:
    """Writes need a configured token, sent as ``Authorization: Bearer <token>``."""
    expected = request.app.state.token
    if not expected:
        raise ApiError(403, "the API is read-only: no token is configured; start the server "
                            "with `armstrace serve --token T` (or ARMSTRACE_TOKEN) to allow "
                            "ingest")
    scheme, _, sent = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(sent.strip().encode(),
                                                             expected.encode()):
        raise ApiError(403, "missing or wrong token: send the server's token as "
                            "'Authorization: Bearer <token>'")

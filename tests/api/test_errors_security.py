"""One error envelope, security headers, and ingest only with the configured token."""
from __future__ import annotations

import pytest

from armstrace.present.api.security import CSP

from .conftest import TOKEN

ARTICLE = {"documents": [{"text": "Russia has delivered 20 T-90 tanks to Belarus, the "
                                  "ministry said.", "title": "T-90s for Minsk",
                          "date": "2024-05-06", "source": "Test Wire"}],
           "extractor": "minimal"}


def envelope(response, status: int, code: str) -> str:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    return body["error"]["message"]


@pytest.mark.parametrize("path, status, code, says", [
    ("/events/999999", 404, "not_found", "GET /events"),
    ("/documents/nope", 404, "not_found", "GET /documents"),
    ("/no/such/path", 404, "not_found", "/openapi.json"),
    ("/events?item=laser", 422, "invalid_request", "item"),
    ("/events?limit=0", 422, "invalid_request", "limit"),
    ("/claims?actor=XXX", 422, "invalid_request", "actor"),
    ("/analyses/dossier/nobody", 422, "invalid_request", "actor"),
    ("/analyses/breaches?as_of=2023-13", 422, "invalid_request", "as_of"),
    ("/actors/NATO", 404, "not_found", "GET /actors"),
    ("/export/xls", 422, "invalid_request", "format"),
])
def test_errors_come_in_one_envelope_that_says_what_to_do(client, path, status, code, says):
    assert says in envelope(client.get(path), status, code)


def test_wrong_method_is_an_envelope_too(client):
    envelope(client.delete("/events"), 405, "method_not_allowed")


def test_security_headers_on_api_and_page(client):
    for path in ("/", "/events", "/no/such/path"):
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CSP
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
    assert "unsafe-inline" not in CSP and "script-src 'self'" in CSP


def test_page_and_assets_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and '<div id="graph"' in page.text
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/js/evidence.js").status_code == 200
    assert client.get("/static/js/../../api/app.py").status_code == 404
    assert client.get("/static/package.json").status_code == 404


def test_ingest_is_refused_without_a_configured_token(client):
    message = envelope(client.post("/ingest", json=ARTICLE,
                                   headers={"Authorization": f"Bearer {TOKEN}"}), 403, "forbidden")
    assert "--token" in message
    assert client.get("/documents").json()["total"] == 5


def test_ingest_needs_the_token_sent(writable):
    envelope(writable.post("/ingest", json=ARTICLE), 403, "forbidden")
    envelope(writable.post("/ingest", json=ARTICLE, headers={"Authorization": "Bearer wrong"}),
             403, "forbidden")
    envelope(writable.post("/ingest", json={"documents": []},
                           headers={"Authorization": f"Bearer {TOKEN}"}), 422, "invalid_request")
    done = writable.post("/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert done.status_code == 200, done.text
    assert done.json()["new_documents"] == 1
    assert writable.get("/documents").json()["total"] == 6
    again = writable.post("/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json()["new_documents"] == 0

"""``armstrace serve`` as a program: one process serves the API and the page; the token
comes from --token or ARMSTRACE_TOKEN."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from .server import free_port

ARMSTRACE = Path(sys.executable).with_name("armstrace")


def wait_up(url: str, proc: subprocess.Popen) -> httpx.Response:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stdout.read()
        try:
            return httpx.get(f"{url}/health", timeout=2)
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError(f"armstrace serve did not answer on {url}")


def test_serve_answers_api_and_page_with_the_token_from_the_environment(kb_path):
    port = free_port()
    env = {**os.environ, "ARMSTRACE_TOKEN": "from-env"}
    proc = subprocess.Popen([str(ARMSTRACE), "serve", "--db", kb_path, "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        health = wait_up(url, proc).json()
        assert health["ingest"] is True and health["counts"]["documents"] == 5
        assert httpx.get(f"{url}/").headers["content-type"].startswith("text/html")
        assert httpx.get(f"{url}/openapi.json").json()["info"]["title"] == "armstrace"
        refused = httpx.post(f"{url}/ingest", json={"documents": [{"text": "x"}]})
        assert refused.status_code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=20)

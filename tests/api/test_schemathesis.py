"""schemathesis against the app's own OpenAPI description, on a live loopback server:
bounded examples per operation, and not one server error (5xx)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from armstrace.present.api import create_app

from .server import serving

ROOT = Path(__file__).resolve().parents[2]
ST = Path(sys.executable).with_name("st")
ARTIFACTS = ROOT / "test-artifacts"


def test_no_server_errors_under_schemathesis(kb_path):
    with serving(create_app(kb_path)) as base:
        done = subprocess.run(
            [str(ST), "run", f"{base}/openapi.json", "--checks", "not_a_server_error",
             "--phases", "fuzzing", "--max-examples", "50", "--seed", "8",
             "--workers", "2", "--request-timeout", "30", "--no-color"],
            capture_output=True, text=True, timeout=150)
    summary = done.stdout[done.stdout.rfind("\n", 0, done.stdout.find("SUMMARY")) + 1:]
    print(summary)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "schemathesis.txt").write_text(done.stdout + done.stderr, encoding="utf-8")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "passed" in summary and "failed" not in summary.split("Test cases:")[-1]

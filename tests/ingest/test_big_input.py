"""A 50 MB single-document input is refused without reading it whole: memory stays bounded."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ARMSTRACE

LINE = b"Plain words about a shipment of goods that goes on and on for a long while.\n"
PEAK_LIMIT_MB = 400

# Runs the CLI as a grandchild so that RUSAGE_CHILDREN measures that process alone.
PROBE = """
import json, resource, subprocess, sys
stdin = open(sys.argv[1], "rb") if sys.argv[1] != "-" else subprocess.DEVNULL
proc = subprocess.run(sys.argv[2:], stdin=stdin, capture_output=True, text=True)
peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"rc": proc.returncode, "stderr": proc.stderr, "peak_mb": peak_mb}))
"""


@pytest.fixture(scope="module")
def big_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.txt"
    with open(path, "wb") as out:
        out.write(LINE * (50 * 1024 * 1024 // len(LINE) + 1))
    return path


def measure(stdin: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, stdin, str(ARMSTRACE), *args],
                         capture_output=True, text=True, timeout=120, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("via", ["file", "stdin"])
def test_50mb_input_refused_with_the_limit_named_and_memory_bounded(via, big_file, tmp_path):
    db = str(tmp_path / "kb.db")
    if via == "file":
        report = measure("-", "ingest", str(big_file), "--db", db, "--quiet")
        name = "big.txt"
    else:
        report = measure(str(big_file), "ingest", "-", "--db", db, "--quiet")
        name = "<stdin>"
    assert report["rc"] == 1
    assert f"{name}: " in report["stderr"] and "limit" in report["stderr"]
    assert "ARMSTRACE_MAX_BYTES" in report["stderr"]
    assert report["peak_mb"] < PEAK_LIMIT_MB, report


def test_limit_can_be_raised_with_the_environment(tmp_path, monkeypatch):
    from armstrace.ingest import Document, read
    path = tmp_path / "mid.txt"
    path.write_bytes(LINE * 100)
    monkeypatch.setenv("ARMSTRACE_MAX_BYTES", "1000")
    [error] = list(read([path]))
    assert not isinstance(error, Document) and "ARMSTRACE_MAX_BYTES" in error.problem
    monkeypatch.setenv("ARMSTRACE_MAX_BYTES", str(len(LINE) * 100))
    [doc] = list(read([path]))
    assert isinstance(doc, Document)

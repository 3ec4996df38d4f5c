"""Limits that keep one input from exhausting memory; raise them with ARMSTRACE_MAX_BYTES."""
from __future__ import annotations

import os

DEFAULT_MAX_BYTES = 20_000_000   # 20 MB per single document file (decimal, as messages show)


def max_bytes() -> int:
    """Largest single document file read (bytes); JSONL and feeds are streamed per line/entry."""
    raw = os.environ.get("ARMSTRACE_MAX_BYTES")
    return int(raw) if raw and raw.isdigit() else DEFAULT_MAX_BYTES

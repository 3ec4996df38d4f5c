"""Bytes to text: byte-order marks, UTF-8, UTF-16 and Latin-1, and binary detection."""
from __future__ import annotations

import codecs

from .documents import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes) -> str:
    """Decode a document's bytes; raise :class:`InputError` for empty or binary input."""
    if not data.strip():
        raise InputError("empty input: no text to read")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec)
    if _looks_utf16(data):
        return data.decode("utf-16-le" if data[1] == 0 else "utf-16-be")
    if b"\x00" in data[:8192] or _control_share(data[:8192]) > 0.1:
        raise InputError("binary data, not text (NUL or control bytes); give a text, HTML, feed or JSONL file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252" if not _has_c1(data) else "latin-1")


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even)) or \
        (even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd))


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def _has_c1(data: bytes) -> bool:
    """cp1252 leaves five bytes of 0x80-0x9F undefined; fall back to Latin-1 for those."""
    return any(b in data for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D))

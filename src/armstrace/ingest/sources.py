"""Where documents come from: files by format, whole directories, standard input."""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator

from .decode import decode
from .documents import Document, IngestError, InputError
from .feed import read_feed
from .html import read_html
from .jsonl import read_jsonl
from .limits import max_bytes
from .text import read_text

Item = Document | IngestError
FORMATS = ("text", "html", "feed", "jsonl")
_BY_SUFFIX = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
              ".xml": "feed", ".rss": "feed", ".atom": "feed", ".jsonl": "jsonl",
              ".ndjson": "jsonl"}


def read(paths: Iterable[str | Path], fmt: str | None = None) -> Iterator[Item]:
    """Documents (and errors) from files, directories (recursively) and ``-`` (stdin)."""
    for path in paths:
        if str(path) == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", fmt)
            continue
        path = Path(path)
        if path.is_dir():
            yield from _read_dir(path, fmt)
        else:
            yield from read_file(path, fmt)


def _read_dir(root: Path, fmt: str | None) -> Iterator[Item]:
    def on_error(exc: OSError) -> None:
        raise exc
    try:
        walk = sorted(os.walk(root, onerror=on_error))
    except OSError as exc:
        yield IngestError(str(root), f"directory cannot be read ({exc.strerror})")
        return
    for folder, dirs, files in walk:
        for name in sorted(files):
            if name.startswith(".") or name.lower() in ("readme.md", "readme.txt"):
                continue
            path = Path(folder) / name
            if fmt or path.suffix.lower() in _BY_SUFFIX:
                yield from read_file(path, fmt)


def read_file(path: Path, fmt: str | None = None) -> Iterator[Item]:
    """One file; any failure becomes an :class:`IngestError` naming the file."""
    origin = str(path)
    try:
        fmt = fmt or _BY_SUFFIX.get(path.suffix.lower())
        if fmt == "jsonl":
            with open(path, "rb") as stream:
                yield from read_jsonl(stream, origin)
            return
        size = path.stat().st_size
        if size > max_bytes():
            raise InputError(f"file is {size / 1e6:.1f} MB, over the {max_bytes() / 1e6:.0f} MB "
                             "limit for one document; split it, or raise ARMSTRACE_MAX_BYTES")
        yield from _parse(path.read_bytes(), origin, fmt)
    except OSError as exc:
        yield IngestError(origin, f"cannot be read ({exc.strerror or exc})")
    except InputError as exc:
        yield IngestError(origin, str(exc))


def read_stream(stream: IO[bytes], origin: str, fmt: str | None = None) -> Iterator[Item]:
    """Standard input or any byte stream: JSONL is streamed, other formats read whole."""
    head = stream.read(1)
    if (fmt or _sniff(head)) == "jsonl":
        yield from read_jsonl(io.BufferedReader(_Prefixed(head, stream)), origin)
        return
    data = head + stream.read(max_bytes() + 1 - len(head))
    try:
        if len(data) > max_bytes():
            raise InputError(f"input is over the {max_bytes() / 1e6:.0f} MB limit for one document; "
                             "raise ARMSTRACE_MAX_BYTES or send JSONL")
        yield from _parse(data, origin, fmt)
    except InputError as exc:
        yield IngestError(origin, str(exc))


def _parse(data: bytes, origin: str, fmt: str | None) -> Iterator[Item]:
    if fmt == "feed":
        yield from read_feed(data, origin)
        return
    text = decode(data)
    fmt = fmt or _sniff(text.lstrip()[:1].encode(), text)
    if fmt == "feed":
        yield from read_feed(text.encode("utf-8"), origin)
    elif fmt == "html":
        yield from read_html(text, origin)
    elif fmt == "jsonl":
        yield from read_jsonl(io.BytesIO(text.encode("utf-8")), origin)
    else:
        yield from read_text(text, origin)


def _sniff(head: bytes, text: str = "") -> str:
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<"):
        start = text[:2000].lower()
        return "feed" if ("<rss" in start or "<feed" in start or "<rdf" in start) else "html"
    return "text"


class _Prefixed(io.RawIOBase):
    """A stream with some bytes already read put back in front."""

    def __init__(self, head: bytes, stream: IO[bytes]):
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

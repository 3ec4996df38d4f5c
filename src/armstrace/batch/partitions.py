"""A corpus cut into partitions of about ``size`` documents, in reading order.

A JSONL file is cut by lines (byte ranges, so a worker reads only its slice), a
Parquet file by rows; other files (text, HTML, feeds) go ``size`` files to a
partition. Directories are walked in the order the in-process reader uses, so the
partitions, read one after another, give the documents in the same order.
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..ingest import Document, IngestError
from ..ingest.jsonl import read_jsonl
from ..ingest.sources import _BY_SUFFIX, read_file
from .parquet_input import parquet_documents, parquet_rows

Item = Document | IngestError


@dataclass(frozen=True)
class Partition:
    """One unit of work: ``kind`` is "jsonl" (bytes ``start``-``stop`` of ``path``, first
    line number ``line``), "parquet" (rows ``start``-``stop``) or "files" (``files``)."""
    index: int
    kind: str
    path: str = ""
    start: int = 0
    stop: int = 0
    line: int = 1
    files: tuple[str, ...] = field(default_factory=tuple)
    fmt: str | None = None

    @property
    def label(self) -> str:
        if self.kind == "files":
            more = f" and {len(self.files) - 1} more" if len(self.files) > 1 else ""
            return f"{self.files[0]}{more}"
        unit = "bytes" if self.kind == "jsonl" else "rows"
        return f"{self.path} ({unit} {self.start}-{self.stop})"


def plan(paths: list[str | Path], size: int = 200, fmt: str | None = None) -> list[Partition]:
    """Partitions of the corpus at ``paths`` (files or directories), in reading order."""
    if size < 1:
        raise ValueError(f"partition size must be at least 1 document, not {size}")
    out: list[Partition] = []
    pending: list[str] = []

    def flush() -> None:
        for i in range(0, len(pending), size):
            out.append(Partition(len(out), "files", files=tuple(pending[i:i + size]), fmt=fmt))
        pending.clear()

    for path in _corpus_files(paths, fmt):
        kind = _kind(path, fmt)
        if kind == "files":
            pending.append(str(path))
            continue
        flush()
        cuts = _jsonl_cuts(path, size) if kind == "jsonl" else _row_cuts(path, size)
        for start, stop, line in cuts:
            out.append(Partition(len(out), kind, str(path), start, stop, line, fmt=fmt))
    flush()
    return out


def _kind(path: Path, fmt: str | None) -> str:
    if not path.is_file():
        return "files"               # read_file reports it (missing, unreadable)
    if fmt == "jsonl" or (fmt is None and _BY_SUFFIX.get(path.suffix.lower()) == "jsonl"):
        return "jsonl"
    return "parquet" if fmt is None and path.suffix.lower() == ".parquet" else "files"


def _corpus_files(paths: list[str | Path], fmt: str | None) -> Iterator[Path]:
    """Files named, and the readable files of directories (as the in-process reader)."""
    for path in map(Path, paths):
        if str(path) == "-":
            raise ValueError("standard input cannot be split into partitions; save it to a "
                             "JSONL file and give that file")
        if not path.is_dir():
            yield path
            continue
        for folder, _dirs, files in sorted(os.walk(path)):
            for name in sorted(files):
                if name.startswith(".") or name.lower() in ("readme.md", "readme.txt"):
                    continue
                file = Path(folder) / name
                if fmt or file.suffix.lower() in _BY_SUFFIX or file.suffix == ".parquet":
                    yield file


def _jsonl_cuts(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """(start byte, stop byte, first line number) of every ``size`` lines."""
    start = offset = 0
    line = first = 1
    with open(path, "rb") as stream:
        for raw in stream:
            offset += len(raw)
            if line - first + 1 == size:
                yield start, offset, first
                start, first = offset, line + 1
            line += 1
    if offset > start:
        yield start, offset, first


def _row_cuts(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    rows = parquet_rows(path)
    for start in range(0, rows, size):
        yield start, min(rows, start + size), start + 1


def read_partition(part: Partition) -> Iterator[Item]:
    """The documents and ingest errors of one partition, as the in-process reader gives them."""
    if part.kind == "files":
        for path in part.files:
            yield from read_file(Path(path), part.fmt)
    elif part.kind == "parquet":
        yield from parquet_documents(Path(part.path), part.start, part.stop)
    else:
        yield from _jsonl_slice(part)


def _jsonl_slice(part: Partition) -> Iterator[Item]:
    try:
        with open(part.path, "rb") as stream:
            stream.seek(part.start)
            data = stream.read(part.stop - part.start)
    except OSError as exc:
        yield IngestError(part.path, f"cannot be read ({exc.strerror or exc})")
        return
    for item in read_jsonl(io.BytesIO(data), part.path):
        _renumber(item, part)
        yield item


def _renumber(item: Item, part: Partition) -> None:
    """Line numbers counted from the slice's first line, as in the whole file."""
    where = item.origin if isinstance(item, Document) else item.input
    number = int(where.rsplit(":", 1)[1]) + part.line - 1
    fixed = f"{part.path}:{number}"
    if isinstance(item, Document):
        item.origin = fixed
    else:
        item.input = fixed

"""Exports that other tools open: JSON (round trip through ``armstrace import``), CSV and
Parquet (one row per event or per claim, with evidence), GraphML and GEXF (Gephi,
networkx) and FollowTheMoney entities (Aleph). One module per format, each with
``write(store, out: BinaryIO, what="events")``."""
from __future__ import annotations

from importlib import import_module
from typing import BinaryIO

from .rows import WHATS

FORMATS = {"json": ("json_fmt", "application/json", ".json"),
           "csv": ("csv_fmt", "text/csv; charset=utf-8", ".csv"),
           "graphml": ("graphml_fmt", "application/graphml+xml", ".graphml"),
           "gexf": ("gexf_fmt", "application/gexf+xml", ".gexf"),
           "ftm": ("ftm_fmt", "application/x-ndjson", ".ftm.json"),
           "parquet": ("parquet_fmt", "application/vnd.apache.parquet", ".parquet")}
TABULAR = ("csv", "parquet")       # the formats that take ``what`` (events or claims)

__all__ = ["FORMATS", "TABULAR", "WHATS", "export", "media_type", "filename"]


def export(store, fmt: str, out: BinaryIO, what: str = "events") -> None:
    """Write the knowledge base of ``store`` to ``out`` in ``fmt``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise ValueError(f"cannot export {what!r}; choose one of {', '.join(WHATS)}")
    module = import_module(f"{__name__}.{FORMATS[fmt][0]}")
    module.write(store, out, what)


def media_type(fmt: str) -> str:
    return FORMATS[fmt][1]


def filename(fmt: str, what: str = "events") -> str:
    stem = f"armstrace-{what}" if fmt in TABULAR else "armstrace"
    return stem + FORMATS[fmt][2]

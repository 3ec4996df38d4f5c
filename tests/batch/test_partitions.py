"""Partitions of a corpus: cut by lines, rows or files, read back in reading order."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from armstrace.batch.partitions import plan, read_partition
from armstrace.ingest import Document, IngestError, read

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _summary(items) -> list[tuple]:
    return [(i.id, i.origin, i.date, i.title, i.source) if isinstance(i, Document)
            else ("error", i.input, i.problem) for i in items]


def test_partitions_read_in_order_give_what_the_in_process_reader_gives(fixtures):
    paths = [CORPUS, fixtures / "corpus", fixtures / "docs.jsonl", fixtures / "missing.txt"]
    parts = plan(paths, size=3)
    assert {p.kind for p in parts} == {"files", "jsonl"} and len(parts) > 8
    assert [p.index for p in parts] == list(range(len(parts)))
    batch = [item for p in parts for item in read_partition(p)]
    assert _summary(batch) == _summary(read(paths))


def test_jsonl_is_cut_by_lines_and_keeps_its_line_numbers(tmp_path):
    lines = [json.dumps({"text": f"Report number {n}.", "date": "2024-05-0" + str(n)})
             for n in range(1, 8)]
    lines[3] = "{broken"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n")
    parts = plan([corpus], size=3)
    assert [(p.kind, p.line) for p in parts] == [("jsonl", 1), ("jsonl", 4), ("jsonl", 7)]
    got = [list(read_partition(p)) for p in parts]
    assert [len(g) for g in got] == [3, 3, 1]
    error = got[1][0]
    assert isinstance(error, IngestError) and error.input == f"{corpus}:4"
    assert [d.origin for d in got[1][1:]] == [f"{corpus}:5", f"{corpus}:6"]
    assert got[2][0].date == "2024-05-07"


def test_parquet_is_cut_by_rows_reading_only_their_row_groups(tmp_path):
    corpus = tmp_path / "c.parquet"
    table = pa.table({"text": ["Russia sent drones.", None, "Iran sent shells.", "Chad."],
                      "id": [10, 11, 12, 13], "date": ["12 March 2024", None, "2023-01", None],
                      "lang": ["en"] * 4})
    pq.write_table(table, corpus, row_group_size=1)
    parts = plan([tmp_path], size=3)
    assert [(p.kind, p.start, p.stop) for p in parts] == [("parquet", 0, 3), ("parquet", 3, 4)]
    first = list(read_partition(parts[0]))
    assert [type(i).__name__ for i in first] == ["Document", "IngestError", "Document"]
    assert first[1].input == f"{corpus}#row2" and '"text"' in first[1].problem
    assert (first[0].date, first[0].meta) == ("2024-03-12", {"lang": "en", "external_id": "10"})
    assert first[2].date == "2023-01" and first[2].origin == f"{corpus}#row3"
    assert [d.text for d in read_partition(parts[1])] == ["Chad."]


def test_bad_plans_say_what_to_do():
    with pytest.raises(ValueError, match="at least 1"):
        plan([CORPUS], size=0)
    with pytest.raises(ValueError, match="save it to a JSONL file"):
        plan(["-"])

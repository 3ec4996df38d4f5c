"""The bad-input matrix: every bad input gives a clear error naming it and the problem, in the
store and on stderr, and the rest of the batch is stored. (Outcomes: bench/RESULTS.md.)"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from armstrace.ontology import OntologyError, validate
from armstrace.store import Store, documents

GOOD = "Spain shipped rifles to Morocco, the ministry said."
BIG_LINE = b"Plain words about a shipment of goods that goes on and on for a long while.\n"


@dataclass
class Case:
    name: str
    make: Callable[[Path], Path]     # writes the input into a folder, returns its path
    error_input: str | None = None   # what the error must name (None: no error expected)
    problem: tuple[str, ...] = ()    # words the problem must contain
    stored: tuple[str, ...] = ()     # texts that must be stored from this input


def write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return make


def big_file(folder: Path) -> Path:
    path = folder / "big.txt"
    with open(path, "wb") as out:
        out.write(BIG_LINE * (50 * 1024 * 1024 // len(BIG_LINE) + 1))
    return path


def dangling_symlink(folder: Path) -> Path:
    """An unreadable file even as root (chmod 000 does not stop root)."""
    path = folder / "gone.txt"
    path.symlink_to(folder / "no-such-target.txt")
    return path


def truncated_feed(folder: Path) -> Path:
    feed = (Path(__file__).parents[1] / "fixtures" / "feed.rss").read_text()
    cut = feed.index("<item>", feed.index("</item>")) + 60
    return write("cut.rss", feed[:cut].encode())(folder)


ACCENTED = "Le ministre français a visité São Tomé."
BROKEN_JSONL = (b'{"text": "Line one about a frigate."}\n{"text": "broken\n'
                b'{"text": "Line three about a corvette."}\n')
MALFORMED_HTML = ("<html><head><title>Broken page</title></head><body><div><p>Norway delivered "
                  "air defence systems to Lithuania, the defence ministry said on Monday in a "
                  "statement about the deployment<p>More text keeps going without closing any "
                  "of the tags that were opened above, which makes the markup malformed<div>")

CASES = [
    Case("empty", write("empty.txt", b""), "empty.txt", ("empty",)),
    Case("whitespace-only", write("blank.txt", b"  \n\n\t \n"), "blank.txt", ("empty",)),
    Case("binary", write("photo.txt", bytes(range(256)) * 40), "photo.txt", ("binary",)),
    Case("50MB text", big_file, "big.txt", ("52.4 MB", "limit", "ARMSTRACE_MAX_BYTES")),
    Case("latin-1", write("latin1.txt", ACCENTED.encode("latin-1")),
         stored=(ACCENTED,)),
    Case("utf-16 with BOM", write("utf16.txt", "Zürich, Kraków and Škoda.".encode("utf-16")),
         stored=("Zürich, Kraków and Škoda.",)),
    Case("malformed html", write("broken.html", MALFORMED_HTML.encode()),
         stored=("Norway delivered air defence systems to Lithuania",)),
    Case("truncated feed", truncated_feed, "cut.rss", ("malformed", "entries before it were read"),
         stored=("Poland sent towed howitzers to Ukraine",)),
    Case("jsonl broken line", write("mixed.jsonl", BROKEN_JSONL),
         "mixed.jsonl:2", ("not valid JSON",),
         stored=("Line one about a frigate.", "Line three about a corvette.")),
    Case("jsonl line without text", write("notext.jsonl", b'{"title": "only a title"}\n'),
         "notext.jsonl:1", ('"text"',)),
    Case("unreadable file (dangling symlink)", dangling_symlink, "gone.txt",
         ("cannot be read", "No such file")),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_input_is_reported_and_the_batch_goes_on(case, tmp_path, tmp_db, cli):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "good.txt").write_text(GOOD)
    case.make(batch)
    result = cli("run", batch, "--db", tmp_db, "--extractor", "minimal", "--quiet")
    with Store(tmp_db) as store:
        texts = [store.document(d["id"])["text"] for d in documents(store)]
        errors = store.errors()
    assert GOOD in texts, "the rest of the batch must be stored"
    for text in case.stored:
        assert any(text in t for t in texts), text
    if case.error_input is None:
        assert result.exit_code == 0, result.stderr
        assert errors == []
        return
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if f"/{case.error_input}: " in ln]
    assert any(ln.startswith("error: ") and all(w in ln for w in case.problem) for ln in lines), \
        result.stderr
    rows = [e for e in errors if e["input"].endswith(case.error_input)]
    assert any(all(w in row["problem"] for w in case.problem) for row in rows), errors


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod-000 files; see dangling symlink")
def test_chmod_000_file_is_reported(tmp_path, tmp_db, cli):
    path = tmp_path / "locked.txt"
    path.write_text(GOOD)
    path.chmod(0)
    result = cli("ingest", path, "--db", tmp_db, "--quiet")
    assert result.exit_code == 1 and "locked.txt: cannot be read" in result.stderr


def test_missing_path_on_the_command_line_is_named(tmp_path, tmp_db, cli):
    (tmp_path / "good.txt").write_text(GOOD)
    result = cli("ingest", tmp_path / "good.txt", tmp_path / "nowhere.txt", "--db", tmp_db, "-q")
    assert result.exit_code == 1 and "nowhere.txt: cannot be read" in result.stderr
    with Store(tmp_db) as store:
        assert store.counts()["documents"] == 1


def test_file_named_with_brackets_is_printed_verbatim(tmp_path, tmp_db, cli):
    (tmp_path / "report [draft] [bold].txt").write_bytes(b"")
    result = cli("ingest", tmp_path, "--db", tmp_db, "-q")
    assert result.exit_code == 1 and "report [draft] [bold].txt: empty input" in result.stderr
    listed = cli("errors", "--db", tmp_db)
    assert listed.exit_code == 0 and "[draft]" in listed.stdout


def test_gold_record_with_unknown_code_names_the_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"type": "transfer", "supplier": "PRK", "recipient": "RUS", '
                    '"item": "laser"}\n')
    with pytest.raises(OntologyError) as info:
        for n, line in enumerate(gold.read_text().splitlines(), 1):
            validate(json.loads(line), where=f"{gold.name}:{n}", allow_lists=True)
    assert "gold.jsonl:1 (transfer): field 'item' has unknown code 'laser'" in str(info.value)
    assert "ammunition" in str(info.value)

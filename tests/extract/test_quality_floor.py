"""The quality floor on ../shared/eval (skipped where ../shared is absent).

Fails when a change drops any pinned figure below its floor, or when a gold file
changed since the floors were pinned (re-pin with
``python -m armstrace.evaluate.floor --write`` from the repository root).
"""
from pathlib import Path

import pytest

from armstrace.evaluate import evaluate
from armstrace.evaluate.floor import below_floor, load, sha256
from armstrace.ingest import Document

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
BASELINE = load()
FILES = sorted(BASELINE["files"])


@pytest.fixture(scope="module")
def scores(engine):
    paths = [SHARED / name for name in FILES]
    if not all(p.exists() for p in paths):
        pytest.skip("../shared/eval is not beside the repository")
    return evaluate(paths, lambda d: engine.extract(Document(text=d.text, date=d.date)))


@pytest.mark.parametrize("name", FILES)
def test_gold_file_is_the_one_pinned(name):
    path = SHARED / name
    if not path.exists():
        pytest.skip("../shared/eval is not beside the repository")
    assert sha256(path) == BASELINE["files"][name]["sha256"], \
        f"{name} changed since the floors were pinned: re-measure and re-pin them"


@pytest.mark.parametrize("name", FILES)
def test_scores_stay_above_their_floors(scores, name):
    score = scores[SHARED / name]
    dropped = below_floor(score, BASELINE["files"][name]["floors"])
    assert not dropped, f"{name}: below the pinned floor: " + "; ".join(dropped)


def test_every_record_quotes_its_document_verbatim(engine):
    paths = [SHARED / name for name in FILES]
    if not all(p.exists() for p in paths):
        pytest.skip("../shared/eval is not beside the repository")
    from armstrace.evaluate import read_gold
    checked = 0
    for path in paths:
        for gold in read_gold(path):
            for record in engine.extract(Document(text=gold.text, date=gold.date)):
                ev = record.evidence
                assert gold.text[ev.start:ev.end] == ev.quote, (gold.id, record.to_dict())
                checked += 1
    assert checked > 100

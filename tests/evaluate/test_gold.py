"""Reading gold files, and the scorer run on the shared gold files against themselves."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from armstrace.evaluate import GoldDoc, GoldFileError, evaluate, read_gold
from armstrace.evaluate.matching import reduce_records

SHARED_EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
# Gold records per file and type, from the counts in the eval README. Gold files
# keep one record per key per document (convention 5), so reduction removes none.
README_COUNTS = {
    "dev.jsonl": {"transfer": 29, "exercise": 6, "agreement": 8, "meeting": 5, "sanction": 14},
    "dev-written.jsonl": {"transfer": 119, "exercise": 7, "agreement": 13, "meeting": 22,
                          "sanction": 23},
}


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def doc_line(doc_id: str, records: list[dict], text: str = "Some text.") -> str:
    return json.dumps({"id": doc_id, "date": None, "source": "test", "text": text,
                       "records": records})


GOOD = {"type": "transfer", "supplier": "PRK", "recipient": "RUS", "item": "ammunition",
        "stage": "ongoing", "assertion": "alleged"}


def test_reads_documents_and_item_lists(tmp_path):
    listed = dict(GOOD, supplier="RUS", recipient="PRK", item=["nuclear", "naval"])
    path = write_lines(tmp_path / "g.jsonl", [doc_line("a", [GOOD, listed]), "",
                                              doc_line("b", [])])
    docs = read_gold(path)
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].records[1]["item"] == ("naval", "nuclear")
    assert docs[1].records == []


def test_unknown_code_names_file_line_and_problem(tmp_path):
    bad = dict(GOOD, item="lasers")
    path = write_lines(tmp_path / "g.jsonl", [doc_line("a", [GOOD]), doc_line("b", [bad])])
    with pytest.raises(GoldFileError, match=r"g\.jsonl, line 2.*'b'.*'item'.*'lasers'"):
        read_gold(path)


def test_malformed_json_names_file_and_line(tmp_path):
    path = write_lines(tmp_path / "broken.jsonl", [doc_line("a", []), '{"id": "b", "text": '])
    with pytest.raises(GoldFileError, match=r"broken\.jsonl, line 2: not valid JSON"):
        read_gold(path)


def test_missing_keys_are_named(tmp_path):
    path = write_lines(tmp_path / "g.jsonl", [json.dumps({"id": "a", "text": "x"})])
    with pytest.raises(GoldFileError, match=r"line 1: missing key\(s\) records"):
        read_gold(path)


def test_repeated_document_id_is_refused(tmp_path):
    path = write_lines(tmp_path / "g.jsonl", [doc_line("a", []), doc_line("a", [])])
    with pytest.raises(GoldFileError, match=r"line 2: document id 'a' already used on line 1"):
        read_gold(path)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(GoldFileError, match=r"nowhere\.jsonl: cannot read"):
        read_gold(tmp_path / "nowhere.jsonl")


def test_evaluate_runs_the_system_on_each_document(tmp_path):
    path = write_lines(tmp_path / "g.jsonl", [doc_line("a", [GOOD], "North Korea ships shells."),
                                              doc_line("b", [])])
    seen: list[str] = []

    def system(doc: GoldDoc) -> list[dict]:
        seen.append(doc.id)
        return [dict(GOOD)] if "shells" in doc.text else []

    result = evaluate([path], system)[path]
    assert seen == ["a", "b"]
    assert (result.micro.tp, result.micro.fp, result.micro.fn) == (1, 0, 0)


def as_system(doc: GoldDoc) -> list[dict]:
    """Gold records as a system would emit them: one code where gold lists several."""
    return [dict(r, item=r["item"][0]) if isinstance(r.get("item"), list) else r
            for r in doc.record_dicts()]


@pytest.mark.parametrize("name", sorted(README_COUNTS))
def test_shared_gold_scores_perfectly_against_itself(name):
    path = SHARED_EVAL / name
    if not path.exists():
        pytest.skip(f"{path} not present (the shared eval folder sits beside the repo)")
    docs = read_gold(path)
    expected = README_COUNTS[name]
    assert sum(len(d.records) for d in docs) == sum(expected.values())
    assert sum(len(reduce_records(d.records)) for d in docs) == sum(expected.values())
    result = evaluate([path], as_system)[path]
    assert {t: c.tp for t, c in result.per_type.items()} == expected
    micro = result.micro
    assert (micro.tp, micro.fp, micro.fn) == (sum(expected.values()), 0, 0)
    assert micro.precision == micro.recall == micro.f1 == 1.0
    assert result.transfer_stage_agreement == 1.0
    assert result.transfer_assertion_agreement == 1.0
    assert result.errors == []
    assert result.documents == len(docs)

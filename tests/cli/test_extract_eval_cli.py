"""`armstrace extract` (a filter, no database) and `armstrace eval` (the scorer) as a user runs them."""
import json
import subprocess

from conftest import ARMSTRACE

TEXT = ("Norway has donated air defence missiles to Ukraine, the ministry said.\n"
        "Analysts said Russia could give North Korea fighter jets.\n")


def test_extract_writes_one_json_line_per_document_with_verbatim_evidence(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Date: 2024-02-01\n\n" + TEXT, encoding="utf-8")
    out = subprocess.run([str(ARMSTRACE), "extract", str(doc), "--jsonl"], capture_output=True,
                         text=True, check=True).stdout.splitlines()
    assert len(out) == 1
    line = json.loads(out[0])
    assert line["date"] == "2024-02-01"
    keys = {(r["supplier"], r["recipient"], r["item"]) for r in line["records"]
            if r["type"] == "transfer"}
    assert {("NOR", "UKR", "air_defence"), ("RUS", "PRK", "aircraft")} <= keys
    body = TEXT.strip()
    for r in line["records"]:
        ev = r["evidence"]
        assert body[ev["start"]:ev["end"]] == ev["quote"]


def test_extract_reads_standard_input_and_names_bad_input(tmp_path):
    ok = subprocess.run([str(ARMSTRACE), "extract", "-"], input="Poland sent tanks to Ukraine.",
                        capture_output=True, text=True)
    assert ok.returncode == 0 and '"recipient": "UKR"' in ok.stdout
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    bad = subprocess.run([str(ARMSTRACE), "extract", str(empty)], capture_output=True, text=True)
    assert bad.returncode == 1 and "empty.txt" in bad.stderr and "empty" in bad.stderr


def _gold(tmp_path, records):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "date": "2024-02-01", "source": "test", "text": TEXT,
                                "records": records}) + "\n", encoding="utf-8")
    return gold


def test_eval_scores_a_gold_file_as_json(tmp_path):
    gold = _gold(tmp_path, [
        {"type": "transfer", "supplier": "NOR", "recipient": "UKR", "item": "air_defence",
         "stage": "delivered", "assertion": "asserted", "tech": False},
        {"type": "transfer", "supplier": "RUS", "recipient": "PRK", "item": "aircraft",
         "stage": "proposed", "assertion": "hypothetical", "tech": False},
        {"type": "sanction", "imposer": "UN", "target": "PRK", "stage": "delivered",
         "assertion": "asserted", "kind": "sanctions"}])
    out = subprocess.run([str(ARMSTRACE), "eval", str(gold), "--json"], capture_output=True,
                         text=True, check=True).stdout
    score = json.loads(out)[str(gold)]
    assert score["per_type"]["transfer"]["tp"] == 2
    assert score["per_type"]["sanction"]["fn"] == 1          # not in the text: a miss
    assert score["transfer_stage_agreement"] == 1.0


def test_eval_errors_list_the_missed_record_and_bad_gold_is_named(tmp_path):
    gold = _gold(tmp_path, [{"type": "meeting", "participants": ["NOR", "UKR"],
                             "stage": "delivered", "assertion": "asserted"}])
    out = subprocess.run([str(ARMSTRACE), "eval", str(gold), "--errors"], capture_output=True,
                         text=True, check=True).stdout
    assert "false negative" in out and "false positive" in out
    broken = _gold(tmp_path, [{"type": "transfer", "supplier": "NOR", "recipient": "UKR",
                               "item": "laser"}])
    bad = subprocess.run([str(ARMSTRACE), "eval", str(broken)], capture_output=True, text=True)
    assert bad.returncode == 1 and "gold.jsonl" in bad.stderr and "laser" in bad.stderr

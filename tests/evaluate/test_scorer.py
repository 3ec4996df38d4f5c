"""The scorer of ONTOLOGY.md "Gold files", checked against hand-computed figures."""
from __future__ import annotations

import pytest

from armstrace.evaluate import ScoreInputError, format_errors, format_table, score
from rich.console import Console


def transfer(supplier, recipient, item, stage="delivered", assertion="asserted", **extra):
    return {"type": "transfer", "supplier": supplier, "recipient": recipient, "item": item,
            "stage": stage, "assertion": assertion, **extra}


def group(rtype, members, stage="delivered", assertion="asserted"):
    field = "parties" if rtype == "agreement" else "participants"
    return {"type": rtype, field: members, "stage": stage, "assertion": assertion}


def kinds(result):
    return sorted(e.kind for e in result.errors)


def test_participant_sets_match_in_any_order():
    gold = {"d": [group("exercise", ["CHN", "PRK", "RUS"]), group("agreement", ["KOR", "USA"])]}
    system = {"d": [group("exercise", ["RUS", "CHN", "PRK"]), group("agreement", ["USA", "KOR"])]}
    result = score(gold, system)
    assert (result.micro.tp, result.micro.fp, result.micro.fn) == (2, 0, 0)


def test_participant_subset_is_no_match():
    result = score({"d": [group("meeting", ["CHN", "PRK", "RUS"])]},
                   {"d": [group("meeting", ["PRK", "RUS"])]})
    assert (result.per_type["meeting"].tp, result.per_type["meeting"].fp,
            result.per_type["meeting"].fn) == (0, 1, 1)


@pytest.mark.parametrize("code", ["naval", "nuclear"])
def test_gold_item_list_matches_either_code(code):
    gold = {"d": [transfer("RUS", "PRK", ["naval", "nuclear"], "negotiating", "reported")]}
    result = score(gold, {"d": [transfer("RUS", "PRK", code, "negotiating", "reported")]})
    assert result.per_type["transfer"].tp == 1 and result.errors == []


def test_two_codes_against_one_gold_list_give_one_tp_and_one_fp():
    # The gold holds one claim; a system that splits it into two records has one too many.
    gold = {"d": [transfer("RUS", "PRK", ["naval", "nuclear"])]}
    system = {"d": [transfer("RUS", "PRK", "naval"), transfer("RUS", "PRK", "nuclear")]}
    counts = score(gold, system).per_type["transfer"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)


def test_code_outside_gold_list_is_no_match():
    result = score({"d": [transfer("RUS", "PRK", ["naval", "nuclear"])]},
                   {"d": [transfer("RUS", "PRK", "space")]})
    assert kinds(result) == ["false_negative", "false_positive"]


def test_system_item_list_is_refused_with_the_document_named():
    with pytest.raises(ScoreInputError, match=r"'d7'.*'item' must be one code"):
        score({"d7": []}, {"d7": [transfer("RUS", "PRK", ["naval", "nuclear"])]})


def test_system_unknown_code_is_refused():
    with pytest.raises(ScoreInputError, match=r"system output for document 'd'.*'XYZ'"):
        score({"d": []}, {"d": [transfer("XYZ", "PRK", "naval")]})


def test_duplicates_count_once_keeping_the_furthest_stage():
    # Gold: one claim. System: the same key three times; reduced to the `delivered` one.
    gold = {"d": [transfer("PRK", "RUS", "ammunition", "delivered", "alleged")]}
    system = {"d": [transfer("PRK", "RUS", "ammunition", "proposed", "asserted"),
                    transfer("PRK", "RUS", "ammunition", "delivered", "alleged"),
                    transfer("PRK", "RUS", "ammunition", "negotiating", "reported")]}
    result = score(gold, system)
    assert (result.micro.tp, result.micro.fp, result.micro.fn) == (1, 0, 0)
    assert result.transfer_stage_agreement == 1.0
    assert result.transfer_assertion_agreement == 1.0


def test_gold_duplicates_are_reduced_too():
    gold = {"d": [group("meeting", ["PRK", "RUS"], "proposed", "reported"),
                  group("meeting", ["RUS", "PRK"], "delivered", "asserted")]}
    result = score(gold, {"d": [group("meeting", ["PRK", "RUS"], "delivered", "asserted")]})
    counts = result.per_type["meeting"]
    assert (counts.tp, counts.fn) == (1, 0)
    assert result.agreement["meeting"].stage_share == 1.0


def test_same_stage_tie_goes_to_the_firmer_assertion():
    # delivered and ongoing rank alike; the tie goes to asserted over hypothetical.
    gold = {"d": [transfer("CHN", "RUS", "uav", "ongoing", "asserted")]}
    system = {"d": [transfer("CHN", "RUS", "uav", "delivered", "hypothetical"),
                    transfer("CHN", "RUS", "uav", "ongoing", "asserted")]}
    result = score(gold, system)
    assert result.transfer_assertion_agreement == 1.0
    assert result.transfer_stage_agreement == 1.0


def test_cancelled_is_furthest_along():
    system = {"d": [transfer("USA", "BIH", "arms_unspecified", "cancelled", "reported"),
                    transfer("USA", "BIH", "arms_unspecified", "ongoing", "asserted")]}
    gold = {"d": [transfer("USA", "BIH", "arms_unspecified", "ongoing", "asserted")]}
    result = score(gold, system)
    assert kinds(result) == ["assertion_mismatch", "stage_mismatch"]


def test_precision_recall_f1_on_a_hand_example():
    gold = {"a": [transfer("PRK", "RUS", "ammunition"), transfer("PRK", "RUS", "missiles"),
                  transfer("RUS", "PRK", "space"), group("meeting", ["PRK", "RUS"])],
            "b": [{"type": "sanction", "imposer": "UN", "target": "PRK"}]}
    system = {"a": [transfer("PRK", "RUS", "ammunition"), transfer("PRK", "RUS", "missiles"),
                    transfer("CHN", "RUS", "uav"), group("meeting", ["RUS", "PRK"])],
              "b": [{"type": "sanction", "imposer": "USA", "target": "PRK"}]}
    result = score(gold, system)
    transfers = result.per_type["transfer"]
    # transfers: tp=2 (ammunition, missiles), fp=1 (CHN->RUS uav), fn=1 (RUS->PRK space)
    # P = 2/3, R = 2/3, F1 = 2*2/(2*2+1+1) = 4/6
    assert (transfers.tp, transfers.fp, transfers.fn) == (2, 1, 1)
    assert transfers.precision == pytest.approx(2 / 3)
    assert transfers.recall == pytest.approx(2 / 3)
    assert transfers.f1 == pytest.approx(2 / 3)
    # sanction: tp=0, fp=1, fn=1 -> P=0, R=0, F1=0
    assert result.per_type["sanction"].f1 == 0.0
    # micro: tp = 2 + 1 (meeting) = 3, fp = 1 + 1 = 2, fn = 1 + 1 = 2
    # P = 3/5, R = 3/5, F1 = 6/(6+2+2) = 0.6
    micro = result.micro
    assert (micro.tp, micro.fp, micro.fn) == (3, 2, 2)
    assert micro.precision == pytest.approx(0.6)
    assert micro.recall == pytest.approx(0.6)
    assert micro.f1 == pytest.approx(0.6)
    # a type with nothing on either side has no figures
    assert result.per_type["exercise"].precision is None
    assert result.per_type["exercise"].f1 is None


def test_stage_and_assertion_agreement_of_matched_transfers():
    gold = {"d": [transfer("PRK", "RUS", "ammunition", "ongoing", "alleged"),
                  transfer("PRK", "RUS", "missiles", "negotiating", "reported"),
                  transfer("RUS", "PRK", "space", "proposed", "hypothetical"),
                  transfer("USA", "UKR", "armour", "delivered", "asserted")]}
    system = {"d": [transfer("PRK", "RUS", "ammunition", "delivered", "alleged"),
                    transfer("PRK", "RUS", "missiles", "negotiating", "asserted"),
                    transfer("RUS", "PRK", "space", "proposed", "hypothetical")]}
    result = score(gold, system)
    # 3 matched transfers; stage agrees on 2 (missiles, space): delivered != ongoing.
    # assertion agrees on 2 (ammunition, space). The unmatched armour counts in neither.
    assert result.matched_transfers == 3
    assert result.transfer_stage_agreement == pytest.approx(2 / 3)
    assert result.transfer_assertion_agreement == pytest.approx(2 / 3)
    mismatch = next(e for e in result.errors if e.kind == "stage_mismatch")
    assert mismatch.record["stage"] == "delivered" and mismatch.gold["stage"] == "ongoing"


def test_no_matched_transfer_gives_no_agreement_figure():
    result = score({"d": [group("meeting", ["PRK", "RUS"])]}, {})
    assert result.transfer_stage_agreement is None and result.matched_transfers == 0


def test_document_missing_from_system_counts_as_empty_output():
    gold = {"a": [transfer("PRK", "RUS", "ammunition")],
            "b": [transfer("CHN", "RUS", "uav"), group("exercise", ["CHN", "RUS"])]}
    system = {"a": [transfer("PRK", "RUS", "ammunition")], "zzz": [transfer("USA", "UKR", "armour")]}
    result = score(gold, system)
    # b contributes two false negatives; zzz is not in gold and is ignored
    assert (result.micro.tp, result.micro.fp, result.micro.fn) == (1, 0, 2)
    assert result.ignored_system_documents == ["zzz"]
    assert result.documents == 2
    assert result.to_dict()["ignored_system_documents"] == 1


def test_negative_document_measures_false_positives():
    result = score({"neg": []}, {"neg": [transfer("USA", "UKR", "armour")]})
    assert result.micro.precision == 0.0 and result.micro.recall is None


def test_errors_carry_the_sentence():
    text = "Kim met Putin. China sent drones to Russia last year. Nothing else."
    evidence = {"start": 15, "end": 52, "quote": text[15:52]}
    gold = {"d": [transfer("CHN", "RUS", "uav")]}
    system = {"d": [transfer("CHN", "RUS", "sensors", evidence=evidence)]}
    result = score(gold, system, texts={"d": text})
    by_kind = {e.kind: e for e in result.errors}
    assert by_kind["false_positive"].sentence == text[15:52]
    assert by_kind["false_negative"].sentence == "China sent drones to Russia last year."
    assert by_kind["false_negative"].doc_id == "d"


def test_to_dict_is_plain_json():
    import json
    result = score({"d": [transfer("RUS", "PRK", ["naval", "nuclear"])]}, {})
    data = json.loads(json.dumps(result.to_dict()))
    assert data["micro"]["fn"] == 1
    assert data["errors"][0]["record"]["item"] == ["naval", "nuclear"]
    assert set(data["per_type"]) == {"transfer", "exercise", "agreement", "sanction", "meeting"}


def test_table_and_error_listing_render():
    result = score({"d": [transfer("PRK", "RUS", "ammunition")]},
                   {"d": [transfer("PRK", "RUS", "missiles")]}, texts={"d": "Shells."})
    console = Console(width=160, record=True)
    console.print(format_table({"gold.jsonl": result}))
    shown = console.export_text()
    assert "gold.jsonl" in shown and "micro" in shown
    listing = format_errors(result)
    assert "false positive (1)" in listing and "false negative (1)" in listing
    assert "item=missiles" in listing


def test_matching_is_maximal_when_a_list_and_an_exact_gold_compete():
    # Gold: naval-or-nuclear, and naval. System: naval, nuclear. The naval record goes to
    # the exact gold, nuclear to the list: two matches, whatever the order of output.
    gold = {"d": [transfer("RUS", "PRK", ["naval", "nuclear"]), transfer("RUS", "PRK", "naval")]}
    for system in ([transfer("RUS", "PRK", "naval"), transfer("RUS", "PRK", "nuclear")],
                   [transfer("RUS", "PRK", "nuclear"), transfer("RUS", "PRK", "naval")]):
        counts = score(gold, {"d": system}).per_type["transfer"]
        assert (counts.tp, counts.fp, counts.fn) == (2, 0, 0)

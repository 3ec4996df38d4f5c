"""Validation of records against the contract, generated from the ontology itself."""
from __future__ import annotations

import pytest

from armstrace.ontology import Field, OntologyError, Record, ontology, validate

ONTO = ontology()
TYPES = list(ONTO.types.values())
KEY_FIELDS = [(t.name, f.name) for t in TYPES for f in t.keys]


def good_value(f: Field):
    """A valid value for any field, chosen by its kind (so new fields are covered)."""
    by_kind = {"actor": "RUS", "actors": ["PRK", "CHN", "RUS"], "actor_or_list": ["TUR", "ARE"],
               "bool": True, "text": "two batteries", "date": "2023-05"}
    return by_kind[f.kind] if f.kind in by_kind else ONTO.codes(f.list)[-1]


def full_record(rtype) -> dict:
    return {"type": rtype.name, **{f.name: good_value(f) for f in rtype.fields}}


def keys_only(rtype) -> dict:
    return {"type": rtype.name, **{f.name: good_value(f) for f in rtype.keys}}


def test_every_record_type_is_covered():
    assert {t.name for t in TYPES} >= {"transfer", "exercise", "agreement", "sanction", "meeting"}


@pytest.mark.parametrize("rtype", TYPES, ids=lambda t: t.name)
def test_good_record_of_every_type_validates_and_round_trips(rtype):
    data = full_record(rtype)
    record = validate(data)
    assert record.type == rtype.name
    out = record.to_dict(evidence=False)
    for f in rtype.fields:
        expected = sorted(data[f.name]) if isinstance(data[f.name], list) else data[f.name]
        assert out[f.name] == expected, f.name
    assert validate(out).key() == record.key()


@pytest.mark.parametrize("rtype", TYPES, ids=lambda t: t.name)
def test_defaults_filled_from_the_ontology(rtype):
    record = validate(keys_only(rtype))
    for f in rtype.attributes:
        assert record[f.name] == f.default


@pytest.mark.parametrize("field_name, bad", [("item", "laser"), ("stage", "maybe"),
                                             ("supplier", "XXX"), ("assertion", "rumoured")])
def test_unknown_code_names_record_field_and_allowed_values(field_name, bad):
    data = {**full_record(ONTO.types["transfer"]), field_name: bad}
    with pytest.raises(OntologyError) as info:
        validate(data, where="gold.jsonl:7")
    message = str(info.value)
    assert "gold.jsonl:7" in message and "transfer" in message
    assert repr(field_name) in message and repr(bad) in message
    f = ONTO.types["transfer"].field(field_name)
    if f.kind == "actor":
        assert "ISO 3166-1 alpha-3" in message and "NATO" in message and "UNKNOWN" in message
    else:
        assert all(code in message for code in ONTO.codes(f.list))


def test_unknown_actor_inside_a_set_is_named():
    with pytest.raises(OntologyError, match=r"'participants' has unknown code 'XXX'"):
        validate({"type": "exercise", "participants": ["RUS", "XXX"]})


@pytest.mark.parametrize("type_name, missing", KEY_FIELDS)
def test_missing_key_field_names_record_field_and_what_to_give(type_name, missing):
    data = keys_only(ONTO.types[type_name])
    del data[missing]
    with pytest.raises(OntologyError) as info:
        validate(data, where="doc 12")
    message = str(info.value)
    assert "doc 12" in message and type_name in message and repr(missing) in message
    assert "missing" in message and ("actor code" in message or "one of" in message)


def test_unknown_record_type_lists_the_types():
    with pytest.raises(OntologyError) as info:
        validate({"type": "laser_show"}, where="row 3")
    assert "row 3" in str(info.value) and all(t.name in str(info.value) for t in TYPES)


def test_record_must_be_an_object():
    with pytest.raises(OntologyError, match="must be an object"):
        validate(["transfer"])


def test_key_compares_sets_as_sets():
    a = validate({"type": "exercise", "participants": ["RUS", "CHN", "PRK"]})
    b = validate({"type": "exercise", "participants": ["PRK", "RUS", "CHN", "RUS"]})
    assert a.key() == b.key()
    direct = Record("meeting", {"participants": ("USA", "KOR", "JPN")})
    assert direct.key() == validate({"type": "meeting",
                                     "participants": ["JPN", "USA", "KOR"]}).key()
    assert a.key() != validate({"type": "exercise", "participants": ["RUS", "CHN"]}).key()


def test_key_ignores_attributes_but_not_roles():
    base = {"type": "transfer", "supplier": "PRK", "recipient": "RUS", "item": "ammunition"}
    assert validate(base).key() == validate({**base, "stage": "proposed", "tech": True}).key()
    swapped = {**base, "supplier": "RUS", "recipient": "PRK"}
    assert validate(base).key() != validate(swapped).key()


def test_gold_item_list_only_with_allow_lists():
    data = {"type": "transfer", "supplier": "PRK", "recipient": "RUS",
            "item": ["nuclear", "naval"]}
    with pytest.raises(OntologyError, match="'item' must be one code"):
        validate(data)
    record = validate(data, allow_lists=True)
    assert record["item"] == ("naval", "nuclear")
    assert record.key() == validate({**data, "item": ["naval", "nuclear"]}, allow_lists=True).key()
    with pytest.raises(OntologyError, match="'laser'"):
        validate({**data, "item": ["naval", "laser"]}, allow_lists=True)


def test_via_takes_one_code_or_a_sorted_list():
    base = {"type": "transfer", "supplier": "USA", "recipient": "RUS", "item": "components"}
    assert validate({**base, "via": "ARM"})["via"] == "ARM"
    assert validate({**base, "via": ["KGZ", "ARM"]})["via"] == ("ARM", "KGZ")


@pytest.mark.parametrize("value", ["2022", "2022-11", "2022-11-05", "1990/1999",
                                   "2022-01/2022-03"])
def test_dates_at_any_precision_accepted(value):
    record = validate({"type": "transfer", "supplier": "USA", "recipient": "UKR",
                       "item": "artillery", "date": value})
    assert record["date"] == value


@pytest.mark.parametrize("value", ["2022-13", "2022-02-30", "11/2022", "Nov 2022", "22-11-05",
                                   "2022-11-05T10:00", "", 2022])
def test_bad_dates_rejected_with_the_formats_allowed(value):
    with pytest.raises(OntologyError) as info:
        validate({"type": "transfer", "supplier": "USA", "recipient": "UKR",
                  "item": "artillery", "date": value}, where="doc 4")
    assert "doc 4" in str(info.value) and "'date'" in str(info.value)
    assert "1990/1999" in str(info.value)


def test_bool_field_rejects_strings():
    with pytest.raises(OntologyError, match="'tech' must be true or false"):
        validate({"type": "transfer", "supplier": "USA", "recipient": "UKR",
                  "item": "artillery", "tech": "yes"})


def test_unknown_fields_are_kept_as_extra_and_evidence_parsed():
    record = validate({"type": "sanction", "imposer": "UN", "target": "PRK", "kind": "arms_embargo",
                       "note": "resolution", "evidence": {"start": 3, "end": 9, "quote": "banned"}})
    assert record.extra == {"note": "resolution"}
    assert (record.evidence.start, record.evidence.end, record.evidence.quote) == (3, 9, "banned")
    with pytest.raises(OntologyError, match="'evidence'"):
        validate({"type": "sanction", "imposer": "UN", "target": "PRK", "evidence": {"start": 1}})

"""The weapon lexicon: data integrity, most-specific classification, system lookups."""
from __future__ import annotations

import pytest

from armstrace.ontology import ontology
from armstrace.reference.weapons import Lexicon, WeaponLexiconError, normalise


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.default()


def _designations(lexicon: Lexicon) -> set[str]:
    return {t.designation for t in lexicon.terms() if t.kind == "system"}


def test_at_least_300_named_systems(lexicon):
    assert len(_designations(lexicon)) >= 300


def test_every_category_is_an_ontology_item_code(lexicon):
    codes = set(ontology().codes("item"))
    assert set(lexicon.categories()) == codes
    for term in lexicon.terms():
        assert term.category in codes, term
        assert set(term.categories) <= codes and term.category == term.categories[0], term


def test_each_category_has_strong_generic_terms(lexicon):
    strong = {t.category for t in lexicon.terms() if t.kind == "generic" and not t.weak}
    assert strong == set(ontology().codes("item"))


def test_systems_have_a_valid_maker_state(lexicon):
    actors = ontology().actor_codes()
    for term in lexicon.terms():
        if term.kind == "system":
            assert term.maker in actors and term.designation, term


@pytest.mark.parametrize("phrase, expected", [
    ("anti-tank missiles", ("missiles",)),
    ("air-defence missiles", ("air_defence",)),
    ("anti-aircraft missiles", ("air_defence",)),
    ("artillery shells", ("ammunition",)),
    ("155mm rounds", ("ammunition",)),
    ("152-mm artillery shells", ("ammunition",)),
    ("shell-firing guns", ("artillery",)),
    ("rocket launchers", ("artillery",)),
    ("rockets", ("ammunition",)),
    ("kamikaze drones", ("uav",)),
    ("night-vision goggles", ("sensors",)),
    ("dual-use components", ("components",)),
    ("machine tools", ("components",)),
    ("drone engines", ("components",)),
    ("nuclear-powered submarines", ("naval", "nuclear")),
    ("artillery radar", ("sensors",)),
    ("air defense systems", ("air_defence",)),
    ("antitank weapons", ("missiles",)),
    ("body armor", ("protective",)),
    ("MANPADS", ("air_defence",)),
    ("rocket-propelled grenades", ("small_arms",)),
    ("military supplies", ("arms_unspecified",)),
    ("satellite technology", ("space",)),
])
def test_most_specific_term_wins(lexicon, phrase, expected):
    term = lexicon.classify(phrase)
    assert term is not None and term.categories == expected


@pytest.mark.parametrize("phrase, expected", [
    ("Patriot missile batteries", "air_defence"),   # system absorbs "missile"
    ("Shahed drones", "uav"),
    ("Grad rockets", "ammunition"),                 # the rocket, not the BM-21 launcher
    ("HIMARS rockets", "ammunition"),
    ("F-16 engines", "components"),                 # the head noun decides
    ("shells for howitzers", "ammunition"),         # head before the preposition
    ("thousands of drones", "uav"),                 # no item in the head: look further
    ("technology for nuclear-powered submarines", "naval"),
])
def test_head_noun_and_systems_in_phrases(lexicon, phrase, expected):
    term = lexicon.classify(phrase)
    assert term is not None and term.category == expected


@pytest.mark.parametrize("phrase", [
    "peace talks", "arms embargo", "think tank", "rounds of talks", "satellite imagery",
    "shell companies", "non-lethal aid", "", "the foreign minister",
])
def test_phrases_naming_no_item_give_none(lexicon, phrase):
    assert lexicon.classify(phrase) is None


@pytest.mark.parametrize("name, category, maker", [
    ("Shahed-136", "uav", "IRN"),
    ("Shahed 136", "uav", "IRN"),
    ("Geran-2", "uav", "RUS"),          # Russian-built licensed copy: the producer is the maker
    ("HIMARS", "artillery", "USA"),
    ("M142", "artillery", "USA"),
    ("S-400", "air_defence", "RUS"),
    ("S-300", "air_defence", "SUN"),
    ("Kornet", "missiles", "RUS"),
    ("KN-23", "missiles", "PRK"),
    ("F-16s", "aircraft", "USA"),
    ("F16", "aircraft", "USA"),
    ("Leopard 2s", "armour", "DEU"),
    ("T-72", "armour", "SUN"),
    ("Kilo class", "naval", "SUN"),
    ("DJI Mavic", "uav", "CHN"),
    ("Starlink", "space", "USA"),
    ("Carl Gustaf", "small_arms", "SWE"),
    ("Grad rockets", "ammunition", "SUN"),
])
def test_system_lookup(lexicon, name, category, maker):
    term = lexicon.system(name)
    assert term is not None and (term.category, term.maker) == (category, maker)


def test_system_lookup_is_exact_and_skips_generics(lexicon):
    assert lexicon.system("shahed-136").designation == "Shahed-136"
    assert lexicon.system("drones") is None
    assert lexicon.system("Shahed-136 and more") is None
    assert lexicon.system("Zorglub-9") is None


def test_weak_terms_are_flagged(lexicon):
    assert lexicon.classify("security assistance").weak
    assert lexicon.classify("Wagner fighters").weak
    assert lexicon.system("Patriot").weak and not lexicon.system("PAC-3").weak


def test_terms_include_generated_variants(lexicon):
    texts = {t.text for t in lexicon.terms()}
    assert {"F-16s", "Leopard 2s", "Leopards", "air defense systems", "air-defence systems",
            "HIMARS", "kamikaze drones"} <= texts
    assert "HIMARSs" not in texts


def test_calibre_pattern_is_exposed(lexicon):
    assert any(p.search(normalise("122 mm rounds")) for p, _ in lexicon.patterns())


def test_tech_cues_and_purpose(lexicon):
    assert {"technology", "know-how", "technical assistance", "expertise",
            "blueprints"} <= lexicon.tech_cues()
    assert lexicon.classify("know-how") is None
    assert lexicon.purpose("satellites") == ("space",)
    assert lexicon.purpose("nuclear-powered submarines") == ("naval", "nuclear")
    assert lexicon.purpose("missile technology") == ("missiles",)
    assert lexicon.purpose("nuclear know-how") == ("nuclear",)
    assert lexicon.purpose("technology") is None


def _write(tmp_path, text: str):
    path = tmp_path / "weapons.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_category_code_names_file_and_entry(tmp_path):
    path = _write(tmp_path, "systems:\n  rayguns:\n    - {name: Zap-1, maker: USA}\n")
    with pytest.raises(WeaponLexiconError, match=r"weapons\.yaml.*rayguns.*unknown item category"):
        Lexicon.from_file(path)
    path = _write(tmp_path, "categories:\n  uav:\n    terms: [{text: robo, also: [robots]}]\n")
    with pytest.raises(WeaponLexiconError, match=r"weapons\.yaml.*'robo'.*'robots'"):
        Lexicon.from_file(path)


def test_bad_maker_and_unknown_keys_are_reported(tmp_path):
    path = _write(tmp_path, "systems:\n  uav:\n    - {name: Zap-1, maker: XXX}\n")
    with pytest.raises(WeaponLexiconError, match=r"'Zap-1'.*maker state 'XXX'"):
        Lexicon.from_file(path)
    path = _write(tmp_path, "systems:\n  uav:\n    - {name: Zap-1, maker: USA, makr: USA}\n")
    with pytest.raises(WeaponLexiconError, match=r"'Zap-1'.*unknown keys \['makr'\]"):
        Lexicon.from_file(path)


def test_one_alias_for_two_systems_is_an_error(tmp_path):
    path = _write(tmp_path, "systems:\n  uav:\n    - {name: Zap-1, maker: USA, aliases: [Zap]}\n"
                            "  aircraft:\n    - {name: Zap jet, maker: FRA, aliases: [Zap]}\n")
    with pytest.raises(WeaponLexiconError, match=r"'zap' is already defined by .*'Zap-1'"):
        Lexicon.from_file(path)


def test_unreadable_yaml_is_reported(tmp_path):
    with pytest.raises(WeaponLexiconError, match="cannot read"):
        Lexicon.from_file(_write(tmp_path, "systems: [unclosed\n"))

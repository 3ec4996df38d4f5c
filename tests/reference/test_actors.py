"""The actor gazetteer: data coverage and the resolver's rules."""
import time

import pytest

from armstrace.ontology import ontology
from armstrace.reference import actors
from armstrace.reference.actors import ACTOR_KINDS, KINDS, Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize("name, code", [
    ("North Korean", "PRK"), ("South Korean", "KOR"), ("Russian", "RUS"), ("Iranian", "IRN"),
    ("American", "USA"), ("Chinese", "CHN"), ("British", "GBR"), ("Ukrainian", "UKR"),
    ("Russians", "RUS"), ("Israelis", "ISR"), ("Emirati", "ARE"), ("Taiwanese", "TWN"),
])
def test_demonyms(gaz, name, code):
    assert gaz.resolve(name) == code


@pytest.mark.parametrize("name, code", [
    ("Iranian-made", "IRN"), ("Russian-built", "RUS"), ("US-supplied", "USA"),
    ("Chinese-origin", "CHN"), ("American-manufactured", "USA"), ("Russia's", "RUS"),
    ("the Kremlin", "RUS"), ("Houthis'", "HOUTHIS"), ("Russia’s", "RUS"),
])
def test_suffixes_possessives_and_articles_are_stripped(gaz, name, code):
    assert gaz.resolve(name) == code


@pytest.mark.parametrize("name, code", [
    ("Moscow", "RUS"), ("Pyongyang", "PRK"), ("Beijing", "CHN"), ("Washington", "USA"),
    ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Tehran", "IRN"), ("Seoul", "KOR"), ("Tokyo", "JPN"),
    ("Minsk", "BLR"), ("Damascus", "SYR"), ("Ankara", "TUR"), ("Riyadh", "SAU"),
])
def test_capitals(gaz, name, code):
    term = gaz.resolve_term(name)
    assert (term.code, term.kind) == (code, "capital")


def test_capitals_cover_at_least_120_states(gaz):
    assert len({t.code for t in gaz.terms() if t.kind == "capital"}) >= 120


@pytest.mark.parametrize("name, code", [
    ("Kremlin", "RUS"), ("White House", "USA"), ("Pentagon", "USA"), ("State Department", "USA"),
    ("Blue House", "KOR"), ("Zhongnanhai", "CHN"), ("Downing Street", "GBR"), ("Elysee", "FRA"),
    ("Élysée", "FRA"), ("Quai d'Orsay", "FRA"), ("Bundeskanzleramt", "DEU"), ("Bankova", "UKR"),
])
def test_seats_of_government(gaz, name, code):
    term = gaz.resolve_term(name)
    assert (term.code, term.kind) == (code, "seat")


@pytest.mark.parametrize("name, code", [
    ("PLA", "CHN"), ("People's Liberation Army", "CHN"), ("IRGC", "IRN"),
    ("Revolutionary Guards", "IRN"), ("KPA", "PRK"), ("Korean People's Army", "PRK"),
    ("IDF", "ISR"), ("Bundeswehr", "DEU"), ("Russian army", "RUS"), ("Tatmadaw", "MMR"),
])
def test_armed_forces(gaz, name, code):
    term = gaz.resolve_term(name)
    assert (term.code, term.kind) == (code, "force")


@pytest.mark.parametrize("name, date, code", [
    ("Shoigu", "2023-07-26", "RUS"), ("Shoigu", "2025-06-01", None),
    ("Biden", "2023", "USA"), ("Biden", "2026", None), ("Biden", "2015", "USA"),
    ("Putin", "2010", "RUS"), ("Belousov", "2023-01", None), ("Belousov", "2025", "RUS"),
    ("Trump", "2019", "USA"), ("Trump", "2023", None), ("Trump", "2025-06", "USA"),
    ("Yoon Suk Yeol", "2024", "KOR"), ("Yoon Suk Yeol", "2025-06", None),
    ("Bashar al-Assad", "2024-12-09", None), ("Assad", "2020", "SYR"),
    ("Raisi", "2022", "IRN"), ("Raisi", "2025", None), ("Kim Jong Un", "2011-12", "PRK"),
    ("Kim Jong Un", "2005", None), ("Lavrov", "2005-03", "RUS"), ("Hegseth", "2025-03", "USA"),
    ("Zelensky", "2019-05-20", "UKR"), ("Netanyahu", "2015", "ISR"), ("Netanyahu", "2022-01", None),
    ("Lee Jae-myung", "2025-07", "KOR"), ("Prigozhin", "2022", "WAGNER"), ("Nasrallah", "2023", "HEZBOLLAH"),
])
def test_leaders_resolve_only_inside_their_terms(gaz, name, date, code):
    assert gaz.resolve(name, date) == code


def test_putin_in_2010_resolves_as_prime_minister(gaz):
    term = gaz.resolve_term("Putin", "2010")
    assert (term.code, term.kind, term.start) == ("RUS", "leader", "2008-05-08")


@pytest.mark.parametrize("name, code", [
    ("Putin", "RUS"), ("Trump", "USA"), ("Biden", "USA"), ("Kim Jong-un", "PRK"),
    ("Kim Jong Un", "PRK"), ("Lukashenka", "BLR"), ("Erdogan", "TUR"),
])
def test_leaders_without_a_date_resolve_when_all_terms_share_a_state(gaz, name, code):
    assert gaz.resolve(name) == code


@pytest.mark.parametrize("name", ["von der Leyen", "Stoltenberg", "Jolani", "Hemedti", "Guterres"])
def test_people_who_served_several_actors_need_a_date(gaz, name):
    assert gaz.resolve(name) is None


def test_dated_people_who_served_several_actors(gaz):
    assert gaz.resolve("von der Leyen", "2016") == "DEU"
    assert gaz.resolve("von der Leyen", "2022") == "EU"
    assert gaz.resolve("Stoltenberg", "2020") == "NATO"
    assert gaz.resolve("Jolani", "2020") == "HTS"
    assert gaz.resolve("Jolani", "2025") == "SYR"


@pytest.mark.parametrize("name", ["Kim", "Lee", "Singh", "Khan", "Korea", "Korean", "Congo",
                                  "Congolese", "Dominican", "KNDS", "King Abdullah"])
def test_shared_names_and_ambiguous_forms_resolve_to_nothing(gaz, name):
    assert gaz.resolve(name, "2010") is None


def test_one_word_names_must_be_capitalised(gaz):
    assert gaz.resolve("Tusk", "2024") == "POL"
    assert gaz.resolve("tusk", "2024") is None


def test_short_acronyms_are_case_sensitive(gaz):
    assert gaz.resolve("US") == "USA"
    assert gaz.resolve("IS") == "ISIS"
    assert gaz.resolve("us") is None
    assert gaz.resolve("is") is None


@pytest.mark.parametrize("name, code", [
    ("Soviet Union", "SUN"), ("USSR", "SUN"), ("Soviet", "SUN"), ("Yugoslavia", "YUG"),
    ("Yugoslav", "YUG"), ("Czechoslovakia", "CSK"), ("East Germany", "DDR"), ("GDR", "DDR"),
    ("East Germany (GDR)", "DDR"), ("Kosovo", "XKX"),
])
def test_historical_and_user_assigned_states(gaz, name, code):
    assert gaz.resolve(name) == code


@pytest.mark.parametrize("name, code", [
    ("North Korea", "PRK"), ("DPRK", "PRK"), ("South Korea", "KOR"), ("ROK", "KOR"),
    ("Republic of Korea", "KOR"), ("U.S.", "USA"), ("USA", "USA"), ("America", "USA"),
    ("United States", "USA"), ("UK", "GBR"), ("Britain", "GBR"), ("Turkey", "TUR"),
    ("Türkiye", "TUR"), ("Turkiye", "TUR"), ("Czech Republic", "CZE"), ("Czechia", "CZE"),
    ("Ivory Coast", "CIV"), ("Cote d'Ivoire", "CIV"), ("Burma", "MMR"), ("Vietnam", "VNM"),
    ("Viet Nam", "VNM"), ("Laos", "LAO"), ("DR Congo", "COD"), ("Palestine", "PSE"),
    ("UAE", "ARE"), ("Bosnia-Herzegovina", "BIH"), ("Republic of China", "TWN"),
    ("People's Republic of China", "CHN"), ("Guinea", "GIN"), ("Georgia", "GEO"),
])
def test_state_aliases_and_sipri_names(gaz, name, code):
    assert gaz.resolve(name) == code


@pytest.mark.parametrize("name, code", [
    ("NATO", "NATO"), ("Atlantic alliance", "NATO"), ("North Atlantic Treaty Organization", "NATO"),
    ("EU", "EU"), ("European Union", "EU"), ("UN Security Council", "UN"), ("Security Council", "UN"),
    ("UNSC", "UN"), ("African Union", "AU"), ("ECOWAS", "ECOWAS"), ("CSTO", "CSTO"), ("SCO", "SCO"),
    ("ASEAN", "ASEAN"), ("Gulf Cooperation Council", "GCC"), ("AUKUS", "AUKUS"),
])
def test_organisations(gaz, name, code):
    assert gaz.resolve(name) == code


def test_brussels_is_a_place_not_the_eu(gaz):
    term = gaz.resolve_term("Brussels")
    assert term.code != "EU" and term.kind == "place" and term.kind not in ACTOR_KINDS


@pytest.mark.parametrize("name, code", [
    ("Houthis", "HOUTHIS"), ("Houthi rebels", "HOUTHIS"), ("Ansar Allah", "HOUTHIS"),
    ("Hizbollah", "HEZBOLLAH"), ("Hizballah", "HEZBOLLAH"), ("Hamas", "HAMAS"),
    ("Wagner Group", "WAGNER"), ("Africa Corps", "WAGNER"), ("PMC Wagner", "WAGNER"),
    ("ISIL", "ISIS"), ("Daesh", "ISIS"), ("Islamic State", "ISIS"), ("al-Qaida", "AL_QAEDA"),
    ("AQAP", "AL_QAEDA"), ("JNIM", "AL_QAEDA"), ("al-Shabab", "AL_SHABAAB"), ("Taliban", "TALIBAN"),
    ("Rapid Support Forces", "RSF"), ("PKK", "PKK"), ("SDF", "YPG"), ("YPG", "YPG"),
    ("Hayat Tahrir al-Sham", "HTS"), ("Haftar's forces", "LNA"), ("Libyan National Army", "LNA"),
    ("Islamic Jihad", "PIJ"), ("M23", "M23"), ("Kataib Hezbollah", "NSAG"),
    ("black market", "BLACK_MARKET"), ("dark web", "BLACK_MARKET"), ("arms traffickers", "BLACK_MARKET"),
])
def test_armed_groups_and_special_actors(gaz, name, code):
    assert gaz.resolve(name) == code


@pytest.mark.parametrize("name, code", [
    ("Lockheed Martin", "USA"), ("RTX", "USA"), ("BAE Systems", "GBR"), ("MBDA", "FRA"),
    ("Rheinmetall", "DEU"), ("Leonardo", "ITA"), ("Saab", "SWE"), ("Rafael", "ISR"),
    ("Hanwha Aerospace", "KOR"), ("Baykar", "TUR"), ("Rosoboronexport", "RUS"), ("Norinco", "CHN"),
    ("Hindustan Aeronautics", "IND"), ("Embraer", "BRA"), ("EDGE Group", "ARE"), ("Ukroboronprom", "UKR"),
])
def test_defence_firms_resolve_to_their_state(gaz, name, code):
    term = gaz.resolve_term(name)
    assert (term.code, term.kind) == (code, "firm")


def test_fuzzy_variants(gaz):
    assert gaz.resolve("Kim Jung-un", "2023") == "PRK"
    assert gaz.resolve("Vladimir Puttin") == "RUS"
    place = gaz.resolve_term("Waldivostok")
    assert (place.code, place.kind, place.text) == ("RUS", "place", "Vladivostok")


def test_fuzzy_can_be_switched_off(gaz):
    assert gaz.resolve("Vladimir Puttin", fuzzy=False) is None


@pytest.mark.parametrize("name", ["xqzzy blorp", "Siberian", "Barbarian", "Columbia", "Electronics",
                                  "Victorian", "Georgina", "Philistines", ""])
def test_nonsense_and_near_miss_words_resolve_to_nothing(gaz, name):
    assert gaz.resolve(name) is None


def test_a_bad_date_is_refused_with_the_input_named(gaz):
    with pytest.raises(ValueError, match="5 Sept 2023"):
        gaz.resolve("Putin", "5 Sept 2023")


def test_every_term_has_a_valid_code_and_kind(gaz):
    valid = ontology().actor_codes()
    for term in gaz.terms():
        assert term.code in valid, term
        assert term.kind in KINDS, term
        assert term.text.strip() == term.text and term.text, term
    assert gaz.codes() <= valid


def test_every_resolution_of_a_listed_form_is_a_valid_code(gaz):
    valid = ontology().actor_codes()
    for term in gaz.terms():
        code = gaz.resolve(term.text, term.start, fuzzy=False)
        assert code is None or code in valid, term


def test_leader_terms_are_ordered(gaz):
    for term in gaz.terms():
        if term.kind == "leader" and term.end:
            assert actors.date_span(term.start)[0] <= actors.date_span(term.end)[1], term


def test_leaders_cover_at_least_40_states(gaz):
    iso_states = {c for c in ontology().actor_codes() if len(c) == 3 and c.isalpha()}
    assert len({t.code for t in gaz.terms() if t.kind == "leader"} & iso_states) >= 40


def test_terms_list_both_spellings_and_leave_out_ambiguous_forms(gaz):
    texts = {t.text for t in gaz.terms()}
    assert {"Kim Jong Un", "Kim Jong-un", "Élysée", "Elysee"} <= texts
    assert "Congo" not in texts and "Korea" not in texts


def test_display_names(gaz):
    assert gaz.name("PRK") == "North Korea"
    assert gaz.name("NATO") == "NATO"
    assert gaz.name("HOUTHIS") == "Houthis"
    with pytest.raises(KeyError, match="XYZ"):
        gaz.name("XYZ")


def test_every_data_file_names_its_sources():
    for path in sorted(actors.DATA_DIR.glob("*.yaml")):
        assert actors._read(path.name)["sources"], path.name


def test_loading_is_fast_and_cached():
    started = time.process_time()  # CPU time: other processes on the machine do not count
    Gazetteer(*actors._load_terms())
    assert time.process_time() - started < 1.0
    assert Gazetteer.default() is Gazetteer.default()


def test_lookups_are_fast(gaz):
    started = time.process_time()
    for _ in range(100):
        gaz.resolve("North Korean")
    for _ in range(20):
        gaz.resolve("Waldivostok")
    assert time.process_time() - started < 0.25


def test_plural_demonyms_are_listed_for_the_phrase_matcher(gaz):
    texts = {t.text for t in gaz.terms()}
    assert {"Russians", "Israelis", "Americans"} <= texts
    assert "Frenchs" not in texts and "Chineses" not in texts

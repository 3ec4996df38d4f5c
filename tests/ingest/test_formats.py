"""Every input format yields documents with the metadata its source gives, and no invented date."""
from __future__ import annotations

import io
from datetime import date

import pytest

from armstrace.ingest import Document, IngestError, read, read_stream
from armstrace.ingest.dates import iso_date


def read_all(*paths, fmt=None) -> list:
    return list(read(paths, fmt))


def only_documents(items) -> list[Document]:
    errors = [i for i in items if isinstance(i, IngestError)]
    assert not errors, errors
    return items


def test_text_with_header_block(fixtures):
    [doc] = only_documents(read_all(fixtures / "header.txt"))
    assert doc.title == "Coastal state receives patrol boats"
    assert doc.date == "2023-09-05"
    assert doc.source == "Harbour Gazette"
    assert doc.url == "https://example.org/news/patrol-boats"
    assert doc.text.startswith("France delivered two patrol boats")
    assert "Title:" not in doc.text and "Harbour Gazette" not in doc.text
    assert doc.origin.endswith("header.txt")


def test_text_without_header_has_no_date(fixtures):
    [doc] = only_documents(read_all(fixtures / "plain.txt"))
    assert doc.date is None
    assert (doc.title, doc.source, doc.url) == (None, None, None)
    assert doc.text.startswith("Officials met in a quiet hall")


def test_header_date_in_words_is_normalised(tmp_path):
    path = tmp_path / "dated.txt"
    path.write_text("Date: 5 March 2023\nTitle: A note\n\nBody text about a frigate.\n")
    [doc] = only_documents(read_all(path))
    assert (doc.date, doc.title, doc.text) == ("2023-03-05", "A note", "Body text about a frigate.")


@pytest.mark.parametrize("value, expected", [
    ("2023-10-12T08:30:00Z", "2023-10-12"), ("Tue, 07 Mar 2023 10:00:00 GMT", "2023-03-07"),
    ("March 2023", "2023-03"), ("2021", "2021"), ("today", None), ("yesterday", None),
    ("no date here", None), ("", None), (None, None), (date(2020, 2, 29), "2020-02-29")])
def test_metadata_dates_never_fall_back_to_today(value, expected):
    assert iso_date(value) == expected


def test_html_main_text_only_with_metadata(fixtures):
    [doc] = only_documents(read_all(fixtures / "article.html"))
    assert "Turkey supplied a batch of armed drones to Ethiopia" in doc.text
    assert "further deliveries were being discussed" in doc.text
    for junk in ("NAVMENU", "SITEBANNER", "FOOTERJUNK", "Home"):
        assert junk not in doc.text
    assert doc.title == "Drone shipment confirmed"
    assert doc.date == "2023-10-12"
    assert doc.url == "https://example.org/2023/10/drone-shipment"


def test_rss_feed_each_entry_one_document(fixtures):
    docs = only_documents(read_all(fixtures / "feed.rss"))
    assert [(d.title, d.date, d.url) for d in docs] == [
        ("Howitzers reach the front", "2023-03-07", "https://example.org/rss/howitzers"),
        ("Talks on radar sale", "2023-03-15", "https://example.org/rss/radar-talks")]
    assert docs[0].text == "Poland sent towed howitzers to Ukraine, officials confirmed on Tuesday."
    assert docs[1].text == "Negotiators from Brazil and Italy discussed a coastal radar purchase."
    assert {d.source for d in docs} == {"Example Arms Monitor"}
    assert docs[1].origin.endswith("feed.rss#entry2")


def test_atom_feed_each_entry_one_document(fixtures):
    docs = only_documents(read_all(fixtures / "feed.atom"))
    assert [(d.title, d.date, d.url) for d in docs] == [
        ("Rifles donated", "2024-01-20", "https://example.org/atom/rifles"),
        ("Helmet order", "2024-02-01", "https://example.org/atom/helmets")]
    assert docs[0].text == "Canada shipped rifles to Latvia in a donation announced this week."
    assert "<p>" not in docs[0].text
    assert docs[1].text.startswith("Estonia ordered helmets")


def test_jsonl_with_and_without_optional_fields(fixtures):
    full, bare = only_documents(read_all(fixtures / "docs.jsonl"))
    assert (full.date, full.source, full.url, full.title) == (
        "2022-11-03", "Wire One", "https://example.org/j/1", "Tanks")
    assert full.meta == {"lang": "en", "external_id": "ext-1"}
    assert full.origin.endswith("docs.jsonl:1")
    assert (bare.date, bare.source, bare.url, bare.title) == (None, None, None, None)
    assert bare.text.startswith("A bare line with only text")
    assert bare.origin.endswith("docs.jsonl:2")


def test_directory_read_recursively_skipping_readme_and_unknown_suffixes(fixtures):
    docs = only_documents(read_all(fixtures / "corpus"))
    origins = sorted(d.origin.split("corpus/")[1] for d in docs)
    assert origins == ["nested/three.jsonl:1", "nested/three.jsonl:2", "nested/two.txt", "one.txt"]
    assert not any("readme" in d.text.lower() or "unknown suffix" in d.text for d in docs)


def test_forced_format_overrides_the_suffix(tmp_path):
    path = tmp_path / "page.dat"
    path.write_text('{"text": "Forced JSON line about corvettes."}\n')
    [doc] = only_documents(read_all(path, fmt="jsonl"))
    assert doc.text == "Forced JSON line about corvettes."


@pytest.mark.parametrize("payload, texts", [
    (b"Plain words from a pipe about mortars.\n", ["Plain words from a pipe about mortars."]),
    (b'{"text": "first"}\n{"text": "second", "date": "2020-01-02"}\n', ["first", "second"]),
])
def test_stream_sniffs_text_and_jsonl(payload, texts):
    docs = only_documents(list(read_stream(io.BytesIO(payload), "<stdin>")))
    assert [d.text for d in docs] == texts
    assert all(d.origin.startswith("<stdin>") for d in docs)

"""Independent sources: publishers and reprinted wire stories."""
from __future__ import annotations

from armstrace.store.sources import DocInfo, publisher, registered_domain, source_groups

STORY = ("Russia and North Korea signed a military cooperation pact on Wednesday that "
         "obliges each to come to the other's aid, officials in both capitals confirmed.")


def test_registered_domain():
    assert registered_domain("https://www.bbc.co.uk/news/world-1") == "bbc.co.uk"
    assert registered_domain("https://edition.cnn.com/2024/x") == "cnn.com"
    assert registered_domain("not a url") is None


def test_publisher_prefers_source_then_domain():
    assert publisher(DocInfo("a", " The  Guardian ", "https://x.com", "")) == "the guardian"
    assert publisher(DocInfo("a", None, "https://news.yahoo.com/y", "")) == "yahoo.com"
    assert publisher(DocInfo("a", None, None, "")) == "document:a"


def test_reprints_and_same_publisher_are_one_source():
    docs = [DocInfo("1", "AP", None, STORY),
            DocInfo("2", None, "https://www.yahoo.com/a", "By AP. " + STORY),
            DocInfo("3", "AP", None, "A different AP story about sanctions on shipping firms."),
            DocInfo("4", "Reuters", None, "Pyongyang and Moscow agreed a treaty with a mutual "
                    "defence clause, the two governments said in statements released late.")]
    groups = source_groups(docs)
    assert sorted(sorted(g["documents"]) for g in groups) == [["1", "2", "3"], ["4"]]


def test_short_texts_need_equality():
    docs = [DocInfo("1", "A", None, "Russia armed."), DocInfo("2", "B", None, "Russia armed.")]
    assert len(source_groups(docs)) == 1
    docs[1] = DocInfo("2", "B", None, "Russia armed Syria.")
    assert len(source_groups(docs)) == 2

"""Blocs: two camps cooperating inside and sanctioning each other; forming over time."""
from __future__ import annotations

import pytest

from armstrace.analyse import blocs

from .kb import build_kb, group, sanction, transfer

EAST, WEST = ["CHN", "PRK", "RUS"], ["JPN", "KOR", "USA"]


@pytest.fixture
def store(tmp_path):
    return build_kb(str(tmp_path / "kb.db"), [
        ("2021-03-01", [group("exercise", WEST), group("agreement", ["KOR", "USA"], kind="alliance"),
                        sanction("USA", "PRK")]),
        ("2023-02-01", [transfer("PRK", "RUS", "ammunition"), transfer("RUS", "PRK", "space", tech=True),
                        group("exercise", ["CHN", "RUS"]), group("meeting", ["CHN", "PRK"])]),
        ("2023-05-01", [group("exercise", WEST), group("meeting", ["JPN", "USA"]),
                        sanction("USA", "RUS"), sanction("JPN", "PRK"), sanction("RUS", "USA")]),
    ])


def test_two_camps_are_two_communities(store):
    report = blocs(store, window="year")
    last = report.windows[-1]
    assert last.label == "2023"
    assert [c for c in last.communities if len(c) > 1] == [EAST, WEST]


def test_alignment_signs(store):
    report = blocs(store, pairs=[("PRK", "RUS"), ("USA", "PRK"), ("USA", "JPN")])
    series = {p: dict(s) for p, s in report.alignment.items()}
    assert series["PRK:RUS"]["2023"] > 0.3
    assert series["USA:PRK"]["2023"] < 0
    assert series["USA:JPN"]["2021"] > 0 and series["PRK:RUS"]["2021"] is None


def test_forming_bloc_is_detected_with_its_events(store):
    report = blocs(store)
    forming = [c for c in report.changes if c.kind == "forming" and c.members == EAST]
    assert forming and forming[0].start == "2021" and forming[0].end == "2023"
    kinds = {report.events[i].type for i in forming[0].events}
    assert {"transfer", "exercise"} <= kinds


def test_deterministic_and_windows(store):
    assert blocs(store).to_dict() == blocs(store).to_dict()
    labels = [w.label for w in blocs(store, window="quarter").windows]
    assert labels == ["2021-Q1", "2023-Q1", "2023-Q2"]
    with pytest.raises(ValueError, match="window 'week'"):
        blocs(store, window="week")


def test_plot_writes_png_and_svg(store, tmp_path):
    written = blocs(store, pairs=[("PRK", "RUS")]).plot(tmp_path / "blocs.png")
    png, svg = written
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in svg.read_text()[:500]


def test_as_of_drops_later_knowledge(store):
    from datetime import date
    report = blocs(store, as_of=date(2022, 12, 31))
    assert [w.label for w in report.windows] == ["2021"]
    assert not any(c.members == EAST for c in report.changes)

"""The archive's events() query: "upcoming" compares TIMEX3 values as dates, never as text.

Every fixture text below was written for these tests.
"""
from __future__ import annotations

import pytest

from storyline.model import Article
from storyline.store import Archive
from storyline.store.queries import events

TODAY = "2025-02-05"  # a Wednesday in ISO week 2025-W06

TEXT = "Ministers will gather for another round of talks, officials said on Monday."


def _event(when, status, where="Oslo", cc="NO"):
    return {"kind": "talks", "start": 0, "end": 9, "trigger": "talks", "when": when,
            "when_text": when, "where": where, "country_code": cc, "participants": [],
            "status": status}


@pytest.fixture
def archive(tmp_path):
    a = Archive(tmp_path / "events.db")
    rows = [("2025-02-05", "scheduled"), ("2025-02-04", "scheduled"), ("2025-W06", "past"),
            ("2025-W05", "scheduled"), ("2025-W07", "scheduled"), ("PAST_REF", "scheduled"),
            ("FUTURE_REF", "scheduled"), ("2025-SU", "scheduled"), ("2024-Q4", "scheduled"),
            ("2025-02", "past"), ("2025-03-01", "past"), (None, "scheduled"), (None, "past"),
            ("XXXX-03", "scheduled"), ("2024-WI", "past")]
    art = Article(text=TEXT)
    art.url = "https://example.test/round"
    art.published = "2025-02-03"
    art.events = [_event(w, s) for w, s in rows]
    a.add(art)
    yield a
    a.close()


def test_upcoming_is_by_date_soonest_first(archive):
    got = [e["when"] for e in events(archive.conn, upcoming=True, today=TODAY)]
    # Periods that end today or later count; soonest start first; undated/FUTURE_REF last.
    assert got[:7] == ["2024-WI", "2025-02", "2025-W06", "2025-02-05", "2025-W07", "2025-03-01",
                       "2025-SU"]
    assert set(got[7:]) == {"FUTURE_REF", None, "XXXX-03"}
    assert len(got) == 10


@pytest.mark.parametrize("when", ["PAST_REF", "2025-02-04", "2025-W05", "2024-Q4"])
def test_past_values_are_never_upcoming(archive, when):
    got = [e["when"] for e in events(archive.conn, upcoming=True, today=TODAY)]
    assert when not in got


def test_undated_only_when_scheduled(archive):
    undated = [e for e in events(archive.conn, upcoming=True, today=TODAY) if e["when"] is None]
    assert [e["status"] for e in undated] == ["scheduled"]


def test_limit_and_where(archive):
    assert len(events(archive.conn, upcoming=True, today=TODAY, limit=3)) == 3
    assert events(archive.conn, upcoming=True, today=TODAY, where="Ottawa") == []
    assert len(events(archive.conn, upcoming=True, today=TODAY, where="no")) == 10


def test_all_events_without_upcoming(archive):
    assert len(events(archive.conn)) == 15


def test_one_event_per_story_across_copies(tmp_path):
    """The same wire story carried by two outlets lists its events once, with two reports."""
    from storyline.model import Article
    from storyline.store import Archive

    body = ("Negotiations will start in The Hague on 1 December under a mediator, the union "
            "leader told reporters after a two-hour meeting with the employers. " * 6)
    event = {"kind": "negotiations", "start": 0, "end": 12, "trigger": "Negotiations",
             "when": "2026-12-01", "when_text": "1 December", "where": "The Hague",
             "country_code": "NL", "participants": [], "status": "scheduled"}
    with Archive(tmp_path / "a.db") as archive:
        for outlet, extra in (("Ledger", ""), ("Daily", " Reporting by Jane Doe.")):
            art = Article(text=body + extra, outlet=outlet, published="2026-11-20",
                          url=f"https://{outlet.lower()}.example/talks")
            art.events = [dict(event)]
            archive.add(art)
        rows = archive.events()
    assert len(rows) == 1
    assert rows[0]["reports"] == 2 and rows[0]["where"] == "The Hague"


# --- accent- and apostrophe-insensitive names (speaker, place) ---------------------------
FOLD_TEXT = ("“The bridge will be finished next spring,” said Tomás Ó Briain, the engineer. "
             "Talks will open in Zürich on 3 March, and another round in L'Aquila later.")


@pytest.fixture
def folded(tmp_path):
    a = Archive(tmp_path / "fold.db")
    art = Article(text=FOLD_TEXT, url="https://example.test/bridge", published="2025-02-03")
    art.quotes = [{"kind": "direct", "text": "The bridge will be finished next spring,",
                   "start": 1, "end": 41, "cue": "said", "cue_start": 43, "cue_end": 47,
                   "speaker": "Tomás Ó Briain", "speaker_start": 48, "speaker_end": 62}]
    art.events = [_event("2025-03-03", "scheduled", where="Zürich", cc="CH"),
                  _event("2025-04", "scheduled", where="L'Aquila", cc="IT")]
    a.add(art)
    yield a
    a.close()


@pytest.mark.parametrize("speaker, n", [
    ("Tomás", 1), ("Tomas", 1), ("tomas", 1), ("O Briain", 1), ("Ó Briain", 1),
    ("Tomas O Briain", 1), ("briain", 1), ("Tom", 1),  # whole-word prefix
    ("omas", 0), ("Briainx", 0), ("Tomas Briain", 0), ("Thomas", 0),  # not at a word start
])
def test_speaker_matches_accent_insensitively(folded, speaker, n):
    from storyline.store.queries import quotes
    assert len(quotes(folded.conn, speaker=speaker)) == n


@pytest.mark.parametrize("where, expect", [
    ("Zurich", {"Zürich"}), ("zürich", {"Zürich"}), ("ZURICH", {"Zürich"}), ("Zur", {"Zürich"}),
    ("LAquila", {"L'Aquila"}), ("L’Aquila", {"L'Aquila"}), ("ch", {"Zürich"}),  # country code
    ("urich", set()), ("Aquila", set()), ("Geneva", set()),
])
def test_where_matches_accent_insensitively(folded, where, expect):
    assert {e["where"] for e in events(folded.conn, where=where)} == expect


@pytest.mark.parametrize("query, name, ok", [
    ("Tomas", "Tomás Ó Briain", True), ("o briain", "Tomás Ó Briain", True),
    ("oneill", "Seán O'Neill", True), ("Zurich", "Zürich", True), ("", "Zürich", False),
    ("rich", "Zürich", False), ("Zurich", None, False),
])
def test_name_matches(query, name, ok):
    from storyline.store.entities import name_matches
    assert name_matches(query, name) is ok

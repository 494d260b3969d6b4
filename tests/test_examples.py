"""The bundled sample pages (examples/, written for the project) go through the whole flow
and give what `make demo` shows: this keeps the demo honest."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.ingest import iter_pages
from storyline.process import process_page
from storyline.store import Archive

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    results = []
    with Archive(db) as archive:
        for raw in iter_pages([str(EXAMPLES)]):
            assert not isinstance(raw, Exception), raw
            results.append(archive.add(process_page(raw)).status)
    assert results.count("copy") == 1 and "duplicate" not in results
    archive = Archive(db)
    yield archive
    archive.close()


def test_search_finds_the_strike_story(archive):
    hits = archive.search("strike talks")
    assert {h["outlet"] for h in hits} >= {"The Northern Ledger", "Harbour Daily"}


def test_the_syndicated_copy_is_linked(archive):
    hit = next(h for h in archive.search("dockworkers") if h["outlet"] == "The Northern Ledger")
    assert [c["outlet"] for c in archive.get(hit["id"])["copies"]] == ["Harbour Daily"]


def test_quotes_of_the_union_leader(archive):
    texts = [q["text"] for q in archive.quotes(speaker="Bakker")]
    assert any(t.startswith("We are ready to talk") for t in texts)


def test_events_at_the_hague(archive):
    events = archive.events(where="The Hague")
    assert [(e["kind"], e["when"], e["status"]) for e in events] == [
        ("negotiations", "2026-12-01", "scheduled")]
    assert events[0]["reports"] == 2


@pytest.mark.parametrize("text", ["in The Hague on 1 December", "a summit in The Hague"])
def test_the_hague_stays_a_place(text):
    from storyline.enrich.entities import find_entities
    from storyline.enrich.nlp import load_nlp

    ents = find_entities(load_nlp()(f"Ministers will meet {text}, officials said."))
    assert any(e["label"] == "GPE" and e["name"].endswith("Hague") for e in ents)


def test_the_strike_story_gathers_both_outlets_and_related_lists_it_first(archive):
    hit = next(h for h in archive.search("dockworkers") if h["outlet"] == "The Northern Ledger")
    story = archive.story(hit["id"], as_of="2026-11-22")
    assert {"The Northern Ledger", "Harbour Daily"} <= set(story["outlets"])
    hague = [e for e in story["timeline"] if e.get("where") == "The Hague"]
    assert hague and hague[0]["status"] == "scheduled" and hague[0]["n_sources"] >= 2
    related = archive.related(hit["id"])
    others = {a["id"] for a in related["same_story"]}
    assert others == {a["id"] for a in story["articles"]} - {hit["id"]}
    assert all(o["story_id"] != story["id"] for o in related["other"])

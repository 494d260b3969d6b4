"""A small archive for the web tests, written for them: two stories (one carried by two
outlets), quotes, places with coordinates, dated and timed events, and a hostile page
whose title, body, byline, URL, quote and names carry markup, script, ``javascript:``
links and ANSI/control characters.

Offsets are computed from the texts below, as the enrichment would give them.
"""
from __future__ import annotations

from pathlib import Path

from storyline.model import Article
from storyline.store import Archive

PORT_TEXT = (
    "ROTTERDAM - Dockworkers and port employers agreed on Thursday to resume talks in "
    "The Hague on 1 December, ending a week of silence that left container ships waiting "
    "off the coast. \u201cWe are ready to sign a fair deal, not any deal,\u201d said Ilse "
    "Bakker, a spokesperson for the dockworkers' union FNV Havens. The port authority said "
    "congestion had cost shippers dearly and that a mediator would chair the talks.")
PORT_COPY = PORT_TEXT.replace("dearly", "millions of euros").replace(
    "ROTTERDAM - ", "ROTTERDAM (Reuters) - ")
TRAM_TEXT = (
    "GHENT - The city council of Ghent voted on Tuesday to extend the tram line to the "
    "university hospital, with works to start on 25 November at 14:00. \u201cThis line "
    "will carry twelve thousand people a day,\u201d said Pieter Claes, the alderman for "
    "mobility. Residents of the Muide district had asked for the extension for years.")
HOSTILE = '<script>alert("t")</script>"><img src=x onerror=alert(1)>'
HOSTILE_TEXT = (
    "Officials in Ostend said \x1b[31mred alert\x1b[0m on Monday that the harbour will "
    f"reopen. {HOSTILE} \u201cNothing here is safe {HOSTILE},\u201d said Evil Quoter. "
    "Click javascript:alert(2) for more.\u202e reversed\x07 bell.")


def _span(text: str, part: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part), "text": part}


def _entity(eid, name, label, text, part, roles=()):
    s = _span(text, part)
    return {"id": eid, "name": name, "label": label, "start": s["start"], "end": s["end"],
            "mentions": [s], "roles": list(roles), "aliases": []}


def _quote(text, said, speaker, speaker_id, cue="said"):
    q, who = _span(text, said), _span(text, speaker)
    return {"kind": "direct", "text": said, "start": q["start"], "end": q["end"], "cue": cue,
            "speaker": speaker, "speaker_id": speaker_id, "speaker_start": who["start"],
            "speaker_end": who["end"]}


def _place(name, text, part, cc, lat, lon, eid):
    s = _span(text, part)
    return {"name": name, "start": s["start"], "end": s["end"], "mentions": [s],
            "entity_id": eid, "country_code": cc, "lat": lat, "lon": lon, "kind": "city",
            "geonameid": 1, "how": "city; primary name"}


def _time(tid, text, part, value, type_="DATE"):
    s = _span(text, part)
    return {"id": tid, "text": part, "start": s["start"], "end": s["end"], "type": type_,
            "value": value, "mod": None, "anchor": "published"}


def _event(kind, text, trigger, when, when_text, where, cc, status, participants=()):
    s = _span(text, trigger)
    return {"kind": kind, "start": s["start"], "end": s["end"], "trigger": trigger,
            "trigger_start": s["start"], "trigger_end": s["end"], "when": when,
            "when_text": when_text, "where": where, "country_code": cc,
            "participants": list(participants), "status": status, "how": "trigger; time attached"}


def port_article(text=PORT_TEXT, outlet="Harbour Gazette", url="https://gazette.example/port"):
    said = "We are ready to sign a fair deal, not any deal,"
    a = Article(text=text, title="Rotterdam port talks to resume in The Hague",
                subtitle="Mediator to chair talks", published="2026-11-20T09:00:00+01:00",
                language="en", outlet=outlet, authors=["Marit Jansen"], url=url,
                provenance={"title": "meta:og:title", "published": "meta:article:published_time"})
    a.entities = [
        _entity("e1", "Ilse Bakker", "PERSON", text, "Ilse Bakker",
                 roles=[{"role": "spokesperson", "org": "FNV Havens"}]),
        _entity("e2", "Rotterdam", "GPE", text, "ROTTERDAM"),
        _entity("e3", "The Hague", "GPE", text, "The Hague"),
        _entity("e4", "FNV Havens", "ORG", text, "FNV Havens"),
    ]
    a.quotes = [_quote(text, said, "Ilse Bakker", "e1")]
    a.places = [_place("Rotterdam", text, "ROTTERDAM", "NL", 51.9225, 4.47917, "e2"),
                _place("The Hague", text, "The Hague", "NL", 52.07667, 4.29861, "e3")]
    a.times = [_time("t1", text, "Thursday", "2026-11-19"),
               _time("t2", text, "1 December", "2026-12-01")]
    a.events = [_event("talks", text, "talks", "2026-12-01", "1 December", "The Hague", "NL",
                       "scheduled", ["Ilse Bakker"])]
    return a


def tram_article():
    text, said = TRAM_TEXT, "This line will carry twelve thousand people a day,"
    a = Article(text=text, title="Ghent votes to extend tram line", published="2026-11-18",
                language="en", outlet="Flanders Daily", url="https://flanders.example/tram")
    a.entities = [_entity("e1", "Pieter Claes", "PERSON", text, "Pieter Claes",
                          roles=[{"role": "alderman", "org": None}]),
                  _entity("e2", "Ghent", "GPE", text, "Ghent")]
    a.quotes = [_quote(text, said, "Pieter Claes", "e1")]
    a.places = [_place("Ghent", text, "Ghent", "BE", 51.05, 3.71667, "e2")]
    a.times = [_time("t1", text, "Tuesday", "2026-11-17"),
               _time("t2", text, "25 November at 14:00", "2026-11-25T14:00", "TIME")]
    a.events = [_event("vote", text, "voted", "2026-11-17", "Tuesday", "Ghent", "BE", "past"),
                _event("works", text, "works", "2026-11-25T14:00", "25 November at 14:00",
                       "Ghent", "BE", "scheduled")]
    return a


def hostile_article():
    text = HOSTILE_TEXT
    said = f"Nothing here is safe {HOSTILE},"
    a = Article(text=text, title=f"Harbour {HOSTILE} \x1b[2J reopens", language="en",
                subtitle=f"javascript:alert(3) {HOSTILE}", published="2026-11-16",
                outlet=f"Evil {HOSTILE} Times", authors=[f"{HOSTILE} Reporter"],
                url="javascript:alert(document.cookie)",
                canonical_url='https://evil.example/a"><script>alert(4)</script>',
                provenance={"title": HOSTILE})
    a.entities = [_entity("e1", "Evil Quoter", "PERSON", text, "Evil Quoter",
                          roles=[{"role": HOSTILE, "org": "javascript:alert(5)"}]),
                  _entity("e2", f"Ostend{HOSTILE}", "GPE", text, "Ostend")]
    a.quotes = [_quote(text, said, "Evil Quoter", "e1")]
    a.places = [_place(f"Ostend{HOSTILE}", text, "Ostend", "BE", 51.2, 2.9, "e2")]
    a.times = [_time("t1", text, "Monday", "2026-11-16")]
    a.events = [_event("reopen", text, "reopen", "2026-11-30", HOSTILE, f"Ostend{HOSTILE}",
                       "BE", "scheduled", [HOSTILE])]
    return a


def build_archive(path: Path) -> dict:
    """Write the archive at ``path``; returns the ids tests need."""
    with Archive(path) as archive:
        port = archive.add(port_article())
        copy = archive.add(port_article(PORT_COPY, "Wire Weekly", "https://wire.example/port"))
        tram = archive.add(tram_article())
        hostile = archive.add(hostile_article())
    return {"port": port.id, "copy": copy.id, "port_story": port.story_id, "tram": tram.id,
            "tram_story": tram.story_id, "hostile": hostile.id}

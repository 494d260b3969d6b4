"""The one dateline definition (storyline.rules.datelines) and its users."""
from __future__ import annotations

import pytest

from storyline.rules import chrome, entities, events, quotes, wires
from storyline.rules import datelines as D

DATELINES = [
    # text, place, region, agency
    ("WASHINGTON (AP) — The president said", "WASHINGTON", None, "AP"),
    ("BRUSSELS (Reuters) - NATO ministers met", "BRUSSELS", None, "Reuters"),
    ("VILNIUS, Lithuania (AP) — Officials said", "VILNIUS", "Lithuania", "AP"),
    ("COPENHAGEN, Nov 14 (Reuters) - Denmark said", "COPENHAGEN", None, "Reuters"),
    ("Geneva (AFP) - Talks resumed", "Geneva", None, "AFP"),
    ("ZÜRICH (AP) — The bank said", "ZÜRICH", None, "AP"),
    ("Zürich (dpa) - Die Bank", "Zürich", None, "dpa"),
    ("ŁÓDŹ, Poland (AP) — Police said", "ŁÓDŹ", "Poland", "AP"),
    ("MADISON, Wis. — The governor said", "MADISON", "Wis.", None),
    ("ST. JOSEPH, Mich. (AP) — A man was", "ST. JOSEPH", "Mich.", "AP"),
]

NOT_DATELINES = [
    "Apple (AAPL) - shares rose 3% on Monday",
    "Tesla (TSLA) — the carmaker said",
    "The president said on Monday that talks would go on.",
    "Officials in Washington (the capital) - some said",
    "the Reuters (news) - a lower-case start",
]


@pytest.mark.parametrize("text,place,region,agency", DATELINES)
def test_dateline_match_groups(text, place, region, agency):
    m = D.dateline_match(text)
    assert m is not None
    assert (m.group(1), m.group(2), m.group(3)) == (place, region, agency)
    assert not text[m.end():].startswith(("—", "-", " "))


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_dateline_match_rejects(text):
    assert D.dateline_match(text) is None


@pytest.mark.parametrize("text", [t for t, *_ in DATELINES])
def test_lead_spans_cover_dateline(text):
    spans = D.dateline_lead_spans(text)
    assert spans and spans[0][0] == 0


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_lead_spans_reject(text):
    assert D.dateline_lead_spans(text) == []


@pytest.mark.parametrize("text,wire", [
    ("WASHINGTON (Reuters) - The", "Reuters"),
    ("(AP) — The", "AP"),
    ("BERLIN, March 3 (dpa) - Die", "dpa"),
    ("ZÜRICH (AFP) - The", "AFP"),
])
def test_wire_dateline(text, wire):
    m = D.WIRE_DATELINE.search(text)
    assert m and m.group("wire") == wire


@pytest.mark.parametrize("text", ["The (big) cat is here", "no brackets — here",
                                  "shares rose (3%) on Monday - a"])
def test_wire_dateline_rejects(text):
    # loose by design: the wire table then decides whether the brackets name an agency
    assert D.WIRE_DATELINE.search(text) is None


@pytest.mark.parametrize("text,ok", [
    ("WASHINGTON, March 3 (Reuters) - The president", True),
    ("PARIS — The minister", True),
    ("ZÜRICH (AP) — The bank", True),
    ("ST. JOSEPH, Mich. (AP) — A man", True),
    ("Apple (AAPL) - shares rose", False),
    ("The minister said — again", False),
])
def test_dateline_lede(text, ok):
    assert bool(D.DATELINE_LEDE.match(text)) is ok


@pytest.mark.parametrize("text,place", [
    ("MADISON, Wis. -- The", "MADISON"),
    ("ZÜRICH (AP) — The", "ZÜRICH"),
    ("The Mayor, said", None),
])
def test_dateline_place(text, place):
    m = D.DATELINE_PLACE_RE.search(text)
    assert (m.group(1) if m else None) == place


@pytest.mark.parametrize("text,ok", [
    ("March 14 (Reuters) - Oil rose", True),
    ("WELLINGTON, Jan 20 (Reuters) - The", True),
    ("ZÜRICH, 14 March (AFP) — The", True),
    ("March 14 was the day - he said", False),
])
def test_dated_lead(text, ok):
    assert bool(D.DATED_LEAD_RE.search(text)) is ok


@pytest.mark.parametrize("name,ok", [("AFP", True), ("Reuters", True), ("TT", True),
                                     ("AAPL", False), ("PA", False), ("CP", False)])
def test_agency_list(name, ok):
    assert D.is_agency(name) is ok


def test_users_share_one_definition():
    from storyline.extract import wire

    assert wire.WIRE_DATELINE is D.WIRE_DATELINE
    assert not hasattr(wires, "DATELINE")  # rules.wires does not import rules.datelines
    assert chrome.DATELINE_LEDE is D.DATELINE_LEDE
    assert entities.DATELINE_RE is D.DATELINE_RE and entities.dateline_match is D.dateline_match
    assert quotes.dateline_match is D.dateline_match
    assert events.DATELINE_PLACE_RE is D.DATELINE_PLACE_RE
    assert events.dateline_lead_spans is D.dateline_lead_spans
    assert entities.WIRE_NAMES == D.agency_names()

"""One bad character reference no longer rejects a whole feed: the feed is repaired."""
from __future__ import annotations

import pytest

from storyline.errors import InputError
from storyline.ingest.feeds import iter_feed, sanitise_feed
from storyline.model import RawPage

RSS = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Courier</title>'
       '<item><title>Ferry {bad} vote</title><link>http://news.example/1</link>'
       '<description>The council voted {bad} on the ferry timetable.</description></item>'
       '<item><title>Second</title><link>http://news.example/2</link>'
       '<description>Bridge repairs start in May.</description></item></channel></rss>')
ATOM = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>'
        '<entry><title>Ferry {bad} vote</title><link href="http://news.example/1"/>'
        '<id>1</id><updated>2024-05-01T10:00:00Z</updated>'
        '<content type="html">The council voted {bad} on the ferry.</content></entry>'
        '<entry><title>Second</title><link href="http://news.example/2"/><id>2</id>'
        '<updated>2024-05-01T11:00:00Z</updated><summary>Bridge repairs.</summary></entry></feed>')


@pytest.mark.parametrize("template", [RSS, ATOM], ids=["rss", "atom"])
@pytest.mark.parametrize("bad", ["&#xD800;", "&#xdfff;", "&#0;", "&#x0;", "&#1;", "&#x110000;",
                                 "&#99999999999999999999;", "&bogus;", "&nbsp;",
                                 "&#65;", "&#x20AC;"])
def test_a_bad_character_reference_does_not_reject_the_feed(template, bad):
    got = list(iter_feed(template.format(bad=bad).encode("utf-8"), "courier.xml"))
    assert [type(g) for g in got] == [RawPage, RawPage], [getattr(g, "message", "") for g in got]
    first = got[0]
    assert first.title_hint.startswith("Ferry") and first.title_hint.endswith("vote")
    assert "\x00" not in first.title_hint and "\x01" not in first.title_hint
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in first.title_hint + first.content)
    assert got[1].title_hint == "Second"


@pytest.mark.parametrize("data, expected", [
    (b"A&#xD800;B", b"A&#xFFFD;B"), (b"&#0;", b"&#xFFFD;"), (b"&#9;&#10;&#13;", b"&#9;&#10;&#13;"),
    (b"&#233;&#xE9;", b"&#233;&#xE9;"), (b"&#x10FFFF;", b"&#x10FFFF;"), (b"&#x110000;", b"&#xFFFD;"),
    (b"&#xFFFE;", b"&#xFFFD;"), (b"&amp;#0;", b"&amp;#0;"),
])
def test_sanitise_feed(data, expected):
    assert sanitise_feed(data) == expected


def test_a_feed_with_no_items_is_still_one_error():
    got = list(iter_feed(b"<rss><channel><title>&#xD800;</title></channel></rss>", "empty.xml"))
    assert len(got) == 1 and isinstance(got[0], InputError)

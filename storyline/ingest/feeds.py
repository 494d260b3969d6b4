"""RSS / Atom feeds: one page per item, from its full content when the feed carries it.

For each item the page content is, in order of preference: the full content
(``content:encoded`` in RSS, ``<content>`` in Atom; HTML over plain text), then
the summary / description. Content with markup is ``kind="html"``; plain text
is already the article body (``kind="body"``). The item's link is the URL, its
title the ``title_hint``, its published (else updated) date the ``published``
(ISO 8601, UTC, as feedparser normalises it). ``meta["outlet"]`` is the channel
title without a " - Section" suffix, ``meta["authors"]`` the item's author names.

feedparser is always handed a stream, never a string: given a string it would
try to open it as a URL or a file name.
"""
from __future__ import annotations

import calendar
import io
import re
from datetime import datetime, timezone
from typing import Iterator

import feedparser

from storyline.errors import InputError
from storyline.model import RawPage
from storyline.rules import ingest as rules

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _iso(struct) -> str | None:
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(struct), tz=timezone.utc).isoformat()
    except (OverflowError, ValueError, TypeError):
        return None


def _looks_like_html(text: str) -> bool:
    data = text[:rules.SNIFF_BYTES].encode("utf-8", "ignore")
    return bool(rules.HTML_ROOT.search(data) or rules.HTML_TAG.search(data))


def _item_content(entry) -> tuple[str, str] | None:
    """(content, kind) of one feed item, or None when it carries no text."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    contents.sort(key=lambda c: (c.get("type") or "") not in _HTML_TYPES)
    if contents:
        value = contents[0]["value"]
    else:
        value = entry.get("summary") or ""
    if not value.strip():
        return None
    return value, ("html" if _looks_like_html(value) else "body")


def feed_outlet(title: str | None) -> str | None:
    """The outlet named by a feed's channel title, its " - Section" suffix removed."""
    title = " ".join((title or "").split())
    if not title:
        return None
    head = rules.FEED_TITLE_SECTION_SEP.split(title, maxsplit=1)[0].strip()
    return head or title


def _clean_author(name: str) -> str | None:
    name = " ".join((name or "").split())
    m = rules.FEED_AUTHOR_EMAIL.match(name)
    if m:
        name = m.group(1).strip()
    if not name or rules.FEED_AUTHOR_JUNK.search(name):
        return None
    return name


def feed_authors(entry) -> list[str]:
    """The item's authors (dc:creator, <author>, Atom <author><name>), in order, once each."""
    raw: list[str] = []
    single = entry.get("author") or ""
    if "@" in single:
        raw.append(single)  # feedparser splits "addr (Name)" badly: read it ourselves
    else:
        for a in entry.get("authors") or []:
            if isinstance(a, dict) and a.get("name"):
                raw.append(a["name"])
        if not raw and single:
            raw.append(single)
    out: list[str] = []
    for field in raw:
        email = rules.FEED_AUTHOR_EMAIL.match(field)
        parts = [field] if email else rules.FEED_AUTHOR_SPLIT.split(field)
        for part in parts:
            name = _clean_author(part)
            if name and name not in out:
                out.append(name)
    return out


def _xml_char(code: int) -> bool:
    return any(low <= code <= high for low, high in rules.XML_CHAR_RANGES)


def _fix_reference(match: re.Match) -> bytes:
    hex_digits, digits = match.group(1), match.group(2)
    number = hex_digits or digits
    if len(number) > 8:
        return rules.FEED_BAD_REFERENCE_REPLACEMENT
    code = int(number, 16 if hex_digits else 10)
    return match.group(0) if _xml_char(code) else rules.FEED_BAD_REFERENCE_REPLACEMENT


def sanitise_feed(data: bytes) -> bytes:
    """Character references XML forbids (``&#0;``, ``&#xD800;``, past U+10FFFF) become
    U+FFFD, so one bad reference no longer rejects the whole feed.

    >>> sanitise_feed(b"<title>A&#xD800;B &#233;</title>")
    b'<title>A&#xFFFD;B &#233;</title>'
    """
    return rules.FEED_CHAR_REFERENCE.sub(_fix_reference, data)


def iter_feed(data: bytes, name: str) -> Iterator[RawPage | InputError]:
    """Pages from the items of an RSS/Atom document; a broken feed is one InputError.

    Bad character references are repaired first (:func:`sanitise_feed`); feedparser's
    lenient parser takes over from a feed that is otherwise not well-formed ("bozo"),
    and every item it recovers is kept.
    """
    try:
        parsed = feedparser.parse(io.BytesIO(sanitise_feed(data)))
    except Exception as exc:  # noqa: BLE001 - feedparser may raise on pathological input
        yield InputError(f"malformed feed: {exc}", source=name)
        return
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception") or "not well-formed").splitlines()[0]
            yield InputError(f"malformed feed: {reason}", source=name)
        else:
            yield InputError("feed holds no items", source=name)
        return
    feed_title = parsed.get("feed", {}).get("title")
    outlet = feed_outlet(feed_title)
    for number, entry in enumerate(entries, start=1):
        origin = f"{name}#item-{number}"
        content = _item_content(entry)
        if content is None:
            yield InputError("feed item has neither content nor summary", source=origin)
            continue
        text, kind = content
        yield RawPage(
            content=text,
            origin=origin,
            url=entry.get("link") or None,
            kind=kind,
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            title_hint=(entry.get("title") or "").strip() or None,
            meta={"feed_title": feed_title, "outlet": outlet, "authors": feed_authors(entry),
                  "item_id": entry.get("id"),
                  "published_raw": entry.get("published") or entry.get("updated")},
        )

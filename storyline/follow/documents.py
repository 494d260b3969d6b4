"""What a polled document lists: feed items, sitemap URLs or child sitemaps.

``read_document(body, url)`` looks at the XML root and returns a
:class:`Listing`: ``kind`` is ``"feed"`` (RSS/Atom/RDF, its items as pages, read by
``storyline.ingest.feeds``), ``"sitemap"`` (``<urlset>``: page URLs, with the
news sitemap's title and publication date when given) or ``"index"``
(``<sitemapindex>``: child sitemap URLs). A gzip body (``sitemap.xml.gz``) is
unpacked first, within the size limit. XML is parsed by lxml with entities and
network access off.

Example::

    listing = read_document(b"<urlset xmlns=...><url><loc>https://x.org/a</loc></url></urlset>",
                            "https://x.org/sitemap.xml")
    listing.kind, listing.entries[0].url    # ("sitemap", "https://x.org/a")
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field

from lxml import etree

from storyline.errors import InputError
from storyline.extract.core import parse_iso
from storyline.ingest.feeds import iter_feed
from storyline.model import RawPage
from storyline.rules import follow as rules
from storyline.rules import ingest as ingest_rules

_FEED_ROOTS = {"rss", "feed", "RDF"}


@dataclass
class Entry:
    """One thing a document lists: a page URL (with hints) or a ready page (feed item)."""

    url: str | None
    page: RawPage | None = None          # feed items carry their content
    title: str | None = None             # news:title
    published: str | None = None         # news:publication_date (ISO)
    error: InputError | None = None      # a feed item that cannot be read


@dataclass
class Listing:
    kind: str                            # feed | sitemap | index
    entries: list[Entry] = field(default_factory=list)


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _gunzip(body: bytes, max_bytes: int, url: str) -> bytes:
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflate.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(f"corrupt gzip: {exc}", source=url) from None
    if len(data) > max_bytes:
        raise InputError(f"unpacked document holds more than {max_bytes:,} bytes", source=url)
    if not inflate.eof:
        raise InputError("corrupt gzip: truncated before its end", source=url)
    return data


def read_document(body: bytes, url: str, *,
                  max_bytes: int = ingest_rules.DEFAULT_MAX_BYTES) -> Listing:
    """The entries of a feed, sitemap or sitemap index; InputError if it is none of them."""
    if body.startswith(ingest_rules.GZIP_MAGIC):
        body = _gunzip(body, max_bytes, url)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not a feed or sitemap: malformed XML ({exc})", source=url) from None
    name = _local(root.tag)
    if name in _FEED_ROOTS:
        return Listing("feed", [_feed_entry(item) for item in iter_feed(body, url)])
    if name == "urlset":
        return Listing("sitemap", [_url_entry(el) for el in _children(root, "url",
                                                                         rules.SITEMAP_MAX_URLS)])
    if name == "sitemapindex":
        return Listing("index", [Entry(_text(el, "loc")) for el in
                                 _children(root, "sitemap", rules.SITEMAP_MAX_CHILDREN)])
    raise InputError(f"not a feed or sitemap: the XML root is <{name}>", source=url)


def _feed_entry(item: RawPage | InputError) -> Entry:
    if isinstance(item, InputError):
        return Entry(None, error=item)
    return Entry(item.url, page=item)


def _children(root, name: str, limit: int) -> list:
    out = [el for el in root if _local(el.tag) == name]
    return [el for el in out if _text(el, "loc")][:limit]


def _text(el, name: str) -> str | None:
    """Text of the first descendant named ``name`` (any namespace), stripped."""
    for child in el.iter():
        if _local(child.tag) == name and (child.text or "").strip():
            return child.text.strip()
    return None


def _url_entry(el) -> Entry:
    published = _text(el, "publication_date")
    parsed = parse_iso(published) if published else None
    return Entry(_text(el, "loc"), title=_text(el, "title"),
                 published=parsed.isoformat() if parsed else None)

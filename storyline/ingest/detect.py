"""What kind of input is this? Magic numbers, file name endings, then the first tags.

Order of decisions for ``detect_format`` (first match wins):

1. a WARC header (``WARC/``) at the start: ``warc``;
2. a known file name ending (``.html``, ``.txt``, ``.warc``, ``.rss``, ``.jsonl``...,
   after a trailing ``.gz``): that format;
3. a first line that is a JSON object (no page starts with ``{"``): ``jsonl``;
4. a feed root element (``<rss``, ``<rdf:RDF``, Atom ``<feed``): ``feed``;
5. a doctype / ``<html>`` / ``<head>`` / ``<body>`` tag, or at least
   ``MIN_HTML_TAGS`` common HTML tags: ``html``;
6. otherwise ``text`` (a scraped plain-text page).

``binary_kind`` is asked first: a file that is not text is refused with its name.
"""
from __future__ import annotations

import json
import os

from storyline.ingest.decode import bom_encoding
from storyline.rules import ingest as rules


def strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def format_from_name(name: str | None) -> str | None:
    """The format a file name ending decides, or None."""
    if not name:
        return None
    ext = os.path.splitext(strip_gz(name).lower())[1]
    return rules.EXTENSION_FORMATS.get(ext)


def is_gzip(head: bytes) -> bool:
    return head.startswith(rules.GZIP_MAGIC)


def binary_kind(head: bytes) -> str | None:
    """A name for the binary format of ``head`` ("PNG image"...), or None if it is text."""
    for magic, name in rules.BINARY_SIGNATURES:
        if head.startswith(magic):
            return name
    for magic, name in rules.BINARY_SIGNATURES_AT_4:
        if head[4:4 + len(magic)] == magic:
            return name
    if not head or bom_encoding(head):
        return None
    nul = head.count(b"\x00")
    if nul:
        # UTF-16/32 text without a BOM: NULs in (nearly) every second byte.
        if nul / len(head) >= rules.UTF16_NUL_SHARE and (
                head[0::2].count(b"\x00") == nul or head[1::2].count(b"\x00") == nul):
            return None
        if nul / len(head) > rules.BINARY_NUL_SHARE:
            return "NUL bytes"
    control = sum(head.count(bytes([c])) for c in range(32) if c not in (9, 10, 12, 13, 27))
    if control / len(head) > rules.BINARY_CONTROL_SHARE:
        return "control bytes"
    return None


def _first_line_is_json_object(head: bytes) -> bool:
    if not rules.JSONL_START.match(head):
        return False
    line = head.lstrip().split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        # the first line may be cut by the sniff window: a long JSON object still counts
        return len(line) >= rules.SNIFF_BYTES - 64 or b'"' in line[:3]


def _ascii_view(head: bytes) -> bytes:
    """UTF-16/32 heads with a BOM or NUL pattern become ASCII-compatible for the patterns."""
    bom = bom_encoding(head)
    if bom and bom[0] != "utf-8":
        try:
            return head[bom[1]:].decode(bom[0], "ignore").encode("utf-8", "ignore")
        except LookupError:
            return head
    if head.count(b"\x00") > len(head) * rules.UTF16_NUL_SHARE:
        return head.replace(b"\x00", b"")
    return head


def detect_format(head: bytes, name: str | None = None) -> str:
    """One of ``html``, ``text``, ``warc``, ``feed``, ``jsonl`` for the (decompressed) head."""
    view = _ascii_view(head)
    if view.lstrip().startswith(rules.WARC_MAGIC):
        return "warc"
    by_name = format_from_name(name)
    if by_name:
        return by_name
    if _first_line_is_json_object(view.lstrip(b"\xef\xbb\xbf")):
        return "jsonl"
    if rules.FEED_ROOT.search(view):
        return "feed"
    if rules.HTML_ROOT.search(view) or len(rules.HTML_TAG.findall(view)) >= rules.MIN_HTML_TAGS:
        return "html"
    return "text"

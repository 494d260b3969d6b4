"""Is an HTML page one story, or a home, section or list page? (``Article.page_type``)

A home page still yields text (a weather widget, a column of teasers), so the body
extractor alone cannot tell. The decision, first rule that applies (thresholds in
:mod:`storyline.rules.html`):

1. The page declares itself an article (``og:type`` article, ``article:published_time``,
   a JSON-LD ``NewsArticle``/``BlogPosting``/... that is the main entity): "article".
2. It declares itself a collection (JSON-LD ``CollectionPage``, ``ItemList``, ``WebSite``
   alone) or its URL is a site root or a bare section ("/", "/news/"): "index".
3. Headline links (links inside ``h1``-``h4``, or holding one, of at least
   ``INDEX_HEADLINE_MIN_WORDS`` words) are many (``INDEX_MIN_HEADLINE_LINKS``) and their
   words outnumber the body's words ``INDEX_LINK_TO_BODY_RATIO`` times or more: "index".
4. Else "article".

Example::

    page_type(parse_html(html), "https://example.com/", body_text)   # "index"
"""
from __future__ import annotations

import json
import re

from lxml import etree

from storyline.rules import html as rules
from storyline.values import url_parts

__all__ = ["page_type", "declared_type", "is_section_url"]

_WORD = re.compile(r"\w+")
_HEADLINE_LINKS = etree.XPath("//h1//a | //h2//a | //h3//a | //h4//a | //a[.//h2 or .//h3 or .//h4]")


def _jsonld_types(tree) -> set[str]:
    types: set[str] = set()

    def walk(obj):
        if isinstance(obj, list):
            for item in obj:
                walk(item)
        elif isinstance(obj, dict):
            t = obj.get("@type")
            for one in (t if isinstance(t, list) else [t]):
                if isinstance(one, str):
                    types.add(one.casefold())
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                if isinstance(obj.get(key), (list, dict)):
                    walk(obj[key])

    for el in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(el.text or ""))
        except (ValueError, RecursionError):
            continue
    return types


def declared_type(tree) -> str | None:
    """"article" or "index" when the page's markup says so, else None."""
    og = [(m.get("content") or "").strip().casefold()
          for m in tree.xpath('//meta[@property="og:type" or @name="og:type"]')]
    types = _jsonld_types(tree)
    if (any(t.startswith("article") for t in og)
            or tree.xpath('//meta[@property="article:published_time"]')
            or any(t.endswith(rules.ARTICLE_TYPE_SUFFIXES) for t in types)):
        return "article"
    if types & rules.INDEX_JSONLD_TYPES:
        return "index"
    return None


def is_section_url(url: str | None) -> bool:
    """A site root or a bare section path: "/", "/news/", "/sport/index.html".

    >>> is_section_url("https://example.com/news/"), is_section_url("https://example.com/news/a-b-1")
    (True, False)
    """
    parts = url_parts(url)
    if parts is None:
        return False
    if parts.query:
        return False  # "/?p=123", "/News/index.php?ID=20129": a page addressed by its query
    segs = [s for s in parts.path.split("/") if s and s.casefold() not in rules.INDEX_FILE_NAMES]
    return len(segs) == 0 or (len(segs) == 1 and rules.SECTION_SEGMENT.match(segs[0]) is not None)


def page_type(tree, url: str | None, text: str) -> str:
    """"article" or "index" for a parsed page, its URL and its extracted body ``text``."""
    declared = declared_type(tree)
    if declared:
        return declared
    if is_section_url(url):
        return "index"
    links, link_words = 0, 0
    for a in _HEADLINE_LINKS(tree):
        n = len(_WORD.findall(" ".join(a.itertext())))
        if n >= rules.INDEX_HEADLINE_MIN_WORDS:
            links += 1
            link_words += n
    body_words = len(_WORD.findall(text))
    if links >= rules.INDEX_MIN_HEADLINE_LINKS and link_words >= rules.INDEX_LINK_TO_BODY_RATIO * body_words:
        return "index"
    return "article"

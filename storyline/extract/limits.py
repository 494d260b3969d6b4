"""Pages bigger than the extractors can handle in seconds, brought under the limit.

A page within ``rules.limits.MAX_PAGE_CHARS`` is handed over untouched. A larger one first
loses what never holds article text (scripts other than JSON-LD, styles, SVG, comments,
``data:`` URIs), in one linear pass; if it is still too large it is cut at a tag boundary
before the limit. The caller notes the cut in the article's provenance.

>>> fit_page("<p>short</p>")
('<p>short</p>', None)
>>> html, note = fit_page("<p>" + "word " * 50, limit=40)
>>> len(html) <= 40, note
(True, 'page cut to its first 40 of 253 characters')
"""
from __future__ import annotations

import re

from storyline.rules import limits as rules

_NO_TEXT = re.compile(
    r"<script\b(?![^>]*application/ld\+json)[^>]*>.*?</script\s*>"
    r"|<style\b[^>]*>.*?</style\s*>|<svg\b[^>]*>.*?</svg\s*>|<!--.*?-->"
    r"|(?<=[\"'])data:[^\"']*(?=[\"'])", re.I | re.S)


def fit_page(html: str, limit: int | None = None) -> tuple[str, str | None]:
    """``(html, note)``: the page within ``limit`` characters (default
    ``rules.limits.MAX_PAGE_CHARS``), and what was done (None: as is)."""
    limit = rules.MAX_PAGE_CHARS if limit is None else limit
    if len(html) <= limit:
        return html, None
    size = len(html)
    html = _NO_TEXT.sub("", html)
    if len(html) <= limit:
        return html, f"scripts, styles and inline data dropped from a {size}-character page"
    cut = html.rfind("<", 0, limit)
    html = html[:cut if cut > 0 else limit]
    return html, f"page cut to its first {len(html)} of {size} characters"


def fit_text_page(text: str, limit: int | None = None) -> tuple[str, str | None]:
    """``(text, note)``: a plain-text page cut at a line end within ``limit`` characters
    (default ``rules.limits.MAX_TEXT_PAGE_CHARS``)."""
    limit = rules.MAX_TEXT_PAGE_CHARS if limit is None else limit
    if len(text) <= limit:
        return text, None
    cut = text.rfind("\n", 0, limit)
    cut = cut if cut > 0 else limit
    return text[:cut], f"page cut to its first {cut} of {len(text)} characters"

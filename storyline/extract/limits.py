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

#: Where a stretch that never holds article text opens; its end is found with one search, so a
#: page full of unclosed openers costs one scan, not one per opener.
_OPENER = re.compile(r"<(script|style|svg)\b[^<>]{0,2000}>|<!--|([\"'])data:", re.I)
_CLOSER = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I),
           "svg": re.compile(r"</svg\s*>", re.I), "--": re.compile("-->")}


def drop_non_text(html: str) -> str:
    """``html`` without scripts (JSON-LD kept), styles, SVG, comments and ``data:`` URIs,
    in time linear in its length; an unclosed one is kept with all that follows it.

    >>> drop_non_text('<p>a</p><script>x()</script><img src="data:image/png;b64,AAA"><!--')
    '<p>a</p><img src=""><!--'
    """
    out, pos, at = [], 0, 0
    while (m := _OPENER.search(html, at)) is not None:
        kind = (m.group(1) or ("data" if m.group(2) else "--")).lower()
        if kind == "script" and "ld+json" in m.group(0).lower():
            at = m.end()  # metadata lives there
            continue
        if kind == "data":
            start, end = m.start() + 1, html.find(m.group(2), m.end())
            close_end = end
        else:
            start, close = m.start(), _CLOSER[kind].search(html, m.end())
            end = close_end = close.end() if close else -1
        if end < 0:
            break
        out.append(html[pos:start])
        pos = at = close_end
    out.append(html[pos:])
    return "".join(out)


def fit_page(html: str, limit: int | None = None) -> tuple[str, str | None]:
    """``(html, note)``: the page within ``limit`` characters (default
    ``rules.limits.MAX_PAGE_CHARS``), and what was done (None: as is)."""
    limit = rules.MAX_PAGE_CHARS if limit is None else limit
    if len(html) <= limit:
        return html, None
    size = len(html)
    html = drop_non_text(html)
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

"""The headline without the site's name or a section label.

Pages put the site in their titles ("Storm closes port - BBC News", "CNN Politics |
Senate votes", "Storm closes port | World | The Courier") and some put a section
label in their first ``<h1>`` ("Politics"). :func:`clean_title` removes the site's
part: a segment, at either end of the title, split at a spaced separator
(``TITLE_TAG_SEPARATORS``), that names the outlet or the URL's host, or a short
segment (a section) after the site's; :func:`is_section_label` tells an ``<h1>``
that is a label from one that is a headline.

Example::

    clean_title("Storm closes port - BBC News", outlet="BBC News")   # "Storm closes port"
"""
from __future__ import annotations

import re

from storyline.rules import html as rules
from storyline.values import url_host

__all__ = ["clean_title", "is_section_label", "site_keys"]

_WORD = re.compile(r"\w+")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def site_keys(outlet: str | None, url: str | None) -> set[str]:
    """Comparison keys naming the site: the outlet's words and the host's main label
    ("www.bbc.co.uk" -> "bbc", "edition.cnn.com" -> "cnn")."""
    keys = set()
    if outlet and (k := _key(outlet)):
        keys.add(k)
        keys.add(k.removeprefix("the "))
    host = url_host(url) or ""
    labels = [x for x in host.split(".")[:-1] if x and x not in rules.HOST_NOISE_LABELS]
    if labels:
        keys.add(labels[0].replace("-", " "))
    return {k for k in keys if k}


def _names_site(segment: str, keys: set[str]) -> bool:
    seg = _key(segment)
    if not seg:
        return False
    flat = seg.replace(" ", "")
    for k in keys:
        if seg == k or flat == k.replace(" ", ""):
            return True
        # "CNN Politics", "BBC News - World": the site's name opening a short segment
        if (len(seg.split()) <= rules.TITLE_TAG_OUTLET_MAX_WORDS
                and (seg.startswith(k + " ") or seg.endswith(" " + k))):
            return True
    return False


def clean_title(title: str | None, *, outlet: str | None = None, url: str | None = None,
                headline: str | None = None) -> str | None:
    """``title`` without the segments naming the site (and a section beside them).

    ``headline``: the page's ``<h1>`` text; when a segment of the title equals it, that
    segment is the title. The title is returned unchanged when nothing names the site.
    """
    if not title:
        return title
    parts = [p.strip() for p in rules.TITLE_TAG_SEPARATORS.split(title)]
    if len(parts) < 2:
        return title
    if headline and (h := _key(headline)):
        for p in parts:
            if _key(p) == h:
                return p
    keys = site_keys(outlet, url)
    if not keys:
        return title
    # drop site segments from the end ("Headline | Section | Site") ...
    end = len(parts)
    if _names_site(parts[-1], keys):
        end -= 1
        while end > 1 and _is_short(parts[end - 1]) and not _is_short(parts[0]):
            end -= 1  # a section label between the headline and the site
    start = 0
    if end == len(parts) and _names_site(parts[0], keys):  # ... or from the start ("Site - Headline")
        start = 1
    kept = parts[start:end]
    if not kept or start == 0 and end == len(parts):
        return title
    # keep the original separators inside the kept span
    joined = _rejoin(title, parts, start, end)
    return joined or title


def _is_short(segment: str) -> bool:
    return len(segment.split()) <= rules.TITLE_SECTION_MAX_WORDS


def _rejoin(title: str, parts: list[str], start: int, end: int) -> str:
    """The span of ``title`` from part ``start`` to part ``end - 1``, separators kept."""
    pos, spans = 0, []
    for p in parts:
        i = title.find(p, pos)
        spans.append((i, i + len(p)))
        pos = i + len(p)
    return title[spans[start][0]:spans[end - 1][1]].strip()


def is_section_label(h1: str | None, page_title: str | None) -> bool:
    """True when an ``<h1>`` is a section label, not the headline: at most
    ``TITLE_SECTION_MAX_WORDS`` words, while the page's ``<title>`` holds more words
    than the label (the headline is elsewhere).

    >>> is_section_label("Politics", "Senate passes the budget | Politics | The Courier")
    True
    """
    if not h1:
        return False
    words = _key(h1).split()
    title_words = _key(page_title or "").split()
    return (len(words) <= rules.TITLE_SECTION_MAX_WORDS
            and len(title_words) > len(words) + rules.TITLE_SECTION_MAX_WORDS)

"""Untrusted scalar values made safe: text without lone surrogates, URLs that parse.

Everything scraped is untrusted. Two kinds of value crash code far from where they came
in: a lone surrogate (``"\\udc80"``, legal in a Python string from a JSON escape, illegal
in UTF-8, so SQLite and stdout refuse it) and a URL that ``urllib.parse`` refuses
(``http://[::1``). This module repairs the first (each surrogate becomes U+FFFD, one
character for one, so offsets into the text stay valid) and drops the second, noting
both in the article's provenance: the bad field goes, the article stays.

>>> without_surrogates("x \\udc80")
'x \\ufffd'
>>> url_or_none("http://[::1") is None, url_or_none("https://a.example/x")
(True, 'https://a.example/x')
"""
from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

_SURROGATE = re.compile("[\ud800-\udfff]")

#: Provenance notes written when a bad value is repaired or dropped.
NOTE_SURROGATES = "repaired: lone surrogates replaced with U+FFFD"
NOTE_BAD_URL = "dropped: malformed URL"
#: Provenance key of the surrogate repair note (the text or any other field).
REPAIRS_KEY = "repairs"


def without_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (same length)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def clean_value(value: Any) -> tuple[Any, bool]:
    """``value`` (str, list, tuple, dict or dataclass, nested) with surrogates repaired in
    every string, and whether anything changed. Dataclasses are repaired in place.

    >>> clean_value({"a": ["ok", "bad \\udc80"]})
    ({'a': ['ok', 'bad \\ufffd']}, True)
    """
    if isinstance(value, str):
        new = without_surrogates(value)
        return new, new is not value
    if isinstance(value, (list, tuple)):
        pairs = [clean_value(v) for v in value]
        changed = any(c for _, c in pairs)
        return (type(value)(v for v, _ in pairs) if changed else value), changed
    if isinstance(value, dict):
        pairs = {clean_value(k)[0]: clean_value(v) for k, v in value.items()}
        changed = any(c for _, c in pairs.values()) or any(
            isinstance(k, str) and _SURROGATE.search(k) for k in value)
        return ({k: v for k, (v, _) in pairs.items()} if changed else value), changed
    if is_dataclass(value) and not isinstance(value, type):
        changed = False
        for f in fields(value):
            new, c = clean_value(getattr(value, f.name))
            if c:
                setattr(value, f.name, new)
                changed = True
        return value, changed
    return value, False


def url_or_none(value: str | None) -> str | None:
    """``value`` if ``urllib.parse`` can read it (and its host), else None."""
    if not value:
        return None
    try:
        urlsplit(value).hostname
    except ValueError:
        return None
    return value


def url_parts(url: str | None):
    """``urllib.parse.urlsplit(url)``, or None when there is no URL or it does not parse.

    >>> url_parts("https://a.example/news/").path, url_parts("http://[::1")
    ('/news/', None)
    """
    if not url:
        return None
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 - raises on a bad IPv6 literal or port
    except ValueError:
        return None
    return parts


def url_host(url: str | None) -> str | None:
    """The URL's host name, or None when it has none or does not parse.

    >>> url_host("https://www.a.example/x"), url_host("http://[::1")
    ('www.a.example', None)
    """
    if not url:
        return None
    try:
        return urlsplit(url).hostname or None
    except ValueError:
        return None


def join_url(base: str | None, href: str) -> str:
    """``href`` resolved against ``base``; ``href`` unchanged when either does not parse
    (:func:`repair_article` then drops it with a note)."""
    if not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def repair_article(article, *, text_repaired: bool = False) -> Any:
    """Repair surrogates in every field of an ``Article`` and drop its malformed URLs
    (``url``, ``canonical_url``, image URLs), each with a note in ``provenance``.
    ``text_repaired`` says the page content was already repaired before extraction."""
    for name in ("url", "canonical_url"):
        value = getattr(article, name)
        if value and url_or_none(value) is None:
            setattr(article, name, None)
            article.provenance[name] = NOTE_BAD_URL
    bad_images = [i for i in article.images if i.url and url_or_none(i.url) is None]
    for image in bad_images:
        image.url = None
    if bad_images:
        article.provenance["images"] = NOTE_BAD_URL
    text_repaired = clean_value(article.text)[1] or text_repaired
    if clean_value(article)[1] or text_repaired:
        article.provenance[REPAIRS_KEY] = NOTE_SURROGATES
    return article

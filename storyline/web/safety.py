"""Making scraped text safe to show: control characters out, only http(s) links.

Escaping itself is Jinja2's autoescape; these cover what escaping does not: ANSI
escapes and control/bidi characters (they break layouts and terminals), and URLs whose
scheme would run code when clicked (``javascript:``).

Example::

    >>> clean_text("\\x1b[31mred\\x1b[0m\\u202eevil")
    'redevil'
    >>> safe_url("javascript:alert(1)") is None
    True
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from storyline.rules.web import HTML_SNIPPET_CLOSE, HTML_SNIPPET_OPEN, LINK_SCHEMES

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates
_CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_CONTROL_ONLY = re.compile(f"[{_CONTROL_CHARS}]")
_CONTROL = re.compile(f"[{_CONTROL_CHARS}{HTML_SNIPPET_OPEN}{HTML_SNIPPET_CLOSE}]")
_MARKED = re.compile(re.escape(str(escape(HTML_SNIPPET_OPEN))) + "(.*?)"
                     + re.escape(str(escape(HTML_SNIPPET_CLOSE))), re.S)


def clean_text(value):
    """The text without ANSI escape sequences and control/bidi characters; other
    values (and already-safe Markup) unchanged; None becomes ""."""
    if value is None:
        return ""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return _CONTROL.sub("", _ANSI.sub("", value))


def safe_url(url) -> str | None:
    """The URL if it is an absolute http(s) URL without control characters, else None."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or _CONTROL.search(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return url


def marked_snippet(snippet) -> Markup:
    """A snippet whose matched words are wrapped in the private marks: escaped first,
    then each balanced pair becomes ``<mark>``; stray marks vanish."""
    if not isinstance(snippet, str):
        return Markup("")
    escaped = str(escape(_CONTROL_ONLY.sub("", _ANSI.sub("", snippet))))
    escaped = _MARKED.sub(r"<mark>\1</mark>", escaped)
    return Markup(escaped.replace(HTML_SNIPPET_OPEN, "").replace(HTML_SNIPPET_CLOSE, ""))

"""Scraped text made safe to show: terminals, CSV cells, JSON text.

Everything an archive holds came from pages, feeds and JSON Lines nobody vetted. A title
carrying ``ESC [2J`` clears the reader's screen, ``ESC ]8;;`` plants a link, a CR
overwrites the line before it, a CSV cell starting with ``=`` runs as a spreadsheet
formula. Every human-readable output goes through these functions.

Example: ``for_terminal("Ferry\x1b[2J vote")`` gives ``Ferry\\x1b[2J vote`` (the
escape shown as four characters, never sent to the terminal).
"""
from __future__ import annotations

import re

#: Control characters (Unicode category Cc): C0 but tab and newline, DEL, C1.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: The same for JSON, whose encoder already escapes C0 (\u001b) but not DEL and C1.
_JSON_UNESCAPED = re.compile("[\x7f-\x9f]")
#: First characters that make a spreadsheet read a CSV cell as a formula (OWASP).
_FORMULA_START = ("=", "+", "-", "@")


def _visible(match: re.Match) -> str:
    return f"\\x{ord(match.group()):02x}"


def for_terminal(text, *, keep_newlines: bool = True) -> str:
    """``text`` with every control character but tab and newline shown as ``\\xNN``
    (newlines too, as ``\\n``, when ``keep_newlines`` is False: one line)."""
    text = _CONTROL.sub(_visible, "" if text is None else str(text))
    return text if keep_newlines else text.replace("\n", "\\n")


def for_csv(value):
    """A CSV cell: control characters shown as ``\\xNN``, a leading formula character
    quoted with an apostrophe (``=HYPERLINK(...)`` -> ``'=HYPERLINK(...)``). Non-strings
    are returned unchanged."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub(_visible, value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def json_text(serialised: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with DEL and C1 controls
    as ``\\u00NN`` escapes too: still the same JSON value, nothing a terminal acts on."""
    return _JSON_UNESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", serialised)

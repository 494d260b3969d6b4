"""Which news agency (wire service) a story comes from.

``detect_wire`` tries the evidence in order of strength and returns the first
hit with how it was decided:

1. the copyright line ("©2021 Bloomberg L.P.")              -> "copyright"
2. a dateline ("WASHINGTON (Reuters) -", "(AP) —")         -> "dateline"
3. an agency sign-off ("Reporting by ...; Editing by ...")  -> "credit-line"
4. a byline naming an agency ("By Jane Doe, Bloomberg")     -> "byline"
5. page metadata (author / publisher / source values)       -> "meta"

Photo credits ("Photo credit: AFP", "AP Photo/Evan Vucci") are removed first:
they say who took a picture, not who wrote the story. The names and patterns
are data in :mod:`storyline.rules.wires`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from storyline.rules import wires as R
from storyline.rules.datelines import WIRE_DATELINE

__all__ = ["detect_wire", "canonical_wire", "strip_photo_credits"]


def _alias_regex(alias: str) -> re.Pattern:
    flags = 0 if (len(alias) <= R.CASE_SENSITIVE_MAX_LEN or alias.isupper()) else re.I
    return re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", flags)


@lru_cache(maxsize=1)
def _aliases() -> list[tuple[re.Pattern, str, str]]:
    """(pattern, canonical, alias), longest alias first so 'Associated Press' beats 'AP'."""
    out = [(_alias_regex(a), canon, a) for canon, aliases in R.WIRES.items() for a in aliases]
    out.sort(key=lambda t: -len(t[2]))
    return out


def canonical_wire(name: str | None, *, strong_only: bool = False, exact: bool = False
                   ) -> str | None:
    """The canonical wire named in ``name`` ("Bloomberg L.P." -> "Bloomberg"), else None.

    ``exact``: the whole string must be the alias (after trimming punctuation).
    ``strong_only``: ignore ambiguous aliases ("CP", "AA", "PA").
    """
    if not name:
        return None
    text = name.strip().strip(".,;:()[]-–— ")
    for pat, canon, alias in _aliases():
        if strong_only and alias in R.WEAK_ALIASES:
            continue
        if exact:
            if pat.fullmatch(text) or pat.fullmatch(re.sub(r"^[Tt]he\s+", "", text)):
                return canon
        elif pat.search(text):
            return canon
    return None


def strip_photo_credits(text: str) -> str:
    """The text with every photo-credit line or fragment blanked out."""
    for pat in R.PHOTO_CREDIT_PATTERNS:
        text = pat.sub(" ", text)
    return text


# The evidence read from the story text alone is cached by text: one HTML page asks twice
# (metadata's copyright choice, then ``fill_common`` with copyright, authors and meta), and
# the text is scanned once.
_TEXT_CACHE_SIZE = 64


@lru_cache(maxsize=_TEXT_CACHE_SIZE)
def _stripped(text: str) -> str:
    return strip_photo_credits(text)


@lru_cache(maxsize=_TEXT_CACHE_SIZE)
def _from_text(raw: str) -> tuple[str | None, str | None]:
    """(wire, how) from the text's copyright lines, dateline, credit rules, sign-off and
    agency bar (steps that need no copyright, authors or meta), else (None, None)."""
    text = _stripped(raw)
    for line in text.splitlines():
        if re.match(r"\s*(?:©|\(c\)|copyright\b)", line, re.I) and len(line) < 200:
            wire = canonical_wire(line)
            if wire:
                return wire, "copyright"
    wire = _from_dateline(text)
    if wire:
        return wire, "dateline"
    for pat, canon, how in R.CREDIT_RULES:
        if pat.search(text):
            return canon, how
    for m in R.SIGNOFF.finditer(text):
        wire = canonical_wire(m["a"] or m["b"], exact=True, strong_only=True)
        if wire:
            return wire, "credit-line"
    for m in R.AGENCY_BAR.finditer(text):
        wire = canonical_wire(m["wire"], exact=True, strong_only=True)
        if wire:
            return wire, "byline"
    return None, None


def _from_dateline(text: str) -> str | None:
    for m in WIRE_DATELINE.finditer(text):
        wire = canonical_wire(m.group("wire"), exact=True)
        if wire:
            return wire
    return None


def _from_bylines(raw: str, authors: Iterable[str]) -> str | None:
    for name in authors:
        wire = canonical_wire(name, exact=True, strong_only=True)
        if wire:
            return wire
    return _from_text_bylines(raw)


@lru_cache(maxsize=_TEXT_CACHE_SIZE)
def _from_text_bylines(raw: str) -> str | None:
    """The wire named in the text's bylines ("By Jane Doe, Bloomberg", "AFP staff")."""
    text = _stripped(raw)
    for m in R.BYLINE.finditer(text):
        # "By Jane Doe, Bloomberg" / "By Jane Doe and John Roe | Reuters" / "By AFP"
        for part in re.split(r"\s*(?:,|\||\band\b|&|/|\bfor\b|\bof\b)\s*", m.group("names")):
            wire = canonical_wire(part, exact=True, strong_only=True)
            if wire:
                return wire
    for m in R.STAFF_BYLINE.finditer(text):
        wire = canonical_wire(m.group("wire"), exact=True, strong_only=True)
        if wire:
            return wire
    return None


def _from_meta(meta: Mapping[str, object] | None) -> str | None:
    if not meta:
        return None
    lowered = {str(k).lower(): v for k, v in meta.items()}
    for key in R.META_KEYS:
        value = lowered.get(key)
        values = value if isinstance(value, (list, tuple)) else [value]
        for v in values:
            wire = canonical_wire(str(v) if v is not None else None, exact=True, strong_only=True)
            if wire:
                return wire
    return None


def detect_wire(text: str, *, copyright: str | None = None, authors: Iterable[str] = (),
                meta: Mapping[str, object] | None = None) -> tuple[str | None, str | None]:
    """(wire, how) for the agency whose story ``text`` is, or (None, None).

    >>> detect_wire("WASHINGTON (Reuters) - The Senate voted on Tuesday.")
    ('Reuters', 'dateline')
    >>> detect_wire("Story.", copyright="©2021 Bloomberg L.P.")
    ('Bloomberg', 'copyright')
    >>> detect_wire("Photo credit: AFP\\nThe minister said on Monday.")
    (None, None)
    """
    if copyright:
        wire = canonical_wire(strip_photo_credits(copyright))
        if wire:
            return wire, "copyright"
    wire, how = _from_text(text or "")
    if wire:
        return wire, how
    wire = _from_bylines(text or "", authors)
    if wire:
        return wire, "byline"
    wire = _from_meta(meta)
    if wire:
        return wire, "meta"
    return None, None

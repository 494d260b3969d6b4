"""The one document model: plain dataclasses shared by every stage.

Character offsets (``start``/``end``) always index into ``Article.text``; a span
that does not line up is a bug in the stage that produced it.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, is_dataclass
from typing import Any

from storyline.facts import FACT_NAMES

SCHEMA_VERSION = "1"

#: Reading rate used for ``reading_time_min`` (words per minute of adult silent
#: reading of non-fiction, Brysbaert 2019: 238 wpm).
READING_WPM = 238


@dataclass
class RawPage:
    """One page as it came in, before extraction."""

    content: bytes | str
    origin: str  # file path, URL, "stdin", "file.warc.gz#record-12"
    url: str | None = None
    kind: str = "html"  # html | text | body
    published: str | None = None  # from the container (feed item, JSONL, WARC date)
    fetched_at: str | None = None
    title_hint: str | None = None  # e.g. feed item title
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Image:
    caption: str | None = None
    credit: str | None = None
    url: str | None = None


@dataclass
class Article:
    """A clean article with metadata. ``provenance`` maps field name -> how it was decided."""

    text: str = ""
    title: str | None = None
    subtitle: str | None = None
    published: str | None = None
    language: str | None = None
    outlet: str | None = None
    wire: str | None = None
    copyright: str | None = None
    authors: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    url: str | None = None
    canonical_url: str | None = None
    source: str | None = None  # where it came from (origin of the RawPage)
    #: "article" (a story), "index" (a home, section or list page), or None when not known
    page_type: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)
    entities: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    times: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return count_words(self.text)

    @property
    def reading_time_min(self) -> int:
        return reading_minutes(self.word_count) if self.text else 0

    @property
    def id(self) -> str:
        return article_id(self.canonical_url or self.url, self.text)

    def set(self, name: str, value: Any, how: str) -> None:
        """Set a metadata field once, recording how it was decided (first writer wins)."""
        if value in (None, "", []) or getattr(self, name) not in (None, "", []):
            return
        setattr(self, name, value)
        self.provenance[name] = how

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "id": self.id}
        for key in ("title", "subtitle", "published", "language", "outlet", "wire",
                    "copyright", "authors", "images", "url", "canonical_url", "source", "page_type"):
            out[key] = d[key]
        out["word_count"] = self.word_count
        out["reading_time_min"] = self.reading_time_min
        out["reading_wpm"] = READING_WPM
        out["text"] = self.text
        out["provenance"] = dict(self.provenance)
        for key in FACT_NAMES:
            out[key] = d[key]
        return out

    def record(self) -> dict[str, Any]:
        """``to_dict()`` without the copy: the same keys, in the same order, with equal values,
        the lists and dicts being the article's own (the archive writes rows straight from
        them). Example: ``article.record() == article.to_dict()``."""
        words = self.word_count
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "id": self.id}
        for key in ("title", "subtitle", "published", "language", "outlet", "wire",
                    "copyright", "authors", "images", "url", "canonical_url", "source", "page_type"):
            out[key] = getattr(self, key)
        out["images"] = [asdict(i) if is_dataclass(i) else i for i in self.images]
        out["word_count"] = words
        out["reading_time_min"] = reading_minutes(words) if self.text else 0
        out["reading_wpm"] = READING_WPM
        out["text"] = self.text
        out["provenance"] = self.provenance
        for key in FACT_NAMES:
            out[key] = getattr(self, key)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        art = cls(**{k: d.get(k) for k in (
            "text", "title", "subtitle", "published", "language", "outlet", "wire",
            "copyright", "url", "canonical_url", "source", "page_type") if d.get(k) is not None})
        art.authors = list(d.get("authors") or [])
        art.images = [Image(**i) for i in d.get("images") or []]
        art.provenance = dict(d.get("provenance") or {})
        for key in FACT_NAMES:
            setattr(art, key, list(d.get(key) or []))
        return art


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def reading_minutes(word_count: int, wpm: int = READING_WPM) -> int:
    """Minutes to read a non-empty text of ``word_count`` words: ``reading_minutes(500) == 2``."""
    return max(1, round(word_count / wpm))


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def normalise_text(text: str) -> str:
    """Text key for exact-duplicate detection: NFKC, casefolded, words only."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def article_id(url: str | None, text: str) -> str:
    """Stable id: the hash of the normalised text (so the same story has one id)."""
    key = normalise_text(text) or (url or "")
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

"""An article as a sparse, unit-length term vector: what story assignment compares.

Terms are Snowball stems of the title and body words. Each term weighs
``(1 + log tf) * idf`` where tf counts title words TITLE_WEIGHT times, lede words
LEAD_WEIGHT times and names (words inside entity mentions, or capitalised inside a
sentence) ENTITY_BOOST times, and idf comes from
wordfreq's English frequencies (a prior, not the archive: see storyline.rules.stories).
Only the TERMS_PER_ARTICLE heaviest terms are kept.

Example::

    >>> vec = article_vector("Quake kills 40 in Nepal", "A magnitude 6.1 earthquake ...")
    >>> round(sum(w * w for w in vec.values()), 6)
    1.0
"""
from __future__ import annotations

import gzip
import importlib.util
import math
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from storyline.rules import stories as rules
from storyline.rules.chrome import COPYRIGHT

_WORD = re.compile(r"\w+(?:[.,]\d+)*", re.UNICODE)
#: wordfreq's small English list (cBpack: bins of words by centibel frequency).
_WORDFREQ_FILE = "data/small_en.msgpack.gz"


@lru_cache(maxsize=1)
def zipf_table() -> dict[str, float]:
    """word -> Zipf frequency, read from the wordfreq package's English list.

    Reads the data file directly (format "cB" v1: a header, then bins where bin ``i`` holds
    words of frequency 10**(-i/100)), so that the package's heavy imports are not paid."""
    import msgpack

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the wordfreq package is missing; reinstall storyline")
    path = Path(list(spec.submodule_search_locations)[0]) / _WORDFREQ_FILE
    with gzip.open(path, "rb") as fh:
        data = msgpack.load(fh, raw=False)
    header = data[0]
    if header.get("format") != "cB" or header.get("version") != 1:
        raise ImportError(f"unexpected wordfreq data format {header!r}")
    table: dict[str, float] = {}
    for i, words in enumerate(data[1:]):
        zipf = 9.0 - i / 100.0
        for word in words:
            table.setdefault(word, zipf)
    return table


_DIGIT = re.compile(r"\d")


def zipf(word: str) -> float:
    """Zipf frequency of a lower-case word (0.0 when wordfreq does not know it). Numbers are
    looked up with every digit as 0, as wordfreq stores them ("2018" -> "0000")."""
    return zipf_table().get(_DIGIT.sub("0", word), 0.0)


def idf(word: str) -> float:
    """Prior weight of a lower-case word: ZIPF_CEILING - zipf, clipped to
    [0, ZIPF_CEILING - ZIPF_FLOOR]. Numbers are words here too: wordfreq knows how common
    "2018" or "58" are, so years weigh little and unusual figures ("527") more."""
    z = max(zipf(word), rules.ZIPF_FLOOR)
    return max(0.0, rules.ZIPF_CEILING - z)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


_SENTENCE_OPENERS = frozenset(".!?:;\"“”‘’'([—–-\n")


def is_name_like(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` is capitalised inside a sentence (a name, a place, an
    organisation), not merely because it opens a sentence or a line."""
    if not text[pos:pos + 1].isupper():
        return False
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and text[i] not in _SENTENCE_OPENERS


def _spans_mask(spans: list[tuple[int, int]]):
    spans = sorted(spans)

    def inside(pos: int) -> bool:
        # binary search over sorted, possibly overlapping spans (few per article)
        lo, hi = 0, len(spans)
        while lo < hi:
            mid = (lo + hi) // 2
            if spans[mid][0] <= pos:
                lo = mid + 1
            else:
                hi = mid
        return any(s <= pos < e for s, e in spans[max(0, lo - 3):lo])
    return inside


_PARAGRAPH = re.compile(r"[^\n]+")


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the short paragraphs that are legal boilerplate (copyright lines,
    "may not be published, broadcast, rewritten or redistributed"): the same words in every
    story of an agency, so they say nothing about which story an article tells."""
    out = []
    for m in _PARAGRAPH.finditer(text):
        para = m.group().strip()
        if len(para.split()) <= rules.BOILERPLATE_MAX_WORDS and (
                COPYRIGHT.match(para) or rules.BOILERPLATE.search(para)):
            out.append((m.start(), m.end()))
    return out


def article_vector(title: str | None, text: str | None, *,
                   entity_spans: list[tuple[int, int]] = (),
                   size: int = rules.TERMS_PER_ARTICLE) -> dict[str, float]:
    """The unit-length term vector of an article (stem -> weight), heaviest ``size`` terms.

    ``entity_spans`` are (start, end) offsets into ``text`` of named-entity mentions."""
    tf: dict[str, float] = defaultdict(float)
    weight_of: dict[str, float] = {}

    def add(word: str, count: float) -> None:
        word = word.lower()
        if len(word) < rules.MIN_WORD_CHARS:
            return
        w = idf(word)
        if w <= 0:
            return
        stem = _stem(word)
        tf[stem] += count
        weight_of[stem] = max(weight_of.get(stem, 0.0), w)

    for m in _WORD.finditer(title or ""):
        add(m.group(), rules.TITLE_WEIGHT)
    inside = _spans_mask(list(entity_spans)) if entity_spans else None
    text = text or ""
    legal = boilerplate_spans(text)
    for n, m in enumerate(_WORD.finditer(text)):
        if legal and any(s <= m.start() < e for s, e in legal):
            continue
        count = rules.LEAD_WEIGHT if n < rules.LEAD_WORDS else 1.0
        if (inside is not None and inside(m.start())) or is_name_like(text, m.start()):
            count *= rules.ENTITY_BOOST
        add(m.group(), count)
    weights = {t: (1.0 + math.log(c)) * weight_of[t] for t, c in tf.items() if c > 0}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
    norm = math.sqrt(sum(w * w for _t, w in top))
    if norm == 0:
        return {}
    return {t: w / norm for t, w in top}


def entity_spans_of(entities: list[dict] | None) -> list[tuple[int, int]]:
    """(start, end) of every mention of a boosted-label entity in an article's entity list."""
    spans = []
    for ent in entities or []:
        if (ent.get("label") or "").upper() not in rules.BOOSTED_LABELS:
            continue
        mentions = ent.get("mentions") or [ent]
        for m in mentions:
            s, e = m.get("start"), m.get("end")
            if isinstance(s, int) and isinstance(e, int) and e > s:
                spans.append((s, e))
    return spans


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two sparse vectors (unit vectors: their dot product)."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0

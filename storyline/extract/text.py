"""Clean a scraped plain-text page: drop the page chrome, keep the article.

A scraped text page is what copy-paste or a text scraper gives: every line of
the page, menus and promos mixed with the story. ``extract_text_page`` works in
four steps (the rules are data in :mod:`storyline.rules.chrome`):

1. **Classify lines.** Each line gets a kind from patterns (nav label, promo,
   copyright, photo credit, caption, byline, date line, reading time, repeated
   line) or from its shape: *prose* (long enough, enough stopwords of the page's
   language, sentence-like, not title-cased), *medium* (a short sentence) or
   *short* (headline, menu item, subheading).
2. **Find the body.** Prose lines weigh their word count, short lines a small
   penalty, chrome lines a large one; the body is the maximum-sum run of lines
   (Body Text Extraction over lines), so a subheading inside the story stays and
   a menu between two stories breaks them apart.
3. **Keep body lines**, dropping chrome kinds inside the run, the headline and
   the standfirst.
4. **Read the metadata** from the lines outside the body: title, standfirst,
   date, reading time, bylines, images (caption + credit), copyright, outlet;
   and the wire from :func:`storyline.extract.wire.detect_wire`.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.errors import ExtractionError
from storyline.extract.wire import canonical_wire, detect_wire
from storyline.model import Article, Image
from storyline.values import url_host
from storyline.rules import chrome as R
from storyline.rules.times import ZONE_ABBREVIATIONS

__all__ = ["extract_text_page", "scan_text_page", "TextPage", "PageLine", "parse_date",
           "parse_datetime",
           "parse_byline", "split_lines"]

HOW = "page-line"
HEURISTIC = "heuristic"

#: kinds never kept in the body
CHROME_KINDS = frozenset({"nav", "promo", "copyright", "readtime", "credit", "caption",
                          "byline", "date", "dup", "related", "signoff", "summary", "tweet"})

_TOKEN = re.compile(r"\w+")
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


@dataclass
class PageLine:
    """One non-blank line of the page with its kind and weight."""

    index: int
    text: str
    block: int  # paragraph block number (blank lines separate blocks)
    words: int
    kind: str = "short"
    weight: float = 0.0
    data: dict = field(default_factory=dict)


@dataclass
class TextPage:
    """The scan of one page: classified lines, the body run and the metadata found."""

    lines: list[PageLine]
    body: list[PageLine]
    title: str | None = None
    subtitle: str | None = None
    published: str | None = None
    reading_time_min: int | None = None
    authors: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    copyright: str | None = None
    outlet: str | None = None
    outlet_how: str | None = None
    language: str | None = None


# --------------------------------------------------------------------------
# Lines and language
# --------------------------------------------------------------------------

def split_lines(text: str) -> list[PageLine]:
    """Non-blank lines, whitespace-normalised, with their block numbers."""
    out: list[PageLine] = []
    block = 0
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            block += 1
            continue
        out.append(PageLine(len(out), line, block, len(_TOKEN.findall(line))))
    return out


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    import justext  # stoplists for ~100 languages, shipped with justext

    return {lang: frozenset(justext.get_stoplist(lang)) for lang in justext.get_stoplists()}


@lru_cache(maxsize=1)
def _stopword_languages() -> dict[str, tuple[str, ...]]:
    """word -> the languages whose stoplist has it (an inverted index, built once)."""
    index: dict[str, list[str]] = {}
    for lang, stop in _stoplists().items():
        for w in stop:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


def _pick_language(lines: list[PageLine]) -> tuple[str | None, frozenset[str]]:
    """The stoplist with the most hits over the page's words (justext's own idea)."""
    words = Counter(w.lower() for ln in lines for w in _LETTER_WORD.findall(ln.text))
    index = _stopword_languages()
    hits: Counter = Counter()
    for w, c in words.items():
        for lang in index.get(w, ()):
            hits[lang] += c
    if not hits:
        return None, frozenset()
    best = max(sorted(hits), key=lambda lang: hits[lang])
    return best, _stoplists()[best]


# --------------------------------------------------------------------------
# Small parsers (public: other extractors reuse them)
# --------------------------------------------------------------------------

def _find_date(text: str) -> tuple[int, int, str] | None:
    """(start, end, ISO date) of the first date in ``text``."""
    best: tuple[int, int, str] | None = None
    for pat in R.DATE_PATTERNS:
        for m in pat.finditer(text):
            g = m.groupdict()
            y = int(g["y"])
            if g.get("mon"):
                mo = R.MONTHS[g["mon"].lower().rstrip(".")]
                d = int(g["d"])
            elif g.get("m_or_d"):
                a, b = int(g["m_or_d"]), int(g["d_or_m"])
                mo, d = (b, a) if a > 12 else (a, b)
            else:
                mo, d = int(g["m"]), int(g["d"])
            if 1 <= mo <= 12 and 1 <= d <= 31:
                if best is None or m.start() < best[0]:
                    best = (m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}")
                break
    return best


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO ``YYYY-MM-DD``, else None.

    >>> parse_date("4 min. 31.12.2021 From our online archive")
    '2021-12-31'
    >>> parse_date("March 3, 2022 10:15 AM ET")
    '2022-03-03'
    """
    found = _find_date(text)
    return found[2] if found else None


def _bare_host(url: str) -> str:
    """The URL's host without its www./m./amp. sub-domain ("" when it has none)."""
    host = url_host(url if "//" in url else "//" + url) or ""
    return R.HOST_SUBDOMAIN.sub("", host)


def _zone(name: str | None) -> _dt.tzinfo | None:
    """The tzinfo of a zone written beside a time ("ET", "UTC+2", "+01:00"), else None."""
    if not name:
        return None
    m = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?", name)
    if m:
        delta = _dt.timedelta(hours=int(m[2]), minutes=int(m[3] or 0))
        if delta > _dt.timedelta(hours=14):
            return None
        return _dt.timezone(-delta if m[1] == "-" else delta)
    iana = ZONE_ABBREVIATIONS.get(name)
    if not iana:
        return None
    try:
        from zoneinfo import ZoneInfo
        return ZoneInfo(iana)
    except Exception:  # no tz database on this machine: keep the local time only
        return None


def parse_datetime(text: str) -> str | None:
    """The first date in ``text`` with the clock time written beside it, as ISO 8601.

    Without a time: the date only. With a time: ``YYYY-MM-DDTHH:MM:SS``, plus the UTC
    offset when a zone is given (abbreviations resolved with daylight time).

    >>> parse_datetime("Published: September 9, 2024 6:15 p.m.")
    '2024-09-09T18:15:00'
    >>> parse_datetime("March 3, 2022 10:15 AM ET")
    '2022-03-03T10:15:00-05:00'
    >>> parse_datetime("31.12.2021")
    '2021-12-31'
    """
    found = _find_date(text)
    if not found:
        return None
    start, end, iso = found
    m = R.TIME_AFTER_DATE.match(text[end:]) or R.TIME_BEFORE_DATE.search(text[:start])
    if not m:
        return iso
    hour, minute, second = int(m["h"]), int(m["mi"] or 0), int(m["s"] or 0)
    ampm = (m["ampm"] or m["ampm2"] or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return iso
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        return iso
    day = _dt.date.fromisoformat(iso)
    when = _dt.datetime(day.year, day.month, day.day, hour, minute, second)
    tz = _zone(m["zone"])
    return (when.replace(tzinfo=tz) if tz else when).isoformat()


def _is_person(name: str) -> bool:
    tokens = name.split()
    if not (R.NAME_MIN_TOKENS <= len(tokens) <= R.NAME_MAX_TOKENS):
        return False
    if any(t.lower().strip(".,") in R.NON_PERSON_WORDS for t in tokens):
        return False
    if tokens[-1].lower().strip(".,") in R.BYLINE_OUTLET_WORDS:  # "Pacific Herald"
        return False
    if canonical_wire(name, exact=True) or canonical_wire(name, strong_only=True):
        return False
    caps = [t for t in tokens if t.lower() not in R.NAME_PARTICLES]
    return bool(caps) and all(R.NAME_TOKEN.match(t) for t in caps) and not name.isupper() \
        and not any(ch.isdigit() for ch in name)


def _title_case_name(token: str) -> str:
    """"HADDAD" -> "Haddad", "AL-RAWAHI" -> "Al-Rawahi", "O'NEIL" -> "O'Neil"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), token.lower())


def _drop_agency_tail(part: str) -> str:
    """"PETER LOWELL Associated Press" -> "PETER LOWELL": an agency written after the
    last name without a comma is the affiliation, not part of the name."""
    tokens = part.split()
    for k in range(min(4, len(tokens) - 1), 0, -1):
        if canonical_wire(" ".join(tokens[-k:]), exact=True, strong_only=True):
            return " ".join(tokens[:-k])
    return part


def parse_byline(line: str) -> list[str]:
    """People named in a byline ("By Jane Doe and John Roe, Bloomberg" -> both names).

    Agencies, desks and outlets ("Reuters Staff", "Bloomberg") are not people.
    """
    m = R.BYLINE.match(line.strip())
    if not m:
        return []
    names = R.BYLINE_EDITOR_TAIL.sub("", m.group("names"))
    names = R.BYLINE_TAIL.sub("", names)
    if aff := R.BYLINE_AFFILIATION.search(names):
        names = names[:aff.end()]  # "A and B, Pacific Herald": the list ended at "and B"
    out = []
    for part in R.NAME_SPLIT.split(names):
        part = R.BYLINE_ROLE_PREFIX.sub("", part.strip(" .,:;"))
        part = _drop_agency_tail(part)
        if part.isupper() and len(part) > 3:  # AP style "By SAMIRA HADDAD": title-case it
            part = " ".join(_title_case_name(t) for t in part.split())
        part = R.BYLINE_PLACE_TAIL.sub("", part).strip(" .,:;")
        if part and _is_person(part) and part not in out:
            out.append(part)
    return out


# --------------------------------------------------------------------------
# Step 1: classify
# --------------------------------------------------------------------------

def _credit(line: str) -> str | None:
    for pat in R.CREDIT_LINE:
        m = pat.match(line)
        if m:
            credit = m.group("credit").strip(" .")
            # a credit names someone: "AFP", "Reuters/John Doe", "Getty Images", or an
            # agency that writes its name in lower case ("dpa")
            ok = credit[:1].isupper() or credit[:1] in "©@" or canonical_wire(credit, exact=True)
            return credit if ok else None
    return None


def _strong_caption(line: str) -> tuple[str, str] | None:
    """(caption, credit) of a line that is a photo caption whatever its shape: "FILE -
    ... (AP Photo/Name, File)", "... © Name, AFP", "... (Kyodo)" / "... [Kyodo]"."""
    for k, pat in enumerate(R.STRONG_CAPTION):
        m = pat.match(line)
        if not m:
            continue
        credit = m.group("credit").strip(" .")
        if k == len(R.STRONG_CAPTION) - 1 and not canonical_wire(credit, exact=True):
            continue  # a bracketed ending is a credit only when it is an agency
        return m.group("caption").strip(), credit
    return None


def _labelled_caption(credit: str) -> tuple[str, str] | None:
    """(caption, credit) when a labelled credit line holds a caption and then the
    credit: "Photo: A ship in Rotterdam. REUTERS/Jane Doe" -> ("A ship in
    Rotterdam.", "REUTERS/Jane Doe")."""
    m = R.CAPTION_TRAILING_CREDIT.match(credit) or R.CAPTION_INNER_CREDIT_LABEL.match(credit)
    return (m.group("caption").strip(), m.group("credit").strip(" .")) if m else None


def _lede_words(text: str) -> list[str]:
    """The lower-cased words of a lede after its dateline ("VILNIUS, Lithuania (AP) —")."""
    if m := R.DATELINE_LEDE.match(text):
        text = text[m.end() - 1:]  # the pattern ends on the lede's first character
    return [w.casefold() for w in _LETTER_WORD.findall(text)]


def _repeated_standfirst(kept: list[PageLine]) -> int | None:
    """Index in *kept* of a standfirst repeating the dateline lede: a first line that is
    no dateline lede itself, followed within a few lines by one whose words (after the
    dateline) contain nearly all of its words. None when there is none."""
    if len(kept) < 2:
        return None
    first = kept[0]
    if first.words > R.STANDFIRST_REPEAT_MAX_WORDS or R.DATELINE_LEDE.match(first.text):
        return None
    words = [w.casefold() for w in _LETTER_WORD.findall(first.text)]
    if len(words) < R.STANDFIRST_MIN_WORDS // 2:
        return None
    for ln in kept[1:1 + R.STANDFIRST_REPEAT_WINDOW]:
        if not R.DATELINE_LEDE.match(ln.text):
            continue
        lede = Counter(_lede_words(ln.text))
        hits = sum((Counter(words) & lede).values())
        if hits / len(words) >= R.STANDFIRST_REPEAT_MIN_SHARE:
            return 0
        break
    return None


def _is_date_line(ln: PageLine, stop: frozenset[str]) -> str | None:
    if ln.words > R.DATE_LINE_MAX_WORDS and not R.PUBLISHED_LABEL.search(ln.text):
        return None
    date = parse_datetime(ln.text)
    if not date:
        return None
    words = [w.lower() for w in _LETTER_WORD.findall(ln.text)]
    if (R.SENTENCE_END.search(ln.text) and ln.text.endswith(".") and len(words) >= 6
            and sum(w in stop for w in words) / len(words) >= 0.3
            and not R.PUBLISHED_LABEL.search(ln.text)):
        return None  # a short sentence mentioning a date
    return date


def _shape(ln: PageLine, stop: frozenset[str]) -> str:
    tokens = _TOKEN.findall(ln.text)
    if len(tokens) >= R.TABLE_ROW_MIN_TOKENS and \
            sum(t.isdigit() for t in tokens) / len(tokens) >= R.TABLE_ROW_MIN_NUMERIC:
        return "table"
    words = _LETTER_WORD.findall(ln.text)
    if not words:
        return "short"
    n = len(words)
    stop_share = sum(w.lower() in stop for w in words) / n
    content = [w for w in words if w.lower() not in stop]
    caps_share = (sum(w[0].isupper() for w in content) / len(content)) if content else 0.0
    ends = bool(R.SENTENCE_END.search(ln.text))
    if ends and stop_share >= R.SENTENCE_MIN_STOPWORD_SHARE and stop_share > 0 \
            and not any(p.match(ln.text) for p in R.CAPTION_WITH_CREDIT):
        # a sentence with many common words is prose even when it names many people
        # and places, unless its stopwords are capitalised (a Title-Cased headline)
        stops = [w for w in words[1:] if w.lower() in stop]
        if stops and sum(w[0].isupper() for w in stops) / len(stops) \
                <= R.SENTENCE_MAX_CAPITALISED_STOPWORDS:
            caps_share = 0.0
    if n >= R.PROSE_MIN_WORDS and R.DATELINE_LEDE.match(ln.text) and stop_share > 0:
        ln.data["dateline"] = True
        return "prose"
    head = words[1:R.TEASER_HEAD_WORDS]
    if n >= R.PROSE_MIN_WORDS and sum(w[0].isupper() and w.lower() in R.TITLECASE_FUNCTION_WORDS
                                      for w in head) >= R.TEASER_MIN_CAPS_STOPWORDS:
        return "teaser"
    if (n >= R.PROSE_MIN_WORDS and stop_share >= R.PROSE_MIN_STOPWORD_DENSITY
            and caps_share <= R.TITLECASE_MAX_SHARE and (ends or n >= R.PROSE_LONG_WORDS)):
        return "prose"
    if n >= R.MEDIUM_MIN_WORDS and ends and stop_share >= R.PROSE_MIN_STOPWORD_DENSITY \
            and caps_share <= R.TITLECASE_MAX_SHARE:
        return "medium"
    return "short"


def _classify(lines: list[PageLine], stop: frozenset[str]) -> None:
    seen: set[str] = set()
    for ln in lines:
        t = ln.text
        key = t.casefold()
        ct = R.COPYRIGHT_RESERVED_LEAD.sub("", t)  # "All rights reserved. © 2024 X"
        if ln.words <= R.CAPTION_MAX_WORDS and ct == t and (strong := _strong_caption(t)):
            ln.kind = "caption"
            ln.data.update(caption=strong[0], credit=strong[1])
        elif ln.words <= 60 and any(p.match(t) for p in R.SIGNOFF_LINES):
            ln.kind = "signoff"
            ln.data["authors"] = parse_byline(t.strip("() ."))
        elif (m := R.WIRE_SIGNOFF.match(t)) and canonical_wire(m["a"] or m["b"], exact=True):
            ln.kind = "signoff"
            ln.data["wire"] = canonical_wire(m["a"] or m["b"], exact=True)
        elif any(p.search(t) for p in R.TWEET_LINES) and ln.words <= 60:
            ln.kind = "tweet"
        elif ((R.COPYRIGHT.match(ct) and R.COPYRIGHT_EVIDENCE.search(ct))
                or R.COPYRIGHT_HOLDER_FIRST.match(ct)) and ln.words <= R.COPYRIGHT_MAX_WORDS:
            ln.kind = "copyright"
            ln.data["copyright"] = ct
        elif R.SEPARATOR_LINE.match(t):
            ln.kind = "separator"
        elif R.STANDARDS_LINE.match(t) and ln.words <= R.STANDARDS_LINE_MAX_WORDS:
            ln.kind = "promo"
        elif (c := _credit(t)) and (split := _labelled_caption(c)) \
                and ln.words <= R.CAPTION_MAX_WORDS:
            ln.kind = "caption"
            ln.data.update(caption=split[0], credit=split[1])
        elif (c := _credit(t)) and ln.words <= 16:
            ln.kind, ln.data["credit"] = "credit", c
        elif R.BYLINE.match(t) and ln.words <= R.BYLINE_MAX_WORDS and not t.endswith("."):
            ln.kind = "byline"
            ln.data["authors"] = parse_byline(t)
            if d := parse_datetime(t):
                ln.data["date"] = d
        elif d := _is_date_line(ln, stop):
            ln.kind, ln.data["date"] = "date", d
        elif (m := R.CAPTION_LABEL.match(t)) and ln.words <= R.CAPTION_MAX_WORDS:
            ln.kind, ln.data["caption"] = "caption", m.group("caption")
        elif R.NAV_LINES.fullmatch(t) or (ln.words <= R.LIST_HEADING_MAX_WORDS
                                          and R.LIST_HEADING.match(t)) \
                or (ln.words <= R.NAV_SEQUENCE_MAX_WORDS and R.NAV_SEQUENCE.fullmatch(t)):
            ln.kind = "nav"
        elif ln.words <= 40 and R.READING_TIME.fullmatch(t.strip(" .·|")):
            ln.kind = "readtime"
        elif any(p.search(t) for p in R.PROMO_PATTERNS) and ln.words <= 60:
            ln.kind = "promo"
        elif key in seen and ln.words < 60:
            ln.kind = "dup"
        else:
            ln.kind = _shape(ln, stop)
            if ln.kind != "prose" and ln.words <= R.CAPTION_MAX_WORDS:
                for pat in R.CAPTION_WITH_CREDIT:
                    if m := pat.match(t):
                        ln.kind = "caption"
                        ln.data.update(caption=m.group("caption").strip(),
                                       credit=m.group("credit").strip(" ."))
                        break
        if ln.kind != "dup":
            seen.add(key)
        if m := R.READING_TIME.search(t):
            if ln.kind in ("date", "readtime", "byline") or ln.words <= 6:
                ln.data["reading_time"] = int(m.group("min"))
    for i, ln in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        if ln.kind == "nav" and R.BYLINE_LABEL.fullmatch(ln.text.strip()) \
                and nxt.kind in ("short", "dup") and nxt.words <= R.BYLINE_MAX_WORDS:
            nxt.kind = "byline"  # "Text by:" then the names (or a desk) on the next line
            nxt.data["authors"] = parse_byline("By " + nxt.text)
        elif R.SUMMARY_HEADING.match(ln.text):
            ln.kind = "nav"
            for item in lines[i + 1:i + 1 + R.SUMMARY_MAX_LINES]:
                if item.block != nxt.block or item.kind not in ("short", "medium", "prose"):
                    break
                item.kind = "summary"
    # captions: the lines right above a photo credit (and their repeats)
    for i, ln in enumerate(lines):
        if ln.kind != "credit":
            continue
        if (i + 1 < len(lines) and lines[i + 1].block == ln.block
                and (i == 0 or lines[i - 1].block != ln.block)
                and lines[i + 1].kind in ("short", "medium", "prose")
                and lines[i + 1].words <= R.CAPTION_MAX_WORDS):
            lines[i + 1].kind = "caption"  # credit first, then its caption
            lines[i + 1].data["credit_at"] = i
            continue
        j = i - 1
        while j >= 0 and lines[j].block == ln.block and lines[j].kind in (
                "short", "medium", "prose", "dup") and lines[j].words <= R.CAPTION_MAX_WORDS:
            lines[j].kind = "caption" if lines[j].kind != "dup" else "dup"
            lines[j].data["credit_at"] = i
            j -= 1
            # one caption, plus its exact repeats (alt text + caption)
            if j >= 0 and lines[j].text.casefold() != lines[j + 1].text.casefold():
                break


def _weigh(lines: list[PageLine]) -> None:
    run = 0  # non-prose lines in a row
    for ln in lines:
        if ln.kind == "prose":
            ln.weight = float(ln.words)
            run = 0
            continue
        if ln.kind in ("medium", "table"):
            ln.weight = 0.0
            continue
        run += 1
        if ln.kind in CHROME_KINDS:
            ln.weight = -(R.CHROME_PENALTY + ln.words)
        else:
            ln.weight = -(R.SHORT_LINE_PENALTY + R.SHORT_WORD_PENALTY * ln.words)
        ln.weight *= min(1 + R.RUN_GROWTH * (run - 1), R.RUN_GROWTH_MAX)


def _bridge_inline_lists(lines: list[PageLine]) -> None:
    """An inline link box inside the story ("Read also:" and two headlines, then more
    story) is a gap, not the end: its heading and link lines become kind "related"
    (dropped) with a small weight, so the prose after it stays in the body."""
    for i, ln in enumerate(lines):
        if ln.kind not in ("nav", "promo") or not R.INLINE_LIST_HEADING.match(ln.text):
            continue
        if i == 0 or lines[i - 1].kind not in ("prose", "medium"):
            continue
        j = i + 1
        while (j < len(lines) and j - i - 1 < R.INLINE_LIST_MAX_LINKS
               and lines[j].kind in ("short", "dup", "nav")
               and lines[j].words <= R.INLINE_LIST_LINK_MAX_WORDS):
            j += 1
        if j == i + 1 or j >= len(lines) or lines[j].kind != "prose":
            continue
        for gap in lines[i:j]:
            gap.kind = "related"
            gap.weight = -R.INLINE_LIST_GAP_PENALTY


def _cut_comments(lines: list[PageLine], anchor: int | None) -> None:
    """Everything from the comment section down weighs as chrome."""
    start = anchor if anchor is not None else -1
    first_prose = next((ln.index for ln in lines[start + 1:] if ln.kind == "prose"), None)
    if first_prose is None:
        return
    for ln in lines[first_prose + 1:]:
        if ln.words <= 12 and any(p.match(ln.text) for p in R.COMMENT_SECTION):
            for rest in lines[ln.index:]:
                rest.data["comments"] = True
                rest.weight = -(R.CHROME_PENALTY + rest.words)
            return


# --------------------------------------------------------------------------
# Step 2: the body run
# --------------------------------------------------------------------------

def _best_run(lines: list[PageLine]) -> tuple[int, int] | None:
    """Maximum-sum contiguous run of line weights (Kadane); None when no prose."""
    best, best_span = 0.0, None
    cur, start = 0.0, 0
    for i, ln in enumerate(lines):
        if cur <= 0:
            cur, start = 0.0, i
        cur += ln.weight
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


# --------------------------------------------------------------------------
# Step 4: metadata
# --------------------------------------------------------------------------

_SQUASH = re.compile(r"[^\w]|_")


def _squash(text: str) -> str:
    """Letters and digits only, lower case, no leading "the": "The Lakeshore Courier" ->
    "lakeshorecourier" (also matches a host or e-mail domain)."""
    return _SQUASH.sub("", re.sub(r"^\s*the\s+", "", text, flags=re.I)).lower()


def _masthead_keys(lines: list[PageLine], url: str | None) -> set[str]:
    """Squashed names the page gives its outlet: copyright holders, e-mail domains,
    the URL's host. A line equal to one of them is the masthead, not a headline."""
    keys: set[str] = set()
    for ln in lines:
        if ln.kind == "copyright":
            holder = _copyright_holder(ln.text)
            if holder:
                keys.add(_squash(holder))
        for dom in R.EMAIL_DOMAIN.findall(ln.text):
            keys.add(_squash(dom))
        for pat in R.OUTLET_PATTERNS:  # app promos: "Download the Euro Policy Hub app"
            for m in pat.finditer(ln.text):
                name = m.group("outlet").strip(" .,'’")
                if name and not all(w.lower() in R.OUTLET_STOP for w in name.split()):
                    keys.add(_squash(name))
    if url:
        host = _bare_host(url)
        if host:
            keys.add(R.HOST_KEY_PREFIX + _squash(host.split(".")[0]))
    keys.discard("")
    keys.discard(R.HOST_KEY_PREFIX)
    return keys


def _names_site(text: str, keys: set[str]) -> bool:
    """True when ``text`` names the site as ``keys`` (from :func:`_masthead_keys`) do:
    equal to a copyright holder / app-promo name / e-mail domain, or a short line
    (at most MASTHEAD_MAX_WORDS words) equal to or starting with the URL's host name
    ("Politico Europe" on politico.eu)."""
    sq = _squash(text)
    if not sq:
        return False
    if sq in keys:
        return True
    if len(text.split()) > R.MASTHEAD_MAX_WORDS:
        return False
    for key in keys:
        if key.startswith(R.HOST_KEY_PREFIX):
            host = key[len(R.HOST_KEY_PREFIX):]
            if sq == host or (len(host) >= R.HOST_PREFIX_MIN_CHARS and sq.startswith(host)):
                return True
    return False


def _title(lines: list[PageLine], body_start: int, url: str | None = None
           ) -> tuple[int | None, str | None]:
    """(index, headline) among the lines before ``body_start``.

    Navigation and accessibility lines ("Skip to main content"), chrome and the
    masthead (a line naming the outlet, as the copyright line, an e-mail domain
    or the URL does) are never the headline. In order:

    1. a line that the first line (a title tag, "Headline | Site") holds, when
       the first line is not chrome;
    2. the headline block just above the first byline or date line: the first
       headline-like line of the run of such lines right before it (a standfirst
       may follow the headline);
    3. a repeated headline-like line (the earliest);
    4. the first part of the first line, when it is not chrome;
    5. the last headline-like line before the body.
    """
    if not lines:
        return None, None
    kinds = ("short", "medium", "dup", "prose", "teaser")
    masthead = _masthead_keys(lines, url)

    def headline_like(ln: PageLine) -> bool:
        return (ln.kind in kinds and R.TITLE_MIN_WORDS <= ln.words <= R.TITLE_MAX_WORDS
                and len(_LETTER_WORD.findall(ln.text)) >= R.TITLE_MIN_WORDS
                and not R.NAV_LINES.fullmatch(ln.text) and not _names_site(ln.text, masthead))

    first_prose = next((ln.index for ln in lines if ln.kind == "prose"), len(lines))
    head = [ln for ln in lines[:body_start] if headline_like(ln)]
    title_tag = lines[0].kind not in CHROME_KINDS and lines[0].kind != "prose"
    first = lines[0].text.casefold()
    inside = [ln for ln in head if ln.index > 0 and ln.text.casefold() in first] if title_tag else []
    if inside:
        best = max(inside, key=lambda ln: (ln.words, -ln.index))
        return best.index, best.text
    limit = min(body_start, first_prose + 1)
    for meta in lines[:limit]:
        if meta.kind not in ("byline", "date"):
            continue
        run: list[PageLine] = []
        j = meta.index - 1
        while j >= 0 and lines[j].kind in kinds and lines[j].kind != "prose" \
                and len(run) < R.TITLE_BLOCK_MAX_LINES:
            if headline_like(lines[j]):
                run.insert(0, lines[j])
            elif not _names_site(lines[j].text, masthead):
                break
            j -= 1
        if len(run) >= 2 and _is_masthead(run[0]):
            run = run[1:]  # "Brussels Morning Post" above the headline names the site
        if run:
            return run[0].index, run[0].text
    counts = Counter(ln.text.casefold() for ln in lines if ln.kind in kinds)
    repeated = [ln for ln in head if counts[ln.text.casefold()] >= 2 and ln.kind != "dup"]
    if repeated:
        return repeated[0].index, repeated[0].text
    parts = R.TITLE_SEPARATORS.split(lines[0].text)
    if title_tag and len(parts[0].split()) >= R.TITLE_MIN_WORDS and body_start > 0 \
            and not _names_site(parts[0], masthead):
        return 0, parts[0].strip()
    if head:
        return head[-1].index, head[-1].text
    return None, None


def _is_masthead(ln: PageLine) -> bool:
    """A line that is the site's name, not a headline: a few capitalised words, no
    final stop, the last one a newspaper word ("Brussels Morning Post", "The Daily
    Courier", "Balkan Wire")."""
    words = _LETTER_WORD.findall(ln.text)
    if not (1 <= len(words) <= R.MASTHEAD_MAX_WORDS) or R.SENTENCE_END.search(ln.text):
        return False
    if not all(w[0].isupper() or w.lower() in R.MASTHEAD_LOWER_WORDS for w in words):
        return False
    # "Sentinel-Courier": the last part of a hyphenated name counts
    return re.split(r"[-’']", words[-1])[-1].lower() in R.MASTHEAD_WORDS


def _masthead(lines: list[PageLine], t_idx: int | None) -> str | None:
    """The masthead line above the headline, if any."""
    if t_idx is None:
        return None
    for ln in lines[:t_idx]:
        if ln.kind in ("short", "dup") and _is_masthead(ln):
            return ln.text.strip(" |·•")
    return None


def _copyright_holder(text: str) -> str | None:
    """The holder of a copyright line: "© 2024 The Courier. All rights reserved" ->
    "The Courier"; "Central Europe Monitor © 2025 | About" -> "Central Europe Monitor"."""
    if m := R.COPYRIGHT_HOLDER.match(text):
        return m.group("holder").strip() or None
    if m := R.COPYRIGHT_HOLDER_FIRST.match(text):
        return m.group("holder").strip(" ,.") or None
    return None


def _agency_name(name: str) -> bool:
    """True for an agency or one of its services: "Reuters", "dpa-infocom"."""
    return bool(canonical_wire(name) or canonical_wire(re.split(r"[-–/ ]", name.strip())[0],
                                                         exact=True))


def _outlet(lines: list[PageLine], body: set[int], copyright: str | None, url: str | None,
            masthead: str | None = None, title: str | None = None
            ) -> tuple[str | None, str | None]:
    for ln in lines:
        if ln.index in body:
            continue
        for pat in R.OUTLET_PATTERNS:
            for m in pat.finditer(ln.text):
                name = m.group("outlet").strip(" .,'’")
                if (name and not all(w.lower() in R.OUTLET_STOP for w in name.split())
                        and len(name.split()) <= R.OUTLET_MAX_WORDS
                        and not _agency_name(name)):
                    return name, HOW
    if lines and title:
        # a title tag "Headline | Outlet": only when its first part is the headline (a
        # first line "Home | News | Sport" or a language switcher names no outlet)
        parts = R.TITLE_SEPARATORS.split(lines[0].text)
        if len(parts) >= 2 and len(parts[-1].split()) <= R.OUTLET_MAX_WORDS \
                and _squash(parts[0]) == _squash(title) and not R.NAV_LINES.fullmatch(parts[-1]):
            return parts[-1].strip(), HEURISTIC
    if masthead:
        return masthead, HEURISTIC
    if copyright and (holder := _copyright_holder(copyright)):
        holder = re.sub(r"^[Tt]he\s+", "", holder)
        if holder and not _agency_name(holder) and not holder[0].isdigit():
            return holder, HOW
    if url:
        host = _bare_host(url)
        if host:
            return host, "url"
    return None, None


def scan_text_page(text: str, url: str | None = None) -> TextPage:
    """Classify every line, find the body and read the metadata (no Article yet)."""
    lines = split_lines(text or "")
    language, stop = _pick_language(lines)
    _classify(lines, stop)
    _weigh(lines)
    _bridge_inline_lists(lines)
    t_idx, title = _title(lines, len(lines), url)
    _cut_comments(lines, t_idx)
    if t_idx is not None:
        for ln in lines[t_idx + 1:t_idx + 1 + R.ANCHOR_WINDOW]:
            if ln.kind == "prose":
                ln.weight += R.ANCHOR_BONUS
                break
    run = _best_run(lines)
    page = TextPage(lines=lines, body=[], language=language)
    if run is None:
        return page
    s, e = run
    if R.EXTEND_OVER_MEDIUM:
        while e + 1 < len(lines) and lines[e + 1].kind == "medium" and lines[e + 1].weight == 0:
            e += 1
        while s > 0 and lines[s - 1].kind == "medium" and lines[s - 1].weight == 0:
            s -= 1
    body_start = s
    if t_idx is not None and t_idx > s:  # the headline guess fell inside the body
        t_idx, title = _title(lines, body_start, url)
    page.title = title
    kept = [ln for ln in lines[s:e + 1] if ln.kind not in CHROME_KINDS and ln.kind != "separator"
            and ln.index != t_idx and (page.title is None or ln.text != page.title)]
    # standfirst: a line between the headline and the body, or a first body line
    # with no final stop, long enough to be a sentence
    for ln in lines[(t_idx + 1 if t_idx is not None else 0):body_start]:
        if ln.kind in ("prose", "medium", "short") and ln.words >= R.STANDFIRST_MIN_WORDS \
                and ln.text != page.title:
            page.subtitle = ln.text
    if _repeated_standfirst(kept) is not None:
        # the lede's first sentence printed again above its dateline: a standfirst
        # (or, when one was found above the body already, a duplicate)
        if page.subtitle is None:
            page.subtitle = kept[0].text
        kept = kept[1:]
    elif page.subtitle is None and len(kept) > 1 and kept[0].words >= R.STANDFIRST_MIN_WORDS \
            and not R.SENTENCE_END.search(kept[0].text):
        page.subtitle = kept[0].text
        kept = kept[1:]
    page.body = kept
    body_idx = {ln.index for ln in kept}

    outside = [ln for ln in lines if ln.index not in body_idx]
    # published: a labelled date line first, then the first unlabelled one near the
    # head, then any; "Updated" lines last
    dated = [ln for ln in outside if "date" in ln.data]
    ranked = sorted(dated, key=lambda ln: (
        0 if R.PUBLISHED_LABEL.search(ln.text) else 2 if R.UPDATED_LABEL.search(ln.text) else 1,
        ln.index >= body_start, ln.index))
    if ranked:
        page.published = ranked[0].data["date"]
    for ln in outside:
        if "reading_time" in ln.data:
            page.reading_time_min = ln.data["reading_time"]
            break
    # the first byline naming people: "By Reuters" gives none, its "Reporting by ..." does
    for kind in ("byline", "signoff"):  # a byline first, then "(Reporting by ...)"
        for ln in outside:
            if ln.kind == kind and ln.data.get("authors"):
                page.authors = ln.data["authors"]
                break
        if page.authors:
            break
    # "By Jane Doe, Politico Europe": a byline part naming the site (its copyright
    # holder, app-promo name, URL host or masthead line) is the outlet, not a person
    site = _masthead_keys(lines, url)
    if (mast := _masthead(lines, t_idx)):
        site.add(_squash(mast))
    page.authors = [a for a in page.authors if not _names_site(a, site)]
    rights = [R.COPYRIGHT_TAIL.sub("", ln.data.get("copyright", ln.text))
              for ln in outside if ln.kind == "copyright"]
    if rights:
        # the agency's line ("© Thomson Reuters 2023") beats the site footer when the
        # story is the agency's (its dateline, sign-off or byline says so)
        evidence = "\n".join(ln.text for ln in lines if ln.kind in ("byline", "signoff")
                              or ln.index in body_idx)
        story_wire, _ = detect_wire(evidence)
        page.copyright = next((c for c in rights if story_wire and canonical_wire(c) == story_wire),
                              rights[0])
    page.images = _images(lines)
    page.outlet, page.outlet_how = _outlet(lines, body_idx, page.copyright, url,
                                           _masthead(lines, t_idx), page.title)
    return page


def _images(lines: list[PageLine]) -> list[Image]:
    """Images from credit lines (with the caption above them), captions carrying an
    inline credit, and labelled captions ("Above: ...") with the next credit."""
    images: list[Image] = []
    for i, ln in enumerate(lines):
        if ln.kind == "credit":
            caps = [c.data.get("caption", c.text) for c in lines[max(0, i - 4):i + 2]
                    if c.kind == "caption" and c.data.get("credit_at") == i]
            caption = caps[-1] if caps else None
            if caption is None and images and images[-1].credit is None:
                images[-1].credit = ln.data["credit"]  # "Above: ..." then "Image Credit: X"
                continue
            if caption is None and i > 0 and lines[i - 1].kind == "caption" \
                    and _same_credit(lines[i - 1].data.get("credit"), ln.data["credit"]):
                continue  # "... REUTERS/Jane Doe" then "Photo credit: Reuters": one picture
            images.append(Image(caption=caption, credit=ln.data["credit"]))
        elif ln.kind == "caption" and "credit_at" not in ln.data:
            images.append(Image(caption=ln.data.get("caption", ln.text),
                                credit=ln.data.get("credit")))
    out: list[Image] = []
    for im in images:
        if not any(o.caption == im.caption and o.credit == im.credit for o in out):
            out.append(im)
    return out


def _same_credit(a: str | None, b: str | None) -> bool:
    """True when two credits name the same source: equal, one inside the other, or the
    same agency ("REUTERS/Jane Doe" and "Reuters")."""
    if not a or not b:
        return False
    a_key, b_key = a.casefold(), b.casefold()
    if a_key in b_key or b_key in a_key:
        return True
    wire = canonical_wire(b)
    return bool(wire) and wire == canonical_wire(a)


def extract_text_page(text: str, url: str | None = None) -> Article:
    """An Article from a scraped plain-text page: body paragraphs joined by a blank
    line, metadata set with provenance ("page-line", "heuristic", "url").

    Raises :class:`~storyline.errors.ExtractionError` when no body remains.
    """
    page = scan_text_page(text, url)
    if not page.body:
        raise ExtractionError(
            "no article body found in the text page (no run of sentence-like lines); "
            "check that the input is an article and not a list or index page",
            source=url)
    art = Article(text="\n\n".join(ln.text for ln in page.body), url=url)
    art.set("title", page.title, HOW)
    art.set("subtitle", page.subtitle, HOW)
    art.set("published", page.published, HOW)
    art.set("authors", page.authors, HOW)
    art.set("images", page.images, HOW)
    art.set("copyright", page.copyright, HOW)
    art.set("outlet", page.outlet, page.outlet_how or HOW)
    art.set("language", R.LANGUAGE_CODES.get(page.language or ""), HEURISTIC)
    evidence = [ln.text for ln in page.lines if ln.kind in ("byline", "signoff", "date")] \
        + [art.text]
    wire, how = detect_wire("\n".join(evidence), copyright=page.copyright,
                            authors=page.authors)
    art.set("wire", wire, how or HEURISTIC)
    if page.reading_time_min:
        # Article has no field for the page's own reading-time hint; keep it as evidence
        art.provenance["reading_time_hint_min"] = str(page.reading_time_min)
    return art

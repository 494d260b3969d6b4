"""Temporal expressions: find them and normalise them to TIMEX3 values.

How it works (a small HeidelTime-style rule grammar, Strötgen & Gertz 2013):

1. **Find.** Named regular-expression patterns (built from the word lists in
   :mod:`storyline.rules.times`) propose candidate spans; overlapping candidates are settled
   longest first.
2. **Widen.** A candidate takes in a modifier before it ("early", "the end of" -> ``mod``;
   "about", "more than" before a number), a zone after a clock time ("ET", "Moscow time",
   "in Moscow"), and a clock time merges with the day that follows it ("10 p.m. Wednesday").
3. **Normalise,** in text order, so that anaphoric expressions ("two days later",
   "a year earlier", "the next day") are anchored on the previous date in the text, and the
   rest on the publication date (DCT). Weekdays, bare months, day-months and seasons go to the
   past or the future by the tense of the verb that governs them (spaCy tags when a parse is
   given, cue words otherwise; a present schedule verb, "the polls open on Saturday", points
   ahead), else to the nearest one; a day-month surely in the past tense ("went missing on
   March 8" read in December) stays in the past year. "N years later" counts from the last date
   the story names itself ("in 1945 ... seven decades later": 2015), never from a date that was
   itself read off the publication date. A clock time takes the weekday or date that follows it
   in its clause ("at 04:17 local time (0117 GMT) on Sunday"), else the day of its event, else
   the last day named, else the publication day, and is given in UTC when its zone is known
   ("ET", "Malaysian time", "local time" after "from Kuala Lumpur" in its sentence, else the
   zone of the story's country when that country keeps one clock).

Values follow TimeML: ``2022-01-09``, ``2022-01``, ``2022``, ``2021-W52``, ``2021-SP``,
``1989-Q3``, ``2023-H2`` ("the second half of the year"), ``198`` (the 1980s), ``2021-12-30T20:35Z`` (a clock time with a known zone, in
UTC), ``PT50M``, ``P2D``, ``PXY``, ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``.

Modules: :mod:`.grammar` (patterns), :mod:`.candidates` (find and widen), :mod:`.tense`,
:mod:`.dates` (calendar arithmetic), :mod:`.zones`, :mod:`.context` (state and dispatch), and
the normalisers :mod:`.absolute`, :mod:`.relative`, :mod:`.periods`, :mod:`.clock`.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

from storyline.enrich.runner import Document, component
from storyline.enrich.times import absolute, clock, periods, relative
from storyline.enrich.times.candidates import Cand, find_candidates, widen_candidate
from storyline.enrich.times.context import NORMALISERS, Ctx, resolve
from storyline.enrich.times.dates import as_date
from storyline.rules import times as R

__all__ = ["find_times", "TIMES"]

for _mod in (absolute, relative, periods, clock):
    for _name, _fn in vars(_mod).items():
        if _name.startswith("_norm_"):
            NORMALISERS[_name[len("_norm_"):]] = _fn


def find_times(text: str, published: date | datetime | None, *, sdoc=None) -> list[dict]:
    """Temporal expressions in ``text`` as TIMEX3-like dicts, values relative to ``published``.

    Each item: ``{"id", "text", "start", "end", "type", "value", "mod", "anchor"}`` where
    ``anchor`` is ``"published"`` (resolved from the publication date), the id of the earlier
    expression it was resolved from (``"two days later"``), or None (absolute).
    ``sdoc`` is an optional spaCy Doc of the same text used for tense; without it cue words are
    used.
    """
    if not text:
        return []
    dct = as_date(published)
    dct_dt = None
    if isinstance(published, datetime):
        dct_dt = published if published.tzinfo else published.replace(tzinfo=timezone.utc)
        if published.hour == 0 and published.minute == 0 and published.tzinfo is None:
            dct_dt = None  # a bare date, not a moment
    x = Ctx(text, dct, dct_dt, sdoc)
    cands = widen_candidate(text, find_candidates(text))
    for c in cands:
        # "(the talks will start ...) and last two days": "last" is the verb, not "the last"
        det = c.m.groupdict().get("det") if c.name == "duration" else None
        if det and det.lower() == "last" and c.start == c.m.start("det"):
            words = text[max(0, c.start - 12):c.start].lower().split()
            if words and words[-1] in R.VERB_LAST_BEFORE:
                c.start = c.m.start("num")
    x.pending = cands
    pending_anchor: list[dict] = []  # items anchored on a candidate not yet numbered
    out = []
    for c in cands:
        try:
            it = resolve(c, x)
        except (OverflowError, ValueError):  # a date past year 1 or 9999: drop this time only
            continue
        if not it:
            continue
        it = dict(it)
        it["id"] = f"t{len(out) + 1}"
        it["start"], it["end"], it["text"] = c.start, c.end, text[c.start:c.end]
        c.out["id"] = it["id"]
        x.items.append({**it})
        out.append({k: it[k] for k in ("id", "text", "start", "end", "type", "value", "mod",
                                        "anchor")})
        if isinstance(it["anchor"], Cand):
            pending_anchor.append(out[-1])
    for item in pending_anchor:
        cand = item["anchor"]
        item["anchor"] = cand.out["id"] if cand.out and "id" in cand.out else "published"
    return out


def _times(doc: Document) -> Document:
    doc.times = find_times(doc.text, doc.published, sdoc=doc.spacy)
    return doc


TIMES = component("times", requires=("spacy",), assigns=("times",))(_times)

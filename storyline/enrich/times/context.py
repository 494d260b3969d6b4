"""Normalisation context: the text, the DCT, what has been resolved so far, and the
dispatch from a candidate to its normaliser."""
from __future__ import annotations

from storyline.enrich.times.tense import tense_of
from storyline.enrich.times.candidates import Cand


class Ctx:
    def __init__(self, text, dct, dct_dt, sdoc):
        self.text, self.dct, self.dct_dt, self.sdoc = text, dct, dct_dt, sdoc
        self.items: list[dict] = []  # resolved so far, with private _g/_d
        self.pending: list[Cand] = []  # every candidate of the text, in order
        self.day_first: bool | None = None  # numeric dates read day/month (decided once)
        self.story_zone_of = False  # not looked up yet

    def story_zone(self):
        """The zone of the country the story is about (see zones.story_zone_of), looked up once."""
        if self.story_zone_of is False:
            from storyline.enrich.times.zones import story_zone_of

            self.story_zone_of = story_zone_of(self.text)
        return self.story_zone_of

    def tense(self, c: Cand) -> str | None:
        return tense_of(self.text, c.start, c.end, self.sdoc, lead=c.lead)

    def last(self, grans=("day",), within: int | None = None, before: int | None = None,
             absolute: bool = False, explicit: bool = False):
        """The latest resolved item of one of ``grans`` (optionally not itself anaphoric;
        ``explicit``: only one that names its own date, "in 1945", not "on Monday")."""
        for it in reversed(self.items):
            if absolute and it.get("anchor") not in (None, "published"):
                continue
            if explicit and it.get("anchor") is not None:
                continue
            if it.get("_g") in grans:
                if within is not None and before is not None and before - it["end"] > within:
                    return None
                return it
        return None


def make_item(type_, value, mod=None, anchor=None, gran=None, d=None):
    return {"type": type_, "value": value, "mod": mod, "anchor": anchor, "_g": gran, "_d": d}


#: candidate kind -> normaliser ``fn(cand, ctx) -> item | None``; filled by the package's
#: ``__init__`` from the ``_norm_<kind>`` functions of the normaliser modules.
NORMALISERS: dict = {}


def resolve(c: Cand, x: Ctx):
    """The item for ``c``, normalised once (``c.out`` caches it; False when it has none)."""
    if c.out is None:
        c.out = NORMALISERS[c.name](c, x) or False
    return c.out or None

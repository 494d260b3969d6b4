"""Time zones: a zone abbreviation or a place name -> ``ZoneInfo``."""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storyline.enrich.times.grammar import ZONE_ABBR_CS
from storyline.rules import times as R


@lru_cache(maxsize=512)
def zone_for(name: str) -> ZoneInfo | None:
    key = name.strip()
    iana = R.ZONE_ABBREVIATIONS.get(key) if ZONE_ABBR_CS.match(key) else None
    if iana is None:
        from storyline.gazetteer import city_timezone

        key = R.ZONE_CITY_ALIASES.get(key.lower(), key)
        iana = city_timezone(key)
    if not iana:  # "3 p.m. Japan time", "12:41 a.m. Malaysian time": the country's one zone
        return _country_name_zone(key) or _demonym_zone(key)
    try:
        return ZoneInfo(iana)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def named_zone(name: str) -> ZoneInfo | None:
    """A zone written out ("Pacific", "Central European"; see NAMED_ZONES)."""
    iana = R.NAMED_ZONES.get(" ".join(name.lower().split()))
    if not iana:
        return None
    try:
        return ZoneInfo(iana)
    except (ZoneInfoNotFoundError, ValueError):
        return None


@lru_cache(maxsize=1)
def _country_names():
    """A case-sensitive pattern over the gazetteer's country names, and name -> ISO code."""
    import re

    from storyline.gazetteer import countries
    from storyline.enrich.times.grammar import alt

    names = {rec["name"]: iso for iso, rec in countries().items() if rec.get("name")}
    rx = re.compile(rf"(?<![\w-])(?:{alt(names)})(?![\w-])")
    return rx, names


@lru_cache(maxsize=256)
def _country_zone(iso: str) -> ZoneInfo | None:
    """The one time zone of all the gazetteer's cities in country ``iso`` (zones that keep the
    same UTC offset on each of ZONE_SAME_CLOCK_DATES count as one), else None."""
    from storyline.gazetteer import cities_by_name

    zones = {c.get("timezone") for recs in cities_by_name().values() for c in recs
             if c.get("countrycode") == iso}
    zones.discard(None)
    try:
        infos = [ZoneInfo(z) for z in sorted(zones)]
    except (ZoneInfoNotFoundError, ValueError):
        return None
    if not infos:
        return None
    # several zone names that keep one clock (Malaysia: Kuala Lumpur and Kuching) count as one
    clocks = {tuple(datetime(y, m, 1, tzinfo=z).utcoffset() for y, m in R.ZONE_SAME_CLOCK_DATES)
              for z in infos}
    return infos[0] if len(clocks) == 1 else None


def story_zone_of(text: str) -> ZoneInfo | None:
    """"04:17 local time" with no place beside it: the zone of the country the story names most
    often (at least STORY_COUNTRY_MIN_MENTIONS times, no tie), when that country has one zone."""
    rx, names = _country_names()
    counts: dict[str, int] = {}
    for m in rx.finditer(text):
        iso = names[m.group(0)]
        counts[iso] = counts.get(iso, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked[0][1] < R.STORY_COUNTRY_MIN_MENTIONS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return _country_zone(ranked[0][0])


def _country_name_zone(name: str) -> ZoneInfo | None:
    """The zone of a country named in full ("Japan"), when all its cities share one zone."""
    _, names = _country_names()
    iso = names.get(name)
    return _country_zone(iso) if iso else None


def _demonym_zone(word: str) -> ZoneInfo | None:
    """The zone of the country a nationality adjective names ("Malaysian" -> Malaysia), when
    all its cities share one zone (nationalities.CODE_OF_DEMONYM).

    >>> str(_demonym_zone("Malaysian"))
    'Asia/Kuala_Lumpur'
    """
    from storyline.rules.nationalities import CODE_OF_DEMONYM

    iso = CODE_OF_DEMONYM.get(word.lower())
    return _country_zone(iso) if iso else None

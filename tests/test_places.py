"""Places: gazetteer resolution with context, over hand-made entity lists and a real spaCy parse."""
from __future__ import annotations

import re

import pytest

from storyline.enrich.entities import ENTITIES
from storyline.enrich.pipeline import Document, run_pipeline
from storyline.enrich.places import PLACES, lookup, place_key, resolve_places, tag_nationalities



def make_entities(text: str, specs: list[tuple[str, str]]) -> list[dict]:
    """One entity per (surface, label), with every whole-word occurrence as a mention."""
    out = []
    for n, (surface, label) in enumerate(specs):
        mentions = [{"start": m.start(), "end": m.end(), "text": m.group(0)}
                    for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]
        assert mentions, f"fixture error: {surface!r} not in text"
        out.append({"id": f"e{n}", "label": label, "name": surface, "start": mentions[0]["start"],
                    "end": mentions[0]["end"], "mentions": mentions, "roles": [], "aliases": []})
    return out


def resolve(nlp, text, specs):
    return resolve_places(nlp(text), make_entities(text, specs), text)


def by_text(places, surface):
    for p in places:
        if any(m["text"] == surface for m in p["mentions"]):
            return p
    return None


@pytest.mark.parametrize("text,specs,surface,cc,kind,admin1", [
    # Georgia: the country next to its capital or neighbours, the US state next to its cities.
    ("Protesters gathered in Tbilisi, the capital of Georgia, on Sunday.",
     [("Tbilisi", "GPE"), ("Georgia", "GPE")], "Georgia", "GE", "country", None),
    ("NATO membership for Ukraine and Georgia has long angered Russia.",
     [("Ukraine", "GPE"), ("Georgia", "GPE"), ("Russia", "GPE")], "Georgia", "GE", "country", None),
    ("Voters in Atlanta and Savannah lined up for hours as Georgia counted the ballots.",
     [("Atlanta", "GPE"), ("Savannah", "GPE"), ("Georgia", "GPE")], "Georgia", "US", "admin1", "GA"),
    ("The governors of Florida and Georgia met to discuss the hurricane season.",
     [("Florida", "GPE"), ("Georgia", "GPE")], "Georgia", "US", "admin1", "GA"),
    # Paris is France unless Texas is next to it.
    ("The minister flew to Paris for two days of meetings.", [("Paris", "GPE")], "Paris", "FR", "city", None),
    ("A tornado damaged homes in Paris, Texas, on Monday night.",
     [("Paris", "GPE"), ("Texas", "GPE")], "Paris", "US", "city", "TX"),
    ("A tornado damaged homes near Paris. Texas officials asked for federal help.",
     [("Paris", "GPE"), ("Texas", "GPE")], "Paris", "US", "city", "TX"),
    # "City, State" picks the right Wilmington (North Carolina's is bigger).
    ("Biden took the call from his home in Wilmington, Delaware, where he is vacationing.",
     [("Wilmington", "GPE"), ("Delaware", "GPE")], "Wilmington", "US", "city", "DE"),
    ("The senator spoke in Wilmington, Del., on Friday.",
     [("Wilmington", "GPE")], "Wilmington", "US", "city", "DE"),
    ("Delegates arrived in Wilmington on Tuesday.", [("Wilmington", "GPE")], "Wilmington", "US", "city", "NC"),
    # News capitals beat same-named small towns; Washington is the US capital unless "state".
    ("Talks with Moscow stalled.", [("Moscow", "GPE")], "Moscow", "RU", "city", None),
    ("Officials in Washington said the sanctions were ready.", [("Washington", "GPE")],
     "Washington", "US", "city", "DC"),
    ("Wildfires spread across Washington state this week.", [("Washington", "GPE")],
     "Washington", "US", "admin1", "WA"),
    ("The talks open in Geneva, with the US delegation led by Wendy Sherman.",
     [("Geneva", "GPE"), ("US", "GPE")], "Geneva", "CH", "city", None),
    ("Ministers gathered in Brussels.", [("Brussels", "GPE")], "Brussels", "BE", "city", None),
    ("The OSCE meets in Vienna.", [("Vienna", "GPE")], "Vienna", "AT", "city", None),
    # Country aliases the gazetteer lacks; a country beats a same-named city.
    ("Sanctions from the U.S. hit exporters.", [("U.S.", "GPE")], "U.S.", "US", "country", None),
    ("Britain and the Netherlands signed the deal.", [("Britain", "GPE"), ("the Netherlands", "GPE")],
     "the Netherlands", "NL", "country", None),
    ("Refugees crossed into Lebanon overnight.", [("Lebanon", "GPE")], "Lebanon", "LB", "country", None),
    ("Gas prices rose across Europe.", [("Europe", "LOC")], "Europe", None, "continent", None),
    ("Shelling continued in the Donbas region.", [("Donbas", "LOC")], "Donbas", "UA", "region", None),
    ("Officials in Kiev denied the report.", [("Kiev", "GPE")], "Kiev", "UA", "city", None),
    # "St." spelled out; a state named far away does not pull a city there.
    ("He called Estonia a suburb of St. Petersburg. " + "The campaign went on. " * 20 +
     "Polls in Florida tightened.", [("Estonia", "GPE"), ("St. Petersburg", "GPE"),
                                     ("Florida", "GPE")], "St. Petersburg", "RU", "city", None),
    ("Storms flooded St. Petersburg, Fla., on Sunday.", [("St. Petersburg", "GPE")],
     "St. Petersburg", "US", "city", "FL"),
])
def test_resolves_with_context(nlp, text, specs, surface, cc, kind, admin1):
    place = by_text(resolve(nlp, text, specs), surface)
    assert place is not None, f"{surface!r} was not resolved"
    assert (place["country_code"], place["kind"]) == (cc, kind)
    if admin1:
        assert place["admin1"] == admin1


@pytest.mark.parametrize("text,specs,surface", [
    ("Russian troops massed near the border.", [("Russian", "NORP")], "Russian"),  # demonym
    ("The treaty was signed in Narnia last year.", [("Narnia", "GPE")], "Narnia"),  # unknown
    ("Reporters waited outside the White House.", [("White House", "FAC")], "White House"),
    ("Moscow demands guarantees from the West.", [("Moscow", "GPE"), ("West", "LOC")], "West"),
    ("Biden met Putin.", [("Biden", "PERSON"), ("Putin", "PERSON")], "Biden"),  # not a place label
])
def test_skips_what_is_not_a_resolvable_place(nlp, text, specs, surface):
    assert by_text(resolve(nlp, text, specs), surface) is None


def test_item_shape_and_grouping(nlp):
    text = "Moscow rejected the plan. Officials in Moscow said Russia would respond."
    places = resolve(nlp, text, [("Moscow", "GPE"), ("Russia", "GPE")])
    moscow = by_text(places, "Moscow")
    assert len(moscow["mentions"]) == 2
    assert (moscow["start"], moscow["end"]) == (0, 6)
    assert moscow["entity_id"] == "e0"
    assert moscow["geonameid"] and moscow["population"] > 1_000_000
    assert 55 < moscow["lat"] < 56 and 37 < moscow["lon"] < 38
    for p in places:
        for key in ("name", "start", "end", "mentions", "entity_id", "country_code", "lat", "lon",
                    "kind", "geonameid", "population"):
            assert key in p
        for m in p["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_two_entities_same_place_are_one_item(nlp):
    text = "The United States and the US Treasury agreed."
    places = resolve(nlp, text, [("United States", "GPE"), ("US", "GPE")])
    us = [p for p in places if p["country_code"] == "US"]
    assert len(us) == 1 and len(us[0]["mentions"]) == 2 and us[0]["entity_ids"] == ["e0", "e1"]


def test_spacy_places_missing_from_entities_are_a_fallback(nlp):
    text = "The summit will be held in Brussels next month."
    places = resolve_places(nlp(text), [], text)
    assert by_text(places, "Brussels")["country_code"] == "BE"


@pytest.mark.parametrize("name,cc", [("American", "US"), ("Russians", "RU"), ("Ukrainian", "UA"),
                                     ("European", None), ("Soviet", None)])
def test_nationalities_get_country_codes(name, cc):
    ents = [{"id": "n", "label": "NORP", "name": name, "start": 0, "end": len(name), "mentions": []}]
    tag_nationalities(ents)
    assert ents[0].get("country_code") == cc


@pytest.mark.parametrize("name,key", [("the Netherlands", "netherlands"), ("U.S.", "us"),
                                      ("Ukraine’s", "ukraine"), ("Zürich", "zurich")])
def test_place_key(name, key):
    assert place_key(name) == key


def test_lookup_returns_all_readings():
    kinds = {(r["kind"], r["country_code"]) for r in lookup("Georgia")}
    assert ("country", "GE") in kinds and ("admin1", "US") in kinds
    assert lookup("") == [] and lookup("Qwxzv") == []


def test_component_in_pipeline(nlp):
    text = "Leaders met in Vienna. Russian diplomats flew in from Moscow."
    doc = Document(text=text, spacy=nlp(text),
                   entities=make_entities(text, [("Vienna", "GPE"), ("Moscow", "GPE"),
                                                 ("Russian", "NORP")]),
                   done={"spacy", "entities"})
    doc = run_pipeline(doc, [PLACES])
    assert [p["name"] for p in doc.places] == ["Vienna", "Moscow"]
    assert doc.entities[2]["country_code"] == "RU"
    assert "places" in doc.done


# ------------------------------------------------------------------ per-mention resolution

def _readings(places, surface):
    """(country_code, admin1, kind) of every place item with a mention written ``surface``."""
    return sorted((p["country_code"], p["admin1"] or "", p["kind"]) for p in places
                  if any(m["text"] == surface for m in p["mentions"]))


@pytest.mark.parametrize("text,specs,surface,expected", [
    # Same name, two containers: two place items, each with its own mentions.
    ("Engineers from Paris in France toured the plant. Their hosts in Paris, Texas, hope to return"
     " the visit.", [("Paris", "GPE"), ("France", "GPE"), ("Texas", "GPE")],
     "Paris", [("FR", "11", "city"), ("US", "TX", "city")]),
    ("The singer grew up in Tbilisi in Georgia and now records in Atlanta, Georgia.",
     [("Tbilisi", "GPE"), ("Georgia", "GPE"), ("Atlanta", "GPE")],
     "Georgia", [("GE", "", "country"), ("US", "GA", "admin1")]),
    # A later bare mention follows the nearest mention that has a container.
    ("Storms hit Paris, Texas, overnight. Paris officials opened a shelter.",
     [("Paris", "GPE"), ("Texas", "GPE")], "Paris", [("US", "TX", "city")]),
    # Negative: without a container pattern the group keeps one reading.
    ("Ministers met in Paris. Paris will host the next round as well.",
     [("Paris", "GPE")], "Paris", [("FR", "11", "city")]),
    # Negative: a list is not a city and its container.
    ("Flights to Paris, London and Berlin were cancelled.",
     [("Paris", "GPE"), ("London", "GPE"), ("Berlin", "GPE")], "London", [("GB", "ENG", "city")]),
])
def test_same_name_split_by_local_context(nlp, text, specs, surface, expected):
    places = resolve(nlp, text, specs)
    assert _readings(places, surface) == expected
    ids = {p["entity_id"] for p in places if any(m["text"] == surface for m in p["mentions"])}
    assert len(ids) == 1  # the entity grouping is kept: every split item carries the entity id


@pytest.mark.parametrize("text,specs,city,admin1,state_surface", [
    ("MADISON, Wis. \u2014 The council postponed the vote.", [("MADISON", "GPE")], "MADISON", "WI", "Wis."),
    ("Researchers in Cambridge, Mass., published the study.", [("Cambridge", "GPE"), ("Mass.", "GPE")],
     "Cambridge", "MA", "Mass."),
    ("SPRINGFIELD, Ill. (AP) \u2014 Lawmakers returned.", [("SPRINGFIELD", "GPE")], "SPRINGFIELD", "IL", "Ill."),
])
def test_ap_state_abbreviation_after_city(nlp, text, specs, city, admin1, state_surface):
    places = resolve(nlp, text, specs)
    assert _readings(places, city) == [("US", admin1, "city")]
    assert _readings(places, state_surface) == [("US", admin1, "admin1")]


@pytest.mark.parametrize("text,specs,surface", [
    ("Mass. protests followed in Paris.", [("Paris", "GPE")], "Mass."),  # not after "<city>, "
    ("The vote in Ohio, Ind. officials said, was close.", [("Ohio", "GPE")], "Ind."),  # after a state
])
def test_state_abbreviation_needs_city_before_it(nlp, text, specs, surface):
    assert _readings(resolve(nlp, text, specs), surface) == []


# ------------------------------------------------------------------ round three: first-level divisions

@pytest.mark.parametrize("text,specs,surface,expected", [
    # A province next to its country and a sibling province: the province, not the US city.
    ("The mine will create jobs in Manitoba and Ontario, the Canadian government said. Canada "
     "hopes to export the ore.", [("Manitoba", "GPE"), ("Ontario", "GPE"), ("Canada", "GPE")],
     "Ontario", [("CA", "08", "admin1")]),
    ("Quebec and Alberta disagree on the pipeline, officials in Canada said.",
     [("Quebec", "GPE"), ("Alberta", "GPE"), ("Canada", "GPE")], "Quebec", [("CA", "10", "admin1")]),
    # An Australian state and a German Land, with a city of theirs nearby.
    ("Floods hit Queensland, and Brisbane closed its schools.",
     [("Queensland", "GPE"), ("Brisbane", "GPE")], "Queensland", [("AU", "04", "admin1")]),
    ("Munich lies in Bavaria, in the south of Germany.",
     [("Munich", "GPE"), ("Bavaria", "GPE"), ("Germany", "GPE")], "Bavaria", [("DE", "02", "admin1")]),
    # A city qualified by a foreign province keeps only that province's city.
    ("The plant in London, Ontario, will close.", [("London", "GPE"), ("Ontario", "GPE")],
     "London", [("CA", "08", "city")]),
    # Negative: "Quebec City" is the city; "Ontario, California" is the US city.
    ("The summit opened in Quebec City on Monday.", [("Quebec City", "GPE")], "Quebec City",
     [("CA", "10", "city")]),
    ("Warehouses in Ontario, California, were flooded.", [("Ontario", "GPE"), ("California", "GPE")],
     "Ontario", [("US", "CA", "city")]),
    # Negative: a city-state is left to its city reading.
    ("Officials in Berlin and Munich, Germany, agreed.", [("Berlin", "GPE"), ("Munich", "GPE"),
                                                         ("Germany", "GPE")],
     "Berlin", [("DE", "16", "city")]),
])
def test_first_level_divisions_of_other_countries(nlp, text, specs, surface, expected):
    assert _readings(resolve(nlp, text, specs), surface) == expected


# ------------------------------------------------------------------ round four

@pytest.mark.parametrize("text,specs,surface,kind,admin1", [
    # A city of the state right before the name: the state, not the capital.
    ("The contract covered ports from Spokane, Washington, to the south.",
     [("Spokane", "GPE"), ("Washington", "GPE")], "Washington", "admin1", "WA"),
    ("Flights from Albany, New York, were cancelled.",
     [("Albany", "GPE"), ("New York", "GPE")], "New York", "admin1", "NY"),
    # Negative: on its own, or after a city of another state, the news reading is the city.
    ("Talks resumed in Washington on Monday.", [("Washington", "GPE")], "Washington", "city", "DC"),
    ("Delegates flew from Boston to Washington, officials said.",
     [("Boston", "GPE"), ("Washington", "GPE")], "Washington", "city", "DC"),
])
def test_city_then_state_prefers_the_state(nlp, text, specs, surface, kind, admin1):
    p = by_text(resolve(nlp, text, specs), surface)
    assert p is not None and (p["kind"], p["admin1"]) == (kind, admin1)


@pytest.mark.parametrize("text,specs,expected", [
    # A multi-word country name with no place entity (here mislabelled PERSON) is still found.
    ("Sri Lanka kept its rates unchanged, the bank said.", [("Sri Lanka", "PERSON")], "LK"),
    ("Inflation in New Zealand slowed in May.", [], "NZ"),
    # Negatives: inside a longer entity name, or a one-word name no entity marks.
    ("Officials of the Bank of New Zealand declined to comment.",
     [("Bank of New Zealand", "ORG")], None),
    ("Jordan scored twice in the final.", [], None),
])
def test_uncovered_multiword_country_names(nlp, text, specs, expected):
    places = resolve_places(None, make_entities(text, specs), text)
    assert [p["country_code"] for p in places if p["kind"] == "country"] == ([expected] if expected else [])


# ---------------------------------------------------------------- round five: small capitals

@pytest.mark.parametrize("text,surface,cc", [
    ("Ministers met in Valletta on Monday.", "Valletta", "MT"),
    ("Officials gathered in Vaduz for talks.", "Vaduz", "LI"),
])
def test_small_national_capitals_resolve(nlp, text, surface, cc):
    p = by_text(resolve(nlp, text, [(surface, "GPE")]), surface)
    assert p is not None and p["country_code"] == cc and p["kind"] == "city"


@pytest.mark.parametrize("text,surface", [
    ("Ministers met in Qwertzville on Monday.", "Qwertzville"),  # unknown: never guessed
])
def test_capital_bonus_does_not_invent_places(nlp, text, surface):
    assert by_text(resolve(nlp, text, [(surface, "GPE")]), surface) is None


# ---------------------------------------------------------------- issue 9: islands, state offices
@pytest.mark.parametrize("text,specs,surface,cc", [
    ("Voters in the Canary Islands went to the polls.", [("Canary Islands", "LOC")],
     "Canary Islands", "ES"),
    ("Migrants landed on Lampedusa on Monday.", [("Lampedusa", "LOC")], "Lampedusa", "IT"),
    ("China keeps building on the Spratly Islands.", [("Spratly Islands", "LOC")],
     "Spratly Islands", None),
])
def test_islands_are_geocoded(nlp, text, specs, surface, cc):
    place = by_text(resolve(nlp, text, specs), surface)
    assert place is not None and place["kind"] == "island"
    assert place["country_code"] == cc and place["lat"] is not None


def test_island_typed_as_an_organisation_is_repaired_and_geocoded(nlp):
    text = "Voters on Sardinia and in the Canary Islands went to the polls on Sunday."
    doc = run_pipeline(Document(text=text, spacy=nlp(text), done={"spacy"}), [ENTITIES, PLACES])
    labels = {e["name"]: e["label"] for e in doc.entities}
    assert labels.get("Sardinia") in ("LOC", "GPE")
    kinds = {p["name"]: p["kind"] for p in doc.places}
    assert kinds.get("Sardinia") == "island" and kinds.get("Canary Islands") == "island"


@pytest.mark.parametrize("text,kind", [
    ("New York attorney general Eric Schneiderman opened an inquiry.", "admin1"),
    ("The New York governor's office said it would appeal.", "admin1"),
    ("New York's attorney general sued the charity.", "admin1"),
    ("The New York legislature passed the bill.", "admin1"),
    ("The New York mayor said the subway would reopen.", "city"),  # an office of the city
    ("Rents in New York rose again.", "city"),
])
def test_state_office_after_the_name_selects_the_state(nlp, text, kind):
    place = by_text(resolve(nlp, text, [("New York", "GPE")]), "New York")
    assert place is not None and place["kind"] == kind

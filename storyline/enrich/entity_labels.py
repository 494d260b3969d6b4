"""Label repairs for spaCy's entity mentions (steps 1b-3 of :mod:`storyline.enrich.entities`):
general relabelling rules, datelines, missed first names, one label per surface form, titles
stripped, organisation names merged over "in"/"of". Data in :mod:`storyline.rules.entities`."""
from __future__ import annotations

import re

from storyline.enrich.entity_base import (Mention, overlaps, set_tokens, acronym_definition,
                                          acronym_matches, doc_text, is_country,
                                          is_known_place)
from storyline.enrich.roles import appos_role_head
from storyline.rules import entities as R
from storyline.rules.places import ISLANDS


def _person_cue(sdoc, m: Mention) -> bool:
    """Context that only a person's name has: a role head or honorific right before it
    ("Chief Executive Officer Annika Vestergaard"), an age or a role in apposition after it
    ("Walter Okafor, 71,", "Martin Abernathy, the group's treasurer")."""
    if m.tstart > 0 and (sdoc[m.tstart - 1].lower_ in R.ROLE_HEADS
                         or sdoc[m.tstart - 1].lower_ in R.HONORIFICS):
        return True
    if appos_role_head(sdoc, m) is not None:
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


def _common_noun(sdoc, m: Mention) -> bool:
    """A one-word PERSON opening its sentence that is a common noun ("Schools", "Many")."""
    if m.tend - m.tstart != 1:
        return False
    tok = sdoc[m.tstart]
    return tok.is_sent_start and (tok.tag_ in R.COMMON_NOUN_TAGS
                                  or sdoc.vocab[tok.lower_].is_stop)


def caps_prefix_orgs(sdoc, mentions: list[Mention]) -> list[Mention]:
    """"IF Metall": an all-caps word (``CAPS_PREFIX_LENGTH`` letters) glued before a one-word
    PERSON/ORG name is the start of an organisation's name; the two are one ORG."""
    covered = {t for m in mentions for t in range(m.tstart, m.tend)}
    lo, hi = R.CAPS_PREFIX_LENGTH
    for m in mentions:
        if m.label not in ("PERSON", "ORG") or m.tend - m.tstart != 1 or m.tstart == 0:
            continue
        t = sdoc[m.tstart - 1]
        if t.i in covered or not (t.is_alpha and t.is_upper and lo <= len(t.text) <= hi) \
                or t.text in R.CAPS_PREFIX_EXCLUDED or t.text in R.COUNTRY_ALIASES \
                or t.text in R.WIRE_NAMES or t.whitespace_ != " " \
                or sdoc[m.tstart].is_upper or t.sent.text.isupper():
            continue
        m.tstart, m.start, m.label = t.i, t.idx, "ORG"
        m.text = doc_text(sdoc)[m.start:m.end]
    return mentions


def add_regions(sdoc, mentions: list[Mention]) -> list[Mention]:
    """Named regions spaCy missed (``REGION_NAMES``: "the Indo-Pacific") become LOC mentions;
    a mention overlapping one is replaced by it."""
    text = doc_text(sdoc)
    extra = []
    for name in R.REGION_NAMES:
        for mt in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            span = sdoc.char_span(mt.start(), mt.end())
            if span is not None:
                extra.append(Mention(mt.start(), mt.end(), "LOC", span.start, span.end, name))
    if not extra:
        return mentions
    keep = [m for m in mentions if not any(overlaps(m, e) for e in extra)]
    return sorted(keep + extra, key=lambda m: m.start)


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


def is_island(name: str) -> bool:
    """An island or group of islands by its last word or the list of known ones.

    >>> is_island("the Spratly Islands"), is_island("Sardinia"), is_island("Island Records")
    (True, True, False)
    """
    words = name.split()
    key = " ".join(words[1:] if words and words[0].lower() == "the" else words).lower()
    return bool(words) and (words[-1] in R.ISLAND_WORDS or key in ISLANDS)


def repair_labels(sdoc, mentions: list[Mention]) -> list[Mention]:
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
      or age in apposition after) is a PERSON ("Chief Executive Officer Annika Vestergaard");
    * a news agency's name (``WIRE_NAMES``) is an ORG, never a GPE ("reported by TT");
    * a country the gazetteer knows is a GPE even as a subject ("Slovakia said");
    * a one-word PERSON opening a sentence that spaCy tags as a common noun, or whose
      lower-case form is a stop word, is dropped ("Schools were closed");
    * an island or archipelago tagged ORG/PERSON is a LOC (``is_island``).
    """
    extra = _org_apposition_runs(sdoc)
    if extra:
        keep = [m for m in mentions if not any(overlaps(m, e) for e in extra)]
        mentions = sorted(keep + extra, key=lambda m: m.start)
    person_words = {w for m in mentions if m.label == "PERSON" and len(m.text.split()) >= 2
                    for w in m.text.split()}
    out = []
    for m in mentions:
        words = m.text.split()
        if m.text in R.TIME_ZONE_ABBREVIATIONS:
            continue
        if m.label in ("ORG", "PERSON", "GPE") and all(
                w.lower().rstrip(".") in R.TITLE_ONLY_WORDS for w in words):
            continue  # "Major General", "Chief": a title, no name
        if m.label in ("ORG", "PERSON", "FAC", "NORP") and is_island(m.text):
            m.label = "LOC"  # "Sardinia", "the Spratly Islands": a place, to be geocoded
            out.append(m)
            continue
        if m.text in R.FORCED_LABELS or m.text in R.COUNTRY_ALIASES:
            out.append(m)
            continue
        if m.text in R.WIRE_NAMES and m.text not in person_words \
                and not _person_cue(sdoc, m):
            m.label = "ORG"
            out.append(m)
            continue
        if m.label in ("ORG", "PERSON") and m.text not in person_words and is_country(m.text):
            m.label = "GPE"
            out.append(m)
            continue
        if m.label == "PERSON" and _common_noun(sdoc, m):
            continue
        last = words[-1].rstrip(".")
        before = sdoc[m.tstart - 1] if m.tstart > 0 else None
        if m.label != "NORP" and m.text.endswith(R.DEMONYM_PLURAL_SUFFIX) \
                and m.text[:-len(R.DEMONYM_PLURAL_SUFFIX)] in R.DEMONYMS:
            m.label = "NORP"  # "the Slovaks"
        elif m.label in ("PERSON", "FAC", "GPE") and _media_context(sdoc, m):
            m.label = "ORG"  # "told the Frankfurter Rundschau"
        elif m.label == "PERSON":
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
            elif 1 < len(words) <= R.PLACE_NAME_MAX_WORDS and is_known_place(m.text) \
                    and not _person_cue(sdoc, m) \
                    and not any(w.lower() in R.FEMALE_FIRST_NAMES
                                or w.lower() in R.MALE_FIRST_NAMES for w in words[:1]):
                m.label = "GPE"  # "Labuan Bajo", "Sri Lanka": a place with no person cue
        elif m.label in ("GPE", "LOC", "ORG") and m.text in R.DEMONYMS \
                and not is_country(m.text):
            m.label = "NORP"  # "Sri Lankan": a country's adjective, not the country
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


def extend_names_left(sdoc, mentions: list[Mention]) -> list[Mention]:
    """A capitalised word glued to the left of a person's name is its first name, even when
    the tagger missed it ("chief negotiator Gergely Farkasházi", "Gergely" tagged ADV)."""
    covered = {t for m in mentions for t in range(m.tstart, m.tend)}
    for m in mentions:
        if m.label != "PERSON" or m.tstart == 0:
            continue
        # only a lone surname lacks its first name, or a name squeezed between a title and
        # the words spaCy kept ("Major General Zaw | Win Naing": the rank marks the start)
        titled = m.tstart >= 2 and sdoc[m.tstart - 2].lower_ in R.ROLE_HEADS \
            and m.tend - m.tstart < R.NAME_EXTENSION_MAX_WORDS
        if m.tend - m.tstart != 1 and not titled:
            continue
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


def unify_labels(mentions: list[Mention]) -> None:
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


def dateline_entities(sdoc, mentions: list[Mention]) -> list[Mention]:
    """"WASHINGTON (AP) —" opening a paragraph: the place is a GPE marked as a dateline (its
    display is made mixed-case), the agency in brackets an ORG of its own."""
    text = doc_text(sdoc)
    extra = []
    for pm in re.finditer(r"(?m)^(?=[A-Z])", text):
        dm = R.dateline_match(text, pm.start())
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
            if any(overlaps(Mention(a, b, label), m) for m in mentions):
                continue
            m = set_tokens(sdoc, Mention(a, b, label))
            if m is not None:
                m.dateline = g == 1
                extra.append(m)
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


# ---------------------------------------------------------------- step 2
def strip_titles(sdoc, mentions: list[Mention]) -> list[Mention]:
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


def fix_labels(sdoc, mentions: list[Mention]) -> list[Mention]:
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
def _split_org_seats(sdoc, mentions: list[Mention]) -> list[Mention]:
    """An ORG ending in "in <known place>" ("Federal Court of Justice in Karlsruhe") is the
    organisation and, apart, the place where it sits, unless an acronym in the text spells
    the whole ("Organization for Security and Cooperation in Europe" / OSCE)."""
    acronyms = {m.text.replace(".", "") for m in mentions if R.ACRONYM_RE.match(m.text)}
    out: list[Mention] = []
    for m in mentions:
        k = next((k for k in range(m.tend - 2, m.tstart, -1)
                  if sdoc[k].lower_ in R.ORG_SEAT_PREPS), None) if m.label == "ORG" else None
        if k is None or k - m.tstart < 1 or any(acronym_matches(a, m.text) for a in acronyms):
            out.append(m)
            continue
        place = sdoc[k + 1:m.tend]
        if not is_known_place(place.text) or not place.text[:1].isupper():
            out.append(m)
            continue
        org = sdoc[m.tstart:k]
        out.append(Mention(org.start_char, org.end_char, "ORG", org.start, org.end, org.text))
        out.append(Mention(place.start_char, place.end_char, "GPE", place.start, place.end,
                           place.text))
    return out


def merge_org_tails(sdoc, mentions: list[Mention]) -> list[Mention]:
    mentions = _split_org_seats(sdoc, mentions)
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
                # "the Federal Court of Justice in Karlsruhe": where it sits, not its name
                seat = gap.strip() in R.ORG_SEAT_PREPS and nxt.label == "GPE" \
                    and is_known_place(nxt.text)
                if any(acronym_matches(a, merged) for a in acronyms) or formal and not seat:
                    out.append(Mention(m.start, nxt.end, "ORG", m.tstart, nxt.tend, merged))
                    i += 2
                    continue
        out.append(m)
        i += 1
    return out



def acronym_mentions(sdoc, mentions: list[Mention]) -> list[Mention]:
    """A name defined with an acronym ("Bavaria Motorwerke (BMW)", "Civic Direction (CD)") is
    an organisation unless a person's context says otherwise; every use of the acronym is a
    mention with the name's label ("the BDI said" is the Federation of German Industries)."""
    text = doc_text(sdoc)
    defined: dict[str, str] = {}
    for m in mentions:
        acr = acronym_definition(text, m)
        if acr is None or len(m.text.split()) < 2:
            continue
        if m.label == "PERSON" and not _person_cue(sdoc, m):
            m.label = "ORG"
        if m.label in ("ORG", "FAC", "GPE"):
            defined[acr] = m.label
    if not defined:
        return mentions
    extra = []
    for acr, label in defined.items():
        for mt in re.finditer(rf"(?<![\w.-]){re.escape(acr)}(?![\w-])", text):
            same = [o for o in mentions if o.start == mt.start() and o.end == mt.end()]
            for o in same:
                o.label = label
            if same or any(overlaps(o, Mention(mt.start(), mt.end(), label))
                           for o in mentions + extra):
                continue
            m = set_tokens(sdoc, Mention(mt.start(), mt.end(), label))
            if m is not None and m.text == acr:
                extra.append(m)
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


def _media_context(sdoc, m: Mention) -> bool:
    """A news outlet's context: "told the X", "the daily X", "the X newspaper"."""
    a, b = m.tstart, m.tend
    if a >= 2 and sdoc[a - 1].lower_ == "the" and sdoc[a - 2].lower_ in R.MEDIA_TOLD_VERBS:
        return True
    if a >= 1 and sdoc[a - 1].lower_ in R.MEDIA_NOUNS:
        return True
    return b < len(sdoc) and sdoc[b].lower_ in R.MEDIA_NOUNS


# ---------------------------------------------------------------- round seven
def clock_prefixes(sdoc, mentions: list[Mention]) -> list[Mention]:
    """"10:00 Brussels" (tagged ORG): a clock time opening a mention is cut off; what is left
    is a GPE when the gazetteer knows it, and nothing at all when no capitalised word stays."""
    out = []
    for m in mentions:
        k = m.tstart
        while k < m.tend and R.CLOCK_TOKEN_RE.match(sdoc[k].text):
            k += 1
        if k == m.tstart:
            out.append(m)
            continue
        if k >= m.tend or not sdoc[k].text[:1].isupper():
            continue
        m.tstart, m.start = k, sdoc[k].idx
        m.text = doc_text(sdoc)[m.start:m.end]
        if is_known_place(m.text):
            m.label = "GPE"
        out.append(m)
    return out


def unknown_one_word_places(sdoc, mentions: list[Mention]) -> None:
    """A one-word GPE the gazetteer does not know is an ORG ("Russia's Gazprom said"), unless
    one of its mentions follows a place preposition ("in Bucha", "in The Hague"). Any city
    of the full gazetteer counts as known here ("Hague" is an alternate name of The Hague)."""
    from storyline.gazetteer import cities_by_name, name_key

    words: dict[str, list[Mention]] = {}
    for m in mentions:
        words.setdefault(m.text, []).append(m)
    for text, ms in words.items():
        if len(text.split()) != 1 or not all(m.label == "GPE" for m in ms) \
                or any(m.dateline for m in ms) or is_known_place(text) or is_island(text) \
                or text in R.COUNTRY_ALIASES or text in R.FORCED_LABELS \
                or name_key(text) in cities_by_name():
            continue
        if any(_after_place_preposition(sdoc, m.tstart) for m in ms):
            continue
        for m in ms:
            m.label = "ORG"


def _after_place_preposition(sdoc, i: int) -> bool:
    """The token before ``i`` (skipping one "the") is a place preposition."""
    if i > 0 and sdoc[i - 1].lower_ == "the":
        i -= 1
    return i > 0 and sdoc[i - 1].lower_ in R.PLACE_PREPOSITIONS


def add_missed_demonyms(sdoc, mentions: list[Mention]) -> list[Mention]:
    """A nationality word from the table that spaCy missed ("Maltese Energy Minister Paul
    Vella" opening a paragraph) is a NORP mention, so the role after it gets its country."""
    covered = {t for m in mentions for t in range(m.tstart, m.tend)}
    extra = [Mention(t.idx, t.idx + len(t.text), "NORP", t.i, t.i + 1, t.text)
             for t in sdoc if t.i not in covered and t.text in R.DEMONYMS
             and t.pos_ in ("ADJ", "PROPN", "NOUN")]
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions

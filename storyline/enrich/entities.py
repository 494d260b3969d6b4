"""Entities: spaCy NER corrected by rules, mentions grouped per article, roles attached.

Modules: this one (raw mentions, grouping, acronyms, the public API),
:mod:`storyline.enrich.entity_labels` (step 1b-3), :mod:`storyline.enrich.roles` (step 5-6),
:mod:`storyline.enrich.entity_base` (data classes and shared helpers).

Steps (each a small function; the data they use lives in :mod:`storyline.rules.entities`):

1. ``_raw_mentions``   spaCy entities of the kept labels, trimmed ("the", "'s"), relabelled
                       (``FORCED_LABELS``, surnames mislabelled ORG/GPE), plus capitalised runs
                       ending in an ``ORG_HEAD_WORDS`` noun and surface forms spaCy missed.
1b. ``repair_labels`` general label fixes (org suffixes and org nouns -> ORG, demonyms ->
                       NORP, "the Danube" -> LOC, gazetteer places -> GPE, person context ->
                       PERSON, time zones dropped); ``dateline_entities`` ("WASHINGTON (AP) —": the
                       place, shown mixed-case, and the agency as an ORG of its own);
                       ``extend_names_left`` (a missed first name); ``unify_labels`` (one
                       surface form, one label).
2. ``strip_titles``   "President Biden" -> name "Biden"; the title is read back as a role.
3. ``merge_org_tails`` "Organization for Security and Cooperation" + "in Europe" -> one ORG.
4. ``_group``          one entity per person (surname / first-name match, most recent wins),
                       per organisation (token-set key, acronym <-> long form), per country
                       (``COUNTRY_ALIASES``).
5. ``_roles``          role phrase left of a name ("Kremlin foreign policy aide Yuri Ushakov"),
                       title phrases ("Secretary of State"), appositions after
                       ("Ned Price, a State Department spokesman,") and before ("The mayor of
                       Paris, Texas, Dwayne Hollister,"); short organisations resolved
                       ("the group's treasurer", "Commission spokesperson"); "Sen." -> Senator.
6. ``descriptor_roles``    "Russia's President" with no name after it joins the one person holding
                       that role for that country.
"""
from __future__ import annotations

import re

from storyline.enrich.entity_base import (  # noqa: F401  (re-exported)
    Mention, display_name, EntityDraft, norm_key, overlaps, set_tokens, token_indices, trim,
    acronym_definition, acronym_matches, doc_text, is_known_place, known_places)
from storyline.enrich.entity_labels import (acronym_mentions, add_missed_demonyms, add_regions,
                                            caps_prefix_orgs, clock_prefixes,
                                            unknown_one_word_places,
                                            dateline_entities, extend_names_left, fix_labels,
                                            merge_org_tails, repair_labels, strip_titles,
                                            unify_labels)
from storyline.enrich.runner import Document, component
from storyline.enrich.roles import (add_role, descriptor_roles, drop_title_words,
                                    resolve_role_orgs, role_after, role_appos_before,
                                    role_before, mark_former)
from storyline.rules import entities as R

__all__ = ["ENTITIES", "Mention", "acronym_matches", "doc_text", "find_entities",
           "find_mentions", "is_known_place", "known_places"]


# ---------------------------------------------------------------- step 1
def _raw_mentions(sdoc) -> list[Mention]:
    out: list[Mention] = []
    for ent in sdoc.ents:
        if ent.label_ not in R.ENTITY_LABELS:
            continue
        m = trim(sdoc, Mention(ent.start_char, ent.end_char, ent.label_, ent.start, ent.end))
        if m is not None:
            out.append(m)
    text = doc_text(sdoc)
    # Capitalised runs ending in an organisation head noun.
    extra: list[Mention] = []
    for i in token_indices(sdoc, R.ORG_HEAD_WORDS):
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
            m = set_tokens(sdoc, Mention(mt.start(), mt.end(), label))
            if m is not None:
                extra.append(m)
    for m in extra:
        m.text = text[m.start:m.end]
        clashing = [o for o in out if overlaps(o, m)]
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


# ---------------------------------------------------------------- step 4
def _person_gender(sdoc, ent: EntityDraft) -> str | None:
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


def _group(mentions: list[Mention]) -> list[EntityDraft]:
    entities: list[EntityDraft] = []
    by_key: dict[tuple[str, frozenset], EntityDraft] = {}
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
                best = EntityDraft("PERSON")
                entities.append(best)
            best.mentions.append(m)
            last_seen[id(best)] = m.start
            continue
        if m.label == "GPE" and m.text in R.COUNTRY_ALIASES:
            key = ("GPE", frozenset([R.COUNTRY_ALIASES[m.text]]))
        else:
            lab = "ORG" if m.label in ("ORG", "FAC") else m.label
            key = (lab, norm_key(m.text))
        ent = by_key.get(key)
        if ent is None:
            ent = EntityDraft(m.label)
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


def _merge_acronyms(text: str, entities: list[EntityDraft]) -> list[EntityDraft]:
    """Acronym and long form become one entity: an explicit definition (``acronym_definition``)
    or matching initials."""
    explicit: dict[str, EntityDraft] = {}
    for ent in entities:
        for m in ent.mentions:
            acr = acronym_definition(text, m)
            if acr is not None:
                explicit[acr.replace(".", "")] = ent
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


def find_mentions(sdoc) -> list[Mention]:
    """Corrected entity mentions (steps 1-3), in text order."""
    ms = _raw_mentions(sdoc)
    ms = clock_prefixes(sdoc, ms)
    ms = caps_prefix_orgs(sdoc, ms)
    ms = add_regions(sdoc, ms)
    ms = repair_labels(sdoc, ms)
    ms = dateline_entities(sdoc, ms)
    ms = strip_titles(sdoc, ms)
    ms = extend_names_left(sdoc, ms)
    ms = fix_labels(sdoc, ms)
    unify_labels(ms)
    ms = acronym_mentions(sdoc, ms)
    ms = _add_missed_names(sdoc, ms)
    ms = add_missed_demonyms(sdoc, ms)
    unknown_one_word_places(sdoc, ms)
    return merge_org_tails(sdoc, ms)


def _add_missed_names(sdoc, mentions: list[Mention]) -> list[Mention]:
    """A known person's surname (from a full-name mention) seen again outside any mention is
    that person again: spaCy's small model often misses the bare surname."""
    surnames = {m.text.split()[-1] for m in mentions
                if m.label == "PERSON" and len(m.text.split()) >= 2}
    covered = {t for m in mentions for t in range(m.tstart, m.tend)}
    toks = [sdoc[i] for i in token_indices(sdoc, surnames)]
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
    text = doc_text(sdoc)
    for ent in entities:
        if ent.label != "PERSON":
            continue
        for m in ent.mentions:
            for role in (role_before(sdoc, m, index), role_after(sdoc, m, index),
                         role_appos_before(sdoc, m, index)):
                add_role(ent, mark_former(text, role))
    resolve_role_orgs(doc_text(sdoc), entities)
    descriptor_roles(sdoc, entities, index)
    drop_title_words(entities)
    entities.sort(key=lambda e: min(m.start for m in e.mentions))
    out = []
    for n, ent in enumerate(entities, 1):
        ent.mentions.sort(key=lambda m: m.start)
        name = display_name(ent)
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

"""The events component: meetings, calls, talks, summits, visits, votes... with when/where/who.

One item per event (repeated mentions merged)::

    {"kind", "start", "end" (the evidence sentence), "trigger", "trigger_start", "trigger_end",
     "when", "when_text", "time_id", "when_how", "where", "country_code", "place_geonameid",
     "participants", "participant_ids", "status", "mentions": [...], "how"}

How (word lists in :mod:`storyline.rules.events`; date ranges and merging by date in
:mod:`storyline.enrich.event_dates`, participants in :mod:`storyline.enrich.event_participants`):

1. Triggers: nouns and verbs whose lemma is listed (NOUN_TRIGGERS, VERB_TRIGGERS), minus idioms
   ("a call for calm", "meet expectations", "no talk of"). Stacked nouns ("summit meeting") are
   one trigger of the more specific kind. "spoke by phone with" is a call; scheduled occasions
   ("briefing", "trial", "announcement", "a call for investors") count only with an attached
   time or a schedule verb ("is set for", "will start at").
2. Neighbourhood: the trigger's dependency subtree, plus the attachments of its support verb when
   it is that verb's subject or object ("talks will START in Geneva on 9 January"); clauses that
   belong to another predicate and other triggers' subtrees are cut off, so each member of a
   coordinated list ("followed by a meeting in Brussels two days later and negotiations in Vienna
   on 13 January") keeps its own time and place.
3. Time: the nearest linked time of the neighbourhood, else of the same clause (never one of a
   reporting verb: "told reporters on Friday"); "two days later" is counted from the previous
   dated event of the sentence. Place: a place under a locative preposition ("in Geneva"), the
   object of "visit", or a city compound ("the Geneva talks"); never a time zone ("Washington
   time"); a capitalised name after "in"/"at" ("in the town of Ohrid") that no entity covers
   but the gazetteer knows; the destination of "travel to X for talks". Participants: see
   :mod:`storyline.enrich.event_participants` (never a dateline name or a news agency).
4. Status: the linked date, read as a TIMEX3 range (day, month, week, season, quarter; PAST_REF,
   FUTURE_REF), against the publication date (ends earlier: past, starts later: scheduled); on
   the same day or with no date, explicit future on the event's own predicate ("will start",
   "plans to hold", "may hold") -> scheduled, else its tense, else modifiers ("upcoming",
   "last"); else past. A facility (FAC, or an ORG named like a building) after "at"/"in" is a
   ``where``; its country comes from "<facility> in <city>", a city named in it, or the dateline.
5. Merge: mentions of the same kind whose date, place and participants agree become one event
   (an indefinite "a call" only with the same date); a definite mention with no date, place or
   participant ("during the call") is kept as evidence of the main event of its kind. Mentions
   with nothing linked and nothing to attach to are dropped.
"""
from __future__ import annotations

import itertools
import re

from storyline.enrich.runner import Document, component
from storyline.enrich.event_dates import (best_when, compare, day, relative_when, timex_range,
                                           timex_relation, when_compatible, when_same)
from storyline.enrich.event_participants import participants, support_verb, travel_verb
from storyline.enrich.places import lookup
from storyline.rules import events as R
from storyline.rules.wires import WIRES

__all__ = ["EVENTS", "find_events", "timex_range", "timex_relation"]


def _tokens_of(sdoc, start: int, end: int):
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _same_token(a, b) -> bool:
    return a is not None and b is not None and a.i == b.i


def _verb_ancestor(tok):
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


_FACILITY_LINK = re.compile(R.FACILITY_PLACE_LINK, re.I)
_DATED_LEAD = R.DATED_LEAD_RE
_CLOCK_ONLY = re.compile(R.CLOCK_ONLY_PATTERN)
_AGENCY_NAMES = frozenset(n for name, aliases in WIRES.items() for n in (name, *aliases))


def _locative_head(tok) -> bool:
    """Is ``tok`` the object of "in"/"at", directly or as "in the town of <tok>"?"""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in R.GAZETTEER_WHERE_PREPS:
        return True
    noun = prep.head
    return (prep.lower_ == "of" and noun.lemma_.lower() in R.PLACE_NOUNS and noun.dep_ == "pobj"
            and noun.head.lower_ in R.GAZETTEER_WHERE_PREPS)


def _gazetteer_spans(sdoc, covered) -> list[tuple]:
    """Capitalised names after "in"/"at" that no entity covers but the gazetteer knows by their
    primary name ("will meet in Ohrid"): (start, end, place, None) like resolved places."""
    out = []
    for tok in sdoc:
        if not (tok.pos_ == "PROPN" and tok.text[:1].isupper() and _locative_head(tok)):
            continue
        left = tok.i
        while left > tok.sent.start and sdoc[left - 1].pos_ == "PROPN" \
                and sdoc[left - 1].text[:1].isupper() and sdoc[left - 1].dep_ == "compound":
            left -= 1
        span = sdoc[left:tok.i + 1]
        if any(s < span.end_char and span.start_char < e for s, e in covered):
            continue
        readings = [r for r in lookup(span.text) if not r["alt"] and r["kind"] != "continent"]
        if not readings:
            continue
        best = max(readings, key=lambda r: r.get("population") or 0)
        place = {"name": best["name"], "country_code": best["country_code"],
                 "geonameid": best["geonameid"], "kind": best["kind"], "how": "gazetteer"}
        out.append((span.start_char, span.end_char, place, None))
    return out
_DATELINE = R.DATELINE_PLACE_RE


def _by_sentence(items: list, span_of) -> dict[int, list]:
    """``items`` grouped by the first token of each sentence their span touches, in order.

    >>> # _by_sentence([(t, span)], lambda it: it[1]) -> {span.sent.start: [(t, span)]}
    """
    out: dict[int, list] = {}
    for item in items:
        span = span_of(item)
        for start in dict.fromkeys((span[0].sent.start, span[-1].sent.start)):
            out.setdefault(start, []).append(item)
    return out


def _is_facility(ent: dict) -> bool:
    """An ORG named like a building ("Cambridge Public Library"): a possible ``where``."""
    words = (ent.get("name") or "").split()
    return ent.get("label") == "ORG" and bool(words) and words[-1].lower() in R.FACILITY_HEADS


class _Index:
    """Character spans of entities, places and times, looked up by token."""

    def __init__(self, sdoc, entities, times, places):
        self.sdoc = sdoc
        self.ent_spans = []
        self.by_name: dict[str, dict] = {}
        for ent in entities:
            if ent.get("label") not in R.PARTICIPANT_LABELS:
                continue
            mentions = ent.get("mentions") or [{"start": ent.get("start"), "end": ent.get("end")}]
            for m in mentions:
                if m.get("start") is not None:
                    self.ent_spans.append((m["start"], m["end"], ent))
            names = [ent.get("name") or ""] + list(ent.get("aliases") or ())
            if ent.get("label") == "PERSON" and ent.get("name"):
                names.append(ent["name"].split()[-1])
            for n in names:  # a person's name wins over an ORG/GPE of the same spelling
                if n not in self.by_name or (ent.get("label") == "PERSON"
                                             and self.by_name[n].get("label") != "PERSON"):
                    self.by_name[n] = ent
        self.place_spans = []  # (start, end, place-or-None, entity-or-None)
        for p in places:
            for m in p.get("mentions") or [p]:
                self.place_spans.append((m["start"], m["end"], p, None))
        self.places = places
        for ent in entities:  # unresolved places and facilities still give a "where" name
            if ent.get("label") in ("GPE", "LOC", "FAC") or _is_facility(ent):
                for m in ent.get("mentions") or [ent]:
                    if m.get("start") is None:
                        continue
                    if _is_facility(ent) or ent.get("label") == "FAC":
                        # a facility wins over a place named inside it ("Lyon Public Library")
                        self.place_spans = [ps for ps in self.place_spans if not (
                            m["start"] <= ps[0] and ps[1] <= m["end"] and ps[3] is None
                            and (ps[1] - ps[0]) < (m["end"] - m["start"]))]
                    elif any(s < m["end"] and m["start"] < e for s, e, _p, _e in self.place_spans):
                        continue
                    self.place_spans.append((m["start"], m["end"], None, ent))
        self.times = []
        leads = [m.span() for m in _DATED_LEAD.finditer(sdoc.text)]
        for t in times:
            if t.get("start") is None:
                continue
            if any(s <= t["start"] < e for s, e in leads):
                continue  # "March 14 (Reuters) -": the filing date, not an event's
            span = _tokens_of(sdoc, t["start"], t["end"])
            if span is not None:
                self.times.append((t, span))
        # A place inside a time expression ("11:35 pm in Moscow") names a time zone.
        self.place_spans = [ps for ps in self.place_spans if not any(
            t["start"] <= ps[0] and ps[1] <= t["end"] for t, _span in self.times)]
        covered = [(m["start"], m["end"]) for ent in entities
                   for m in (ent.get("mentions") or [ent]) if m.get("start") is not None]
        self.place_spans += _gazetteer_spans(sdoc, covered + [(t["start"], t["end"])
                                                              for t, _s in self.times])
        self.datelines = R.dateline_lead_spans(sdoc.text)
        # A trigger links only times and places touching its own sentence (its region is part of
        # its sentence's tree), so each lookup scans one sentence's items: linear in the text.
        self.times_by_sent = _by_sentence(self.times, lambda item: item[1])
        self.place_tokens = [(s, e, p, ent, span) for s, e, p, ent in self.place_spans
                             if (span := _tokens_of(sdoc, s, e)) is not None]
        self.places_by_sent = _by_sentence(self.place_tokens, lambda item: item[4])
        self.date_time_starts = {span.start for t, span in self.times
                                 if t.get("type") not in R.NON_DATE_TIME_TYPES}
        self.time_token_ids = {x.i for _t, span in self.times for x in span}

    def times_near(self, tok) -> list:
        """(time, token span) pairs touching ``tok``'s sentence."""
        return self.times_by_sent.get(tok.sent.start, [])

    def places_near(self, tok) -> list:
        """(start, end, place, entity, token span) tuples touching ``tok``'s sentence."""
        return self.places_by_sent.get(tok.sent.start, [])

    def excluded(self, tok, ent) -> bool:
        """Never a participant: a name inside a dateline, or a news agency."""
        if any(s <= tok.idx < e for s, e in self.datelines):
            return True
        return (ent.get("name") or "") in _AGENCY_NAMES

    def facility_location(self, start: int, end: int) -> dict | None:
        """The resolved place a facility mention is in: "the Courthouse in Madison", a place named
        inside it ("the Cambridge Public Library"), else the article's dateline city."""
        text = self.sdoc.text
        mentions = sorted(((m["start"], m["end"], p) for p in self.places
                           for m in p.get("mentions") or [p]), key=lambda x: x[0])
        for s, _e, p in mentions:
            if s >= end and _FACILITY_LINK.fullmatch(text[end:s]):
                return p
        words = set(re.findall(r"\w+", text[start:end].lower()))
        inside = [p for s, e, p in mentions if start <= s and e <= end]
        inside += [p for p in self.places if p.get("kind") in ("city", "admin1") and
                   set(re.findall(r"\w+", (p.get("name") or "").lower())) <= words]
        if inside:
            return inside[0]
        for dm in _DATELINE.finditer(text):
            for s, _e, p in mentions:
                if s == dm.start(1):
                    return p
        return None

    def entity_at(self, tok):
        inside = [e for s, e_, e in self.ent_spans if s <= tok.idx < e_]
        # "Biden-Putin" tagged as one ORG: a token naming a known person wins.
        # A lone surname tagged as something else ("meet Vogel", Vogel as ORG) is that person.
        if tok.text in self.by_name and (not inside or "-" in (inside[0].get("name") or "") or (
                inside[0].get("label") != "PERSON" and inside[0].get("name") == tok.text
                and self.by_name[tok.text].get("label") == "PERSON")):
            return self.by_name[tok.text]
        if inside:
            return inside[0]
        return None


# ---------------------------------------------------------------- triggers

def _is_person_like(tok, index: _Index) -> bool:
    ent = index.entity_at(tok)
    if ent is not None and ent.get("label") in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return tok.lower_ in R.PERSON_NOUNS or tok.pos_ == "PRON"


def _has_schedule(tok, index: _Index) -> bool:
    """Is a time attached to an occasion noun, or is it the subject/object of a schedule verb?"""
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.lemma_.lower() in R.SCHEDULE_VERBS:
        return True
    if tok.dep_ in ("nsubj", "nsubjpass"):  # "the decision is due on Nov. 24"
        for pred in tok.head.children:
            if pred.dep_ in ("acomp", "xcomp", "attr") and pred.lower_ in R.SCHEDULE_PREDICATES:
                region = {x.i for x in pred.subtree} | {
                    x.i for c in tok.head.children if c.dep_ == "prep" for x in c.subtree}
                if any(any(x.i in region for x in span) for t, span in index.times
                       if t.get("type") not in R.NON_DATE_TIME_TYPES):
                    return True
    own = {c.i for c in tok.children if c.dep_ in ("compound", "nmod", "amod")}
    region = {x.i for x in tok.subtree}
    for t, span in index.times:
        if t.get("type") in R.NON_DATE_TIME_TYPES:
            continue
        if any(x.i in region for x in span) and not any(x.i in own for x in span):
            return True
    return False


def _phone_speech_kind(tok) -> str | None:
    """ "spoke by phone with Y", "talked on the phone": a call."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in R.PHONE_SPEECH_VERBS:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in R.PHONE_CHANNEL_PREPS and any(
                p.dep_ == "pobj" and p.lemma_.lower() in R.PHONE_CHANNELS for p in c.children):
            return R.PHONE_SPEECH_VERBS[tok.lemma_.lower()]
    return None


def _trigger_kind(tok, index: _Index) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma in R.SCHEDULED_NOUN_TRIGGERS:
        return R.SCHEDULED_NOUN_TRIGGERS[lemma] if _has_schedule(tok, index) else None
    phone = _phone_speech_kind(tok)
    if phone:
        return phone
    if lemma in R.EXCHANGE_NOUNS and tok.pos_ == "NOUN":
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        mods |= {p.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"}
        return R.EXCHANGE_NOUNS[lemma] if mods & R.CAPTIVE_NOUNS else None
    if tok.pos_ == "NOUN" and lemma in R.NOUN_TRIGGERS:
        if lemma in R.PLURAL_ONLY and tok.tag_ != "NNS":
            return None
        if lemma in R.SINGULAR_ONLY and tok.tag_ == "NNS":
            return None
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        mods |= {t.lower_ for c in tok.children if c.dep_ == "compound" for t in c.subtree}
        if lemma in R.NEEDS_PHONE_MODIFIER and not mods & R.PHONE_MODIFIERS:
            return None
        if lemma == "call":
            if mods & R.CALL_NON_EVENT_MODIFIERS:
                return None
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in R.CALL_NOUN_EXCLUDED_PREPS and not any(
                        p.dep_ == "pobj" and p.lemma_.lower() in R.CALL_AUDIENCE_NOUNS
                        for p in c.children):
                    return None
                if c.dep_ == "prep" and c.lower_ == "to" and not any(
                        _is_person_like(p, index) for p in c.children if p.dep_ == "pobj"):
                    return None
                if c.dep_ in ("acl", "relcl", "xcomp") and any(a.lower_ == "to" and a.dep_ == "aux"
                                                               for a in c.children):
                    return None
        return R.NOUN_TRIGGERS[lemma]
    if tok.pos_ == "VERB" and lemma in R.VERB_TRIGGERS:
        if lemma in R.PASSIVE_NOT_EVENT and (tok.dep_ in R.NAMING_DEPS or any(
                c.dep_ == "auxpass" for c in tok.children)):
            return None
        objs = [c for c in tok.children if c.dep_ in R.OBJECT_DEPS]
        if lemma in R.ANNOUNCE_VERBS and not any(o.lemma_.lower() in R.ANNOUNCEMENT_OBJECTS
                                                 for o in objs):
            return None
        if lemma in R.CAPTIVE_VERBS and not any(
                x.lemma_.lower() in R.CAPTIVE_NOUNS for o in objs for x in o.subtree):
            return None
        if lemma in R.VERBS_NEEDING_PERSON_OBJECT:
            if lemma != "meet" and any(
                    c.lower_ in R.CALL_VERB_EXCLUDED_PREPS and (c.dep_ == "prt" or not objs)
                    for c in tok.children if c.dep_ in ("prt", "prep")):
                return None  # "called off the talks", "called on Russia", not "called X on Monday"
            if lemma != "meet" and any(c.dep_ in R.CALL_VERB_EXCLUDED_DEPS for c in tok.children):
                return None
            if len(objs) > 1:  # "called it a mistake"
                return None
            if lemma == "meet" and objs and not _is_person_like(objs[0], index):
                return None
            if lemma != "meet" and not (objs and _is_person_like(objs[0], index)):
                return None
        return R.VERB_TRIGGERS[lemma]
    return None


def _electorate_kind(tok) -> str | None:
    """ "voters will decide", "residents will choose a mayor": a vote or election."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in R.ELECTORATE_VERBS:
        return None
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in R.ELECTORATE_SUBJECTS for c in tok.children):
        return R.ELECTORATE_VERBS[tok.lemma_.lower()]
    return None


def _round_kind(tok, found: dict[int, str], sdoc) -> str | None:
    """ "the next round would take place in Vienna": the kind of the talks it continues."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in R.ROUND_NOUNS:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None
    if not (tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.lemma_.lower() in R.SUPPORT_VERBS):
        return None
    for i in sorted((j for j in found if tok.i - R.ROUND_CONTEXT_TOKENS <= j < tok.i), reverse=True):
        if found[i] in R.ROUND_KINDS:
            return found[i]
    return None


def _triggers(sdoc, index: _Index) -> dict[int, str]:
    found = {}
    for tok in sdoc:
        kind = _trigger_kind(tok, index)
        if kind:
            found[tok.i] = kind
    for tok in sdoc:
        kind = _electorate_kind(tok)
        if kind and tok.i not in found:
            found[tok.i] = kind
    for tok in sdoc:
        kind = _round_kind(tok, found, sdoc)
        if kind:
            found[tok.i] = kind
    # Stacked nouns: "summit meeting" -> one trigger on the head, the more specific kind.
    for i in sorted(found):
        tok = sdoc[i]
        if tok.dep_ == "compound":
            head = tok.head
            if head.i in found:
                rank = R.KIND_SPECIFICITY.index
                a, b = found[i], found[head.i]
                if a in R.KIND_SPECIFICITY and (b not in R.KIND_SPECIFICITY or rank(a) < rank(b)):
                    found[head.i] = a
            del found[i]  # a noun modifier ("election campaign") is not the event's head
    return found


# ---------------------------------------------------------------- neighbourhood

def _region(tok, triggers: dict[int, str]) -> set[int]:
    support = support_verb(tok)
    roots = [tok] + ([support] if support is not None else [])
    region = {r.i for r in roots}

    def walk(t, parent):
        if t.i in region or (t.i in triggers and t.i != tok.i):
            return
        if t.dep_ not in R.CLAUSE_DEPS and t.dep_ != "conj" and any(
                x.i in triggers and x.i != tok.i for x in t.subtree):
            return  # "as a prelude to the negotiations at the start of the year"
        if t.dep_ in R.CLAUSE_DEPS and not (parent in roots and t.lemma_.lower() in R.SUPPORT_VERBS):
            return
        if t.dep_ in R.CLAUSE_DEPS and any(c.dep_ == "mark" and c.lower_ in R.CONTENT_CLAUSE_MARKERS
                                           for c in t.children):
            return  # "a statement that the next round would take place in Vienna": its content
        if support is not None and parent.i == support.i and (t.dep_ in ("conj", "parataxis", "ccomp") or t.dep_ == "punct"):
            return
        region.add(t.i)
        for c in t.children:
            walk(c, t)

    for r in roots:
        for c in r.children:
            walk(c, r)
    return region


def _sequence_subject(tok) -> bool:
    """ "The talks FOLLOW similar meetings in June": an anaphoric subject of a sequence verb."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in R.SEQUENCE_VERBS


def _clause_verb(tok):
    if _sequence_subject(tok):
        return None  # the clause's times and places belong to the event it follows
    return tok if tok.pos_ in ("VERB", "AUX") else _verb_ancestor(tok.head)


# ---------------------------------------------------------------- linking

def _pick_time(tok, region, index: _Index, taken: set[int]):
    cands = []
    near = index.times_near(tok)
    for t, span in near:
        if t.get("type") in R.NON_DATE_TIME_TYPES or not t.get("value"):
            continue
        if any(x.i in region for x in span):
            cands.append((abs(span.root.i - tok.i), 0 if t.get("type") == "DATE" else 1, t, span, "attached"))
    if not cands:
        verb = _clause_verb(tok)
        if verb is not None and verb.lemma_.lower() not in R.REPORTING_VERBS:
            for t, span in near:
                if t.get("type") in R.NON_DATE_TIME_TYPES or not t.get("value"):
                    continue
                if any(x.i in taken for x in span):
                    continue
                if _same_token(_verb_ancestor(span.root), verb) and span.root.sent == tok.sent:
                    cands.append((abs(span.root.i - tok.i), 0 if t.get("type") == "DATE" else 1,
                                  t, span, "same clause"))
    if not cands:
        return None
    cands.sort(key=lambda c: (c[0], c[1]))
    return cands[0]


def _place_ok(root, tok, kind, place) -> bool:
    """Is a place whose head token is ``root`` the event's location?"""
    if root.dep_ == "pobj":
        prep = root.head.lower_
        if prep in R.SCHEDULE_PLACE_PREPS and place is not None:  # "pencilled in for Geneva"
            verb = root.head.head
            return verb.lemma_.lower() in R.SCHEDULE_PLACE_VERBS or verb.lower_ in R.SCHEDULE_PLACE_VERBS
        return (prep in R.LOCATIVE_PREPS or (kind in R.VISIT_KINDS and prep in R.VISIT_PREPS)
                or _locative_head(root))
    if root.dep_ == "dobj" and kind in R.VISIT_KINDS and root.head.i == tok.i:
        return True
    if root.dep_ == "compound" and root.head.i == tok.i and place is not None:
        return place.get("kind") in R.WHERE_COMPOUND_KINDS
    if (root.dep_ == "compound" and tok.pos_ == "VERB" and place is not None
            and root.head.dep_ in R.SUBJECT_COMPOUND_WHERE_DEPS and root.head.head.i == tok.i):
        return place.get("kind") in R.WHERE_COMPOUND_KINDS  # "a Hamburg court sentenced"
    return False


def _under_topic(root, tok, index) -> bool:
    """Is the place ``root`` inside a topic phrase of the trigger ("talks on the situation in
    Mali")? A time after the preposition ("on Dec. 3 in Muscat") is no topic."""
    nxt = root.right_edge.i + 1
    if nxt < len(root.doc) and root.doc[nxt].lower_ in R.PLACE_BEFORE_DATE_PREPS and (
            nxt in index.date_time_starts or nxt + 1 in index.date_time_starts):
        return False  # "talks on a framework for Ukraine in Brussels on 14 November"
    cur = root
    for _ in range(8):
        if cur.i == tok.i or cur.head.i == cur.i:
            return False
        if cur.i != root.i and cur.dep_ == "pobj" and cur.head.lower_ in R.TOPIC_PREPS \
                and cur.i not in index.time_token_ids:
            return True
        cur = cur.head
    return False


def _pick_place(tok, kind, region, index: _Index, taken: set[int]):
    sdoc = index.sdoc
    cands = []
    near = index.places_near(tok)
    for s, e, place, ent, span in near:
        if not any(x.i in region for x in span):
            continue
        nxt = sdoc[span.end] if span.end < len(sdoc) else None
        if nxt is not None and nxt.lower_ in R.TIME_ZONE_WORDS:
            continue
        if _place_ok(span.root, tok, kind, place) and not _under_topic(span.root, tok, index):
            cands.append((abs(span.root.i - tok.i), 0 if place else 1, place, ent, span))
    travel = travel_verb(tok) if not cands else None
    if travel is not None:  # "will travel to Berlin next week for talks"
        for s, e, place, ent, span in near:
            if any(x.i in taken for x in span):
                continue
            root = span.root
            if root.dep_ == "pobj" and root.head.lower_ in R.TRAVEL_DESTINATION_PREPS \
                    and root.head.head.i == travel.i:
                cands.append((abs(root.i - tok.i), 0 if place else 1, place, ent, span))
    if not cands:
        verb = _clause_verb(tok)
        if verb is not None and verb.lemma_.lower() not in R.REPORTING_VERBS:
            for s, e, place, ent, span in near:
                if span.root.sent != tok.sent or any(x.i in taken for x in span):
                    continue
                nxt = sdoc[span.end] if span.end < len(sdoc) else None
                if nxt is not None and nxt.lower_ in R.TIME_ZONE_WORDS:
                    continue
                if _same_token(_verb_ancestor(span.root), verb) and span.root.dep_ == "pobj" \
                        and (span.root.head.lower_ in R.LOCATIVE_PREPS
                             or (place is not None and span.root.head.lower_ in R.SCHEDULE_PLACE_PREPS
                                 and _place_ok(span.root, tok, kind, place))) \
                        and not _under_topic(span.root, tok, index):
                    cands.append((abs(span.root.i - tok.i), 0 if place else 1, place, ent, span))
    if not cands:
        return None
    cands.sort(key=lambda c: (c[0], c[1]))
    return cands[0]


# ---------------------------------------------------------------- status

def _verb_status(v):
    aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    if v.tag_ == "VBN" and aux & R.PERFECT_AUX:  # "would have met", "may have met"
        return "past"
    if aux & R.FUTURE_AUX or aux & R.POSSIBILITY_AUX:
        return "scheduled"
    if v.tag_ == "VBD" or (v.tag_ == "VBN" and aux & {"has", "have", "had", "was", "were"}):
        return "past"
    if v.tag_ == "VBG" and aux & {"is", "are", "am", "'s", "'re"}:
        return "ongoing"
    if v.tag_ in ("VBZ", "VBP") and v.lemma_.lower() in R.ONGOING_VERBS:
        return "ongoing"
    if v.tag_ == "MD":
        return "scheduled" if v.lower_ in R.FUTURE_AUX | R.POSSIBILITY_AUX else None
    return None


def _modality(tok) -> tuple[str | None, bool]:
    """(status from tense/modality, whether it comes from the event's own predicate)."""
    own = True
    cur = tok
    for _ in range(R.STATUS_CLIMB_MAX):
        if cur.pos_ in ("VERB", "AUX"):
            if cur.dep_ == "xcomp" and (cur.head.lemma_.lower() in R.FUTURE_GOVERNORS
                                        or cur.head.lower_ in R.FUTURE_GOVERNORS):
                return "scheduled", own
            st = _verb_status(cur)
            if st:
                return st, own
        if cur.dep_ not in R.STATUS_CLIMB_DEPS or cur.head.i == cur.i:
            break
        if cur.dep_ == "pobj" and cur.head.dep_ != "agent":
            own = False
        cur = cur.head
    return None, own


def _before_present(tok) -> bool:
    """ "The meeting comes two weeks BEFORE a NATO summit", "ahead of the summit": the object of
    "before" under a present or future verb is a later event, so scheduled."""
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is None:
        return False
    if prep.lower_ == "of" and prep.head.lower_ in R.BEFORE_PREPS:
        prep = prep.head
    if prep.lower_ not in R.BEFORE_PREPS:
        return False
    verb = _verb_ancestor(prep.head)
    if verb is None:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ in ("VBZ", "VBP") or bool(aux & R.FUTURE_AUX)


_DURATION = re.compile(R.BEFORE_DURATION_PATTERN)


def _before_when(m: dict, earlier: list[dict], index: _Index) -> None:
    """ "The meeting [dated] comes two weeks before a summit": the summit's day is the anchor's
    day plus the duration. With no dated anchor or no duration, the mention stays undated."""
    from datetime import timedelta
    from storyline.enrich.event_dates import day as _day
    tok = m["tok"]
    verb = _verb_ancestor(tok.head)
    same_sentence = itertools.takewhile(lambda e: e["sent"] == m["sent"], reversed(earlier))
    anchor = next((e for e in same_sentence if e["when"] and _day(e["when"]["value"])
                   and e["tok"].head.i == verb.i), None)
    if anchor is None:
        return
    for t, span in index.times_near(tok):
        dm = _DURATION.match(t.get("value") or "")
        if t.get("type") == "DURATION" and dm and span.root.sent == tok.sent \
                and verb.i <= span.start < tok.i:
            days = int(dm["n"]) * R.DURATION_UNIT_DAYS[dm["unit"]]
            try:
                new = _day(anchor["when"]["value"]) + timedelta(days=days)
            except OverflowError:  # past year 9999: the mention stays undated
                return
            m["when"] = {"value": new.isoformat(), "text": t.get("text") or span.text,
                         "id": t.get("id"), "type": "DATE",
                         "how": f"{t.get('text')!r} after {anchor['when']['text']!r}"}
            return


def _modifier_status(tok) -> str | None:
    words = {c.lower_ for c in tok.children if c.dep_ in ("amod", "advmod", "npadvmod", "compound")}
    words |= {g.lower_ for c in tok.children if c.dep_ == "npadvmod" for g in c.children}
    if words & R.FUTURE_MODIFIERS:
        return "scheduled"
    if words & R.PAST_MODIFIERS:
        return "past"
    if words & R.ONGOING_MODIFIERS:
        return "ongoing"
    return None


def _status(mentions: list[dict], when, published) -> str:
    own = [m["modality"] for m in mentions if m["modality"] and m["own"]]
    by_date = compare(when, published)
    if by_date:
        return by_date
    if "scheduled" in own:
        return "scheduled"
    if mentions and mentions[0]["kind"] in R.OWN_STATUS_ONLY_KINDS:
        return own[0] if own else "past"
    for source in (own, [m["modifier"] for m in mentions if m["modifier"]],
                   [m["modality"] for m in mentions if m["modality"]]):
        if source:
            return source[0]
    return "past"


# ---------------------------------------------------------------- merging

def _agreement(ev: dict, m: dict) -> int | None:
    """How well mention ``m`` fits event ``ev`` (None: incompatible)."""
    if ev["kind"] != m["kind"]:
        return None
    if m.get("tense"):  # a scheduled call and a past call are two calls
        tenses = ev["tenses"] | {m["tense"]}
        if any(pair <= tenses for pair in R.CONFLICTING_STATUSES):
            return None
    clock = _clock_only(m)
    whens = ev["distinct_whens"].values()
    if not clock and not any(when_compatible(w, m["when"]) for w in whens) \
            and ev["whens"] and m["when"]:
        return None
    if ev["places"] and m["place"] and m["place"]["name"] not in ev["place_names"]:
        return None
    ids = ev["part_ids"]
    mids = {p.get("id") or p.get("name") for p in m["parts"]}
    if ids and mids and not ids & mids and not m.get("anaphoric"):
        return None
    score = 0
    if m["when"] and any(when_same(w, m["when"]) for w in whens):
        score += 2
    elif clock and ev["whens"]:
        score += 1
    elif not m["definite"]:
        return None  # "a call" with no matching date is a new call
    if m["place"] and ev["places"]:
        score += 1
    score += len(ids & mids)
    return score


def _own_tense(m: dict, published) -> str | None:
    """A mention's own status: by its date against publication, else its own predicate's tense
    or modality ("would hold", "is scheduled" -> scheduled; "spoke" -> past), else None."""
    if m["when"]:
        by_date = compare(m["when"]["value"], published)
        if by_date:
            return by_date
    if m["own"] and m["modality"] in ("past", "scheduled"):
        return m["modality"]
    return None


def _clock_only(m: dict) -> bool:
    """A definite mention whose only time is a clock time ("The meeting will start at 9 a.m.")."""
    return bool(m["when"] and m["definite"] and m["when"].get("type") == "TIME"
                and _CLOCK_ONLY.match(m["when"]["text"] or ""))


# ---------------------------------------------------------------- main

def _framed(tok, kind) -> bool:
    """ "The ministry SAID in a statement": a statement with a speaker, even one no entity names."""
    if kind not in R.FRAMED_KINDS or tok.dep_ != "pobj" or tok.head.lower_ not in R.PARTICIPANT_FRAME_PREPS:
        return False
    verb = tok.head.head
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in verb.children)


def find_events(sdoc, entities: list[dict], times: list[dict], places: list[dict], *,
                published=None) -> list[dict]:
    """Find the events of one parsed article; see the module docstring for the rules."""
    if sdoc is None:
        return []
    index = _Index(sdoc, entities, times, places)
    triggers = _triggers(sdoc, index)
    by_sent: dict[int, list[int]] = {}
    for j in triggers:
        by_sent.setdefault(sdoc[j].sent.start, []).append(j)
    mentions = []
    for i in sorted(triggers):
        tok, kind = sdoc[i], triggers[i]
        region = {x.i for x in tok.subtree} if _sequence_subject(tok) else _region(tok, triggers)
        taken = set()
        for j in by_sent[tok.sent.start]:
            if j != i:
                taken |= {x.i for x in sdoc[j].subtree}
        t = _pick_time(tok, region, index, taken)
        p = _pick_place(tok, kind, region, index, taken)
        parts = participants(tok, kind, index, p[4] if p else None, triggers)
        modality, own = _modality(tok)
        if _before_present(tok):
            modality, own = "scheduled", True
        when = None
        if t:
            tdict, span = t[2], t[3]
            when = {"value": tdict["value"], "text": tdict.get("text") or span.text,
                    "id": tdict.get("id"), "type": tdict.get("type"), "how": t[4]}
        place = None
        if p:
            pl, ent, span = p[2], p[3], p[4]
            place = {"name": pl["name"] if pl else (ent.get("name") or span.text),
                     "country_code": pl.get("country_code") if pl else None,
                     "geonameid": pl.get("geonameid") if pl else None}
            if pl is None:  # a facility or unresolved name: locate it from context
                loc = index.facility_location(span.start_char, span.end_char)
                if loc is not None:
                    place["country_code"] = loc.get("country_code")
        dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
        definite = tok.pos_ == "VERB" or not (dets & R.INDEFINITE_DETERMINERS)
        sent = tok.sent
        s_text = sent.text
        s_start = sent.start_char + (len(s_text) - len(s_text.lstrip()))
        s_end = sent.end_char - (len(s_text) - len(s_text.rstrip()))
        m = {"kind": kind, "tok": tok, "sent": (sent.start, sent.end), "start": s_start,
             "end": max(s_start, s_end), "when": when, "place": place, "parts": parts,
             "modality": modality, "own": own, "modifier": _modifier_status(tok),
             "definite": definite, "framed": _framed(tok, kind),
             "anaphoric": bool(dets & R.ANAPHORIC_DETERMINERS) and not when and not place}
        relative_when(m, mentions, sdoc)
        if not when and _before_present(tok):
            _before_when(m, mentions, index)
        m["tense"] = _own_tense(m, published)
        mentions.append(m)

    events: list[dict] = []
    of_kind: dict[str, list[int]] = {}  # kind -> indexes into events
    loose = []
    for m in mentions:
        anchored = m["when"] or m["place"] or m["parts"] or m["framed"]
        if not anchored:
            if m["definite"]:
                loose.append(m)
            continue
        fits = [(a, -len(events[k]["mentions"]), k) for k in of_kind.get(m["kind"], ())
                if (a := _agreement(events[k], m)) is not None]
        if fits and _clock_only(m):  # the nearest earlier event of its kind, a dated one first
            ev = events[max(fits, key=lambda f: (any(
                day(w["value"]) and w.get("type") == "DATE"
                for w in events[f[2]]["distinct_whens"].values()), f[2]))[2]]
        elif fits:
            ev = events[max(fits, key=lambda f: (f[0], f[1] * -1, -f[2]))[2]]
        else:
            ev = {"kind": m["kind"], "mentions": [], "whens": [], "places": [], "parts": [],
                  # what _agreement compares, kept as sets so a merge costs the same however
                  # many mentions the event already has
                  "tenses": set(), "distinct_whens": {}, "place_names": set(), "part_ids": set()}
            of_kind.setdefault(m["kind"], []).append(len(events))
            events.append(ev)
        ev["mentions"].append(m)
        if m.get("tense"):
            ev["tenses"].add(m["tense"])
        if m["when"]:
            ev["whens"].append(m["when"])
            ev["distinct_whens"].setdefault((m["when"]["value"], m["when"].get("type")), m["when"])
        if m["place"]:
            ev["places"].append(m["place"])
            ev["place_names"].add(m["place"]["name"])
        for part in m["parts"]:
            if (part.get("id") or part.get("name")) not in ev["part_ids"]:
                ev["parts"].append(part)
                ev["part_ids"].add(part.get("id") or part.get("name"))
    for m in loose:
        same = [ev for ev in events if ev["kind"] == m["kind"]]
        if same:
            max(same, key=lambda ev: len(ev["mentions"]))["mentions"].append(m)
    return [_event_item(ev, published) for ev in sorted(events, key=lambda e: e["mentions"][0]["tok"].i)]


def _event_item(ev: dict, published) -> dict:
    mentions = sorted(ev["mentions"], key=lambda m: m["tok"].i)
    when = best_when(ev["whens"])
    lead = next((m for m in mentions if m["when"] is when), None) if when else None
    lead = lead or next(m for m in mentions if m["when"] or m["place"] or m["parts"] or m["framed"])
    tok = lead["tok"]
    place = ev["places"][0] if ev["places"] else None
    how = [f"trigger {tok.lemma_!r} ({tok.pos_.lower()})"]
    if when:
        how.append(f"time {when['how']}")
    if place:
        how.append("place linked")
    return {
        "kind": ev["kind"], "start": lead["start"], "end": lead["end"],
        "trigger": tok.text, "trigger_start": tok.idx, "trigger_end": tok.idx + len(tok.text),
        "when": when["value"] if when else None, "when_text": when["text"] if when else None,
        "time_id": when["id"] if when else None, "when_how": when["how"] if when else None,
        "where": place["name"] if place else None,
        "country_code": place["country_code"] if place else None,
        "place_geonameid": place["geonameid"] if place else None,
        "participants": [p.get("name") for p in ev["parts"]],
        "participant_ids": [p.get("id") for p in ev["parts"]],
        "status": _status(mentions, when["value"] if when else None, published),
        "mentions": [{"start": m["start"], "end": m["end"], "trigger": m["tok"].text,
                      "trigger_start": m["tok"].idx,
                      "trigger_end": m["tok"].idx + len(m["tok"].text)} for m in mentions],
        "how": "; ".join(how),
    }


@component("events", requires=("spacy", "entities", "times", "places"), assigns=("events",))
def EVENTS(doc: Document) -> Document:
    doc.events = find_events(doc.spacy, doc.entities, doc.times, doc.places,
                             published=doc.published)
    return doc

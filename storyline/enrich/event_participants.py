"""Who takes part in an event: the participant rules of :mod:`storyline.enrich.events`.

From a trigger token: subjects and objects of a trigger verb (every member of a coordinated
object list that names a person, however the parser attached it), "with/between/among"
objects, compounds and possessives of a trigger noun ("US-Russia talks"), the subject and the
"by" agent of its support verb ("the meeting will be hosted by X"), the subject of "said in a
statement", the traveller of "will travel to X for talks". Group nouns give their members ("the
leaders of Serbia and Kosovo"); "the two leaders" stands for the last two people named together.
Never a participant: a name inside a dateline, a news agency, a ministry inside a person's
title ("Defence Minister X"). Word lists in :mod:`storyline.rules.events`.
"""
from __future__ import annotations

from storyline.rules import events as R

__all__ = ["participants", "support_verb", "travel_verb"]


def support_verb(tok):
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in R.ROUND_NOUNS:
        tok = tok.head.head  # "will hold their 12th round of negotiations": the round's verb
    if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") \
            and tok.head.pos_ in ("VERB", "AUX") and tok.head.lemma_.lower() in R.SUPPORT_VERBS:
        return tok.head
    return None


def _with_conjuncts(tok):
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("conj", "appos"):
            out.extend(_with_conjuncts(c))
    return out


def travel_verb(tok):
    """The movement verb of "will travel to Tokyo for talks" when ``tok`` is its purpose."""
    if not (tok.dep_ == "pobj" and tok.head.lower_ in R.TRAVEL_PURPOSE_PREPS):
        return None
    cur = tok.head  # "travel to Tokyo on 15 May for talks": "for" may hang on "May"
    for _ in range(R.TRAVEL_CLIMB_MAX):
        if cur.dep_ not in ("prep", "pobj") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ == "VERB":
            return cur if cur.lemma_.lower() in R.TRAVEL_VERBS else None
    return None


def _subjects(verb) -> list:
    """The subjects of ``verb``, or of its controller ("O'Neill is expected to travel")."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [x for s in subj for x in _with_conjuncts(s)]


def _group_members(t) -> list:
    """ "the leaders of Serbia and Kosovo", "Japan and Australia leaders": X and Y."""
    if t.lemma_.lower() not in R.GROUP_NOUNS and t.lower_ not in R.PERSON_NOUNS:
        return []
    out = []
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in R.GROUP_OF_PREPS:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(_with_conjuncts(p))
        if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN":
            out.extend(_with_conjuncts(c))
    return out


def _is_group_pair(t) -> bool:
    """ "the two leaders", "both ministers": a plural group noun with a number word."""
    return (t.lemma_.lower() in R.GROUP_NOUNS and t.tag_ == "NNS"
            and any(c.lower_ in R.GROUP_NUMBER_WORDS for c in t.children
                    if c.dep_ in ("nummod", "det", "predet", "quantmod")))


def _pair_before(t, index) -> list[dict]:
    """The last two people named together before ``t`` (two PERSON entities joined by "and"
    before the main verb of a sentence), within GROUP_LOOKBACK_SENTENCES sentences."""
    sdoc = t.doc
    sents = [s for s in sdoc.sents if s.start <= t.i][-(R.GROUP_LOOKBACK_SENTENCES + 1):]
    for s in reversed(sents):
        stop = min(s.root.i, t.i)
        people, first = [], {}
        for x in sdoc[s.start:stop]:
            ent = index.entity_at(x)
            if ent is not None and ent.get("label") == "PERSON" and not index.excluded(x, ent):
                key = ent.get("id") or ent.get("name")
                if key not in first:
                    first[key] = x.i
                    people.append(ent)
        if len(people) == 2:
            a, b = sorted(first.values())
            if any(x.lower_ == "and" for x in sdoc[a:b]):
                return people
    return []


def _title_of_person(t, index) -> bool:
    """Is ``t`` a compound inside a person's name phrase ("Defence" in "Defence Minister X")?"""
    cur = t
    for _ in range(R.TITLE_CLIMB_MAX):
        if cur.dep_ != "compound" or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.i == t.i:
        return False
    ent = index.entity_at(cur)
    return ent is not None and ent.get("label") == "PERSON"


def participants(tok, kind, index, where_span, triggers) -> list[dict]:
    toks, persons_only, pair = [], [], []
    if tok.pos_ == "VERB":
        if tok.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            # "The Senate is expected to vote": the controller's subject
            toks.extend(c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass"))
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ in R.OBJECT_DEPS and kind != "visit"):
                toks.extend(_with_conjuncts(c))
            if c.dep_ in R.OBJECT_DEPS and kind != "visit":
                # "meet Vogel and Finance Minister Thomas Engel", however the list is parsed
                persons_only.extend(c.subtree)
            if c.dep_ == "prep" and (c.lower_ in ("with", "between", "among") or (
                    c.lower_ in R.SPEECH_PARTNER_PREPS and tok.lemma_.lower() in R.PHONE_SPEECH_VERBS)):
                for p in c.children:
                    if p.dep_ == "pobj":
                        toks.extend(_with_conjuncts(p))
                        persons_only.extend(p.subtree)
    else:
        for left in tok.lefts:
            if left.dep_ in ("compound", "amod", "nmod", "poss"):
                toks.extend(left.subtree)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in R.PARTICIPANT_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj":
                        for q in _with_conjuncts(p):
                            toks.append(q)
                            toks.extend(x for x in q.lefts if x.dep_ in ("compound",))
            if c.dep_ == "relcl":
                toks.extend(s for s in c.children if s.dep_ == "nsubj" and s.tag_ not in ("WDT", "WP"))
        support = support_verb(tok)
        if support is not None:
            for c in support.children:
                if c.dep_ == "nsubj" and c.i != tok.i:
                    toks.extend(_with_conjuncts(c))
                if c.dep_ == "agent":  # "the meeting will be hosted by Borrell"
                    toks.extend(x for p in c.children if p.dep_ == "pobj" for x in _with_conjuncts(p))
        if tok.dep_ == "pobj" and tok.head.lower_ in R.PARTICIPANT_FRAME_PREPS \
                and tok.head.head.pos_ in ("VERB", "AUX"):
            for c in tok.head.head.children:
                if c.dep_ == "nsubj":
                    toks.extend(_with_conjuncts(c))
        travel = travel_verb(tok)
        if travel is not None:  # "O'Neill will travel to Tokyo for talks"
            toks.extend(_subjects(travel))
    for t in list(toks):
        toks.extend(_group_members(t))
        if _is_group_pair(t) and not pair:
            pair = _pair_before(t, index)
    where = {x.i for x in where_span} if where_span is not None else set()
    out, seen = [], set()
    cands = [(t, False) for t in toks] + [(t, True) for t in persons_only]
    for t, person in cands:
        if t.i in where or t.i in triggers:
            continue
        ent = index.entity_at(t)
        if ent is None or index.excluded(t, ent):
            continue
        if person and ent.get("label") != "PERSON":
            continue
        if ent.get("label") != "PERSON" and _title_of_person(t, index):
            continue  # "Defence Minister Yuki Morita": the ministry is the person's title
        key = ent.get("id") or ent.get("name")
        if key in seen:
            continue
        seen.add(key)
        out.append(ent)
    for ent in pair:
        key = ent.get("id") or ent.get("name")
        if key not in seen:
            seen.add(key)
            out.append(ent)
    return out

"""Roles of people: the role phrase before a name, appositions after and before it, titles,
short organisations resolved, descriptors ("Russia's President"). Step 5-6 of
:mod:`storyline.enrich.entities`; data in :mod:`storyline.rules.entities`."""
from __future__ import annotations

from storyline.enrich.entity_base import (Mention, display_name, EntityDraft, org_name,
                                          doc_text)
from storyline.rules import entities as R


def _org_before(sdoc, index: dict[int, Mention], t: int) -> Mention | None:
    """The entity mention ending right before token ``t`` (an "'s" may sit between)."""
    if t - 1 >= 0 and sdoc[t - 1].lower_ in ("'s", "’s"):
        t -= 1
    m = index.get(t - 1)
    if m is not None and m.tend == t and m.label in ("ORG", "GPE", "NORP", "FAC", "LOC"):
        return m
    return None


def role_before(sdoc, m: Mention, index: dict[int, Mention]) -> dict | None:
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
            org = org_name(org_m) if org_m else implied
            return {"role": span.text, "org": org,
                    "start": org_m.start if org_m else span.start_char, "end": span.end_char}
    if sdoc[head].lower_ not in R.ROLE_HEADS or head in index:
        return None
    role = _role_phrase(sdoc, head, index)
    if role["org"] is None:
        # "Deputy Governor Anna Breman of the Riksbank": the organisation after the name
        k = m.tend
        if k < len(sdoc) and sdoc[k].lower_ in R.ROLE_ORG_PREPS:
            k += 1
            if k < len(sdoc) and sdoc[k].lower_ == "the":
                k += 1
            org_m = index.get(k)
            if org_m is not None and org_m.tstart == k and org_m.label in ("ORG", "GPE"):
                role["org"] = org_name(org_m)
    return role


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
    if org_m is not None and org_m.tend == j + 1 and (
            org_m.text in R.PORTFOLIO_WORDS or org_m.label in R.BEAT_LABELS
            or org_m.label == "GPE" and sdoc[head].lower_ in R.BEAT_ROLE_HEADS):
        # "Finance Minister", "North America editor": the portfolio or beat is part of the
        # role; the organisation, if any, comes before it ("the BBC's North America editor")
        start = org_m.tstart
        # "Chief Cabinet Secretary": role words before the portfolio belong to the role too
        while start > 0 and start - 1 not in index and (
                sdoc[start - 1].lower_ in R.ROLE_HEADS
                or sdoc[start - 1].lower_ in R.ROLE_RANK_WORDS) \
                and sdoc[start - 1].text[:1].isupper():
            start -= 1
        span = sdoc[start:head + 1]
        org_m = _org_before(sdoc, index, start)
    if org_m is not None:
        return {"role": span.text, "org": org_name(org_m), "start": org_m.start,
                "end": span.end_char}
    if org_word is not None:
        return {"role": span.text, "org": org_word.text, "start": org_word.idx,
                "end": span.end_char}
    generic = _generic_possessor(sdoc, j + 1)
    if generic is not None:
        ref = sdoc[j if sdoc[j].lower_ == generic else j - 1].idx
        return {"role": span.text, "org": generic, "start": ref, "end": span.end_char,
                "org_ref": ref}
    return {"role": span.text, "org": None, "start": span.start_char, "end": span.end_char}


def _generic_possessor(sdoc, t: int) -> str | None:
    """"the group's" right before token ``t``: a marker that the organisation is the last one
    named before (filled in by ``_resolve_generic_orgs``)."""
    if t >= 2 and sdoc[t - 1].lower_ in ("'s", "’s") \
            and sdoc[t - 2].lower_ in R.GENERIC_ORG_POSSESSORS:
        return sdoc[t - 2].lower_
    if t >= 1 and sdoc[t - 1].lower_ in R.ORG_POSSESSIVE_PRONOUNS:
        return sdoc[t - 1].lower_  # "Its chief Kerstin Adler": the organisation just named
    return None


def appos_role_head(sdoc, m: Mention, index=None):
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


def role_appos_before(sdoc, m: Mention, index: dict[int, Mention]) -> dict | None:
    """A role in apposition before the name: "The mayor of Paris, Texas, Dwayne Hollister,",
    "A spokesperson for the Association of Freight Carriers, Lydia Moreau,", "Hungary's chief
    negotiator, Gergely Farkasházi,". The name hangs off the role noun (or off the object of
    its "of"/"for") in the parse; the organisation is that object, up to the comma."""
    found = appos_role_head(sdoc, m, index)
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
    org = org_name(ment) if ment is not None and ment.tstart == a and ment.tend == b \
        else span.text
    return {"role": f"{role['role']}", "org": org, "start": role["start"], "end": span.end_char}


def role_after(sdoc, m: Mention, index: dict[int, Mention]) -> dict | None:
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
    if org_m is None:
        end = _portfolio_end(sdoc, end, index)
    span = sdoc[role_start:end]
    if generic is not None:
        return {"role": span.text, "org": generic, "start": sdoc[start_k].idx,
                "end": span.end_char, "org_ref": sdoc[start_k].idx}
    return {"role": span.text, "org": org_name(org_m) if org_m else None,
            "start": sdoc[start_k].idx, "end": span.end_char}


def _portfolio_end(sdoc, end: int, index: dict[int, Mention]) -> int:
    """The end of a role's portfolio after the role noun ending at ``end`` ("the minister
    *of trade*", "head *of foreign affairs and trade*"): an "of"/"for" then lower-case
    common nouns and adjectives closed by a noun, no entity and no article among them;
    ``end`` itself when there is none."""
    if end >= len(sdoc) or sdoc[end].lower_ not in R.ROLE_PORTFOLIO_PREPS:
        return end
    k, last_noun = end + 1, None
    while k < len(sdoc) and k - end <= R.ROLE_PORTFOLIO_MAX_TOKENS:
        t = sdoc[k]
        if k in index or not t.text.islower():
            break
        if t.pos_ == "NOUN":
            last_noun = k
        elif not (t.pos_ == "ADJ" or t.lower_ in R.ROLE_PORTFOLIO_JOINERS):
            break
        k += 1
    if last_noun is None or k < len(sdoc) and sdoc[k].text[:1].isalnum() \
            and not sdoc[k].is_punct and sdoc[k].pos_ not in ("VERB", "AUX", "ADP", "CCONJ"):
        return end
    return last_noun + 1


def mark_former(text: str, role: dict | None) -> dict | None:
    """A role held no longer keeps the word: "Former Defense Secretary Robert Gates" and
    "ex-Treasury Secretary" give "former Defense Secretary", "former Treasury Secretary"
    (``FORMER_ROLE_PREFIX``, one spelling); the role's start moves onto the word.

    >>> mark_former("Former Defense Secretary Robert Gates",
    ...             {"role": "Defense Secretary", "org": None, "start": 7, "end": 24})["role"]
    'former Defense Secretary'
    """
    if role is None:
        return None
    inner = R.FORMER_ROLE_RE.match(role["role"])
    if inner is not None:
        role["role"] = R.FORMER_ROLE_PREFIX + role["role"][inner.end():]
        return role
    before = R.FORMER_BEFORE_RE.search(text, max(0, role["start"] - 12), role["start"])
    if before is not None and not text[before.end():role["start"]].strip():
        role["role"] = R.FORMER_ROLE_PREFIX + role["role"]
        role["start"] = before.start()
    return role


def add_role(ent: EntityDraft, role: dict | None) -> None:
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


def resolve_role_orgs(text: str, entities: list[EntityDraft]) -> None:
    """Organisations written short in a role: "the group's treasurer" is the last
    organisation named before it; a one-word "Council" or "Commission" is the full name of
    the organisation ending with that word ("Madison City Council"), the latest one before;
    an acronym of an organisation named in full shows the full name."""
    orgs = sorted(((m.start, ent) for ent in entities if ent.label == "ORG"
                   for m in ent.mentions), key=lambda x: x[0])
    # an acronym the article defines or spells out shows its long name ("SN" -> the
    # Confederation of Swedish Enterprise)
    long_names = {a: display_name(e) for e in entities if e.label == "ORG"
                  for a in e.acronyms}
    for ent in entities:
        for r in ent.roles:
            if r["org"] in long_names and long_names[r["org"]] != r["org"]:
                r["org"] = long_names[r["org"]]
                continue
            ref = r.pop("org_ref", None)
            if ref is not None:
                noun = r["org"]
                before = [(p, e) for p, e in orgs if ref - R.GENERIC_ORG_REACH <= p < ref]
                if noun in R.ORG_POSSESSIVE_PRONOUNS:
                    # "A group representing the laborers said ... its lawyer": "its" is the
                    # unnamed group met after the last named organisation, not that one
                    base = max(0, ref - R.GENERIC_ORG_REACH)
                    unnamed = [mt.start() + base for mt in
                               R.UNNAMED_ORG_RE.finditer(text[base:ref])]
                    if unnamed and (not before or unnamed[-1] > before[-1][0]):
                        before = []
                # prefer the organisation introduced with that noun ("a group of residents,
                # Taxpayers for Fair Ballots," ... "the group's treasurer")
                named = [e for p, e in before if noun in text[max(0, p - 40):p].lower()]
                pick = (named or [e for _, e in before] or [None])[-1]
                r["org"] = display_name(pick) if pick is not None else None
            elif r["org"] and " " not in r["org"]:
                longer = [e for p, e in orgs if p < r["start"] and display_name(e).endswith(
                    " " + r["org"])]
                if longer:
                    r["org"] = display_name(longer[-1])


# ---------------------------------------------------------------- step 6
def descriptor_roles(sdoc, entities: list[EntityDraft], index: dict[int, Mention]) -> None:
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
        org = org_name(m)
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


def drop_title_words(entities: list[EntityDraft]) -> None:
    """A mention inside a person's role phrase is a title word ("State" in "Secretary of
    State"), not an entity of its own, unless it is that role's organisation."""
    spans = [(r["start"], r["end"], r["org"]) for e in entities for r in e.roles]
    for ent in list(entities):
        if ent.label == "PERSON":
            continue
        ent.mentions = [m for m in ent.mentions if not any(
            s <= m.start and m.end <= e and org_name(m) not in _org_parts(org)
            for s, e, org in spans)]
        if not ent.mentions:
            entities.remove(ent)

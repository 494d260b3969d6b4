"""Quotation marks and reporting cues: steps 1 and 2 of :mod:`storyline.enrich.quotes`.

``quote_spans`` pairs the quotation marks of a text; ``find_cues`` finds every reporting verb,
stance verb, statement noun and "according to" with its speaker token and reported content:

* reporting verbs (``REPORTING_VERBS``): the clausal complement, or for ", X said." the whole
  sentence before the comma (after a colon in it);
* stance verbs (``STANCE_VERBS``: "called for", "wants to", "cited"): their object or
  infinitive;
* statement nouns with an owner and a "that" clause ("the community's finding that ...").
Data in :mod:`storyline.rules.quotes`.

>>> [("“We stay,” he said."[q.start:q.end]) for q in quote_spans("“We stay,” he said.")]
['We stay,']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.enrich.entities import doc_text
from storyline.rules import quotes as R


@dataclass
class QuoteSpan:
    open: int  # index of the opening mark
    start: int  # content start
    end: int  # content end
    close: int  # index just after the closing mark
    chain: int | None = None  # parts of one quote running over paragraphs share this value


@dataclass
class Cue:
    verb: int  # token index of the cue word
    cue_start: int
    cue_end: int
    subject: int | None  # token index of the subject's head
    content: tuple[int, int] | None
    used: bool = False


# ---------------------------------------------------------------- 1. quotation marks
def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _mark_kind(text: str, pos: int, mark: str) -> str:
    if mark in R.OPEN_MARKS:
        return "open"
    if mark in R.CLOSE_MARKS:
        return "close"
    before = text[pos - 1] if pos > 0 else "\n"
    return "open" if before in R.OPENING_CONTEXT else "close"


def _merge_doubled(marks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A mark typed twice ("““We have the votes”", '""We have') is one mark: touching marks
    merge into the first one when it opens or both are of one kind (a straight mark after an
    opening one reads as a closing one and would leave an empty quotation); a closing mark
    touching an opening one ("”“") stays two."""
    out: list[tuple[int, int, str]] = []
    for ms, me, kind in marks:
        if out and out[-1][1] == ms and (out[-1][2] == "open" or out[-1][2] == kind):
            out[-1] = (out[-1][0], me, out[-1][2])
        else:
            out.append((ms, me, kind))
    return out


def quote_spans(text: str) -> list[QuoteSpan]:
    """Paired quotations in ``text``; unbalanced marks cost only their own quote.

    A quote running over paragraphs (no closing mark at a paragraph's end, the next one
    opening with a mark) gives one span per paragraph, linked by ``chain``: a paragraph break
    never lies inside a quote's text."""
    paras = paragraphs(text)
    out: list[QuoteSpan] = []
    pending: tuple[int, int] | None = None  # (mark index, content start) carried over
    parts: list[QuoteSpan] = []  # earlier paragraphs' parts of the quote carried over
    for pi, (ps, pe) in enumerate(paras):
        marks = _merge_doubled([(m.start(), m.end(), _mark_kind(text, m.start(), m.group()))
                                for m in R.QUOTE_MARK_RE.finditer(text, ps, pe)])
        is_open = None
        if pending is not None:
            # a carried-over quote continues only if this paragraph opens with a mark
            if marks and marks[0][0] == ps + len(text[ps:pe]) - len(text[ps:pe].lstrip()) \
                    and marks[0][2] == "open":
                is_open = marks[0][:2]
                marks = marks[1:]
            else:
                parts = []  # never closed: the whole quote is dropped
        pending = None
        for ms, me, kind in marks:
            if kind == "open":
                is_open = (ms, me)  # an earlier unclosed mark is dropped
                parts = []
            elif is_open is not None:
                q = QuoteSpan(is_open[0], is_open[1], ms, me)
                if parts:
                    for x in (*parts, q):
                        x.chain = parts[0].open
                    out.extend(parts)
                    parts = []
                out.append(q)
                is_open = None
        if is_open is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt is not None and text[nxt[0]:nxt[1]].lstrip()[:1] in ("“", '"', "«", "„") \
                    or nxt is not None and text[nxt[0]:nxt[1]].lstrip()[:2] in ("''", "``"):
                pending = is_open
                end = ps + len(text[ps:pe].rstrip())
                parts.append(QuoteSpan(is_open[0], is_open[1], end, end))
            else:
                parts = []
    out.sort(key=lambda q: q.open)
    return [q for q in out if text[q.start:q.end].strip()]


# ---------------------------------------------------------------- 2. cues
def quoted_tokens(sdoc, quotes: list[QuoteSpan]) -> frozenset[int]:
    out: set[int] = set()
    for q in quotes:
        span = sdoc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return frozenset(out)


def _para_bounds(sdoc, i: int) -> tuple[int, int]:
    """Character bounds of the paragraph holding token ``i`` (the parser sometimes runs a
    sentence over a paragraph break; a cue never reaches across one)."""
    text = doc_text(sdoc)
    pos = sdoc[i].idx
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def _strip_span(sdoc, a: int, b: int, anchor: int | None = None) -> tuple[int, int] | None:
    """Token range [a, b) as a char span without leading 'that'/punctuation or trailing
    punctuation, cut to the paragraph of token ``anchor``."""
    if anchor is not None:
        ps, pe = _para_bounds(sdoc, anchor)
        while a < b and sdoc[a].idx < ps:
            a += 1
        while b > a and sdoc[b - 1].idx >= pe:
            b -= 1
    while a < b and (sdoc[a].lower_ in R.CONTENT_STRIP_LEADING or sdoc[a].is_punct
                     and sdoc[a].text not in ("“", '"', "``")):
        a += 1
    while b > a and sdoc[b - 1].is_punct and sdoc[b - 1].text not in ("”", '"', "''"):
        b -= 1
    if b - a < R.MIN_CONTENT_TOKENS:
        return None
    return sdoc[a].idx, sdoc[b - 1].idx + len(sdoc[b - 1].text)


def _after_quote(verb) -> bool:
    """The verb, or its subject before it, follows a closing quotation mark (a comma may sit
    between): "“...,” said X", "“...?” Beck questioned"."""
    sdoc = verb.doc
    closing = R.CLOSE_MARKS + R.AMBIGUOUS_MARKS
    first = min([verb.i] + [c.left_edge.i for c in verb.children
                            if c.dep_ in R.SUBJECT_DEPS and c.i < verb.i])
    return first >= 1 and (sdoc[first - 1].text in closing or first >= 2 and sdoc[
        first - 1].is_punct and sdoc[first - 2].text in closing)


def cue_subject(verb, quoted=frozenset(), outside: bool | None = None) -> int | None:
    """Token index of the cue's speaker: its subject (not one inside a quotation when the verb
    is outside it); the inverted subject of "..., said James Acton"; the antecedent of a
    relative "who said"; the subject of the verb a conjunct or participle cue hangs off."""
    if outside is None:
        outside = verb.i not in quoted
    ps, pe = _para_bounds(verb.doc, verb.i)
    dl = R.dateline_match(doc_text(verb.doc), ps)
    if dl is not None:
        ps = dl.end()  # "BELGRADE, Serbia (AP) — ...": the dateline place is nobody's subject
    for c in verb.children:
        if c.dep_ in R.SUBJECT_DEPS and not (outside and c.i in quoted) and ps <= c.idx < pe:
            return c.i
    sdoc = verb.doc
    if outside and verb.tag_ != "VBG" and _after_quote(verb):  # "saying it" inverts nothing
        for c in verb.rights:
            if c.dep_ in R.INVERTED_SUBJECT_DEPS and c.pos_ in ("PROPN", "NOUN", "PRON") \
                    and c.i not in quoted and c.i - verb.i <= R.INVERTED_SUBJECT_REACH \
                    and c.idx < pe:
                return c.i  # "“...,” said James Acton"
        # the parser hung the name elsewhere: the first name after the verb, its head word
        for k in range(verb.i + 1, min(len(sdoc), verb.i + 1 + R.INVERTED_SUBJECT_REACH)):
            t = sdoc[k]
            if t.pos_ == "PROPN" and t.idx < pe:
                while t.dep_ == "compound" and t.head.i > t.i and t.head.pos_ == "PROPN":
                    t = t.head
                return t.i
            if t.pos_ not in ("DET", "ADJ", "PROPN", "NOUN"):
                break
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return cue_subject(verb.head, quoted, outside)
    if verb.dep_ == "xcomp" and verb.tag_ == "VB" and verb.head.pos_ in ("VERB", "AUX") \
            and verb.head.i < verb.i:
        return cue_subject(verb.head, quoted, outside)  # "plans to discuss": the planner
    if verb.dep_ in R.PARTICIPLE_CUE_DEPS and verb.tag_ == "VBG" and verb.head.i < verb.i:
        return cue_subject(verb.head, quoted, outside)  # "Biden spoke on Friday, saying ..."
    return None


def _content_of_verb(sdoc, verb) -> tuple[int, int] | None:
    """The reported clause of a cue verb: its clausal complement; for ", X said." the whole
    sentence before the comma (the complement the parser found there may be only one clause
    of it: "The sanctions came amid the finding that Russia ..., X said")."""
    sent = verb.sent
    left = min([verb.i] + [t.i for c in verb.children if c.dep_ in R.SUBJECT_DEPS
                           for t in c.subtree])
    comma = left - 1  # ", X said" (a closing mark may stand between: ",” she said")
    while comma > sent.start and sdoc[comma].text in R.CLOSE_MARKS + R.AMBIGUOUS_MARKS + ("’",):
        comma -= 1
    tail = comma > sent.start and sdoc[comma].text == ","
    for c in verb.children:
        if c.dep_ == "ccomp" or (c.dep_ == "parataxis" and c.i < verb.i) or (
                c.dep_ == "xcomp" and verb.lemma_.lower() in R.XCOMP_VERBS) or (
                c.dep_ == "dobj" and sdoc[c.left_edge.i].text in R.OPEN_MARKS + R.AMBIGUOUS_MARKS):
            a, b = c.left_edge.i, c.right_edge.i + 1
            if a <= verb.i < b:
                continue
            if tail and b <= left:
                break  # the complement lies in the sentence before ", X said": take it all
            if b <= verb.i:
                a = _after_last_colon(sdoc, a, b)
            return _strip_span(sdoc, a, b, verb.i)
    if tail:  # ", X said." tail: the sentence before the comma that precedes the cue clause
        return _strip_span(sdoc, _after_last_colon(sdoc, sent.start, comma), comma, verb.i)
    return None


def _stance_content(sdoc, verb) -> tuple[int, int] | None:
    """What a stance verb (``STANCE_VERBS``) attributes: from its opening complement (object,
    infinitive, "for"/"to" object) to the end of the complements that follow it ("called the
    charges unsubstantiated", "cited the remarks as examples of ..."); a comma, a conjunction
    or another clause ends it. None when the verb has no such complement."""
    opening = R.STANCE_VERBS[verb.lemma_.lower()]
    needs = R.STANCE_NEEDS_PREDICATE.get(verb.lemma_.lower())
    start = end = None
    for c in verb.rights:
        if start is not None and needs and c.dep_ in needs:
            needs = None  # the characterisation is there
        if start is None:
            kind = f"prep:{c.lower_}" if c.dep_ == "prep" else c.dep_
            if kind in opening:
                if c.dep_ == "prep":
                    objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                    if not objs:
                        return None
                    start = objs[0].left_edge.i
                    needs = None
                else:
                    start = c.left_edge.i
                end = c.right_edge.i + 1
            elif c.dep_ not in ("prt", "advmod", "npadvmod"):
                return None  # something else comes first: not this reading of the verb
            continue
        if c.dep_ in R.STANCE_CONTENT_DEPS and sdoc[c.left_edge.i - 1].text != ",":
            end = c.right_edge.i + 1
        else:
            break
    if start is None or needs:
        return None
    return _strip_span(sdoc, start, end, verb.i)


def stance_only(sdoc, cue: Cue) -> bool:
    """The cue is a stance verb (``STANCE_VERBS``) and no reporting verb."""
    lemma = sdoc[cue.verb].lemma_.lower()
    return lemma in R.STANCE_VERBS and lemma not in R.REPORTING_VERBS


def _after_last_colon(sdoc, a: int, b: int) -> int:
    """Where reported words before their cue start: after the last colon of tokens [a, b)
    ("X scolded him: “...,” she said"), else at ``a``."""
    colons = [t.i for t in sdoc[a:b] if t.text == R.INTRODUCING_COLON]
    return colons[-1] + 1 if colons else a


def _that_clause(verb) -> bool:
    """The verb governs a clause opened by "that" ("He added that a similar exchange ...")."""
    return any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ in R.THAT_MARKS
                                         for g in c.children) for c in verb.children)


def _stated_clause(sdoc, verb) -> tuple[int, int] | None:
    """The "that" clause of "expressed his hope that ...", "voiced concern that ...": the
    verb's object is a noun for a stated view (``STATEMENT_NOUNS``) and the clause hangs off
    the verb or the noun. None otherwise."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in R.STATEMENT_NOUNS]
    if not objs:
        return None
    for head in (objs[0], verb):
        for c in head.children:
            if c.dep_ in ("ccomp", "acl") and c.i > objs[0].i and any(
                    g.dep_ == "mark" and g.lower_ in R.THAT_MARKS for g in c.children):
                return _strip_span(sdoc, c.left_edge.i, c.right_edge.i + 1, verb.i)
    return None


def _cue_extent(sdoc, verb) -> tuple[int, int]:
    """The cue words: the verb, its particle, "in a statement", "told reporters"."""
    a = b = verb.i
    for c in verb.children:
        if c.dep_ in ("prt",) and c.i == b + 1:
            b = c.i
        elif c.dep_ in ("dative", "dobj") and c.i == b + 1 and c.pos_ in ("NOUN", "PRON"):
            b = c.i
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in" and c.i == b + 1:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and objs[0].lemma_ in R.CUE_MEDIUM_NOUNS:
                b = objs[0].i
    return sdoc[a].idx, sdoc[b].idx + len(sdoc[b].text)


@lru_cache(maxsize=1)
def _cue_hashes() -> frozenset[int]:
    from spacy.strings import hash_string

    words = {*R.REPORTING_VERBS, *R.QUOTE_ONLY_VERBS, *R.QUOTE_ONLY_PARTICLE_VERBS,
             *R.QUOTE_ONLY_OBJECT_VERBS, *R.EXPRESSION_VERBS, R.ACCORDING_TO[0],
             *R.STATEMENT_CUE_NOUNS, *R.STANCE_VERBS}
    return frozenset(hash_string(w) for w in words | {w.capitalize() for w in words})


def _cue_candidates(sdoc):
    """Tokens whose lemma or lower form can start a cue, found on the Doc's arrays (building
    a Python Token for every word cost more than the rest of the quote search)."""
    from spacy.attrs import LEMMA, LOWER

    wanted = _cue_hashes()
    for i, (lemma, lower) in enumerate(sdoc.to_array([LEMMA, LOWER]).tolist()):
        if lemma in wanted or lower in wanted:
            yield sdoc[i]


def _noun_cue(sdoc, noun, quoted: frozenset[int]) -> Cue | None:
    """"the intelligence community's finding that Russia interfered": a statement noun
    (``STATEMENT_CUE_NOUNS``) with a possessor, the source, and a "that" clause, the content;
    None otherwise ("the finding" alone, "a report on ...")."""
    if noun.lemma_.lower() not in R.STATEMENT_CUE_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.i not in quoted), None)
    clause = next((c for c in noun.children if c.dep_ in R.NOUN_CLAUSE_DEPS and c.i > noun.i
                   and any(g.dep_ == "mark" and g.lower_ in R.THAT_MARKS for g in c.children)),
                  None)
    if owner is None or clause is None:
        return None
    content = _strip_span(sdoc, clause.left_edge.i, clause.right_edge.i + 1, noun.i)
    if content is None:
        return None
    return Cue(noun.i, noun.idx, noun.idx + len(noun.text), owner.i, content)


def find_cues(sdoc, quotes: list[QuoteSpan] = ()) -> list[Cue]:
    """Every reporting verb with a speaker, and every "according to X"; ``quotes`` (the
    quotations of the text) keep a word inside a quotation from being an outside verb's
    subject."""
    quoted = quoted_tokens(sdoc, quotes)
    cues: list[Cue] = []
    for tok in _cue_candidates(sdoc):
        if tok.lower_ == R.ACCORDING_TO[0] and tok.i + 2 < len(sdoc) \
                and sdoc[tok.i + 1].lower_ == R.ACCORDING_TO[1]:
            to = sdoc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            subj = objs[0].i if objs else tok.i + 2
            sent = tok.sent
            phrase_end = max(t.i for t in sdoc[subj].subtree) + 1 if objs else tok.i + 3
            if tok.i - 1 > sent.start and sdoc[tok.i - 1].text == ",":
                content = _strip_span(sdoc, sent.start, tok.i - 1, tok.i)
            else:
                content = _strip_span(sdoc, phrase_end, sent.end, tok.i)
            cues.append(Cue(tok.i, tok.idx, to.idx + len(to.text), subj, content))
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN":
            noun_cue = _noun_cue(sdoc, tok, quoted)
            if noun_cue is not None:
                cues.append(noun_cue)
            continue
        if lemma in R.QUOTE_ONLY_PARTICLE_VERBS and any(
                c.dep_ in ("prt", "advmod") and c.lower_ == R.QUOTE_ONLY_PARTICLE_VERBS[lemma]
                for c in tok.children):
            lemma = "continue"  # "fired back", "went on": a quote-only cue
        if lemma in R.QUOTE_ONLY_OBJECT_VERBS and any(
                c.dep_ == "dobj" and c.lower_ == R.QUOTE_ONLY_OBJECT_VERBS[lemma]
                for c in tok.children):
            lemma = "continue"  # "as he put it"
        if lemma in R.EXPRESSION_VERBS and tok.pos_ == "VERB":
            stated = _stated_clause(sdoc, tok)
            subj = cue_subject(tok, quoted) if stated is not None else None
            if subj is not None:  # "expressed his strong hope that ..."
                cs, ce = _cue_extent(sdoc, tok)
                cues.append(Cue(tok.i, cs, ce, subj, stated))
            continue
        if tok.pos_ not in ("VERB", "AUX") or (lemma not in R.REPORTING_VERBS
                                               and lemma not in R.QUOTE_ONLY_VERBS
                                               and lemma not in R.STANCE_VERBS):
            continue
        if tok.dep_ in ("amod", "acl", "relcl") and tok.tag_ == "VBN":
            continue  # "the said agreement", "a reported deal"
        subj = cue_subject(tok, quoted)
        if subj is None:
            continue
        if lemma in R.QUOTE_ONLY_VERBS and not _that_clause(tok):
            # a cue for an adjacent quotation only ("He added that ..." reports all the same)
            cs, ce = _cue_extent(sdoc, tok)
            cues.append(Cue(tok.i, cs, ce, subj, None))
            continue
        content = _content_of_verb(sdoc, tok) if lemma in R.REPORTING_VERBS \
            or lemma in R.QUOTE_ONLY_VERBS else None
        if content is None and lemma in R.STANCE_VERBS:
            content = _stance_content(sdoc, tok)
            if content is None and lemma not in R.REPORTING_VERBS:
                continue
        if tok.lemma_.lower() in R.CLAUSE_ONLY_VERBS and content is None \
                and not _after_quote(tok):
            continue  # ("“...,” read the statement" is a cue all the same)
        if content is not None and R.ANONYMITY_CONTENT_RE.match(
                doc_text(sdoc)[content[0]:content[1]]):
            continue  # "who asked not to be named": a request for anonymity, no statement
        cs, ce = _cue_extent(sdoc, tok)
        cues.append(Cue(tok.i, cs, ce, subj, content))
    return cues

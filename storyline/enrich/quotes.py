"""Quotes: direct quotations, partial (quoted fragments) and indirect (reported speech).

How a quote is found (data in :mod:`storyline.rules.quotes`):

1. ``quote_spans``  pair quotation marks per paragraph: curly, straight (opening or closing
                    decided by the character before it), doubled (``''``/``````). A quote left
                    open runs on only when the next paragraph opens with a mark (the newsroom
                    convention for a quote over several paragraphs); otherwise that one quote is
                    dropped, never the document. ``is_title`` sets aside show and book titles
                    ("on NBC's “Meet the Press”").
2. ``find_cues``    every reporting verb (``REPORTING_VERBS``) with a subject, and every
                    "according to X", with its content: the verb's clausal complement, or the
                    sentence before ", X said", or the sentence around "according to X"; never
                    across a paragraph break. ``QUOTE_ONLY_VERBS`` ("barked", "fired back", "as
                    he put it") are cues for an adjacent quotation only. The subject is never a
                    word inside a quotation when the verb is outside it; "“...,” said X" takes
                    the inverted subject.
3. attribution      a. a quotation that is a cue's whole reported clause is *direct* (opening
                       its sentence) or *partial*; one lying mostly inside a larger clause is
                       *partial*. Nested cues: the innermost one that reports words
                       (``_holder``).
                    b. a cue right after the quotation in its sentence (the sentence ends at
                       the closing mark when the quotation ends with a full stop; "Mr." ends no
                       sentence), else right before it; a colon line "X was clear: “...”" or a
                       transcript line "Bush: “...”" gives the subject before the colon.
                    c. a fragment under a verb of characterising ("called it a “paperwork
                       error”", ``FRAGMENT_VERBS``) is *partial*, of that verb's subject.
                    d. a full quoted sentence with no cue continues the latest speaker of its
                       paragraph (a direct quote's first), else of the paragraph before.
                    Cues not used by a quotation give *indirect* quotes.
4. speakers         :mod:`storyline.enrich.speakers` (``Resolver``): an entity mention gives
                    the entity; "he"/"she" the latest person of that gender; "who said" the
                    noun the clause hangs off; "the official" the latest source so described;
                    "the nominee, Donald Trump," the person in apposition.

Speed: cue candidates and name look-ups read spaCy's token arrays instead of building a
Python ``Token`` per word; the rules cost a few ms per article beside a parse of hundreds.
"""
from __future__ import annotations

import bisect

import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.enrich.entities import doc_text
from storyline.enrich.pipeline import Document, component
from storyline.enrich.speakers import Resolver, Speaker, speaker_like
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
        marks = [(m.start(), m.end(), _mark_kind(text, m.start(), m.group()))
                 for m in R.QUOTE_MARK_RE.finditer(text, ps, pe)]
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
def _quoted_tokens(sdoc, quotes: list[QuoteSpan]) -> frozenset[int]:
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
    """The verb follows a closing quotation mark (a comma may sit between)."""
    sdoc = verb.doc
    closing = R.CLOSE_MARKS + R.AMBIGUOUS_MARKS
    return verb.i >= 1 and (sdoc[verb.i - 1].text in closing or verb.i >= 2 and sdoc[
        verb.i - 1].is_punct and sdoc[verb.i - 2].text in closing)


def _subject(verb, quoted=frozenset(), outside: bool | None = None) -> int | None:
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
    if outside and _after_quote(verb):
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
        return _subject(verb.head, quoted, outside)
    if verb.dep_ in R.PARTICIPLE_CUE_DEPS and verb.tag_ == "VBG" and verb.head.i < verb.i:
        return _subject(verb.head, quoted, outside)  # "Biden spoke on Friday, saying ..."
    return None


def _content_of_verb(sdoc, verb) -> tuple[int, int] | None:
    sent = verb.sent
    for c in verb.children:
        if c.dep_ == "ccomp" or (c.dep_ == "parataxis" and c.i < verb.i) or (
                c.dep_ == "xcomp" and verb.lemma_.lower() in R.XCOMP_VERBS) or (
                c.dep_ == "dobj" and sdoc[c.left_edge.i].text in R.OPEN_MARKS + R.AMBIGUOUS_MARKS):
            a, b = c.left_edge.i, c.right_edge.i + 1
            if a <= verb.i < b:
                continue
            return _strip_span(sdoc, a, b, verb.i)
    # ", X said." tail: the sentence before the comma that precedes the cue clause
    left = min([verb.i] + [t.i for c in verb.children if c.dep_ in R.SUBJECT_DEPS
                           for t in c.subtree])
    if left - 1 > sent.start and sdoc[left - 1].text == ",":
        return _strip_span(sdoc, sent.start, left - 1, verb.i)
    return None


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
             *R.QUOTE_ONLY_OBJECT_VERBS, *R.EXPRESSION_VERBS, R.ACCORDING_TO[0]}
    return frozenset(hash_string(w) for w in words | {w.capitalize() for w in words})


def _cue_candidates(sdoc):
    """Tokens whose lemma or lower form can start a cue, found on the Doc's arrays (building
    a Python Token for every word cost more than the rest of the quote search)."""
    from spacy.attrs import LEMMA, LOWER

    wanted = _cue_hashes()
    for i, (lemma, lower) in enumerate(sdoc.to_array([LEMMA, LOWER]).tolist()):
        if lemma in wanted or lower in wanted:
            yield sdoc[i]


def find_cues(sdoc, quotes: list[QuoteSpan] = ()) -> list[Cue]:
    """Every reporting verb with a speaker, and every "according to X"; ``quotes`` (the
    quotations of the text) keep a word inside a quotation from being an outside verb's
    subject."""
    quoted = _quoted_tokens(sdoc, quotes)
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
            subj = _subject(tok, quoted) if stated is not None else None
            if subj is not None:  # "expressed his strong hope that ..."
                cs, ce = _cue_extent(sdoc, tok)
                cues.append(Cue(tok.i, cs, ce, subj, stated))
            continue
        if tok.pos_ not in ("VERB", "AUX") or (lemma not in R.REPORTING_VERBS
                                               and lemma not in R.QUOTE_ONLY_VERBS):
            continue
        if tok.dep_ in ("amod", "acl", "relcl") and tok.tag_ == "VBN":
            continue  # "the said agreement", "a reported deal"
        subj = _subject(tok, quoted)
        if subj is None:
            continue
        if lemma in R.QUOTE_ONLY_VERBS and not _that_clause(tok):
            # a cue for an adjacent quotation only ("He added that ..." reports all the same)
            cs, ce = _cue_extent(sdoc, tok)
            cues.append(Cue(tok.i, cs, ce, subj, None))
            continue
        content = _content_of_verb(sdoc, tok)
        if tok.lemma_.lower() in R.CLAUSE_ONLY_VERBS and content is None \
                and not _after_quote(tok):
            continue  # ("“...,” read the statement" is a cue all the same)
        if content is not None and R.ANONYMITY_CONTENT_RE.match(
                doc_text(sdoc)[content[0]:content[1]]):
            continue  # "who asked not to be named": a request for anonymity, no statement
        cs, ce = _cue_extent(sdoc, tok)
        cues.append(Cue(tok.i, cs, ce, subj, content))
    return cues


# ---------------------------------------------------------------- 3. attribution
def _item(kind: str, text: str, span: tuple[int, int], cue: Cue | None, sp: Speaker,
          group: int) -> dict:
    """One quote. ``group``: items with the same value are one attribution (a quote broken by
    its cue, or continued over paragraphs without a new cue)."""
    return {"group": group, "kind": kind, "text": text[span[0]:span[1]],
            "start": span[0], "end": span[1],
            "cue": text[cue.cue_start:cue.cue_end] if cue else None,
            "cue_start": cue.cue_start if cue else None, "cue_end": cue.cue_end if cue else None,
            "speaker": sp.name, "speaker_id": sp.entity_id,
            "speaker_start": sp.start, "speaker_end": sp.end}


_SENT_END = re.compile(r"[.!?](?=\s|$)")


def _sentence_ends(text: str, a: int, b: int) -> list[int]:
    """Ends (index after the mark) of sentences in ``text[a:b]``; the full stop of an
    abbreviation ("Mr.", "Sen.") or an initial ("James B. Comey") ends none."""
    out = []
    for m in _SENT_END.finditer(text, a, b):
        if m.group() == ".":
            w = re.search(r"([\w.]+)\.$", text[max(a, m.start() - 12):m.end()])
            word = w.group(1) if w else ""
            if word.lower() in R.ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
        out.append(m.end())
    return out


def _region_cue(cues: list[Cue], sdoc, a: int, b: int, quotes: list[QuoteSpan]) -> Cue | None:
    inside = [c for c in cues if a <= c.cue_start < b
              and not any(q.open <= c.cue_start < q.close for q in quotes)]
    return min(inside, key=lambda c: abs(c.cue_start - a)) if inside else None


def is_title(text: str, q: QuoteSpan) -> bool:
    """A quoted name of a show, book or slogan, not words someone said: every word of it is
    capitalised (small function words aside) and it follows a possessive or a preposition
    ("on NBC's “Meet the Press”", "author of “Hacked World Order”")."""
    words = re.findall(r"[\w'’*-]+", text[q.start:q.end])
    if not words or len(words) > R.MAX_TITLE_WORDS:
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in R.TITLE_SMALL_WORDS
               for w in words) or not words[0][0].isupper():
        return False
    return bool(R.TITLE_CONTEXT_BEFORE.search(text[max(0, q.open - 30):q.open]))


def _holder(sdoc, holders: list[tuple[int, Cue]]) -> Cue:
    """The cue a quotation inside nested reported speech belongs to: the innermost one whose
    verb reports words; a belief ("A said B believes “...”") quotes the outer speaker."""
    ranked = sorted(holders, key=lambda x: x[0])
    for _, c in ranked:
        if sdoc[c.verb].lemma_.lower() not in R.CLAUSE_ONLY_VERBS:
            return c
    return ranked[-1][1]


def _fragment_speaker(sdoc, q: QuoteSpan, quoted: frozenset[int]):
    """(verb, subject token index) for a quoted fragment: the nearest verb above the
    quotation in the parse, when it is a verb of saying or characterising, and its subject."""
    span = sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    tops = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    if not tops:
        return None
    tok = tops[0].head
    for _ in range(R.FRAGMENT_MAX_HOPS):
        if tok.i in quoted:
            return None
        if tok.pos_ in ("VERB", "AUX"):
            lemma = tok.lemma_.lower()
            if lemma in R.FRAGMENT_VERBS or lemma in R.REPORTING_VERBS:
                subj = _subject(tok, quoted)
                return (tok, subj) if subj is not None else None
            if tok.dep_ not in R.FRAGMENT_PASS_DEPS:
                return None  # a finite clause of its own: its verb says nothing
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def find_quotes(sdoc, entities: list[dict]) -> list[dict]:
    """Direct, partial and indirect quotes of ``sdoc``; see the module docstring."""
    text = doc_text(sdoc)
    quotes = quote_spans(text)
    # a cue inside someone's quotation ("I think ...") is part of that quote, not a new one
    all_cues = find_cues(sdoc, quotes)
    cues = [c for c in all_cues if not any(q.start <= c.cue_start < q.end for q in quotes)]
    # a quoted verb phrase ("had “expressed his strong hope” that ..."): the cue verb lies in
    # the quotation, its subject and its reported clause outside it
    phrase_cues = {id(q): c for q in quotes for c in all_cues
                   if q.start <= c.cue_start < q.end and c.content is not None
                   and c.content[0] >= q.close and c.subject is not None
                   and not q.start <= sdoc[c.subject].idx < q.end}
    cues += list(phrase_cues.values())
    res = Resolver(sdoc, entities)
    paras = paragraphs(text)

    para_starts = [s for s, _e in paras]

    def para_of(pos: int) -> int:  # paragraphs are in text order: a binary search
        i = bisect.bisect_right(para_starts, pos) - 1
        return i if i >= 0 and pos < paras[i][1] else -1

    cue_speaker: dict[int, Speaker] = {}

    def speaker_of(c: Cue) -> Speaker:
        if c.verb not in cue_speaker:
            sp = res.speaker(c.subject, c.content)
            cue_speaker[c.verb] = sp
            res.remember(sp.start, sp)
        return cue_speaker[c.verb]

    # first pass: speakers of all cues in order (so pronouns see earlier speakers)
    for c in sorted(cues, key=lambda c: c.cue_start):
        speaker_of(c)

    quoted = _quoted_tokens(sdoc, quotes)

    def starts_sentence_of(ps: int, q: QuoteSpan) -> bool:
        return not text[ps:q.open].strip() or bool(R.SENTENCE_BEFORE_RE.search(text[ps:q.open]))

    out: list[dict] = []
    # attributions so far, for quotes with no cue of their own:
    # (position, first paragraph, last paragraph, speaker, cue or None, group or None)
    events: list[tuple[int, int, int, Speaker, Cue | None, int | None]] = [
        (c.cue_start, para_of(c.cue_start), para_of(c.cue_start), cue_speaker[c.verb], c, None)
        for c in cues]
    for q in quotes:
        if is_title(text, q):
            continue
        pi = para_of(q.open)
        ps, pe = paras[pi] if pi >= 0 else (0, len(text))
        qtext = text[q.start:q.end]
        later = [x.open for x in quotes if x.open >= q.close] + [pe]
        ends = _sentence_ends(text, q.close, min(later))
        tail_end = ends[0] if ends else min(later)
        if qtext.rstrip()[-1:] in R.CLOSED_QUOTE_END:
            tail_end = q.close  # “... over.” The next words start a new sentence
        earlier = [x.close for x in quotes if x.close <= q.open] + [ps]
        lead_start = max(earlier)
        ends = _sentence_ends(text, lead_start, q.open)
        if ends:
            lead_start = ends[-1]
        lead = text[lead_start:q.open].strip()
        lead_cue = _region_cue(cues, sdoc, lead_start, q.open, quotes)
        # prose before the quote that is not its cue makes it a fragment ("says that “...”")
        opens_sentence = (not lead or lead[-1] in R.QUOTE_LEAD_PUNCT
                          or lead_cue is not None and lead.endswith(
                              text[lead_cue.cue_start:lead_cue.cue_end]))
        # a. the quote lies in a cue's content
        holders = [c for c in cues if c.content and c.content[0] <= q.end
                   and q.start <= c.content[1] and not (q.open <= c.cue_start < q.close)]
        cue, kind = None, None
        # the quote is the whole reported clause of a cue, else a fragment of one; nested
        # cues: see _holder
        whole, part = [], []
        for c in holders:
            size = c.content[1] - c.content[0]
            outside = size - (min(c.content[1], q.close) - max(c.content[0], q.open))
            inside = min(c.content[1], q.end) - max(c.content[0], q.start)
            if outside <= R.DIRECT_OUTSIDE_SHARE * size + 2:
                whole.append((size, c))
            elif c.content[0] <= q.open and inside >= R.PARTIAL_INSIDE_SHARE * (q.end - q.start):
                part.append((size, c))
        if whole:
            cue = _holder(sdoc, whole)
            kind = "direct" if opens_sentence else "partial"
            cue.used = True  # the reported clause is this quotation: no indirect copy of it
        elif part:
            cue, kind = _holder(sdoc, part), "partial"
        # b. a cue right after the quote, else right before it
        if cue is None:
            cue = _region_cue(cues, sdoc, q.close, tail_end, quotes) or lead_cue
            if cue is not None:
                sentence_like = (len(qtext.split()) >= R.MIN_DIRECT_WORDS
                                 or qtext.rstrip()[-1:] in ".,!?")
                # a cue before the quote introduces it only when nothing but a colon or
                # comma lies between ("said: “...”"); "said that X wanted talks “by May”"
                # quotes a fragment of reported speech
                introduced = lead_cue is not None and text[lead_cue.cue_end:q.open].strip() \
                    in R.LEAD_CUE_GLUE
                kind = "direct" if sentence_like and (opens_sentence or introduced) \
                    else "partial"
        # b2. "X was conclusive in its findings: “...”": a colon introduces the quotation of
        #     the subject of the clause before it
        if cue is None and lead.endswith(R.INTRODUCING_COLON):
            colon = sdoc.char_span(lead_start + len(text[lead_start:q.open].rstrip()) - 1,
                                   lead_start + len(text[lead_start:q.open].rstrip()),
                                   alignment_mode="expand")
            root = colon[0].head if colon is not None else None
            before_colon = sdoc[colon.start - 1] if colon is not None and colon.start > 0 \
                else None
            named = before_colon is not None and before_colon.i in res.by_token and \
                res.by_token[before_colon.i][0]["label"] in R.SPEAKER_LABELS and \
                not text[ps:before_colon.idx].strip(" -—–\t")[-1:].isalnum() and \
                lead == text[res.by_token[before_colon.i][1]["start"]:q.open].strip()
            if named:  # a transcript line, "Bush: “The mission is ...”"
                root = before_colon
            if not named and colon is not None:
                # the verb of the words before the colon that has a subject (the parser often
                # makes the quotation's verb the head of the whole line)
                lead_span = sdoc.char_span(lead_start, colon.start_char, alignment_mode="expand")
                verbs = [t for t in (lead_span or []) if t.pos_ in ("VERB", "AUX")
                         and any(c.dep_ in R.SUBJECT_DEPS for c in t.children)]
                tops = [t for t in verbs if not (lead_span.start <= t.head.i < lead_span.end)
                        or t.head.i == t.i]
                root = (tops or verbs or [None])[0]
            subj = root.i if named else _subject(root, quoted) if root is not None else None
            if subj is not None and speaker_like(res, sdoc[subj]) \
                    and len(qtext.split()) >= R.MIN_FRAGMENT_WORDS:
                cs, ce = (colon.start_char, colon.end_char) if named else (
                    root.idx, root.idx + len(root.text))
                cue = Cue(root.i, cs, ce, subj, None)
                cues.append(cue)
                events.append((cue.cue_start, pi, pi, speaker_of(cue), cue, None))
                kind = "direct"
        if cue is not None:
            sp = speaker_of(cue)
            if kind == "direct":
                cue.used = True
                events.append((q.open, pi, para_of(q.close - 1), sp, None, cue.cue_start))
            out.append(_item(kind, text, (q.start, q.end), cue, sp, cue.cue_start))
            continue
        # c00. a quoted verb phrase whose cue lies inside it: a fragment of its speaker
        #      (the reported clause after it stays an indirect quote of its own)
        if id(q) in phrase_cues:
            cue = phrase_cues[id(q)]
            out.append(_item("partial", text, (q.start, q.end), cue, speaker_of(cue),
                             cue.cue_start))
            continue
        # c0. a fragment quoted by the subject of the verb it hangs off ("called it a
        #     “paperwork error”", "described the DLC as “a remnant of another period”")
        if not starts_sentence_of(ps, q) and len(qtext.split()) >= R.MIN_FRAGMENT_WORDS:
            frag = _fragment_speaker(sdoc, q, quoted)
            if frag is not None:
                verb, subj = frag
                sp = res.speaker(subj)
                if speaker_like(res, sdoc[subj]):
                    cue = Cue(verb.i, verb.idx, verb.idx + len(verb.text), subj, None)
                    out.append(_item("partial", text, (q.start, q.end), cue, sp, verb.idx))
                    continue
        # c. a full quoted sentence with no cue continues the latest speaker before it: in
        #    its paragraph, else the one that ends the paragraph before
        starts_sentence = starts_sentence_of(ps, q)
        words = qtext.split()
        full = len(words) >= R.MIN_DIRECT_WORDS or (
            words[0][:1].isupper() and qtext.rstrip()[-1:] in R.SENTENCE_END_MARKS)
        if not starts_sentence or not full:
            continue
        para_has_cue = any(para_of(c.cue_start) == pi for c in cues)
        before = [e for e in events if e[0] < q.open and (e[1] == pi or e[1] < pi
                                                          and e[2] >= pi - 1
                                                          and not para_has_cue)]
        if not before:
            continue
        direct = [e for e in before if e[4] is None and e[1] == pi]
        pos, _, _, sp, ecue, group = max(direct or before, key=lambda e: e[0])
        if group is None:
            group = ecue.cue_start if ecue is not None and ecue.used else q.start
        events.append((q.open, pi, para_of(q.close - 1), sp, None, group))
        out.append(_item("direct", text, (q.start, q.end), None, sp, group))
    _link_chains(text, quotes, out)
    # indirect: cues whose content is not a direct quote
    for c in cues:
        if c.used or c.content is None:
            continue
        out.append(_item("indirect", text, _without_dateline(text, c.content), c,
                         speaker_of(c), c.cue_start))
    out.sort(key=lambda d: (d["start"], d["end"]))
    return out


def _without_dateline(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Reported content that opens its paragraph with a dateline ("WASHINGTON (AP) — ",
    "COPENHAGEN, Nov 14 (Reuters) - ") starts after it."""
    a, b = span
    if a > 0 and text[a - 1] != "\n":
        return span
    m = R.dateline_match(text, a, b)
    return (m.end(), b) if m and b - m.end() > 0 else span


def _link_chains(text: str, quotes: list[QuoteSpan], out: list[dict]) -> None:
    """The parts of a quote running over paragraphs are one attribution: each takes the
    speaker and group of the first part with a cue of its own, else of the first part
    attributed at all; a part left out gets a ``direct`` item of its own (without a cue)."""
    chains: dict[int, list[QuoteSpan]] = {}
    for q in quotes:
        if q.chain is not None:
            chains.setdefault(q.chain, []).append(q)
    if not chains:
        return
    items = {(d["start"], d["end"]): d for d in out if d["kind"] in ("direct", "partial")}
    for parts in chains.values():
        got = [items.get((q.start, q.end)) for q in parts]
        with_cue = [d for d in got if d is not None and d["cue"] is not None]
        ref = with_cue[0] if with_cue else next((d for d in got if d is not None), None)
        if ref is None:
            continue
        shared = {k: ref[k] for k in ("group", "speaker", "speaker_id", "speaker_start",
                                      "speaker_end")}
        for q, d in zip(parts, got):
            if d is None:
                out.append({**ref, **shared, "kind": "direct", "text": text[q.start:q.end],
                            "start": q.start, "end": q.end, "cue": None, "cue_start": None,
                            "cue_end": None})
            elif d is not ref:
                d.update(shared)


def _quotes(doc: Document) -> Document:
    doc.quotes = find_quotes(doc.spacy, doc.entities)
    return doc


QUOTES = component("quotes", requires=("spacy", "entities"), assigns=("quotes",))(_quotes)

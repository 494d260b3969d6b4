"""Quotes: direct quotations, partial (quoted fragments) and indirect (reported speech).

How a quote is found (data in :mod:`storyline.rules.quotes`):

1. ``quote_spans``  pair quotation marks per paragraph: curly, straight (opening or closing
                    decided by the character before it), doubled (``''``/``````). A quote left
                    open runs on only when the next paragraph opens with a mark (the newsroom
                    convention for a quote over several paragraphs); otherwise that one quote is
                    dropped, never the document.
2. ``find_cues``    every reporting verb (``REPORTING_VERBS``) with a subject, and every
                    "according to X", with its content: the verb's clausal complement, or the
                    sentence before ", X said", or the sentence around "according to X".
3. attribution      a quotation whose content the cue's content covers is *direct*; one inside
                    a larger reported clause is *partial*; a quotation with a cue right after
                    or before it (same sentence, outside the marks) is *direct*; a full-sentence
                    quotation with no cue continues the previous quote's speaker (same
                    paragraph, else the paragraph before). Cues not used by a direct quote give
                    *indirect* quotes.
4. speakers         an entity mention gives the entity; "he"/"she" the most recent person
                    subject or speaker of that gender (unknown gender accepted when no exact
                    match); "the person"/"the official" the most recent source introduced with
                    "a"/"an" or holding that role; organisations speak as themselves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.enrich.pipeline import Document, component
from storyline.rules import entities as RE
from storyline.rules import quotes as R


@dataclass
class QuoteSpan:
    open: int  # index of the opening mark
    start: int  # content start
    end: int  # content end
    close: int  # index just after the closing mark


@dataclass
class Cue:
    verb: int  # token index of the cue word
    cue_start: int
    cue_end: int
    subject: int | None  # token index of the subject's head
    content: tuple[int, int] | None
    used: bool = False


@dataclass
class Speaker:
    name: str
    entity_id: str | None
    start: int
    end: int
    gender: str | None = None
    descriptor: str | None = None  # head noun when introduced as "a US official"


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
    """Paired quotations in ``text``; unbalanced marks cost only their own quote."""
    paras = paragraphs(text)
    out: list[QuoteSpan] = []
    pending: tuple[int, int] | None = None  # (mark index, content start) carried over
    for pi, (ps, pe) in enumerate(paras):
        marks = [(m.start(), m.end(), _mark_kind(text, m.start(), m.group()))
                 for m in R.QUOTE_MARK_RE.finditer(text, ps, pe)]
        is_open = pending
        if pending is not None:
            # a carried-over quote continues only if this paragraph opens with a mark
            if marks and marks[0][0] == ps + len(text[ps:pe]) - len(text[ps:pe].lstrip()) \
                    and marks[0][2] == "open":
                marks = marks[1:]
            else:
                is_open = None
        pending = None
        for ms, me, kind in marks:
            if kind == "open":
                is_open = (ms, me)  # an earlier unclosed mark is dropped
            elif is_open is not None:
                out.append(QuoteSpan(is_open[0], is_open[1], ms, me))
                is_open = None
        if is_open is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt is not None and text[nxt[0]:nxt[1]].lstrip()[:1] in ("“", '"', "«", "„") \
                    or nxt is not None and text[nxt[0]:nxt[1]].lstrip()[:2] in ("''", "``"):
                pending = is_open
    return [q for q in out if text[q.start:q.end].strip()]


# ---------------------------------------------------------------- 2. cues
def _strip_span(sdoc, a: int, b: int) -> tuple[int, int] | None:
    """Token range [a, b) as a char span without leading 'that'/punctuation or trailing
    punctuation."""
    while a < b and (sdoc[a].lower_ in R.CONTENT_STRIP_LEADING or sdoc[a].is_punct
                     and sdoc[a].text not in ("“", '"', "``")):
        a += 1
    while b > a and sdoc[b - 1].is_punct and sdoc[b - 1].text not in ("”", '"', "''"):
        b -= 1
    if b - a < R.MIN_CONTENT_TOKENS:
        return None
    return sdoc[a].idx, sdoc[b - 1].idx + len(sdoc[b - 1].text)


def _subject(verb) -> int | None:
    for c in verb.children:
        if c.dep_ in R.SUBJECT_DEPS:
            return c.i
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    if verb.dep_ in R.PARTICIPLE_CUE_DEPS and verb.tag_ == "VBG" and verb.head.i < verb.i:
        return _subject(verb.head)  # "Biden spoke on Friday, saying that ..."
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
            return _strip_span(sdoc, a, b)
    # ", X said." tail: the sentence before the comma that precedes the cue clause
    left = min([verb.i] + [t.i for c in verb.children if c.dep_ in R.SUBJECT_DEPS
                           for t in c.subtree])
    if left - 1 > sent.start and sdoc[left - 1].text == ",":
        return _strip_span(sdoc, sent.start, left - 1)
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


def find_cues(sdoc) -> list[Cue]:
    cues: list[Cue] = []
    for tok in sdoc:
        if tok.lower_ == R.ACCORDING_TO[0] and tok.i + 2 < len(sdoc) \
                and sdoc[tok.i + 1].lower_ == R.ACCORDING_TO[1]:
            to = sdoc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            subj = objs[0].i if objs else tok.i + 2
            sent = tok.sent
            phrase_end = max(t.i for t in sdoc[subj].subtree) + 1 if objs else tok.i + 3
            if tok.i - 1 > sent.start and sdoc[tok.i - 1].text == ",":
                content = _strip_span(sdoc, sent.start, tok.i - 1)
            else:
                content = _strip_span(sdoc, phrase_end, sent.end)
            cues.append(Cue(tok.i, tok.idx, to.idx + len(to.text), subj, content))
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in R.REPORTING_VERBS:
            continue
        if tok.dep_ in ("amod", "acl", "relcl") and tok.tag_ == "VBN":
            continue  # "the said agreement", "a reported deal"
        subj = _subject(tok)
        if subj is None:
            continue
        content = _content_of_verb(sdoc, tok)
        if tok.lemma_.lower() in R.CLAUSE_ONLY_VERBS and content is None:
            continue
        cs, ce = _cue_extent(sdoc, tok)
        cues.append(Cue(tok.i, cs, ce, subj, content))
    return cues


# ---------------------------------------------------------------- 4. speakers
class _Resolver:
    def __init__(self, sdoc, entities: list[dict]):
        self.sdoc = sdoc
        self.by_token: dict[int, tuple[dict, dict]] = {}
        for ent in entities:
            for m in ent["mentions"]:
                span = sdoc.char_span(m["start"], m["end"], alignment_mode="expand")
                if span is None:
                    continue
                for t in range(span.start, span.end):
                    self.by_token[t] = (ent, m)
        self.entities = entities
        # people who are subjects of a verb: pronoun antecedents, in text order
        self.events: list[tuple[int, Speaker]] = []
        for t, (ent, m) in self.by_token.items():
            tok = sdoc[t]
            if ent["label"] == "PERSON" and tok.dep_ in (*R.SUBJECT_DEPS, "ROOT") \
                    or ent["label"] == "PERSON" and tok.dep_ == "pobj" \
                    and tok.head.lower_ == "by":
                self.events.append((tok.idx, self._entity_speaker(ent, m)))
        self.events.sort(key=lambda e: e[0])

    @staticmethod
    def _entity_speaker(ent: dict, m: dict) -> Speaker:
        return Speaker(ent["name"], ent["id"], m["start"], m["end"], ent.get("gender"))

    def remember(self, pos: int, sp: Speaker) -> None:
        self.events.append((pos, sp))
        self.events.sort(key=lambda e: e[0])

    def _before(self, pos: int):
        return [sp for p, sp in reversed(self.events) if p < pos]

    def speaker(self, head: int) -> Speaker:
        sdoc = self.sdoc
        tok = sdoc[head]
        if head in self.by_token:
            ent, m = self.by_token[head]
            return self._entity_speaker(ent, m)
        low = tok.lower_
        if low in R.SPEAKER_PRONOUNS and tok.pos_ == "PRON":
            return self._pronoun(tok)
        span = self._phrase(tok)
        text = sdoc.text[span[0]:span[1]]
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
        if det in ("the", "this", "that") and (tok.lemma_.lower() in R.DESCRIPTOR_NOUNS
                                               or tok.lower_ in RE.ROLE_HEADS):
            ref = self._descriptor(tok, span[0])
            if ref is not None:
                return Speaker(ref.name, ref.entity_id, span[0], span[1], ref.gender,
                               ref.descriptor)
        inner = [self.by_token[t] for t in range(*self._token_range(tok))
                 if t in self.by_token and self.by_token[t][0]["label"] in ("PERSON", "ORG")]
        if inner and tok.lower_ not in ("people", "officials", "sources"):
            ent, m = inner[-1]
            if ent["label"] == "PERSON":
                return Speaker(ent["name"], ent["id"], span[0], span[1], ent.get("gender"))
        return Speaker(text, None, span[0], span[1], None,
                       tok.lemma_.lower() if det in ("a", "an") or det is None else None)

    def _token_range(self, tok) -> tuple[int, int]:
        keep = [tok.i]
        stack = [c for c in tok.children if c.dep_ not in R.SPEAKER_CUT_DEPS]
        while stack:
            c = stack.pop()
            keep.append(c.i)
            stack.extend(g for g in c.children if g.dep_ not in R.SPEAKER_CUT_DEPS)
        return min(keep), max(keep) + 1

    def _phrase(self, tok) -> tuple[int, int]:
        a, b = self._token_range(tok)
        return self.sdoc[a].idx, self.sdoc[b - 1].idx + len(self.sdoc[b - 1].text)

    def _pronoun(self, tok) -> Speaker:
        gender = R.SPEAKER_PRONOUNS[tok.lower_]
        local = (tok.idx, tok.idx + len(tok.text))
        cands = self._before(tok.idx)
        pick = None
        if gender in ("m", "f"):
            pick = next((c for c in cands[:12] if c.gender == gender), None)
            if pick is None:
                pick = next((c for c in cands[:6] if c.gender is None and c.entity_id), None)
        elif gender == "o":
            org_ids = {e["id"] for e in self.entities if e["label"] in ("ORG", "GPE")}
            pick = next((c for c in cands[:4] if c.entity_id in org_ids), None)
        if pick is None:
            return Speaker(tok.text, None, *local, gender if gender in ("m", "f") else None)
        return Speaker(pick.name, pick.entity_id, *local, pick.gender, pick.descriptor)

    def _descriptor(self, tok, pos: int) -> Speaker | None:
        noun = tok.lemma_.lower()
        for c in self._before(pos)[:12]:
            if c.descriptor and (c.descriptor == noun or noun in ("person", "source")):
                return c
        mods = {RE.DEMONYMS.get(c.text, RE.COUNTRY_ALIASES.get(c.text, c.text))
                for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")}
        holders = [e for e in self.entities if e["label"] == "PERSON" and any(
            r["role"].split()[-1].lower() == tok.lower_ and (not mods or r["org"] in mods)
            for r in e["roles"])]
        if len(holders) == 1:
            e = holders[0]
            return Speaker(e["name"], e["id"], 0, 0, e.get("gender"))
        return None


# ---------------------------------------------------------------- 3. attribution
def _item(kind: str, text: str, span: tuple[int, int], cue: Cue | None, sp: Speaker,
          group: int) -> dict:
    """One quote. ``group``: items with the same value are one attribution (a quote broken by
    its cue, or continued over paragraphs without a new cue)."""
    return {"group": group, "kind": kind, "text": text[span[0]:span[1]], "start": span[0], "end": span[1],
            "cue": text[cue.cue_start:cue.cue_end] if cue else None,
            "cue_start": cue.cue_start if cue else None, "cue_end": cue.cue_end if cue else None,
            "speaker": sp.name, "speaker_id": sp.entity_id,
            "speaker_start": sp.start, "speaker_end": sp.end}


_SENT_END = re.compile(r"[.!?](?=\s|$)")


def _region_cue(cues: list[Cue], sdoc, a: int, b: int, quotes: list[QuoteSpan]) -> Cue | None:
    inside = [c for c in cues if a <= c.cue_start < b
              and not any(q.open <= c.cue_start < q.close for q in quotes)]
    return min(inside, key=lambda c: abs(c.cue_start - a)) if inside else None


def find_quotes(sdoc, entities: list[dict]) -> list[dict]:
    """Direct, partial and indirect quotes of ``sdoc``; see the module docstring."""
    text = sdoc.text
    quotes = quote_spans(text)
    # a cue inside someone's quotation ("I think ...") is part of that quote, not a new one
    cues = [c for c in find_cues(sdoc)
            if not any(q.start <= c.cue_start < q.end for q in quotes)]
    res = _Resolver(sdoc, entities)
    paras = paragraphs(text)

    def para_of(pos: int) -> int:
        for i, (s, e) in enumerate(paras):
            if s <= pos < e:
                return i
        return -1

    cue_speaker: dict[int, Speaker] = {}

    def speaker_of(c: Cue) -> Speaker:
        if c.verb not in cue_speaker:
            sp = res.speaker(c.subject)
            cue_speaker[c.verb] = sp
            res.remember(sp.start, sp)
        return cue_speaker[c.verb]

    # first pass: speakers of all cues in order (so pronouns see earlier speakers)
    for c in sorted(cues, key=lambda c: c.cue_start):
        speaker_of(c)

    out: list[dict] = []
    last_direct: dict[int, Speaker] = {}  # paragraph -> last direct speaker
    last_group: dict[int, int] = {}  # paragraph -> attribution group of that speaker
    last_any: dict[int, Speaker] = {}  # paragraph -> last speaker of any attribution
    for c in cues:
        last_any[para_of(c.cue_start)] = cue_speaker[c.verb]
    for q in quotes:
        pi = para_of(q.open)
        ps, pe = paras[pi] if pi >= 0 else (0, len(text))
        qtext = text[q.start:q.end]
        later = [x.open for x in quotes if x.open >= q.close] + [pe]
        m = _SENT_END.search(text, q.close, min(later))
        tail_end = m.end() if m else min(later)
        earlier = [x.close for x in quotes if x.close <= q.open] + [ps]
        lead_start = max(earlier)
        ends = list(_SENT_END.finditer(text, lead_start, q.open))
        if ends:
            lead_start = ends[-1].end()
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
        if holders:
            c = min(holders, key=lambda c: c.content[1] - c.content[0])
            outside = (c.content[1] - c.content[0]) - (min(c.content[1], q.close)
                                                       - max(c.content[0], q.open))
            if outside <= R.DIRECT_OUTSIDE_SHARE * (c.content[1] - c.content[0]) + 2:
                cue, kind = c, ("direct" if opens_sentence else "partial")
            elif c.content[0] <= q.open and q.close <= c.content[1] + 1:
                cue, kind = c, "partial"
        # b. a cue right after the quote, else right before it
        if cue is None:
            cue = _region_cue(cues, sdoc, q.close, tail_end, quotes) or lead_cue
            if cue is not None:
                sentence_like = (len(qtext.split()) >= R.MIN_DIRECT_WORDS
                                 or qtext.rstrip()[-1:] in ".,!?")
                kind = "direct" if sentence_like and (opens_sentence or lead_cue) \
                    else "partial"
        if cue is not None:
            sp = speaker_of(cue)
            if kind == "direct":
                cue.used = True
                last_direct[pi] = sp
                last_group[pi] = cue.cue_start
            out.append(_item(kind, text, (q.start, q.end), cue, sp, cue.cue_start))
            continue
        # c. a full quoted sentence with no cue continues the previous speaker
        starts_sentence = not text[ps:q.open].strip() or re.search(r"[.!?:]\s*$", text[ps:q.open])
        if not starts_sentence or len(qtext.split()) < R.MIN_DIRECT_WORDS:
            continue
        sp = last_direct.get(pi)
        if sp is None and not any(para_of(c.cue_start) == pi for c in cues):
            sp = last_direct.get(pi - 1) or last_any.get(pi - 1)
        if sp is None:
            continue
        group = last_group.get(pi) if pi in last_direct else last_group.get(pi - 1)
        if group is None:
            group = q.start
        last_direct[pi] = sp
        last_group[pi] = group
        if para_of(q.close - 1) != pi:
            last_direct[para_of(q.close - 1)] = sp
            last_group[para_of(q.close - 1)] = group
        out.append(_item("direct", text, (q.start, q.end), None, sp, group))
    # indirect: cues whose content is not a direct quote
    for c in cues:
        if c.used or c.content is None:
            continue
        out.append(_item("indirect", text, c.content, c, speaker_of(c), c.cue_start))
    out.sort(key=lambda d: (d["start"], d["end"]))
    return out


def _quotes(doc: Document) -> Document:
    doc.quotes = find_quotes(doc.spacy, doc.entities)
    return doc


QUOTES = component("quotes", requires=("spacy", "entities"), assigns=("quotes",))(_quotes)

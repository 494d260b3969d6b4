"""Quotes: direct quotations, partial (quoted fragments) and indirect (reported speech).

How a quote is found (data in :mod:`storyline.rules.quotes`; steps 1 and 2 live in
:mod:`storyline.enrich.cues`):

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
                    Before all: photo captions are skipped; a quoted transcript turn
                    (“PENCE: ...”) and a quotation signed with a dash ("“...” ― Carla
                    Sanchez") name their speaker; a quotation joined to the one before by
                    "and" or a comma shares its speaker; a title-case fragment ("Air Force
                    One") is a name or title, dropped.
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

from storyline.enrich.cues import (Cue, QuoteSpan, cue_subject, find_cues, paragraphs,
                                   quote_spans, quoted_tokens, stance_only)
from storyline.enrich.entities import doc_text
from storyline.enrich.runner import Document, component
from storyline.enrich.speakers import Resolver, Speaker, named_speaker, speaker_like
from storyline.rules import quotes as R


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


def title_case(words_text: str) -> bool:
    """Every word capitalised (small words such as "of" aside) and no sentence end: a name or
    title rather than words of speech.

    >>> title_case("Austin Powers: The Spy Who Shagged Me,"), title_case("very flexible")
    (True, False)
    """
    words = re.findall(r"[\w'’*-]+", words_text)
    return bool(words) and len(words) <= R.MAX_TITLE_WORDS and words[0][0].isupper() and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in R.TITLE_SMALL_WORDS for w in words) \
        and words_text.rstrip(" ,")[-1:] not in R.SENTENCE_END_MARKS


def _holder(sdoc, holders: list[tuple[int, Cue]]) -> Cue:
    """The cue a quotation inside nested reported speech belongs to: the innermost one whose
    verb reports words; a belief ("A said B believes “...”") quotes the outer speaker."""
    ranked = sorted(holders, key=lambda x: x[0])
    for _, c in ranked:
        if len(ranked) > 1 and c.subject is not None \
                and sdoc[c.subject].lower_ in R.THING_PRONOUNS:
            continue  # "She says it underscores that ...": "it" is a thing, she speaks
        if sdoc[c.verb].lemma_.lower() not in R.CLAUSE_ONLY_VERBS:
            return c
    return ranked[-1][1]


def _fragment_speaker(sdoc, q: QuoteSpan, quoted: frozenset[int], any_verb: bool = False):
    """(verb, subject token index) for a quoted fragment: the nearest verb above the
    quotation in the parse, when it is a verb of saying or characterising, and its subject.
    ``any_verb``: the first finite verb above with a subject, whatever it means ("encouraged
    Americans to “check out” ...", "is seeking “groundbreaking ideas”"), "be" aside."""
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
                subj = cue_subject(tok, quoted)
                return (tok, subj) if subj is not None else None
            if any_verb and lemma not in R.FRAGMENT_SKIP_VERBS:
                subj = cue_subject(tok, quoted)
                if subj is not None:
                    return tok, subj
            if tok.dep_ not in R.FRAGMENT_PASS_DEPS:
                return None  # a finite clause of its own: its verb says nothing
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` without the white space at either end of ``text[a:b]``."""
    part = text[a:b]
    return a + len(part) - len(part.lstrip()), b - len(part) + len(part.rstrip())


def _byline(text: str, res: Resolver, q: QuoteSpan, ps: int, pe: int) -> Cue | None:
    """A quotation signed with a dash, nothing else in its paragraph: "“...” ― Carla Sanchez."
    or "Carla Sanchez ― “...”": a cue whose subject is the name (an entity's mention, else
    two to four capitalised words)."""
    sdoc = res.sdoc
    after = R.DASH_BYLINE_AFTER_RE.match(text, q.close, pe)
    if after is not None:
        name = R.BYLINE_NAME_RE.match(text, _trimmed(text, after.end(), pe)[0], pe)
        dash = _trimmed(text, after.start(), after.end())
        if name is None or not R.BYLINE_TAIL_RE.fullmatch(text, name.end(), pe) \
                or text[ps:q.open].strip():
            return None
    else:
        before = R.DASH_BYLINE_BEFORE_RE.search(text, ps, q.open)
        name = R.BYLINE_NAME_RE.fullmatch(text, _trimmed(text, ps, q.open)[0],
                                          before.start()) if before is not None else None
        if name is None or text[q.close:pe].strip(" \t\u00a0.,"):
            return None
        dash = _trimmed(text, before.start(), before.end())
    span = sdoc.char_span(name.start(), name.end(), alignment_mode="expand")
    if span is None:
        return None
    heads = [t.i for t in span if t.i in res.by_token]
    head = heads[-1] if heads else span.root.i
    return Cue(head, dash[0], dash[1], head, None)


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

    quoted = quoted_tokens(sdoc, quotes)

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
        if R.CAPTION_RE.search(text, ps, pe):
            continue  # a photo caption's words are no one's quote
        turn = R.TRANSCRIPT_TURN_RE.match(text, q.start, q.end)
        if turn is not None:
            # a transcript turn quoted whole, “PENCE: Well, look, ...”: the capitalised name
            # before the colon speaks the rest
            name = sdoc.char_span(turn.start(1), turn.end(1), alignment_mode="expand")
            if name is not None:
                head = name[-1].i
                cue = Cue(head, turn.end(1), turn.end(1) + 1, head, None)
                cues.append(cue)
                sp = speaker_of(cue)
                cue.used = True
                events.append((q.open, pi, para_of(q.close - 1), sp, None, cue.cue_start))
                out.append(_item("direct", text, (turn.end(), q.end), cue, sp, cue.cue_start))
                continue
        signed = _byline(text, res, q, ps, pe)
        if signed is not None:
            cues.append(signed)
            sp = speaker_of(signed)
            signed.used = True
            events.append((q.open, pi, para_of(q.close - 1), sp, None, signed.cue_start))
            out.append(_item("direct", text, (q.start, q.end), signed, sp, signed.cue_start))
            continue
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
        if len(qtext.split()) < R.MIN_FRAGMENT_WORDS:
            # one quoted word in a stance's object ("called the plan a “reset”") is a scare
            # quote; in reported speech ("said the “reset” failed") it stays the speaker's
            holders = [c for c in holders if not stance_only(sdoc, c)]
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
            if cue is not None and len(qtext.split()) < R.MIN_FRAGMENT_WORDS \
                    and stance_only(sdoc, cue):
                cue = None  # a scare quote next to a stance verb (see above)
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
            subj = root.i if named else cue_subject(root, quoted) if root is not None else None
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
        # c000. a quotation joined to the one before by a conjunction or comma only ("chanted
        #       “Send them home,” and “Build the wall.”") shares its speaker
        prev = [x for x in quotes if x.close <= q.open and x.open >= ps]
        if prev and R.COORDINATED_QUOTES_RE.fullmatch(text, prev[-1].close, q.open):
            ref = next((d for d in out if d["start"] == prev[-1].start
                        and d["end"] == prev[-1].end), None)
            if ref is not None:
                out.append({**ref, "text": qtext, "start": q.start, "end": q.end})
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
            strict = frag is not None
            if frag is None:  # any verb above, when its subject names a speaker outright
                frag = _fragment_speaker(sdoc, q, quoted, any_verb=True)
            if frag is not None:
                verb, subj = frag
                sp = res.speaker(subj)
                if speaker_like(res, sdoc[subj]) and (strict or named_speaker(res, sdoc[subj])):
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
    # a quoted name in title case ("Apollo 13", "Lyin' Ted", "Air Force One") inside someone's
    # sentence is a title or nickname, not words they said
    out = [d for d in out if d["kind"] != "partial" or not title_case(d["text"])]
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

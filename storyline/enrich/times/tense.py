"""Tense: does an expression point to the past or the future? A preposition right before
it, else the verb governing it (spaCy parse), else cue words in its clause."""
from __future__ import annotations

import re

from storyline.enrich.times.grammar import SCHEDULE_CUE, CLAUSE_END, FUTURE_CUE, FUT_PREP, PAST_CUE, PAST_PREP, PERFECT_CUE, SENT_END
from storyline.rules import times as R


_FUTURE_LEMMAS = R.FUTURE_LEMMAS
_PRESENT_AUX_TAGS = ("VBZ", "VBP")


def prep_tense(text: str, start: int) -> str | None:
    before = text[max(0, start - 24):start]
    if FUT_PREP.search(before):
        return "future"
    if PAST_PREP.search(before):
        return "past"
    return None


def tense_of(text: str, start: int, end: int, sdoc, lead: int | None = None) -> str | None:
    """'past', 'future' or None: a preposition right before ("until", "since"), else the verb
    governing text[start:end] (parse), else cue words in the clause. ``lead`` is where a larger
    expression holding this one starts ("until 9 a.m. EST Tuesday" for "Tuesday"): the
    preposition and the clause are looked for before it."""
    lead = start if lead is None else lead
    prep = prep_tense(text, lead)
    if prep:
        return prep
    if sdoc is not None:
        t = _tense_parse(sdoc, start, end)
        if t is not None:
            return t
    cue = _tense_cues(text, lead, end)
    if cue is None:
        before = _clause_before(text, lead, R.TENSE_SENTENCE_WINDOW_CHARS)
        if PERFECT_CUE.search(before):
            return "past"
        if FUTURE_CUE.search(before):
            return "future"
        if PAST_CUE.search(before):
            return "past"
    return cue


def tense_direct(text: str, start: int, end: int, sdoc) -> str | None:
    """Like :func:`tense_of`, but when the parse shows the expression modifying a noun ("a
    prelude to the negotiations at the start of the year") only that noun's own verb counts
    (its subject or object: "the talks at the start of the year failed"); a verb further up
    dates the sentence, not the expression, and gives None."""
    if sdoc is not None and prep_tense(text, start) is None:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            head = span.root.head
            if head.pos_ == "ADP" and head.head is not head:
                head = head.head
            if head.pos_ in ("NOUN", "PROPN") and head is not span.root:
                if head.dep_ in ("nsubj", "nsubjpass", "dobj"):  # "the talks ... failed"
                    return _tense_parse(sdoc, head.idx, head.idx + len(head))
                return None
    return tense_of(text, start, end, sdoc)


def _tense_parse(sdoc, start: int, end: int) -> str | None:
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(8):
        if _schedule_present(tok):
            return "future"  # "polling stations open at 7:00 am on Saturday"
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.tag_ == "MD":
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            words = {a.lower_ for a in auxes}
            if words & R.FUTURE_MODALS and not words & R.MODAL_PERFECT_AUX:
                return "future"
            if words & set(R.POSSIBILITY_MODALS) and not words & R.MODAL_PERFECT_AUX and \
                    tok.lemma_ in R.POSSIBILITY_EVENT_LEMMAS:
                need = R.POSSIBILITY_EVENT_LEMMAS[tok.lemma_]
                if need is None or any(ch.lower_ == need for ch in tok.children):
                    return "future"  # "a further round could take place in May"
            if tok.lemma_ in R.FUTURE_PASSIVE_LEMMAS and tok.tag_ == "VBN" and (any(
                    a.dep_ == "auxpass" and a.tag_ in _PRESENT_AUX_TAGS for a in auxes) or (
                    not auxes and tok.dep_ in R.REDUCED_PASSIVE_DEPS and any(
                        ch.lower_ in R.FUTURE_PASSIVE_PREPS for ch in tok.children))):
                return "future"  # "is set for Monday", "a summit set for April"
            if tok.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
                head = tok.head
                if head.lemma_ in ("be",) or head.lemma_ in _FUTURE_LEMMAS:
                    return "future"
            if tok.lemma_ in _FUTURE_LEMMAS and tok.tag_ == "VBN" and \
                    any(a.tag_ == "VBD" for a in auxes):
                return None  # "was planned for March": a plan made earlier, for either side
            if tok.lemma_ in _FUTURE_LEMMAS and tok.tag_ != "VBD":
                return "future"
            if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
                return "past"
            if tok.tag_ == "VBN" and words & {"has", "have", "had"}:
                return "past"
            if tok.tag_ == "VBN" and not auxes and tok.dep_ in R.REDUCED_PASSIVE_DEPS:
                return "past"
            if tok.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "acl", "relcl", "conj") \
                    and tok.tag_ in ("VB", "VBG", "VBN") and tok.head is not tok:
                tok = tok.head
                continue
            return None
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _schedule_present(tok) -> bool:
    """A schedule verb in the simple present ("the polls open", "the summit takes place"): a
    timetable, so the date it governs lies ahead (SCHEDULE_LEMMAS). The small model often tags
    "stations open" as an adjective: one with its own subject and no copula counts too."""
    if tok.lemma_ not in R.SCHEDULE_LEMMAS:
        return False
    if any(ch.dep_ in ("aux", "auxpass", "cop", "neg") for ch in tok.children):
        return False
    if tok.tag_ not in _PRESENT_AUX_TAGS and not (
            tok.tag_ in R.SCHEDULE_MISTAGS and any(ch.dep_ == "nsubj" for ch in tok.children)):
        return False
    need = R.SCHEDULE_LEMMA_NEEDS.get(tok.lemma_)
    return need is None or any(ch.lower_ == need for ch in tok.children)


def _clause_before(text: str, start: int, window: int | None = None) -> str:
    lo = max(0, start - (window or R.TENSE_WINDOW_CHARS))
    chunk = text[lo:start]
    m = None
    for cand in CLAUSE_END.finditer(chunk):
        if chunk[cand.start()] == "." and _word_before(chunk, cand.start()) in R.NOT_SENTENCE_END:
            continue  # "p.m. local time": an abbreviation, not the end of the clause
        m = cand
    return chunk[m.end():] if m else chunk


def _word_before(chunk: str, i: int) -> str:
    j = i
    while j > 0 and not chunk[j - 1].isspace() and chunk[j - 1] not in "(\"'":
        j -= 1
    return chunk[j:i].lower()


def _tense_cues(text: str, start: int, end: int) -> str | None:
    before = _clause_before(text, start)
    if PERFECT_CUE.search(before):
        return "past"
    if FUTURE_CUE.search(before):
        return "future"
    if PAST_CUE.search(before):
        return "past"
    # after the expression ("In September, it announced plans to ..."), the verb that comes
    # first is the expression's own: the nearest cue wins (a future one on a tie)
    after = SENT_END.split(text[end:end + 40])[0]
    fut, past = FUTURE_CUE.search(after), PAST_CUE.search(after)
    if fut and (not past or fut.start() <= past.start()):
        return "future"
    if past:
        return "past"
    return None


def future_sure(text: str, start: int, end: int, sdoc, lead: int | None = None) -> bool:
    """A stricter :func:`tense_of` for moves of most of a year ("will meet on 14 March" read in
    April): a future preposition, else the parse says future, else (no parse) a future cue in
    the clause and no past cue before or after the expression in its sentence."""
    lead = start if lead is None else lead
    prep = prep_tense(text, lead)
    if prep:
        return prep == "future"
    if sdoc is not None:
        return _tense_parse(sdoc, start, end) == "future"
    before = _clause_before(text, lead)
    after = SENT_END.split(text[end:end + 40])[0]
    return bool(FUTURE_CUE.search(before)) and not PERFECT_CUE.search(before) \
        and not PAST_CUE.search(before) and not PAST_CUE.search(after)


def past_sure(text: str, start: int, end: int, sdoc, lead: int | None = None) -> bool:
    """The mirror of :func:`future_sure`, for moving a day-month back across New Year ("went
    missing on March 8" read in December: last March, not the next): a past preposition, else
    the parse says past, else (no parse) a past cue in the clause before or in the sentence
    after the expression and no future cue in either.

    >>> past_sure("MH370 went missing on March 8.", 22, 29, None)
    True
    >>> past_sure("The minister will visit on March 8.", 27, 34, None)
    False
    """
    lead = start if lead is None else lead
    prep = prep_tense(text, lead)
    if prep:
        return prep == "past"
    # a future cue anywhere earlier in the sentence ("talks will start on 9 January, ... and
    # negotiations on 13 January, the aide told reporters") or right after: not sure
    sentence = SENT_END.split(text[max(0, lead - R.TENSE_SENTENCE_WINDOW_CHARS):lead])[-1]
    after = SENT_END.split(text[end:end + 40])[0]
    if (FUTURE_CUE.search(sentence) and not PERFECT_CUE.search(sentence)) or \
            FUTURE_CUE.search(after):
        return False
    if sdoc is not None:
        return _tense_parse(sdoc, start, end) == "past"
    before = _clause_before(text, lead)
    return bool(PAST_CUE.search(before) or PERFECT_CUE.search(before)
                or PAST_CUE.search(after))


def schedule_clause(text: str, start: int, end: int, sdoc, lead: int | None = None) -> bool:
    """Is the expression dated by a present schedule verb ("the offer expires at 5 p.m. on
    Friday")? Such a timetable can name today: a weekday equal to the DCT's stays today."""
    lead = start if lead is None else lead
    if sdoc is not None:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        tok = span.root if span is not None and len(span) else None
        for _ in range(8):
            if tok is None:
                return False
            if _schedule_present(tok):
                return True
            if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
                return False
            tok = tok.head
        return False
    return bool(SCHEDULE_CUE.search(_clause_before(text, lead)))


_PAST_PLAN_CUE = re.compile(
    rf"\b(?:{'|'.join(R.PAST_PLAN_AUX)})\s+(?:been\s+|not\s+|originally\s+|initially\s+)?"
    rf"(?:{'|'.join(R.PAST_PLAN_WORDS)})\b[^.;!?]*$", re.I)


def past_plan(text: str, start: int, end: int, sdoc, lead: int | None = None) -> bool:
    """Is the expression the date of a plan told in a past tense ("the vote was planned for
    March", "had been scheduled for June", "were due in March")? Parse: the verb (or the
    adjective "due") governing it is one of PAST_PLAN_LEMMAS with a past auxiliary or copula
    (PAST_PLAN_AUX). Without a parse: such words within PAST_PLAN_MAX_CHARS before it."""
    lead = start if lead is None else lead
    if sdoc is not None:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        tok = span.root
        for _ in range(6):
            if tok.lemma_.lower() in R.PAST_PLAN_LEMMAS or tok.lower_ in R.PAST_PLAN_LEMMAS:
                return any(ch.dep_ in ("aux", "auxpass", "cop") and ch.lower_ in R.PAST_PLAN_AUX
                           for ch in tok.children)
            if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
                return False
            tok = tok.head
        return False
    before = _clause_before(text, lead, R.PAST_PLAN_MAX_CHARS)
    return bool(_PAST_PLAN_CUE.search(before))

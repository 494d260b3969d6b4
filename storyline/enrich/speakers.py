"""Speakers: who a quote's cue names, resolved to an entity where the text allows.

Split out of :mod:`storyline.enrich.quotes` (the rules are unchanged; data in
:mod:`storyline.rules.quotes` and :mod:`storyline.rules.entities`):

* an entity mention gives the entity;
* "he"/"she" the most recent person subject or speaker of that gender (unknown gender accepted
  when no exact match); "it"/"they" a recent organisation or place;
* "who said" the noun the clause hangs off (the evidence span stays the pronoun);
* "the person"/"the official" the most recent source introduced with "a"/"an" or the person
  named last who holds that role;
* "the nominee, Donald Trump," the person in apposition; organisations speak as themselves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.enrich.entities import doc_text
from storyline.rules import entities as RE
from storyline.rules import quotes as R


@dataclass
class Speaker:
    name: str | None  # None: an unresolved pronoun, the quote is unattributed
    entity_id: str | None
    start: int
    end: int
    gender: str | None = None
    descriptor: str | None = None  # head noun when introduced as "a US official"


class Resolver:
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
        seen_mentions: set[int] = set()
        for t, (ent, m) in self.by_token.items():
            tok = _clause_role_token(sdoc[t])
            if ent["label"] == "PERSON" and tok.dep_ in (*R.SUBJECT_DEPS, "ROOT") \
                    or ent["label"] == "PERSON" and tok.dep_ == "pobj" \
                    and tok.head.lower_ == "by":
                if m["start"] in seen_mentions:
                    continue
                seen_mentions.add(m["start"])
                self.events.append((sdoc[t].idx, self._entity_speaker(ent, m)))
        self.events.sort(key=lambda e: e[0])
        # organisations that are subjects (the antecedents of "it said"), and every
        # organisation mention (for "the bank said"), in text order
        self.org_subjects: list[tuple[int, Speaker]] = []
        self.org_mentions: list[tuple[int, dict, dict]] = []
        done: set[int] = set()
        for t, (ent, m) in sorted(self.by_token.items()):
            if ent["label"] != "ORG" or m["start"] in done:
                continue
            done.add(m["start"])
            self.org_mentions.append((m["start"], ent, m))
            span = sdoc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is not None and _clause_role_token(span.root).dep_ in R.SUBJECT_DEPS:
                self.org_subjects.append((m["start"], self._entity_speaker(ent, m)))

    @staticmethod
    def _entity_speaker(ent: dict, m: dict) -> Speaker:
        return Speaker(ent["name"], ent["id"], m["start"], m["end"], ent.get("gender"))

    def remember(self, pos: int, sp: Speaker) -> None:
        self.events.append((pos, sp))
        self.events.sort(key=lambda e: e[0])

    def _before(self, pos: int, exclude: tuple[int, int] | None = None):
        """Speakers and person subjects before ``pos``, latest first; none inside
        ``exclude`` (the cue's own reported words: "... hosted by Josep Borrell, he said")."""
        return [sp for p, sp in reversed(self.events) if p < pos and not (
            exclude is not None and exclude[0] <= p < exclude[1])]

    def speaker(self, head: int, exclude: tuple[int, int] | None = None) -> Speaker:
        sdoc = self.sdoc
        tok = sdoc[head]
        if head in self.by_token:
            ent, m = self.by_token[head]
            return self._entity_speaker(ent, m)
        low = tok.lower_
        if low in R.RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and tok.dep_ in R.SUBJECT_DEPS:
            # "an architect who said ...": the speaker is the noun the clause hangs off; the
            # evidence stays the pronoun, as for "he"
            ref = self.speaker(tok.head.head.i)
            return Speaker(ref.name, ref.entity_id, tok.idx, tok.idx + len(tok.text),
                           ref.gender, ref.descriptor)
        if low in R.SPEAKER_PRONOUNS and tok.pos_ == "PRON":
            return self._pronoun(tok, exclude)
        span = self._phrase(tok)
        text = doc_text(sdoc)[span[0]:span[1]]
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
        named = self._apposition(tok)
        if named is not None:  # "The mayor of Paris, Texas, Dwayne Hollister, said"
            ent, m = named
            return Speaker(ent["name"], ent["id"], m["start"], m["end"], ent.get("gender"),
                           tok.lemma_.lower() if tok.pos_ == "NOUN" else None)
        if det in ("the", "this", "that") and (tok.lemma_.lower() in R.DESCRIPTOR_NOUNS
                                               or tok.lower_ in RE.ROLE_HEADS):
            ref = self._descriptor(tok, span[0])
            if ref is not None:
                return Speaker(ref.name, ref.entity_id, span[0], span[1], ref.gender,
                               ref.descriptor)
        for c in tok.children:  # "the presumptive nominee, Donald Trump, tweeted"
            if c.dep_ == "appos" and c.i in self.by_token \
                    and self.by_token[c.i][0]["label"] == "PERSON":
                ent, m = self.by_token[c.i]
                return Speaker(ent["name"], ent["id"], span[0], span[1], ent.get("gender"))
        org = self._org_noun(tok, span[0])
        if org is not None:  # "the bank said", "Sri Lanka's central bank, saying"
            return Speaker(org["name"], org["id"], span[0], span[1], None)
        inner = [self.by_token[t] for t in range(*self._token_range(tok))
                 if t in self.by_token and self.by_token[t][0]["label"] in ("PERSON", "ORG")]
        if inner and tok.lower_ not in ("people", "officials", "sources"):
            ent, m = inner[-1]
            if ent["label"] == "PERSON":
                return Speaker(ent["name"], ent["id"], span[0], span[1], ent.get("gender"))
        # "Lowe's spokesman said ... “...,” he said": a gendered role noun lets "he" find it
        return Speaker(text, None, span[0], span[1], RE.GENDERED_ROLES.get(tok.lower_),
                       tok.lemma_.lower() if det in ("a", "an") or det is None else None)

    def _org_noun(self, tok, pos: int) -> dict | None:
        """The organisation "the bank" / "the court" / "the governing body" stands for: the
        latest organisation before ``pos`` whose name holds the noun (or a word of the same
        kind, ``ORG_NOUN_NAME_HINTS``); with a possessor ("Sri Lanka's central bank") the
        organisation whose name holds the possessor as well, wherever it is named; for a
        generic noun (``GENERIC_BODY_NOUNS``) with no such name, the latest organisation
        subject. None when the phrase is no definite organisation noun."""
        noun = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or noun not in R.ORG_REFERRING_NOUNS:
            return None
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
        poss = [c for c in tok.children if c.dep_ == "poss" and c.i in self.by_token]
        if det not in R.DEFINITE_DETERMINERS and not poss:
            return None
        hints = R.ORG_NOUN_NAME_HINTS.get(noun, (noun,))

        def fits(ent: dict) -> bool:
            name = " ".join([ent["name"], *ent.get("aliases", [])]).lower()
            words = re.findall(r"\w+", name)
            # a word of the name is or ends in the hint ("Riksbank", "Bundesbank"); a hint
            # of several words is looked for in the whole name
            return any(h in name if " " in h else any(w == h or w.endswith(h) for w in words)
                       for h in hints)

        if poss:
            owner = self.by_token[poss[0].i][0]
            owned = [(p, e) for p, e, _ in self.org_mentions if fits(e) and (
                owner["name"].lower() in e["name"].lower()
                or any(m["text"].lower() in e["name"].lower() for m in owner["mentions"]))]
            if owned:
                return min(owned, key=lambda x: abs(x[0] - pos))[1]
            return None
        before = [e for p, e, _ in self.org_mentions if p < pos and pos - p <= R.ORG_NOUN_REACH]
        named = [e for e in before if fits(e)]
        if named:
            return named[-1]
        if noun in R.BUSINESS_NOUNS:
            # "the company said": the latest organisation that may be a business
            business = [e for e in before if not R.NON_BUSINESS_NAME_WORDS & set(
                re.findall(r"\w+", e["name"].lower()))]
            if business:
                return business[-1]
        if noun in R.GENERIC_BODY_NOUNS:
            subj = [sp for p, sp in self.org_subjects if p < pos and pos - p <= R.ORG_NOUN_REACH]
            if subj:
                return next(e for e in self.entities if e["id"] == subj[-1].entity_id)
            if before:
                return before[-1]
        return None

    def _apposition(self, tok):
        """The named entity standing in apposition inside the subject phrase of ``tok``
        ("A spokesperson for the Association of Freight Carriers, Lydia Moreau,"): the parse
        may hang it off the role noun or off the object of its "of"/"for"."""
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in self.by_token:
            return None
        found = None
        last = max((t.i for t in tok.subtree if not t.is_punct), default=tok.i)
        for t in tok.subtree:
            # a list member ("conj") counts only when it closes the subject phrase
            if t.i in self.by_token and t.i > tok.i and (
                    t.dep_ == "appos" or t.dep_ in RE.APPOS_DEPS and t.i == last):
                ent, m = self.by_token[t.i]
                if ent["label"] == "PERSON" or ent["label"] == "ORG" and (
                        found is None or found[0]["label"] != "PERSON"):
                    found = (ent, m)
        return found

    def _token_range(self, tok, cut=R.SPEAKER_CUT_DEPS) -> tuple[int, int]:
        """The speaker's noun phrase: its subtree without relative clauses, participles,
        appositions and conjuncts; prepositional phrases stay ("the local chamber of
        commerce", "diplomats familiar with the talks") unless the phrase would run over
        ``SPEAKER_MAX_TOKENS`` tokens."""
        keep = [tok.i]
        stack = [c for c in tok.children if c.dep_ not in cut]
        while stack:
            c = stack.pop()
            keep.append(c.i)
            stack.extend(g for g in c.children if g.dep_ not in cut)
        a, b = min(keep), max(keep) + 1
        if b - a > R.SPEAKER_MAX_TOKENS and "prep" not in cut:
            return self._token_range(tok, cut | {"prep"})
        return a, b

    def _phrase(self, tok) -> tuple[int, int]:
        a, b = self._token_range(tok)
        return self.sdoc[a].idx, self.sdoc[b - 1].idx + len(self.sdoc[b - 1].text)

    def _pronoun(self, tok, exclude: tuple[int, int] | None = None) -> Speaker:
        gender = R.SPEAKER_PRONOUNS[tok.lower_]
        local = (tok.idx, tok.idx + len(tok.text))
        cands = self._before(tok.idx, exclude)
        pick = None
        if gender in ("m", "f"):
            # the latest compatible person wins: same gender, or a named person whose gender
            # is unknown ("Vogel defended the law ... “...,” he said")
            people = {e["id"] for e in self.entities if e["label"] == "PERSON"}
            # a recent person of that very gender beats a more recent one of unknown gender
            pick = next((c for c in cands[:R.PRONOUN_GENDER_PREFER_REACH]
                         if c.gender == gender and c.entity_id in people), None)
            if pick is None:
                pick = next((c for c in cands[:R.PRONOUN_REACH] if c.gender == gender or (
                    c.gender is None and c.entity_id in people)), None)
            if pick is not None:
                pick = self._main_clause_rival(tok, pick, cands, gender, people)
        elif gender == "o":
            org_ids = {e["id"] for e in self.entities if e["label"] in ("ORG", "GPE")}
            pick = next((c for c in cands[:4] if c.entity_id in org_ids), None)
            # an organisation that is a subject just before ("The Riksbank lifted the rate,
            # it said"), even inside the cue's own reported words; the more recent wins
            subj = [(p, sp) for p, sp in self.org_subjects
                    if p < tok.idx and tok.idx - p <= R.ORG_NOUN_REACH]
            if subj:
                pick_pos = max((p for p, sp in self.events if sp is pick), default=-1) \
                    if pick is not None else -1
                if subj[-1][0] > pick_pos:
                    pick = subj[-1][1]
        if pick is None:
            # unresolved ("I" in a column, "they" with no group before): the pronoun stays the
            # evidence (start, end) but names no one; a name "they" would be a false speaker
            return Speaker(None, None, *local, gender if gender in ("m", "f") else None)
        return Speaker(pick.name, pick.entity_id, *local, pick.gender, pick.descriptor)

    def _in_main_clause(self, pos: int) -> bool | None:
        """Whether the person whose mention starts at ``pos`` is the subject of its sentence's
        main verb (None when no token starts there)."""
        span = self.sdoc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        role = _clause_role_token(span[0])
        verb = role if role.dep_ == "ROOT" else role.head
        return verb.i == role.sent.root.i

    def _main_clause_rival(self, tok, pick: Speaker, cands: list[Speaker], gender: str,
                           people: set) -> Speaker:
        """A pronoun opening a new sentence refers back to the previous sentence's main
        subject (its speaker) rather than to a person inside that sentence's reported words:
        "Spokesman A said that B had urged C. He said ..." -> A. The rule applies when the
        pick sits in an earlier sentence, in a subordinate clause, and a compatible person
        in the same sentence is the main verb's subject."""
        sent = tok.sent
        pos = pick.start
        if pos is None or pos >= sent.start_char or self._in_main_clause(pos) is not False:
            return pick
        pick_sent = self.sdoc.char_span(pos, pos + 1, alignment_mode="expand")[0].sent
        for c in cands[:R.PRONOUN_REACH]:
            if c.start is None or not (pick_sent.start_char <= c.start < pick_sent.end_char) \
                    or c.entity_id == pick.entity_id:
                continue
            if (c.gender == gender or c.gender is None and c.entity_id in people) \
                    and self._in_main_clause(c.start):
                return c
        return pick

    def _descriptor(self, tok, pos: int) -> Speaker | None:
        """"the spokesperson", "the official": the latest source introduced with that noun,
        else the person named most recently before ``pos`` who holds that role."""
        noun = tok.lemma_.lower()
        cands = self._before(pos)[:R.PRONOUN_REACH]
        # the latest source introduced with that very noun ("three government sources" ...
        # "the sources said"), else, for "the person"/"the source", the latest source
        # introduced with a noun for people ("a US official" ... "the person said")
        for c in cands:
            if c.descriptor == noun:
                return c
        if noun in R.GENERIC_SOURCE_NOUNS:
            for c in cands:
                if c.descriptor and (c.descriptor in R.DESCRIPTOR_NOUNS
                                     or c.descriptor in RE.ROLE_HEADS
                                     or c.descriptor in R.SPEAKER_NOUNS):
                    return c
        mods = {RE.DEMONYMS.get(c.text, RE.COUNTRY_ALIASES.get(c.text, c.text))
                for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")}
        holders = [e for e in self.entities if e["label"] == "PERSON" and any(
            r["role"].split()[-1].lower() == tok.lower_ and (not mods or r["org"] in mods)
            for r in e["roles"])]
        seen = [(max((m["start"] for m in e["mentions"] if m["start"] < pos), default=-1), e)
                for e in holders]
        seen = [x for x in seen if x[0] >= 0]
        if seen:
            e = max(seen, key=lambda x: x[0])[1]
            return Speaker(e["name"], e["id"], 0, 0, e.get("gender"), noun)
        return None


def _clause_role_token(tok):
    """The token that carries a name's role in its clause: the head of a multi-word name
    ("Hélène" -> "Marchetti"), and for a name in apposition the noun it renames ("French
    ambassador Hélène Marchetti welcomed", "The envoy, Ingrid Solberg, welcomed": the
    subject is the role noun, the person is its subject all the same)."""
    for _ in range(R.NAME_HEAD_MAX_HOPS):
        if tok.dep_ == "compound" and tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN" \
                and tok.head.i != tok.i:
            tok = tok.head
        elif tok.dep_ in R.NAME_APPOS_DEPS and tok.head.i != tok.i:
            return tok.head
        else:
            break
    return tok


def speaker_like(res: Resolver, tok) -> bool:
    """A subject that can be a speaker: a person or organisation, a personal pronoun, or a
    noun for people or sources ("the official", "the group")."""
    if tok.i in res.by_token:
        return res.by_token[tok.i][0]["label"] in R.SPEAKER_LABELS
    if tok.pos_ == "PRON":
        return tok.lower_ in R.SPEAKER_PRONOUNS and tok.lower_ != "it"
    return tok.lemma_.lower() in R.DESCRIPTOR_NOUNS or tok.lower_ in RE.ROLE_HEADS \
        or tok.lemma_.lower() in R.SPEAKER_NOUNS


def named_speaker(res: Resolver, tok) -> bool:
    """A subject that names its speaker outright: a person or organisation entity, or
    "he"/"she"/"they" (not a noun such as "the group", not "it")."""
    if tok.i in res.by_token:
        return res.by_token[tok.i][0]["label"] in R.NAMED_SPEAKER_LABELS
    return tok.pos_ == "PRON" and tok.lower_ in R.NAMED_SPEAKER_PRONOUNS

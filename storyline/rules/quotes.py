"""Rule data for quotes and reported speech (English).

Used by :mod:`storyline.enrich.quotes`. The approach follows the usual cue-based attribution
recipe (Pareti 2016; Newell et al. 2018, PolNeAR): a reporting verb (the *cue*) with a subject
(the *source*, our speaker) and a clausal complement or an adjacent quotation (the *content*).
"""
from __future__ import annotations

import re

#: Lemmas of verbs that introduce speech or stated belief. A verb is a cue only when it has a
#: subject (or is the "said X" inversion) and a clause or quotation to report.
REPORTING_VERBS = frozenset("""
say tell add warn claim argue note explain insist state announce report write tweet post
suggest acknowledge admit deny predict declare confirm reveal recall ask urge contend
maintain assert stress emphasize emphasise complain respond reply answer testify allege vow
promise pledge caution concede observe remark comment believe think accuse question estimate
conclude find show indicate boast joke lament quip recount reiterate repeat reaffirm signal
threaten hint speculate wonder agree charge counter retort proclaim posit fear hope expect
feel know learn hear read say mention describe demand insist estimate forecast project
project point_out spell underscore guarantee assure reassure inform advise instruct
acknowledge disclose divulge brag concur dispute doubt reckon figure suspect worry
""".split())

#: Reporting verbs that need a clause: without a ccomp/"that" complement or adjacent quote
#: they are no cue ("he thinks about it", "polls show a lead" are not attributions we want).
CLAUSE_ONLY_VERBS = frozenset("""
believe think know find show indicate fear hope expect feel learn hear read suggest estimate
figure suspect worry doubt reckon describe mention question project forecast
""".split())

#: Multi-word cues whose words are not a reporting verb of their own: the first word's lemma
#: and the word that must follow it.
PHRASAL_CUES = {("point", "out"), ("make", "clear"), ("spell", "out")}

#: "according to X": the preposition cue (a speaker without a verb).
ACCORDING_TO = ("according", "to")

#: Opening and closing quotation marks. Straight marks are decided by context (see code).
OPEN_MARKS = ("“", "„", "«", "``")
CLOSE_MARKS = ("”", "»")
AMBIGUOUS_MARKS = ('"', "''")
#: One regex for every mark, longest first (so '' is one mark, not two apostrophes).
QUOTE_MARK_RE = re.compile(r"``|''|[“”„«»\"]")
#: Characters after which an ambiguous straight mark opens a quotation.
OPENING_CONTEXT = " \t\n([{—–-:/"

#: A quotation shorter than this many words, with no cue of its own, is a scare quote or a
#: title, not a quote ("the so-called “reset”").
MIN_DIRECT_WORDS = 4

#: Part of the content that may lie outside the quote marks and still count as a direct quote
#: (the trailing comma, the full stop, spaces), as a share of the content length.
DIRECT_OUTSIDE_SHARE = 0.15

#: Pronouns that stand for a speaker, with their gender ("n" = neutral/plural, "o" = thing
#: or organisation).
SPEAKER_PRONOUNS = {"he": "m", "she": "f", "i": "?", "we": "n", "they": "n", "it": "o",
                    "him": "m", "her": "f"}

#: Nouns that, after "the", refer back to a source introduced earlier ("a US official who
#: briefed reporters" ... "the person said", "the official said").
DESCRIPTOR_NOUNS = frozenset("""
person official source spokesman spokeswoman spokesperson aide adviser advisor diplomat
officer people officials sources aides statement report
""".split())

#: Dependency labels cut from a speaker noun phrase for its display name ("a US official
#: [who briefed reporters on condition of anonymity]").
SPEAKER_CUT_DEPS = frozenset(("relcl", "acl", "appos", "punct", "cc", "conj", "prep"))

#: Labels of a subject of the cue verb.
SUBJECT_DEPS = ("nsubj", "nsubjpass")

#: Labels of the reported clause under the cue verb.
CONTENT_DEPS = ("ccomp", "xcomp", "parataxis", "dobj")

#: Content shorter than this many word tokens is no reported statement ("he said so").
MIN_CONTENT_TOKENS = 3

#: Leading/trailing tokens stripped from a reported clause.
CONTENT_STRIP_LEADING = frozenset(("that", ",", ":", "—", "-", "–"))

#: Nouns of the medium a cue may name ("said in a statement", "wrote in a tweet"): made part
#: of the cue, not of the content.
CUE_MEDIUM_NOUNS = frozenset("""
statement tweet interview post email e-mail letter release briefing speech op-ed column
memo message note video
""".split())

#: Verbs whose infinitive complement is what they report ("vowed to fight", "urged X to").
XCOMP_VERBS = frozenset("""
promise vow pledge threaten urge warn ask demand claim insist refuse
""".split())

#: A quotation whose sentence starts before its opening mark is a fragment (partial) unless
#: the words before it end with one of these ("He said: “...”", "“...,” he said, “...”").
QUOTE_LEAD_PUNCT = (":", ",", "—", "–", "-")

#: A present participle cue hanging off another verb takes that verb's subject
#: ("Trump spoke in Ohio, saying that ...").
PARTICIPLE_CUE_DEPS = ("advcl", "xcomp", "conj", "acl")

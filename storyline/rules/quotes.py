"""Rule data for quotes and reported speech (English).

Used by :mod:`storyline.enrich.quotes`. The approach follows the usual cue-based attribution
recipe (Pareti 2016; Newell et al. 2018, PolNeAR): a reporting verb (the *cue*) with a subject
(the *source*, our speaker) and a clausal complement or an adjacent quotation (the *content*).
"""
from __future__ import annotations

import re

from storyline.rules.datelines import DATELINE_RE, dateline_match  # noqa: F401  (reported content drops it)

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
                    "him": "m", "her": "f", "his": "m", "their": "n", "its": "o"}

#: Nouns that, after "the", refer back to a source introduced earlier ("a US official who
#: briefed reporters" ... "the person said", "the official said").
DESCRIPTOR_NOUNS = frozenset("""
person official source spokesman spokeswoman spokesperson aide adviser advisor diplomat
officer people officials sources aides statement report
""".split())

#: Dependency labels cut from a speaker noun phrase for its display name ("a US official
#: [who briefed reporters on condition of anonymity]", "the community['s] finding").
SPEAKER_CUT_DEPS = frozenset(("relcl", "acl", "appos", "punct", "cc", "conj", "case"))

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

#: Words whose full stop ends no sentence (titles, name parts, months, common abbreviations);
#: compared lower-case without the final stop. A single capital letter (an initial) neither.
ABBREVIATIONS = frozenset("""
mr mrs ms dr sen rep gov lt gen col maj capt sgt adm cmdr st jr sr prof rev hon pres
u.s u.k u.n d.c e.u no vs etc inc corp co ltd dept gov't ft mt
jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m
""".split())

#: A quotation whose last character (inside the marks) is one of these closes its sentence:
#: the words after the closing mark belong to the next sentence, so a cue there is not its cue
#: ("... “stop its escapades.” The agency said ..."). "?" and "!" are left out: “Why?” he asked.
#: (Letting a next-sentence cue that reports nothing of its own through cost 0.002 F1 on
#: train.)
CLOSED_QUOTE_END = (".",)

#: Relative pronouns: as the subject of a cue in a relative clause they stand for the noun
#: the clause hangs off ("an architect who said he was stiffed" -> "an architect").
RELATIVE_PRONOUNS = frozenset(("who", "that", "which", "whom"))

#: Dependency labels spaCy gives the speaker of an inverted cue ("“...,” said James Acton",
#: often parsed as an object) and how many tokens after the verb it may sit.
INVERTED_SUBJECT_DEPS = ("nsubj", "nsubjpass", "dobj", "attr", "npadvmod", "dative", "oprd",
                         "appos")
INVERTED_SUBJECT_REACH = 4

#: A quotation of fewer than ``MIN_DIRECT_WORDS`` words still reads as a full sentence (and may
#: continue the previous speaker) when it starts upper-case and ends with one of these.
SENTENCE_END_MARKS = (".", "!", "?")

#: Verbs that introduce a quotation placed right before or after them but report nothing
#: otherwise ("“Go back,” Trump barked", "He continued: “...”"): never an indirect quote.
QUOTE_ONLY_VERBS = frozenset("""
continue bark shout yell scream cry exclaim chant muse scoff chide snap interject remember
recall sigh laugh quip gush rant rail marvel plead thunder tout begin conclude add
retaliate interrupt elaborate whisper mutter murmur sing scold
""".split())

#: Pronouns for things: the subject of a cue nested in another cue's reported clause ("She
#: says it underscores that ...") does not take the outer speaker's quotation.
THING_PRONOUNS = frozenset(("it", "this", "that"))

#: Verbs that are quote-only cues with this particle ("Rubio fired back: “...”", "He went
#: on, “...”").
QUOTE_ONLY_PARTICLE_VERBS = {"fire": "back", "shoot": "back", "hit": "back", "push": "back",
                             "go": "on", "chime": "in", "weigh": "in", "cut": "in"}

#: Verb + object idioms that introduce a quotation ("as the prosecutor put it, “...”").
QUOTE_ONLY_OBJECT_VERBS = {"put": "it"}

#: A quotation that starts inside a cue's reported clause and lies mostly (this share of its
#: length) inside it is a partial quote of that cue, even when it runs past the clause's end.
PARTIAL_INSIDE_SHARE = 0.5

#: Quoted fragments (inside a sentence, no cue of their own) are attributed to the subject of
#: the verb above them in the parse when that verb says or characterises ("called it a
#: “paperwork error”", "described the city as “a place of honesty”"); fewer words than
#: ``MIN_FRAGMENT_WORDS`` are scare quotes or titles. ``FRAGMENT_MAX_HOPS`` bounds the walk up.
FRAGMENT_VERBS = frozenset("""
call describe dub label brand term characterize characterise hail praise applaud criticize
criticise condemn decry denounce slam blast attack mock deride dismiss reject lament bemoan
offer promise vow pledge apologize apologise demand urge plead accuse blame credit thank
refer coin share publish welcome tout champion defend pitch portray paint cast frame chant
invoke cite quote
""".split())
MIN_FRAGMENT_WORDS = 2
#: With no verb of saying above it, a fragment goes to the subject of the first finite verb
#: above when that subject is a person or organisation (``NAMED_SPEAKER_LABELS``) or one of
#: ``NAMED_SPEAKER_PRONOUNS``; never through these verbs ("Trump is a “strong leader”": the
#: writer's words).
FRAGMENT_SKIP_VERBS = frozenset(("be",))
NAMED_SPEAKER_LABELS = ("PERSON", "ORG")
NAMED_SPEAKER_PRONOUNS = frozenset(("he", "she", "they"))
FRAGMENT_MAX_HOPS = 6
#: The walk up passes a non-finite verb in one of these relations ("credited Merkel with
#: *holding* “the continent together”") on to the verb above it.
FRAGMENT_PASS_DEPS = ("pcomp", "xcomp", "advcl", "acl", "relcl")

#: Entity labels that can speak (a fragment's speaker must be one of them or a pronoun/noun
#: for people).
SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")

#: Nouns for people or groups that may speak, beyond ``DESCRIPTOR_NOUNS`` and role words.
SPEAKER_NOUNS = frozenset("""
group crowd campaign party administration government committee company agency court judge
lawmaker lawmakers senator critic critics supporter supporters voter voters protester
protesters activist activists leader leaders candidate expert experts analyst analysts
man woman men women member members organization ad letter
""".split())

#: A quotation right after this mark, with no reporting verb, is the words of the subject of
#: the clause before it ("The committee was clear in its findings: “...”").
INTRODUCING_COLON = ":"

#: Titles of shows, books and slogans in quotation marks are not quotes: a quotation of at most
#: ``MAX_TITLE_WORDS`` words, all capitalised except ``TITLE_SMALL_WORDS``, right after text
#: matching ``TITLE_CONTEXT_BEFORE`` (a possessive, "on", "of", "titled", "book", "show").
MAX_TITLE_WORDS = 10
TITLE_SMALL_WORDS = frozenset("a an the of and or in on for to at with by from as vs".split())
TITLE_CONTEXT_BEFORE = re.compile(
    r"(?:['’]s|\b(?:on|of|titled|entitled|book|show|program|programme|film|movie|song|"
    r"album|series|column|podcast|magazine|documentary|novel|memoir|play|musical|episode|"
    r"headline|opera|sitcom|drama|poem|essay|newsletter|exhibition|campaign slogan)),?\s*$",
    re.IGNORECASE)

#: A paragraph that is a photo caption or credit ("Photo: ...", "(AP Photo/Evan Vucci)",
#: "Getty Images"): a quotation in it is a caption's words, no one's quote.
CAPTION_RE = re.compile(
    r"\((?:AP|Reuters|AFP|EPA|Getty)?\s*Photos?\b|\b(?:Photo|Photograph|Image|Picture|Caption)s?"
    r"\s*(?::|by\b|credit\b)|\bGetty Images\b|\bCredit:|\b(?:AP|AFP|Reuters|EPA)\s+Photo\b")

#: Text before a quotation ending like this ends a sentence (a closing mark may follow the
#: stop: ... on NBC's “Meet the Press.” “She lies ...”), so the quotation starts one.
SENTENCE_BEFORE_RE = re.compile(r"[.!?:][”\"'’»]*\s*$")

#: A speaker noun phrase keeps its prepositional phrases ("the local chamber of commerce")
#: up to this many tokens; a longer one is cut at its prepositions.
SPEAKER_MAX_TOKENS = 8

#: Subordinators that make a quote-only verb ("add", "continue") report a clause: "He added
#: that a similar exchange was being discussed" is reported speech.
THAT_MARKS = frozenset(("that",))

#: How many earlier speakers and person subjects (latest first) a "he"/"she" looks back over;
#: the first one of that gender, or a named person of unknown gender, is its antecedent.
PRONOUN_REACH = 12

#: Reported "content" that only says the source wants to stay anonymous ("who asked not to be
#: named", "asked not to be identified", "on condition of anonymity"): never a quote.
ANONYMITY_CONTENT_RE = re.compile(
    r"^(?:not\s+to\s+be\s+(?:named|identified|quoted|cited|disclosed)|"
    r"(?:on\s+(?:the\s+)?condition\s+of\s+)?anonymity)\b", re.IGNORECASE)

#: "the person said", "the source said": refers back to the latest source introduced with any
#: noun for people ("a senior official", "a diplomat") when none was introduced with that noun.
GENERIC_SOURCE_NOUNS = frozenset(("person", "source"))


# ---------------------------------------------------------------- round six: pronouns

#: "she said": among this many most recent candidates, a person of that very gender wins
#: over a more recent one whose gender is unknown ("Liu Wenhao said ... Hélène Marchetti
#: welcomed ... she told").
PRONOUN_GENDER_PREFER_REACH = 3
#: A person named in apposition to a subject ("The envoy, Ingrid Solberg, welcomed ...") is
#: an antecedent like the subject itself: the dependency labels of such a name, and how many
#: compound hops lead from a first name to the name's head.
NAME_APPOS_DEPS = ("appos",)
NAME_HEAD_MAX_HOPS = 4
#: What may stand between a cue and the quotation it introduces for the quotation to be a
#: direct quote ("said: “...”", "said, “...”", "said “...”"); any other words before the quote
#: make it a fragment of the reported speech (partial).
LEAD_CUE_GLUE = ("", ":", ",", "—", "–", "-")

# ---------------------------------------------------------------- round six: organisations
#: "the bank said", "the court ruled", "the governing body said": a definite noun for a kind
#: of organisation stands for an organisation named before (see ``Resolver._org_noun``).
ORG_REFERRING_NOUNS = frozenset("""
bank court ministry department company firm group agency union party council committee commission
body institution organisation organization regulator authority board fund tribunal
federation association alliance bloc lender insurer carrier airline
""".split())
#: Determiners that make such a noun definite (an indefinite "a bank" names no one).
DEFINITE_DETERMINERS = ("the", "this")
#: Words in an organisation's name that mark it as being of that kind (lower case): "the
#: bank" may be the Riksbank or the Federal Reserve, "the court" a tribunal. A one-word hint
#: matches a word of the name that is or ends in it ("Bundesbank"); note "ag" then also
#: matches a name word ending in "ag" ("Bundestag"), so it is kept for companies only.
ORG_NOUN_NAME_HINTS = {
    "bank": ("bank", "reserve", "monetary authority"),
    "lender": ("bank", "reserve", "monetary fund", "fund"),
    "court": ("court", "tribunal"),
    "tribunal": ("tribunal", "court"),
    "ministry": ("ministry", "department"),
    "department": ("department", "ministry"),
    "company": ("company", "corp", "corporation", "inc", "group", "holdings", "ltd", "plc",
                "gmbh", "ag"),
    "firm": ("company", "corp", "corporation", "inc", "group", "holdings", "ltd", "plc",
             "gmbh", "ag", "partners"),
    "bloc": ("union", "association", "bloc", "asean", "community"),
    "agency": ("agency", "office", "authority", "administration", "bureau", "service",
               "commission", "directorate", "inspectorate"),
    "group": ("group", "holdings"),
}
#: "the company said", "the firm said", "the group said" with no organisation of that
#: name (``ORG_NOUN_NAME_HINTS``): the latest organisation that may be a business, i.e.
#: whose name holds none of ``NON_BUSINESS_NAME_WORDS`` ("Samsung Electronics ... the
#: company said" is Samsung; a ministry or a city named in between is skipped).
BUSINESS_NOUNS = frozenset("company firm group".split())
#: Name words (lower case) of government bodies, courts, armies, parliaments, schools and
#: the like: an organisation so named is never "the company".
NON_BUSINESS_NAME_WORDS = frozenset("""
ministry department agency office authority government council commission parliament
congress senate assembly court tribunal police army navy military forces university
school committee administration bureau directorate cabinet presidency kremlin
""".split())
#: Nouns with no kind of their own: with no organisation of that name, "the governing body"
#: or "the institution" is the latest organisation subject.
GENERIC_BODY_NOUNS = frozenset("body institution organisation organization".split())
#: How far back (characters) "it" or "the bank" looks for its organisation.
ORG_NOUN_REACH = 1500

# ---------------------------------------------------------------- round seven: stated nouns
#: "expressed his strong hope that ...", "voiced concern that ...": a verb of expressing
#: (``EXPRESSION_VERBS``) whose object is a noun for a stated view (``STATEMENT_NOUNS``) and
#: which governs a "that" clause (on the verb or on the noun) is a reporting cue; the clause
#: is what was reported. Without the that-clause ("expressed concern") it is no cue.
EXPRESSION_VERBS = frozenset("express voice convey air register reiterate share".split())
STATEMENT_NOUNS = frozenset("""
hope concern fear belief confidence optimism conviction view opinion wish expectation
doubt worry regret satisfaction frustration disappointment
""".split())

# ---------------------------------------------------------------- round eight: noun cues
#: "the intelligence community's finding that Russia interfered", "his claim that ...": a noun
#: for a statement with a possessor (the source) and a "that" clause (the content) is a cue of
#: its own, so the clause is not given to the speaker of the sentence around it.
STATEMENT_CUE_NOUNS = frozenset("""
finding claim assertion statement warning belief argument allegation conclusion assessment
insistence contention promise pledge suggestion prediction admission denial accusation
announcement report testimony view position assurance threat vow declaration
""".split())
#: Dependency labels of the "that" clause under such a noun.
NOUN_CLAUSE_DEPS = ("acl", "ccomp", "relcl")

# ---------------------------------------------------------------- round eight: dash bylines
#: A quotation signed with a dash, the paragraph's only other words: "“...” ― Carla Sanchez."
#: or "Carla Sanchez ― “...”" (reader comments, panels, epigraphs). The dash and the name.
DASH_BYLINE_AFTER_RE = re.compile(r"[ \t\u00a0]*[―—–]|[ \t\u00a0]+-[ \t\u00a0]")
DASH_BYLINE_BEFORE_RE = re.compile(r"[ \t\u00a0]*(?:[―—–]|-)[ \t\u00a0]*$")
#: The signature: two to four capitalised words (when no entity covers it), then nothing but
#: an optional ", role" and final punctuation.
BYLINE_NAME_RE = re.compile(r"[A-Z][\w.'’-]*(?:[ \t\u00a0]+[A-Z][\w.'’-]*){1,3}")
BYLINE_TAIL_RE = re.compile(r"[ \t\u00a0]*(?:,[^“”\"]{0,80})?[.!]?[ \t\u00a0]*$")

# ---------------------------------------------------------------- round eight: stances
#: Verbs of stance and intention whose object or infinitive is what the source said or wants,
#: an attribution in PolNeAR's sense though no clause is reported ("Clinton cited his remarks
#: as examples", "Trump called for a ban", "She wants to triple the program"). Their content
#: is the object (with what follows it: "criticized Obama for not doing so") or the
#: infinitive. Lemma -> the dependency labels that open the content; "prep:for" is the
#: object of that preposition ("called for a ban"), kept with the preposition out.
STANCE_VERBS = {
    "want": ("xcomp",), "plan": ("xcomp", "dobj"), "hope": ("xcomp", "dobj"), "seek": ("xcomp", "dobj"),
    "intend": ("xcomp",), "agree": ("xcomp",), "decline": ("xcomp",),
    "offer": ("xcomp", "dobj"),
    "propose": ("dobj", "xcomp"), "aim": ("xcomp",),
    "call": ("dobj", "prep:for", "prep:on"), "cite": ("dobj",), "criticize": ("dobj",),
    "criticise": ("dobj",), "praise": ("dobj",), "attack": ("dobj",), "accuse": ("dobj",),
    "endorse": ("dobj",), "reject": ("dobj",), "describe": ("dobj",), "blame": ("dobj",),
    "condemn": ("dobj",), "defend": ("dobj",), "dispute": ("dobj",), "slam": ("dobj",),
    "blast": ("dobj",), "oppose": ("dobj",), "support": ("dobj",), "question": ("dobj",),
    "discuss": ("dobj",), "point": ("prep:to",), "refer": ("prep:to",), "liken": ("dobj",),
    "compare": ("dobj",), "champion": ("dobj",), "demand": ("dobj",), "urge": ("dobj",),
    "announce": ("dobj",), "promise": ("dobj",), "pledge": ("dobj",), "vow": ("xcomp",),
    "threaten": ("xcomp", "dobj"), "refuse": ("xcomp",), "recommend": ("dobj",),
    "acknowledge": ("dobj",), "deny": ("dobj",), "mention": ("dobj",), "applaud": ("dobj",),
    "welcome": ("dobj",), "decry": ("dobj",), "denounce": ("dobj",), "dismiss": ("dobj",),
    "seem": ("xcomp",), "appear": ("xcomp",), "decide": ("xcomp",), "speak": ("prep:about",
    "prep:of"), "talk": ("prep:about",), "vote": ("prep:for", "prep:against", "xcomp"),
    "express": ("dobj",), "issue": ("dobj",), "promote": ("dobj",), "push": ("prep:for",),
    "argue": ("prep:for", "prep:against"), "warn": ("prep:of", "prep:against"),
}
#: Stance verbs whose object is content only with a characterisation after it: "called the
#: charges unsubstantiated" (oprd), not "called Putin to discuss Ukraine" (a phone call).
#: Lemma -> dependency labels one of which must follow the object ("prep:" openings exempt).
STANCE_NEEDS_PREDICATE = {"call": ("oprd", "attr", "acomp", "ccomp", "dobj")}
#: After the opening complement, these right-hand dependants still belong to the content
#: ("called the charges *unsubstantiated*", "cited the remarks *as examples*").
STANCE_CONTENT_DEPS = frozenset(("dobj", "oprd", "xcomp", "ccomp", "prep", "dative", "attr",
                                 "acomp", "npadvmod", "advmod", "pobj"))

#: What may join two quotations for the second to share the first one's speaker: a comma or
#: a conjunction, an article ("called him a “liar,” a “bully” and a “narcissist”").
COORDINATED_QUOTES_RE = re.compile(r"\s*[,;]?\s*(?:(?:and|or|but|as well as)\s+)?(?:(?:an?|the)\s+)?",
                                   re.IGNORECASE)

#: A transcript turn inside quotation marks: a speaker's name in capitals, a colon, the words
#: (“PENCE: Well, look, ...”, “MR. SMITH: ...”). Group 1 is the name.
TRANSCRIPT_TURN_RE = re.compile(r"\s*((?:[A-Z][A-Z.'’-]+\s){0,2}[A-Z][A-Z.'’-]{2,}):\s+")

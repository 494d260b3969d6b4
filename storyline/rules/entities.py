"""Rule data for entity extraction (English): titles, role words, label fixes, country aliases.

Everything :mod:`storyline.enrich.entities` decides beyond spaCy's NER comes from the names
below, each with the reason it exists. Keys are lower-case unless said otherwise.
"""
from __future__ import annotations

import re

#: spaCy labels we keep as entities; the others (DATE, MONEY, ...) belong to other components.
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")

#: Words that can head a role phrase right before a name ("foreign policy *aide* Yuri Ushakov",
#: "Press *Secretary* Jen Psaki") or after one in an apposition ("Ned Price, a ... *spokesman*").
ROLE_HEADS = frozenset("""
president vice-president chairman chairwoman chair ceo cfo coo founder director secretary
minister premier chancellor spokesman spokeswoman spokesperson aide adviser advisor official
officer ambassador envoy senator sen. representative rep. congressman congresswoman governor gov.
mayor leader general gen. admiral commander chief head king queen prince princess pope
emperor judge justice attorney lawyer prosecutor candidate nominee strategist analyst economist
professor prof. dr. deputy negotiator diplomat manager editor correspondent reporter columnist
executive chancellor treasurer commissioner lieutenant colonel col. sergeant captain capt.
speaker whip counsel inspector superintendent sheriff president-elect secretary-general
director-general co-founder partner researcher scientist historian spokesperson pollster
""".split())

#: Honorifics: not a role, but a gender hint and part of no name.
HONORIFICS = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f",
              "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f"}

#: Role heads that also tell the person's gender (used to resolve "he"/"she").
GENDERED_ROLES = {"spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f",
                  "congressman": "m", "congresswoman": "f", "king": "m", "queen": "f",
                  "prince": "m", "princess": "f", "emperor": "m", "pope": "m",
                  "businessman": "m", "businesswoman": "f"}

#: Multi-word titles containing a function word, matched as whole phrases before a name
#: ("Secretary of State Antony Blinken"). Value = the organisation the title implies, or None.
TITLE_PHRASES = {
    "secretary of state": "State Department",
    "secretary of defense": "Defense Department",
    "secretary of the treasury": "Treasury Department",
    "attorney general": "Justice Department",
    "chief of staff": None,
    "minister of foreign affairs": None,
    "minister of defence": None,
    "minister of defense": None,
    "speaker of the house": "House of Representatives",
    "national security adviser": None,
    "prime minister": None,
    "first lady": None,
    "supreme leader": None,
}

#: Lower-case words allowed inside a role phrase before its head ("foreign policy aide",
#: "senior administration official", "former deputy press secretary").
ROLE_MODIFIER_POS = ("ADJ", "NOUN", "PROPN")

#: Words that never belong in a role phrase although tagged ADJ/NOUN (they end the walk left).
ROLE_STOPWORDS = frozenset("""
the a an this that these those his her its their our my your said says told and or but
of for to in on at by with from as who which when after before while
""".split())

#: Names spaCy's small model often mislabels: surface form (exact case) -> label.
#: "Kremlin", "White House" etc. speak as institutions, so ORG.
FORCED_LABELS = {
    "Kremlin": "ORG", "White House": "ORG", "Pentagon": "ORG", "State Department": "ORG",
    "Justice Department": "ORG", "Downing Street": "ORG", "Elysee": "ORG", "Élysée": "ORG",
    "Congress": "ORG", "Senate": "ORG", "Capitol Hill": "ORG", "Bundestag": "ORG",
    "Duma": "ORG", "Politburo": "ORG", "Vatican": "ORG",
}

#: Leading words removed from a mention ("the White House" -> "White House").
LEADING_DETERMINERS = ("the ", "The ")

#: Country aliases: every form -> canonical display name. Forms are compared case-sensitively.
COUNTRY_ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States",
    "U.S.A.": "United States", "America": "United States", "United States": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "United Kingdom": "United Kingdom",
    "EU": "European Union", "E.U.": "European Union", "European Union": "European Union",
    "UN": "United Nations", "U.N.": "United Nations", "United Nations": "United Nations",
    "Russian Federation": "Russia", "Soviet Union": "Soviet Union", "USSR": "Soviet Union",
}

#: Nationality adjective (NORP) -> the country it names. A NORP entity is linked to its country
#: as ``country`` only (a nationality is not the state itself).
DEMONYMS = {
    "American": "United States", "Russian": "Russia", "Ukrainian": "Ukraine",
    "British": "United Kingdom", "French": "France", "German": "Germany", "Chinese": "China",
    "Japanese": "Japan", "Indian": "India", "Italian": "Italy", "Spanish": "Spain",
    "Canadian": "Canada", "Mexican": "Mexico", "Israeli": "Israel", "Iranian": "Iran",
    "Iraqi": "Iraq", "Syrian": "Syria", "Turkish": "Turkey", "Polish": "Poland",
    "Belarusian": "Belarus", "Georgian": "Georgia", "Korean": "Korea",
    "North Korean": "North Korea", "South Korean": "South Korea", "Saudi": "Saudi Arabia",
    "Egyptian": "Egypt", "Afghan": "Afghanistan", "Pakistani": "Pakistan",
    "Australian": "Australia", "Brazilian": "Brazil", "Cuban": "Cuba", "Dutch": "Netherlands",
    "Belgian": "Belgium", "Swiss": "Switzerland", "Austrian": "Austria", "Swedish": "Sweden",
    "Norwegian": "Norway", "Finnish": "Finland", "Danish": "Denmark", "Irish": "Ireland",
    "Greek": "Greece", "Luxembourgish": "Luxembourg", "Venezuelan": "Venezuela",
    "Palestinian": "Palestine", "Lebanese": "Lebanon", "Libyan": "Libya", "Nigerian": "Nigeria",
    "Soviet": "Soviet Union", "European": "Europe",
}

#: Function words skipped when matching an acronym against a long form's initials
#: ("Organization for Security and Cooperation in Europe" -> OSCE).
ACRONYM_SKIP_WORDS = frozenset("of for and in on the to at de du des la le et".split())

#: "Long Form (LF)" and "LF (Long Form)": an acronym is 2-8 capitals (dots allowed).
ACRONYM_RE = re.compile(r"^[A-Z](?:\.?[A-Z&]){1,7}\.?$")

#: Prepositions that may continue an ORG name over a following place/name
#: (spaCy cuts "the Organization for Security and Cooperation" | "in Europe").
ORG_CONTINUATION_PREPS = ("in", "of", "for")

#: Pronouns by gender, for coreference of speakers.
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}

#: Common first names by gender: a weak hint used only when no title or honorific tells.
FEMALE_FIRST_NAMES = frozenset("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice
jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle
theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla hillary
nikki kamala nancy elizabeth jen jill melania ivanka chelsea angela theresa ursula christine
marine kellyanne sarah huma condoleezza madeleine michele elise tulsi kirsten amy liz dana
hope kellyanne sheryl oprah janet loretta susan valerie samantha nikki kristi gretchen
""".split())
MALE_FIRST_NAMES = frozenset("""
james robert john michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy harold
keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan
joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene
vincent russell elijah louis bobby philip johnny barack bill ted marco jeb mike newt rand
chris bernie tim vladimir sergei dmitry yuri emmanuel boris xi recep benjamin bashar ned
antony volodymyr mitch chuck reince sean jared rudy lindsey ben harry hank dick al jim tom
rick rob bob ken steve dan greg ron jeff josh nick jon sam joe martin karl olaf justin
""".split())

#: Head nouns of organisation names: a run of capitalised words ending in one of these is an
#: ORG even when spaCy misses it or cuts it ("Russia-NATO Council", "Justice Department").
ORG_HEAD_WORDS = frozenset("""
Council Committee Commission Department Ministry Agency Organization Organisation Party
Union Association Institute Foundation Bank Fund Corporation Company Court Assembly Bureau
Office Service Administration Parliament Senate Congress Army Navy Force Forces Police
University College Times Post Journal News Network Group Alliance Coalition Federation
""".split())

#: Tokens that may not start an ORG found by ``ORG_HEAD_WORDS`` (sentence-initial words).
ORG_RUN_STOP = frozenset("The A An This That It He She They We In On At For And But".split())

"""Rule data for entity extraction (English): titles, role words, label fixes, country aliases.

Everything :mod:`storyline.enrich.entities` decides beyond spaCy's NER comes from the names
below, each with the reason it exists. Keys are lower-case unless said otherwise.
"""
from __future__ import annotations

import re

from storyline.rules.nationalities import COUNTRY_OF_DEMONYM

#: spaCy labels we keep as entities; the others (DATE, MONEY, ...) belong to other components.
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")

#: Words that can head a role phrase right before a name ("foreign policy *aide* Yuri Ushakov",
#: "Press *Secretary* Jen Psaki", "City *Solicitor* Mark Feld") or after one in an apposition
#: ("Ned Price, a ... *spokesman*").
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
solicitor clerk auditor assessor comptroller controller administrator coordinator trustee
alderman alderwoman councilman councilwoman councillor councilor councilmember supervisor
chairperson ombudsman registrar magistrate marshal constable curator dean principal rector
provost bishop archbishop cardinal rabbi imam pastor vicar
brigadier brigadier-general major-general lieutenant-general corporal commodore
counterpart
""".split())

#: "the minister of trade", "the head of research": after a role noun in an apposition, an
#: "of"/"for" and a short run of lower-case common nouns (no article, no name) is the role's
#: portfolio and stays part of the role; "the president of the company" (an article) or "of
#: Acme" (a name) is an organisation instead.
ROLE_PORTFOLIO_PREPS = ("of", "for")
#: Longest portfolio run in words ("foreign affairs and trade").
ROLE_PORTFOLIO_MAX_TOKENS = 4
#: Words that may join the words of a portfolio ("finance and economy").
ROLE_PORTFOLIO_JOINERS = ("and", "&")

#: Honorifics: not a role, but a gender hint and part of no name.
HONORIFICS = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f",
              "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f"}

#: Role heads that also tell the person's gender (used to resolve "he"/"she").
GENDERED_ROLES = {"spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f",
                  "congressman": "m", "congresswoman": "f", "king": "m", "queen": "f",
                  "prince": "m", "princess": "f", "emperor": "m", "pope": "m",
                  "businessman": "m", "businesswoman": "f", "councilman": "m",
                  "councilwoman": "f", "alderman": "m", "alderwoman": "f",
                  "duchess": "f", "duke": "m", "empress": "f",
                  "headmistress": "f", "headmaster": "m", "policewoman": "f",
                  "policeman": "m", "anchorwoman": "f", "anchorman": "m",
                  "sportswoman": "f", "sportsman": "m", "actress": "f", "widow": "f",
                  "widower": "m", "mother": "f", "father": "m", "wife": "f", "husband": "m",
                  "daughter": "f", "son": "m", "sister": "f", "brother": "m",
                  "grandmother": "f", "grandfather": "m", "madam": "f", "madame": "f"}

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

#: Nationality word (NORP) -> the country it names, derived from the one table in
#: :mod:`storyline.rules.nationalities`. A NORP entity is linked to its country as ``country``
#: only (a nationality is not the state itself).
DEMONYMS = COUNTRY_OF_DEMONYM

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
#: English names first, then frequent given names across European, Latin American, Middle
#: Eastern, African and Asian languages (accented and plain spellings both listed, since copy
#: often drops the accents). A name common for both sexes (Andrea, Jean, Kim, Nikola) sits in
#: neither list or in both, and then gives no hint (see ``_person_gender``).
FEMALE_FIRST_NAMES = frozenset("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
megan cheryl jacqueline frances gloria ann teresa kathryn sara janice alice madison doris
abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana
brittany natalie isabella charlotte rose alexis kayla hillary nikki kamala jen jill melania
ivanka chelsea ursula marine kellyanne huma condoleezza madeleine michele elise tulsi
kirsten liz dana hope sheryl oprah loretta valerie kristi gretchen harriet eleanor florence
edith agnes mabel beatrice penelope philippa imogen georgina fiona siobhan aoife niamh
sinead ciara mairead bridget eileen maureen deirdre priti yvette liesl annabel camilla
rosamund gwen bronwen rhiannon ffion ingrid astrid sigrid solveig liv kari randi hilde hanne
ragnhild gunhild birgit birgitta karin kerstin margareta ulla lena annika malin elin ebba
frida ida maja saga signe tove mette pernille lotte dorthe helle susanne inger marianne
bodil jette vibeke anneli tarja sanna marja riikka paivi päivi hanna jenni katja minna tuula
aino helga dagmar sabine gudrun heike ute petra katrin anke silke monika renate angelika
annegret franziska brigitte elke gisela hannelore ilse irmgard jutta karola claudia svenja
steffi lea leonie annalena ricarda manuela heidi hélène helene mireille sylvie nathalie
isabelle sandrine véronique veronique valérie ségolène segolene christiane martine françoise
francoise monique chantal colette odile geneviève genevieve élisabeth elisabeth anne-marie
marie-claire aurélie aurelie céline celine émilie emilie agathe clémence clemence delphine
elodie amélie amelie sophie pascale josiane yvonne ghislaine rachida rosa carmen pilar
dolores mercedes concepcion concepción montserrat nuria núria rocío rocio inmaculada begoña
begona ainhoa itziar yolanda esperanza lucía lucia paula beatriz inés ines catalina
valentina gabriela daniela fernanda mariana ximena guadalupe lourdes araceli alejandra
adriana lorena marisol soledad graciela cristina paola giulia francesca chiara federica
alessandra giovanna giorgia elena silvia roberta antonella raffaella donatella ornella
serena simona valeria joana inês conceição conceicao fátima fatima leonor carolina ana irina
olga tatiana tatyana svetlana natalia natalya yelena ekaterina yekaterina anastasia marina
galina lyudmila ludmila oksana yulia yuliya nadezhda larisa alla vera lyubov zoya kseniya
ksenia daria darya polina alina viktoria iryna olena nataliya halyna kateryna tetiana
liudmyla maryna agnieszka katarzyna małgorzata malgorzata magdalena joanna dorota ewa beata
aleksandra justyna krystyna urszula renata grazyna grażyna jadwiga zofia halina jana lenka
hana eva zuzana martina veronika ivana lucie tereza kateřina katerina zsuzsanna katalin
erzsébet erzsebet ildikó ildiko judit krisztina eszter ioana mihaela raluca andreea monica
corina viorica maria-elena dimitra eleni georgia sofia vasiliki despina snežana snezana
jelena milica dragana vesna marija tamara ljiljana ayşe ayse fatma emine hatice zeynep elif
meryem merve esra özlem ozlem sibel aisha aïsha ayesha khadija maryam mariam zainab leila
layla laila nour noor salma rania hanan huda samira yasmin yasmine amina hind lina dalia
rasha reem shirin parisa fariba soheila nasrin zahra mahsa neda roya priya anjali sunita
meena kavita lakshmi deepa pooja neha aishwarya shreya sonia indira nirmala smriti sushma
mamata jayalalithaa pratibha droupadi priyanka hasina khaleda benazir malala yuko keiko yoko
akiko sachiko michiko naoko tomoko kazuko hiroko emiko mariko ayumi haruka misaki yui sakura
yuriko sanae seiko ji-yeon ji-yeong min-ji soo-jin seo-yeon hye-jin eun-ji kyung-hwa mai
dewi wati retno megawati jacinda nanaia penny tanya ngozi chimamanda folake funmilayo ellen
""".split())
MALE_FIRST_NAMES = frozenset("""
james robert john michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy harold
keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan
joe jordan billy bruce albert willie gabriel logan alan wayne roy ralph randy eugene vincent
russell elijah louis bobby philip johnny barack bill ted marco jeb mike newt rand chris
bernie tim vladimir sergei dmitry yuri emmanuel boris xi recep bashar ned antony volodymyr
mitch chuck reince jared rudy ben harry hank dick al jim tom rick rob bob ken steve dan greg
ron jeff josh nick jon sam martin karl olaf rishi keir liam oliver hugh nigel alastair angus
callum declan ciaran eamon seamus lars nils erik johan jan anders magnus per olof sven
gustav gustaf henrik mats stefan ulf bengt bjorn björn goran göran jonas mikael fredrik jens
kristian rasmus mads morten søren soren niels jesper lars-erik ole knut espen haakon håkon
sauli juha jukka matti mikko pekka antti timo heikki kari petteri hans jurgen jürgen klaus
wolfgang helmut gerhard dieter horst gunter günter manfred werner heinz uwe rolf bernd jörg
jorg frank-walter markus matthias tobias florian sebastian maximilian lukas felix jannik
moritz armin friedrich christoph winfried joachim rainer reinhard ulrich volker norbert
friedrich-wilhelm till jean-luc jean-pierre jean-claude jean-marc jean-yves jean-michel
francois françois pierre jacques philippe alain bernard gérard gerard michel didier thierry
laurent olivier nicolas sébastien sebastien julien mathieu antoine benoit benoît guillaume
hervé herve yves gilles bruno édouard edouard jérôme jerome xavier luc marc rené rene lionel
carlos luis miguel javier antonio manuel francisco jorge alejandro fernando pedro pablo
rafael sergio alberto jaime ricardo diego andres andrés mariano santiago felipe gustavo raul
raúl ernesto eduardo enrique arturo lorenzo ignacio gonzalo alvaro álvaro iñigo inigo jordi
josep oriol pere giuseppe giovanni mario luigi francesco roberto stefano massimo paolo
matteo alessandro enrico silvio giorgio fabio claudio gianni luca vittorio carlo pietro
salvatore vincenzo joão joao rui nuno tiago luís duarte antónio ivan nikolai nikolay alexei
alexey aleksei andrei andrey mikhail pavel viktor oleg igor yevgeny evgeny gennady anatoly
valery valeri vyacheslav konstantin leonid maxim maksim denis roman ilya kirill grigory
stanislav arkady pyotr fyodor ramzan sergey sergiy oleksandr oleksiy petro mykhailo dmytro
andriy vitali vitaly taras bohdan yaroslav serhiy ihor vasyl andrzej piotr krzysztof tomasz
paweł pawel marcin michał michal grzegorz jarosław jaroslaw mateusz wojciech rafał rafal
zbigniew janusz lech petr jiří jiri milos miloš václav vaclav tomáš tomas ondřej ondrej
zdeněk gábor gabor lászló laszlo istván istvan zoltán zoltan péter attila ferenc mihai ion
gheorghe nicolae vasile marcel traian aleksandar aleksandr milorad zoran dragan milan
slobodan nenad kyriakos alexis nikos dimitris giorgos yannis konstantinos andreas stavros
mehmet mustafa ahmet ali hasan hüseyin huseyin ibrahim ismail osman yusuf murat kemal ekrem
binali hulusi mevlut mevlüt mohammed muhammad mohamed mohammad ahmed ahmad mahmoud mahmud
abdullah abdel abdul khalid khaled omar umar hassan hussein hussain youssef yousef karim
tarek tariq walid saad samir nabil faisal fahd salman sultan hamad abdulaziz nasser jamal
kamal ayman bashir anwar rashid hamid majid ali-reza alireza hossein javad mohsen ebrahim
reza masoud yair naftali yitzhak shimon ehud avigdor gideon moshe yoav benny itamar narendra
rahul amit arvind manmohan rajnath nitin subrahmanyam jaishankar imran nawaz shehbaz asif
bilawal pervez hiroshi takeshi shinzo fumio yoshihide taro kenji koji akira hideki kazuo
yoshimasa masahiro toshimitsu yasuhiro junichiro ichiro katsuya nobuo hirokazu tetsuo makoto
ji-hoon min-ho seung-hoon kyung-ho prayut prayuth thaksin mahathir najib joko jokowi prabowo
rodrigo ferdinand cyril thabo nelson muhammadu bola uhuru yoweri abiy
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

# ---------------------------------------------------------------- round three: label repair

#: Abbreviated titles written out in a role ("Sen. Harold Pemberton" -> role "Senator").
#: Keys compare case-insensitively; the evidence span still covers the abbreviation.
ROLE_ABBREVIATIONS = {
    "sen.": "Senator", "rep.": "Representative", "gov.": "Governor", "gen.": "General",
    "lt.": "Lieutenant", "col.": "Colonel", "capt.": "Captain", "sgt.": "Sergeant",
    "adm.": "Admiral", "maj.": "Major", "prof.": "Professor", "supt.": "Superintendent",
    "atty.": "Attorney", "cmdr.": "Commander", "amb.": "Ambassador", "pres.": "President",
}

#: Last words of organisation names: a mention ending in one of these is an ORG whatever
#: label spaCy gave it ("Crestline Partners", "Vale Holdings", "Acme Inc"). Compared
#: case-sensitively without a final full stop.
ORG_SUFFIXES = frozenset("""
Partners Group Holdings Holding Inc Incorporated Ltd Limited LLC LLP PLC Plc Corp Corporation
Co Company Companies Association Associates Union Unions Federation Foundation Institute
Trust Bank Bancorp Capital Ventures Industries Enterprises Systems Technologies Labs
Airlines Airways Motors Shipping Logistics Energy Media Pharmaceuticals Insurance Agency
Council Committee Commission Ministry Department Authority Board Party Coalition Alliance
Society Club League Network Fund Institute Organization Organisation University College
GmbH AG SA NV SpA AB ASA Oyj
""".split())

#: Common nouns naming a kind of organisation: a capitalised name right after one of these
#: ("the dockworkers' union FNV Havens", "the developer, Crestline Partners,") or in
#: apposition to one ("a group of residents, Taxpayers for Fair Ballots,") is an ORG.
ORG_CUE_NOUNS = frozenset("""
union company firm group party developer bank agency ministry association charity
organization organisation operator carrier airline retailer insurer lender broker
manufacturer maker producer supplier consultancy publisher broadcaster newspaper network
startup start-up conglomerate coalition alliance federation foundation institute
think-tank watchdog regulator club team fund
""".split())

#: A capitalised run in apposition to an ``ORG_CUE_NOUNS`` noun may hold these small words
#: ("Taxpayers for Fair Ballots", "Friends of the Earth").
ORG_RUN_SMALL_WORDS = frozenset("of for and the & de".split())
#: Longest such run, in tokens.
ORG_RUN_MAX_TOKENS = 8

#: Time-zone abbreviations: never an entity ("by 0945 GMT", "10 a.m. EST").
TIME_ZONE_ABBREVIATIONS = frozenset("""
GMT UTC BST CET CEST EET EEST WET WEST MSK IST JST KST HKT SGT AEST AEDT ACST AWST NZST NZDT
EST EDT CST CDT MST MDT PST PDT AKST AKDT HST ET PT CT MT Zulu
""".split())

#: A one-word mention that names a place in the offline gazetteer (a country, a US state, or
#: a city of at least this many people) is a GPE when spaCy called it ORG or PERSON and it is
#: not used as a speaker-like subject ("in Copenhagen trading", "well known in Budapest").
#: The population floor keeps small towns that share a company's or person's name out.
GAZETTEER_RELABEL_MIN_POPULATION = 100_000

#: A one-word PERSON after "the" and heading its noun phrase is no person: rivers, seas and
#: mountains take the article ("the Danube", "the Rhine"), people do not.
PLACE_ARTICLE = "the"

#: Capitalised words that never extend a person's name leftwards (time words, titles).
NAME_EXTENSION_STOP = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december today yesterday tomorrow then but and
so yet also meanwhile however when while after before since as if though although
""".split())

#: Words that, used for a person's label, vote PERSON: the token after the name is a
#: reporting verb lemma (checked through the quotes rules) or the word before it is a role
#: head or an honorific (see ``ROLE_HEADS``, ``HONORIFICS``).
PERSON_CUE_VERBS = frozenset("say tell add told said says adds".split())

#: "the group's treasurer", "the company's chief executive": a possessive generic noun
#: stands for the last organisation named before it (within this many characters).
GENERIC_ORG_POSSESSORS = frozenset("""
group company firm union party agency ministry association organization organisation bank
council committee board department
""".split())
GENERIC_ORG_REACH = 600

#: Dateline at the start of a paragraph ("WASHINGTON (AP) —", "Geneva (AFP) -"): ``DATELINE_RE``
#: (group 1 the place, 2 its region, 3 the agency) and ``dateline_match``, defined once in
#: :mod:`storyline.rules.datelines`.
from storyline.rules.datelines import DATELINE_RE, dateline_match  # noqa: E402,F401

#: An all-caps place name outside a dateline is written mixed-case for display only when it
#: has at least this many letters and the gazetteer knows it ("ROME" -> "Rome"; "UAE" stays).
MIN_TITLECASE_LETTERS = 4

#: A role in apposition before a name ("The mayor of Paris, Texas, Dwayne Hollister,"): the
#: parse hangs the name off the role noun or off the object of one of these prepositions; the
#: walk up from the name takes at most this many steps.
ROLE_ORG_PREPS = ("of", "for", "at")
APPOS_ROLE_MAX_HOPS = 4
#: Dependency labels the parser gives a name in apposition ("conj" when it reads the commas
#: of "the mayor of Paris, Texas, Dwayne Hollister," as a list).
APPOS_DEPS = ("appos", "conj")

# ---------------------------------------------------------------- round four

#: An explicit acronym definition right after a name links the two whatever the letters
#: ("Federation of German Industries (BDI)", "the Dutch Freight Users Association (EVO)"):
#: brackets holding only 2-6 capitals, or ", known by its (German) acronym BDEW" / ", known as
#: BDEW". Other bracketed forms (mixed case, dots) must still start with the name's first
#: letter (see ``ACRONYM_RE``), which keeps "(AP)" after a dateline place out.
ACRONYM_DEFINITION_RES = (
    re.compile(r"\s*\(([A-Z]{2,6})\)"),
    re.compile(r",?\s+(?:also\s+)?known\s+(?:by\s+its\s+(?:[A-Z][a-z]+\s+)?"
               r"(?:acronym|abbreviation|initials)|as)\s+([A-Z]{2,6})\b"),
)

#: Portfolio words that belong to a minister's or secretary's title, not an organisation of
#: their own ("Finance Minister Thomas Engel" has the role "Finance Minister"). Exact case.
PORTFOLIO_WORDS = frozenset("""
Finance Defence Defense Foreign Interior Economy Economic Economics Health Justice Education
Labour Labor Trade Transport Transportation Energy Environment Agriculture Culture Home
Treasury Commerce Industry Housing Development Tourism Sport Sports Science Digital Climate
Infrastructure Immigration Migration Social Welfare Budget Cabinet
""".split())

#: A possessive pronoun before a role phrase stands for the organisation named just before
#: ("The union ... Its chief Kerstin Adler said"), resolved like "the group's".
ORG_POSSESSIVE_PRONOUNS = frozenset(("its",))

#: A capitalised name right after "told the" ("told the Frankfurter Rundschau") or next to one
#: of these nouns ("the daily Frankfurter Rundschau", "the Frankfurter Rundschau newspaper")
#: is a news outlet: an ORG, never a PERSON.
MEDIA_NOUNS = frozenset("""
newspaper daily paper weekly tabloid magazine broadcaster agency outlet website channel
station radio broadcaster
""".split())
MEDIA_TOLD_VERBS = frozenset(("told", "tells", "tell"))

#: Plural nationality nouns ("the Slovaks", "Germans") are NORP: the singular is in
#: ``DEMONYMS`` and this suffix is added.
DEMONYM_PLURAL_SUFFIX = "s"


# ---------------------------------------------------------------- round five: labels
#: News agencies the wire table does not list yet ("TT" is Sweden's TT Nyhetsbyrån): see
#: :mod:`storyline.rules.datelines`, which keeps the one agency list.
from storyline.rules.datelines import EXTRA_AGENCY_NAMES as EXTRA_WIRE_NAMES  # noqa: E402,F401
from storyline.rules.datelines import agency_names as _agency_names  # noqa: E402

#: Every news agency name, written as in ``WIRES`` (case-sensitive: "AP", "dpa"), less the
#: ambiguous ``WEAK_ALIASES`` ("PA" is also Pennsylvania); the list datelines use too.
WIRE_NAMES = _agency_names()

#: Letters Unicode decomposition leaves alone, folded so that a gazetteer name written with
#: them matches the plain spelling news copy uses ("Elazığ" / "Elazig", "Łódź" / "Lodz").
PLACE_LETTER_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d",
                                   "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"})

#: Named regions spaCy's small model misses or splits ("the Indo-Pacific"): always LOC.
#: Matched case-sensitively as whole words.
REGION_NAMES = ("Indo-Pacific", "Asia-Pacific", "Asia Pacific", "Middle East", "Near East",
                "Far East", "Sahel", "Balkans", "Caucasus", "Horn of Africa", "Arctic",
                "Scandinavia", "Latin America", "Sub-Saharan Africa",
                # treaty areas named after a place: "the Schengen area", "the eurozone"
                "Schengen")

#: A capitalised word tagged PERSON at the start of a sentence is a common noun when spaCy
#: tags it with one of these (plural common noun: "Schools were closed") or its lower-case
#: form is a stop word ("Many said ...").
COMMON_NOUN_TAGS = frozenset({"NNS", "NN"})

#: An all-caps word of this many letters right before a one-word name is part of an
#: organisation's name ("IF Metall", "IG Metall"), not a stray word: the two are one ORG.
CAPS_PREFIX_LENGTH = (2, 4)
#: ...unless the capitals are a country or bloc ("US", "EU": "EU Borrell" is no organisation)
#: or the whole line is written in capitals (a headline).
CAPS_PREFIX_EXCLUDED = frozenset({"US", "UK", "EU", "UN", "USA", "UAE", "MP", "MEP", "CEO",
                                  "TV", "PM", "AM"})


# ---------------------------------------------------------------- round six: labels
#: A PERSON of two to this many words that the gazetteer knows as a place ("Labuan Bajo",
#: "Sri Lanka") is a GPE when nothing marks a person (no title, age or role beside it, no
#: known first name opening it).
PLACE_NAME_MAX_WORDS = 3
#: A name spaCy cut short after a title ("Major General Zaw | Win Naing") grows left by one
#: capitalised word when the title sits right before that word, up to this many words.
NAME_EXTENSION_MAX_WORDS = 4
#: "in"/"at" before a known place ends an organisation's name: what follows is its seat
#: ("the Federal Court of Justice in Karlsruhe" -> ORG + GPE), unless an acronym spells it all.
ORG_SEAT_PREPS = ("in", "at")
#: Capitalised words that open a title before its portfolio ("*Chief* Cabinet Secretary",
#: "*Deputy* Finance Minister", "*First* Deputy Governor"): part of the role phrase.
ROLE_RANK_WORDS = frozenset("chief deputy first second senior junior vice acting state".split())
#: An organisation met without a name ("A group representing former workers", "the union"),
#: for "its lawyer": when it comes after the last named organisation, "its" is that unnamed
#: one and the role gets no named organisation.
UNNAMED_ORG_RE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:" + "|".join(sorted(ORG_CUE_NOUNS)) + r")\b(?!\s+[A-Z])")
#: Military ranks and role words: a mention made of nothing else is a title, not an entity
#: ("Major General" tagged ORG before "Zaw Win Naing"); the title is read as the role.
MILITARY_RANK_WORDS = frozenset("""
major general lieutenant brigadier colonel captain sergeant corporal admiral commodore
marshal commander field air vice rear senior
""".split())
TITLE_ONLY_WORDS = MILITARY_RANK_WORDS | ROLE_RANK_WORDS | frozenset(
    w.rstrip(".") for w in ROLE_HEADS)


# ---------------------------------------------------------------- round seven

#: A clock time glued to the front of a name ("10:00 Brussels time") is no part of it: the
#: mention starts after it and is labelled again (a known place becomes a GPE).
CLOCK_TOKEN_RE = re.compile(r"^\d{1,2}(?:[:.h]\d{2})?(?:[ap]\.?m\.?)?$", re.I)

#: A one-word GPE the gazetteer does not know ("Gazprom said") is an ORG unless some mention
#: of it follows one of these place prepositions ("in Bucha", "near Izium").
PLACE_PREPOSITIONS = frozenset("in near at from to outside around into across".split())


# ---------------------------------------------------------------- round eight (issue 9)

#: A role held no longer: "Former Defense Secretary Robert Gates", "ex-Treasury Secretary X",
#: "Robert Gates, a former defense secretary,". The word is kept in the role, written
#: ``FORMER_ROLE_PREFIX`` whatever its spelling, so "former X" and "X" stay two roles.
FORMER_BEFORE_RE = re.compile(r"(?:\b[Ff]ormer|\b[Ee]x\s*[-–])\s*$")
FORMER_ROLE_RE = re.compile(r"^(?:[Ff]ormer\s+|[Ee]x\s*[-–]\s*)")
FORMER_ROLE_PREFIX = "former "
#: A name glued to "ex-" ("Ex-Treasury") starts after the hyphen: these first tokens are cut.
EX_PREFIX_TOKENS = ("ex",)

#: Role nouns of a beat: a place right before one is the beat, part of the role ("North
#: America editor", "Washington correspondent"), not the organisation. Before any other role a
#: country or state is the organisation ("Russian President", "Texas attorney general"); a
#: LOC (a continent or region) is a beat before every role.
BEAT_ROLE_HEADS = frozenset("""
editor editors correspondent correspondents reporter reporters columnist producer analyst
analysts director researcher
""".split())
BEAT_LABELS = ("LOC",)

#: Tokens spaCy's small model sometimes tags as an entity although they never name one:
#: contraction clitics ("n't", "'re") and month and weekday abbreviations ("Mar", "Tues.").
#: Full month names are left alone ("May" is a surname), and so is "Sun" (a paper, a name).
#: Compared lower-cased, without a final full stop, curly apostrophes straightened.
NON_ENTITY_WORDS = frozenset("""
n't 's 're 've 'll 'd 'm
jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat
""".split())

#: Words that make a name an island or group of islands, a place: never an organisation or
#: person ("Sardinia" is listed in ``storyline.rules.places.ISLANDS``; "the Spratly Islands"
#: is one by its last word). A label GPE is kept ("Rhode Island", "Solomon Islands").
ISLAND_WORDS = frozenset("Island Islands Isles Isle Archipelago Atoll Atolls".split())

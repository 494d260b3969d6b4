"""Quotes: quotation marks, cues, speakers (texts written for the tests, plus the seed)."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.enrich.entities import find_entities
from storyline.enrich.pipeline import Document
from storyline.enrich.quotes import QUOTES, find_quotes, quote_spans

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "putin-biden-call.txt"
if not SEED.exists():
    SEED = Path("/work/shared/seed/putin-biden-call.txt")



def _quotes(nlp, text):
    sdoc = nlp(text)
    return find_quotes(sdoc, find_entities(sdoc))


def _one(quotes, fragment):
    found = ([q for q in quotes if q["text"] == fragment]
             or [q for q in quotes if q["text"].startswith(fragment)]
             or [q for q in quotes if fragment in q["text"]])
    assert found, [(q["kind"], q["text"]) for q in quotes]
    return found[0]


@pytest.mark.parametrize("text,expected", [
    ("He said “we will win” today.", ["we will win"]),
    ('He said "we will win" and "we will stay".', ["we will win", "we will stay"]),
    ("He said ''we will win'' today.", ["we will win"]),
    ("“First part,” she said.\n\n“Second part.”", ["First part,", "Second part."]),
    # one quote over two paragraphs: the opening mark repeated, no closing mark until the end;
    # one span per paragraph (a paragraph break never lies inside a quote's text)
    ("“We came here.\n\n“We stay here,” he said.", ["We came here.", "We stay here,"]),
    # an unbalanced mark costs that quote only
    ("He said “this never ends.\n\nShe said “this one does” later.", ["this one does"]),
    ("No quotation marks at all.", []),
])
def test_quote_spans(text, expected):
    assert [text[q.start:q.end] for q in quote_spans(text)] == expected


@pytest.mark.parametrize("text,fragment,kind,speaker", [
    ("“We will not accept this deal under any circumstances,” Maria Lopez said on Monday.",
     "We will not accept", "direct", "Maria Lopez"),
    ('"We will not accept this deal under any circumstances," Maria Lopez said on Monday.',
     "We will not accept", "direct", "Maria Lopez"),
    ("Maria Lopez said: “We will not accept this deal under any circumstances.”",
     "We will not accept", "direct", "Maria Lopez"),
    ("Thomas Berger said the union will “fight to the end” if wages are cut.",
     "fight to the end", "partial", "Thomas Berger"),
    ("The Kremlin said the talks in Geneva would start on Monday.",
     "the talks in Geneva would start", "indirect", "Kremlin"),
    ("The plan will cost billions of dollars, according to Thomas Berger.",
     "The plan will cost billions", "indirect", "Thomas Berger"),
])
def test_kinds_and_speakers(nlp, text, fragment, kind, speaker):
    q = _one(_quotes(nlp, text), fragment)
    assert q["kind"] == kind and q["speaker"] == speaker
    assert text[q["start"]:q["end"]] == q["text"]
    assert q["cue"] and text[q["cue_start"]:q["cue_end"]] == q["cue"]


@pytest.mark.parametrize("text,fragment,kind,speaker", [
    # "Mr." is no sentence end: the cue after it still belongs to the quote
    ("“Can we win Illinois?” Mr. Manafort asked.", "Can we win Illinois?", "direct",
     "Manafort"),
    # the parser takes a word inside the quotation as the subject; the inverted one is right
    ("“The agents are under a lot of pressure,” said James Acton, a physicist at the "
     "institute.", "The agents are under", "direct", "James Acton"),
    # a quotation ending in a full stop closes its sentence: the next cue is not its cue
    ("Russia insisted that Pyongyang “stop its dangerous escapades.” The agency said North "
     "Korea had tested a bomb.", "stop its dangerous", "partial", "Russia"),
    # a cue-less quoted sentence continues the latest speaker of its paragraph
    ("Maria Lopez said the talks were hard. “We expect the second round to be harder than the "
     "first.”", "We expect the second round", "direct", "Maria Lopez"),
    ("“It was a good meeting,” Maria Lopez said. “We agreed on most points.”",
     "We agreed on most points.", "direct", "Maria Lopez"),
    # a belief is no utterance: the quotation is the outer speaker's
    ("Maria Lopez said Thomas Berger believes the plan is “a total disaster for the region.”",
     "a total disaster", "partial", "Maria Lopez"),
    # a fragment under a verb of characterising
    ("Thomas Berger called the plan “a total disaster for the region.”", "a total disaster",
     "partial", "Thomas Berger"),
    # cues that only introduce an adjacent quotation
    ("“Go back to your country,” Thomas Berger barked.", "Go back", "direct", "Thomas Berger"),
    ("“They are all here for the free stuff,” Thomas Berger shot back with a laugh.",
     "They are all here", "direct", "Thomas Berger"),
    ("As the prosecutor Marc Trevidic put it, “there was not much to complain about.”",
     "there was not much", "direct", "Marc Trevidic"),
    # a colon introduces the words of the subject before it; a transcript line
    ("The committee was clear in its findings: “Further discussion on this issue is "
     "unnecessary.”", "Further discussion", "direct", "The committee"),
    ("Bush: “The mission is to destroy ISIS, not to contain it.”", "The mission", "direct",
     "Bush"),
])
def test_cue_rules(nlp, text, fragment, kind, speaker):
    q = _one(_quotes(nlp, text), fragment)
    assert (q["kind"], q["speaker"]) == (kind, speaker)


def test_relative_pronoun_speaker_keeps_its_evidence(nlp):
    text = "Trump refused to pay an architect who said, “I was never paid for the work I did.”"
    q = _one(_quotes(nlp, text), "I was never paid")
    assert q["speaker"] == "an architect"
    assert text[q["speaker_start"]:q["speaker_end"]] == "who"


@pytest.mark.parametrize("text", [
    "The company called the plan a “reset” of its strategy.",  # scare quote, no speaker
    "Thomas Berger walked to the station and bought a newspaper.",
    "The novel “War and Peace” is long.",
    # a show's title after a possessive is no quote
    "Maria Lopez said on NBC’s “Meet the Press” that the talks had failed.",
    # a quote-only cue without a quotation reports nothing
    "Thomas Berger continued to work on the plan for the region.",
    # a full quoted sentence with nobody to continue
    "“Nothing here has a speaker at all.”",
])
def test_no_quote(nlp, text):
    quotes = _quotes(nlp, text)
    assert [q for q in quotes if q["kind"] in ("direct", "partial")] == []
    if "continued" in text:
        assert quotes == []


def test_pronouns_follow_gender(nlp):
    text = ("Jennifer Walsh met Robert Klein in Boston on Monday. Klein spoke first. "
            "She said the company will open two new plants next year.")
    q = _one(_quotes(nlp, text), "two new plants")
    assert q["speaker"] == "Jennifer Walsh" and text[q["speaker_start"]:q["speaker_end"]] == "She"


def test_continuation_paragraph_keeps_speaker(nlp):
    text = ("“The first round of talks went well,” Maria Lopez told reporters on Friday.\n\n"
            "“We expect the second round to be harder, but we are ready for it.”")
    quotes = _quotes(nlp, text)
    q = _one(quotes, "second round")
    assert q["kind"] == "direct" and q["speaker"] == "Maria Lopez"
    assert q["group"] == _one(quotes, "first round")["group"]


def test_descriptor_refers_back(nlp):
    text = ("The deal was close, according to a US official who briefed reporters on condition "
            "of anonymity. The talks will resume next week, the person said.")
    q = _one(_quotes(nlp, text), "talks will resume")
    assert q["speaker"] == "a US official"
    assert text[q["speaker_start"]:q["speaker_end"]] == "the person"


def test_component(nlp):
    doc = Document(text="“We are ready for the talks next week,” Maria Lopez said.")
    doc.spacy = nlp(doc.text)
    doc.entities = find_entities(doc.spacy)
    doc = QUOTES.func(doc)
    assert QUOTES.requires == ("spacy", "entities") and QUOTES.assigns == ("quotes",)
    assert doc.quotes and doc.quotes[0]["speaker_id"] is not None


@pytest.fixture(scope="module")
def seed(nlp):
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    raw = SEED.read_text(encoding="utf-8")
    start = raw.index("Russian President Vladimir Putin is satisfied")
    end_marker = "which we urgently need,” he said."
    body = raw[start:raw.index(end_marker) + len(end_marker)]
    sdoc = nlp(body)
    ents = find_entities(sdoc)
    return body, ents, find_quotes(sdoc, ents)


@pytest.mark.parametrize("fragment,speaker", [
    ("The principle is inviolable", "Ned Price"),
    ("For us the main thing is not a compromise", "Yuri Ushakov"),
    ("This is what we are working for", "Yuri Ushakov"),
    ("Today’s conversation was good", "Yuri Ushakov"),
    ("President Biden reiterated that substantive progress", "Jen Psaki"),
    ("The consequences likely include", "a US official"),
    ("The US plans to closely monitor", "a US official"),
    ("respond decisively", "Joe Biden"),
])
def test_seed_speakers(seed, fragment, speaker):
    _, _, quotes = seed
    assert _one(quotes, fragment)["speaker"] == speaker


@pytest.mark.parametrize("surname,role,org", [
    ("Psaki", "Press Secretary", "White House"),
    ("Ushakov", "foreign policy aide", "Kremlin"),
    ("Price", "spokesman", "State Department"),
])
def test_seed_roles(seed, surname, role, org):
    _, ents, _ = seed
    person = [e for e in ents if e["label"] == "PERSON" and e["name"].endswith(surname)]
    assert len(person) == 1
    assert any(r["role"] == role and r["org"] == org for r in person[0]["roles"])


# ---------------------------------------------------------------- the benchmark's own rules
def _bench():
    import importlib
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    return importlib.import_module("benchmarks.bench_quotes")


@pytest.mark.parametrize("text,piece,expected", [
    # a gold content piece holding two quotations broken by the cue
    ("“We came,” he said. “We stay.”", (1, 29), ["We came,", "We stay."]),
    # marks just outside the piece still count
    ("He said “we will win” today.", (9, 20), ["we will win"]),
    # a quote left open at the end of the piece (continued in the next paragraph)
    ("“We came here.", (1, 14), ["We came here."]),
    # reported speech without quotation marks has no quoted span
    ("He said the talks went well.", (8, 27), []),
    # a quote over two paragraphs, reopened by a mark: one span per paragraph
    ("“We came here.\n\n“We stay,” he said.", (1, 26), ["We came here.", "We stay,"]),
    # a second quotation inside one paragraph is no paragraph break: the first is dropped
    ("“We came here “we stay,” he said.", (1, 23), ["we stay,"]),
])
def test_benchmark_quoted_segments(text, piece, expected):
    bench = _bench()
    assert [text[a:b] for a, b in bench.quoted_segments(text, *piece)] == expected


@pytest.mark.parametrize("compartment,doc,expected", [
    ("dev", "any_article", "tuned"),  # dev was tuned on by the first rules: never held out
    ("train", "b", "tuned"),  # sha1("b") % 10 == 0
    ("train", "a", "held-out"),  # sha1("a") % 10 == 2
    ("train", "e", "held-out"),  # sha1("e") % 10 == 1
    ("train", "c", None),  # sha1("c") % 10 == 6: unused
])
def test_benchmark_split_is_a_fixed_hash_of_the_file_name(compartment, doc, expected):
    assert _bench().split_of(compartment, doc) == expected


def test_polnear_quality_gate():
    """A dozen PolNeAR dev articles: calibrated quote+speaker F1 and speaker share stay above
    floors well under what the full run measures (docs/benchmarks.md)."""
    bench = _bench()
    dev = bench.DEFAULT_DATA / "dev"
    if not (dev / "attributions").is_dir():
        pytest.skip(f"PolNeAR dev split not found at {dev} (see /work/shared/data/README.md)")
    docs = bench.load_split(dev, 12)
    preds, _, _ = bench.run_storyline(docs)
    assert bench.score(docs, preds, mode="calibrated")["speaker"][2] >= 0.70
    assert bench.score(docs, preds, mode="all")["speaker_share"] >= 0.80


# ---------------------------------------------------------------- round three (review fixes)
def test_quote_over_paragraphs_is_one_group_with_the_cue_speaker(nlp):
    text = ("Tomas Ferreira, the union's lead negotiator, spoke to reporters on Monday.\n\n"
            "“We brought a fair proposal to the table. We gave ground on wages.\n\n"
            "“But they walked away from every single point,” he said.")
    quotes = _quotes(nlp, text)
    first, second = _one(quotes, "fair proposal"), _one(quotes, "walked away")
    assert "\n" not in first["text"] and "\n" not in second["text"]
    assert first["kind"] == second["kind"] == "direct"
    assert first["speaker"] == second["speaker"] == "Tomas Ferreira"
    assert first["group"] == second["group"]


def test_new_quote_in_next_paragraph_is_not_glued(nlp):
    text = ("“We lived here for forty years,” said Helen Marsh. “Where would we go?\n\n"
            "“Nobody from the council has visited us. Not one person.”")
    quotes = _quotes(nlp, text)
    q = _one(quotes, "Nobody from the council")
    assert q["text"].startswith("Nobody") and q["speaker"] == "Helen Marsh"
    assert all("\n" not in x["text"] for x in quotes)


@pytest.mark.parametrize("text,fragment,speaker", [
    # a named person in apposition inside the subject beats an earlier holder of the role
    ("The deputy mayor, Ann Cole, opened the fair.\n\nThe mayor of Springfield, Illinois, "
     "Victor Lang, said the fair had drawn record crowds this year.",
     "record crowds", "Victor Lang"),
    ("A spokesperson for the Guild of Master Bakers, Irene Dahl, said the price of flour "
     "had doubled since spring.", "price of flour", "Irene Dahl"),
    # "the spokesperson" goes back to the person who holds that role
    ("A spokesperson for the Guild of Master Bakers, Irene Dahl, declined the offer. The "
     "spokesperson said members would vote on the plan next month.",
     "members would vote", "Irene Dahl"),
    # "He added that ..." is reported speech of the same person
    ("The mayor of Springfield, Illinois, Victor Lang, said the fair had drawn record crowds. "
     "He added that a second fair was being planned for the autumn.",
     "second fair was being planned", "Victor Lang"),
])
def test_apposition_and_descriptor_speakers(nlp, text, fragment, speaker):
    q = _one(_quotes(nlp, text), fragment)
    assert q["speaker"] == speaker and q["speaker_id"] is not None


def test_descriptor_without_holder_stays_unresolved(nlp):
    text = "The spokesperson said members would vote on the plan next month."
    q = _one(_quotes(nlp, text), "members would vote")
    assert q["speaker_id"] is None


def test_added_without_clause_reports_nothing(nlp):
    text = "“We will keep going,” she added. The council added two seats last year."
    assert not [q for q in _quotes(nlp, text) if "two seats" in q["text"]]


@pytest.mark.parametrize("text,fragment,start", [
    ("OSLO, March 3 (Reuters) - Nordbank will close 40 branches this year, the bank said.",
     "close 40 branches", "Nordbank"),
    ("BOISE, Idaho (AP) — Schools will reopen on Monday, the governor said.",
     "reopen on Monday", "Schools"),
    # no dateline: the content keeps its first word
    ("Nordbank will close 40 branches this year, the bank said.", "close 40 branches",
     "Nordbank"),
])
def test_dateline_stripped_from_reported_content(nlp, text, fragment, start):
    q = _one(_quotes(nlp, text), fragment)
    assert q["text"].startswith(start) and text[q["start"]:q["end"]] == q["text"]


@pytest.mark.parametrize("text,fragment,speaker", [
    ("Tourism has grown fast, according to the regional board of trade.", "Tourism has grown",
     "the regional board of trade"),
    ("According to officials familiar with the plan, the bridge will close in May.",
     "bridge will close", "officials familiar with the plan"),
    # a relative clause is still cut off
    ("A US official who briefed reporters on condition of anonymity said the talks had stalled.",
     "talks had stalled", "A US official"),
])
def test_speaker_noun_phrase_is_whole(nlp, text, fragment, speaker):
    assert _one(_quotes(nlp, text), fragment)["speaker"] == speaker


# ---------------------------------------------------------------- round four
@pytest.mark.parametrize("text,fragment,speaker", [
    # the subject of the sentence before wins over an earlier man; unknown gender is fine
    ("Henrik Dahl, the party leader, attacked the bill on Monday. Tobias Wendt defended it in "
     "a radio interview. “Every delay costs us a year of progress,” he said.",
     "Every delay", "Tobias Wendt"),
    # negative: a known woman in between does not take "he"
    ("Henrik Dahl attacked the bill. Mrs. Ines Korda answered questions. “Every delay costs us "
     "a year of progress,” he said.", "Every delay", "Henrik Dahl"),
])
def test_pronoun_takes_latest_compatible_person(nlp, text, fragment, speaker):
    assert _one(_quotes(nlp, text), fragment)["speaker"] == speaker


@pytest.mark.parametrize("text,content,speaker", [
    # a name inside the reported words never resolves the pronoun of its own cue
    ("Anton Marek, the envoy, said the talks would resume. The session will be chaired by "
     "foreign policy chief Pavel Novotny, he said.", "The session will be chaired",
     "Anton Marek"),
    # negative: a name before the content still counts
    ("Anton Marek met the press. The session will be chaired by a deputy, he said.",
     "The session will be chaired", "Anton Marek"),
])
def test_names_inside_content_do_not_resolve_its_pronoun(nlp, text, content, speaker):
    assert _one(_quotes(nlp, text), content)["speaker"] == speaker


@pytest.mark.parametrize("text,bad,good", [
    ("The official, who asked not to be named, said the vote was delayed.",
     "not to be named", "the vote was delayed"),
    ("A second person asked not to be identified because talks are private.",
     "not to be identified", None),
    # negative: "asked" with a real question stays a quote
    ("Lena Holm asked whether the plan would survive the winter.", None,
     "whether the plan would survive"),
])
def test_anonymity_requests_are_no_quotes(nlp, text, bad, good):
    qs = _quotes(nlp, text)
    if bad:
        assert not any(bad in q["text"] for q in qs)
    if good:
        assert any(good in q["text"] for q in qs)


@pytest.mark.parametrize("text,content,speaker", [
    ("Four ministry sources said the plan was dead. A senior ministry official said the "
     "budget was fixed. The sources said the cabinet would meet on Friday.",
     "the cabinet would meet", "Four ministry sources"),
    # negative: "the official" still goes to the official
    ("Four ministry sources said the plan was dead. A senior ministry official said the "
     "budget was fixed. The official said the cabinet would meet on Friday.",
     "the cabinet would meet", "A senior ministry official"),
])
def test_descriptor_takes_source_named_with_that_noun(nlp, text, content, speaker):
    assert _one(_quotes(nlp, text), content)["speaker"] == speaker


@pytest.mark.parametrize("text,speaker", [
    ("OSLO, Norway (AP) — Norway’s prime minister said Monday the deal was fair to all.",
     "Norway’s prime minister"),
    ("OSLO (AP) — The prime minister said Monday the deal was fair to all.",
     "The prime minister"),
])
def test_dateline_place_is_no_speaker(nlp, text, speaker):
    q = _one(_quotes(nlp, text), "the deal was fair")
    assert q["speaker"] == speaker
    assert "AP" not in q["text"]


def test_quote_continued_over_paragraphs_is_two_items_one_group(nlp):
    text = ("Ola Berg opened the hearing.\n\n“We cannot wait,” Berg said. “The time to act "
            "is now.\n\n“Another year changes nothing at all.”\n\nThe hearing ended.")
    qs = [q for q in _quotes(nlp, text) if q["kind"] == "direct"]
    assert all("\n\n" not in q["text"] for q in qs)
    last = _one(qs, "Another year")
    assert last["group"] == _one(qs, "The time to act")["group"]


@pytest.mark.parametrize("text,partial,indirect,speaker", [
    # a quoted verb phrase: the fragment is partial, the that-clause indirect, both the subject's
    ("The minister had “expressed his strong hope” that the talks would resume soon.",
     "expressed his strong hope", "the talks would resume soon", "The minister"),
    ("Officials have “voiced deep concern” that the ceasefire could collapse.",
     "voiced deep concern", "the ceasefire could collapse", "Officials"),
    # unquoted: only the reported clause
    ("The minister had expressed his strong hope that the talks would resume soon.",
     None, "the talks would resume soon", "The minister"),
])
def test_quoted_verb_phrase_with_that_clause(nlp, text, partial, indirect, speaker):
    qs = _quotes(nlp, text)
    assert [q["kind"] for q in qs].count("partial") == (1 if partial else 0)
    if partial:
        assert _one(qs, partial)["kind"] == "partial"
        assert _one(qs, partial)["speaker"] == speaker
    q = _one(qs, indirect)
    assert (q["kind"], q["text"], q["speaker"]) == ("indirect", indirect, speaker)


@pytest.mark.parametrize("text", [
    # negative: a stated noun with no that-clause reports nothing
    "The minister expressed concern about the talks.",
    # negative: a verb of expressing with an object that is no view
    "The company expressed interest that shipments be sped up in a letter.",
    # negative: the cue inside a full quote stays part of that quote
    "“I expressed my hope that we win,” the coach said.",
])
def test_expression_cue_negative(nlp, text):
    qs = _quotes(nlp, text)
    assert all(q["kind"] != "indirect" for q in qs), [(q["kind"], q["text"]) for q in qs]


# ---------------------------------------------------------------- round seven
@pytest.mark.parametrize("text,fragment,speaker,speaker_id", [
    # "the company": the latest organisation that may be a business
    ("Samsung Electronics reported record profits on Tuesday. The company said demand for "
     "chips would stay strong.", "demand for chips", "Samsung Electronics", True),
    ("Samsung Electronics met the Ministry of Trade on Monday. The firm said exports would "
     "rise next year.", "exports would rise", "Samsung Electronics", True),
    ("The Ministry of Finance in Seoul issued new guidance. The ministry said banks must "
     "hold more capital.", "banks must hold", "Ministry of Finance", True),
    ("The European Medicines Agency reviewed the vaccine. The agency said the benefits "
     "outweigh the risks.", "the benefits outweigh", "European Medicines Agency", True),
    # negative: no organisation of a compatible kind, the descriptor stays the speaker
    ("The Ministry of Finance issued new guidance. The company said it would comply.",
     "it would comply", "The company", False),
    ("Samsung Electronics reported record profits. The ministry said talks would continue.",
     "talks would continue", "The ministry", False),
    ("Officials met in Brussels on Monday. The agency said the review would take weeks.",
     "the review would take", "The agency", False),
])
def test_org_descriptor_speaker(nlp, text, fragment, speaker, speaker_id):
    q = _one(_quotes(nlp, text), fragment)
    assert q["speaker"] == speaker
    assert bool(q.get("speaker_id")) is speaker_id


# ---------------------------------------------------------------- round six
@pytest.mark.parametrize("text,fragment,speaker", [
    # the woman just introduced (as an apposition to the subject) is "she"
    ("Japan's envoy, Kenta Mori, said the vote was close. German ambassador Dagmar Vogt "
     "praised the result. \"This outcome protects civilians,\" she told reporters.",
     "This outcome protects", "Dagmar Vogt"),
    ("Omani mediator Salim al-Harthy said the deal was near. The European envoy, Ingrid "
     "Lund, welcomed the news. \"This is a chance to build on,\" she said.",
     "This is a chance", "Ingrid Lund"),
    # negative: "he" keeps the man
    ("Japan's envoy, Kenta Mori, said the vote was close. German ambassador Dagmar Vogt "
     "praised the result. \"This outcome protects civilians,\" he told reporters.",
     "This outcome protects", "Kenta Mori"),
])
def test_pronoun_prefers_matching_gender(nlp, text, fragment, speaker):
    assert _one(_quotes(nlp, text), fragment)["speaker"] == speaker


@pytest.mark.parametrize("text,fragment,speaker", [
    ("The Norges Bank raised its key rate to 3%, it said in a statement on Thursday.",
     "raised its key rate", "Norges Bank"),
    ("The Norges Bank raised its key rate on Thursday. \"Inflation is still far too high,\" "
     "the bank said.", "Inflation is still", "Norges Bank"),
    # the possessive's head phrase, not the country, even when the name comes later
    ("Kenya's central bank kept its key rate unchanged on Monday, saying inflation had eased. "
     "The Central Bank of Kenya (CBK) will meet again in May.", "inflation had eased",
     "Central Bank of Kenya"),
    ("Ghana's central bank said on Monday that inflation had eased. The Bank of Ghana will "
     "meet again in May.", "inflation had eased", "Bank of Ghana"),
    # a generic noun for an organisation: the latest organisation subject
    ("The Asian Hockey Federation suspended two clubs on Friday. \"The decision is final,\" "
     "the governing body said.", "The decision is final", "Asian Hockey Federation"),
    # negative: a bank that was never named stays the phrase itself
    ("Rates rose again on Monday. \"Inflation is still far too high,\" the bank said.",
     "Inflation is still", "the bank"),
])
def test_organisation_references_resolve(nlp, text, fragment, speaker):
    assert _one(_quotes(nlp, text), fragment)["speaker"] == speaker


@pytest.mark.parametrize("text,fragment,kind", [
    # words of reported speech in quote marks, after other prose: a fragment
    ("The envoy said in a statement that the council wanted a deal \"before the end of this "
     "summer\" and that talks could resume.", "before the end of this summer", "partial"),
    # negative: a quotation the cue introduces with a colon is direct
    ("The envoy said in a statement: \"We want a deal before the end of this summer.\"",
     "We want a deal", "direct"),
])
def test_fragment_after_prose_is_partial(nlp, text, fragment, kind):
    assert _one(_quotes(nlp, text), fragment)["kind"] == kind


# ---------------------------------------------------------------- round seven
@pytest.mark.parametrize("text,start", [
    ("Geneva (AFP) - Ministers will meet on Friday, the agency said.", "Ministers"),
    ("Storm hits.\n\nOSLO (Reuters) - Ministers will meet on Friday, the agency said.",
     "Ministers"),
    ("Storm hits.\n\nOSLO, Norway (AP) — Ministers will meet on Friday, the agency said.",
     "Ministers"),
    ("Apple (AAPL) - shares will rise on Friday, the analyst said.", "Apple"),
])
def test_round7_datelines_dropped(text, start):
    from storyline.rules.entities import dateline_match
    para = text.rfind("\n") + 1
    m = dateline_match(text, para)
    rest = text[m.end():] if m else text[para:]
    assert rest.startswith(start)


@pytest.mark.parametrize("text,fragment,speaker", [
    # "He" opening the next sentence is the previous sentence's speaker, not the person
    # inside its reported words
    ("Deputy spokesman Lars Holm said in a statement that Merkel had asked Johnson to "
     "\"respect the deal\". He said a new meeting would follow on Friday.",
     "a new meeting would follow", "Lars Holm"),
    # a main-clause subject in the previous sentence keeps the pronoun (no rival)
    ("Lars Holm met Angela Merkel on Monday. Merkel said talks went well. "
     "She said a new meeting would follow on Friday.",
     "a new meeting would follow", "Angela Merkel"),
])
def test_round7_pronoun_prefers_main_speaker(nlp, text, fragment, speaker):
    assert _one(_quotes(nlp, text), fragment)["speaker"] == speaker

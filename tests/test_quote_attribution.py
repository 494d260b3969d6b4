"""Quotes, issue 9 class 8: who said it when the clause structure, pronouns or the marks
mislead (texts written for the tests)."""
from __future__ import annotations

import pytest

from storyline.enrich.entities import find_entities
from storyline.enrich.quotes import find_quotes, quote_spans, title_case


def _quotes(nlp, text):
    sdoc = nlp(text)
    return find_quotes(sdoc, find_entities(sdoc))


def _with(quotes, fragment):
    found = [q for q in quotes if fragment in q["text"]]
    assert found, [(q["kind"], q["speaker"], q["text"]) for q in quotes]
    return found


# ---------------------------------------------------------------- the cue's own clause
def test_statement_noun_gives_its_clause_to_its_owner_not_to_the_sentence_speaker(nlp):
    text = ("The sanctions were announced amid the intelligence community's finding that "
            "Russia had interfered in the election, Defense Secretary Mark Ellison said on "
            "Friday.")
    quotes = _quotes(nlp, text)
    inner = [q for q in quotes if q["text"] == "Russia had interfered in the election"]
    assert len(inner) == 1 and inner[0]["cue"] == "finding"
    assert inner[0]["speaker"] == "the intelligence community"
    outer = [q for q in quotes if q["cue"] == "said"]
    assert len(outer) == 1 and outer[0]["speaker"] == "Mark Ellison"
    # ", X said" reports the whole sentence before it, not one clause of it
    assert outer[0]["text"].startswith("The sanctions were announced")
    assert outer[0]["text"].endswith("in the election")


@pytest.mark.parametrize("text", [
    "The finding that Russia had interfered in the election surprised nobody.",  # no owner
    "The committee's report on the election runs to 400 pages.",  # no "that" clause
])
def test_statement_noun_without_owner_or_clause_is_no_cue(nlp, text):
    assert _quotes(nlp, text) == []


@pytest.mark.parametrize("text,speaker", [
    ("He said Paul Manafort zeroed in on the swing states early in the race.", None),
    ("Senator Ann Lowe spoke first. She said Paul Manafort zeroed in on the swing states "
     "early in the race.", "Ann Lowe"),
])
def test_name_in_the_reported_clause_is_never_the_speaker(nlp, text, speaker):
    quotes = _with(_quotes(nlp, text), "zeroed in on the swing states")
    assert [q["speaker"] for q in quotes] == [speaker]
    assert all("Manafort" not in (q["speaker"] or "") for q in quotes)


def test_colon_before_the_quotation_keeps_the_lead_out_of_the_quote(nlp):
    text = ("Senator Claire Moreau scolded him: “The scientific community is almost united "
            "against you on this,” she said.")
    quote = _with(_quotes(nlp, text), "scientific community")[0]
    assert quote["kind"] == "direct"
    assert quote["speaker"] == "Claire Moreau"


# ---------------------------------------------------------------- pronouns
@pytest.mark.parametrize("text", [
    "“We will not back down,” I said to the crowd.",
    "“We are not going anywhere,” they said.",
    "“We are not going anywhere,” he said.",
])
def test_unresolved_pronoun_names_no_speaker_but_keeps_its_evidence(nlp, text):
    quote = _with(_quotes(nlp, text), "We ")[0]
    assert quote["speaker"] is None and quote["speaker_id"] is None
    pronoun = text[quote["speaker_start"]:quote["speaker_end"]]
    assert pronoun in ("I", "they", "he")


@pytest.mark.parametrize("text,fragment,speaker", [
    # "it" of a cue nested in her reported clause is a thing: she speaks
    ("Hillary Clinton spoke in Ohio. She says it underscores that her rival is "
     "“temperamentally unfit to be commander-in-chief.”", "temperamentally unfit",
     "Hillary Clinton"),
    # a gendered descriptor is an antecedent for "he"
    ("Lowe’s spokesman said the senator was confident. “We have the votes and we will "
     "pass it,” he said.", "We have the votes", "Lowe’s spokesman"),
])
def test_pronoun_finds_its_speaker(nlp, text, fragment, speaker):
    assert _with(_quotes(nlp, text), fragment)[0]["speaker"] == speaker


# ---------------------------------------------------------------- what is no quote
@pytest.mark.parametrize("text", [
    "Her documentary, “The Long Way Home,” premieres on Friday, the director said.",
    "The film “Trouble in Paradise” opens on Friday, its producer said.",
    "Cruz said the senator starred in “Apollo 13” and “Air Force One” as a boy.",
])
def test_titles_are_not_quotes(nlp, text):
    quotes = _quotes(nlp, text)
    assert [q for q in quotes if q["kind"] in ("direct", "partial")] == []


@pytest.mark.parametrize("caption", [
    "“A long night in Ohio,” reads the sign. (AP Photo/Jane Doe)",
    "Photo: “We came to win” is painted on a banner in Toledo.",
    "“We came to win” on a banner in Toledo. Getty Images",
])
def test_photo_caption_is_nobodys_quote(nlp, caption):
    text = f"“The count will take all night,” Mayor Ruth Ellis said.\n\n{caption}"
    quotes = _quotes(nlp, text)
    assert [q["text"] for q in quotes if q["kind"] in ("direct", "partial")] == [
        "The count will take all night,"]


def test_one_quoted_word_beside_a_stance_verb_is_a_scare_quote(nlp):
    text = "The company called the plan a “reset” of its strategy."
    assert [q for q in _quotes(nlp, text) if q["kind"] in ("direct", "partial")] == []


@pytest.mark.parametrize("text,expected", [
    ("Austin Powers: The Spy Who Shagged Me,", True),
    ("Air Force One", True),
    ("very flexible", False),
    ("We Will Win.", False),  # a sentence, capitalised or not
])
def test_title_case(text, expected):
    assert title_case(text) is expected


# ---------------------------------------------------------------- quotation marks
@pytest.mark.parametrize("text,inner", [
    ("Senator Ann Lowe said, ““We have the votes,” and left.", "We have the votes,"),
    ('Senator Ann Lowe said, ""We have the votes," and left.', "We have the votes,"),
    ('Senator Ann Lowe said, "We have the votes,"" and left.', "We have the votes,"),
])
def test_doubled_mark_is_one_mark(text, inner):
    assert [text[q.start:q.end] for q in quote_spans(text)] == [inner]


def test_closing_mark_touching_an_opening_one_stays_two_quotes():
    text = "“We came,”“we stayed.”"
    assert [text[q.start:q.end] for q in quote_spans(text)] == ["We came,", "we stayed."]


def test_doubled_opening_mark_keeps_the_quote_and_its_speaker(nlp):
    quote = _with(_quotes(nlp, "Senator Ann Lowe said, ““We have the votes,” and left."),
                  "We have the votes")[0]
    assert quote["speaker"] == "Ann Lowe"


# ---------------------------------------------------------------- speech context
@pytest.mark.parametrize("text,speaker", [
    ("“Trump must stop portraying us as gangsters when most of us work hard.” ― Carla "
     "Sanchez.", "Carla Sanchez"),
    ("“Maybe we can build a wall around the candidate.” — Steve Quinlan", "Steve Quinlan"),
    ("Oscar Quintero ― “No sympathy, no preparedness, a real fiasco.”", "Oscar Quintero"),
])
def test_quotation_signed_with_a_dash(nlp, text, speaker):
    quote = [q for q in _quotes(nlp, text) if q["kind"] == "direct"]
    assert len(quote) == 1 and quote[0]["speaker"] == speaker


def test_dash_inside_prose_signs_nothing(nlp):
    quote = _with(_quotes(nlp, "“The plan is a disaster,” he said — and then Tom Hale left."),
                  "disaster")[0]
    assert quote["speaker"] is None and quote["cue"] == "said"


def test_quoted_transcript_turn_speaks_by_its_name(nlp):
    text = "“PENCE: Well, look, this is serious business for the American people.”"
    quote = _with(_quotes(nlp, text), "Well, look")[0]
    assert quote["text"].startswith("Well, look") and quote["speaker"] == "PENCE"


def test_coordinated_quotations_share_the_speaker(nlp):
    text = 'The crowd chanted back at him, "Send them home," and "Build the wall."'
    quotes = _quotes(nlp, text)
    assert [q["speaker"] for q in quotes if q["kind"] != "indirect"] == ["The crowd"] * 2


def test_subject_before_the_verb_after_a_quotation(nlp):
    quote = _with(_quotes(nlp, "“What was the pivot point that changed him?” Beck questioned."),
                  "pivot point")[0]
    assert quote["speaker"] == "Beck" and quote["kind"] == "direct"


def test_fragment_under_any_verb_goes_to_a_named_subject(nlp):
    text = ("Trump tweeted that Machado was “a con” and encouraged Americans to “check out” "
            "her past.")
    quote = _with(_quotes(nlp, text), "check out")[0]
    assert quote["speaker"] == "Trump"


def test_fragment_under_be_is_the_writers(nlp):
    text = "The situation here is “entirely different” from Europe."
    assert [q for q in _quotes(nlp, text) if q["kind"] != "indirect"] == []


def test_participle_object_is_no_inverted_subject(nlp):
    text = ("Admiral Ray Harris has been blunt. He has called China ''provocative,'' accusing "
            "it of ''creating a Great Wall of sand'' in the sea.")
    quote = _with(_quotes(nlp, text), "Great Wall of sand")[0]
    assert text[quote["speaker_start"]:quote["speaker_end"]] != "it"


# ---------------------------------------------------------------- stances
@pytest.mark.parametrize("text,cue,content", [
    ("Clinton wants to triple the size of the AmeriCorps program.", "wants",
     "to triple the size of the AmeriCorps program"),
    ("The NAACP called for a moratorium on charter schools.", "called",
     "a moratorium on charter schools"),
    ("Clinton cited his remarks as examples of disrespect for women.", "cited",
     "his remarks as examples of disrespect for women"),
    ("The Trump campaign called the charges unsubstantiated.", "called",
     "the charges unsubstantiated"),
])
def test_stance_verbs_attribute_their_object(nlp, text, cue, content):
    quotes = [q for q in _quotes(nlp, text) if q["kind"] == "indirect"]
    assert [(q["cue"], q["text"]) for q in quotes] == [(cue, content)]


@pytest.mark.parametrize("text", [
    "The ministry wants attention.",  # content of fewer than MIN_CONTENT_TOKENS words
    "She plans a trip.",
    "Clinton called at noon.",  # no object: the verb is no stance here
    # a phone call: "called" + object + no characterisation of it
    "President Biden called Vladimir Putin on Tuesday to talk about the crisis in Ukraine.",
])
def test_stance_verbs_need_real_content(nlp, text):
    assert [q for q in _quotes(nlp, text) if q["kind"] == "indirect"] == []

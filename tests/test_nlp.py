"""The spaCy model and Storyline's paragraph rules around it."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from storyline.enrich.nlp import MODEL_PACKAGE, load_nlp
from storyline.errors import ModelMissingError



def test_line_break_starts_a_sentence(nlp):
    doc = nlp("Negotiators fail to agree after two days in Bratislava\n\n"
              "Two days of talks ended without a deal.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0].endswith("Bratislava")
    assert starts[1].startswith("Two days")


def test_no_break_inside_a_paragraph(nlp):
    doc = nlp("The talks in Geneva ended without a deal on Tuesday evening after six hours.")
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("text,label,expected", [
    ("He flew to Bratislava\n\nTwo days later he left.", "GPE", "Bratislava"),
    ("Meet Anna Novak\nin Vienna.", "PERSON", "Anna Novak"),
])
def test_entities_never_span_a_line_break(nlp, text, label, expected):
    doc = nlp.make_doc(text)
    first_word = expected.split()[0]
    start = next(t.i for t in doc if t.text == first_word)
    doc.ents = [Span(doc, start, len(doc) - 2, label=label)]
    doc = nlp.get_pipe("entities_within_lines")(doc)
    assert [e.text for e in doc.ents] == [expected]


def test_missing_model_names_the_package():
    with pytest.raises(ModelMissingError) as info:
        load_nlp("no_such_model_xyz")
    assert MODEL_PACKAGE in info.value.line()

"""The parse component: run spaCy once over the text."""
from __future__ import annotations

from storyline.enrich.nlp import load_nlp
from storyline.enrich.runner import Document, component


@component("parse", assigns=("spacy",))
def PARSE(doc: Document) -> Document:
    doc.spacy = load_nlp()(doc.text)
    return doc

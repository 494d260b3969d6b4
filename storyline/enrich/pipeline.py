"""The enrichment runner.

A component is a small callable ``fn(doc) -> doc`` that declares the
attributes of :class:`Document` it ``requires`` and the ones it ``assigns``.
The runner checks both, so a component that forgets to fill what it promised,
or runs before what it needs, fails loudly instead of silently.

Order (each line needs the ones above it)::

    parse     -> spacy          (spaCy tokens, sentences, NER, dependencies)
    entities  -> entities       (people, organisations, places, with roles)
    places    -> places         (gazetteer: country code, coordinates, kind)
    times     -> times          (TIMEX3 values relative to the publication date)
    quotes    -> quotes         (direct / partial / indirect, speaker resolved)
    events    -> events         (meetings, calls, talks... with when/where/who)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Callable

from storyline.errors import StorylineError


@dataclass
class Document:
    """The article text plus named groups of character spans into ``text``."""

    text: str
    published: datetime | date | None = None
    spacy: Any = None  # spacy.tokens.Doc
    entities: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    times: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    done: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Component:
    name: str
    func: Callable[[Document], Document]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


class PipelineError(StorylineError):
    code = "E401"


def component(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()):
    def wrap(func: Callable[[Document], Document]) -> Component:
        return Component(name, func, tuple(requires), tuple(assigns))
    return wrap


def run_pipeline(doc: Document, components: list[Component]) -> Document:
    for comp in components:
        missing = [r for r in comp.requires if r not in doc.done]
        if missing:
            raise PipelineError(f"component {comp.name!r} requires {missing} which no earlier "
                                f"component assigned; reorder the pipeline")
        doc = comp.func(doc)
        for attr in comp.assigns:
            doc.done.add(attr)
        _check_spans(doc, comp)
    return doc


def _check_spans(doc: Document, comp: Component) -> None:
    n = len(doc.text)
    for attr in comp.assigns:
        items = getattr(doc, attr, None)
        if not isinstance(items, list):
            continue
        for item in items:
            s, e = item.get("start"), item.get("end")
            if s is None or e is None or not (0 <= s <= e <= n):
                raise PipelineError(f"component {comp.name!r} produced a span outside the text: "
                                    f"{attr} item {item!r}")


def default_components() -> list[Component]:
    from storyline.enrich import entities, events, parse, places, quotes, times

    return [parse.PARSE, entities.ENTITIES, places.PLACES, times.TIMES, quotes.QUOTES,
            events.EVENTS]


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

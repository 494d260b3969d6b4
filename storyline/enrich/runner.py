"""The enrichment runner: the Document, the component declaration and the checks.

A component is a small callable ``fn(doc) -> doc`` that declares the attributes of
:class:`Document` it ``requires`` and the ones it ``assigns``. :func:`run_pipeline` checks
both, and every span a component writes, so a component that forgets to fill what it
promised, or runs before what it needs, fails loudly instead of silently. Components import
this module; :mod:`storyline.enrich.pipeline` assembles them (so neither imports the other
back).

Example::

    @component("shout", requires=("entities",), assigns=("quotes",))
    def shout(doc: Document) -> Document:
        doc.quotes = []
        return doc
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, Callable

from storyline.errors import StorylineError
from storyline.facts import FACT_NAMES


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


# Every kind of fact in the registry is a list on the Document (see storyline.facts).
assert set(FACT_NAMES) <= {f.name for f in fields(Document)}, "Document lacks a fact kind"


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

"""One page through the whole flow: extract, then (optionally) enrich."""
from __future__ import annotations

from typing import Callable

from storyline.enrich.pipeline import Component, enrich, enrich_end, parse_published
from storyline.errors import StorylineError
from storyline.facts import FACT_NAMES
from storyline.extract.core import extract
from storyline.model import Article, RawPage



def analyse(article: Article, components: list[Component] | None = None) -> Article:
    """Fill the article's entities, quotes, times, places and events from its text."""
    published = parse_published(article.published) if article.published else None
    end = enrich_end(article.text)
    doc = enrich(article.text[:end], published, components=components)
    if end < len(article.text):
        article.provenance["enrichment"] = f"first {end} of {len(article.text)} characters"
    for name in FACT_NAMES:
        setattr(article, name, getattr(doc, name))
    return article


def process_page(raw: RawPage, *, enrich_text: bool = True, published: str | None = None,
                 known: Callable[[Article], bool] | None = None) -> Article:
    """Extract the article from ``raw`` and, unless told not to, enrich it.

    ``known(article) -> bool`` (e.g. ``Archive.has``) is asked after extraction: an article
    the archive already holds (same text or URL) is not enriched, since storing it will only
    count it as a duplicate.
    """
    article = extract(raw, published=published)
    if enrich_text and not (known is not None and known(article)):
        analyse(article)
    return article


def process_safely(raw: RawPage, *, enrich_text: bool = True, published: str | None = None,
                   known: Callable[[Article], bool] | None = None
                   ) -> tuple[Article | None, StorylineError | None]:
    """:func:`process_page` that never raises for one page: ``(article, None)`` or
    ``(None, error)``, the error naming the input as the user gave it (``file#item-3``).

    Example::

        article, error = process_safely(RawPage(content="<p>...</p>", origin="a.html"))
        if error is not None:
            print(error.line())
    """
    try:
        return process_page(raw, enrich_text=enrich_text, published=published, known=known), None
    except StorylineError as exc:
        exc.source = raw.origin
        return None, exc
    except Exception as exc:  # noqa: BLE001 - one bad page never stops a batch
        return None, StorylineError(f"unexpected {type(exc).__name__}: {exc}", source=raw.origin)

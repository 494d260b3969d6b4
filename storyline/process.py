"""One page through the whole flow: extract, then (optionally) enrich."""
from __future__ import annotations

from storyline.enrich.pipeline import Component, enrich, enrich_end, parse_published
from storyline.extract.core import extract
from storyline.model import Article, RawPage

ENRICHED_FIELDS = ("entities", "quotes", "times", "places", "events")


def analyse(article: Article, components: list[Component] | None = None) -> Article:
    """Fill the article's entities, quotes, times, places and events from its text."""
    published = parse_published(article.published) if article.published else None
    end = enrich_end(article.text)
    doc = enrich(article.text[:end], published, components=components)
    if end < len(article.text):
        article.provenance["enrichment"] = f"first {end} of {len(article.text)} characters"
    for name in ENRICHED_FIELDS:
        setattr(article, name, getattr(doc, name))
    return article


def process_page(raw: RawPage, *, enrich_text: bool = True, published: str | None = None) -> Article:
    """Extract the article from ``raw`` and, unless told not to, enrich it."""
    article = extract(raw, published=published)
    if enrich_text:
        analyse(article)
    return article

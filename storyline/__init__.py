"""Storyline: news pages in, a searchable archive of who said what, when and where out.

The public API::

    from storyline import extract_page, analyse, Archive
    article = extract_page("<html>...</html>", url="https://example.com/story")
    analyse(article)             # entities, quotes, times, places, events
    Archive("news.db").add(article)
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract_page", "analyse", "Archive", "Article", "RawPage"]


def extract_page(content: str | bytes, *, url: str | None = None, kind: str = "html",
                 published: str | None = None):
    """Extract the clean article from one page's content (``kind``: html, text or body)."""
    from storyline.extract.core import extract
    from storyline.model import RawPage

    return extract(RawPage(content=content, origin=url or "<string>", url=url, kind=kind),
                   published=published)


def __getattr__(name: str):
    if name == "analyse":
        from storyline.process import analyse

        return analyse
    if name == "Archive":
        from storyline.store import Archive

        return Archive
    if name in ("Article", "RawPage"):
        from storyline import model

        return getattr(model, name)
    raise AttributeError(name)

"""From a RawPage to a clean Article: the documented fallback chain.

1. ``kind == "body"``: the text already is the article body; it is kept exactly as
   given (no stripping), so every character offset refers to the input.
2. ``kind == "html"``: :func:`storyline.extract.html.extract_html` (trafilatura combined
   with a second extractor) gives the body and the page's metadata (meta tags, then
   JSON-LD, then page heuristics).
3. ``kind == "text"``: :func:`storyline.extract.text.extract_text_page` removes the page
   chrome of a scraped plain-text page line by line and reads metadata from page lines.
4. Then, for every kind, fields still empty are filled in priority order from what the
   container knew (``--published``, the feed item or JSON line, the URL), and from the
   text itself: the wire service (copyright line, dateline, credits), the language
   (py3langid), the outlet (the URL's host name).
"""
from __future__ import annotations

from datetime import date, datetime

from storyline.errors import ExtractionError
from storyline.extract.limits import fit_page, fit_text_page
from storyline.model import Article, RawPage
from storyline.values import clean_value, repair_article, url_host

#: Fewest words a body must have to count as an article.
MIN_BODY_WORDS = 1


def extract(raw: RawPage, *, published: str | None = None) -> Article:
    """Extract the clean article from one page; raises ExtractionError when there is none."""
    content = raw.content
    if isinstance(content, bytes):
        from storyline.ingest.decode import decode_bytes

        content = decode_bytes(content)
    content, repaired = clean_value(content)  # lone surrogates -> U+FFFD (noted by repair_article)
    cut = None
    if raw.kind == "body":
        article = Article(text=content)
        article.provenance["text"] = "input"
    elif raw.kind == "text":
        from storyline.extract.text import extract_text_page

        content, cut = fit_text_page(content)  # rules.limits: bounded work per page
        article = extract_text_page(content, raw.url)
        article.provenance.setdefault("text", "text-cleaner")
    else:
        from storyline.extract.html import extract_html

        content, cut = fit_page(content)  # rules.limits: bounded work per page
        article = extract_html(content, raw.url)
        article.provenance.setdefault("text", "html-extractor")
    if cut:
        article.provenance["page"] = cut
    if raw.kind != "body":
        drop_repeated_headings(article)
    if not article.text.strip() or article.word_count < MIN_BODY_WORDS:
        raise ExtractionError("no article text found in the page", source=raw.origin)
    fill_common(article, raw, published=published)
    return repair_article(article, text_repaired=repaired)


def drop_repeated_headings(article: Article) -> Article:
    """Drop leading paragraphs that repeat the title or the standfirst (pages often keep the
    headline inside the article element); the body starts with the story itself."""
    heads = {_key(h) for h in (article.title, article.subtitle) if h}
    paras = article.text.split("\n\n")
    while len(paras) > 1 and _key(paras[0]) in heads:
        paras.pop(0)
    article.text = "\n\n".join(paras)
    return article


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


def fill_common(article: Article, raw: RawPage, *, published: str | None = None) -> Article:
    """Fill what the page itself did not give, each with its provenance."""
    article.source = raw.origin
    if published:
        article.published = None  # the option overrides whatever the page said
        article.set("published", normalise_date(published), "option")
    article.set("published", normalise_date(raw.published), "container")
    article.set("title", raw.title_hint, "container")
    article.set("url", raw.url, "input")
    article.set("canonical_url", article.url, "url")
    meta = raw.meta or {}
    article.set("outlet", meta.get("outlet"), "feed")
    article.set("authors", list(meta.get("authors") or []), "feed")
    host = host_name(article.canonical_url or article.url)
    article.set("outlet", host, "url-host")
    if not article.wire:
        from storyline.extract.wire import detect_wire

        wire, how = detect_wire(article.text, copyright=article.copyright,
                                authors=tuple(article.authors), meta=raw.meta or None)
        article.set("wire", wire, how or "heuristic")
    if not article.language:
        article.set("language", detect_language(article.text), "py3langid")
    return article


def host_name(url: str | None) -> str | None:
    host = url_host(url) or ""
    return host[4:] if host.startswith("www.") else (host or None)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid, its bundled model)."""
    sample = text[:5000].strip()
    if not sample:
        return None
    from storyline.extract.language import identifier

    return identifier().classify(sample)[0]


def parse_iso(value: str) -> date | datetime | None:
    """A date ("2021-12-31", exactly ten characters) or datetime (ISO 8601, "Z" read as
    UTC) from an ISO string; None when it is not one. Shared by :func:`normalise_date` and
    :func:`storyline.enrich.pipeline.parse_published`."""
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def normalise_date(value: str | date | datetime | None) -> str | None:
    """ISO 8601 from an ISO-ish or RFC 2822 string; None when it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    parsed_iso = parse_iso(text)
    if parsed_iso is not None:
        return parsed_iso.isoformat()
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first",
                                              "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None

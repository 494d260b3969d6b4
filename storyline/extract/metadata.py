"""Page metadata with provenance, in priority order: meta tags, then JSON-LD, then page heuristics.

Each field is set through ``Article.set(name, value, how)`` (first writer wins), so
the order of the calls below *is* the priority order, and ``article.provenance``
says which source gave each field: ``"meta:og:title"``, ``"json-ld"``,
``"heuristic:h1"``, ``"input"`` ... Rules and word lists live in
:mod:`storyline.rules.html`.
"""
from __future__ import annotations

import datetime as _dt
import itertools
import email.utils as _email_utils
import json
import re
from typing import Any, Iterable

from lxml import etree

from storyline.model import Article, Image
from storyline.values import join_url, url_host
from storyline.rules import html as rules
from storyline.extract.parsing import parse_html
from storyline.extract.titles import clean_title, is_section_label

__all__ = ["fill_metadata", "html_metadata", "clean_authors", "is_standfirst", "iso_date",
           "find_standfirst", "standfirst_class"]

_WS = re.compile(r"\s+")
_BYLINE_XPATH = etree.XPath(rules.BYLINE_XPATH)
_COPYRIGHT_XPATH = etree.XPath(rules.COPYRIGHT_XPATH)
_WORD = re.compile(r"\w+")


def _clean(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    text = _WS.sub(" ", text).strip()
    return text or None


# --- meta tags ---------------------------------------------------------------------------------
def _meta_index(tree) -> dict[tuple[str, str], list[str]]:
    """(attribute, lower-cased value) -> contents of every <meta> tag, in page order."""
    index: dict[tuple[str, str], list[str]] = {}
    for el in tree.iter("meta"):
        content = _clean(el.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                index.setdefault((attr, key.strip().lower()), []).append(content)
    return index


def _meta_first(index, pairs) -> tuple[str | None, str | None]:
    for attr, key in pairs:
        values = index.get((attr, key)) or (index.get(("name", key)) if attr == "property" else None)
        if values:
            return values[0], f"meta:{key}"
    return None, None


# --- JSON-LD -------------------------------------------------------------------------------------
def _jsonld_objects(tree) -> list[dict]:
    """Every JSON-LD object of the page, @graph flattened; broken blocks skipped."""
    out: list[dict] = []

    def walk(obj):
        if isinstance(obj, list):
            for o in obj:
                walk(o)
        elif isinstance(obj, dict):
            out.append(obj)
            if "@graph" in obj:
                walk(obj["@graph"])

    for el in tree.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        try:
            walk(json.loads(el.text.strip().rstrip(";")))
        except ValueError:
            continue
    return out


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x).lower() for x in items if x}


def _jsonld_article(objs: list[dict]) -> dict:
    """The object describing the article (NewsArticle first, any *Article, then WebPage)."""
    best, rank = {}, 99
    for obj in objs:
        types = _types(obj)
        if not types & rules.JSONLD_ARTICLE_TYPES:
            continue
        r = 0 if types & {"newsarticle", "reportagenewsarticle", "analysisnewsarticle"} else \
            1 if any(t.endswith("article") or t == "blogposting" for t in types) else 2
        if r < rank:
            best, rank = obj, r
    return best


def _names(value, *, people_only: bool = False) -> list[str]:
    """Names from a JSON-LD person/organization value (str, dict, or a list of them);
    ``people_only`` leaves out objects typed as an organization (a publisher listed as
    the author)."""
    items = value if isinstance(value, list) else [value]
    out = []
    for it in items:
        if isinstance(it, dict) and people_only and _types(it) & rules.JSONLD_ORG_TYPES:
            continue
        if isinstance(it, dict):
            name = it.get("name")
            if isinstance(name, list):
                name = " ".join(str(n) for n in name)
            if _clean(name):
                out.append(_clean(name))
        elif _clean(it):
            out.append(_clean(it))
    return out


# --- normalisers ----------------------------------------------------------------------------------
def iso_date(value: str | None) -> str | None:
    """An ISO 8601 date or datetime from a page's date string; None when it is not a date."""
    value = _clean(value)
    if not value:
        return None
    v = value.replace("Z", "+00:00")
    try:
        parsed = _dt.datetime.fromisoformat(v)
        if ":" not in v:  # a date without a time of day
            return parsed.date().isoformat()
        return parsed.isoformat()
    except ValueError:
        pass
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?", v)
    if m:
        try:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
            if m[4]:
                return _dt.datetime(y, mo, d, int(m[4]), int(m[5]), int(m[6] or 0)).isoformat()
            return _dt.date(y, mo, d).isoformat()
        except ValueError:
            return None
    try:  # RFC 2822: "Tue, 19 Nov 2019 03:05:46 GMT"
        return _email_utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    cleaned = rules.DATE_NOISE.sub("", value).strip(" ,")
    for fmt in rules.DATE_FORMATS:
        try:
            parsed = _dt.datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        return parsed.isoformat() if ("%H" in fmt or "%I" in fmt) else parsed.date().isoformat()
    return None


def _language(value: str | None) -> str | None:
    """Primary language subtag, lower case: "en_US" -> "en"."""
    value = _clean(value)
    if not value:
        return None
    m = re.match(r"([A-Za-z]{2,3})(?:[-_]|$)", value.split(",")[0].strip())
    return m[1].lower() if m else None


def clean_authors(values: Iterable[str]) -> list[str]:
    """People's names from bylines: "By A and B" -> [A, B]; titles, agencies, URLs dropped."""
    out: list[str] = []
    for raw in values:
        raw = _clean(raw)
        if not raw or raw.startswith(("http://", "https://", "www.")):
            continue
        raw = rules.AUTHOR_CUT.sub("", rules.BYLINE_EMAIL.sub(" ", raw))
        raw = rules.BYLINE_PREFIX.sub("", raw)
        for part in rules.AUTHOR_SPLIT.split(raw):
            name = rules.BYLINE_PREFIX.sub("", " " + part.strip(" -–—:|·•()[]")).strip()
            name = name.strip(" -–—:|·•()[]")
            if not name or len(name) > rules.AUTHOR_MAX_CHARS:
                continue
            low = name.lower()
            if low in rules.AUTHOR_AGENCIES:
                continue
            words = _WORD.findall(low)
            if len(name.split()) < rules.AUTHOR_MIN_WORDS:
                continue
            if not words or any(w in rules.AUTHOR_ROLE_WORDS for w in words):
                continue
            if not rules.AUTHOR_NAME.match(name) or "@" in name:
                continue
            if not any(w[:1].isupper() for w in name.split()):
                continue
            if name.isupper() and len(words) > 1:  # "JOHN SMITH" -> "John Smith"
                name = name.title()
            if name not in out:
                out.append(name)
    return out


def is_standfirst(description: str | None, text: str = "", outlet: str | None = None) -> bool:
    """True when a page description reads as a standfirst, not a teaser cut from the body
    (nor a site blurb naming ``outlet``)."""
    description = _clean(description)
    if not description:
        return False
    if outlet:
        name = rules.OUTLET_TAGLINE_SPLIT.split(outlet)[0].lower().removeprefix("www.")
        if name and name in description.lower():
            return False
    words = _WORD.findall(description.lower())
    if not rules.STANDFIRST_MIN_WORDS <= len(words) <= rules.STANDFIRST_MAX_WORDS:
        return False
    if len(description) > rules.STANDFIRST_MAX_CHARS or rules.STANDFIRST_TRUNCATED.search(description):
        return False
    n = rules.STANDFIRST_BODY_PREFIX_WORDS
    body_start = _WORD.findall(text[:2000].lower())[:n]
    if len(words) >= n and words[:n] == body_start:
        return False
    lede = " ".join(text.split("\n\n")[:rules.STANDFIRST_LEDE_PARAGRAPHS]).lower()
    own = _shingle_set(words)
    if own and len(own & _shingle_set(_WORD.findall(lede))) >= rules.STANDFIRST_LEDE_MAX_SHARE * len(own):
        return False
    return True


def _shingle_set(words: list[str], n: int = 4) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


# --- standfirst by class --------------------------------------------------------------------------
_CLASS_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_STANDFIRST_NAMES = tuple(sorted(rules.STANDFIRST_CLASS_STRONG | rules.STANDFIRST_CLASS_WEAK
                                 | {a for a, _ in rules.STANDFIRST_CLASS_PAIRS}))
_SENTENCE_END = re.compile(r"[.!?…:;]['\"”’»)]*\s*$")


def standfirst_class(class_attr: str | None) -> str | None:
    """"strong" or "weak" when a class attribute names a standfirst, else None.

    >>> standfirst_class("c-standfirst"), standfirst_class("story-intro"), standfirst_class("intro-video")
    ('strong', 'weak', None)
    """
    if not class_attr:
        return None
    low = class_attr.lower()
    if not any(name in low for name in _STANDFIRST_NAMES):  # a cheap first look
        return None
    best = None
    for token in class_attr.split():
        parts = [p.lower() for p in _CLASS_PARTS.findall(token)]
        if not parts or any(p in rules.STANDFIRST_CLASS_EXCLUDE for p in parts):
            continue
        pairs = set(zip(parts, parts[1:]))
        if set(parts) & rules.STANDFIRST_CLASS_STRONG or pairs & rules.STANDFIRST_CLASS_PAIRS:
            return "strong"
        if set(parts) & rules.STANDFIRST_CLASS_WEAK:
            best = "weak"
    return best


def _follows_headline(el, h1) -> bool:
    """True when ``el`` comes after the headline, within a few levels of it and with
    little text between them (a byline, a date, a caption; not the story)."""
    h1_up = set(h1.iterancestors())
    for level, anc in enumerate(el.iterancestors()):
        if level >= rules.STANDFIRST_H1_MAX_LEVELS:
            return False
        if anc in h1_up:
            between, seen_h1 = 0, False
            h1_inside = set(h1.iter())
            for e in anc.iter():
                if e is el:
                    return seen_h1
                if e is h1:
                    seen_h1 = True
                elif seen_h1 and e not in h1_inside and isinstance(e.tag, str):
                    between += len(_WORD.findall(e.text or "")) + len(_WORD.findall(e.tail or ""))
                    if between > rules.STANDFIRST_MAX_WORDS_AFTER_H1:
                        return False
            return False
    return False


def find_standfirst(tree) -> str | None:
    """The page's visible standfirst: the first block under the headline whose class
    names it (``dek``, ``standfirst``, ``subtitle``...; ``summary``, ``lede``, ``intro``
    only when the text has no final stop, as a standfirst and unlike a lede)."""
    if tree is None:
        return None
    h1 = next(tree.iter("h1"), None)
    title = _text_of(h1) if h1 is not None else None
    seen = 0
    for el in tree.iter(*rules.STANDFIRST_TAGS):
        strength = standfirst_class(el.get("class"))
        if strength is None:
            continue
        seen += 1
        if seen > rules.STANDFIRST_CLASS_MAX_CANDIDATES:
            break
        if any(a.tag in rules.STANDFIRST_BAD_ANCESTORS for a in el.iterancestors()):
            continue
        if len(el.findall(".//p")) > 1:  # a wrapper around paragraphs, not one block
            continue
        if next(el.iter(*rules.STANDFIRST_BAD_DESCENDANTS), None) is not None:
            continue
        text = _text_of(el)
        if not text or text == title:
            continue
        n = len(_WORD.findall(text))
        if not rules.STANDFIRST_CLASS_MIN_WORDS <= n <= rules.STANDFIRST_CLASS_MAX_WORDS:
            continue
        if strength == "weak" and _SENTENCE_END.search(text):
            continue
        if h1 is not None and not _follows_headline(el, h1):
            continue
        return text
    return None


# --- page heuristics ---------------------------------------------------------------------------
def _text_of(el) -> str | None:
    return _clean(" ".join(el.itertext()))


def _byline_names(el) -> list[str]:
    """People named by one byline element.

    The element's own text and each child's text and tail are read as separate
    parts, in order, so a byline built of blocks (``<span>By Jane Doe</span><span>BBC
    News, Texas</span>``) gives the person and drops the outlet and the place:
    once a "By ..." part has named someone, a later part adds names only after a
    connector ("and", ","). When no part names anyone (a name split over
    elements: ``<span>Jane</span> <span>Doe</span>``), the whole text is read.
    """
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            parts.append(" ".join(child.itertext()))
        parts.append(child.tail or "")
    names: list[str] = []
    is_open, prefixed = True, False
    for part in parts:
        if not part.strip() or len(part) > rules.BYLINE_MAX_CHARS:
            continue
        if rules.BYLINE_CONNECTOR.match(part):
            is_open = True
            continue
        if not is_open:
            continue
        found = clean_authors([part])
        names += [n for n in found if n not in names]
        if rules.BYLINE_PREFIX.match(part + " "):
            prefixed = True
        if found and prefixed:
            is_open = False  # "By Jane Doe" is complete; what follows is her desk or place
    if names:
        return names
    whole = _text_of(el)
    return clean_authors([whole]) if whole and len(whole) <= rules.BYLINE_MAX_CHARS else []


def is_foreign_byline(el) -> bool:
    """A byline element of another story or a picture credit: inside an element listed
    in ``BYLINE_FOREIGN_TAGS``, or inside (or itself) one classed like
    ``BYLINE_FOREIGN_CLASS`` ("related-stories", "photo-credit")."""
    node = el
    while node is not None and isinstance(node.tag, str) and node.tag not in ("body", "html"):
        if node is not el and node.tag in rules.BYLINE_FOREIGN_TAGS:
            return True
        if rules.BYLINE_FOREIGN_CLASS.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
        node = node.getparent()
    return False


def _byline_lists(tree) -> list[list[str]]:
    """The names of each byline element of the page (first MAX_BYLINE_ELEMENTS of the
    article's own, :func:`is_foreign_byline` left out), non-empty only."""
    out = []
    own = [el for el in _BYLINE_XPATH(tree) if not is_foreign_byline(el)]
    for el in own[:rules.MAX_BYLINE_ELEMENTS]:
        names = _byline_names(el)
        if names:
            out.append(names)
    return out


def _fuller_byline(authors: list[str], bylines: list[list[str]]) -> list[str] | None:
    """A visible byline naming every one of ``authors`` and more people, else None.

    A single ``meta name=author`` often holds the first author only while the
    byline shows all of them ("By Marta Okonkwo and Lars Henningsen").
    """
    have = {a.casefold() for a in authors}
    for names in bylines:
        if len(names) > len(authors) and have <= {n.casefold() for n in names}:
            return names
    return None


def _caption_and_credit(fig, cap_el=None) -> tuple[str | None, str | None]:
    """Caption and credit of one <figure>.

    The credit is an element of the figure with a credit-like class, or one
    whose text starts with a credit label ("Image source, Getty Images",
    "Photo: Jan Vos", "Credit: AFP"), inside the caption or beside it; else a
    credit written at the end of the caption ("... Photo: X"). Screen-reader
    labels ("Image caption, ") are stripped from the caption.
    """
    if cap_el is None:
        cap_el = next(fig.iter("figcaption"), None)
    caption = _text_of(cap_el) if cap_el is not None else None
    credit = credit_text = None
    around_caption = set(cap_el.iterancestors()) if cap_el is not None else set()
    for el in fig.iter():
        if (el is cap_el or el in around_caption or not isinstance(el.tag, str)
                or el.tag == "img"):
            continue
        cls = f'{el.get("class") or ""} {el.get("id") or ""}'
        text = _text_of(el)
        if not text:
            continue
        by_class = bool(rules.IMAGE_CREDIT_CLASS.search(cls))
        m = rules.IMAGE_CREDIT_LABEL.match(text)
        if by_class or (m and len(text) - m.end() >= 2):
            credit_text = text
            credit = _clean(text[m.end():]) if m else text
            break
    if caption and credit_text:
        caption = _clean(caption.replace(credit_text, "")) or caption
    if caption:
        caption = _clean(rules.IMAGE_CAPTION_LABEL.sub("", caption)) or None
    if caption and not credit:
        m = rules.IMAGE_CREDIT_LABEL.match(caption)
        if m:  # the whole caption is a credit: "Photo: Reuters"
            return None, _clean(caption[m.end():])
        m = rules.IMAGE_CREDIT_IN_CAPTION.search(caption)
        if m:
            credit = _clean(m["credit"] or m["credit2"] or m["credit3"] or m["credit4"])
            caption = _clean(caption[:m.start()]) or caption
    return caption, credit


def _images(tree, base: str | None) -> list[Image]:
    images: list[Image] = []
    seen = set()
    for fig in tree.iter("figure"):
        img = next(fig.iter("img"), None)
        url = None
        if img is not None:
            url = img.get("src") or img.get("data-src") or img.get("data-original")
            if url and url.startswith("data:"):
                url = img.get("data-src") or None
        caption, credit = _caption_and_credit(fig)
        if url and base:
            url = join_url(base, url)
        if not (url or caption) or (url, caption) in seen:
            continue
        seen.add((url, caption))
        images.append(Image(caption=caption, credit=credit, url=url))
        if len(images) >= rules.MAX_IMAGES:
            break
    if len(images) < rules.MAX_IMAGES:
        images += _loose_images(tree, base, seen)[:rules.MAX_IMAGES - len(images)]
    return images


def _loose_images(tree, base: str | None, seen: set) -> list[Image]:
    """Pictures outside any <figure>: an <img> whose block (its parent, or the block
    above) holds an element with a caption-like class (``<p class="caption">``,
    ``photo-credit``); that element gives the caption and credit as a figcaption would."""
    images: list[Image] = []
    # cheap first look: no caption- or credit-like class outside figures, no loose picture
    if not tree.xpath(rules.LOOSE_CAPTION_XPATH):
        return images
    imgs = tree.xpath(rules.LOOSE_IMAGE_XPATH)[:rules.MAX_IMAGES]
    captions, credits = _caption_class_index(tree, imgs)
    for img in imgs:
        block = img.getparent()
        cap_el = found = None
        for _ in range(rules.LOOSE_IMAGE_MAX_LEVELS):
            if block is None:
                break
            # the first caption-classed element inside the block wins, else the first credit
            cap_el = found = next((e for e in captions.get(block, ()) if e is not img), None)
            if found is None:
                found = next((e for e in credits.get(block, ()) if e is not img), None)
            if found is not None:
                break
            block = block.getparent()
        if found is None or block is None or len(_WORD.findall(
                " ".join(block.itertext()))) > rules.LOOSE_IMAGE_MAX_WORDS:
            continue
        caption, credit = _caption_and_credit(block, cap_el)
        url = img.get("src") or img.get("data-src") or img.get("data-original")
        if url and url.startswith("data:"):
            url = img.get("data-src") or None
        if url and base:
            url = join_url(base, url)
        if not caption and not credit or (url, caption) in seen:
            continue
        seen.add((url, caption))
        images.append(Image(caption=caption, credit=credit, url=url))
    return images


def _caption_class_index(tree, imgs) -> tuple[dict, dict]:
    """For the blocks around the loose pictures (their parents, up to
    ``LOOSE_IMAGE_MAX_LEVELS``): the caption-classed and credit-classed elements inside each,
    in document order. One pass over the classed elements instead of one walk per picture."""
    blocks = set()
    for img in imgs:
        block = img.getparent()
        for _ in range(rules.LOOSE_IMAGE_MAX_LEVELS):
            if block is None:
                break
            blocks.add(block)
            block = block.getparent()
    captions: dict = {}
    credits: dict = {}
    if not blocks:
        return captions, credits
    for el in _CLASSED(tree):
        cls = f'{el.get("class") or ""} {el.get("id") or ""}'
        if rules.IMAGE_CAPTION_CLASS.search(cls):
            index = captions
        elif rules.IMAGE_CREDIT_CLASS.search(cls):
            index = credits
        else:
            continue
        if el in blocks:
            index.setdefault(el, []).append(el)
        for anc in el.iterancestors():
            if anc in blocks:
                index.setdefault(anc, []).append(el)
    return captions, credits


_CLASSED = etree.XPath("//*[@class or @id]")


def _heuristic_copyright(tree) -> str | None:
    """The last copyright line of the page ("© 2021 Bloomberg L.P."): the footer first, then the body."""
    footers = list(tree.iter("footer"))
    scopes = [footers[-1], tree] if footers else [tree]
    for scope in scopes:
        for node in reversed(_COPYRIGHT_XPATH(scope)):
            m = rules.COPYRIGHT_LINE.search(str(node))
            if not m:
                continue
            holder = _copyright_holder(m["holder"])
            if holder:
                return _clean(m.string[m.start():m.start("holder")] + holder)
        for node in reversed(_COPYRIGHT_XPATH(scope)):  # "Central Europe Monitor © 2025"
            m = rules.COPYRIGHT_LINE_HOLDER_FIRST.search(str(node))
            if m and (holder := _copyright_holder(m["holder"])):
                return _clean(f"{holder} {m.string[m.end('holder'):m.end()].strip()}")
    return None


def _copyright_holder(text: str) -> str | None:
    """The holder part of a copyright line, without "All rights reserved" nor footer links."""
    holder = rules.COPYRIGHT_TAIL.sub("", text)
    holder = rules.COPYRIGHT_NAV_TAIL.sub("", holder).strip(" .,;-")
    if holder and not rules.COPYRIGHT_EMPTY_HOLDER.match(holder):
        return holder
    return None


# --- the public entry points -----------------------------------------------------------------------
_FIND = object()


def _prefer_wire_copyright(article: Article, tree) -> None:
    """When the story is an agency's (its wire known from the dateline, sign-off or
    byline), the agency's copyright line ("© Thomson Reuters 2023") beats the site's
    footer ("© 2023 The Straits Observer")."""
    from storyline.extract.wire import canonical_wire, detect_wire
    wire = article.wire or detect_wire(article.text or "")[0]
    if not wire or canonical_wire(article.copyright) == wire:
        return
    for el in tree.xpath(rules.COPYRIGHT_TEXT_XPATH):
        text = " ".join(" ".join(el.itertext()).split())
        if len(text.split()) <= rules.COPYRIGHT_LINE_MAX_WORDS and \
                rules.COPYRIGHT_LINE_START.match(text) and canonical_wire(text) == wire:
            article.copyright = rules.COPYRIGHT_TAIL.sub("", text).strip(" .,;") or text
            article.provenance["copyright"] = "heuristic:wire-line"
            return


def _meta_lines(tree) -> list[str]:
    """Short texts of the page's byline/date elements (class or id naming meta, date,
    byline, time), in page order."""
    out = []
    found = (el for el in tree.iter(*rules.META_LINE_TAGS)
             if (el.get("class") or el.get("id")) and rules.META_LINE_CLASS.search(
                 f'{el.get("class") or ""} {el.get("id") or ""}'))
    for el in itertools.islice(found, rules.META_LINE_MAX_ELEMENTS):
        text = " ".join(" ".join(el.itertext()).split())
        if text and len(text.split()) <= rules.META_LINE_MAX_WORDS:
            out.append(text)
    return out


def fill_metadata(article: Article, tree, url: str | None = None, *,
                  standfirst: str | None | object = _FIND) -> Article:
    """Fill ``article``'s metadata from a parsed page (lxml tree), recording provenance.

    Fields already set are left alone (``Article.set`` is first-writer-wins).
    ``standfirst``: the page's class-marked standfirst when the caller has already
    looked for it (:func:`find_standfirst`); by default it is looked for here.
    """
    if tree is None:
        return article
    meta = _meta_index(tree)
    objs = _jsonld_objects(tree)
    ld = _jsonld_article(objs)
    text = article.text or ""

    article.set("url", url, "input")

    # title
    value, how = _meta_first(meta, rules.META_TITLE)
    article.set("title", value, how)
    article.set("title", _clean(ld.get("headline") or ld.get("name")), "json-ld")
    h1 = next(tree.iter("h1"), None)
    t = next(tree.iter("title"), None)
    h1_text = _text_of(h1) if h1 is not None else None
    page_title = _text_of(t) if t is not None else None
    if is_section_label(h1_text, page_title):  # "Politics": a label, not the headline
        h1_text = None
    article.set("title", h1_text, "heuristic:h1")
    article.set("title", page_title, "heuristic:title")

    # published
    for attr, key in rules.META_PUBLISHED:
        for value in meta.get((attr, key), []):
            article.set("published", iso_date(value), f"meta:{key}")
    article.set("published", iso_date(ld.get("datePublished") or ld.get("dateCreated")), "json-ld")
    for el in tree.xpath(rules.MICRODATA_PUBLISHED)[:3]:  # <time itemprop="datePublished">
        article.set("published", iso_date(el.get("datetime") or el.get("content")),
                    "microdata")
    for el in tree.xpath("//time[@datetime]")[:3]:
        article.set("published", iso_date(el.get("datetime")), "heuristic:time")
    meta_lines = _meta_lines(tree)
    if not article.published:
        # a visible date line near the headline ("AFP | Thursday, 06 October 2022 11:48 AM")
        from storyline.extract.text import parse_datetime
        for line in meta_lines:
            article.set("published", parse_datetime(line), "heuristic:date-line")
    if meta_lines and not article.wire:
        from storyline.extract.wire import detect_wire
        from storyline.rules.wires import AGENCY_BAR
        for line in meta_lines:  # "AFP | Thursday, ...": the agency alone before a bar
            if (m := AGENCY_BAR.match(line)) and (w := detect_wire(m["wire"] + " |")[0]):
                article.set("wire", w, "byline")
                break
    if not article.published:
        try:
            from htmldate import find_date
            article.set("published", iso_date(find_date(tree, extensive_search=False)),
                        "heuristic:htmldate")
        except Exception:
            pass

    # language
    value, how = _meta_first(meta, rules.META_LANGUAGE)
    article.set("language", _language(value), how)
    article.set("language", _language(ld.get("inLanguage") if isinstance(ld.get("inLanguage"), str)
                                      else None), "json-ld")
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    article.set("language", _language(root.get("lang") or root.get("xml:lang")), "html:lang")

    # outlet
    value, how = _meta_first(meta, rules.META_SITE)
    if value and value.startswith(("http://", "https://")):  # a URL given as site name
        value = (url_host(value) or "").removeprefix("www.") or None
    article.set("outlet", value, how)
    publisher = _names(ld.get("publisher"))
    article.set("outlet", publisher[0] if publisher else None, "json-ld")
    for obj in objs:
        if _types(obj) & {"newsmediaorganization", "organization"}:
            article.set("outlet", (_names(obj) or [None])[0], "json-ld")
    if t is not None and article.title and (tt := _text_of(t)):
        # "<title>Headline - Colombo Mirror</title>": the part after the headline
        parts = rules.TITLE_TAG_SEPARATORS.split(tt)
        if len(parts) >= 2 and 1 <= len(parts[-1].split()) <= rules.TITLE_TAG_OUTLET_MAX_WORDS \
                and parts[-1].strip().casefold() not in article.title.casefold():
            article.set("outlet", parts[-1].strip(), "heuristic:title")
    value, how = _meta_first(meta, rules.META_URL)
    host_from = url or value
    if host_from:
        host = url_host(host_from) or ""
        article.set("outlet", host[4:] if host.startswith("www.") else host or None, "heuristic:host")

    # the headline without the site's name ("... - BBC News") or a section beside it
    article.title = clean_title(article.title, outlet=article.outlet, url=url or host_from,
                                headline=h1_text)

    # subtitle (standfirst)
    for attr, key in rules.META_DESCRIPTION:
        for value in meta.get((attr, key), []) + (meta.get(("name", key), []) if attr == "property" else []):
            if is_standfirst(value, text, article.outlet) and value != article.title:
                article.set("subtitle", value, f"meta:{key}")
    desc = _clean(ld.get("description") or ld.get("alternativeHeadline"))
    if is_standfirst(desc, text, article.outlet) and desc != article.title:
        article.set("subtitle", desc, "json-ld")
    if standfirst is _FIND:
        standfirst = find_standfirst(tree)
    article.set("subtitle", standfirst, "heuristic:class")

    # copyright
    value, how = _meta_first(meta, rules.META_COPYRIGHT)
    article.set("copyright", value, how)
    holder = _names(ld.get("copyrightHolder"))
    year = ld.get("copyrightYear")
    if holder:
        article.set("copyright", f"© {year} {holder[0]}" if year else f"© {holder[0]}", "json-ld")
    article.set("copyright", _clean(ld.get("copyrightNotice")), "json-ld")
    if not article.copyright:
        article.set("copyright", _heuristic_copyright(tree), "heuristic:footer")
    _prefer_wire_copyright(article, tree)

    # authors
    for attr, key in rules.META_AUTHOR:
        article.set("authors", clean_authors(meta.get((attr, key), [])), f"meta:{key}")
    article.set("authors", clean_authors(_names(ld.get("author"), people_only=True)
                                         + _names(ld.get("creator"), people_only=True)),
                "json-ld")
    bylines = _byline_lists(tree)
    if not article.authors:
        article.set("authors", list(dict.fromkeys(n for names in bylines for n in names)),
                    "heuristic:byline")
    elif fuller := _fuller_byline(article.authors, bylines):
        article.authors = fuller
        article.provenance["authors"] = "heuristic:byline"
    if article.authors:  # the publisher named as author ("Condé Nast") is not a person
        org = f"{article.outlet or ''} {article.copyright or ''} {' '.join(publisher)}".lower()
        people = [a for a in article.authors if a.lower() not in org]
        if people != article.authors:
            article.authors = people
            if not people:
                article.provenance.pop("authors", None)

    # images
    base = url or article.canonical_url
    images = _images(tree, base)
    value, how = _meta_first(meta, rules.META_IMAGE)
    if value:
        value = join_url(base, value)
        if all(i.url != value for i in images):
            images.insert(0, Image(url=value))
        article.set("images", images, how if images[0].url == value else "heuristic:figure")
    else:
        article.set("images", images, "heuristic:figure")

    # canonical url
    for el in tree.xpath('//link[@rel="canonical"][@href]'):
        href = el.get("href").strip()
        article.set("canonical_url", join_url(url, href), "link:canonical")
    value, how = _meta_first(meta, rules.META_URL)
    article.set("canonical_url", value, how)
    article.set("canonical_url", _clean(ld.get("url")) if isinstance(ld.get("url"), str) else None,
                "json-ld")
    return article


def html_metadata(html, url: str | None = None) -> dict:
    """Metadata of a page (HTML string or lxml tree) as a dict, ``provenance`` included."""
    if isinstance(html, (str, bytes)):
        tree = parse_html(html)
    else:
        tree = html
    art = fill_metadata(Article(), tree, url)
    d = art.to_dict()
    keep = ("title", "subtitle", "published", "language", "outlet", "copyright", "authors",
            "images", "url", "canonical_url", "provenance")
    return {k: d[k] for k in keep}

"""Article body from an HTML page: trafilatura checked by readability, paragraph by paragraph.

The fallback chain (rules and thresholds in :mod:`storyline.rules.html`):

1. trafilatura in recall mode (``favor_recall``, ``fast``) gives the candidate
   paragraphs; readability-lxml (on a copy of the page without navigation,
   footers, scripts ...) gives a second, independent extraction.
2. If readability's text holds nearly all of trafilatura's and trafilatura
   holds little of readability's, trafilatura stopped early: take readability's
   text ("readability:superset").
3. Else, if both found the same article (enough of trafilatura's 4-word shingles
   in readability's text, or enough of readability's in trafilatura's: recall mode
   took the story plus the page around it), keep each trafilatura paragraph only
   if readability also has it, text inside ``<blockquote>`` (quotes, embedded
   posts) counting as confirmed, and the lede (prose paragraphs right before the
   first confirmed one) kept; cut long unconfirmed runs of words off the ends of
   kept paragraphs ("trafilatura+readability:vote").
4. Else the two disagree on where the article is: readability's text
   ("readability:disagree") unless trafilatura's is four times longer
   ("trafilatura"); if trafilatura found nothing, readability's ("readability").
5. When the result is thin (:func:`is_thin`), trafilatura's default mode, with its
   own fallbacks, replaces it if it finds more ("trafilatura:default").
6. Drop paragraphs that are only a page label ("Advertisement", "Tags"), a link to
   the outlet's standards, or a separator rule ("___"); then drop, from the start
   of the body, the headline, the class-marked standfirst (``dek``, ``standfirst``
   ...; it becomes the subtitle) and date-only or byline-only lines.
7. Nothing left with ``MIN_ARTICLE_WORDS`` words and one paragraph of
   ``MIN_LONGEST_PARAGRAPH_WORDS``: ``ExtractionError``.

Output text: one paragraph per block, paragraphs separated by exactly one blank line.
Scores against trafilatura on tuned and held-out parts of three data sets:
``benchmarks/bench_extraction.py`` (docs/benchmarks.md).
"""
from __future__ import annotations

import copy
import logging
import re

import html_text
import lxml.html
import trafilatura
from lxml import etree
from lxml.html import fragment_fromstring, tostring
from readability.readability import REGEXES as _READABILITY_REGEXES
from readability.readability import Document as _ReadabilityDocument

from storyline.errors import ExtractionError
from storyline.extract.parsing import parse_html
from storyline.extract.wire import canonical_wire
from storyline.model import Article
from storyline.rules import html as rules

log = logging.getLogger(__name__)

__all__ = ["extract_html", "extract_body", "combine_extractions", "is_thin", "parse_html",
           "paragraphs", "drop_leading_metadata",
           "header_texts", "split_trailing_copyright",
           "is_date_line", "is_byline_line", "is_chrome_paragraph"]

_TOKEN = re.compile(r"\w+")

# trafilatura logs a warning for every page it finds empty; a batch reports that itself.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("readability").setLevel(logging.ERROR)


class _Readability(_ReadabilityDocument):
    """readability-lxml on an already parsed tree, with a cheaper cleaner (same text).

    readability re-parses its input on every pass of ``summary()`` and cleans it with
    lxml's Cleaner, which deep-copies the tree and walks every attribute. Here each pass
    copies the parsed page once, prunes the page chrome (``READABILITY_PRUNE_TAGS``) and
    strips what the Cleaner's settings would remove from the text (scripts, styles, links,
    comments, processing instructions): attributes it would also rewrite never reach the
    extracted text.
    """

    def _parse(self, input):  # noqa: A002 - readability's signature
        if isinstance(input, (str, bytes)):
            doc = lxml.html.document_fromstring(input)
        else:
            doc = copy.deepcopy(input)  # summary() mutates its tree; the input stays intact
        self.encoding = "utf-8"
        for el in list(doc.iter(*rules.READABILITY_PRUNE_TAGS)):
            if el.getparent() is not None:
                el.drop_tree()
        for elem in doc.xpath("//*[@hidden]"):
            elem.drop_tree()
        for elem in doc.xpath("//*[@style]"):
            if _READABILITY_REGEXES["displayNoneRe"].search(elem.get("style")):
                elem.drop_tree()
        etree.strip_elements(doc, *rules.READABILITY_STRIP_TAGS, etree.Comment,
                             etree.ProcessingInstruction, with_tail=False)
        return doc


#: Tags that readability's ``divToPElementsRe`` finds in a div's serialized children
#: (it matches tag-name prefixes, so "p" also covers "pre", "picture" ...).
_DIV_TO_P_BLOCK_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "table", "ul")
_INLINE_TAGS = {"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub",
                "sup", "u"}


class _FastReadability(_Readability):
    """Same decisions as readability-lxml, without serializing every div to test it.

    readability turns a <div> into a <p> when the HTML of its children matches
    ``<(blockquote|dl|div|img|ol|p|pre|table|ul)``; serializing each div's
    subtree costs a sixth of its run time. One bottom-up pass computes the same
    answer: does any descendant have a tag starting with one of those names.
    """

    def transform_misused_divs_into_paragraphs(self):
        root = self.html
        has_block: dict = {}
        divs = []
        for el in reversed(list(root.iter())):
            found = False
            for child in el:
                tag = child.tag
                if isinstance(tag, str) and (tag.startswith(_DIV_TO_P_BLOCK_PREFIXES)
                                             or has_block.get(child, False)):
                    found = True
                    break
            has_block[el] = found
            if el.tag == "div":
                divs.append(el)
        for el in divs:
            if not has_block[el]:
                el.tag = "p"
        # the second half of readability's method, unchanged: inline runs and tails into <p>s
        for elem in self.tags(root, "div"):
            children = list(elem)
            paragraph = None
            if elem.text and elem.text.strip():
                p = fragment_fromstring("<p/>")
                p.text = elem.text
                elem.text = None
                elem.insert(0, p)
                paragraph = p
            for child in children:
                if child.tag == "br":
                    paragraph = None
                    continue
                if (child.tag not in _INLINE_TAGS
                        or _READABILITY_REGEXES["divToPElementsRe"].search(
                            tostring(child, method="html", encoding="unicode"))):
                    paragraph = None
                    continue
                if paragraph is None:
                    paragraph = fragment_fromstring("<p/>")
                    child.addprevious(paragraph)
                paragraph.append(child)
            for pos, child in reversed(list(enumerate(elem))):
                if child.tail and child.tail.strip():
                    p = fragment_fromstring("<p/>")
                    p.text = child.tail
                    child.tail = None
                    elem.insert(pos + 1, p)
                if child.tag == "br":
                    child.drop_tree()

    def remove_unlikely_candidates(self):
        """readability's rule, without formatting a debug description of every dropped node."""
        unlikely = _READABILITY_REGEXES["unlikelyCandidatesRe"]
        maybe = _READABILITY_REGEXES["okMaybeItsACandidateRe"]
        for elem in self.html.findall(".//*"):
            s = "{} {}".format(elem.get("class", ""), elem.get("id", ""))
            if len(s) < 2:
                continue
            if (unlikely.search(s) and not maybe.search(s) and elem.tag not in ("html", "body")
                    and not elem.xpath("ancestor-or-self::pre | ancestor-or-self::code")
                    and not elem.xpath("descendant-or-self::main | descendant-or-self::article"
                                       " | descendant-or-self::math")):
                elem.drop_tree()


def paragraphs(text: str | None) -> list[str]:
    """Split an extractor's output into paragraphs: one per non-empty line, spaces collapsed."""
    out = []
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if _TOKEN.search(line):
            out.append(line)
    return out


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    n = rules.SHINGLE_SIZE
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def _cover(part: set, whole: set) -> float:
    """Share of ``part``'s shingles found in ``whole`` (1.0 for an empty part)."""
    return len(part & whole) / len(part) if part else 1.0


def _run_trafilatura(html, options: dict) -> str:
    """trafilatura on a page string or a parsed tree (which it copies, never changes)."""
    try:
        return trafilatura.extract(html, **options) or ""
    except Exception as err:  # a crash in one extractor must not lose the page
        log.debug("trafilatura failed: %s", err)
        return ""


def _run_readability(tree) -> str:
    if tree is None:
        return ""
    try:
        doc = _FastReadability(tree, min_text_length=rules.READABILITY_MIN_TEXT_LENGTH)
        return html_text.extract_text(doc.summary(html_partial=True))
    except Exception as err:
        log.debug("readability failed: %s", err)
        return ""


def _vote(main: list[str], other_tokens: list[str], other_shingles: set) -> list[str]:
    """Keep the paragraphs of ``main`` that the other extraction also holds, and the
    lede: prose paragraphs (:func:`is_prose`) right before the first confirmed one,
    which readability often leaves out when the story's first paragraphs sit in
    their own container."""
    other_joined = " " + " ".join(other_tokens) + " "
    confirmed, partial = [], []
    for para in main:
        toks = _tokens(para)
        sh = _shingles(toks)
        if sh:
            cover = _cover(sh, other_shingles)
            ok = cover >= rules.PARAGRAPH_MIN_SUPPORT
        else:  # shorter than one shingle: its words must appear in a row
            cover, ok = 1.0, (" " + " ".join(toks) + " ") in other_joined
        confirmed.append(ok)
        partial.append(cover < 1.0)  # only a partly confirmed paragraph can have edges to trim
    if True in confirmed:
        first = confirmed.index(True)
        for pos in range(first - 1, max(first - 1 - rules.LEDE_MAX_PARAGRAPHS, -1), -1):
            if not is_prose(main[pos]):
                break
            confirmed[pos] = True
    return [_trim_edges(para, other_shingles) if partial[i] else para
            for i, (para, ok) in enumerate(zip(main, confirmed)) if ok]


def is_prose(para: str) -> bool:
    """A sentence-shaped paragraph: ``LEDE_MIN_WORDS`` words or more, ending like a
    sentence ("... on Tuesday." / "... he said.”")."""
    return (len(_TOKEN.findall(para)) >= rules.LEDE_MIN_WORDS
            and rules.SENTENCE_END.search(para) is not None)


def _trim_edges(para: str, other_shingles: set) -> str:
    """Cut a long unconfirmed run of words off either end of a kept paragraph.

    A word is confirmed when one of the shingles it belongs to is in the other
    extraction. Runs of at least ``EDGE_TRIM_MIN_WORDS`` unconfirmed words at the
    start or the end are chrome glued to the paragraph (table layouts, teasers).
    """
    matches = list(_TOKEN.finditer(para))
    toks = [m.group().lower() for m in matches]
    n, k = len(toks), rules.SHINGLE_SIZE
    if n < rules.EDGE_TRIM_MIN_WORDS:
        return para
    confirmed = [False] * n
    for i in range(n - k + 1):
        if tuple(toks[i:i + k]) in other_shingles:
            for j in range(i, i + k):
                confirmed[j] = True
    if not any(confirmed):
        return para
    first = confirmed.index(True)
    last = n - 1 - confirmed[::-1].index(True)
    start = matches[first].start() if first >= rules.EDGE_TRIM_MIN_WORDS else 0
    if n - 1 - last >= rules.EDGE_TRIM_MIN_WORDS:
        end = matches[last].end()
        while end < len(para) and not para[end].isspace():  # keep closing punctuation
            end += 1
    else:
        end = len(para)
    return para[start:end].strip()


def is_chrome_paragraph(para: str) -> bool:
    """A paragraph that is page furniture whatever the extractors say: a page label
    ("Advertisement"), a link to the outlet's standards, a separator rule ("___")."""
    return bool(rules.CHROME_LINE.match(para) or rules.SEPARATOR_LINE.match(para)
                or (rules.STANDARDS_LINE.match(para)
                    and len(_TOKEN.findall(para)) <= rules.STANDARDS_LINE_MAX_WORDS))


def _finish(paras: list[str], how: str) -> tuple[str, str]:
    return "\n\n".join(p for p in paras if not is_chrome_paragraph(p)), how


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


def is_date_line(text: str) -> bool:
    """True when a paragraph is only a date, with its label, time and zone at most
    ("Aug. 1, 2024", "Updated 4:20 PM EST, March 5, 2024")."""
    from storyline.rules.chrome import DATE_PATTERNS

    for pat in DATE_PATTERNS:
        m = pat.search(text)
        if m:
            rest = text[:m.start()] + " " + text[m.end():]
            rest = rules.DATE_LINE_NOISE.sub(" ", rules.DATE_LINE_DOTTED_TIME.sub(" ", rest))
            return len(_TOKEN.findall(rest)) <= rules.DATE_LINE_MAX_OTHER_WORDS
    return False


def is_byline_line(text: str) -> bool:
    """True when a paragraph is only a byline naming people ("By Jane Doe | jdoe@...")."""
    from storyline.extract.text import parse_byline

    return len(_TOKEN.findall(text)) <= rules.BYLINE_LINE_MAX_WORDS and bool(parse_byline(text))


def header_texts(tree) -> set[str]:
    """Texts of the article's own header (``<article><header>``, ``<main><header>``):
    the kicker, the headline, the byline and the date line, as comparison keys.
    Headers holding more than ``ARTICLE_HEADER_MAX_WORDS`` words are skipped (a
    header element misused as the story's wrapper)."""
    out: set[str] = set()
    if tree is None:
        return out
    for header in tree.xpath(rules.ARTICLE_HEADER_XPATH):
        if len(_TOKEN.findall(" ".join(header.itertext()))) > rules.ARTICLE_HEADER_MAX_WORDS:
            continue
        for el in header.iter():
            if isinstance(el.tag, str):
                text = " ".join(" ".join(el.itertext()).split())
                if text:
                    out.add(_key(text))
    return out


def drop_leading_metadata(paras: list[str], *, title: str | None = None,
                          standfirst: str | None = None, header: set[str] | None = None
                          ) -> list[str]:
    """Drop the headline, the standfirst, date-only and byline-only paragraphs, and
    paragraphs that are a text of the article's header (``header``, from
    :func:`header_texts`: a kicker such as "Diplomacy"), from the start of the body (at
    most ``LEADING_META_MAX_PARAGRAPHS``); the first paragraph that is none of these
    ends the search."""
    heads = {_key(h) for h in (title, standfirst) if h} | (header or set())
    out = list(paras)
    for _ in range(rules.LEADING_META_MAX_PARAGRAPHS):
        if len(out) < 2:
            break
        p = out[0]
        if _key(p) in heads or is_date_line(p) or is_byline_line(p):
            out.pop(0)
        else:
            break
    return out


def split_trailing_copyright(paras: list[str]) -> tuple[list[str], str | None]:
    """Remove a news agency's copyright line from the end of the body ("Copyright 2023
    The Associated Press. All rights reserved. This material may not be published...")
    and return it, cut after its holder, as the article's own copyright (and evidence
    of the wire): ``(paragraphs, line)``. A site's own line ("Copyright 2019 Hawaii
    News Now") stays: outlets often print it as part of the story."""
    out = list(paras)
    for pos in range(len(out) - 1, max(len(out) - 1 - rules.TRAILING_COPYRIGHT_PARAGRAPHS, 0), -1):
        para = out[pos]
        if (rules.BODY_COPYRIGHT.match(para)
                and len(_TOKEN.findall(para)) <= rules.BODY_COPYRIGHT_MAX_WORDS):
            line = rules.COPYRIGHT_TAIL.sub("", para).strip(" .,;") or para
            if canonical_wire(line, strong_only=True):
                del out[pos]
                return out, line
    return out, None


def extract_body(html: str, tree=None) -> tuple[str, str]:
    """Return ``(text, how)``: the article body and which rule of the chain produced it.

    ``text`` is "" when no extractor found anything; ``tree`` (from
    :func:`parse_html`) is not modified.
    """
    if tree is None:
        tree = parse_html(html)
    page = tree if tree is not None else html
    text, how = combine_extractions(paragraphs(_run_trafilatura(page, rules.TRAFILATURA_OPTIONS)),
                         paragraphs(_run_readability(tree)), tree)
    if is_thin(text):  # both fast runs missed the story: trafilatura with its own fallbacks
        fallback = _finish(paragraphs(_run_trafilatura(page, rules.TRAFILATURA_FALLBACK_OPTIONS)),
                           "trafilatura:default")
        if len(_TOKEN.findall(fallback[0])) > len(_TOKEN.findall(text)):
            return fallback
    return text, how


def is_thin(text: str) -> bool:
    """Too little to be an article: under ``MIN_ARTICLE_WORDS`` words, or no paragraph of
    ``MIN_LONGEST_PARAGRAPH_WORDS`` (a list of links, a menu, a date line)."""
    longest = max((len(_TOKEN.findall(p)) for p in text.split("\n\n")), default=0)
    return (len(_TOKEN.findall(text)) < rules.MIN_ARTICLE_WORDS
            or longest < rules.MIN_LONGEST_PARAGRAPH_WORDS)


def combine_extractions(main: list[str], other: list[str], tree) -> tuple[str, str]:
    """Steps 2-4 of the chain: trafilatura's paragraphs (``main``) against readability's
    (``other``); ``tree`` (the parsed page, may be None) gives the block quotes.

    Example::

        combine_extractions(["Comment policy: be civil."], ["The story ..."] * 9, None)
        # -> (the story, "readability:disagree")
    """
    if not main:
        return _finish(other, "readability")
    if not other:
        return _finish(main, "trafilatura")

    main_sh = _shingles(_tokens(" ".join(main)))
    other_tokens = _tokens(" ".join(other))
    other_sh = _shingles(other_tokens)
    main_in_other = _cover(main_sh, other_sh)
    if (main_in_other >= rules.SUPERSET_MIN_COVER
            and _cover(other_sh, main_sh) <= rules.SUPERSET_MAX_BACK_COVER):
        return _finish(other, "readability:superset")
    other_in_main = _cover(other_sh, main_sh)
    if main_in_other >= rules.SAME_ARTICLE_MIN_COVER or other_in_main >= rules.SUBSET_MIN_COVER:
        if tree is not None and rules.VOTE_EXEMPT_XPATH:
            # quotes and embedded posts: part of the story, often left out by readability
            exempt = " ".join(" ".join(el.itertext()) for el in tree.xpath(rules.VOTE_EXEMPT_XPATH))
            other_sh = other_sh | _shingles(_tokens(exempt))
            other_tokens = other_tokens + ["\x00"] + _tokens(exempt)
        kept = _vote(main, other_tokens, other_sh)
        if kept:
            return _finish(kept, "trafilatura+readability:vote")
        return _finish(main, "trafilatura")
    if len(_tokens(" ".join(main))) >= rules.DISAGREE_TRAFILATURA_MIN_RATIO * len(other_tokens):
        return _finish(main, "trafilatura")
    return _finish(other, "readability:disagree")


def extract_html(html: str | bytes, url: str | None = None, *, metadata: bool = True) -> Article:
    """Extract the article of one HTML page: clean body text plus metadata with provenance.

    Raises ``ExtractionError`` when the page holds no article text.

    Example::

        art = extract_html(page_html, url="https://example.com/story")
        art.text.split("\\n\\n")   # paragraphs
        art.provenance["title"]   # e.g. "meta:og:title"
    """
    if isinstance(html, bytes):
        tree = parse_html(html)
        html = lxml.html.tostring(tree, encoding="unicode") if tree is not None else ""
    else:
        tree = parse_html(html) if html and html.strip() else None
    if tree is None:
        raise ExtractionError("no article text found: the page is empty or not HTML; "
                              "check the input is an HTML page", source=url)
    text, how = extract_body(html, tree)
    from storyline.extract.metadata import find_standfirst
    standfirst = find_standfirst(tree)
    paras = text.split("\n\n") if text else []
    if standfirst and _key(standfirst) in {_key(p) for p in
                                           paras[rules.LEADING_META_MAX_PARAGRAPHS:]}:
        standfirst = None  # deep inside the story: a subheading, not the standfirst
    h1 = next(tree.iter("h1"), None)
    title = " ".join(" ".join(h1.itertext()).split()) if h1 is not None else None
    leading = paras[:rules.LEADING_META_MAX_PARAGRAPHS]
    paras = drop_leading_metadata(paras, title=title, standfirst=standfirst,
                                  header=header_texts(tree))
    paras, body_copyright = split_trailing_copyright(paras)
    paras, signoffs = split_signoffs(paras)
    text = "\n\n".join(paras)
    words = len(_TOKEN.findall(text))
    longest = max((len(_TOKEN.findall(p)) for p in text.split("\n\n")), default=0)
    if words < rules.MIN_ARTICLE_WORDS or longest < rules.MIN_LONGEST_PARAGRAPH_WORDS:
        raise ExtractionError(
            f"no article text found ({words} words of body, longest paragraph {longest} words; "
            f"at least {rules.MIN_ARTICLE_WORDS} and {rules.MIN_LONGEST_PARAGRAPH_WORDS} needed): "
            "the page may be an index, a paywall or rendered by JavaScript; pass the article "
            "page or its text instead", source=url)
    article = Article(text=text)
    article.provenance["text"] = how
    from storyline.extract.pagetype import page_type
    article.set("page_type", page_type(tree, url, text), "heuristic:page")
    # the story's own copyright line ("Copyright 2023 The Associated Press") says whose
    # story it is; the site's footer only whose page
    article.set("copyright", body_copyright, "heuristic:body")
    if signoffs:
        from storyline.extract.wire import detect_wire
        wire, how = detect_wire("\n".join(signoffs))
        article.set("wire", wire, how or "heuristic")
    if metadata:
        from storyline.extract.metadata import fill_metadata
        fill_metadata(article, tree, url, standfirst=standfirst)
    if metadata and not article.authors:  # "Jane Doe | jdoe@courier.example" above the story
        from storyline.extract.metadata import clean_authors
        for line in leading:
            if (len(_TOKEN.findall(line)) <= rules.BYLINE_LINE_MAX_WORDS
                    and rules.BYLINE_EMAIL.search(line) and (names := clean_authors([line]))):
                article.set("authors", names, "heuristic:contact-line")
                break
    if signoffs and not article.authors:  # "(Reporting by A; Editing by B)" names A
        from storyline.extract.text import parse_byline
        for line in signoffs:
            if names := parse_byline(line.strip("() .")):
                article.set("authors", names, "heuristic:sign-off")
                break
    return article


def split_signoffs(paras: list[str]) -> tuple[list[str], list[str]]:
    """(body, sign-offs): agency sign-offs and credits ("(Reporting by ...; Editing by
    ...)", "-- AFP", "X writer Y contributed to this report."), inline link labels
    ("Also Read: ...") leave the body; the sign-offs are kept as wire and author
    evidence. An embedded post's attribution ("— Jane Doe (@jdoe) May 2, 2024") stays:
    it says who wrote the words quoted above it."""
    from storyline.extract.wire import canonical_wire
    from storyline.rules import chrome as C
    body: list[str] = []
    signoffs: list[str] = []
    for para in paras:
        line = para.strip()
        n = len(line.split())
        m = C.WIRE_SIGNOFF.match(line)
        if n <= 60 and (any(p.match(line) for p in C.SIGNOFF_LINES)
                        or (m and canonical_wire(m["a"] or m["b"], exact=True))):
            signoffs.append(line)
        elif n <= rules.INLINE_LINK_MAX_WORDS and rules.INLINE_LINK_LABEL.match(line):
            continue
        else:
            body.append(para)
    if len(body) == 0:
        return paras, []
    return body, signoffs

"""HTML article extraction and page metadata (storyline.extract.html / .metadata)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import ExtractionError
from storyline.extract.html import extract_body, extract_html, paragraphs, parse_html
from storyline.extract.metadata import clean_authors, html_metadata, is_standfirst, iso_date
from storyline.model import Article
from conftest import DATA

BENCH_DATA = DATA / "article-extraction-benchmark"


def _load_bench():
    """benchmarks/ is not a package on the test path: load the script by file."""
    import importlib.util
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_extraction.py"
    spec = importlib.util.spec_from_file_location("bench_extraction", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_bench = _load_bench()
metrics, shingle_matching = _bench.score, _bench.tp_fp_fn

# --- fixture pages (written for these tests) ------------------------------------------------------
BODY = [
    "The harbour authority of Port Elna said on Tuesday that the new container terminal would open "
    "three months later than planned, after storms damaged two of the four cranes in October.",
    "“We would rather open late than open with half the capacity,” the authority's director, Mara "
    "Quist, told reporters at the terminal gate. She said repairs to the cranes were under way.",
    "Shipping lines that had booked berths for the spring were offered slots at the old northern "
    "quay, which can take smaller vessels only, according to a notice sent to customers on Monday.",
    "The terminal, which cost 410 million euros, is meant to double the port's yearly throughput "
    "and to end the queues of lorries that block the coastal road on most weekday mornings.",
    "Local traders welcomed the delay with mixed feelings. Some said the quieter roads were a relief, "
    "while others feared the loss of the winter trade that the new berths were supposed to bring.",
]
CHROME = ["Subscribe to our newsletter", "Share on Facebook", "Most read this week",
          "Port Elna weather forecast", "Cookie settings"]


def page(*, head: str = "", body_extra: str = "", article_top: str = "") -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Terminal delayed | Coastal Courier</title>
{head}</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">{CHROME[3]}</a></li></ul></nav></header>
<div class="share"><a href="#">{CHROME[1]}</a> <a href="#">Share on X</a></div>
<main><article>
<h1>New container terminal delayed by storm damage</h1>
{article_top}
<div class="article-body">
{paras}
</div>
<figure><img src="/img/cranes.jpg" alt="cranes"><figcaption>Damaged cranes at the terminal.
<span class="credit">Photo: Jan Vos</span></figcaption></figure>
</article></main>
<aside class="related"><h3>{CHROME[2]}</h3><ul>
<li><a href="/a">Ferry strike ends after two weeks of talks with the unions</a></li>
<li><a href="/b">Council approves new cycle lanes along the harbour front</a></li></ul></aside>
<div class="newsletter"><p>{CHROME[0]}</p><form><input type="email"></form></div>
{body_extra}
<footer><p>{CHROME[4]}</p><p>© 2024 Coastal Courier Media Ltd. All rights reserved.</p></footer>
</body></html>"""


FULL_HEAD = """
<meta property="og:title" content="Terminal opening delayed after storm">
<meta property="og:description" content="Storm damage to two cranes pushes the opening of the new terminal into next summer.">
<meta property="og:site_name" content="Coastal Courier">
<meta property="og:image" content="https://courier.example/img/og.jpg">
<meta property="og:url" content="https://courier.example/news/terminal-delayed">
<meta property="article:published_time" content="2024-11-05T09:30:00+01:00">
<meta name="author" content="By Anna Berg and Tom Lind">
<link rel="canonical" href="https://courier.example/news/terminal-delayed">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "JSON-LD headline", "datePublished": "2024-11-04T08:00:00Z",
 "author": [{"@type": "Person", "name": "Someone Else"}],
 "publisher": {"@type": "Organization", "name": "Courier Group"}}</script>
"""

JSONLD_ONLY_HEAD = """
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "Courier site"},
 {"@type": "NewsArticle", "headline": "JSON-LD headline", "datePublished": "2024-11-04T08:00:00Z",
  "description": "Storm damage to two cranes pushes the opening of the new terminal into next summer.",
  "author": {"@type": "Person", "name": "Ruth Amsel"},
  "publisher": {"@type": "Organization", "name": "Courier Group"}, "inLanguage": "en"}]}</script>
"""


@pytest.fixture(scope="module")
def full_article() -> Article:
    return extract_html(page(head=FULL_HEAD), url="https://courier.example/news/terminal-delayed?ref=rss")


# --- body text ---------------------------------------------------------------------------------
@pytest.mark.parametrize("para", BODY)
def test_body_paragraphs_kept(full_article, para):
    assert para in full_article.text.split("\n\n")


@pytest.mark.parametrize("chrome", CHROME + ["Ferry strike ends", "Home"])
def test_page_chrome_dropped(full_article, chrome):
    assert chrome not in full_article.text


def test_paragraphs_separated_by_one_blank_line(full_article):
    text = full_article.text
    assert "\n\n\n" not in text and text == text.strip()
    assert all(p.strip() == p and p for p in text.split("\n\n"))
    assert full_article.provenance["text"].startswith(("trafilatura", "readability"))


def test_bytes_input_with_declared_encoding():
    raw = page(head=FULL_HEAD).replace('charset="utf-8"', 'charset="iso-8859-1"').encode("latin-1", "replace")
    art = extract_html(raw)
    assert BODY[3].split(",")[0] in art.text


@pytest.mark.parametrize("html", [
    "",
    "   \n ",
    "<html><body></body></html>",
    "<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body></html>",
    "<html><body><ul>" + "".join(f"<li><a href='/{i}'>Link {i}</a></li>" for i in range(30))
    + "</ul></body></html>",
    "\x00\x01\x02 binary junk \xff",
])
def test_no_article_raises_extraction_error(html):
    with pytest.raises(ExtractionError) as err:
        extract_html(html, url="https://example.com/index")
    assert "no article text found" in str(err.value)
    assert err.value.code == "E200"


@pytest.mark.parametrize("mangle", [
    lambda h: h.replace("</p>", ""),                       # unclosed paragraphs
    lambda h: h.replace("</div>", "").replace("</article>", ""),
    lambda h: h[: len(h) * 2 // 3],                       # truncated page
    lambda h: h.replace("<p>", "<p><b><i>", 2),           # mis-nested inline tags
    lambda h: "<<<>>>" + h.replace("<html", "<html <<", 1),  # garbage before and in tags
])
def test_malformed_html_does_not_crash(mangle):
    html = mangle(page(head=FULL_HEAD))
    try:
        art = extract_html(html)
    except ExtractionError:
        return
    assert "Quist" in art.text or "harbour" in art.text


QUOTE = ("Our cranes were built for gales, not for hurricanes, and nobody could have planned for "
         "three storms in a single week,")


def test_blockquote_kept_although_readability_drops_it():
    quote = f'<blockquote class="twitter-tweet"><p>{QUOTE}</p>&mdash; Port Elna (@portelna)</blockquote>'
    html = page(head=FULL_HEAD).replace(f"<p>{BODY[2]}</p>", f"<p>{BODY[2]}</p>{quote}")
    art = extract_html(html)
    assert QUOTE in art.text
    assert BODY[2] in art.text


@pytest.mark.parametrize("label, dropped", [
    ("Advertisement", True), ("Related articles", True), ("Tags:", True), ("12 Comments", True),
    ("You may also like...", True), ("Share this on WhatsApp", True),
    ("Comments from the minister were not available on Tuesday evening.", False),
    ("Related reading on the harbour's history is in the town library, the director said.", False),
])
def test_label_lines_dropped(label, dropped):
    html = page(head=FULL_HEAD).replace(f"<p>{BODY[3]}</p>", f"<p>{label}</p><p>{BODY[3]}</p>")
    text = extract_html(html).text
    assert (label not in text.split("\n\n")) is dropped
    assert BODY[3] in text


def test_glued_chrome_trimmed_from_paragraph_ends():
    from storyline.extract.html import _shingles, _tokens, _trim_edges
    story = BODY[0] + " " + BODY[1]
    glued = "Top stories Ferry strike ends after two weeks of talks with the unions today " + story \
        + " Partner news Council approves new cycle lanes along the harbour front this week"
    other = _shingles(_tokens(story))
    assert _trim_edges(glued, other) == story
    assert _trim_edges(story, other) == story                        # nothing to trim
    short = "Top stories today " + story                             # run below the threshold
    assert _trim_edges(short, other) == short


def test_xml_declaration_in_string():
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + page(head=FULL_HEAD)
    assert BODY[1] in extract_html(html).text


@pytest.mark.parametrize("head, lang, how", [
    ('<meta property="og:locale" content="de_DE">', "de", "meta:og:locale"),
    ('<meta http-equiv="content-language" content="fr-CH">', "fr", "meta:content-language"),
    ("", "en", "html:lang"),
])
def test_language_priority(head, lang, how):
    meta = html_metadata(page(head=head))
    assert (meta["language"], meta["provenance"]["language"]) == (lang, how)


@pytest.mark.parametrize("block", [
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>',
    '<script type="application/ld+json"></script>',
    '<script type="application/ld+json">[1, "x", null]</script>',
])
def test_broken_json_ld_is_skipped(block):
    meta = html_metadata(page(head=block))
    assert meta["title"] == "New container terminal delayed by storm damage"


def test_paragraphs_helper():
    assert paragraphs("  a  b \n\n\n c\n - \n") == ["a b", "c"]
    assert paragraphs(None) == []


def test_extract_body_leaves_tree_untouched():
    html = page(head=FULL_HEAD)
    tree = parse_html(html)
    before = len(list(tree.iter()))
    text, how = extract_body(html, tree)
    assert len(list(tree.iter())) == before
    assert BODY[0] in text and how


# --- metadata: priority order and provenance ---------------------------------------------------
@pytest.mark.parametrize("field, value, how", [
    ("title", "Terminal opening delayed after storm", "meta:og:title"),
    ("subtitle", "Storm damage to two cranes pushes the opening of the new terminal into next summer.",
     "meta:og:description"),
    ("published", "2024-11-05T09:30:00+01:00", "meta:article:published_time"),
    ("language", "en", "html:lang"),
    ("outlet", "Coastal Courier", "meta:og:site_name"),
    ("authors", ["Anna Berg", "Tom Lind"], "meta:author"),
    ("canonical_url", "https://courier.example/news/terminal-delayed", "link:canonical"),
    ("url", "https://courier.example/news/terminal-delayed?ref=rss", "input"),
    ("copyright", "© 2024 Coastal Courier Media Ltd", "heuristic:footer"),
])
def test_meta_tags_win(full_article, field, value, how):
    assert getattr(full_article, field) == value
    assert full_article.provenance[field] == how


@pytest.mark.parametrize("field, value, how", [
    ("title", "JSON-LD headline", "json-ld"),
    ("subtitle", "Storm damage to two cranes pushes the opening of the new terminal into next summer.",
     "json-ld"),
    ("published", "2024-11-04T08:00:00+00:00", "json-ld"),
    ("authors", ["Ruth Amsel"], "json-ld"),
    ("outlet", "Courier Group", "json-ld"),
])
def test_json_ld_when_no_meta(field, value, how):
    meta = html_metadata(page(head=JSONLD_ONLY_HEAD))
    assert meta[field] == value
    assert meta["provenance"][field] == how


def test_heuristics_when_no_meta_nor_json_ld():
    byline = '<p class="byline">By Lena Park, Staff Writer</p>'
    meta = html_metadata(page(article_top=byline), url="https://www.courier.example/n/1")
    assert meta["title"] == "New container terminal delayed by storm damage"
    assert meta["provenance"]["title"] == "heuristic:h1"
    # the <title> suffix ("... | Coastal Courier") names the outlet before the host name does
    assert meta["outlet"] == "Coastal Courier" and meta["provenance"]["outlet"] == "heuristic:title"
    assert meta["authors"] == ["Lena Park"]
    assert meta["subtitle"] is None


def test_images_from_og_and_figure(full_article):
    urls = [i.url for i in full_article.images]
    assert urls[0] == "https://courier.example/img/og.jpg"
    fig = next(i for i in full_article.images if i.url and i.url.endswith("cranes.jpg"))
    assert fig.url == "https://courier.example/img/cranes.jpg"
    assert fig.caption == "Damaged cranes at the terminal."
    assert fig.credit == "Photo: Jan Vos" or fig.credit == "Jan Vos"


def test_html_metadata_accepts_tree():
    tree = parse_html(page(head=FULL_HEAD))
    assert html_metadata(tree)["title"] == "Terminal opening delayed after storm"


# --- rules as functions ------------------------------------------------------------------------
@pytest.mark.parametrize("raw, expected", [
    (["By Jane Doe"], ["Jane Doe"]),
    (["By Jane Doe and John Roe"], ["Jane Doe", "John Roe"]),
    (["Jane Doe, John Roe & Ann Poe"], ["Jane Doe", "John Roe", "Ann Poe"]),
    (["Jane Doe Email the author"], ["Jane Doe"]),
    (["Jane Doe, Political Correspondent"], ["Jane Doe"]),
    (["By Sarah E. Needleman"], ["Sarah E. Needleman"]),
    (["By JANE DOE"], ["Jane Doe"]),
    (["Jane Doe", "Jane Doe"], ["Jane Doe"]),
    (["Reuters"], []),
    (["By Associated Press"], []),
    (["Bloomberg News"], []),
    (["Staff Writer"], []),
    (["https://www.facebook.com/janedoe"], []),
    (["admin"], []),
    (["@janedoe"], []),
    (["Newsroom 24"], []),
])
def test_clean_authors(raw, expected):
    assert clean_authors(raw) == expected


LEDE = BODY[0]


@pytest.mark.parametrize("desc, ok", [
    ("Storm damage to two cranes pushes the opening of the new terminal into next summer.", True),
    ("Biden laid out two possible paths during the call: diplomacy or serious consequences", True),
    (LEDE, False),                                        # the lede itself
    (LEDE[:120] + "...", False),                          # a truncated teaser
    ("Port news", False),                                 # too short
    ("Coastal Courier brings you the latest news, sport and weather from the coast.", False),
    ("word " * 80, False),                                # a pasted body
    (None, False),
])
def test_is_standfirst(desc, ok):
    assert is_standfirst(desc, "\n\n".join(BODY), "Coastal Courier") is ok


@pytest.mark.parametrize("raw, iso", [
    ("2021-12-31", "2021-12-31"),
    ("2021-12-31T10:00:00Z", "2021-12-31T10:00:00+00:00"),
    ("Fri, 31 Dec 2021 10:00:00 GMT", "2021-12-31T10:00:00+00:00"),
    ("31.12.2021", "2021-12-31"),
    ("December 31, 2021", "2021-12-31"),
    ("Updated: December 31, 2021 3:35 PM", "2021-12-31T15:35:00"),
    ("20211231", "2021-12-31"),
    ("2021-02-30", None),
    ("yesterday-ish", None),
    ("", None),
])
def test_iso_date(raw, iso):
    assert iso_date(raw) == iso


# --- the benchmark metric (evaluate.py of article-extraction-benchmark) -------------------------
@pytest.mark.parametrize("true, pred, expected", [
    ("a b c d e", "a b c d e", (1.0, 0.0, 0.0)),
    ("a b c d e", "", (0.0, 0.0, 1.0)),
    ("a b c d e", "a b c d", (0.5, 0.0, 0.5)),
    ("a b c d", "a b c d x y z w", (0.2, 0.8, 0.0)),
    ("", "", (0.0, 0.0, 0.0)),
])
def test_shingle_matching(true, pred, expected):
    assert shingle_matching(true, pred) == pytest.approx(expected)


def test_metrics_average_over_pages():
    m = metrics([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0), (0.0, 0.0, 1.0)])
    assert m["precision"] == pytest.approx(0.75)      # page 3 has no prediction: left out
    assert m["recall"] == pytest.approx((1 + 1 + 0) / 3)
    assert m["f1"] == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


@pytest.mark.skipif(not (BENCH_DATA / "ground-truth.json").exists(),
                    reason=f"benchmark data not found in {BENCH_DATA}")
def test_benchmark_sample_beats_nothing_and_has_no_crash():
    """A few benchmark pages: every one extracts, and the sample scores well."""
    import gzip
    truth = json.loads((BENCH_DATA / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:12]
    scores = []
    for k in keys:
        with gzip.open(BENCH_DATA / "html" / f"{k}.html.gz", "rt", encoding="utf8") as f:
            art = extract_html(f.read())
        scores.append(shingle_matching(truth[k]["articleBody"], art.text))
    assert metrics(scores)["f1"] > 0.9


def test_benchmark_script_reports_missing_data(tmp_path, capsys):
    assert _bench.main(["--data", str(tmp_path), "--no-write"]) == 2
    assert "benchmark data not found" in capsys.readouterr().err


@pytest.mark.parametrize("set_name, page_id, entry, expected", [
    ("dragnet", "T1", {"split": "test"}, "held-out"),
    ("dragnet", "R1", {"split": "train"}, "tuned"),
])
def test_benchmark_split_follows_dragnet_own_split(set_name, page_id, entry, expected):
    assert _bench.part(set_name, page_id, entry) == expected


def test_benchmark_split_by_id_hash_is_stable_and_halves_the_ids():
    ids = [f"{i:04d}" for i in range(400)]
    parts = [_bench.part("aeb", i, {}) for i in ids]
    assert parts == [_bench.part("aeb", i, {}) for i in ids]   # deterministic
    assert 150 < parts.count("held-out") < 250


# --- round two: fixes from the end-to-end review -------------------------------------------------
from storyline.extract.html import (drop_leading_metadata, is_byline_line,  # noqa: E402
                                    is_chrome_paragraph, is_date_line)
from storyline.extract.metadata import find_standfirst, standfirst_class  # noqa: E402


def _body_paras(art: Article) -> list[str]:
    return art.text.split("\n\n")


@pytest.mark.parametrize("top, subtitle", [
    # strong class names: a standfirst whatever its punctuation
    ('<p class="dek">Repairs to two cranes push the opening back to the summer</p>',
     "Repairs to two cranes push the opening back to the summer"),
    ('<div class="c-standfirst">The port had promised the terminal for March.</div>',
     "The port had promised the terminal for March."),
    ('<h2 class="article-sub-headline">Storms in October left the quay half usable</h2>',
     "Storms in October left the quay half usable"),
    # weak class names: only without a final stop (a lede is a sentence)
    ('<p class="lede">Shipping lines offered slots at the older northern quay</p>',
     "Shipping lines offered slots at the older northern quay"),
    ('<p class="story-intro">Crews worked through the night on the damaged cranes.</p>', None),
    # not standfirsts: widgets, modifiers, media boxes, too short
    ('<div class="intro-video">Watch the storm hit the cranes at the new terminal</div>', None),
    ('<h4 class="widget__title with-subtitle">Trending now on the Coastal Courier</h4>', None),
    ('<div class="dek"><img src="/x.jpg"> Storm pictures from the harbour this week</div>', None),
    ('<p class="dek">Port news</p>', None),
])
def test_standfirst_by_class(top, subtitle):
    art = extract_html(page(article_top=top))
    assert art.subtitle == subtitle
    if subtitle:
        assert art.provenance["subtitle"] == "heuristic:class"
        assert subtitle not in _body_paras(art)          # taken out of the body
    assert BODY[0] in _body_paras(art)


def test_meta_description_keeps_priority_over_class_standfirst():
    top = '<p class="dek">Repairs to two cranes push the opening back to the summer</p>'
    art = extract_html(page(head=FULL_HEAD, article_top=top))
    assert art.provenance["subtitle"] == "meta:og:description"
    assert "Repairs to two cranes push the opening back to the summer" not in _body_paras(art)


def test_standfirst_before_headline_or_in_a_sidebar_is_ignored():
    html = page(body_extra='<div class="story"><p class="dek">A ferry strike ends after two '
                           'weeks of talks</p></div>')
    assert find_standfirst(parse_html(html)) is None


@pytest.mark.parametrize("cls, strength", [
    ("dek", "strong"), ("Page-dek", "strong"), ("articleSubtitle", "strong"),
    ("sub-headline", "strong"), ("c-entry-summary p-dek", "strong"), ("strapline", "strong"),
    ("lede", "weak"), ("article__summary", "weak"), ("story-intro", "weak"),
    ("summary-list", None), ("intro-video", None), ("has-subtitle", None), ("headline", None),
    ("subscribe-box", None), ("leaderboard", None), ("", None), (None, None),
])
def test_standfirst_class(cls, strength):
    assert standfirst_class(cls) == strength


@pytest.mark.parametrize("top", [
    '<p class="date">Aug. 1, 2024</p>',
    '<div class="timestamp">Updated 4:20 PM EST, March 5, 2024</div>',
    '<p class="author">By Priya Raman | praman@courier.example</p>',
])
def test_leading_date_and_byline_lines_leave_the_body(top):
    art = extract_html(page(article_top=top))
    assert _body_paras(art)[0] == BODY[0]


@pytest.mark.parametrize("line, is_date", [
    ("Aug. 1, 2024", True),
    ("Updated 4:20 PM EST, March 5, 2024", True),
    ("Published: 2024-03-05 18:30", True),
    ("Tuesday, 5 March 2024 at 09:15 GMT", True),
    ("The council met on Aug. 1, 2024 to vote on the levy.", False),
    ("March 5, 2024: the day the harbour flooded", False),
    ("No date in this line at all", False),
])
def test_is_date_line(line, is_date):
    assert is_date_line(line) is is_date


@pytest.mark.parametrize("line, is_byline", [
    ("By Priya Raman | praman@chronicle.example", True),
    ("By Marta Okonkwo and Lars Henningsen", True),
    ("By the end of the year, prices had doubled in most of the region.", False),
    ("By Reuters", False),
])
def test_is_byline_line(line, is_byline):
    assert is_byline_line(line) is is_byline


def test_drop_leading_metadata_stops_at_the_story():
    paras = ["Terminal delayed", "Repairs push the opening back", "Aug. 1, 2024",
             "By Jane Doe", BODY[0], "Aug. 2, 2024", BODY[1]]
    out = drop_leading_metadata(paras, title="Terminal delayed",
                                standfirst="Repairs push the opening back")
    assert out == [BODY[0], "Aug. 2, 2024", BODY[1]]        # a later date line is not touched
    assert drop_leading_metadata(["Aug. 1, 2024"]) == ["Aug. 1, 2024"]   # never empties a body


@pytest.mark.parametrize("byline, expected", [
    # blocks inside the byline: the person, not the outlet or the place
    ('<div class="byline"><span>By Fiona Ashcombe</span><span>Coast News, Elna</span></div>',
     ["Fiona Ashcombe"]),
    ('<div class="byline"><span>By Jane Doe</span><span>Port Elna</span></div>', ["Jane Doe"]),
    ('<p class="byline">By <a href="/a">Anna Berg</a> and <a href="/t">Tom Lind</a></p>',
     ["Anna Berg", "Tom Lind"]),
    # a name split over elements is read as one text
    ('<div class="byline">By <span>Jane</span> <span>Doe</span></div>', ["Jane Doe"]),
    ('<div class="byline"><span>By Jane Doe</span><span>Elna Desk</span><span>Port Elna</span>'
     '</div>', ["Jane Doe"]),
    ('<div class="byline"><span>By Coast News</span><span>Staff</span></div>', []),
])
def test_byline_blocks(byline, expected):
    assert html_metadata(page(article_top=byline))["authors"] == expected


@pytest.mark.parametrize("meta_author, byline, expected, how", [
    ("Marta Okonkwo", "By Marta Okonkwo and Lars Henningsen",
     ["Marta Okonkwo", "Lars Henningsen"], "heuristic:byline"),
    ("Marta Okonkwo", "By Marta Okonkwo", ["Marta Okonkwo"], "meta:author"),
    # a byline that does not name the meta author is not taken over it
    ("Marta Okonkwo", "By Lars Henningsen and Ruth Amsel", ["Marta Okonkwo"], "meta:author"),
])
def test_fuller_visible_byline_beats_single_meta_author(meta_author, byline, expected, how):
    html = page(head=f'<meta name="author" content="{meta_author}">',
                article_top=f'<p class="byline">{byline}</p>')
    meta = html_metadata(html)
    assert meta["authors"] == expected
    assert meta["provenance"]["authors"] == how


@pytest.mark.parametrize("para, chrome", [
    ("Our Standards: The Thomson Reuters Trust Principles.", True),
    ("The Courier Trust Principles", True),
    ("Read our editorial guidelines", True),
    ("___", True), ("* * *", True), ("—", True),
    ("Advertisement", True),
    ("Our standards of living have fallen since the crisis began, the report said.", False),
    ("The trust said its principles had not changed in forty years of work.", False),
    ("Port Elna ___ harbour", False),
])
def test_is_chrome_paragraph(para, chrome):
    assert is_chrome_paragraph(para) is chrome


def test_separator_and_standards_lines_leave_the_body():
    extra = ('<div class="article-body"><p>___</p><p>Associated Press writer Ola Berg contributed '
             'to this report from the northern quay of Port Elna.</p>'
             '<p class="trust">Our Standards: <a href="/p">The Courier Trust Principles.</a></p></div>')
    html = page().replace("</article></main>", extra + "</article></main>")
    paras = _body_paras(extract_html(html))
    assert "___" not in paras
    assert not any(p.startswith("Our Standards") for p in paras)
    assert BODY[-1] in paras


def _footer_page(footer: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return f"<html><body><article><h1>Terminal delayed</h1>{paras}</article>{footer}</body></html>"


@pytest.mark.parametrize("footer, expected", [
    ('<div class="footer">© 2024 Cambridge Chronicle, a Gatehouse Media company. Contact Us | '
     'Advertise | Terms</div>', "© 2024 Cambridge Chronicle, a Gatehouse Media company"),
    ("<footer>Central Europe Monitor © 2025 | About | Careers | Contact</footer>",
     "Central Europe Monitor © 2025"),
    ("<footer><p>© 2024 Coastal Courier Media Ltd. All rights reserved.</p></footer>",
     "© 2024 Coastal Courier Media Ltd"),
    ("<footer>Copyright 2023 Elna Post. About us | Privacy Policy</footer>",
     "Copyright 2023 Elna Post"),
    ("<footer>About | Careers | Contact</footer>", None),
    ("<footer>Read our copyright policy | Terms</footer>", None),
])
def test_copyright_forms(footer, expected):
    assert html_metadata(_footer_page(footer))["copyright"] == expected


def _figure_page(figure: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return f"<html><body><article><h1>Terminal delayed</h1>{figure}{paras}</article></body></html>"


@pytest.mark.parametrize("figure, caption, credit", [
    ('<figure><img src="/a.jpg"><span>Image source, Getty Images</span><figcaption>Image caption, '
     'The replica tower wears a red hat</figcaption></figure>',
     "The replica tower wears a red hat", "Getty Images"),
    ('<figure><img src="/a.jpg"><figcaption>Caption: Cranes at dawn <span>Credit: AFP</span>'
     '</figcaption></figure>', "Cranes at dawn", "AFP"),
    ('<figure><img src="/a.jpg"><figcaption>Cranes at the quay. Photo: Jan Vos</figcaption></figure>',
     "Cranes at the quay.", "Jan Vos"),
    ('<figure><img src="/a.jpg"><figcaption>Photo: Reuters</figcaption></figure>', None, "Reuters"),
    # no label: the caption is kept whole and there is no credit
    ('<figure><img src="/a.jpg"><figcaption>Photographers gather at the quay</figcaption></figure>',
     "Photographers gather at the quay", None),
    ('<figure><img src="/a.jpg"><figcaption>Caption contest winners on the quay</figcaption>'
     '</figure>', "Caption contest winners on the quay", None),
])
def test_image_caption_and_credit_labels(figure, caption, credit):
    img = html_metadata(_figure_page(figure))["images"][0]
    assert (img["caption"], img["credit"]) == (caption, credit)


# --- round three: article header chrome, agency copyright in the body, loose captions ----------

from storyline.extract.html import split_trailing_copyright  # noqa: E402


def _article_page(header: str = "", end: str = "", photo: str = "",
                  footer: str = "<footer>Harbour Gazette © 2024 | Privacy</footer>") -> str:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<html><head><title>Terminal delayed</title></head><body><nav>Home | World</nav>"
            f"<article>{header}{photo}{paras}{end}</article>{footer}</body></html>")


def test_article_header_chrome_leaves_the_body():
    header = ('<header><p class="kicker">Harbours</p><h1>Terminal opening delayed by a year</h1>'
              '<p class="date">Monday 4 March 2024 09.15 CET</p></header>')
    text = extract_html(_article_page(header)).text
    assert text.split("\n\n")[0] == BODY[0]
    assert "Harbours" not in text and "09.15" not in text


def test_header_texts_do_not_cut_the_story_when_repeated_later():
    # negative: only leading paragraphs go; a header text deep in the story stays
    header = f'<header><p class="kicker">{BODY[1]}</p></header>'
    text = extract_html(_article_page(header)).text
    assert BODY[1] in text


@pytest.mark.parametrize("end, copyright, kept", [
    ("<p>Copyright 2024 The Associated Press. All rights reserved. This material may not be "
     "published, broadcast, rewritten or redistributed.</p>",
     "Copyright 2024 The Associated Press", False),
    ("<p>© 2024 Reuters</p>", "© 2024 Reuters", False),
    # negative: the site's own line is left alone, and the footer gives the copyright
    ("<p>Copyright 2024 Harbour Gazette. All rights reserved.</p>", "Harbour Gazette © 2024", True),
])
def test_agency_copyright_line_in_body(end, copyright, kept):
    art = extract_html(_article_page(end=end))
    assert art.copyright == copyright
    assert (end[3:20] in art.text) == kept


def test_split_trailing_copyright_never_empties():
    assert split_trailing_copyright(["© 2024 AFP"]) == (["© 2024 AFP"], None)


@pytest.mark.parametrize("photo, caption, credit", [
    ('<div class="photo"><img src="/q.jpg"><p class="caption">Cranes on the quay at dawn. '
     'Photo: AP/Jan Vos</p></div>', "Cranes on the quay at dawn.", "AP/Jan Vos"),
    ('<div class="pic"><img src="/q.jpg"><span class="photo-credit">Jan Vos</span></div>',
     None, "Jan Vos"),
])
def test_caption_by_class_without_figure(photo, caption, credit):
    imgs = html_metadata(_article_page(photo=photo))["images"]
    assert [(i["caption"], i["credit"], i["url"]) for i in imgs] == [(caption, credit, "/q.jpg")]


def test_image_without_caption_class_gives_no_image():
    imgs = html_metadata(_article_page(photo='<div><img src="/q.jpg"></div>'))["images"]
    assert imgs == []


# --------------------------------------------------------------------------
# Round four: microdata dates, visible date lines, sign-offs, credits, outlet
# --------------------------------------------------------------------------

_R4_PARAS = "".join(f"<p>{p}</p>" for p in [
    "The harbour authority said on Tuesday that the new pier would open to ferries in the spring, "
    "after two years of delays caused by storms and a shortage of steel in the region.",
    "Officials told a public meeting in the town hall that the work had cost far more than "
    "planned, and that the council would ask the regional government for more money soon.",
    "Residents welcomed the news but said they wanted the old ferry timetable back as well, "
    "because many of them work in the city and depend on the early boats every day.",
    "The mayor said she would present a full report on the costs to the council next month, "
    "and that an independent audit of the contract had already been ordered by the board.",
])


def _r4_html(head="", before="", after="", title="Harbour pier to open in spring - Island Mirror"):
    return (f"<html><head><title>{title}</title>{head}</head><body><article>"
            f"<h1>Harbour pier to open in spring</h1>{before}{_R4_PARAS}{after}"
            "</article><footer>Copyright © 2022 Island Mirror. All Rights Reserved.</footer>"
            "</body></html>")


@pytest.mark.parametrize("head, before, expected", [
    ('<meta itemprop="datePublished" content="2022-10-06">', "", "2022-10-06"),
    ("", '<time itemprop="dateCreated" datetime="2022-10-07">Oct 7</time>', "2022-10-07"),
    ("", '<div class="post-meta">AFP | Thursday, 06 October 2022 11:48 AM</div>',
     "2022-10-06T11:48:00"),
    ("", '<div class="sidebar">Thursday, 06 October 2022</div>', None),
])
def test_html_microdata_and_visible_dates(head, before, expected):
    art = extract_html(_r4_html(head, before))
    if expected is None:
        assert art.provenance.get("published") in (None, "heuristic:htmldate")
    else:
        assert art.published == expected


@pytest.mark.parametrize("before, after, wire", [
    ('<div class="post-meta">AFP | Thursday, 06 October 2022</div>', "", "AFP"),
    ("", "<p>-- AFP</p>", "AFP"),
    ('<div class="post-meta">Staff | Thursday, 06 October 2022</div>', "", None),
])
def test_html_agency_bar_and_signoff_wire(before, after, wire):
    art = extract_html(_r4_html(before=before, after=after))
    assert art.wire == wire
    assert "-- AFP" not in art.text


@pytest.mark.parametrize("after, gone", [
    ("<p>(Reporting by Jane Roe and John Doe; Editing by Max Poe)</p>", True),
    ("<p>Associated Press writer Jane Roe in Oslo contributed to this report.</p>", True),
    ("<p><strong>Also Read:</strong> <a>Ferry prices rise again</a></p>", True),
    ("<blockquote>Great day at the pier. — Island Port (@islandport) October 5, 2022"
     "</blockquote>", False),   # an embedded post keeps its attribution
    ("<p>The ferry company said it hoped the old timetable would return by the summer "
     "when the pier opens.</p>", False),
])
def test_html_signoffs_leave_the_body(after, gone):
    art = extract_html(_r4_html(after=after))
    marker = ("Reporting by", "contributed", "Also Read", "islandport", "ferry company")
    assert any(m in art.text for m in marker) is not gone


def test_html_reporting_credit_gives_authors():
    art = extract_html(_r4_html(after="<p>(Reporting by Jane Roe and John Doe; "
                                      "Editing by Max Poe)</p>"))
    assert art.authors == ["Jane Roe", "John Doe"]


@pytest.mark.parametrize("caption, expected", [
    ("Cranes stand idle at the port on June 20, 2022. Jeff Roe / AP",
     ("Cranes stand idle at the port on June 20, 2022.", "Jeff Roe / AP")),
    ("The governor of the bank. Pic by AFP", ("The governor of the bank.", "AFP")),
    ("The governor of the bank, John Doe.", ("The governor of the bank, John Doe.", None)),
])
def test_html_caption_trailing_credit(caption, expected):
    html = _r4_html(before=f'<figure><img src="a.jpg"><figcaption>{caption}</figcaption></figure>')
    art = extract_html(html)
    assert [(im.caption, im.credit) for im in art.images] == [expected]


@pytest.mark.parametrize("title, outlet", [
    ("Harbour pier to open in spring - Island Mirror", "Island Mirror"),
    ("Harbour pier to open in spring", None),
])
def test_html_outlet_from_title_suffix(title, outlet):
    art = extract_html(_r4_html(title=title))
    assert art.outlet == outlet


@pytest.mark.parametrize("wire_line, expected", [
    ('<p class="copyright">© Thomson Reuters 2023</p>', "© Thomson Reuters 2023"),
    ("", "Copyright © 2022 Island Mirror"),
])
def test_html_wire_copyright_beats_footer(wire_line, expected):
    body = _r4_html(after=wire_line).replace("The harbour authority said",
                                             "OSLO, Jan 20 (Reuters) - The harbour authority said")
    assert extract_html(body).copyright == expected

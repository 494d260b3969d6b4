"""Failure classes seen on pages the extractor was not developed on (issue 9), each fixed
as a class: the extractors' agreement rule, embedded posts, authors from page furniture,
titles carrying the site's name, pages that are not articles. Pages are written here."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.extract.html import combine_extractions, extract_html, is_thin
from storyline.extract.metadata import clean_authors
from storyline.extract.pagetype import is_section_url, page_type
from storyline.extract.titles import clean_title, is_section_label

FIXTURES = Path(__file__).parent / "fixtures" / "extraction"

STORY = [
    "The harbour authority of Port Elna said on Tuesday that the new container terminal would "
    "open three months later than planned, after storms damaged two of its four cranes.",
    "Shipping lines that had booked berths for the spring were offered slots at the old northern "
    "quay, which can take smaller vessels only, according to a notice sent on Monday.",
    "The terminal, which cost 410 million euros, is meant to double the port's yearly throughput "
    "and to end the queues of lorries that block the coastal road on weekday mornings.",
    "Local traders welcomed the delay with mixed feelings; some said the quieter roads were a "
    "relief, while others feared the loss of the winter trade the new berths would bring.",
]
POLICY = ["Comments are moderated. Please be civil, stay on topic and do not post personal "
          "details; comments that break these rules will be removed without notice."]
MENU = ["Home", "News", "Sport", "Weather forecast for the week ahead in the valley region",
        "Subscribe to our newsletter for daily updates from the harbour and the town"]


def _article(byline_html: str = "", head: str = "", extra: str = "", h1: str = "Terminal delayed"):
    paras = "".join(f"<p>{p}</p>" for p in STORY)
    return (f"<html><head><title>Terminal delayed | Coastal Courier</title>{head}</head><body>"
            f"<article><h1>{h1}</h1>{byline_html}<div class='body'>{paras}</div></article>"
            f"{extra}</body></html>")


# --- class 2: when the extractors disagree -----------------------------------------------------
@pytest.mark.parametrize("main, other, text_from, how", [
    # disjoint: trafilatura took a side block, readability the story
    (POLICY, STORY, STORY, "readability:disagree"),
    (POLICY * 2, STORY[:2], STORY[:2], "readability:disagree"),
    # disjoint, trafilatura's text four times longer: readability cut the story to a fragment
    (STORY, POLICY[:1], STORY, "trafilatura"),
    # readability's text inside trafilatura's (which added the menu): the vote keeps the story
    (MENU + STORY, STORY, STORY, "trafilatura+readability:vote"),
    # ... and its lede, which readability left out; the menu before it is not prose
    (MENU + STORY, STORY[2:], STORY, "trafilatura+readability:vote"),
    # the same story: the paragraph vote
    (STORY + MENU[3:], STORY, STORY, "trafilatura+readability:vote"),
])
def test_the_extractors_agreement_rule_picks_the_story(main, other, text_from, how):
    text, rule = combine_extractions(main, other, None)
    assert rule == how
    assert text == "\n\n".join(text_from)


@pytest.mark.parametrize("para, prose", [
    (STORY[0], True),
    ("Subscribe to our newsletter for daily updates from the harbour and the town", False),
    ("Short sentence here.", False),
    ("“We would rather open late than open with half of the capacity we promised,” the "
     "director said.”", True),
])
def test_prose_paragraphs(para, prose):
    from storyline.extract.html import is_prose
    assert is_prose(para) is prose


@pytest.mark.parametrize("text, thin", [
    ("Global Sports Media\n\nCopyright 2008", True),
    ("Tuesday 15th of January 2008\n\nTemperature: 25°", True),
    ("\n\n".join(STORY), False),
])
def test_thin_results_are_recognised_for_the_fallback(text, thin):
    assert is_thin(text) is thin


# --- class 3: embedded posts keep their attribution -------------------------------------------
def test_embedded_post_keeps_its_attribution_line():
    art = extract_html((FIXTURES / "tweet_story.html").read_text(encoding="utf-8"))
    assert "Forty years of light on the Point" in art.text
    assert "Harbour Master Lena Vik (@harbourlena)" in art.text
    assert "212 steps" in art.text and "harbour museum" in art.text


# --- class 4: authors are the article's own bylines -------------------------------------------
@pytest.mark.parametrize("byline_html, extra, expected", [
    ("<p class='byline'>Analysis by Mara Quist</p>", "", ["Mara Quist"]),
    ("<p class='byline'>Par Jean Dupont avec AFP</p>", "", ["Jean Dupont"]),
    ("<p class='byline'>Mara Quist | mquist@courier.example</p>", "", ["Mara Quist"]),
    ("<p class='byline'>Mara Quist mquist@courier.example</p>", "", ["Mara Quist"]),
    # a related story's byline and a photo credit are not the article's authors
    ("", "<aside class='related'><h3>Ferry strike ends</h3><p class='byline'>By Lars Henning"
         "</p></aside>", []),
    ("<figure><img src='a.jpg'><figcaption>The jail. <span class='byline'>Lane County Jail"
     "</span></figcaption></figure>", "", []),
    ("<p class='byline'>By Mara Quist</p>", "<div class='related-stories'><span class='byline'>"
     "By Lars Henning</span></div>", ["Mara Quist"]),
])
def test_authors_come_from_the_articles_own_byline(byline_html, extra, expected):
    assert extract_html(_article(byline_html, extra=extra)).authors == expected


@pytest.mark.parametrize("first_line, expected", [
    ("Mara Quist | mquist@courier.example", ["Mara Quist"]),
    ("Mara Quist, mquist@courier.example", ["Mara Quist"]),
    ("Write to the desk at news@courier.example", []),     # no name
    ("Mara Quist", []),                                    # no contact: not read as a byline
])
def test_name_and_email_line_above_the_story_gives_the_author(first_line, expected):
    page = _article().replace("<div class='body'>", f"<div class='body'><p>{first_line}</p>")
    assert extract_html(page).authors == expected


@pytest.mark.parametrize("ld_author, expected", [
    ({"@type": "Organization", "name": "Coastal Courier Media"}, []),
    ([{"@type": "Person", "name": "Mara Quist"},
      {"@type": "NewsMediaOrganization", "name": "Courier Group"}], ["Mara Quist"]),
])
def test_json_ld_organisations_are_not_authors(ld_author, expected):
    ld = json.dumps({"@type": "NewsArticle", "headline": "Terminal delayed", "author": ld_author})
    head = f'<script type="application/ld+json">{ld}</script>'
    assert extract_html(_article(head=head)).authors == expected


@pytest.mark.parametrize("raw, expected", [
    (["Commentary by Jane Roe and John Doe"], ["Jane Roe", "John Doe"]),
    (["Opinion by Jane Roe, CNN"], ["Jane Roe"]),
    (["Staff Writer"], []),
])
def test_byline_labels_and_partners_are_not_part_of_names(raw, expected):
    assert clean_authors(raw) == expected


# --- class 5: titles without the site's name or a section label --------------------------------
@pytest.mark.parametrize("title, kwargs, expected", [
    ("Storm closes port - BBC News", {"outlet": "BBC News"}, "Storm closes port"),
    ("Senate votes on budget | CNN Politics", {"url": "https://edition.cnn.com/2024/x"},
     "Senate votes on budget"),
    ("Senate votes on budget | Politics | The Courier", {"outlet": "The Courier"},
     "Senate votes on budget"),
    ("Courier - Senate votes on budget", {"url": "https://www.courier.example/a"},
     "Senate votes on budget"),
    ("Senate votes on budget | Politics", {"headline": "Senate votes on budget"},
     "Senate votes on budget"),
    # negative: a dash inside the headline, no site named
    ("Spider-Man - a review of the new film", {"outlet": "The Courier"},
     "Spider-Man - a review of the new film"),
    ("Senate votes on budget", {"outlet": "The Courier"}, "Senate votes on budget"),
])
def test_titles_lose_the_site_name(title, kwargs, expected):
    assert clean_title(title, **kwargs) == expected


def test_page_title_loses_site_name_and_section_h1_is_not_the_title():
    head = ('<meta property="og:site_name" content="Coastal Courier">'
            '<meta property="og:title" content="Terminal opening delayed by storm | Coastal Courier">')
    assert extract_html(_article(head=head)).title == "Terminal opening delayed by storm"
    page = _article(h1="Business").replace(
        "<title>Terminal delayed | Coastal Courier</title>",
        "<title>Terminal opening delayed by storm damage | Business | Coastal Courier</title>")
    art = extract_html(page, url="https://www.coastalcourier.example/business/terminal-1")
    assert art.title == "Terminal opening delayed by storm damage"


@pytest.mark.parametrize("h1, page_title, label", [
    ("Politics", "Senate passes the budget | Politics | The Courier", True),
    ("Senate passes the budget", "Senate passes the budget | The Courier", False),
    ("Politics", None, False),
])
def test_section_label_h1(h1, page_title, label):
    assert is_section_label(h1, page_title) is label


# --- class 6: pages that are not articles -----------------------------------------------------
def test_home_page_is_an_index_not_an_article():
    html = (FIXTURES / "home_page.html").read_text(encoding="utf-8")
    art = extract_html(html, url="https://valleyledger.example/")
    assert art.page_type == "index"
    # the same page without the URL: the column of headline links still tells
    assert extract_html(html).page_type == "index"


@pytest.mark.parametrize("url, expected", [
    (None, "article"),
    ("https://courier.example/news/2024/03/terminal-delayed-by-storm", "article"),
    ("https://courier.example/", "index"),
    ("https://courier.example/business/", "index"),
])
def test_article_page_type_by_markup_and_url(url, expected):
    from storyline.extract.html import parse_html
    tree = parse_html(_article())
    assert page_type(tree, url, "\n\n".join(STORY)) == expected


def test_declared_article_wins_over_a_section_like_url():
    html = _article(head='<meta property="og:type" content="article">')
    assert extract_html(html, url="https://courier.example/terminal").page_type == "article"


@pytest.mark.parametrize("url, section", [
    ("https://courier.example/", True), ("https://courier.example/news/", True),
    ("https://courier.example/us-news/index.html", True),
    ("https://courier.example/terminal-delayed-by-storm-damage", False),
    ("https://courier.example/news/4411", False), ("https://courier.example/?p=4411", False),
    (None, False),
])
def test_section_urls(url, section):
    assert is_section_url(url) is section


def test_ingest_skips_index_pages_unless_asked(tmp_path):
    from storyline.cli import main
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "home.html").write_text(
        (FIXTURES / "home_page.html").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "story.html").write_text(
        (FIXTURES / "tweet_story.html").read_text(encoding="utf-8"), encoding="utf-8")
    runner = CliRunner()
    db = tmp_path / "a.db"
    res = runner.invoke(main, ["ingest", str(tmp_path / "in"), "--db", str(db), "--no-enrich",
                               "-q"])
    assert res.exit_code == 0, res.output
    assert "not an article" in res.output
    from storyline.store.archive import Archive
    with Archive(db) as archive:
        assert archive.stats()["articles"] == 1
    res = runner.invoke(main, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "b.db"),
                               "--no-enrich", "-q", "--keep-non-articles"])
    assert res.exit_code == 0, res.output
    with Archive(tmp_path / "b.db") as archive:
        assert archive.stats()["articles"] == 2


@pytest.mark.parametrize("n_links, expected", [(15, "article"), (40, "index")])
def test_a_story_with_a_sidebar_of_post_titles_stays_an_article(n_links, expected):
    from storyline.extract.html import parse_html
    side = "".join(f"<h3><a href='/p/{i}'>An older post about the harbour number {i}</a></h3>"
                   for i in range(n_links))
    tree = parse_html(_article(extra=f"<div class='sidebar'>{side}</div>"))
    assert page_type(tree, None, "\n\n".join(STORY)) == expected

"""The extraction entry point: kinds, overrides, provenance, dates, language."""
from __future__ import annotations

import pytest

from storyline.errors import ExtractionError
from storyline.extract.core import detect_language, extract, host_name, normalise_date
from storyline.model import Article, RawPage, count_words

BODY = ("  The council voted on Tuesday to close the bridge.\n\n"
        "\u201cIt is unsafe,\u201d the mayor said.  ")


def test_body_kept_exactly_as_given():
    art = extract(RawPage(content=BODY, origin="t", kind="body"))
    assert art.text == BODY
    assert art.provenance["text"] == "input"


def test_published_option_overrides_container():
    raw = RawPage(content=BODY, origin="t", kind="body", published="2020-01-01")
    assert extract(raw).published == "2020-01-01"
    art = extract(raw, published="2021-12-31")
    assert art.published == "2021-12-31"
    assert art.provenance["published"] == "option"


def test_outlet_from_url_host_when_page_says_nothing():
    art = extract(RawPage(content=BODY, origin="t", kind="body",
                          url="https://www.example.org/a/b"))
    assert art.outlet == "example.org"
    assert art.provenance["outlet"] == "url-host"
    assert art.canonical_url == "https://www.example.org/a/b"


@pytest.mark.parametrize("content", ["", "   \n\n  "])
def test_empty_body_is_an_extraction_error(content):
    with pytest.raises(ExtractionError) as info:
        extract(RawPage(content=content, origin="empty.txt", kind="body"))
    assert "empty.txt" in info.value.line()


@pytest.mark.parametrize("value,expected", [
    ("2021-12-31", "2021-12-31"),
    ("2021-12-31T10:00:00Z", "2021-12-31T10:00:00+00:00"),
    ("Fri, 31 Dec 2021 10:00:00 +0100", "2021-12-31T10:00:00+01:00"),
    ("December 31, 2021", "2021-12-31"),
    ("not a date at all", None),
    (None, None),
])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize("text,lang", [
    ("The government said on Tuesday that the talks would resume next week.", "en"),
    ("Die Regierung hat am Dienstag erklärt, dass die Gespräche nächste Woche weitergehen.", "de"),
    ("Le gouvernement a déclaré mardi que les négociations reprendraient la semaine prochaine.", "fr"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_host_name():
    assert host_name("https://www.luxtimes.lu/en/world") == "luxtimes.lu"
    assert host_name(None) is None


def test_reading_time_and_word_count():
    art = Article(text="word " * 476)
    assert art.word_count == 476 == count_words(art.text)
    assert art.reading_time_min == 2
    assert Article(text="").reading_time_min == 0


def test_article_id_is_stable_for_same_text_different_whitespace():
    assert Article(text="A b  c.").id == Article(text="a B c").id
    assert Article(text="a b c").id != Article(text="a b d").id


def test_to_dict_from_dict_round_trip():
    art = Article(text="Hello world.", title="T", authors=["A B"])
    art.provenance["title"] = "meta:og:title"
    again = Article.from_dict(art.to_dict())
    assert again.to_dict() == art.to_dict()


@pytest.mark.parametrize("text,kept_first", [
    ("Big News\n\nThe standfirst.\n\nThe story begins.", "The story begins."),
    ("The story begins.\n\nBig News", "The story begins."),
    ("Big News", "Big News"),  # never empties the body
])
def test_leading_title_and_standfirst_dropped(text, kept_first):
    from storyline.extract.core import drop_repeated_headings

    art = Article(text=text, title="Big news", subtitle="The standfirst")
    assert drop_repeated_headings(art).text.split("\n\n")[0] == kept_first

"""One zone table, one wire scan per text, one ISO date parser, one host trimmer."""
import pytest

from storyline.enrich.pipeline import parse_published
from storyline.extract import text as T
from storyline.extract.core import normalise_date, parse_iso
from storyline.extract.wire import _from_text, detect_wire
from storyline.rules import chrome
from storyline.rules.times import ZONE_ABBREVIATIONS


@pytest.mark.parametrize("abbr,iana", [("NZDT", "Pacific/Auckland"), ("GST", "Asia/Dubai"),
                                       ("WIB", "Asia/Jakarta"), ("ET", "America/New_York"),
                                       ("HKT", "Asia/Hong_Kong")])
def test_single_zone_table(abbr, iana):
    assert ZONE_ABBREVIATIONS[abbr] == iana


def test_no_twin_zone_table():
    assert not hasattr(chrome, "TIME_ZONES") and not hasattr(chrome, "EXTRA_ZONE_ABBREVIATIONS")


@pytest.mark.parametrize("line,expected", [
    ("Published: 2022-01-20 08:14 NZDT", "2022-01-20T08:14:00+13:00"),
    ("Published: 2022-01-20 08:14 XYZ", "2022-01-20T08:14:00"),
])
def test_date_line_zone(line, expected):
    assert T.parse_datetime(line) == expected


@pytest.mark.parametrize("text,kwargs,expected", [
    ("WASHINGTON (Reuters) - The Senate voted.", {}, ("Reuters", "dateline")),
    ("WASHINGTON (Reuters) - The Senate voted.", {"copyright": "© 2021 Bloomberg L.P."},
     ("Bloomberg", "copyright")),
    ("The minister said on Monday.", {"authors": ["Reuters"]}, ("Reuters", "byline")),
    ("The minister said on Monday.", {"meta": {"author": "AFP"}}, ("AFP", "meta")),
    ("The minister said on Monday.", {}, (None, None)),
    ("Photo credit: AFP\nThe minister said on Monday.", {}, (None, None)),
])
def test_detect_wire_twice_same(text, kwargs, expected):
    assert detect_wire(text) == detect_wire(text)  # the cached second call agrees
    assert detect_wire(text, **kwargs) == expected


def test_text_scan_cached():
    text = "PARIS (AFP) - A cached story about nothing in particular."
    _from_text.cache_clear()
    detect_wire(text)
    detect_wire(text, copyright=None, authors=("Jane Doe",), meta={"x": "y"})
    assert _from_text.cache_info().hits == 1


@pytest.mark.parametrize("value", ["2021-12-31", "2021-12-31T10:00:00Z", " 2021-12-31 ",
                                   "2021-12-31T10:00:00+01:00", "31.12.2021", "", "yesterday",
                                   "2021-13-45"])
def test_parse_published_is_parse_iso(value):
    assert parse_published(value) == parse_iso(value)


@pytest.mark.parametrize("value,expected", [("2021-12-31", "2021-12-31"),
                                            ("2021-12-31T10:00:00Z", "2021-12-31T10:00:00+00:00"),
                                            ("Fri, 31 Dec 2021 10:00:00 GMT",
                                             "2021-12-31T10:00:00+00:00"),
                                            ("not a date at all xq", None)])
def test_normalise_date_unchanged(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize("url,host", [("https://www.example.com/a", "example.com"),
                                      ("m.example.com/a", "example.com"),
                                      ("https://amp.news.example.org/x", "news.example.org"),
                                      ("https://mail.example.com/", "mail.example.com"),
                                      ("", "")])
def test_bare_host(url, host):
    assert T._bare_host(url) == host

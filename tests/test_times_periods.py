"""Reporting periods in results news: "the year-ago period", "the 1989 period" and "a year ago"
count from the quarter being reported (the first quarter named that has ended by publication),
not from an outlook or a side remark about another quarter."""
from __future__ import annotations

from datetime import date

import pytest

from storyline.enrich.times import find_times

OCT_1989 = date(1989, 10, 26)

REPORT = ("Acme Steel posted third-quarter net income of $46.9 million. After a flat second "
          "quarter, the gain came from higher prices. Analysts expect losses through the third "
          "quarter of 1990. {sentence}")


def value_of(text, expr):
    return [it["value"] for it in find_times(text, OCT_1989) if it["text"] == expr]


@pytest.mark.parametrize("sentence, expr, value", [
    ("In the year-ago period, Acme earned $101.4 million.", "the year-ago period", "1988-Q3"),
    ("In the 1989 period, interest expense was lower.", "the 1989 period", "1989-Q3"),
    ("In the 1989 period, costs fell from a year ago.", "a year ago", "1988-Q3"),
])
def test_period_words_count_from_the_reported_quarter(sentence, expr, value):
    assert value_of(REPORT.format(sentence=sentence), expr) == [value]


def test_quarter_to_quarter_is_no_time_expression():
    text = "The quarter-to-quarter comparison was also helped by charges."
    assert [it["text"] for it in find_times(text, OCT_1989)] == []


def test_an_outlook_quarter_is_not_the_reported_one():
    # only an outlook named: "the year-ago period" is the year before publication, not 1989-Q3
    text = "Analysts expect losses through the third quarter of 1990. In the year-ago period, " \
           "Acme earned $101.4 million."
    assert value_of(text, "the year-ago period") == ["1988"]

"""Tense and narrative anchoring of temporal expressions (issue 9, failure class 7): past-tense
dates stay in the past, story-relative expressions anchor on the story's own dates, a clock
time takes the day of its event and is converted to UTC when its zone is known.

Every sentence here is written for the test; each case has a counterpart that must not move.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from storyline.enrich.times import find_times

DEC_2014 = date(2014, 12, 10)
MAY_2019 = date(2019, 5, 1)


def values(text, published, sdoc=None):
    return {it["text"]: it["value"] for it in find_times(text, published, sdoc=sdoc)}


# --- past tense keeps a day-month in the past ------------------------------------------------

@pytest.mark.parametrize("text, expr, value", [
    ("Flight MH370 went missing on March 8 with 239 people on board.", "March 8", "2014-03-08"),
    ("Flight MH370, which went missing on 8 March, was never found.", "8 March", "2014-03-08"),
    ("The minister visited Kuala Lumpur on March 8.", "March 8", "2014-03-08"),
    ("The plane had vanished from radar on Feb. 27.", "Feb. 27", "2014-02-27"),
    # negative: the future tense, a schedule and a plan keep the coming date
    ("The minister will visit Kuala Lumpur on March 8.", "March 8", "2015-03-08"),
    ("The minister is due to visit on March 8.", "March 8", "2015-03-08"),
    # negative: a past verb a few weeks before a date is a plan told in the past
    ("The company extended its offer to Jan. 5.", "Jan. 5", "2015-01-05"),
])
def test_past_tense_day_month_read_in_december_stays_in_this_year(text, expr, value):
    assert values(text, DEC_2014)[expr] == value


def test_past_tense_day_month_with_a_parse(nlp):
    text = "Flight MH370 went missing on March 8 with 239 people on board."
    assert values(text, DEC_2014, nlp(text))["March 8"] == "2014-03-08"


@pytest.mark.parametrize("text, value", [
    ("Talks will start in Geneva on 9 January, and negotiations in Vienna on 13 January, an "
     "aide told reporters.", "2022-01-13"),
    ("Talks started in Geneva on 9 January, and negotiations in Vienna on 13 January, an "
     "aide told reporters.", "2021-01-13"),
])
def test_future_cue_earlier_in_the_sentence_blocks_the_past_move(text, value):
    assert values(text, date(2021, 10, 20))["13 January"] == value


@pytest.mark.parametrize("text, expr, value", [
    ("Fires swept the valley during the summer, residents said.", "the summer", "2018-SU"),
    ("Residents fled when fires swept the valley during the summer.", "the summer", "2018-SU"),
    ("During the summer, more than 300 homes were destroyed.", "the summer", "2018-SU"),
    # negative: the future keeps the coming summer
    ("Crews will clear the valley during the summer.", "the summer", "2019-SU"),
])
def test_season_in_a_past_tense_story_is_the_past_season(text, expr, value):
    assert values(text, MAY_2019)[expr] == value


@pytest.mark.parametrize("text, expr, value", [
    # a participle after "is" is a present passive, not a past cue
    ("The case is heard in May in the appeals court.", "May", "2000-05"),
    ("The case was heard in May in the appeals court.", "May", "1999-05"),
])
def test_present_passive_participle_is_no_past_cue(text, expr, value):
    assert values(text, date(2000, 3, 29))[expr] == value


# --- story-relative anchors ------------------------------------------------------------------

@pytest.mark.parametrize("text, expr, value", [
    ("The town was liberated in 1945. Seven decades later, the survivors returned.",
     "Seven decades later", "2015"),
    # a publication-relative weekday in between is not the story's clock
    ("The war ended in 1945. The city was rebuilt. On Monday the mayor spoke. Seven decades "
     "later, the city thrives.", "Seven decades later", "2015"),
    ("On Aug. 6, 1945, the bomb fell. Seventy years later the survivors gathered.",
     "Seventy years later", "2015"),
    ("The fire started on June 3. Two days later it was contained.", "Two days later",
     "2019-06-05"),
    # negative: with no date of its own in the story, "later" still counts from publication
    ("Seven decades later, the survivors returned.", "Seven decades later", "2089"),
])
def test_later_anchors_on_the_last_date_the_story_names(text, expr, value):
    assert values(text, MAY_2019)[expr] == value


def test_later_names_its_anchor():
    items = find_times("The war ended in 1945. On Monday the mayor spoke. Seven decades later, "
                       "the city thrives.", MAY_2019)
    by_text = {it["text"]: it for it in items}
    assert by_text["Seven decades later"]["anchor"] == by_text["1945"]["id"]


# --- the clock-day rule ----------------------------------------------------------------------

@pytest.mark.parametrize("text, published, expr, value", [
    # the day of the date in its clause, converted to UTC (the local day may be the UTC day before)
    ("The plane took off at 12:41 a.m. Malaysian time on March 8.", date(2014, 3, 10),
     "12:41 a.m. Malaysian time on March 8", "2014-03-07T16:41Z"),
    ("The plane took off from Kuala Lumpur on March 8 at 12:41 a.m. local time.",
     date(2014, 3, 10), "12:41 a.m. local time", "2014-03-07T16:41Z"),
    ("The blast happened at 11 p.m. EST on Dec. 3, police said.", date(2019, 12, 5),
     "11 p.m. EST on Dec. 3", "2019-12-04T04:00Z"),
    # the day named earlier in its sentence
    ("On Tuesday, the blast happened at 11 p.m. EST.", date(2019, 12, 5), "11 p.m. EST",
     "2019-12-04T04:00Z"),
    # no day: the publication day, on the side of the publication moment its tense points to
    ("The blast happened at 9:30 p.m. in New York.",
     datetime(2019, 12, 5, 12, 0, tzinfo=timezone.utc), "9:30 p.m. in New York",
     "2019-12-05T02:30Z"),
    ("The polls will close at 8 p.m. ET.", datetime(2019, 12, 5, 3, 0, tzinfo=timezone.utc),
     "8 p.m. ET", "2019-12-06T01:00Z"),
    # negative: no zone known, no conversion
    ("The blast happened at 11 p.m. on Dec. 3.", date(2019, 12, 5), "11 p.m. on Dec. 3",
     "2019-12-03T23:00"),
])
def test_clock_time_takes_its_events_day_and_converts_to_utc(text, published, expr, value):
    assert values(text, published)[expr] == value


def test_unknown_place_local_time_stays_local():
    got = values("The ferry left Springfieldia at 6 a.m. local time on March 8.", date(2014, 3, 10))
    assert got["6 a.m. local time on March 8"] == "2014-03-08T06:00"



# --- the event a past-tense date belongs to is no longer "scheduled" -------------------------

@pytest.mark.parametrize("text, when, status", [
    ("The minister visited Kuala Lumpur on March 8.", "2014-03-08", "past"),
    ("The minister will visit Kuala Lumpur on March 8.", "2015-03-08", "scheduled"),
])
def test_event_dated_by_find_times_keeps_the_tense_of_its_verb(nlp, text, when, status):
    from storyline.enrich.events import find_events

    sdoc = nlp(text)
    events = find_events(sdoc, [], find_times(text, DEC_2014, sdoc=sdoc), [], published=DEC_2014)
    assert [(e["kind"], e["when"], e["status"]) for e in events] == [("visit", when, status)]

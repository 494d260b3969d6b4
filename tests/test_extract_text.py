"""extract_text_page: chrome removal and metadata on scraped plain-text pages.

The pages below are written for these tests in the layouts newsrooms use (wire
story on an aggregator, Reuters-style, AP story on US local news, BBC-like
explainer); the shared seed page is checked too when it is present.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import ExtractionError
from storyline.extract.text import extract_text_page, parse_byline, parse_date, scan_text_page
from conftest import SEED as SEED_PATH, DATA

SEED = SEED_PATH

REUTERS_STYLE = """\
Oil prices climb as supply worries deepen | Reuters
Skip to main content
World
Business
Markets
Sustainability
Legal
Breaking News
Oil prices climb as supply worries deepen
By Jane Doe and Ahmad Ghaddar
3 min read
March 3, 2022 10:15 AM ET
LONDON (Reuters) - Oil prices rose for a third day on Thursday as traders worried that sanctions on Russia would squeeze supplies in an already tight market.

Brent crude futures were up $2.10, or 1.9%, at $114.03 a barrel by 1015 GMT, after touching their highest since 2013 earlier in the session.

"The market is pricing in a significant loss of supply," said one analyst at a London brokerage, adding that inventories were at multi-year lows.

Supply chains
Refiners in Europe have been scrambling to find replacement barrels, and some have cut runs because of the high cost of crude.

The International Energy Agency said its members would release 60 million barrels from emergency stocks, but traders said that was not enough to calm the market.

Reporting by Jane Doe in London and Ahmad Ghaddar; Editing by Mark Potter
Our Standards: The Thomson Reuters Trust Principles.
Read Next
Gold steadies as investors weigh Fed outlook
Stocks slide on growth fears
All quotes delayed a minimum of 15 minutes. See here for a complete list of exchanges and delays.
© 2022 Reuters. All rights reserved
"""

AP_LOCAL = """\
Menu
Search
72°F
Sign In
Subscribe
Local News
Weather
Sports
Storm knocks out power to thousands across the county
Published: Dec 31, 2021
By The Associated Press
Share
Print
Email
Crews work to restore power lines on Friday. (AP Photo/Jane Doe)

SPRINGFIELD, Ill. (AP) — A winter storm knocked out power to more than 40,000 homes across central Illinois on Friday, utility officials said, as crews worked through the night to restore service.

The National Weather Service said up to 10 inches of snow fell in some areas, and gusts of up to 50 mph brought down trees and power lines.

“We have every available crew out there, and we are bringing in help from neighboring states,” a spokeswoman for the utility said in a statement.

Officials urged residents to stay off the roads and to check on elderly neighbours who might be without heat.

Copyright 2021 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.

Sign up for our morning newsletter and get the day's top stories delivered to your inbox.
Comments
Reader123
2 hours ago
Stay safe everyone!
Reply
Most Read
Police seek driver in hit-and-run
New bakery opens downtown
"""

BBC_LIKE = """\
Why are energy bills rising so fast? - BBC News
BBC Homepage
Skip to content
Accessibility Help
Sign in
Home
News
Sport
Weather
Why are energy bills rising so fast?
Published: 5 March 2022
Share
Image source, Getty Images
Image caption, Households face a sharp rise in bills from April
By John Smith
Business reporter, BBC News
Millions of households are facing a sharp rise in their energy bills from April, after the regulator raised the price cap by more than half.

The increase means the typical customer will pay about £700 a year more for gas and electricity, the regulator said.

What is the price cap?
The cap limits the amount suppliers can charge for each unit of energy, but it does not limit the total bill, which depends on how much energy a household uses.

Wholesale gas prices have soared as economies reopened after the pandemic and as supplies from Russia have come into question.

What help is available?
The government has announced a £200 discount on bills from October, which will have to be paid back over five years, and a council tax rebate for most homes.

Related Topics
Energy industry
Cost of living
More on this story
How to cut your energy bills
Will prices fall next year?
"""

LUX_LIKE = """\
Change Edition
Fishermen protest new quotas in Brussels
Fishermen protest new quotas in Brussels
2 min. 14.02.2022 From our online archive
Hundreds of boats stayed in port as crews travelled to the capital to demand talks
Fishermen gather outside the Berlaymont building
Photo: Reuters/Yves Herman
Hundreds of fishermen from five countries gathered outside the European Commission on Monday to protest against new catch limits that they say will force many small crews out of business.

“We are not against protecting the fish, we are against rules written by people who have never been on a boat,” said one skipper from Brittany, who had driven through the night.

The Commission said the quotas were based on scientific advice and would be reviewed next year, and a spokeswoman said the commissioner would meet representatives of the sector later this month.

©2022 AFP
The Brussels Courier has a new mobile app, download here! Get the Brussels Courier delivered to your inbox twice a day.
More on this topic
"""


@pytest.fixture(scope="module")
def pages():
    return {name: extract_text_page(text) for name, text in [
        ("reuters", REUTERS_STYLE), ("ap", AP_LOCAL), ("bbc", BBC_LIKE), ("lux", LUX_LIKE)]}


@pytest.mark.parametrize("name, first, last", [
    ("reuters", "LONDON (Reuters) - Oil prices rose", "calm the market."),
    ("ap", "SPRINGFIELD, Ill. (AP) — A winter storm", "might be without heat."),
    ("bbc", "Millions of households are facing", "council tax rebate for most homes."),
    ("lux", "Hundreds of fishermen from five countries", "later this month."),
])
def test_body_bounds(pages, name, first, last):
    text = pages[name].text
    assert text.startswith(first)
    assert last in text.split("\n\n")[-1] or last in text.split("\n\n")[-2]


@pytest.mark.parametrize("name, kept", [
    ("bbc", "What is the price cap?"),      # a subheading inside the body stays
    ("bbc", "What help is available?"),
    ("reuters", "Supply chains"),
    ("ap", "“We have every available crew out there"),
])
def test_body_keeps(pages, name, kept):
    assert kept in pages[name].text


@pytest.mark.parametrize("name, chrome", [
    ("reuters", "Skip to main content"), ("reuters", "3 min read"), ("reuters", "By Jane Doe"),
    ("reuters", "Gold steadies"), ("reuters", "All quotes delayed"), ("reuters", "© 2022"),
    ("ap", "72°F"), ("ap", "Published:"), ("ap", "AP Photo"), ("ap", "newsletter"),
    ("ap", "Stay safe everyone"), ("ap", "Most Read"), ("ap", "Copyright 2021"),
    ("bbc", "Image caption"), ("bbc", "Image source"), ("bbc", "Related Topics"),
    ("bbc", "How to cut your energy bills"), ("bbc", "Business reporter"),
    ("lux", "Change Edition"), ("lux", "2 min."), ("lux", "Photo: Reuters"),
    ("lux", "mobile app"), ("lux", "More on this topic"), ("lux", "Berlaymont"),
    ("lux", "Fishermen protest new quotas"),
])
def test_chrome_removed(pages, name, chrome):
    assert chrome not in pages[name].text


@pytest.mark.parametrize("name, field, expected", [
    ("reuters", "title", "Oil prices climb as supply worries deepen"),
    ("reuters", "published", "2022-03-03T10:15:00-05:00"),  # the time and its zone kept
    ("reuters", "authors", ["Jane Doe", "Ahmad Ghaddar"]),
    ("reuters", "wire", "Reuters"),
    ("reuters", "outlet", "Reuters"),
    ("ap", "title", "Storm knocks out power to thousands across the county"),
    ("ap", "published", "2021-12-31"),
    ("ap", "authors", []),                      # "By The Associated Press" is not a person
    ("ap", "wire", "Associated Press"),
    ("bbc", "title", "Why are energy bills rising so fast?"),
    ("bbc", "published", "2022-03-05"),
    ("bbc", "authors", ["John Smith"]),
    ("bbc", "wire", None),
    ("bbc", "outlet", "BBC"),                   # from "BBC Homepage"
    ("lux", "title", "Fishermen protest new quotas in Brussels"),
    ("lux", "subtitle",
     "Hundreds of boats stayed in port as crews travelled to the capital to demand talks"),
    ("lux", "published", "2022-02-14"),
    ("lux", "copyright", "©2022 AFP"),
    ("lux", "wire", "AFP"),
    ("lux", "outlet", "Brussels Courier"),
])
def test_metadata(pages, name, field, expected):
    assert getattr(pages[name], field) == expected


def test_metadata_provenance(pages):
    art = pages["lux"]
    assert art.provenance["title"] == "page-line"
    assert art.provenance["wire"] == "copyright"
    assert art.provenance["reading_time_hint_min"] == "2"


@pytest.mark.parametrize("name, caption, credit", [
    ("lux", "Fishermen gather outside the Berlaymont building", "Reuters/Yves Herman"),
    ("ap", "Crews work to restore power lines on Friday.", "AP Photo/Jane Doe"),
])
def test_images(pages, name, caption, credit):
    assert [(i.caption, i.credit) for i in pages[name].images] == [(caption, credit)]


def test_photo_credit_is_not_the_wire():
    page = LUX_LIKE.replace("©2022 AFP\n", "")
    art = extract_text_page(page)
    assert art.wire is None and art.images[0].credit == "Reuters/Yves Herman"


def test_url_host_is_the_outlet_of_last_resort():
    text = "\n".join(REUTERS_STYLE.splitlines()[1:])  # no title tag
    text = text.replace("© 2022 Reuters. All rights reserved", "")
    art = extract_text_page(text, url="https://www.example-news.com/a/1")
    assert art.outlet == "example-news.com" and art.provenance["outlet"] == "url"


@pytest.mark.parametrize("text", [
    "",
    "Menu\nHome\nNews\nSport\nWeather\nSign in\n© 2022 Example Media",
    "Most read\nPolice seek driver\nNew bakery opens downtown\nCouncil votes on budget",
])
def test_no_body_raises(text):
    with pytest.raises(ExtractionError):
        extract_text_page(text)


def test_seed_page():
    if not SEED.exists():
        pytest.skip(f"seed page {SEED} absent (shared data not mounted)")
    art = extract_text_page(SEED.read_text(encoding="utf-8"))
    assert art.title == "Putin happy with results of Biden security call, Kremlin says"
    assert art.subtitle == ("Biden laid out two possible paths during the call: diplomacy or "
                            "serious consequences, according to a US official")
    assert art.published == "2021-12-31"
    assert art.outlet == "Luxembourg Times"
    assert [(i.caption, i.credit) for i in art.images] == [
        ("Russia's President Vladimir Putin", "AFP")]
    assert art.copyright == "©2021 Bloomberg L.P."
    assert art.wire == "Bloomberg"
    assert art.text.startswith("Russian President Vladimir Putin is satisfied")
    assert art.text.endswith("which we urgently need,” he said.")
    for chrome in ("Change Edition", "4 min.", "Photo credit", "©2021", "mobile app",
                   "newsletter", "More on this topic", "Russia's President Vladimir Putin\n"):
        assert chrome not in art.text


@pytest.mark.parametrize("text, expected", [
    ("4 min. 31.12.2021 From our online archive", "2021-12-31"),
    ("Published: Dec 31, 2021", "2021-12-31"),
    ("March 3, 2022 10:15 AM ET", "2022-03-03"),
    ("Updated 5 March 2022", "2022-03-05"),
    ("2019-11-18T23:03:00Z", "2019-11-18"),
    ("11/20/2019 01:14 PM", "2019-11-20"),
    ("20/11/2019", "2019-11-20"),
    ("Sept. 9, 2020", "2020-09-09"),
    ("no date here", None),
    ("Call 555-1234 today", None),
    ("Room 12.45.67", None),
    ("31.13.2021", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("line, expected", [
    ("By Jane Doe", ["Jane Doe"]),
    ("By Jane Doe and John Roe, Bloomberg", ["Jane Doe", "John Roe"]),
    ("By JANE DOE", ["Jane Doe"]),  # AP all-caps bylines are title-cased
    ("By REUTERS STAFF", []),
    ("By Ursula von der Leyen | March 3, 2022", ["Ursula von der Leyen"]),
    ("By Reuters Staff", []),
    ("By The Associated Press", []),
    ("By AFP", []),
    ("By the end of the year, prices had doubled.", []),
    ("Hello world", []),
])
def test_parse_byline(line, expected):
    assert parse_byline(line) == expected


def test_scan_marks_kinds():
    page = scan_text_page(LUX_LIKE)
    kinds = {ln.text: ln.kind for ln in page.lines}
    assert kinds["Change Edition"] == "nav"
    assert kinds["Photo: Reuters/Yves Herman"] == "credit"
    assert kinds["©2022 AFP"] == "copyright"
    assert kinds["More on this topic"] == "nav"
    assert page.reading_time_min == 2


BENCH = DATA / "article-extraction-benchmark"
#: quality gate on the first 40 benchmark pages (measured 0.888; fails on a real regression)
BENCH_MIN_F1 = 0.85


def test_benchmark_quality_gate():
    if not (BENCH / "ground-truth.json").exists():
        pytest.skip(f"benchmark data {BENCH} absent: the gate needs the shared data folder")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.bench_text_cleaning import load_pages, run_storyline, score, tp_fp_fn

    rows = [tp_fp_fn(truth, run_storyline(dump, url))
            for _key, dump, truth, url in load_pages(BENCH, limit=40)]
    assert score(rows)["f1"] >= BENCH_MIN_F1


# --- round two: fixes from the end-to-end review -------------------------------------------------
from storyline.extract.text import parse_datetime  # noqa: E402

STORY = [
    "HARBOURTON — The city council postponed a vote on the waterfront plan on Monday after more "
    "than two hundred residents spoke at a hearing that lasted nearly five hours.",
    "Council President Ada Whitlow said the council would take up the proposal again later this "
    "month, once the planning office had answered the questions raised at the hearing.",
    "The developer said in a statement that it was disappointed but still committed to the "
    "project, and that it had already held a dozen meetings with neighbours.",
]


def _dump(first: str, *, head: str = "The Harbourton Ledger", date_line: str = "Published: "
          "September 9, 2024 6:15 p.m.", footer: str = "Copyright © 2024 The Harbourton Ledger. "
          "All rights reserved.", middle: str = "") -> str:
    body = "\n\n".join(STORY[:2]) + ("\n\n" + middle if middle else "") + "\n\n" + STORY[2]
    return f"""{first}
Home | News | Politics | Business | Sport
Subscribe  Log in

{head}

Council delays vote on waterfront plan

Residents crowd hearing as the developer's plan meets opposition

By Rosa Quill, Staff Reporter
{date_line}

Share on Facebook   Share on Twitter   Email   Print

{body}

Rosa Quill covers city hall. Reach her at rquill@harbourtonledger.example.
{footer}
Terms of Service | Privacy Policy
"""


@pytest.mark.parametrize("first", ["Skip to main content", "Jump to navigation",
                                   "Accessibility help", "Skip to content"])
def test_headline_is_not_a_navigation_line(first):
    art = extract_text_page(_dump(first))
    assert art.title == "Council delays vote on waterfront plan"
    assert art.subtitle == "Residents crowd hearing as the developer's plan meets opposition"
    assert first not in art.text


@pytest.mark.parametrize("head, footer", [
    ("The Harbourton Ledger", "Copyright © 2024 The Harbourton Ledger. All rights reserved."),
    ("Harbourton Ledger", "Terms of use apply."),      # the masthead known by the e-mail domain
    ("Weather 21°C", "Copyright © 2024 The Harbourton Ledger."),
])
def test_masthead_is_not_the_headline(head, footer):
    art = extract_text_page(_dump("Skip to main content", head=head, footer=footer))
    assert art.title == "Council delays vote on waterfront plan"


def test_title_tag_first_line_still_wins():
    art = extract_text_page(_dump("Council delays vote on waterfront plan | Harbourton Ledger"))
    assert art.title == "Council delays vote on waterfront plan"


@pytest.mark.parametrize("date_line, published", [
    ("Published: September 9, 2024 6:15 p.m.", "2024-09-09T18:15:00"),
    ("Published: September 9, 2024 6:15 p.m. ET", "2024-09-09T18:15:00-04:00"),
    ("Published: January 9, 2024 6:15 p.m. ET", "2024-01-09T18:15:00-05:00"),
    ("Updated 10:42 AM UTC, September 9, 2024", "2024-09-09T10:42:00+00:00"),
    ("Published: September 9, 2024", "2024-09-09"),
])
def test_published_keeps_the_time(date_line, published):
    assert extract_text_page(_dump("Skip to main content", date_line=date_line)).published == published


@pytest.mark.parametrize("text, expected", [
    ("Published: September 9, 2024 6:15 p.m.", "2024-09-09T18:15:00"),
    ("March 3, 2022 10:15 AM ET", "2022-03-03T10:15:00-05:00"),
    ("March 3, 2022, at 22:15 CET", "2022-03-03T22:15:00+01:00"),
    ("2024-03-05 18:30 UTC+2", "2024-03-05T18:30:00+02:00"),
    ("2019-11-18T23:03:00Z", "2019-11-18T23:03:00+00:00"),
    ("Posted Mar 5, 2024 at 12:05 am", "2024-03-05T00:05:00"),
    ("4:20 PM EST, March 5, 2024", "2024-03-05T16:20:00-05:00"),
    # no time beside the date: the date only
    ("4 min. 31.12.2021 From our online archive", "2021-12-31"),
    ("Aug. 1, 2024", "2024-08-01"),
    ("March 5, 2024 14:61", "2024-03-05"),                   # not a clock time
    ("March 5, 2024 13 p.m.", "2024-03-05"),
    ("March 5, 2024 2,000 people", "2024-03-05"),
    ("no date here, 6:15 p.m.", None),
])
def test_parse_datetime(text, expected):
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("middle, gone", [
    ("___", "___"),
    ("* * *", "* * *"),
    ("Our Standards: The Ledger Trust Principles.", "Our Standards"),
])
def test_separator_and_standards_lines_not_in_body(middle, gone):
    art = extract_text_page(_dump("Skip to main content", middle=middle))
    assert gone not in art.text
    assert STORY[2] in art.text.split("\n\n")            # the body goes on after it


@pytest.mark.parametrize("footer, copyright", [
    ("Copyright © 2024 The Harbourton Ledger, a Quill Media company. Contact Us | Advertise",
     "Copyright © 2024 The Harbourton Ledger, a Quill Media company."),
    ("Harbourton Ledger © 2024 | About | Careers | Contact", "Harbourton Ledger © 2024"),
    ("Terms of use apply.", None),
])
def test_copyright_forms_in_text(footer, copyright):
    assert extract_text_page(_dump("Skip to main content", footer=footer)).copyright == copyright


# --- round three: names-heavy sentences, inline link boxes, mastheads, credits, bylines -----

from storyline.extract.text import _shape, _pick_language, split_lines  # noqa: E402


def _kind(line: str) -> str:
    lines = split_lines(line + "\n\n" + " ".join(STORY))
    _, stop = _pick_language(lines)
    return _shape(lines[0], stop)


@pytest.mark.parametrize("line, kinds", [
    # a closing sentence full of places and names is still prose
    ("The board met with Ortega in Lisbon in June and is talking to Brazil. Talks with "
     "Brasilia are due to restart in March.", {"prose"}),
    ("Shares in Harbourton Mills fell 4% in Toronto on Thursday morning.", {"prose", "medium"}),
    # negative: headlines and Title-Cased lines stay short
    ("Harbourton Council Delays Waterfront Vote As Residents Pack Hearing", {"short"}),
    ("How To Win At The Harbourton Markets In The Spring Of The Year.", {"short", "teaser"}),
])
def test_sentence_with_many_names_is_prose(line, kinds):
    assert _kind(line) in kinds


def _page(*lines: str) -> str:
    return "\n\n".join(lines)


HEAD = ["Skip to main content", "Harbourton council delays waterfront vote after long hearing",
        "Published: September 9, 2024"]


@pytest.mark.parametrize("heading", ["Read also:", "Read more:", "Related:"])
def test_inline_link_box_is_a_gap(heading):
    tail = ("The council last changed the waterfront zoning in 2019, after a similar hearing "
            "that also ran late into the night and drew hundreds of residents.")
    art = extract_text_page(_page(*HEAD, STORY[0], STORY[1], heading,
                                  "Mayor opens new ferry terminal", "- Budget talks stall again",
                                  tail, "Copyright © 2024 The Harbourton Ledger"))
    paras = art.text.split("\n\n")
    assert paras[-1] == tail
    assert heading not in art.text and "ferry terminal" not in art.text


def test_link_box_at_the_end_is_not_body():
    teaser = ("Readers in the east end say the new bus timetable leaves them waiting for more "
              "than an hour on weekday evenings, and the council has promised a review.")
    art = extract_text_page(_page(*HEAD, STORY[0], STORY[1], STORY[2],
                                  "Copyright © 2024 The Harbourton Ledger", "More on this topic",
                                  "Mayor opens new ferry terminal", teaser))
    assert "ferry terminal" not in art.text and teaser not in art.text


@pytest.mark.parametrize("masthead, title, outlet", [
    ("Harbourton Evening Post", "Harbourton council delays waterfront vote after long hearing",
     "Harbourton Evening Post"),
    # negative: a short headline is not a masthead (no newspaper word)
    ("Council Delays Vote", "Council Delays Vote", None),
])
def test_masthead_above_headline(masthead, title, outlet):
    lines = ["Skip to main content", masthead, HEAD[1], HEAD[2], *STORY]
    art = extract_text_page(_page(*lines))
    assert art.title == title
    if outlet:
        assert art.outlet == outlet


@pytest.mark.parametrize("credit_lines, images", [
    (["Councillors at the hearing on Monday\nPhoto credit: dpa"],
     [("Councillors at the hearing on Monday", "dpa")]),
    (["Photo: Residents queue outside the hall in Harbourton, Ontario. REUTERS/Mara Lind\n"
      "Photo credit: Reuters"],
     [("Residents queue outside the hall in Harbourton, Ontario.", "REUTERS/Mara Lind")]),
    # negative: a lower-case word that is not an agency is no credit
    (["Photo credit: unknown"], []),
])
def test_credit_lines(credit_lines, images):
    art = extract_text_page(_page(*HEAD, *credit_lines, *STORY))
    assert [(i.caption, i.credit) for i in art.images] == images


@pytest.mark.parametrize("line, names", [
    ("By Mara Lind with AFP", ["Mara Lind"]),
    ("By Jean-Paul Ortega in Lisbon", ["Jean-Paul Ortega"]),
    ("By Ada Whitlow and Ben Okafor, Harbourton Ledger", ["Ada Whitlow", "Ben Okafor"]),
    ("By Ada Whitlow, Ben Okafor and Cleo Marsh", ["Ada Whitlow", "Ben Okafor", "Cleo Marsh"]),
    ("Reporting by Ben Okafor; Editing by Cleo Marsh", ["Ben Okafor"]),
    ("Reporting by Ben Okafor; Writing by Ada Whitlow; Editing by Cleo Marsh",
     ["Ben Okafor", "Ada Whitlow"]),
    ("By Reuters", []),
])
def test_byline_forms(line, names):
    assert parse_byline(line) == names


def test_reporting_credit_names_the_author_after_an_agency_byline():
    art = extract_text_page(_page(HEAD[0], HEAD[1], "By Reuters", HEAD[2], *STORY,
                                  "Reporting by Ben Okafor; Editing by Cleo Marsh"))
    assert art.authors == ["Ben Okafor"]


# --------------------------------------------------------------------------
# Round four: chrome labels, strong captions, sign-offs, summaries, outlet, zones
# --------------------------------------------------------------------------

_R4_BODY = [
    "The harbour authority said on Tuesday that the new pier would open to ferries in the "
    "spring, after two years of delays caused by storms and a shortage of steel.",
    "Officials told a public meeting in the town hall that the work had cost far more than "
    "planned, and that the council would ask the regional government for more money.",
    "Residents welcomed the news but said they wanted the old ferry timetable back as well, "
    "because many of them work in the city and depend on the early boats.",
    "The mayor said she would present a full report on the costs to the council next month, "
    "and that an independent audit of the contract had already been ordered.",
]


def _r4_page(head: list[str], tail: list[str] = (), body: list[str] = _R4_BODY) -> str:
    return "\n\n".join(list(head) + list(body) + list(tail))


@pytest.mark.parametrize("label", ["Listen to article", "Gift this article", "Text size", "Print"])
def test_utility_label_is_never_the_title(label):
    page = _r4_page(["Island Daily Ledger", label,
                     "Harbour pier to open to ferries in spring after storm delays",
                     "Harbour pier to open to ferries in spring after storm delays",
                     "Updated 5 January 2023 19:32"])
    art = extract_text_page(page)
    assert art.title == "Harbour pier to open to ferries in spring after storm delays"


@pytest.mark.parametrize("line, caption, credit", [
    ("FILE - Fighters stand guard near a checkpoint in a city, on Oct. 4, 2022. "
     "(AP Photo/Jane Roe, File)", "FILE - Fighters stand guard near a checkpoint in a city, on "
     "Oct. 4, 2022.", "AP Photo/Jane Roe, File"),
    ("Peacekeepers patrol a road near the river on March 3, 2022. © Jane Roe, AFP",
     "Peacekeepers patrol a road near the river on March 3, 2022.", "© Jane Roe, AFP"),
    ("Two ministers shake hands ahead of talks in the capital in October. (Kyodo)",
     "Two ministers shake hands ahead of talks in the capital in October.", "Kyodo"),
])
def test_strong_captions_become_images_not_subtitle(line, caption, credit):
    page = _r4_page(["Harbour pier to open to ferries in spring after storm delays",
                     "Updated 5 January 2023 19:32", line])
    art = extract_text_page(page)
    assert art.subtitle != line and art.subtitle != caption
    assert line not in art.text and caption not in art.text
    assert any(im.caption == caption and im.credit == credit for im in art.images)


def test_bracketed_non_agency_ending_is_not_a_caption():
    line = ("The council approved the budget for the new pier on Monday evening after a "
            "long debate (see below).")
    page = _r4_page(["Harbour pier to open to ferries in spring after storm delays",
                     "Updated 5 January 2023 19:32"], body=[line] + _R4_BODY)
    assert line in extract_text_page(page).text


def test_credit_first_caption_is_one_image():
    page = _r4_page(["Harbour pier to open to ferries in spring after storm delays",
                     "Updated 07.11.2022, 16:35",
                     "Foto: Jane Roe/dpa\nThe new pier seen from the old lighthouse in the harbour."])
    art = extract_text_page(page)
    assert [(im.caption, im.credit) for im in art.images] == [
        ("The new pier seen from the old lighthouse in the harbour.", "Jane Roe/dpa")]
    assert "lighthouse" not in art.text


@pytest.mark.parametrize("tail, kept", [
    (["(Reporting by Jane Roe in Oslo; Editing by John Doe)",
      "Our Standards: The Thomson Reuters Trust Principles."], False),
    (["Associated Press writer Jane Roe in Oslo contributed to this report."], False),
    (["-- AFP"], False),
    (["— Jane Roe (@janeroe) March 3, 2022"], False),
    (["The ferry company said it hoped the old timetable would return by the summer."], True),
])
def test_signoffs_leave_the_body(tail, kept):
    page = _r4_page(["Harbour pier to open to ferries in spring after storm delays",
                     "Updated 5 January 2023 19:32"], tail=tail)
    art = extract_text_page(page)
    assert (tail[0] in art.text) is kept


def test_reporting_credit_gives_authors_and_wire_signoff_gives_wire():
    page = _r4_page(["Harbour pier to open to ferries in spring after storm delays",
                     "By Reuters", "Updated 5 January 2023 19:32"],
                    tail=["(Reporting by Jane Roe; Editing by John Doe)"])
    assert extract_text_page(page).authors == ["Jane Roe"]
    page = _r4_page(["Harbour pier to open to ferries in spring after storm delays",
                     "Updated 5 January 2023 19:32"], tail=["-- AFP"])
    assert extract_text_page(page).wire == "AFP"


def test_summary_bullets_are_not_the_subtitle():
    page = _r4_page(["Harbour pier to open to ferries in spring after storm delays",
                     "Updated 5 January 2023 19:32",
                     "Summary\nPier opening delayed by two years of storms\n"
                     "Council to ask regional government for more money now\nAudit ordered"])
    art = extract_text_page(page)
    assert art.subtitle is None
    assert "Audit ordered" not in art.text


def test_standfirst_still_found_without_summary():
    page = _r4_page(["Harbour pier to open to ferries in spring after storm delays",
                     "Updated 5 January 2023 19:32",
                     "The long-awaited pier will take ferries from the spring onwards"])
    assert extract_text_page(page).subtitle == \
        "The long-awaited pier will take ferries from the spring onwards"


@pytest.mark.parametrize("head, outlet", [
    (["EN | FR | العربية", "Harbour pier to open to ferries in spring after storm delays"], None),
    (["Home | Sport | Motorsport", "Harbour pier to open to ferries in spring after storm delays"],
     None),
    (["Subscribe | Log in | e-Edition", "The Island Sentinel-Courier",
      "Harbour pier to open to ferries in spring after storm delays"], "The Island Sentinel-Courier"),
    (["Harbour pier to open to ferries in spring after storm delays - Island Mirror",
      "Harbour pier to open to ferries in spring after storm delays"], "Island Mirror"),
])
def test_outlet_never_from_nav_labels(head, outlet):
    page = _r4_page(head + ["Updated 5 January 2023 19:32"], tail=["© dpa-infocom, dpa:221107"])
    assert extract_text_page(page).outlet == outlet


def test_wire_copyright_beats_site_footer_for_agency_story():
    body = ["OSLO, Jan 20 (Reuters) - " + _R4_BODY[0]] + _R4_BODY[1:]
    page = _r4_page(["Harbour pier to open to ferries in spring after storm delays",
                     "Updated 5 January 2023 19:32"], body=body,
                    tail=["© Thomson Reuters 2023", "© 2023 The Island Ledger"])
    assert extract_text_page(page).copyright == "© Thomson Reuters 2023"
    page = _r4_page(["Harbour pier to open to ferries in spring after storm delays",
                     "Updated 5 January 2023 19:32"],
                    tail=["© 2023 The Island Ledger", "© Thomson Reuters 2023"])
    assert extract_text_page(page).copyright == "© 2023 The Island Ledger"


@pytest.mark.parametrize("line, expected", [
    ("Published: 2022-01-20 08:14 NZDT", "2022-01-20T08:14:00+13:00"),
    ("Published: 2022-07-20 08:14 NZST", "2022-07-20T08:14:00+12:00"),
    ("Published 14 March 2023, 18:52 GST", "2023-03-14T18:52:00+04:00"),
    ("Published: 2022-01-20 08:14 XYZ", "2022-01-20T08:14:00"),
])
def test_zone_abbreviations_on_date_lines(line, expected):
    from storyline.extract.text import parse_datetime
    assert parse_datetime(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("By SAMIRA HADDAD and PETER LOWELL Associated Press", ["Samira Haddad", "Peter Lowell"]),
    ("By Jane Roe and John Doe Reuters", ["Jane Roe", "John Doe"]),
    ("By ASSOCIATED PRESS", []),
])
def test_all_caps_bylines_and_agency_tail(line, expected):
    assert parse_byline(line) == expected


# --------------------------------------------------------------------------
# Round five: repeated standfirst, caption + labelled credit, reserved-first copyright
# --------------------------------------------------------------------------

_R5_HEAD = ["Island Daily Ledger", "Harbour pier to open to ferries in spring after storm delays",
            "By Mara Lind Associated Press", "Tue 5 Jan 2023 at 19:32"]
_R5_LEDE = ("The harbour authority said on Tuesday that the new pier would open to ferries in "
            "the spring, after two years of delays caused by storms.")


@pytest.mark.parametrize("first, dateline, is_standfirst", [
    # the lede printed again above its dateline: standfirst
    (_R5_LEDE, "TROMSO, Norway (AP) — ", True),
    # a shortened teaser made of the lede's opening words: standfirst
    ("The new pier would open to ferries in the spring, the harbour authority said.",
     "TROMSO, Norway (AP) — ", True),
    # a different first paragraph above a dateline lede: body
    ("Storms flooded the old quay twice last winter and left the ferry company with "
     "no safe berth for its larger boats.", "TROMSO, Norway (AP) — ", False),
    # the same repeat but no dateline lede: left alone (could be the writer's own echo)
    (_R5_LEDE, "", False),
])
def test_repeated_standfirst_above_dateline_lede(first, dateline, is_standfirst):
    body = [first, dateline + _R5_LEDE] + _R4_BODY[1:]
    art = extract_text_page(_r4_page(_R5_HEAD, body=body))
    paragraphs = art.text.split("\n\n")
    if is_standfirst:
        assert art.subtitle == first
        assert paragraphs[0].startswith("TROMSO, Norway (AP) —")
    else:
        assert art.subtitle != first
        assert paragraphs[0] == first


def test_repeated_standfirst_with_caption_between():
    body = [_R5_LEDE, "Photo: The new pier under construction. Photo credit: AP Photo/Ola Berg",
            "TROMSO, Norway (AP) — " + _R5_LEDE] + _R4_BODY[1:]
    art = extract_text_page(_r4_page(_R5_HEAD, body=body))
    assert art.subtitle == _R5_LEDE
    assert art.text.startswith("TROMSO, Norway (AP) —")
    assert art.text.count("two years of delays") == 1


@pytest.mark.parametrize("line, caption, credit", [
    ("Photo: The new pier under construction. Photo credit: AP Photo/Ola Berg",
     "The new pier under construction.", "AP Photo/Ola Berg"),
    ("Image: Ferries at the old quay. Credit: Reuters/Jane Doe",
     "Ferries at the old quay.", "Reuters/Jane Doe"),
    ("Photo: Ferries at the old quay. REUTERS/Jane Doe", "Ferries at the old quay.", "REUTERS/Jane Doe"),
    # a plain labelled credit stays a credit with no caption made up
    ("Photo credit: AP Photo/Ola Berg", None, "AP Photo/Ola Berg"),
])
def test_caption_with_its_own_credit_label(line, caption, credit):
    art = extract_text_page(_r4_page(_R5_HEAD, body=[_R4_BODY[0], line] + _R4_BODY[1:]))
    assert [(im.caption, im.credit) for im in art.images] == [(caption, credit)]
    assert line not in art.text


@pytest.mark.parametrize("line, expected", [
    ("ALL RIGHTS RESERVED © Copyright ANSA", "© Copyright ANSA"),
    ("All rights reserved. © 2024 The Island Ledger", "© 2024 The Island Ledger"),
    ("© 2024 The Island Ledger. All rights reserved.", "© 2024 The Island Ledger"),
    # no copyright sign nor year after the reservation: no copyright line
    ("All rights reserved by the authors of this page", None),
])
def test_copyright_with_reservation_first(line, expected):
    art = extract_text_page(_r4_page(_R5_HEAD, tail=[line]))
    assert art.copyright == expected
    if expected:
        assert line not in art.text


# --- polish: bylines naming the outlet, mastheads without a newspaper word -------------
_POLISH_BODY = (
    "The central bank raised interest rates by half a point on Thursday, its fourth increase "
    "this year, as officials said inflation was still far too high for comfort.\n"
    "Officials said the decision was unanimous and that further increases were likely in the "
    "coming months if prices kept rising at the current pace.\n"
    "Economists had expected the move, which follows similar steps by other central banks "
    "across the region.\n")


@pytest.mark.parametrize("line, expected", [
    ("By Jane Doe, Pacific Herald", ["Jane Doe"]),
    ("By Jane Doe, Valley Tribune", ["Jane Doe"]),
    ("By Jane Doe, John Roe", ["Jane Doe", "John Roe"]),
    ("By Jane Doe, Li Sun", ["Jane Doe", "Li Sun"]),       # "Sun" is a surname too
    ("By Łukasz Nowak", ["Łukasz Nowak"]),
])
def test_byline_outlet_part_is_not_a_person(line, expected):
    assert parse_byline(line) == expected


@pytest.mark.parametrize("byline, tail, url, authors", [
    ("By Jane Doe, Euro Policy Hub", "© 2024 Euro Policy Hub. All rights reserved.", None,
     ["Jane Doe"]),
    ("By Jane Doe, Politico Europe", "", "https://www.politico.eu/article/x", ["Jane Doe"]),
    # nothing on the page names the outlet: the part stays (it has a person's shape)
    ("By Jane Doe, Mark Smith", "© 2024 Euro Policy Hub. All rights reserved.", None,
     ["Jane Doe", "Mark Smith"]),
])
def test_byline_part_naming_the_site_is_dropped(byline, tail, url, authors):
    page = "Central bank lifts rates again\n" + byline + "\n" + _POLISH_BODY + tail + "\n"
    assert extract_text_page(page, url=url).authors == authors


@pytest.mark.parametrize("masthead, tail, url, title", [
    ("Euro Policy Insight Hub", "© 2024 Euro Policy Insight Hub. All rights reserved.", None,
     "Central bank lifts rates again"),
    ("Euro Policy Insight Hub", "Download the Euro Policy Insight Hub app", None,
     "Central bank lifts rates again"),
    ("Politico Europe", "", "https://www.politico.eu/x", "Central bank lifts rates again"),
    # a headline that merely starts like the host is longer than a masthead: kept
    ("Politico reports central bank lifts rates again", "", "https://www.politico.eu/x",
     "Politico reports central bank lifts rates again"),
])
def test_masthead_named_elsewhere_is_not_the_title(masthead, tail, url, title):
    page = masthead + "\n" + ("" if masthead == title else "Central bank lifts rates again\n") \
        + _POLISH_BODY + tail + "\n"
    assert extract_text_page(page, url=url).title == title

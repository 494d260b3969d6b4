"""detect_wire: which agency a story comes from, and photo credits that are not evidence."""
from __future__ import annotations

import pytest

from storyline.extract.wire import canonical_wire, detect_wire


@pytest.mark.parametrize("text, kwargs, expected", [
    # copyright lines
    ("Story text.", {"copyright": "©2021 Bloomberg L.P."}, ("Bloomberg", "copyright")),
    ("Story text.\n\n© 2020 Thomson Reuters. All rights reserved.", {}, ("Reuters", "copyright")),
    ("Story.\nCopyright 2022 The Associated Press. All rights reserved.", {},
     ("Associated Press", "copyright")),
    # datelines
    ("WASHINGTON (Reuters) - The U.S. Senate on Tuesday passed a bill.", {}, ("Reuters", "dateline")),
    ("WASHINGTON, March 3 (Reuters) - Lawmakers said.", {}, ("Reuters", "dateline")),
    ("ST. JOSEPH, Mich. (AP) — Health authorities reported a sixth death.", {},
     ("Associated Press", "dateline")),
    ("(AP) — The storm hit the coast overnight.", {}, ("Associated Press", "dateline")),
    ("PARIS (AFP) - France's president said on Monday.", {}, ("AFP", "dateline")),
    ("BERLIN (dpa) - Die Regierung hat beschlossen.", {}, ("dpa", "dateline")),
    ("SEOUL, Jan. 5 (Yonhap) -- North Korea fired a missile.", {}, ("Yonhap", "dateline")),
    ("BEIJING, Nov. 20 (Xinhua) -- China said on Wednesday.", {}, ("Xinhua", "dateline")),
    # agency sign-offs
    ("The company declined to comment.\n(Reporting by Jane Doe; Editing by John Roe)", {},
     ("Reuters", "credit-line")),
    ("Shares fell 3%.\nReporting by Jane Doe in London; Editing by Mark Potter", {},
     ("Reuters", "credit-line")),
    ("The vote is Monday.\nAssociated Press writer Jane Doe in Paris contributed to this report.",
     {}, ("Associated Press", "credit-line")),
    # bylines
    ("By Jane Doe, Bloomberg\nThe central bank held rates.", {}, ("Bloomberg", "byline")),
    ("By The Associated Press\nA storm hit.", {}, ("Associated Press", "byline")),
    ("Reuters Staff\nOil prices rose.", {}, ("Reuters", "byline")),
    ("The market fell.", {"authors": ["AFP"]}, ("AFP", "byline")),
    # metadata
    ("The market fell.", {"meta": {"author": "Reuters"}}, ("Reuters", "meta")),
    ("The market fell.", {"meta": {"og:site_name": "Kyodo News"}}, ("Kyodo", "meta")),
])
def test_detects_wire(text, kwargs, expected):
    assert detect_wire(text, **kwargs) == expected


@pytest.mark.parametrize("text, kwargs", [
    # photo credits are about the picture, not the story
    ("Photo credit: AFP\nThe minister resigned on Monday.", {}),
    ("Photo: Reuters/John Doe\nThe minister resigned on Monday.", {}),
    ("Putin in Moscow.\n(AFP)\nThe Kremlin said on Friday.", {}),
    ("Image Credit: AP Photo/Evan Vucci\nThe president spoke.", {}),
    ("Fans at the stadium. AFP via Getty Images\nThe team won.", {}),
    ("Credit: Bloomberg\nThe store opened.", {}),
    # an outlet's own copyright is not a wire
    ("Local council approves budget.", {"copyright": "© 2019 The Tampa Tribune"}),
    # a mention of an agency in prose is not a dateline or a byline
    ("The company told Reuters it would appeal the ruling.", {}),
    ("He worked at the Associated Press for ten years before joining us.", {}),
    ("Apple shares rose after Bloomberg reported the deal.", {}),
    # capitalised words that merely contain an alias
    ("By Jane Doe\nThe APAC region grew. PAris is not a wire.", {}),
    ("By Jane Doe and John Roe\nThe council met.", {"authors": ["Jane Doe", "John Roe"]}),
    ("", {}),
])
def test_no_wire(text, kwargs):
    assert detect_wire(text, **kwargs) == (None, None)


@pytest.mark.parametrize("name, expected", [
    ("Bloomberg L.P.", "Bloomberg"), ("Agence France-Presse", "AFP"), ("The Associated Press", "Associated Press"),
    ("AP", "Associated Press"), ("ap", None), ("Thomson Reuters", "Reuters"), ("TASS", "TASS"),
    ("The Guardian", None), ("", None), (None, None),
])
def test_canonical_wire(name, expected):
    assert canonical_wire(name) == expected


@pytest.mark.parametrize("text, expected", [
    ("The minister spoke on Monday.\n-- AFP", ("AFP", "credit-line")),
    # "(AFP)" alone on a line is read as a photo credit, never story evidence
    ("The minister spoke on Monday.\n(AFP)", (None, None)),
    ("AFP | Thursday, 06 October 2022 11:48 AM\nThe minister spoke.", ("AFP", "byline")),
    ("The minister spoke on Monday.\n-- Staff", (None, None)),
    ("Home | News\nThe minister spoke on Monday.", (None, None)),
])
def test_signoff_and_agency_bar(text, expected):
    assert detect_wire(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ZÜRICH (AP) — The bank raised rates.", ("Associated Press", "dateline")),
    ("ÖSTERSUND, Sweden (AP) — Skiers gathered.", ("Associated Press", "dateline")),
    ("SAN JOSÉ, Costa Rica (AP) — Voters went to the polls.", ("Associated Press", "dateline")),
    ("ŁÓDŹ, Poland (Reuters) - The factory closed.", ("Reuters", "dateline")),
    ("ÅLESUND, Norway (AFP) - The ferry sank.", ("AFP", "dateline")),
    # a lower-case word before brackets is prose, not a dateline place
    ("über (AP) - nothing here.", (None, None)),
    ("ZÜRICH — The bank raised rates.", (None, None)),
])
def test_non_ascii_datelines(text, expected):
    assert detect_wire(text) == expected

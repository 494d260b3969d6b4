"""The enrichment runner checks what components require and assign, and every span."""
from __future__ import annotations

import pytest

from storyline.enrich.pipeline import parse_published
from storyline.enrich.runner import (Document, PipelineError, component,
                                       run_pipeline)


@component("fill", assigns=("times",))
def FILL(doc):
    doc.times = [{"start": 0, "end": 3, "text": "now"}]
    return doc


@component("needs_times", requires=("times",), assigns=("events",))
def NEEDS_TIMES(doc):
    doc.events = []
    return doc


@component("bad_span", assigns=("quotes",))
def BAD_SPAN(doc):
    doc.quotes = [{"start": 0, "end": 999}]
    return doc


def test_runs_in_order_and_records_assignments():
    doc = run_pipeline(Document(text="now then"), [FILL, NEEDS_TIMES])
    assert doc.done == {"times", "events"}
    assert doc.times[0]["end"] == 3


def test_missing_requirement_fails_loudly():
    with pytest.raises(PipelineError, match="requires"):
        run_pipeline(Document(text="x"), [NEEDS_TIMES])


def test_span_outside_text_fails_loudly():
    with pytest.raises(PipelineError, match="outside the text"):
        run_pipeline(Document(text="short"), [BAD_SPAN])


@pytest.mark.parametrize("value,ok", [("2021-12-31", True), ("2021-12-31T10:00:00Z", True),
                                      ("yesterday", False)])
def test_parse_published(value, ok):
    assert (parse_published(value) is not None) == ok

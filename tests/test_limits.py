"""Work that used to grow faster than the input is linear or capped with a note.

Counts of calls (not wall time, which the shared machine makes noisy) show the growth: work
that is linear in the input does four times the calls on four times the input.
"""
from __future__ import annotations

import random
import re

import pytest

from storyline import extract_page
from storyline.enrich import events as ev_mod
from storyline.enrich.pipeline import enrich, enrich_end
from storyline.errors import QueryError
from storyline.extract.limits import fit_page, fit_text_page
from storyline.model import Article
from storyline.process import analyse
from storyline.rules import limits
from storyline.rules.store import MAX_QUERY_WORDS
from storyline.store import Archive, fts_query

STORY = ("The foreign ministers of Norway and Chile will meet in Oslo on 4 December to "
         "prepare the summit. Talks in Geneva followed on Friday, and a vote is planned in "
         "Lima next week, officials said. The two leaders spoke by phone on Monday.")


def _story(copies: int) -> str:
    return "\n\n".join(f"Paragraph {i}. {STORY}" for i in range(copies))


# ------------------------------------------------------------------ events pairing

def test_event_linking_work_is_linear_in_the_text(monkeypatch):
    calls = {"n": 0}
    real = ev_mod._tokens_of

    def counting(*args):
        calls["n"] += 1
        return real(*args)

    monkeypatch.setattr(ev_mod, "_tokens_of", counting)
    counts = []
    for copies in (4, 16):
        calls["n"] = 0
        doc = enrich(_story(copies), "2026-11-20")
        assert len(doc.events) >= 1
        counts.append(calls["n"])
    assert counts[1] <= 4.5 * counts[0], counts  # quadratic pairing made it ~16x


# ------------------------------------------------------------------ enrichment cap

def test_enrichment_past_the_limit_covers_the_first_part_with_a_note(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ENRICH_CHARS", 1000)
    art = Article(text=_story(12), published="2026-11-20")
    analyse(art)
    end = enrich_end(art.text)
    assert end <= 1000 and art.text[end - 1] == "."
    assert art.provenance["enrichment"] == f"first {end} of {len(art.text)} characters"
    for name in ("entities", "times", "places", "events", "quotes"):
        for item in getattr(art, name):
            assert item.get("end", 0) <= end


def test_text_within_the_limit_is_enriched_whole():
    art = Article(text=_story(2), published="2026-11-20")
    analyse(art)
    assert "enrichment" not in art.provenance
    assert max(t["end"] for t in art.times) > len(art.text) // 2


@pytest.mark.parametrize("text, limit, end", [
    ("short", 100, 5),
    ("First paragraph here.\n\nSecond para.", 30, 21),
    ("First.\n\nSecond para that is long.", 30, 27),
    ("One two. Three four five.", 12, 8),
    ("x" * 50, 10, 10),
])
def test_enrich_end_cuts_at_a_boundary(text, limit, end):
    assert enrich_end(text, limit) == end


# ------------------------------------------------------------------ page cap

def _big_page(prose_paragraphs: int, script_chars: int = 0) -> str:
    rnd = random.Random(7)
    words = re.findall(r"\w+", STORY)
    paras = []
    for _ in range(prose_paragraphs):
        rnd.shuffle(words)
        paras.append("<p>" + " ".join(words) + ".</p>")
    script = f"<script>var x = '{'a' * script_chars}';</script>" if script_chars else ""
    return ("<html><head><title>Ferry</title>" + script + "</head><body><article>"
            "<h1>Ferry</h1>" + "\n".join(paras) + "</article></body></html>")


def test_page_within_the_limit_is_untouched():
    page = _big_page(20)
    assert fit_page(page) == (page, None)


def test_page_over_the_limit_loses_scripts_first(monkeypatch):
    monkeypatch.setattr(limits, "MAX_PAGE_CHARS", 20_000)
    page = _big_page(20, script_chars=50_000)
    art = extract_page(page, url="https://a.example/ferry")
    assert "scripts, styles and inline data dropped" in art.provenance["page"]
    assert art.word_count > 20 * 30


def test_page_of_prose_over_the_limit_is_cut_with_a_note(monkeypatch):
    monkeypatch.setattr(limits, "MAX_PAGE_CHARS", 20_000)
    page = _big_page(400)
    art = extract_page(page, url="https://a.example/ferry")
    assert art.provenance["page"].startswith("page cut to its first")
    assert 0 < len(art.text) < 20_000


@pytest.mark.parametrize("page", [
    "<p>x</p><!--x" * 20_000 + "<p>a</p>" * 300_000,   # unclosed comments
    "<script" * 200_000 + "a" * 3_000_000,              # openers never closed
    '"data:' * 300_000 + "<p>a</p>" * 300_000,          # data URIs never closed
])
def test_pathological_markup_is_brought_under_the_limit_in_linear_time(page):
    import time

    start = time.process_time()
    html, note = fit_page(page, limit=100_000)
    assert len(html) <= 100_000 and note
    assert time.process_time() - start < 5  # one pass; rescanning per opener took minutes


@pytest.mark.parametrize("page, kept, dropped", [
    ('<script type="application/ld+json">{"a": 1}</script><p>body</p>', ['ld+json', "body"], []),
    ("<script>track()</script><style>p{}</style><svg><path/></svg><!-- c --><p>body</p>",
     ["body"], ["track", "p{}", "path", " c "]),
    ('<img src="data:image/png;base64,AAAA"><p>body</p>', ["body", '<img src="">'], ["AAAA"]),
])
def test_drop_non_text_keeps_metadata_and_text(page, kept, dropped):
    from storyline.extract.limits import drop_non_text

    out = drop_non_text(page)
    assert all(k in out for k in kept) and not any(d in out for d in dropped)


@pytest.mark.parametrize("text, limit, kept", [
    ("a\nb\nc", 10, "a\nb\nc"), ("line one\nline two\nline three", 20, "line one\nline two"),
])
def test_text_page_is_cut_at_a_line(text, limit, kept):
    assert fit_text_page(text, limit)[0] == kept


# ------------------------------------------------------------------ search terms

@pytest.mark.parametrize("query, words", [
    (" ".join(f"w{i}" for i in range(MAX_QUERY_WORDS)), MAX_QUERY_WORDS),
    (" ".join(["harbour"] * 4000), 1),
    ('"a b c" a b c', 6),  # a phrase's words count on their own
])
def test_queries_within_the_word_limit_run(query, words):
    assert sum(len(p.split()) for p in fts_query(query).split('" "')) == words


@pytest.mark.parametrize("query", [
    " ".join(f"w{i}" for i in range(MAX_QUERY_WORDS + 1)),
    " ".join(f"w{i}" for i in range(4000)),
    '"' + " ".join(f"w{i}" for i in range(40)) + '"',
])
def test_too_long_a_query_is_a_clear_error(tmp_path, query):
    with Archive(tmp_path / "a.db") as archive:
        archive.add(Article(text="The harbour board met.", url="https://a.example/1"))
        with pytest.raises(QueryError) as info:
            archive.search(query)
    assert info.value.code == "E304" and "at most" in info.value.line()

"""Pages through worker processes: same results in the same order as one process, bounded
read-ahead, one error per failing page, a worker crash costs one page, and a parallel ingest
killed with SIGKILL resumes to the archive a clean run builds."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline import parallel
from storyline.cli import main
from storyline.errors import InputError
from storyline.model import RawPage
from storyline.parallel import Settings, descendants, process_pages

from test_batch import _write_warc, article_html

NO_ENRICH = Settings(enrich=False)


def _pages(n: int, seed: int = 3) -> list[RawPage]:
    return [RawPage(content=article_html(i, seed=seed), origin=f"page-{i}.html",
                    url=f"https://herald.example/{seed}/{i}") for i in range(n)]


def _summary(outcomes) -> list[tuple]:
    return [(o.page.origin if o.page else None,
             o.article.to_dict() if o.article else None,
             o.error.line() if o.error else None, o.skipped) for o in outcomes]


class _Crash(RawPage):
    """A page whose unpickling kills the worker process that receives it (as a crash in C
    code or the OOM killer would); the parent can still hold and inspect it."""

    def __reduce__(self):
        return (os._exit, (3,))


def _mixed_items() -> list:
    pages = _pages(5)
    empty = RawPage(content="<html><body><nav>Home</nav></body></html>", origin="empty.html")
    return [pages[0], InputError("cannot read it", source="missing.html"), pages[1], empty,
            pages[2], pages[3], pages[4]]


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_give_the_same_outcomes_in_input_order_as_one_process(workers):
    skip = lambda page: page.origin == "page-3.html"  # noqa: E731
    one = _summary(process_pages(_mixed_items(), workers=1, settings=NO_ENRICH, skip=skip))
    many = _summary(process_pages(_mixed_items(), workers=workers, settings=NO_ENRICH,
                                  skip=skip))
    assert many == one
    assert [o[0] for o in many] == ["page-0.html", None, "page-1.html", "empty.html",
                                    "page-2.html", "page-3.html", "page-4.html"]
    errors = [o[2] for o in many if o[2]]
    assert errors[0] == "missing.html: [E100] cannot read it"
    assert errors[1].startswith("empty.html: [E2")  # the page with no article: its own line
    assert [o[3] for o in many] == [False] * 5 + [True, False]


@pytest.mark.parametrize("items,pooled", [
    (_pages(1), False),                                   # one page: no pool to start
    ([InputError("x", source="a")] + _pages(1), False),   # an error and one page
    (_pages(2), True),
])
def test_a_pool_starts_only_for_two_pages_or_more(items, pooled, monkeypatch):
    started = []
    real = parallel._pooled

    def spy(*args, **kwargs):
        started.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "_pooled", spy)
    outcomes = list(process_pages(items, workers=2, settings=NO_ENRICH))
    assert bool(started) == pooled
    assert len(outcomes) == len(items)


def test_pages_are_read_ahead_a_bounded_number_at_a_time():
    pulled = []

    def source():
        for page in _pages(30):
            pulled.append(page.origin)
            yield page

    stream = process_pages(source(), workers=2, settings=NO_ENRICH)
    first = next(stream)
    assert first.page.origin == "page-0.html" and first.article is not None
    assert len(pulled) <= 2 * parallel.IN_FLIGHT_PER_WORKER + 1
    assert len(list(stream)) == 29


def test_a_worker_that_dies_costs_only_its_page():
    pages = _pages(4)
    crash = _Crash(content="<p>x</p>", origin="crash.html")
    items = [pages[0], crash, pages[1], pages[2], pages[3]]
    outcomes = list(process_pages(items, workers=2, settings=NO_ENRICH))
    assert [o.page.origin for o in outcomes] == [p.origin for p in items]
    assert outcomes[1].article is None
    assert outcomes[1].error.line().startswith("crash.html: [E000] the worker process died")
    assert all(o.article is not None and o.error is None for i, o in enumerate(outcomes) if i != 1)


def test_a_page_that_cannot_be_sent_to_a_worker_is_its_own_error():
    pages = _pages(3)
    odd = RawPage(content="<p>x</p>", origin="odd.html", meta={"hook": lambda: None})
    outcomes = list(process_pages([pages[0], odd, pages[1], pages[2]], workers=2,
                                  settings=NO_ENRICH))
    assert [o.page.origin for o in outcomes] == ["page-0.html", "odd.html", "page-1.html",
                                                 "page-2.html"]
    assert outcomes[1].error.line().startswith("odd.html: [E000] unexpected")
    assert all(o.article is not None for i, o in enumerate(outcomes) if i != 1)


def test_extract_with_two_workers_prints_what_one_worker_prints(tmp_path):
    """With enrichment: the spaCy model is loaded in each worker and gives the same facts."""
    for i in range(3):
        (tmp_path / f"p{i}.html").write_text(article_html(i, seed=5), encoding="utf-8")
    (tmp_path / "bad.html").write_bytes(b"\x00\x01\x02binary")
    runs = {}
    for workers in ("1", "2"):
        result = CliRunner().invoke(main, ["extract", str(tmp_path), "--format", "jsonl",
                                           "--workers", workers])
        assert result.exit_code == 1  # the binary file
        runs[workers] = result
    assert runs["1"].stdout == runs["2"].stdout
    rows = [json.loads(line) for line in runs["2"].stdout.splitlines()]
    assert len(rows) == 3 and all(r["entities"] is not None for r in rows)
    assert runs["2"].stderr.count("bad.html") == 1


def _stored(db: Path) -> int:
    """Articles committed so far (0 while the archive is not there or is locked)."""
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _archive_state(db: Path) -> dict:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not con.execute("PRAGMA foreign_key_check").fetchall()
        return {
            "articles": sorted(con.execute("SELECT id, story_id, url FROM articles")),
            "urls": sorted(con.execute("SELECT url FROM article_urls")),
            "raw_pages": con.execute("SELECT count(*) FROM raw_pages").fetchone()[0],
            "bands": con.execute("SELECT count(*) FROM lsh_bands").fetchone()[0],
            "fts": con.execute("SELECT count(*) FROM articles_fts").fetchone()[0],
        }


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_sigkill_during_a_parallel_ingest_then_resume_gives_the_clean_archive(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    n_pages = 120
    _write_warc(warc, n_pages)
    cmd = [sys.executable, "-m", "storyline.cli", "ingest", str(warc), "--no-enrich", "--quiet",
           "--workers", "2", "--db"]
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([*cmd, str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline, workers = time.time() + 180, set()
    while time.time() < deadline and proc.poll() is None and _stored(db) < 10:
        time.sleep(0.2)
        workers |= descendants(proc.pid)
    killed_midway = proc.poll() is None
    workers |= descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert killed_midway, "ingest finished before it could be killed; raise n_pages"
    assert workers, "no worker process was started"
    gone_by = time.time() + 10 * parallel.ORPHAN_CHECK_S + 5
    while time.time() < gone_by and any(Path(f"/proc/{p}").exists() for p in workers):
        time.sleep(0.2)
    alive = {p for p in workers if Path(f"/proc/{p}/stat").exists()
             and ") Z " not in Path(f"/proc/{p}/stat").read_text()}
    assert not alive, "worker processes outlived the killed ingest"
    partial = _archive_state(db)
    assert 0 < len(partial["articles"]) < n_pages
    subprocess.run([*cmd, str(db)], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=300)
    clean_db = tmp_path / "clean.db"
    subprocess.run([*cmd, str(clean_db)], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=300)
    resumed, clean = _archive_state(db), _archive_state(clean_db)
    assert resumed == clean
    assert len(resumed["articles"]) == len({a[0] for a in resumed["articles"]}) == n_pages

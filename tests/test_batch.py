"""Batches through the real command: bad inputs cost one line each, never the batch;
an ingest killed at any moment leaves a consistent archive and resumes without loss
or duplicates."""
from __future__ import annotations

import gzip
import json
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main

WORDS = ("council harbour minister union strike vote budget river bridge tram station "
         "court judge ferry airport runway school hospital nurse farmer market price "
         "storm flood mayor police border treaty summit talks energy grid wind solar").split()


def article_html(i: int, seed: int = 0) -> str:
    """A plausible news page with a unique body (several paragraphs of prose)."""
    rnd = random.Random(i * 7919 + seed)
    paras = []
    for _ in range(5):
        sent = []
        for _ in range(4):
            words = [rnd.choice(WORDS) for _ in range(rnd.randint(9, 16))]
            sent.append(" ".join(words).capitalize() + ".")
        paras.append(" ".join(sent))
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>Story {i}</title>"
            f"<meta property='og:site_name' content='Test Herald'></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
            f"<h1>Story number {i}</h1>{body}</article><footer>Contact us</footer></body></html>")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def bad_inputs(tmp_path) -> dict[str, str]:
    good = tmp_path / "good.html"
    good.write_text(article_html(1), encoding="utf-8")
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "picture.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    truncated = tmp_path / "cut.html.gz"
    truncated.write_bytes(gzip.compress(article_html(2).encode())[:120])
    huge = tmp_path / "huge.html"
    huge.write_text(article_html(3) + "<!--" + "x" * 200_000 + "-->", encoding="utf-8")
    cp1252 = tmp_path / "cp1252.html"
    cp1252.write_bytes(("<html><head><meta charset='utf-8'></head><body><article>"
                        + article_html(4).split("<article>")[1]).replace(
        "Story number 4", "Caf\u00e9 \u201cStory\u201d 4").encode("cp1252"))
    bom = tmp_path / "bom.html"
    bom.write_bytes(b"\xef\xbb\xbf" + article_html(5).encode("utf-8"))
    malformed = tmp_path / "broken.html"
    malformed.write_text(article_html(6).replace("</p>", "").replace("</article>", "<div><b>"),
                         encoding="utf-8")
    bad_feed = tmp_path / "feed.xml"
    bad_feed.write_text("<?xml version='1.0'?><rss><channel><item><title>x</ti", encoding="utf-8")
    no_article = tmp_path / "menu.html"
    no_article.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                          encoding="utf-8")
    url = f"http://127.0.0.1:{free_port()}/story"
    return {"good": str(good), "empty": str(empty), "binary": str(binary),
            "truncated": str(truncated), "huge": str(huge), "cp1252": str(cp1252),
            "bom": str(bom), "malformed": str(malformed), "bad_feed": str(bad_feed),
            "no_article": str(no_article), "unreachable": url}


FAILING = ["empty", "binary", "truncated", "huge", "bad_feed", "no_article", "unreachable"]
SURVIVING = ["good", "cp1252", "bom", "malformed"]


def test_bad_inputs_each_cost_one_line_and_the_batch_goes_on(bad_inputs, tmp_path):
    db = tmp_path / "a.db"
    order = ["empty", "good", "binary", "truncated", "cp1252", "huge", "bom", "bad_feed",
             "malformed", "no_article", "unreachable"]
    result = CliRunner().invoke(main, ["ingest", *[bad_inputs[k] for k in order], "--db",
                                       str(db), "--no-enrich", "--max-bytes", "100000",
                                       "--quiet"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    err_lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    for key in FAILING:
        name = Path(bad_inputs[key]).name if key != "unreachable" else bad_inputs[key]
        mine = [ln for ln in err_lines if name in ln]
        assert len(mine) == 1, (key, err_lines)
    for key in SURVIVING:
        assert not [ln for ln in err_lines if Path(bad_inputs[key]).name in ln], key
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(SURVIVING)


def test_mixed_encoding_is_decoded(bad_inputs):
    result = CliRunner().invoke(main, ["extract", bad_inputs["cp1252"], "--no-enrich"])
    assert result.exit_code == 0, result.output
    assert "\ufffd" not in result.stdout
    data = json.loads(result.stdout)
    assert data["text"]


def _write_warc(path: Path, n: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            payload = article_html(i, seed=11).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://herald.example/story/{i}", "response",
                                               payload=__import__("io").BytesIO(payload),
                                               http_headers=headers)
            writer.write_record(record)


def _count(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        distinct = con.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0]
    return n, distinct


def test_kill_and_resume_loses_nothing_and_duplicates_nothing(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    n_pages = 150
    _write_warc(warc, n_pages)
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "storyline.cli", "ingest", str(warc), "--db", str(db),
           "--no-enrich", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    if con.execute("SELECT count(*) FROM articles").fetchone()[0] >= 10:
                        break
            except sqlite3.OperationalError:
                pass
        if proc.poll() is not None:
            break
    killed_midway = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert killed_midway, "ingest finished before it could be killed; raise n_pages"
    partial, _ = _count(db)
    assert 0 < partial < n_pages
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=300)
    resumed, distinct = _count(db)
    clean_db = tmp_path / "clean.db"
    subprocess.run([*cmd[:5], "--db", str(clean_db), "--no-enrich", "--quiet"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    clean, _ = _count(clean_db)
    assert resumed == distinct == clean == n_pages

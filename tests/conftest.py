"""Shared test fixtures: paths to the optional benchmark data and the seed page."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: The shared data beside the repository (``../shared``), or ``$STORYLINE_SHARED``.
SHARED = Path(os.environ.get("STORYLINE_SHARED")
              or Path(__file__).resolve().parents[2] / "shared")
DATA = SHARED / "data"
SEED = SHARED / "seed" / "putin-biden-call.txt"
EXAMPLES = REPO / "examples"


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed page not available at {SEED} (it lives outside the repository)")
    return SEED


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline (a hard dependency: a missing model fails, it does not skip)."""
    from storyline.enrich.nlp import load_nlp

    return load_nlp()


# ---------------------------------------------------------------- Spark (test_spark, test_load)
SPARK_CITIES = [("Rotterdam", "Ilse Bakker", "port"), ("Geneva", "Marc Dubois", "bank"),
                ("Leeds", "Sarah Collins", "rail"), ("Porto", "Joao Silva", "ferry"),
                ("Lyon", "Claire Martin", "tram"), ("Bergen", "Lars Berg", "harbour")]


def spark_page(i: int, published: str | None) -> str:
    """A news page with people, a quote, a place, times and an event; unique per i."""
    city, person, topic = SPARK_CITIES[i % len(SPARK_CITIES)]
    meta = f"<meta property='article:published_time' content='{published}'>" if published else ""
    paras = [f"{city.upper()} - The {topic} workers of {city} will hold talks with the city "
             f"council next Tuesday about pay, union leader {person} said on Monday in report "
             f"{i}.",
             f'"We have waited {i + 2} months for an answer and our members are tired of '
             f'promises," {person} told reporters outside the town hall.',
             f"The council said a vote on the {topic} budget would follow in December, and that "
             f"the mayor of {city} would attend the meeting in person."]
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>{city} {topic} talks, report {i}</title>{meta}"
            f"<meta property='og:site_name' content='Test Herald'></head><body><article>"
            f"<h1>{city} {topic} talks, report {i}</h1>{body}</article></body></html>")


def write_news_warc(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    """A WARC.gz of (url, content type, payload) responses, each after its request record."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for url, ctype, payload in pages:
            req = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "herald.example")],
                                   is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
            status = "404 Not Found" if "missing" in url else "200 OK"
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers))


@pytest.fixture(scope="session")
def news_warcs(tmp_path_factory) -> dict[str, Path]:
    """``good``: 8 pages over two dates and undated, plus a 404, an image and an empty page
    (an extraction error); ``truncated``: a WARC cut in its third record."""
    folder = tmp_path_factory.mktemp("warcs")
    dates = ["2026-11-02T09:00:00Z", "2026-11-03T10:30:00+01:00", None]
    pages = [(f"https://herald.example/news/{i}", "text/html; charset=utf-8",
              spark_page(i, dates[i % 3]).encode()) for i in range(8)]
    pages.insert(3, ("https://herald.example/missing", "text/html", b"<html>gone</html>"))
    pages.insert(5, ("https://herald.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"))
    pages.insert(7, ("https://herald.example/empty", "text/html",
                     b"<html><head><title>x</title></head><body></body></html>"))
    good = folder / "news.warc.gz"
    write_news_warc(good, pages)
    whole = folder / "whole.warc.gz"
    write_news_warc(whole, pages[:4])
    truncated = folder / "truncated.warc.gz"
    truncated.write_bytes(whole.read_bytes()[: whole.stat().st_size * 2 // 3])
    return {"good": good, "truncated": truncated}


@pytest.fixture(scope="session")
def spark_session():
    """One local[2] SparkSession for the whole run; skips when pyspark or Java is missing."""
    import shutil
    import sys

    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install '.[spark]')")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("Spark needs Java (17+): no java on PATH and no JAVA_HOME")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ["PYTHONPATH"] = str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")
    from storyline.spark.job import build_session

    session = build_session("local[2]", app_name="storyline-tests")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def spark_output(spark_session, news_warcs, tmp_path_factory) -> tuple[Path, dict]:
    """The job's output over both test WARCs (enriched, 2 records a task), and its counts,
    run through the module's spark-submit entry point (on the session above)."""
    import contextlib
    import io
    import json

    from storyline.spark.job import main as job_main

    out = tmp_path_factory.mktemp("spark") / "out"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = job_main([str(news_warcs["good"]), str(news_warcs["truncated"]), "--out", str(out),
                         "--split-records", "2"])
    assert code == 0
    return out, json.loads(printed.getvalue())

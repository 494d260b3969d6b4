"""storyline follow: feeds and sitemaps served from 127.0.0.1 by the tests themselves."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyline.errors import InputError
from storyline.follow.cli import expand_sources, make_follow_fetcher
from storyline.follow.documents import read_document
from storyline.follow.poller import Poller, parse_duration
from storyline.store import Archive

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOPICS = ["harbour", "tram", "bridge", "library", "stadium", "ferry", "market", "airport",
          "museum", "school"]
CITIES = ["Ghent", "Leeds", "Porto", "Lyon", "Bergen", "Turku", "Graz", "Cork", "Split", "Brno"]


def paragraphs(i: int) -> str:
    """Article paragraphs whose text differs from every other i's (no near-duplicates)."""
    topic, city = TOPICS[i % len(TOPICS)], CITIES[i % len(CITIES)]
    paras = [f"The council of {city} approved a new {topic} plan on Monday after a long debate "
             f"that ran late into the evening, officials said in story number {i}.",
             f"Supporters of the {topic} said it would bring {i + 3} hundred jobs to {city} "
             f"within two years, while critics warned about the cost to local taxpayers.",
             f"A final vote on the budget for the {topic} is expected in the spring, and the "
             f"mayor of {city} promised to publish every contract before construction starts.",
             f"Residents near the planned {topic} site in {city} will be invited to a public "
             f"meeting next month to discuss noise, traffic and the timetable of the works."]
    return "".join(f"<p>{p}</p>" for p in paras)


def page_html(i: int) -> str:
    topic, city = TOPICS[i % len(TOPICS)], CITIES[i % len(CITIES)]
    body = paragraphs(i)
    return (f"<!doctype html><html lang='en'><head><title>{city} approves {topic} plan {i}"
            f"</title></head><body><article><h1>{city} approves {topic} plan {i}</h1>{body}"
            f"</article></body></html>")


def rss(items: list[int], base: str) -> str:
    entries = "".join(
        f"<item><title>Story {i}</title><link>{base}/story/{i}</link><guid>{base}/story/{i}"
        f"</guid><pubDate>Mon, 0{1 + i % 9} Nov 2026 10:00:00 GMT</pubDate><description>"
        f"<![CDATA[{paragraphs(i)}]]></description></item>" for i in items)
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Test News</title>"
            f"<link>{base}/</link>{entries}</channel></rss>")


def sitemap(items: list[int], base: str, news: bool = False) -> str:
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    urls = "".join(
        f"<url><loc>{base}/story/{i}</loc>" + (
            f"<news:news><news:publication><news:name>Test</news:name></news:publication>"
            f"<news:publication_date>2026-11-0{1 + i % 9}</news:publication_date>"
            f"<news:title>Story {i}</news:title></news:news>" if news else "")
        + "</url>" for i in items)
    return (f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'"
            f"{ns}>{urls}</urlset>")


def sitemap_index(children: list[str]) -> str:
    locs = "".join(f"<sitemap><loc>{c}</loc></sitemap>" for c in children)
    return ("<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap"
            f"/0.9'>{locs}</sitemapindex>")


class Site:
    """A tiny web site: path -> (status, content type, body, etag); logs every request."""

    def __init__(self):
        self.routes: dict[str, tuple[int, str, str, str | None]] = {}
        self.requests: list[tuple[str, dict]] = []
        self.page_delay = 0.0
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                site.requests.append((self.path, dict(self.headers)))
                if self.path.startswith("/story/"):
                    time.sleep(site.page_delay)
                    i = int(self.path.rsplit("/", 1)[1])
                    route = (200, "text/html", page_html(i), None)
                else:
                    route = site.routes.get(self.path, (404, "text/plain", "not found", None))
                status, ctype, body, etag = route
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                if etag:
                    self.send_header("ETag", etag)
                self.end_headers()
                try:
                    self.wfile.write(data)
                except BrokenPipeError:  # the client was killed mid-answer
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def hits(self, prefix: str) -> list[tuple[str, dict]]:
        return [r for r in self.requests if r[0].startswith(prefix)]


@pytest.fixture
def site():
    s = Site()
    s.routes["/robots.txt"] = (200, "text/plain", "User-agent: *\nDisallow: /private\n", None)
    yield s
    s.server.shutdown()


@pytest.fixture
def fetcher():
    """The one place tests build a Fetcher: no delay, no retries, loopback allowed."""
    return make_follow_fetcher(delay=0.0, timeout=5.0, max_bytes=5_000_000, allow_private=True,
                               retries=0)


def run_poller(db, fetcher, sources, *, once=True, every=1800.0, log=None, stop=None,
               clock=time.time):
    lines = [] if log is None else log
    with Archive(db) as archive:
        poller = Poller(archive, fetcher, every_s=every, enrich=False, log=lines.append,
                        stop=stop, clock=clock)
        counts = poller.run(sources, once=once)
    return counts, lines


def archived(db) -> list[tuple[str, str]]:
    with Archive(db) as archive:
        return sorted((r["url"], r["id"]) for r in archive.conn.execute(
            "SELECT url, id FROM articles"))


def test_new_feed_items_are_ingested_once_and_an_unchanged_feed_costs_a_304(site, fetcher,
                                                                          tmp_path):
    site.routes["/rss"] = (200, "application/rss+xml", rss([1, 2, 3], site.base), '"v1"')
    db = tmp_path / "a.db"
    counts, _ = run_poller(db, fetcher, [site.base + "/rss"])
    assert counts["added"] == 3 and counts["failed"] == 0
    counts, _ = run_poller(db, fetcher, [site.base + "/rss"])  # a restart: new Poller
    assert counts["added"] == 0
    assert site.hits("/rss")[-1][1].get("If-None-Match") == '"v1"'
    assert len(archived(db)) == 3
    assert not site.hits("/story/")  # the feed carries the text: no page fetched


def test_a_changed_feed_brings_in_only_its_new_items(site, fetcher, tmp_path):
    db = tmp_path / "a.db"
    site.routes["/rss"] = (200, "application/rss+xml", rss([1, 2], site.base), '"v1"')
    run_poller(db, fetcher, [site.base + "/rss"])
    site.routes["/rss"] = (200, "application/rss+xml", rss([3, 1, 2], site.base), '"v2"')
    counts, lines = run_poller(db, fetcher, [site.base + "/rss"])
    assert counts["added"] == 1
    assert [ln for ln in lines if ln.startswith("added")][0].endswith("/story/3")
    assert len(archived(db)) == 3


@pytest.mark.parametrize("news", [False, True])
def test_sitemap_pages_are_fetched_and_news_dates_kept(site, fetcher, tmp_path, news):
    site.routes["/sitemap.xml"] = (200, "application/xml", sitemap([4, 5], site.base, news), None)
    db = tmp_path / "a.db"
    counts, _ = run_poller(db, fetcher, [site.base + "/sitemap.xml"])
    assert counts["added"] == 2
    assert len(site.hits("/story/")) == 2
    with Archive(db) as archive:
        published = {r[0] for r in archive.conn.execute("SELECT published FROM articles")}
    assert (published == {"2026-11-05", "2026-11-06"}) if news else (published == {None})


def test_sitemap_index_is_followed_to_its_depth_bound(site, fetcher, tmp_path):
    b = site.base
    site.routes["/index.xml"] = (200, "application/xml",
                                 sitemap_index([b + "/s1.xml", b + "/deeper.xml"]), None)
    site.routes["/s1.xml"] = (200, "application/xml", sitemap([6], b), None)
    site.routes["/deeper.xml"] = (200, "application/xml", sitemap_index([b + "/deepest.xml"]), None)
    site.routes["/deepest.xml"] = (200, "application/xml", sitemap_index([b + "/s2.xml"]), None)
    site.routes["/s2.xml"] = (200, "application/xml", sitemap([7], b), None)
    counts, _ = run_poller(tmp_path / "a.db", fetcher, [b + "/index.xml"])
    assert counts["added"] == 1           # /s1.xml at depth 1; /s2.xml would be depth 3
    assert site.hits("/deepest.xml") and not site.hits("/s2.xml")


@pytest.mark.parametrize("route,reason", [
    ((500, "text/plain", "boom", None), "HTTP 500"),
    ((200, "text/html", "<html><body>not a feed</body></html>", None), "not a feed or sitemap"),
    (None, "robots.txt disallows"),
])
def test_a_dead_source_logs_one_line_and_backs_off_while_the_others_go_on(
        site, fetcher, tmp_path, route, reason):
    path = "/private/rss" if route is None else "/bad"
    if route is not None:
        site.routes[path] = route
    site.routes["/rss"] = (200, "application/rss+xml", rss([8], site.base), None)
    db = tmp_path / "a.db"
    now = [1_000_000.0]
    counts, lines = run_poller(db, fetcher, [site.base + path, site.base + "/rss"],
                               every=60.0, clock=lambda: now[0])
    assert counts["added"] == 1 and counts["sources_failed"] == 1
    bad = [ln for ln in lines if path in ln]
    assert len(bad) == 1 and reason in bad[0] and "next try in 2m" in bad[0]
    if route is None:
        assert not site.hits("/private")  # robots.txt obeyed: never requested
    with Archive(db) as archive:
        row = archive.conn.execute("SELECT failures, next_poll FROM follow_sources WHERE url=?",
                                   (site.base + path,)).fetchone()
    assert tuple(row) == (1, 1_000_000.0 + 120.0)
    # a second --once run inside the backoff skips the dead source, the good one is polled
    requests_before = len(site.hits(path))
    counts, lines = run_poller(db, fetcher, [site.base + path, site.base + "/rss"],
                               every=60.0, clock=lambda: now[0] + 10)
    assert len(site.hits(path)) == requests_before
    assert any("backing off" in ln for ln in lines)
    # after the wait it is tried again; a second failure doubles the wait
    counts, lines = run_poller(db, fetcher, [site.base + path], every=60.0,
                               clock=lambda: now[0] + 200)
    assert any("next try in 4m" in ln for ln in lines if path in ln)


def test_an_unreachable_host_is_one_line_not_a_crash(fetcher, tmp_path):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    counts, lines = run_poller(tmp_path / "a.db", fetcher, [f"http://127.0.0.1:{port}/rss"])
    assert counts["sources_failed"] == 1 and len(lines) == 1 and "unreachable" in lines[0]


def test_stop_is_obeyed_between_articles_and_the_next_start_finishes_the_feed(site, fetcher,
                                                                             tmp_path):
    site.routes["/rss"] = (200, "application/rss+xml", rss([1, 2, 3, 4], site.base), '"v1"')
    db = tmp_path / "a.db"
    stop = threading.Event()
    lines: list[str] = []

    def log(line):
        lines.append(line)
        if line.startswith("added"):
            stop.set()  # as a SIGTERM handler would, while the first article is stored

    with Archive(db) as archive:
        counts = Poller(archive, fetcher, every_s=60, enrich=False, log=log, stop=stop).run(
            [site.base + "/rss"])
        etag = archive.conn.execute("SELECT etag FROM follow_sources").fetchall()
    assert counts["added"] == 1 and etag == []  # validators kept back: the feed is re-read
    counts, _ = run_poller(db, fetcher, [site.base + "/rss"])
    assert counts["added"] == 3 and len(archived(db)) == 4


@pytest.mark.parametrize("text,seconds", [("30m", 1800), ("90s", 90), ("2h", 7200),
                                          ("1h30m", 5400), ("1d", 86400), ("45", 45)])
def test_durations_are_read(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "30x", "m30", "1h 30m", "-5m"])
def test_bad_durations_are_refused(text):
    with pytest.raises(ValueError):
        parse_duration(text)


@pytest.mark.parametrize("body,reason", [
    (b"not xml at all", "malformed XML"),
    (b"<html><body/></html>", "root is <html>"),
    (b"\x1f\x8b\x08\x00broken", "corrupt gzip"),
])
def test_documents_that_are_not_feeds_or_sitemaps_are_refused(body, reason):
    with pytest.raises(InputError, match=reason):
        read_document(body, "http://x.test/doc")


def test_a_gzipped_sitemap_is_read(tmp_path):
    import gzip

    listing = read_document(gzip.compress(sitemap([1], "http://x.test").encode()),
                            "http://x.test/s.xml.gz")
    assert listing.kind == "sitemap" and listing.entries[0].url == "http://x.test/story/1"


def test_xml_entities_are_not_expanded():
    body = (b"<?xml version='1.0'?><!DOCTYPE u [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
            b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>&x;</loc>"
            b"</url></urlset>")
    listing = read_document(body, "http://x.test/s.xml")
    assert all("root:" not in (e.url or "") for e in listing.entries)


def test_a_source_list_file_is_read_and_bad_lines_refused(tmp_path):
    import click

    good = tmp_path / "feeds.txt"
    good.write_text("# my feeds\nhttp://a.test/rss\n\nhttps://b.test/sitemap.xml\n")
    assert expand_sources((str(good), "http://a.test/rss")) == [
        "http://a.test/rss", "https://b.test/sitemap.xml"]
    bad = tmp_path / "bad.txt"
    bad.write_text("ftp://a.test/rss\n")
    for source in (str(bad), str(tmp_path / "missing.txt")):
        with pytest.raises(click.BadParameter):
            expand_sources((source,))


# ------------------------------------------------------------------ the command, killed
def follow_cmd(db, *sources, extra=()):
    return [sys.executable, "-m", "storyline.cli", "follow", *sources, "--once", "--db", str(db),
            "--no-enrich", "--delay", "0", "--allow-private", *extra]


def cli_env():
    return {**os.environ, "PYTHONPATH": REPO + os.pathsep + os.environ.get("PYTHONPATH", "")}


def wait_for(cond, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.02)
    return False


def archive_state(db):
    with Archive(db) as archive:
        assert archive.integrity_ok()
        c = archive.conn
        return {
            "articles": sorted(tuple(r) for r in c.execute("SELECT id, url, story_id FROM articles")),
            "urls": c.execute("SELECT COUNT(*), COUNT(DISTINCT article_pk) FROM article_urls")
                     .fetchone()[:],
            "seen": sorted(tuple(r) for r in c.execute("SELECT key, status FROM follow_seen")),
        }


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killed_follow_resumes_to_the_same_archive_as_a_clean_run(site, tmp_path, sig):
    items = list(range(10, 18))
    site.routes["/sitemap.xml"] = (200, "application/xml", sitemap(items, site.base), '"s1"')
    src = site.base + "/sitemap.xml"
    clean = tmp_path / "clean.db"
    subprocess.run(follow_cmd(clean, src), env=cli_env(), check=True, capture_output=True)
    site.requests.clear()

    site.page_delay = 0.15
    killed = tmp_path / "killed.db"
    proc = subprocess.Popen(follow_cmd(killed, src), env=cli_env(), stderr=subprocess.PIPE,
                            text=True)
    assert wait_for(lambda: len(site.hits("/story/")) >= 4), "follow never fetched the pages"
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    if sig == signal.SIGTERM:
        assert proc.returncode == 0 and "stopped" in stderr
    else:
        assert proc.returncode == -signal.SIGKILL
    part = archive_state(killed)
    assert 0 < len(part["articles"]) < len(items)
    site.page_delay = 0.0
    site.requests.clear()
    done = subprocess.run(follow_cmd(killed, src), env=cli_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert archive_state(killed) == archive_state(clean)
    refetched = sorted(site.base + p for p, _ in site.hits("/story/"))
    stored_before = sorted(url for _, url, _ in part["articles"])
    assert refetched == sorted(f"{site.base}/story/{i}" for i in items
                               if f"{site.base}/story/{i}" not in stored_before)


def test_the_loop_polls_again_after_every_and_picks_up_new_items(site, fetcher, tmp_path):
    site.routes["/rss"] = (200, "application/rss+xml", rss([1], site.base), '"v1"')
    db = tmp_path / "a.db"
    stop = threading.Event()
    lines: list[str] = []
    runner = threading.Thread(target=run_poller, args=(db, fetcher, [site.base + "/rss"]),
                              kwargs={"once": False, "every": 1.0, "log": lines, "stop": stop})
    runner.start()
    try:
        assert wait_for(lambda: any(ln.startswith("added") for ln in lines), 30)
        site.routes["/rss"] = (200, "application/rss+xml", rss([2, 1], site.base), '"v2"')
        assert wait_for(lambda: sum(ln.startswith("added") for ln in lines) == 2, 30)
        polls = len(site.hits("/rss"))
        assert wait_for(lambda: len(site.hits("/rss")) > polls, 10)  # still polling, 304s
    finally:
        stop.set()
        runner.join(30)
    assert not runner.is_alive()
    assert len(archived(db)) == 2

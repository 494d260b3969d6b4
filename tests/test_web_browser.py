"""The web view in a real browser (Debian's Chromium driven by Playwright): a reader's
path, the hostile page, console errors. Skipped with the reason when Chromium or
Playwright is missing (`apt-get install chromium`; `pip install -e '.[test]'`); nothing
here downloads a browser.

Set STORYLINE_SCREENSHOTS=DIR to also save a screenshot of each page (docs/web/).
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api",
                               reason="Playwright for Python is not installed (test extra)")
pytest.importorskip("uvicorn", reason="uvicorn is not installed")

CHROMIUM = os.environ.get("STORYLINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"Chromium not found at {CHROMIUM}: `apt-get install chromium` to run the "
                f"browser tests", allow_module_level=True)

from webarchive import build_archive  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = os.environ.get("STORYLINE_SCREENSHOTS")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from storyline.web.app import create_app

    path = tmp_path_factory.mktemp("browser") / "web.db"
    ids = build_archive(path)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}", ids
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        except Exception as exc:  # noqa: BLE001 - a browser that cannot start is a skip
            pytest.skip(f"Chromium at {CHROMIUM} does not start: {exc}")
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(f"console {m.type}: {m.text}")
          if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    # the server never makes the browser fetch anything but itself
    pg.on("request", lambda r: None if r.url.startswith("http://127.0.0.1")
          else pg.problems.append(f"request elsewhere: {r.url}"))
    yield pg
    context.close()


def _shot(pg, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=False)


def test_readers_path_search_article_quote_speaker_story_timeline_calendar(server, page):
    base, ids = server
    page.goto(f"{base}/")
    _shot(page, "home")
    page.fill("header input[name=q]", "talks")
    page.click("header button[type=submit]")
    page.wait_for_url("**/search?q=talks*")
    assert page.locator(".hit").count() == 2
    assert page.locator(".snippet mark").first.inner_text().lower() == "talks"
    _shot(page, "search")
    page.locator(".hit h3 a", has_text="Rotterdam port talks").first.click()
    page.wait_for_url("**/articles/*")
    _shot(page, "article")
    # click a quote: the panel says who said it, linked to the speaker's page
    page.locator("#article-text .fact.k-quote").first.click()
    detail = page.locator(".fact-detail:visible")
    assert "Ilse Bakker" in detail.inner_text()
    _shot(page, "article-fact")
    detail.locator("a.entity", has_text="Ilse Bakker").first.click()
    page.wait_for_url("**/entities/*")
    assert "Ilse Bakker" in page.locator("h1").inner_text()
    assert "spokesperson" in page.content()
    _shot(page, "entity")
    page.locator("a.story-link").first.click()
    page.wait_for_url(f"**/stories/{ids['port_story']}")
    timeline = page.locator("#timeline")
    assert timeline.is_visible() and "Timeline" in timeline.inner_text()
    if page.locator("ol.timeline li").count():          # stories with timelines (issue 6)
        assert page.locator("ol.timeline .sources a").count() > 0
    _shot(page, "story")
    page.goto(f"{base}/events?upcoming=true&as_of=2026-11-19")
    _shot(page, "events")
    with page.expect_download() as info:
        page.click("a.calendar")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "SUMMARY:talks" in text
    page.goto(f"{base}/quotes")
    _shot(page, "quotes")
    page.goto(f"{base}/digest?since=1h")
    _shot(page, "digest")
    assert page.problems == []


def test_hostile_page_renders_inert_in_the_browser(server, page):
    base, ids = server
    page.goto(f"{base}/articles/{ids['hostile']}")
    for span in page.locator("#article-text .fact").all():
        span.click()
    page.wait_for_timeout(200)
    assert page.locator("img").count() == 0
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0
    assert "<script>" in page.locator("h1").inner_text()        # shown as text
    for link in page.locator("a").all():
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith("javascript:"), href
    _shot(page, "hostile")
    assert page.problems == []


@pytest.mark.parametrize("path", ["/", "/search?q=port", "/stories", "/quotes", "/events",
                                  "/digest", "/entities/Pieter%20Claes"])
def test_no_page_logs_a_console_error(server, page, path):
    base, _ids = server
    page.goto(base + path)
    page.wait_for_load_state("load")
    assert page.problems == []

"""Local inputs that used to hang, vanish silently or be refused: symlink loops under a
``**`` glob or a directory, unreadable subfolders, a few stray NUL bytes in a page."""
from __future__ import annotations

import os
import threading

import pytest

from storyline.errors import InputError
from storyline.ingest import iter_pages
from storyline.ingest.detect import binary_kind
from storyline.ingest.files import expand_source
from storyline.model import RawPage

PAGE = ("<html><head><title>Ferry</title></head><body><article><p>The council voted on the "
        "ferry timetable on Tuesday evening after a long debate about winter crossings.</p>"
        "</article></body></html>")


def _finishes(func, seconds=10.0):
    """func()'s result, or a failure when it runs longer than ``seconds`` (a loop)."""
    box = {}
    thread = threading.Thread(target=lambda: box.setdefault("out", func()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: a symlink loop?"
    return box["out"]


@pytest.fixture
def looped_crawl(tmp_path):
    """crawl/a.html, crawl/sub/b.html, two links from sub back to crawl, one to a sibling."""
    crawl = tmp_path / "crawl"
    (crawl / "sub").mkdir(parents=True)
    (crawl / "a.html").write_text(PAGE)
    (crawl / "sub" / "b.html").write_text(PAGE)
    (crawl / "sub" / "up1").symlink_to("..")
    (crawl / "sub" / "up2").symlink_to("..", target_is_directory=True)
    other = tmp_path / "other"
    other.mkdir()
    (other / "c.html").write_text(PAGE)
    (crawl / "linked").symlink_to(other)
    return crawl


@pytest.mark.parametrize("as_glob", [True, False])
def test_symlinks_to_a_parent_folder_are_followed_once(looped_crawl, as_glob):
    source = f"{looped_crawl}/**/*.html" if as_glob else str(looped_crawl)
    got = _finishes(lambda: list(expand_source(source)))
    assert all(isinstance(g, str) for g in got)
    names = sorted(os.path.relpath(g, looped_crawl) for g in got)
    assert names == ["a.html", "linked/c.html", "sub/b.html"]  # each real folder once


@pytest.mark.parametrize("pattern, expected", [
    ("**/*.html", ["a.html", "linked/c.html", "sub/b.html"]),
    ("sub/*.html", ["sub/b.html"]),
    ("**/b.*", ["sub/b.html"]),
    ("s?b/**", ["sub/b.html"]),
    ("**/[ab].html", ["a.html", "sub/b.html"]),
    ("**/*.txt", []),
])
def test_glob_patterns_relative_to_the_working_folder(looped_crawl, monkeypatch, pattern,
                                                      expected):
    monkeypatch.chdir(looped_crawl)
    got = _finishes(lambda: list(expand_source(pattern)))
    files = sorted(g for g in got if isinstance(g, str))
    assert files == expected
    if not expected:
        assert [g.message for g in got] == ["no file matches this pattern"]


def test_hidden_files_and_folders_are_not_matched_by_wildcards(tmp_path):
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.html").write_text(PAGE)
    (tmp_path / ".draft.html").write_text(PAGE)
    (tmp_path / "kept.html").write_text(PAGE)
    got = list(expand_source(f"{tmp_path}/**/*.html"))
    assert [os.path.basename(g) for g in got] == ["kept.html"]


@pytest.fixture
def unreadable_sub(tmp_path, monkeypatch):
    """crawl/a.html and crawl/locked/b.html, with crawl/locked unreadable (EACCES)."""
    crawl = tmp_path / "crawl"
    (crawl / "locked").mkdir(parents=True)
    (crawl / "a.html").write_text(PAGE)
    (crawl / "locked" / "b.html").write_text(PAGE)
    locked = str(crawl / "locked")
    real_scandir = os.scandir

    def scandir(path="."):  # root reads everything: refuse the way a chmod 000 would
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return crawl


@pytest.mark.parametrize("as_glob", [False, True])
def test_an_unreadable_subfolder_is_reported_in_one_line(unreadable_sub, as_glob):
    source = f"{unreadable_sub}/**/*.html" if as_glob else str(unreadable_sub)
    got = list(iter_pages([source]))
    pages = [g for g in got if isinstance(g, RawPage)]
    errors = [g for g in got if isinstance(g, InputError)]
    assert [os.path.basename(p.origin) for p in pages] == ["a.html"]
    assert len(errors) == 1
    assert errors[0].source.endswith("locked") and "Permission denied" in errors[0].message
    assert "\n" not in errors[0].line()


# ---------------------------------------------------------------- NUL bytes
def _with_nuls(count: int, size: int = 4096) -> bytes:
    data = bytearray((PAGE * (size // len(PAGE) + 1)).encode()[:size])
    for k in range(count):
        data[(k + 1) * size // (count + 1)] = 0
    return bytes(data)


@pytest.mark.parametrize("count, binary", [(0, False), (1, False), (5, False), (20, False),
                                           (200, True), (1000, True)])
def test_nul_bytes_make_binary_only_by_proportion(count, binary):
    assert (binary_kind(_with_nuls(count)) is not None) is binary


def test_a_page_with_a_few_nul_bytes_is_read_and_extracted(tmp_path):
    from storyline.process import process_page

    path = tmp_path / "stray-nuls.html"
    path.write_bytes(_with_nuls(5))
    got = list(iter_pages([str(path)]))
    assert len(got) == 1 and isinstance(got[0], RawPage)
    article = process_page(got[0], enrich_text=False)
    assert "ferry timetable" in article.text and "\x00" not in article.text

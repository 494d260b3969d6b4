"""What the archive already holds costs a look-up, not a pipeline run: pages met before (by
URL or raw bytes) are skipped before extraction, exact duplicates at a new URL are extracted
but not enriched, and MinHash signatures are computed without datasketch yet equal to its."""
from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

import storyline.process as process
from storyline.cli import main
from storyline.gazetteer import name_key
from storyline.model import Article
from storyline.store import Archive, dedup

from test_batch import article_html


@pytest.mark.parametrize("text", [
    "one",
    "one two three four five",
    "one two three four five six",
    "Ministers met in Geneva on Tuesday. " * 40,
    "Zelenskyy sprach in Kyjiw über die Lage — «très bien», 東京 " * 5,
    " ".join(f"w{i}" for i in range(5000)),
])
def test_signature_equals_datasketch_minhash(text):
    from datasketch import MinHash

    from storyline.rules.store import MINHASH_SCHEME, MINHASH_SEED, NUM_PERM

    reference = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    reference.update_batch(list(dedup.shingles(text)))
    sig = dedup.signature(text)
    assert sig.dtype == np.uint32 and sig.shape == (NUM_PERM,)
    assert np.array_equal(sig, reference.hashvalues.astype(np.uint32))


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_text_without_words_has_no_signature(text):
    assert dedup.signature(text) is None


def test_opening_an_archive_does_not_import_datasketch_or_numpy():
    import subprocess
    import sys

    code = ("import sys, storyline.store, storyline.cli; "
            "print(sorted(m for m in ('datasketch', 'scipy', 'numpy', 'spacy', 'trafilatura') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("a,b,same", [
    ((b"<p>Hi</p>", "html", None), ("<p>Hi</p>", "html", None), True),
    ((b"<p>Hi</p>", "html", "https://www.a.example/x?utm_source=t"),
     (b"<p>Hi</p>", "html", "http://a.example/x"), True),
    ((b"<p>Hi</p>", "html", None), (b"<p>Hi!</p>", "html", None), False),
    ((b"<p>Hi</p>", "html", None), (b"<p>Hi</p>", "body", None), False),
    ((b"<p>Hi</p>", "html", "https://a.example/x"), (b"<p>Hi</p>", "html", "https://b.example/x"),
     False),
    ((b"<p>Hi</p>", "html", "https://a.example/x"), (b"<p>Hi</p>", "html", None), False),
])
def test_page_hash_keys_bytes_kind_and_url(a, b, same):
    assert (dedup.page_hash(*a) == dedup.page_hash(*b)) is same


@pytest.mark.parametrize("name,key", [
    ("St. Louis", "st louis"), ("  New   York ", "new york"), ("Zürich", "zurich"),
    ("SÃO PAULO", "sao paulo"), ("Ghent", "ghent"),
])
def test_name_key_is_the_same_on_the_ascii_fast_path(name, key):
    assert name_key(name) == key


class _Counter:
    """Counts calls of a function of storyline.process (ingest with --workers 1 runs here)."""

    def __init__(self, monkeypatch, name):
        self.calls = 0
        real = getattr(process, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(process, name, counted)


def _ingest(db, *args):
    result = CliRunner().invoke(main, ["ingest", *map(str, args), "--db", str(db), "--quiet",
                                       "--workers", "1"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(4):
        (folder / f"story-{i}.html").write_text(article_html(i, seed=21), encoding="utf-8")
    return folder


def test_rerun_of_stored_files_skips_them_before_extraction(pages, tmp_path, monkeypatch):
    db = tmp_path / "a.db"
    _ingest(db, pages, "--no-enrich")
    extracted = _Counter(monkeypatch, "extract")
    out = _ingest(db, pages, "--no-enrich")
    assert extracted.calls == 0
    assert "│     0 │          4 │" in out  # 0 added, 4 duplicates
    with Archive(db) as archive:
        assert len(archive) == 4
        assert archive.conn.execute("SELECT count(*) FROM raw_pages").fetchone()[0] == 4


def test_an_edited_file_is_extracted_again_and_stored(pages, tmp_path, monkeypatch):
    db = tmp_path / "a.db"
    _ingest(db, pages, "--no-enrich")
    (pages / "story-2.html").write_text(article_html(99, seed=21), encoding="utf-8")
    extracted = _Counter(monkeypatch, "extract")
    _ingest(db, pages, "--no-enrich")
    assert extracted.calls == 1
    with Archive(db) as archive:
        assert len(archive) == 5


def test_the_same_text_at_a_new_url_is_not_enriched_but_its_outlet_is_recorded(tmp_path,
                                                                               monkeypatch):
    body = ("The council voted on Tuesday to extend the tram line to the harbour, the mayor "
            "said. Work starts in spring and the line opens in two years.")
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        archive.add(Article(text=body, url="https://herald.example/tram", outlet="herald.example"))
    feed = tmp_path / "copies.jsonl"
    feed.write_text("\n".join(json.dumps({"url": url, "body": body}) for url in (
        "https://courier.example/tram", "https://herald.example/tram")) + "\n", encoding="utf-8")
    enriched = _Counter(monkeypatch, "analyse")
    extracted = _Counter(monkeypatch, "extract")
    out = _ingest(db, feed)
    assert enriched.calls == 0
    assert extracted.calls == 1  # the page at the known URL is not even extracted
    assert "│     0 │          2 │" in out
    with Archive(db) as archive:
        seen = archive.get("https://herald.example/tram")["also_seen"]
        assert [s["url"] for s in seen] == ["courier.example/tram"]
        assert len(archive) == 1


def test_a_new_article_is_enriched(tmp_path, monkeypatch):
    feed = tmp_path / "one.jsonl"
    feed.write_text(json.dumps({"url": "https://herald.example/new", "body": "The mayor of "
                               "Ghent said on Monday that the bridge would reopen."}) + "\n",
                    encoding="utf-8")
    enriched = _Counter(monkeypatch, "analyse")
    _ingest(tmp_path / "a.db", feed)
    assert enriched.calls == 1


@pytest.mark.parametrize("status", ["added", "duplicate"])
def test_the_raw_hash_is_stored_with_the_article_it_became_or_duplicated(tmp_path, status):
    text = "Ferry crews will strike on Friday, their union said, after talks failed."
    with Archive(tmp_path / "a.db") as archive:
        if status == "duplicate":
            archive.add(Article(text=text, url="https://a.example/1"))
        assert not archive.has_raw("h1")
        result = archive.add(Article(text=text, url="https://b.example/2"), raw_hash="h1")
        assert result.status == status
        assert archive.has_raw("h1")
        assert not archive.has_raw("h2") and not archive.has_raw(None)


def test_no_raw_hash_is_stored_when_the_article_is_refused(tmp_path):
    from storyline.errors import ArchiveError

    with Archive(tmp_path / "a.db") as archive:
        with pytest.raises(ArchiveError):
            archive.add(Article(text="   "), raw_hash="h1")
        assert not archive.has_raw("h1")

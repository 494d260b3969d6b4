"""WARC ingest into the archive: speed, flat memory, and crash safety.

What it does (all files in a temporary folder, never in the repository):

1. Builds a WARC.gz of ``--pages`` HTML responses (default 5,000) from the 181
   pages of ``article-extraction-benchmark/html``. Copy 0 of each page is the
   original; copy k > 0 is served from a mirror host (``mirrorK.<host>``: every
   absolute link to the original host, canonical and JSON-LD included, is
   rewritten, as on a syndicating site) and cycles through four variants so the
   archive meets every case it must handle:

   - ``exact``   same text                        -> "duplicate" (same normalised text)
   - ``light``   ~2% of the words replaced        -> "copy" (near-duplicate)
   - ``wire``    dateline + credit line added      -> "copy"
   - ``rewrite`` ~60% of the words replaced       -> "added" (a new story)

2. Ingests it into a fresh archive in a child process pinned to one core:
   pages from ``storyline.ingest.iter_pages`` (else ``storyline.ingest.warc.iter_warc``,
   else warcio), articles from ``storyline.extract.core.extract`` (else a plain
   trafilatura extraction, said in the table), stored with ``Archive.add``; no
   enrichment. It reports pages/s, the archive's own time per article, and the
   child's RSS and peak RSS (``ru_maxrss``) after 1,000 pages and at the end: flat
   memory means the whole chain streams.

3. Kill test on the first ``--kill-pages`` pages (default 1,000), run first:
   a clean reference ingest of those pages, then a fresh archive with the same
   ingest SIGKILLed halfway, ``PRAGMA integrity_check``, the
   ingest run again to the end (resume: URLs already in are skipped before
   extraction; ``add`` returns "duplicate" for the rest), then the set of
   (article id, story id) pairs is compared with the clean reference: no loss,
   no duplicate, same story links. (The reference runs right before, so that
   code edited by others between runs cannot make the two differ.)

Usage: ``.venv/bin/python benchmarks/bench_archive_ingest.py [--pages 5000] [--no-write]``
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("STORYLINE_DATA", REPO.parent / "shared" / "data"))
BENCH = DATA / "article-extraction-benchmark"
SECTION = "archive-ingest"

VARIANTS = ("exact", "light", "wire", "rewrite")
#: Share of words replaced in the ``light`` and ``rewrite`` variants.
LIGHT_RATE = 0.02
REWRITE_RATE = 0.60
#: Text nodes shorter than this (characters) are left alone (menus, buttons).
MIN_NODE_CHARS = 40
FILLER = ("harbour orchard ledger copper lantern meadow quarry signal timber velvet "
          "summit granite harvest beacon thistle cobalt").split()


# --- building the WARC ---------------------------------------------------------------

def _mutate(html: str, rate: float, rng: random.Random) -> str:
    def repl_word(m: re.Match) -> str:
        return rng.choice(FILLER) if rng.random() < rate else m.group(0)

    def repl_node(m: re.Match) -> str:
        return ">" + re.sub(r"[A-Za-z]{3,}", repl_word, m.group(1)) + "<"
    return re.sub(r">([^<>]{%d,})<" % MIN_NODE_CHARS, repl_node, html)


def _wire(html: str, k: int) -> str:
    """A dateline at the start of the first long paragraph, a credit at the end of the
    last one: what a syndicating site typically adds to a wire story."""
    para = re.compile(r"(<p[^>]*>)([^<>]{%d,})(</p>)" % MIN_NODE_CHARS)
    hits = list(para.finditer(html))
    if not hits:
        return html
    last = hits[-1]
    html = (html[:last.start(2)] + last.group(2)
            + " Additional reporting by the night desk in Sydney; editing by the weekend team."
            + html[last.end(2):])
    first = hits[0]
    return (html[:first.start(2)] + f"SYDNEY, Newswire {k} - " + html[first.start(2):])


def _mirror(html: str, url: str, k: int) -> tuple[str, str]:
    host = urlsplit(url).netloc
    bare = host[4:] if host.startswith("www.") else host
    new = f"mirror{k}.{bare}"
    for h in {host, bare}:
        html = html.replace("//" + h, "//" + new)
    return html, url.replace("//" + host, "//" + new, 1)


def build_warc(out: Path, pages: int, seed: int = 7) -> dict:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    files = sorted((BENCH / "html").glob("*.html.gz"))
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    sources = []
    for f in files:
        key = f.name.split(".")[0]
        html = gzip.decompress(f.read_bytes()).decode("utf-8", "surrogateescape")
        url = (truth.get(key) or {}).get("url") or f"https://bench.example/{key}"
        sources.append((html, url))
    made = dict.fromkeys(("original",) + VARIANTS, 0)
    with open(out, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(pages):
            html, url = sources[i % len(sources)]
            k = i // len(sources)
            rng = random.Random(seed * 1_000_003 + i)
            kind = "original" if k == 0 else VARIANTS[(k - 1) % len(VARIANTS)]
            if k:
                html, url = _mirror(html, url, k)
            if kind == "light":
                html = _mutate(html, LIGHT_RATE, rng)
            elif kind == "wire":
                html = _wire(html, k)
            elif kind == "rewrite":
                html = _mutate(html, REWRITE_RATE, rng)
            made[kind] += 1
            body = html.encode("utf-8", "surrogateescape")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response",
                                                          payload=io.BytesIO(body),
                                                          http_headers=headers))
    return made


# --- the child: one ingest run ---------------------------------------------------------

def _pages(warc: Path):
    """RawPages (or InputErrors) from the WARC, by the best reader available."""
    try:
        from storyline.ingest import iter_pages  # the ingest helper's public entry point
    except ImportError:
        iter_pages = None
    if iter_pages is not None:
        yield from iter_pages(str(warc))
        return
    try:
        from storyline.ingest.warc import iter_warc
    except ImportError:
        iter_warc = None
    with open(warc, "rb") as fh:
        if iter_warc is not None:
            yield from iter_warc(fh, str(warc))
            return
        from warcio.archiveiterator import ArchiveIterator

        from storyline.model import RawPage
        for rec in ArchiveIterator(fh):
            if rec.rec_type == "response":
                yield RawPage(content=rec.content_stream().read(), origin=str(warc),
                              url=rec.rec_headers.get_header("WARC-Target-URI"), kind="html")


def _reader_name() -> str:
    """Which WARC reader the ingest uses (the project's, unless it is missing)."""
    import importlib.util
    if importlib.util.find_spec("storyline.ingest") is not None:
        return "storyline.ingest.iter_pages"
    return "warcio.ArchiveIterator"


def _extractor():
    """(name, fn(RawPage) -> Article): the lead's pipeline, else plain trafilatura."""
    from storyline.model import Article, RawPage
    try:
        from storyline.extract.core import extract
        try:
            extract(RawPage(content="<html><body><article><p>" + "Probe sentence here. " * 30
                            + "</p></article></body></html>", origin="probe",
                            url="https://probe.example/a"))
        except ImportError:
            raise
        except Exception:  # noqa: BLE001 - the probe only checks the chain is importable
            pass
        return "storyline.extract.core.extract", extract
    except ImportError:
        pass

    import trafilatura

    def fallback(raw):
        html = raw.content if isinstance(raw.content, str) else raw.content.decode("utf-8",
                                                                                     "replace")
        doc = trafilatura.bare_extraction(html, url=raw.url, with_metadata=True)
        if doc is None or not getattr(doc, "text", None):
            raise ValueError("no text")
        a = Article(text=doc.text, url=raw.url, source=raw.origin)
        a.set("title", doc.title, "trafilatura")
        a.set("published", doc.date, "trafilatura")
        a.set("outlet", doc.sitename, "trafilatura")
        return a
    return "trafilatura.bare_extraction (fallback: storyline.extract.core missing)", fallback


def _rss_kb() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def child(warc: Path, db: Path, checkpoints: list[int], limit: int | None) -> None:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    from storyline.store import Archive

    name, extract = _extractor()
    archive = Archive(db)
    counts = {"added": 0, "copy": 0, "duplicate": 0, "skipped_url": 0, "errors": 0}
    t0 = time.perf_counter()
    t_store = 0.0
    n = 0

    def emit(kind: str) -> None:
        print(json.dumps({"event": kind, "pages": n, "seconds": time.perf_counter() - t0,
                          "store_seconds": t_store, "rss_kb": _rss_kb(),
                          "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                          "extractor": name, "reader": _reader_name(), **counts}), flush=True)
    for page in _pages(warc):
        n += 1
        if isinstance(page, Exception):
            counts["errors"] += 1
        elif archive.has_url(page.url):
            counts["skipped_url"] += 1
        else:
            try:
                article = extract(page)
            except Exception:  # noqa: BLE001 - a batch never dies on one bad page
                counts["errors"] += 1
            else:
                t = time.perf_counter()
                counts[archive.add(article).status] += 1
                t_store += time.perf_counter() - t
        if n % 25 == 0:
            emit("progress")
        if n in checkpoints:
            emit("checkpoint")
        if limit and n >= limit:
            break
    emit("done")
    archive.close()


# --- the parent ---------------------------------------------------------------------------

def run_child(warc: Path, db: Path, *, checkpoints=(), limit=None, kill_at=None):
    cmd = [sys.executable, os.path.abspath(__file__), "--child", str(warc), str(db),
           "--checkpoints", ",".join(map(str, checkpoints))]
    if limit:
        cmd += ["--limit", str(limit)]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, text=True)
    events = []
    for line in proc.stdout:
        ev = json.loads(line)
        events.append(ev)
        if kill_at is not None and ev["pages"] >= kill_at:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    return proc.returncode, events


def snapshot(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        return {
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
            "articles": conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            "distinct_ids": conn.execute("SELECT COUNT(DISTINCT id) FROM articles").fetchone()[0],
            "stories": conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0],
            "fts_rows": conn.execute("SELECT COUNT(*) FROM articles_fts_docsize").fetchone()[0],
            "links": set(conn.execute("SELECT id, story_id FROM articles").fetchall()),
        }
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=5000, help="pages in the WARC (default 5000)")
    ap.add_argument("--kill-pages", type=int, default=1000,
                    help="pages of the kill/resume test (default 1000; 0 skips it)")
    ap.add_argument("--no-write", action="store_true", help="do not touch docs/benchmarks.md")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--child", nargs=2, metavar=("WARC", "DB"), help=argparse.SUPPRESS)
    ap.add_argument("--checkpoints", default="", help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]),
              [int(x) for x in args.checkpoints.split(",") if x], args.limit)
        return
    if not (BENCH / "html").is_dir():
        sys.exit(f"benchmark data not found at {BENCH}; set STORYLINE_DATA to the data folder")
    from benchmarks._report import table, write_section

    tmp = Path(tempfile.mkdtemp(prefix="storyline-bench-archive-"))
    warc = tmp / "pages.warc.gz"
    t = time.perf_counter()
    made = build_warc(warc, args.pages)
    print(f"built {warc} ({warc.stat().st_size / 1e6:.1f} MB, {args.pages} pages: {made}) "
          f"in {time.perf_counter() - t:.1f}s", flush=True)
    marks = sorted({c for c in (1000, args.pages) if c <= args.pages})
    kill_pages = min(args.kill_pages, args.pages)

    # 1. Kill test first, its clean reference run right before it (same code, same minute).
    kill_lines: list[str] = []
    if kill_pages:
        rc, _ = run_child(warc, tmp / "reference.db", limit=kill_pages)
        if rc != 0:
            sys.exit(f"reference ingest failed (exit {rc})")
        ref = snapshot(tmp / "reference.db")
        kdb = tmp / "killed.db"
        _, kev = run_child(warc, kdb, limit=kill_pages, kill_at=kill_pages // 2)
        after_kill = snapshot(kdb)
        rc2, rev = run_child(warc, kdb, limit=kill_pages)
        resumed = snapshot(kdb)
        same = resumed["links"] == ref["links"]
        ok = (after_kill["integrity"] == "ok" and resumed["integrity"] == "ok" and same
              and resumed["articles"] == resumed["distinct_ids"] == resumed["fts_rows"])
        r = rev[-1]
        kill_lines = [
            "",
            f"Kill test ({kill_pages} pages): SIGKILL after {kev[-1]['pages']} pages -> "
            f"integrity `{after_kill['integrity']}`, {after_kill['articles']} articles kept. "
            f"Resumed run (exit {rc2}): {r['skipped_url']} URLs already in skipped, "
            f"{r['duplicate']} duplicates, {r['added']} added + {r['copy']} copies -> "
            f"{resumed['articles']} articles ({resumed['distinct_ids']} distinct ids, "
            f"{resumed['fts_rows']} FTS rows), {resumed['stories']} stories, integrity "
            f"`{resumed['integrity']}`. Clean run of the same {kill_pages} pages: "
            f"{ref['articles']} articles, {ref['stories']} stories. Same (article id, story id) "
            f"pairs as the clean run: {same}. **{'PASS' if ok else 'FAIL'}**",
        ]
        if not same:
            only_ref = sorted(ref["links"] - resumed["links"])[:5]
            only_res = sorted(resumed["links"] - ref["links"])[:5]
            kill_lines.append(f"Only in the clean run: {only_ref}; only after resume: {only_res}")
        print("\n".join(kill_lines), flush=True)

    # 2. The measured run.
    rc, events = run_child(warc, tmp / "clean.db", checkpoints=marks)
    if rc != 0 or not events or events[-1]["event"] != "done":
        sys.exit(f"clean ingest failed (exit {rc})")
    clean = snapshot(tmp / "clean.db")
    done = events[-1]
    print(json.dumps(done), flush=True)
    rows = []
    for ev in events:
        if ev["event"] == "checkpoint":
            stored = ev["added"] + ev["copy"]
            rows.append([ev["pages"], round(ev["pages"] / ev["seconds"], 1),
                         f"{1000 * ev['store_seconds'] / max(1, stored + ev['duplicate']):.2f}",
                         ev["added"], ev["copy"], ev["duplicate"], ev["errors"],
                         f"{ev['rss_kb'] / 1024:.0f}", f"{ev['maxrss_kb'] / 1024:.0f}"])
    body = [
        f"WARC.gz of {args.pages} HTML responses ({warc.stat().st_size / 1e6:.0f} MB) built "
        f"from the 181 pages of `article-extraction-benchmark`, copies served from mirror hosts "
        f"(variants: {made}). One child process pinned to one core; pages read by "
        f"`{done['reader']}`, extracted by `{done['extractor']}`, no enrichment; stored by "
        f"`storyline.store.Archive.add` (SQLite WAL, FTS5 by triggers, MinHash LSH bands in "
        f"SQLite). \"store ms/article\" is the time inside `add` alone (duplicates included).",
        "",
        table(["pages read", "pages/s (read+extract+store)", "store ms/article",
               "added (new stories)", "copies", "duplicates", "errors", "RSS MiB",
               "peak RSS MiB"], rows),
        "",
        f"Archive after the run: {clean['articles']} articles, {clean['stories']} "
        f"stories, integrity `{clean['integrity']}`, "
        f"file {(tmp / 'clean.db').stat().st_size / 1e6:.1f} MB (+ WAL).",
    ] + kill_lines
    text = "\n".join(body)
    print(text)
    if not args.no_write:
        write_section(SECTION, "Archive: WARC ingest speed, memory, kill and resume", text,
                      command=f".venv/bin/python benchmarks/bench_archive_ingest.py "
                              f"--pages {args.pages} --kill-pages {kill_pages}")
    if args.keep:
        print(f"kept {tmp}")
    else:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

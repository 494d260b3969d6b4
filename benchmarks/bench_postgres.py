"""Ingest into PostgreSQL vs SQLite: pages/s, the archive's own time per article, search.

What it does (SQLite archives in a temporary folder; PostgreSQL in a throwaway server started
for the run from the system's server binaries, as the tests do: tests/pgserver.py), on the
first ``--pages`` pages (default 60) of ``article-extraction-benchmark/html``:

1. ``storyline ingest --workers 1`` (extraction and enrichment included: what a user sees)
   into a fresh SQLite file and a fresh PostgreSQL database, each the real command in a
   child process: wall time, pages/s, CPU time of the command.
2. The archive alone: the pages extracted and enriched once in this process, then
   ``Archive.add`` of every article into a fresh archive of each kind, in this process:
   ms per article (wall), this process's CPU time, and for PostgreSQL the CPU time of the
   server process that served the connection (``/proc``), so the two are compared whole,
   and the statements sent per article (each a round trip to the server).
3. ``search`` of 20 words drawn from the titles (the same words for both): ms per query.

The machine may be shared with other work: wall times are noisy, CPU times less so.

Usage: ``.venv/bin/python benchmarks/bench_postgres.py [--pages 60] [--no-write]``
"""
from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
from benchmarks._paths import DATA  # noqa: E402

BENCH = DATA / "article-extraction-benchmark" / "html"
SECTION = "postgres"
QUERIES = 20


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def cli_ingest(pages: list[Path], db: str) -> tuple[float, float]:
    """(wall s, CPU s of the child) of one ``storyline ingest --workers 1``."""
    before = os.times()
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "storyline.cli", "ingest", *map(str, pages),
                           "--db", db, "--workers", "1", "--quiet"], env=_env(),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    after = os.times()
    if done.returncode not in (0, 1):
        sys.exit(f"ingest into {db} failed: {done.stderr[-2000:]}")
    return wall, (after.children_user - before.children_user
                  + after.children_system - before.children_system)


def _server_cpu(pid: int) -> float:
    """CPU seconds of a server process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _count_calls(conn) -> dict:
    """Count the statements sent through ``conn`` (execute and executemany calls) from now
    on; an ``sqlite3`` connection's methods cannot be replaced: not counted there."""
    calls = {"n": 0}
    for name in ("execute", "executemany"):
        method = getattr(conn, name)

        def counted(*args, _method=method):
            calls["n"] += 1
            return _method(*args)
        try:
            setattr(conn, name, counted)
        except AttributeError:
            return calls
    return calls


def archive_adds(articles: list, target: str) -> dict:
    """Add every (article, raw hash) to a fresh archive at ``target``, timed."""
    from storyline.store import Archive

    with Archive(target) as archive:
        server = None
        if archive.conn.__class__.__name__ == "PgConnection":
            server = archive.conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        calls = _count_calls(archive.conn)
        s0 = _server_cpu(server) if server else 0.0
        c0, t0 = time.process_time(), time.perf_counter()
        statuses: dict[str, int] = {}
        for article, raw_hash in articles:
            status = archive.add(article, raw_hash=raw_hash).status
            statuses[status] = statuses.get(status, 0) + 1
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        n_statements = calls["n"]
        server_cpu = _server_cpu(server) - s0 if server else 0.0
        words = sorted({w.lower() for a, _ in articles for w in re.findall(r"[A-Za-z]{5,}",
                                                                           a.title or "")})
        rng = random.Random(7)
        queries = rng.sample(words, min(QUERIES, len(words)))
        q0 = time.perf_counter()
        hits = sum(len(archive.search(q, limit=20)) for q in queries)
        search_ms = (time.perf_counter() - q0) * 1000 / max(1, len(queries))
    return {"wall": wall, "cpu": cpu, "server_cpu": server_cpu, "statuses": statuses,
            "statements": n_statements / max(1, len(articles)),
            "search_ms": search_ms, "hits": hits}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=60, help="pages to ingest (default 60)")
    ap.add_argument("--data", type=Path, default=BENCH, help="folder of .html.gz pages")
    ap.add_argument("--no-write", action="store_true", help="do not touch docs/benchmarks.md")
    args = ap.parse_args()
    from benchmarks._report import table, write_section
    from pgserver import Unavailable, start_server

    pages = sorted(args.data.glob("*.html.gz"))[:args.pages]
    if not pages:
        sys.exit(f"no pages under {args.data}: the benchmark data is not there")
    try:
        server = start_server()
    except Unavailable as exc:
        sys.exit(f"cannot run: {exc}")
    try:
        with tempfile.TemporaryDirectory(prefix="storyline-bench-pg-") as tmp:
            rows = []
            cli_runs = {}
            for name, target in (("SQLite", str(Path(tmp) / "cli.db")),
                                 ("PostgreSQL", server.create_database("bench_cli"))):
                cli_runs[name] = cli_ingest(pages, target)
            from storyline.ingest import iter_pages
            from storyline.process import process_safely
            from storyline.store.dedup import page_hash

            articles = []
            for raw in iter_pages([str(p) for p in pages]):
                if getattr(raw, "content", None) is None:
                    continue
                article, _error = process_safely(raw)
                if article is not None and (article.text or "").strip():
                    articles.append((article, page_hash(raw.content, raw.kind, raw.url)))
            adds = {"SQLite": archive_adds(articles, str(Path(tmp) / "adds.db")),
                    "PostgreSQL": archive_adds(articles, server.create_database("bench_adds"))}
            for name in ("SQLite", "PostgreSQL"):
                wall, cpu = cli_runs[name]
                a = adds[name]
                n = len(articles)
                rows.append([name, f"{len(pages) / wall:.2f}", f"{wall:.1f}", f"{cpu:.1f}",
                             f"{1000 * a['wall'] / n:.1f}", f"{1000 * a['cpu'] / n:.1f}",
                             f"{1000 * a['server_cpu'] / n:.1f}" if name == "PostgreSQL" else "-",
                             f"{a['statements']:.0f}" if name == "PostgreSQL" else "-",
                             f"{a['search_ms']:.1f}", a["hits"]])
            same = adds["SQLite"]["statuses"] == adds["PostgreSQL"]["statuses"]
    finally:
        server.stop()
    headers = ["archive", "ingest pages/s", "ingest wall s", "ingest CPU s",
               "add ms/article (wall)", "add CPU ms/article (client)",
               "add CPU ms/article (server)", "statements/article", "search ms/query",
               "search hits"]
    body = (f"{len(pages)} pages of article-extraction-benchmark, {len(articles)} articles "
            f"(statuses {adds['SQLite']['statuses']} on SQLite, "
            f"{'the same' if same else adds['PostgreSQL']['statuses']} on PostgreSQL). "
            "`ingest` = the whole command with extraction and enrichment, one worker; "
            "`add` = `Archive.add` of the already enriched articles alone; PostgreSQL is a "
            "local server on the same machine (TCP on 127.0.0.1, fsync off as in the "
            "tests), so network latency is not included; every statement is a round trip to "
            "the server process, where SQLite runs inside this one. The machine is shared "
            "with other work (2 cores, several agents): wall times are noisy, CPU times "
            "less so.\n\n"
            + table(headers, rows))
    print(body)
    if not args.no_write:
        write_section(SECTION, "PostgreSQL vs SQLite: ingest and search", body)


if __name__ == "__main__":
    main()

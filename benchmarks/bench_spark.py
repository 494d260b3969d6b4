"""Spark scaling: pages/s of `storyline spark` at local[1] and local[2], beside the plain
one-process pipeline (what `storyline extract` does) over the same pages, in the same run.

Usage:
    python benchmarks/bench_spark.py [--data ../shared/data/article-extraction-benchmark]
                                     [--pages 60] [--no-enrich] [--no-write]

The first PAGES pages (by file name) of the article extraction benchmark are written
into one WARC.gz in a temporary folder (never into the repository). Each Spark master
gets its own session and a warm-up job (4 pages: JVM, Python workers and the spaCy
model loaded) before the timed job; the timed job is the whole `run_job` (extract,
enrich, Parquet written). CPU seconds are summed over this process and every process
under it (the JVM and its Python workers), read from /proc before and after.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._paths import DATA  # noqa: E402
from benchmarks._report import table, write_section  # noqa: E402

DEFAULT_DATA = DATA / "article-extraction-benchmark"
WARMUP_PAGES = 4


def write_warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, payload in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers))


def load_pages(data: Path, n: int) -> list[tuple[str, bytes]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    files = sorted((data / "html").glob("*.html.gz"))[:n]
    out = []
    for f in files:
        key = f.name.split(".")[0]
        url = (truth.get(key) or {}).get("url") or f"https://bench.example/{key}"
        out.append((url, gzip.decompress(f.read_bytes())))
    return out


def tree_cpu(pid: int | None = None) -> float:
    """CPU seconds (user + system, with reaped children) of ``pid`` and its descendants."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        cpu[int(entry)] = sum(int(v) for v in fields[11:15]) / tick
    root = pid or os.getpid()
    total, todo = 0.0, [root]
    while todo:
        p = todo.pop()
        total += cpu.get(p, 0.0)
        todo.extend(c for c, pp in parents.items() if pp == p)
    return total


def sequential(warc: Path, enrich: bool) -> tuple[int, float, float]:
    """Pages, wall s and CPU s of the one-process pipeline over the WARC."""
    from storyline.ingest import iter_pages
    from storyline.process import process_page

    t0, c0, n = time.perf_counter(), time.process_time(), 0
    for page in iter_pages([str(warc)]):
        try:
            process_page(page, enrich_text=enrich)
            n += 1
        except Exception:  # noqa: BLE001 - a failed page still cost its time
            n += 1
    return n, time.perf_counter() - t0, time.process_time() - c0


def spark_run(master: str, warm: Path, warc: Path, out: Path, enrich: bool) -> tuple:
    from storyline.spark.job import build_session, run_job

    session = build_session(master, app_name=f"bench-{master}")
    try:
        run_job(session, [str(warm)], str(out / "warm"), enrich=enrich)
        c0, t0 = tree_cpu(), time.perf_counter()
        counts = run_job(session, [str(warc)], str(out / master), enrich=enrich)
        wall, cpu = time.perf_counter() - t0, tree_cpu() - c0
    finally:
        session.stop()
    return counts["articles"] + counts["errors"], wall, cpu, counts["splits"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--no-enrich", action="store_true")
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()
    if not (args.data / "html").is_dir():
        sys.exit(f"no pages under {args.data}/html; pass --data")
    enrich = not args.no_enrich
    os.environ["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent) + os.pathsep + \
        os.environ.get("PYTHONPATH", "")
    tmp = Path(tempfile.mkdtemp(prefix="bench-spark-"))
    try:
        pages = load_pages(args.data, args.pages)
        warc, warm = tmp / "bench.warc.gz", tmp / "warm.warc.gz"
        write_warc(warc, pages)
        write_warc(warm, pages[:WARMUP_PAGES])
        load_before = os.getloadavg()[0]
        sequential(warm, enrich)  # warm-up: model and indexes loaded outside the timing
        rows, rates = [], {}
        n, wall, cpu = sequential(warc, enrich)
        rows.append(["one process (as `storyline extract`)", n, "-", round(wall, 1),
                     round(n / wall, 2), round(cpu / n, 3)])
        for master in ("local[1]", "local[2]"):
            n, wall, cpu, splits = spark_run(master, warm, warc, tmp, enrich)
            rates[master] = n / wall
            rows.append([f"Spark {master}", n, splits, round(wall, 1), round(n / wall, 2),
                         round(cpu / n, 3)])
        load_after = os.getloadavg()[0]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    ratio = rates["local[2]"] / rates["local[1]"]
    body = table(["run", "pages", "tasks", "wall s", "pages/s", "CPU s/page (all processes)"],
                 rows)
    body += (f"\n\nlocal[2] / local[1] throughput: **{ratio:.2f}x** "
             f"({'enriched' if enrich else 'extraction only'}; {args.pages} pages of the "
             f"article extraction benchmark in one WARC). Load average when the run started "
             f"{load_before:.1f} and ended {load_after:.1f} on {os.cpu_count()} cores: other "
             f"work on the machine depresses the ratio; CPU s/page is the steadier figure "
             f"(it includes Spark's own JVM time).")
    print(body)
    if not args.no_write:
        write_section("spark", "Spark scaling (local[1] vs local[2])", body)


if __name__ == "__main__":
    main()

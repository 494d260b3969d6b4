"""The article-extraction-benchmark metric, as its ``evaluate.py`` computes it.

Tokens are ``\\w+`` matches; each text becomes 4-word shingles with counts; per page,
TP/FP/FN are scaled to sum to 1; precision and recall are averaged over pages (pages
where they are undefined are left out, as upstream does); F1 is the harmonic mean of
the two averages. Shared by ``bench_extraction.py`` (HTML) and
``bench_text_cleaning.py`` (scraped text).
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from pathlib import Path

_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def shingles(text: str | None, n: int = 4) -> Counter:
    tokens = _TOKEN_RE.findall(text or "")
    out: Counter = Counter()
    for i in range(0, max(1, len(tokens) - n + 1)):
        sh = tuple(tokens[i:i + n])
        if sh:
            out[sh] += 1
    return out


def tp_fp_fn(true: str | None, pred: str | None, n: int = 4) -> tuple[float, float, float]:
    """TP, FP, FN over shingles with counts, scaled so they sum to 1."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def score(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision, recall (averaged over pages) and their harmonic mean."""
    p = statistics.mean(precision_score(*r) for r in rows if r[0] + r[1] > 0)
    r = statistics.mean(recall_score(*x) for x in rows if x[0] + x[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def load_benchmark(data: Path, limit: int | None = None) -> list[tuple[str, str, str, str | None]]:
    """(page id, html, true body, url) for each page of the benchmark, in id order."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for pid in sorted(truth)[:limit]:
        path = data / "html" / f"{pid}.html.gz"
        if not path.exists():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        out.append((pid, html, truth[pid].get("articleBody") or "", truth[pid].get("url")))
    return out

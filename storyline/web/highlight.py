"""The facts of an article laid over its clean text, for the article page.

Every fact (entity mention, place, time, quote, event trigger) keeps the character
offsets the enrichment gave it; :func:`segments` cuts the text at every fact boundary
so each piece knows which facts cover it. Offsets that do not fit the text are left
out (a producer bug is not patched here), and nothing is ever re-found by searching
the text.

Example::

    >>> facts = article_facts({"text": "Bakker said", "entities": [
    ...     {"name": "Ilse Bakker", "label": "PERSON", "start": 0, "end": 6}]})
    >>> [(s["text"], s["facts"]) for s in segments("Bakker said", facts)]
    [('Bakker', ['f0']), (' said', [])]
"""
from __future__ import annotations

#: spaCy labels -> the kind of fact shown (and its CSS class).
KIND_OF_LABEL = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place",
                 "FAC": "place", "NORP": "group"}


def _span(item: dict, start_key: str = "start", end_key: str = "end") -> tuple[int, int] | None:
    try:
        start, end = int(item.get(start_key)), int(item.get(end_key))
    except (TypeError, ValueError):
        return None
    return (start, end) if 0 <= start < end else None


def article_facts(article: dict) -> list[dict]:
    """One dict per fact: id, kind, spans (list of (start, end)), title and details
    (label -> value pairs saying what it resolved to and how)."""
    facts: list[dict] = []

    def add(kind: str, spans, title: str, details: list, link: str | None = None):
        spans = [s for s in spans if s is not None]
        if spans:
            facts.append({"id": f"f{len(facts)}", "kind": kind, "spans": spans, "title": title,
                          "details": [(k, v) for k, v in details if v not in (None, "", [])],
                          "entity": link})

    for ent in article.get("entities") or []:
        spans = [_span(m) for m in ent.get("mentions") or []] or [_span(ent)]
        roles = ", ".join(" of ".join(x for x in (r.get("role"), r.get("org")) if x)
                          for r in ent.get("roles") or [])
        add(KIND_OF_LABEL.get(ent.get("label"), "other"), spans, ent.get("name") or "",
            [("kind", ent.get("label")), ("resolved to", ent.get("name")),
             ("also written", ", ".join(ent.get("aliases") or [])), ("roles", roles)],
            link=ent.get("name"))
    for place in article.get("places") or []:
        spans = [_span(m) for m in place.get("mentions") or []] or [_span(place)]
        coords = (f"{place['lat']:.4f}, {place['lon']:.4f}"
                  if isinstance(place.get("lat"), (int, float))
                  and isinstance(place.get("lon"), (int, float)) else None)
        add("place", spans, place.get("name") or "",
            [("place", place.get("name")), ("country", place.get("country_code")),
             ("kind", place.get("kind")), ("coordinates", coords),
             ("GeoNames id", place.get("geonameid")), ("why", place.get("how"))],
            link=place.get("name"))
    for t in article.get("times") or []:
        add("time", [_span(t)], t.get("text") or "",
            [("type", t.get("type")), ("resolved value", t.get("value")),
             ("modifier", t.get("mod")), ("anchored on", t.get("anchor"))])
    for q in article.get("quotes") or []:
        add("quote", [_span(q)], f"{q.get('kind') or 'direct'} quote",
            [("speaker", q.get("speaker")), ("cue", q.get("cue")), ("kind", q.get("kind"))],
            link=q.get("speaker"))
    for e in article.get("events") or []:
        add("event", [_span(e, "trigger_start", "trigger_end")], e.get("kind") or "event",
            [("kind", e.get("kind")), ("when", e.get("when")), ("said as", e.get("when_text")),
             ("where", e.get("where")), ("status", e.get("status")),
             ("participants", ", ".join(e.get("participants") or [])), ("why", e.get("how"))])
    return facts


def segments(text: str, facts: list[dict]) -> list[dict]:
    """The text cut at every fact boundary: ``[{"text", "facts": [ids], "kinds": [...]}]``
    in order; spans past the end of the text are dropped."""
    n = len(text or "")
    spans = [(s, e, f["id"], f["kind"]) for f in facts for s, e in f["spans"] if e <= n]
    cuts = sorted({0, n} | {s for s, _e, _i, _k in spans} | {e for _s, e, _i, _k in spans})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [(i, k) for s, e, i, k in spans if s <= a and b <= e]
        out.append({"text": text[a:b], "facts": [i for i, _k in covering],
                    "kinds": sorted({k for _i, k in covering})})
    return out

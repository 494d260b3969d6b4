"""Human-readable views of article and archive dicts (text, Markdown, rich tables).

Every view takes the same dict the JSON output prints, so the two never disagree.
Everything shown came from scraped pages: text views go through
:func:`storyline.escaping.for_terminal` as a whole (control characters become visible
``\\xNN``), and every table cell through :func:`_cell` (the same, plus rich markup
escaped, so ``[blink]`` in a title is text).
"""
from __future__ import annotations

from rich.table import Table

from storyline.escaping import for_terminal

#: Metadata lines shown above the body in text and Markdown output.
HEADER_FIELDS = ("published", "outlet", "wire", "authors", "url", "reading_time_min", "id")


def _value(v) -> str:
    if isinstance(v, dict):
        return " · ".join(_value(x) for x in v.values() if x not in (None, ""))
    if isinstance(v, list):
        return ", ".join(_value(x) for x in v)
    return "" if v is None else str(v)


def render_article(data: dict, fmt: str = "text") -> str:
    """The article as readable text (``text``) or Markdown (``md``)."""
    title = data.get("title") or "(untitled)"
    lines: list[str] = []
    if fmt == "md":
        lines.append(f"# {title}\n")
        if data.get("subtitle"):
            lines.append(f"*{data['subtitle']}*\n")
        for key in HEADER_FIELDS:
            if data.get(key) not in (None, "", []):
                lines.append(f"- **{key}**: {_value(data[key])}")
        lines.append("")
        for img in data.get("images") or []:
            lines.append(f"> Image: {img.get('caption') or ''} ({img.get('credit') or 'no credit'})")
        lines.append(data.get("text", ""))
    else:
        lines.append(title)
        lines.append("=" * min(len(title), 78))
        if data.get("subtitle"):
            lines.append(data["subtitle"])
        for key in HEADER_FIELDS:
            if data.get(key) not in (None, "", []):
                lines.append(f"{key}: {_value(data[key])}")
        lines.append("")
        lines.append(data.get("text", ""))
    quotes = data.get("quotes") or []
    if quotes:
        lines.append("\n" + ("## Quotes" if fmt == "md" else "Quotes:"))
        for q in quotes:
            how = ", ".join(x for x in (q.get("kind"), q.get("cue")) if x)
            lines.append(f"- {q.get('speaker') or '?'} ({how}): {q.get('text')}")
    events = data.get("events") or []
    if events:
        lines.append("\n" + ("## Events" if fmt == "md" else "Events:"))
        for e in events:
            lines.append(f"- {e.get('kind')} {e.get('status') or ''} when={e.get('when') or '?'} "
                         f"where={e.get('where') or '?'} "
                         f"participants={_value(e.get('participants') or [])}")
    copies = data.get("copies") or []
    if copies:
        lines.append("\n" + ("## Also carried by" if fmt == "md" else "Also carried by:"))
        for c in copies:
            url = c.get("url") or c.get("canonical_url") or ""
            lines.append(f"- {c.get('outlet') or '?'} {url} ({c.get('id')})")
    for seen in data.get("also_seen") or []:
        lines.append(f"- {seen.get('outlet') or '?'} {seen.get('url') or ''} (same text)")
    return for_terminal("\n".join(lines))


def summary_table(counts: dict, failures: list[str], archive_path: str) -> Table:
    table = Table(title=f"ingest summary · {_cell(archive_path)}")
    for col in ("added", "duplicates", "copies linked", "failed"):
        table.add_column(col, justify="right")
    table.add_row(str(counts["added"]), str(counts["duplicate"]), str(counts["copy"]),
                  str(counts["failed"]))
    if failures:
        table.caption = f"{len(failures)} failed (reasons above)"
    return table


def search_table(query: str, hits: list[dict]) -> Table:
    table = Table(title=f"search: {_cell(query)} ({len(hits)} hits)")
    for col in ("id", "published", "outlet", "title / snippet"):
        table.add_column(col, overflow="fold")
    for h in hits:
        table.add_row(_cell(str(h.get("id", ""))[:12]), _cell(str(h.get("published") or "")[:10]),
                      _cell(h.get("outlet")), f"[bold]{_cell(h.get('title'))}[/]\n"
                      f"{_cell(h.get('snippet'))}")
    return table


def _cell(value) -> str:
    """A table cell from scraped text: control characters visible, rich markup escaped."""
    from rich.markup import escape

    return escape(for_terminal("" if value is None else value))


def stats_table(data: dict) -> Table:
    table = Table(title="archive")
    table.add_column("what")
    table.add_column("value", justify="right")
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            value = "\n".join(_value(x) for x in value)
        elif isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        table.add_row(_cell(key), _cell(_value(value)))
    return table


def render_entity(data: dict) -> str:
    lines = [f"{data.get('name')} ({data.get('kind') or data.get('label') or '?'})"]
    if data.get("aliases"):
        lines.append("aliases: " + ", ".join(data["aliases"]))
    for r in data.get("roles") or []:
        role = " of ".join(x for x in (r.get("role"), r.get("org")) if x)
        lines.append(f"role: {role} ({r.get('articles', 1)} articles)")
    arts = data.get("articles") or []
    if arts:
        lines.append(f"articles ({data.get('n_articles', len(arts))}):")
        for a in arts[:20]:
            lines.append(f"  {a.get('id', '')[:12]}  {str(a.get('published') or '')[:10]}  "
                         f"{a.get('outlet') or '?'}: {a.get('title') or ''}")
    quotes = data.get("quotes") or []
    if quotes:
        lines.append(f"quotes ({len(quotes)}):")
        for q in quotes[:20]:
            lines.append(f"  [{q.get('kind')}] {q.get('text')}  ({q.get('outlet') or '?'}, "
                         f"{str(q.get('published') or '')[:10]})")
    company = data.get("co_occurring") or []
    if company:
        lines.append("appears with: " + ", ".join(
            f"{c.get('name')} ({c.get('articles')})" for c in company[:25]))
    return for_terminal("\n".join(lines))


def quotes_table(rows: list[dict]) -> Table:
    table = Table(title=f"quotes ({len(rows)})")
    for col in ("published", "speaker", "kind", "quote"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(_cell(str(r.get("published") or "")[:10]), _cell(r.get("speaker") or "?"),
                      _cell(r.get("kind")), _cell(r.get("text")))
    return table


def events_table(rows: list[dict]) -> Table:
    table = Table(title=f"events ({len(rows)})")
    for col in ("when", "kind", "where", "participants", "status", "reports"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(_cell(r.get("when")), _cell(r.get("kind")), _cell(r.get("where")),
                      _cell(_value(r.get("participants") or [])), _cell(r.get("status")),
                      _cell(r.get("reports") or 1))
    return table

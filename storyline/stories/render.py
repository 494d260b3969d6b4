"""Terminal views of stories, timelines and related articles (rich tables).

Each view takes the dict that ``--format json`` prints. Scraped text is shown as plain text
(never as rich markup) with control characters made visible.
"""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from storyline.escaping import for_terminal


def plain(value) -> Text:
    """Untrusted text as an inert rich Text: no markup, control characters shown as ``\\xNN``."""
    return Text(for_terminal("" if value is None else str(value)))


def _day(value) -> str:
    return str(value or "")[:10]


def stories_table(data: dict) -> Table:
    items = data.get("items") or []
    table = Table(title=f"stories ({len(items)} of {data.get('total', len(items))})")
    for col in ("id", "from", "to", "articles", "outlets"):
        table.add_column(col, no_wrap=True)
    table.add_column("label", overflow="fold", ratio=1)
    for s in items:
        table.add_row(plain(s["id"][:12]), plain(_day(s.get("first_published"))),
                      plain(_day(s.get("last_published"))), str(s.get("n_articles", 0)),
                      str(s.get("n_outlets", 0)), plain(s.get("label")))
    return table


def articles_table(title: str, articles: list[dict]) -> Table:
    """Articles as rows: publication day, outlet, short id, title."""
    table = Table(title=title)
    for col in ("published", "outlet", "id", "title"):
        table.add_column(col, overflow="fold")
    for a in articles:
        table.add_row(plain(_day(a.get("published"))), plain(a.get("outlet") or "?"),
                      plain(a["id"][:12]), plain(a.get("title")))
    return table


def story_view(data: dict) -> Group:
    head = Text()
    head.append_text(plain(data.get("label") or "(untitled story)"))
    head.stylize("bold")
    span = f"{_day(data.get('first_published'))} – {_day(data.get('last_published'))}"
    meta = plain(f"story {data['id']} · {data.get('n_articles')} articles · "
                 f"{data.get('n_outlets')} outlets · {span} · as of {data.get('as_of')}")
    arts = articles_table("articles", data.get("articles") or [])
    ents = Table(title="key people, organisations and places (articles naming them)")
    for col in ("people", "organisations", "places"):
        ents.add_column(col, overflow="fold")
    groups = data.get("entities") or {}
    rows = max((len(groups.get(k) or []) for k in ("people", "organisations", "places")),
               default=0)
    for i in range(rows):
        cells = []
        for key in ("people", "organisations", "places"):
            items = groups.get(key) or []
            cells.append(plain(f"{items[i]['name']} ({items[i]['articles']})") if i < len(items)
                         else Text(""))
        ents.add_row(*cells)
    return Group(head, meta, timeline_table(data.get("timeline") or []), arts, ents,
                 story_quotes_table(data.get("quotes") or []))


def timeline_table(entries: list[dict]) -> Table:
    table = Table(title="timeline")
    for col in ("date", "status", "what", "where", "sources", "sentence"):
        table.add_column(col, overflow="fold")
    for e in entries:
        what = e.get("event") or e.get("text") or ""
        if e.get("kind") == "event" and e.get("text"):
            what = f"{e.get('event')} ({e.get('text')})"
        sources = ", ".join(s.get("outlet") or s.get("article_id", "")[:8]
                            for s in e.get("sources") or [])
        table.add_row(plain(e.get("date")), plain(e.get("status")), plain(what),
                      plain(e.get("where") or ""), plain(sources), plain(e.get("sentence")))
    return table


def story_quotes_table(rows: list[dict]) -> Table:
    table = Table(title=f"quotes ({len(rows)})")
    for col in ("published", "speaker", "quote"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(plain(_day(r.get("published"))),
                      plain(r.get("speaker_entity") or r.get("speaker") or "?"),
                      plain(r.get("text")))
    return table


def related_table(data: dict) -> Group:
    same = articles_table("the same story", data.get("same_story") or [])
    other = Table(title="more on this topic")
    for col in ("score", "published", "outlet", "id", "title", "why"):
        other.add_column(col, overflow="fold")
    for a in data.get("other") or []:
        other.add_row(f"{a.get('score', 0):.2f}", plain(_day(a.get("published"))),
                      plain(a.get("outlet") or "?"), plain(a["id"][:12]), plain(a.get("title")),
                      plain("; ".join(a.get("reasons") or [])))
    return Group(same, other)

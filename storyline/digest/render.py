"""The digest as Markdown and as mail-safe HTML (inline styles, no script, no
external asset). Scraped text is cleaned of control characters and escaped in both.

Example::

    print(to_markdown(build(archive, since="12h")))
"""
from __future__ import annotations

import re

from storyline.web.safety import clean_text, safe_url

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def md(text) -> str:
    """Text safe inside Markdown: control characters out, HTML and Markdown syntax escaped."""
    text = clean_text("" if text is None else str(text)).replace("\n", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _link(text, url) -> str:
    u = safe_url(url)
    return f"[{md(text)}](<{u}>)" if u else md(text)


def to_markdown(d: dict) -> str:
    lines = ["# Storyline digest", "",
             f"New since {d['since']} (until {d['until']}): {d['new_articles']} article(s).", ""]

    def section(title, rows, fmt):
        lines.extend([f"## {title}", ""])
        lines.extend([f"- {fmt(r)}" for r in rows] or ["- nothing new"])
        lines.append("")

    section("Stories that grew", d["stories"],
            lambda s: f"{md(s['label'] or s['id'])} — new: {md(', '.join(s['new_outlets']))} "
                      f"({s['n_outlets']} outlet(s))")
    section("New quotes", d["quotes"],
            lambda q: f"{md(q.get('speaker_entity') or q.get('speaker') or 'unattributed')}: "
                      f"“{md(q['text'])}” — {_link(q.get('title'), q.get('url'))}")
    section("New events", d["events"], _event_md)
    section("Scheduled next", d["scheduled"], _event_md)
    for w in d["watches"]:
        section(f"Watch: {md(w['name'])} ({md(w['query'])})", w["articles"],
                lambda h: f"{_link(h.get('title') or h['id'], h.get('url'))} — "
                          f"{md(h.get('outlet'))}, {md(h.get('published'))}")
    return "\n".join(lines)


def _event_md(e: dict) -> str:
    where = f" in {md(e['where'])}" if e.get("where") else ""
    return (f"{md(e.get('when') or 'undated')} {md(e.get('kind'))}{where} "
            f"({md(e.get('status'))}) — {_link(e.get('title'), e.get('url'))}")


def to_html(d: dict) -> str:
    """A standalone HTML mail: inline styles only, so mail clients render it."""
    from storyline.web.templating import template_env

    return template_env().get_template("digest_mail.html").render(d=d)

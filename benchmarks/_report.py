"""Write one benchmark's section into docs/benchmarks.md, between named markers.

Each benchmark script owns one section, so scripts can run in any order and
re-running one replaces only its own table.
"""
from __future__ import annotations

import datetime as _dt
import os
import platform
import re
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
HEADER = ("# Benchmarks\n\nEvery number below was produced by the command shown above its table, "
          "Storyline beside its peer in the same run. Machine: see each section.\n")


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def write_section(name: str, title: str, body: str, command: str | None = None) -> None:
    """Replace (or append) the section ``name`` of docs/benchmarks.md."""
    command = command or "python " + " ".join(sys.argv)
    stamp = _dt.date.today().isoformat()
    block = (f"<!-- bench:{name} -->\n## {title}\n\n"
             f"Command: `{command}`  \nRun: {stamp} on {machine()}\n\n{body.strip()}\n"
             f"<!-- /bench:{name} -->")
    DOC.parent.mkdir(parents=True, exist_ok=True)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else HEADER
    pattern = re.compile(rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->",
                         re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def table(headers: list[str], rows: list[list]) -> str:
    def fmt(v):
        return f"{v:.3f}" if isinstance(v, float) else str(v)
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(fmt(v) for v in r) + " |" for r in rows]
    return "\n".join(out)

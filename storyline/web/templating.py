"""The Jinja2 environment of the pages, the feed and the mail digest.

Autoescape everywhere; every printed value first loses ANSI escapes and control/bidi
characters (``finalize``); ``safe_url`` lets only http(s) become a link.

Example::

    template_env().from_string("{{ t }}").render(t="<b>\\x1b[1m")   # '&lt;b&gt;'
"""
from __future__ import annotations

from urllib.parse import quote

from jinja2 import Environment, PackageLoader

from storyline import __version__
from storyline.rules import web as R
from storyline.web.formats import atom_time
from storyline.web.safety import clean_text, marked_snippet, safe_url


def template_env() -> Environment:
    env = Environment(loader=PackageLoader("storyline.web", "templates"), autoescape=True,
                      finalize=clean_text, trim_blocks=True, lstrip_blocks=True)
    env.filters["u"] = lambda v: quote(str(v if v is not None else ""), safe="")
    env.filters["snippet"] = marked_snippet
    env.filters["atom_time"] = atom_time
    env.globals.update(safe_url=safe_url, R=R, version=__version__)
    return env

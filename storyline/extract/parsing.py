"""The one HTML parser of the extraction stage, shared by the body and metadata code.

Example::

    >>> parse_html("<p>Hello</p>").tag
    'html'
"""
from __future__ import annotations

from trafilatura.utils import load_html


def parse_html(html: str | bytes):
    """Parse a page leniently (broken markup, odd encodings); None when nothing parses."""
    try:
        return load_html(html)
    except Exception:  # lxml raises several types on garbage
        return None

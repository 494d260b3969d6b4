"""Work limits: the most input one slow step is given, so that every input within the size
limit (rules.ingest.DEFAULT_MAX_BYTES, 50 MB) finishes in seconds. Past a limit the step works
on the first part of its input and the article's provenance says so.

Figures measured on the project's 2-core shared machine (noisy; CPU time), see
benchmarks/bench_scaling.py and docs/benchmarks.md.
"""
from __future__ import annotations

#: Most characters of a page handed to the HTML extractors (trafilatura, readability and the
#: paragraph vote cost about 3-6 s of CPU per MB of markup). A larger page first loses what
#: never holds article text (scripts other than JSON-LD, styles, SVG, comments, data: URIs);
#: if it is still larger, it is cut at a tag before this many characters. Real news pages are
#: 0.1-3 MB, mostly scripts, which go first; 1 MB of article markup is about 150,000 words.
MAX_PAGE_CHARS = 1_000_000

#: Most characters of a scraped plain-text page handed to the line classifier (cut at a line).
MAX_TEXT_PAGE_CHARS = 1_000_000

#: Most characters of an article's text that are enriched (spaCy parse, entities, quotes,
#: times, places, events: about 5 s of CPU per 100,000 characters). The longest long-form
#: news features are about 60,000 characters (10,000 words); past the limit the first part is
#: enriched, cut at a paragraph or sentence end, and provenance["enrichment"] says how much.
MAX_ENRICH_CHARS = 100_000

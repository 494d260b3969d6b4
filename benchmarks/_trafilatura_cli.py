"""trafilatura with its metadata over every ``*.html.gz`` page of a folder, one JSON line each:
the peer of ``storyline extract --no-enrich`` in ``bench_extraction.py``'s CLI timing.

Example:
    python benchmarks/_trafilatura_cli.py ../shared/data/article-extraction-benchmark/html
"""
import gzip
import sys
from pathlib import Path

import trafilatura

for path in sorted(Path(sys.argv[1]).glob("*.html.gz")):
    out = trafilatura.extract(gzip.decompress(path.read_bytes()), with_metadata=True,
                              output_format="json", include_comments=False)
    if out:
        print(out)

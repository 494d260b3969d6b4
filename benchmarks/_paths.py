"""Where the benchmarks find the public data: ``../shared/data`` beside the repository,
or ``$STORYLINE_SHARED/data``; each script also takes ``--data``."""
from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("STORYLINE_SHARED")
              or Path(__file__).resolve().parents[2] / "shared")
DATA = SHARED / "data"

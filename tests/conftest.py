"""Shared test fixtures: paths to the optional benchmark data and the seed page."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: The shared data beside the repository (``../shared``), or ``$STORYLINE_SHARED``.
SHARED = Path(os.environ.get("STORYLINE_SHARED")
              or Path(__file__).resolve().parents[2] / "shared")
DATA = SHARED / "data"
SEED = SHARED / "seed" / "putin-biden-call.txt"
EXAMPLES = REPO / "examples"


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed page not available at {SEED} (it lives outside the repository)")
    return SEED


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline (a hard dependency: a missing model fails, it does not skip)."""
    from storyline.enrich.nlp import load_nlp

    return load_nlp()

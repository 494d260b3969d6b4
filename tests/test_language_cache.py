"""The language identifier read from a local uncompressed copy of py3langid's model."""
from __future__ import annotations

import pytest

from storyline.extract import language

SAMPLES = [("The harbour reopened on Tuesday after the storm damaged two cranes.", "en"),
           ("Le port a rouvert mardi après la tempête qui a endommagé deux grues.", "fr"),
           ("Der Hafen wurde am Dienstag nach dem Sturm wieder geöffnet.", "de")]


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(tmp_path))
    language.identifier.cache_clear()
    yield tmp_path
    language.identifier.cache_clear()


def test_copy_is_written_once_and_gives_py3langids_answers(fresh):
    import py3langid
    first = [language.identifier().classify(t)[0] for t, _ in SAMPLES]
    assert list(fresh.glob("py3langid-*.npz"))           # the copy was kept
    language.identifier.cache_clear()
    second = [language.identifier().classify(t)[0] for t, _ in SAMPLES]   # read from the copy
    assert first == second == [py3langid.classify(t)[0] for t, _ in SAMPLES] == [c for _, c in SAMPLES]


def test_damaged_copy_is_rebuilt(fresh):
    language.identifier()
    path = language.cache_path()
    path.write_bytes(b"not a model")
    language.identifier.cache_clear()
    assert language.identifier().classify(SAMPLES[0][0])[0] == "en"


def test_empty_cache_dir_turns_the_copy_off(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLINE_CACHE_DIR", "")
    language.identifier.cache_clear()
    try:
        assert language.cache_path() is None
        assert language.identifier().classify(SAMPLES[1][0])[0] == "fr"
    finally:
        language.identifier.cache_clear()

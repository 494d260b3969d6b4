"""py3langid's identifier, loaded once per process from a local uncompressed copy.

py3langid ships its model LZMA-compressed; decompressing it costs about 0.9 s of CPU in
every process that guesses a language, which is a tenth of ``storyline extract``'s time
over a few hundred pages. The first process that needs the model decompresses it as
py3langid does and keeps an uncompressed copy (``np.savez``, about 70 MB) in the user's
cache folder (``$STORYLINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/storyline``, else
``~/.cache/storyline``), named by py3langid's version and the model file's size; later
processes read that copy (about 0.15 s). Nothing is downloaded; when the folder cannot be
written, the packaged model is read as before. ``STORYLINE_CACHE_DIR=""`` turns the copy off.

Example::

    identifier().classify("The harbour reopened on Tuesday.")[0]   # "en"
"""
from __future__ import annotations

import os
from array import array
from functools import lru_cache
from pathlib import Path

__all__ = ["identifier", "cache_path"]

_TYPECODE = {2: "H", 4: "I", 8: "L"}


def _packaged_model() -> Path:
    from py3langid import langid
    return langid.MODEL_DIR / langid.MODEL_FILE


def cache_path() -> Path | None:
    """Where the uncompressed model is kept; None when caching is turned off."""
    folder = os.environ.get("STORYLINE_CACHE_DIR")
    if folder == "":
        return None
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        folder = Path(base) / "storyline"
    from importlib.metadata import version
    packaged = _packaged_model()
    return Path(folder) / f"py3langid-{version('py3langid')}-{packaged.stat().st_size}.npz"


def _to_array(arr):
    out = array(_TYPECODE[arr.dtype.itemsize])
    out.frombytes(arr.tobytes())
    return out


def _from_arrays(data):
    from py3langid.langid import LanguageIdentifier
    import numpy as np
    return LanguageIdentifier(np.asarray(data["ptc"]), np.asarray(data["pc"]),
                              data["classes"].tolist(), _to_array(data["nextmove"]),
                              data["out_feat"].tolist(), tk_row=_to_array(data["nextmove_row"]))


@lru_cache(maxsize=1)
def identifier():
    """py3langid's ``LanguageIdentifier`` with its packaged model."""
    import numpy as np
    path = cache_path()
    if path is not None and path.exists():
        try:
            with np.load(path, allow_pickle=False) as data:
                return _from_arrays(data)
        except (OSError, ValueError, KeyError):
            pass  # a damaged copy: rebuilt below
    import lzma
    import tempfile
    with tempfile.TemporaryFile(suffix=".npz") as tmp:
        with lzma.open(_packaged_model()) as src:
            while chunk := src.read(1 << 20):
                tmp.write(chunk)
        tmp.seek(0)
        with np.load(tmp, allow_pickle=False) as data:
            arrays = {key: data[key] for key in data.files}
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_suffix(f".{os.getpid()}.part")
            with open(part, "wb") as f:
                np.savez(f, **arrays)
            os.replace(part, path)  # atomic: a concurrent reader sees all or nothing
        except OSError:
            pass
    return _from_arrays(arrays)

"""HanTa's German model, loaded once per process, on first use.

From a snapshot in the user's cache folder when there is one (a plain pickle of the
loaded tagger: half the load time of HanTa's gzip file), without importing numpy, and
with `Segmenter` in place of HanTa's own analysis of unknown words.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import tempfile
import threading
import types
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint.sqlite_store import ensure_private_dir
from newslint.tense.segmenter import Segmenter, logaddexp

_LOCK = threading.Lock()
_TAGGER: Any = None


def load_tagger() -> Any:
    """Load HanTa's German model on first use (from the snapshot when there is one)."""
    global _TAGGER
    with _LOCK:
        if _TAGGER is None:
            HanoverTagger = _hanta_module()
            tagger = _from_snapshot(HanoverTagger)
            if tagger is None:
                tagger = HanoverTagger.HanoverTagger(_MODEL)
                _write_snapshot(tagger, HanoverTagger)
            # HanTa caches known words only; names and rare words are re-analysed on
            # every occurrence. Memoise the per-word analysis for the process, and run
            # the faster (same-result) version of it.
            segmenter = Segmenter(tagger)
            tagger.analyze_forward = lru_cache(maxsize=65536)(segmenter.analyze)
            tagger.analyze_viterbi = segmenter.best_path  # for lemmas; _lemma memoises
            _TAGGER = tagger
        return _TAGGER


_MODEL = "morphmodel_ger.pgz"
_SNAPSHOT_FORMAT = "plain"  # plain floats, no numpy scalars (older snapshots had some)


def _hanta_module() -> Any:
    """HanTa's tagger module, imported without numpy where nothing has imported it yet.

    HanTa imports numpy (~0.1 s, a tenth of a pre-commit run) for one function,
    ``logaddexp``, used only in the per-word analysis that `Segmenter` replaces. For the
    import alone a stand-in module with `logaddexp` (the same floats) takes numpy's place
    in ``sys.modules``; it is removed again at once, so any later ``import numpy`` gets
    numpy. The snapshot holds plain floats, so loading it needs no numpy either.
    """
    if "numpy" in sys.modules:
        from HanTa import HanoverTagger  # type: ignore[import-untyped]  # no stubs

        return HanoverTagger
    stand_in = types.ModuleType("numpy")
    stand_in.logaddexp = logaddexp  # type: ignore[attr-defined]
    sys.modules["numpy"] = stand_in
    try:
        from HanTa import HanoverTagger

        return HanoverTagger
    finally:
        if sys.modules.get("numpy") is stand_in:
            del sys.modules["numpy"]


def _plain(value: Any) -> Any:
    """``value`` with numpy's float scalars (a few in HanTa's lexicon) as plain floats."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if type(value).__module__ == "numpy" and isinstance(value, float):
        return float(value)
    return value


def _snapshot_path(module: Any) -> Path:
    """Named after the model file's content (1 ms to hash): a new HanTa model means a new
    snapshot, while every virtualenv with the same model shares one (named after the file's
    time, each fresh install or CI clone left another 4 MB behind)."""
    from newslint.cachedir import cache_dir

    model = Path(module.__file__).with_name(_MODEL).read_bytes()
    digest = hashlib.sha256(model).hexdigest()[:16]
    return cache_dir() / f"hanta-ger-{digest}-{_SNAPSHOT_FORMAT}.pickle"


def _from_snapshot(module: Any) -> Any:
    """The tagger as it stood after loading, unpickled without gzip and set-up work.

    HanTa's own load gunzips and unpickles its model and then derives tables from it
    (~0.13 s); a plain pickle of the finished object loads in half that, which a
    pre-commit run over one article feels. The snapshot lives in the user's private cache
    folder, like the LanguageTool jars newslint runs from there. Any problem: None.
    """
    try:
        with _snapshot_path(module).open("rb") as file, _collector_paused():
            state = pickle.load(file)
        tagger = module.HanoverTagger.__new__(module.HanoverTagger)
        tagger.__dict__.update(state)
        return tagger
    except Exception:  # a missing, partial or foreign file: load the model instead
        return None


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while a pickle builds ~10^6 containers, none of them garbage
    (the collector would walk them again and again: a quarter of the load time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write_snapshot(tagger: Any, module: Any) -> None:
    try:
        path = _snapshot_path(module)
        ensure_private_dir(path.parent)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as file:
            pickle.dump(_plain(tagger.__dict__), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, path)
        for stale in path.parent.glob("hanta-ger-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)  # another model's snapshot
    except (OSError, pickle.PicklingError):
        pass  # only slower next time

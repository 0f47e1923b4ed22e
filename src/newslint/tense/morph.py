"""Morphology: a POS tagger with lemmas (HanTa) and verb paradigms (ablaut).

Why these two: HanTa (Hannover Tagger, PyPI ``hanta``) ships a German model trained on
the TIGER treebank; it tags finite verbs, participles, infinitives and separable
particles (STTS) and gives the infinitive as lemma, with its own morphological analysis
for unknown words. It does not say *which* tense or mood a finite form has. ``ablaut``
(PyPI) is a rule-based German conjugator: from the lemma it builds the full paradigm —
Präsens, Präteritum, Konjunktiv I and II, imperative, participle, auxiliary — so the
finite form can be looked up in its own paradigm. Neither resource is derived from the
evaluation data. Both load in about a quarter of a second and run in-process, where a
LanguageTool JVM would need seconds to start.

The model is loaded lazily, once per process, on first use.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import math
import os
import pickle
import sys
import tempfile
import threading
import types
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint.sqlite_store import ensure_private_dir
from newslint.tense.model import Mood, Tense

__all__ = [
    "Reading",
    "TaggedToken",
    "auxiliary_of",
    "hanta",
    "participle_of",
    "readings",
    "sentence_tags",
    "tag_words",
]

_LOCK = threading.Lock()
_TAGGER: Any = None


@dataclass(frozen=True)
class TaggedToken:
    """A token's lemma and STTS-like tag as HanTa gives them (``VV(FIN)``, ``PTKVZ``)."""

    lemma: str
    tag: str


@dataclass(frozen=True)
class Reading:
    """One cell of a paradigm that a finite form fills.

    ``person`` is 0-5 for 1sg, 2sg, 3sg, 1pl, 2pl, 3pl; -1 for the imperative.
    """

    tense: Tense
    mood: Mood
    person: int


def _load_tagger() -> Any:
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
            segmenter = _Segmenter(tagger)
            tagger.analyze_forward = lru_cache(maxsize=65536)(segmenter.analyze)
            tagger.analyze_viterbi = segmenter.best_path  # for lemmas; _lemma memoises
            _TAGGER = tagger
        return _TAGGER


_MODEL = "morphmodel_ger.pgz"
_SNAPSHOT_FORMAT = "plain"  # plain floats, no numpy scalars (older snapshots had some)


def _hanta_module() -> Any:
    """HanTa's tagger module, imported without numpy where nothing has imported it yet.

    HanTa imports numpy (~0.1 s, a tenth of a pre-commit run) for one function,
    ``logaddexp``, used only in the per-word analysis that `_Segmenter` replaces. For the
    import alone a stand-in module with `_logaddexp` (the same floats) takes numpy's place
    in ``sys.modules``; it is removed again at once, so any later ``import numpy`` gets
    numpy. The snapshot holds plain floats, so loading it needs no numpy either.
    """
    if "numpy" in sys.modules:
        from HanTa import HanoverTagger  # type: ignore[import-untyped]  # no stubs

        return HanoverTagger
    stand_in = types.ModuleType("numpy")
    stand_in.logaddexp = _logaddexp  # type: ignore[attr-defined]
    sys.modules["numpy"] = stand_in
    try:
        from HanTa import HanoverTagger

        return HanoverTagger
    finally:
        if sys.modules.get("numpy") is stand_in:
            del sys.modules["numpy"]


_LOG2 = math.log(2)


def _logaddexp(x: float, y: float) -> float:
    """``log(exp(x) + exp(y))`` as numpy computes it (``npy_logaddexp``: the same libm
    calls in the same order, so the same floats; tests compare them)."""
    if x == y:
        return x + _LOG2  # also for two infinities of one sign
    difference = x - y
    if difference > 0:
        return x + math.log1p(math.exp(-difference))
    if difference <= 0:
        return y + math.log1p(math.exp(difference))
    return difference  # a NaN


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


_NOTHING: dict[int, float] = {}
_MEMO_LIMIT = 200_000  # entries per memo of the segmenter (a few tens of MB at most)


class _Segmenter:
    """HanTa's ``analyze_forward`` (its analysis of a word it has not seen), faster.

    It splits the word into morphemes by Viterbi over every segment and every tag that may
    follow; most of a 10-letter word's ~1,500 (segment, tag) pairs cannot score (the segment
    is no morpheme of that tag, and the tag has no guessing model), and HanTa looks each up
    (1.2 ms per word, most of the tense and capitalisation checks' time). Here a segment's
    known tags come from one index, only the 11 guessable tags are tried for the rest, and
    a guessed segment's suffix is looked up once for all of them (not once per tag).
    Same loop order, same sums in the same order: the same floats, ties and result order
    (tests/tense/test_fast_viterbi.py compares them). ``best_path`` does the same for
    HanTa's other per-word lattice, the one lemmas are built from.
    """

    def __init__(self, tagger: Any) -> None:
        self._index: dict[str, dict[int, float]] = {}
        for tag, morphemes in tagger.LP_m_t.items():
            for morpheme, lp in morphemes.items():
                self._index.setdefault(morpheme, {})[tag] = lp
        # Tags with a model for guessing unknown morphemes. HanTa's forward analysis uses
        # it unless the tagger is strict; its best-path analysis in its second pass always.
        self._guess: dict[int, tuple[float, Any, dict[str, float]]] = {}
        for tag in tagger.LP_m_t:
            if tag in tagger.LP_hapax_t and tag in tagger.LP_s_t:
                base = tagger.Int_t + tagger.LP_hapax_t[tag]
                self._guess[tag] = (base, tagger.LP_len_t[tag], tagger.LP_s_t[tag])
        self._strict: bool = tagger.strict
        self._followers = {
            state: (
                followup,
                [] if self._strict else [(t, lp) for t, lp in followup if t in self._guess],
            )
            for state, followup in tagger.LP_trans_nonfinal.items()
        }
        self._step_memo: dict[tuple[str, bool, bool], dict[tuple[int, int], Any]] = {}
        self._nonfinal = tagger.LP_trans_nonfinal
        self._final = tagger.LP_trans_final
        self._reachability = tagger.reachability
        # HanTa's first two terms of a guessed morpheme's score (Int_t + hapax + length),
        # summed in its order, per tag and segment length.
        self._scaled: dict[int, list[float]] = {
            tag: [base + lengths[min(n, 24)] for n in range(25)]
            for tag, (base, lengths, _suffixes) in self._guess.items()
        }
        self._scaled_by_length = [
            {tag: scores[n] for tag, scores in self._scaled.items()} for n in range(25)
        ]
        # The third term: the guessable tags' suffix tables list the same suffixes (860 in
        # the German model), so the longest one a segment ends in is found once for all
        # its tags. None if a model's tables differ: then each tag's is looked up.
        tables = [suffixes for _base, _lengths, suffixes in self._guess.values()]
        self._suffix_rows: dict[str, dict[int, float]] | None = None
        if tables and all(t.keys() == tables[0].keys() for t in tables):
            self._suffix_rows = {end: {} for end in tables[0]}
            for tag, (_base, _lengths, suffixes) in self._guess.items():
                for end, lp in suffixes.items():
                    self._suffix_rows[end][tag] = lp

    def _guessed(
        self, morpheme: str, tag: int, whole: bool, suffixes: dict[int, float] | None = None
    ) -> float:
        """HanTa's ``lp_m_t`` for a segment that is not a known morpheme of ``tag``.

        ``whole``: the segment is the whole word. ``suffixes``: ``_suffix_scores(morpheme)``,
        from a caller that scores it for several tags.
        """
        if suffixes is None:
            suffixes = self._suffix_scores(morpheme)
        lp = self._scaled[tag][min(len(morpheme), 24)] + suffixes[tag]
        if whole:
            lp -= 4.6
        return lp

    def _suffix_scores(self, morpheme: str) -> dict[int, float]:
        """Each guessable tag's suffix term: HanTa's longest suffix in its table, four
        letters at most and shorter than the segment, or the table's default."""
        mlen = len(morpheme)
        rows = self._suffix_rows
        if rows is None:
            return {tag: _longest_suffix(morpheme, g[2]) for tag, g in self._guess.items()}
        for n in (4, 3, 2, 1):
            if mlen > n:
                found = rows.get(morpheme[-n:])
                if found is not None:
                    return found
        return rows[""]

    def analyze(self, word: str) -> list[tuple[int, float]]:
        wlen = len(word)
        table: list[dict[tuple[int, int], float]] = [{(_EMPTY, _START): 0}]
        table += [{} for _ in range(wlen + 1)]
        index, followers, may_guess = self._index, self._followers, not self._strict
        # A guessed segment's suffix term: from five letters on it depends only on where
        # the segment ends (the longest known suffix is at most four letters).
        tails = [
            self._suffix_scores(word[j - 5 : j]) if j >= 5 else _NOTHING for j in range(wlen + 1)
        ]
        for i in range(wlen + 1):
            row = table[i]
            rowbound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else _LOWER_BOUND
            live = [
                (state, lp, followers[state][1])
                for state, lp in row.items()
                if not lp < rowbound and state in followers
            ]
            for j in range(i + 1, wlen + 1) if live else ():
                segment = word[i:j]
                # HanTa's condition for guessing a morpheme
                guessing = may_guess and (wlen < 4 or j - i > 2)
                whole = wlen == j - i
                target = table[j]
                if segment in index:  # a known morpheme
                    steps_after = self._steps_after(segment, guessing, whole)
                    for state, lp, _guessable in live:
                        last = state[1]
                        steps = steps_after.get(state)
                        if steps is None:
                            steps = steps_after[state] = self._steps(
                                state, segment, guessing, whole
                            )
                        for tag, lpt, lpm in steps:
                            lp1 = lp + lpt + lpm
                            if lp1 > _LOWER_BOUND:
                                new = (last, tag)
                                old = target.get(new)
                                if old is None or lp1 > old:
                                    target[new] = lp1
                elif guessing:  # no known morpheme: only the guessable tags score
                    # `_guessed` and the relaxation above, written out again: this loop is
                    # most of the analysis, and a shared function would cost a call per state
                    scaled = self._scaled_by_length[j - i if j - i < 25 else 24]
                    suffixes = tails[j] if j - i >= 5 else self._suffix_scores(segment)
                    for state, lp, guessable in live:
                        last = state[1]
                        for tag, lpt in guessable:
                            lpm = scaled[tag] + suffixes[tag]
                            if whole:
                                lpm -= 4.6
                            lp1 = lp + lpt + lpm
                            if lp1 > _LOWER_BOUND:
                                new = (last, tag)
                                old = target.get(new)
                                if old is None or lp1 > old:
                                    target[new] = lp1
        last_row = table[-1]
        for state, lp in table[-2].items():
            for tag, lpt in self._final.get(state, []):
                lp1 = lp + lpt
                if lp1 > _LOWER_BOUND:
                    new = (state[1], tag)
                    if new not in last_row or lp1 > last_row[new]:
                        last_row[new] = lp1
        return _forward_result(last_row)

    def _steps_after(
        self, segment: str, guessing: bool, whole: bool
    ) -> dict[tuple[int, int], tuple[tuple[int, float, float], ...]]:
        """The memo of `_steps` for a known morpheme, filled as states come. Short
        morphemes ("e", "en", "s") recur in every word, and a state has ~26 followers of
        which such a morpheme fits one or two."""
        key = (segment, guessing, whole)
        memo = self._step_memo.get(key)
        if memo is None:
            if len(self._step_memo) >= _MEMO_LIMIT:
                self._step_memo.clear()
            memo = self._step_memo[key] = {}
        return memo

    def _steps(
        self, state: tuple[int, int], segment: str, guessing: bool, whole: bool
    ) -> tuple[tuple[int, float, float], ...]:
        """(tag, transition, morpheme score) for each tag under which the known morpheme
        ``segment`` may follow ``state``, in the transition table's order (HanTa's order,
        so rows fill alike and ties resolve alike)."""
        known = self._index[segment]
        suffixes = self._suffix_scores(segment) if guessing else _NOTHING
        return tuple(
            (tag, lpt, known[tag] if tag in known else self._guessed(segment, tag, whole, suffixes))
            for tag, lpt in self._followers[state][0]
            if tag in known or (guessing and tag in self._guess)
        )

    def best_path(self, word: str, targetpos: int) -> list[tuple[int, int]]:
        """HanTa's ``analyze_viterbi``: the most likely morphemes of ``word`` as a word of
        part of speech ``targetpos`` (the lemma is built from them), as (tag, end) pairs.

        Known morphemes only first; if no path reaches the end, again with guessed ones.
        HanTa's loops, sums and tie rules; only the morphemes a segment can be come from
        the index, so the first pass skips every segment that is no known morpheme at once
        instead of looking it up under each tag.
        """
        wlen = len(word)
        reachable = self._reachability.get(targetpos, frozenset())
        for strict in (True, False):
            table: list[dict[tuple[int, int], float]] = [{(_EMPTY, _START): 0}]
            table += [{} for _ in range(wlen + 1)]
            back: list[dict[tuple[int, int], tuple[tuple[int, int], int]]]
            back = [{} for _ in range(wlen + 2)]
            for i in range(wlen + 1):
                row = table[i]
                rowbound = (
                    sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else _LOWER_BOUND
                )
                for state, lp in row.items():
                    if lp < rowbound:
                        continue
                    followup = [(t, p) for t, p in self._nonfinal.get(state, ()) if t in reachable]
                    for j in range(i + 1, wlen + 1) if followup else ():
                        segment = word[i:j]
                        known = self._index.get(segment, _NOTHING)
                        guessing = not strict and (wlen < 4 or j - i > 2)
                        if not known and not guessing:
                            continue  # every tag scores -inf: HanTa stores nothing
                        target, suffix = table[j], None
                        for tag, lpt in followup:
                            lpm = known.get(tag)
                            if lpm is None:
                                if not guessing or tag not in self._guess:
                                    continue
                                if suffix is None:
                                    suffix = self._suffix_scores(segment)
                                lpm = self._guessed(segment, tag, wlen == j - i, suffix)
                            lp1 = lp + lpt + lpm
                            if lp1 > _LOWER_BOUND:
                                new = (state[1], tag)
                                if new not in target or lp1 > target[new]:
                                    target[new] = lp1
                                    back[j][new] = (state, i)
            last_row = table[-1]
            for state, lp in table[-2].items():
                for tag, lpt in self._final.get(state, []):
                    if tag == targetpos:
                        lp1 = lp + lpt
                        if lp1 > _LOWER_BOUND:
                            new = (state[1], tag)
                            if new not in last_row or lp1 > last_row[new]:
                                last_row[new] = lp1
                                back[-1][new] = (state, wlen)
                        break
            if last_row:
                break
        best, pmax = (_EMPTY, _EMPTY), -math.inf
        for state, lp in table[-1].items():
            if lp > pmax:
                best, pmax = state, lp
        i = len(back) - 1
        if best == (_EMPTY, _EMPTY):
            states = [((_UNKNOWN, _END_UNKNOWN), i), ((_START, _UNKNOWN), i - 1)]
        else:
            states, state = [(best, i)], best
            while i > 0:
                state, i = back[i][state]
                states.append((state, i))
            states = states[:-1]
        return [(state[1], end) for state, end in states[::-1]]


def _longest_suffix(morpheme: str, table: dict[str, float]) -> float:
    for n in (4, 3, 2, 1):
        if len(morpheme) > n and morpheme[-n:] in table:
            return table[morpheme[-n:]]
    return table[""]


def _forward_result(last_row: dict[tuple[int, int], float]) -> list[tuple[int, float]]:
    """HanTa's closing step of ``analyze_forward``: the best score per part of speech."""
    results: dict[int, float] = {}
    for state, lp in last_row.items():
        if lp == -math.inf:
            continue
        pos = -state[1]
        results[pos] = _logaddexp(results[pos], lp) if pos in results else lp
    ranked = sorted(results.items(), key=lambda item: item[1], reverse=True)
    return ranked or [(_UNKNOWN, 0)]


def tag_words(words: list[str]) -> list[TaggedToken]:
    """Tag one sentence's words; returns one ``TaggedToken`` per word.

    Lemmas are computed for verbs only (the tense analysis needs no others): HanTa's
    lemmatiser costs as much as its tagger. Other tokens get their lowercased form.
    """
    if not words:
        return []
    tags = sentence_tags(tuple(words))
    return [
        TaggedToken(_lemma(word, tag) if tag.startswith("V") else word.lower(), tag)
        for word, tag in zip(words, tags, strict=True)
    ]


def hanta() -> Any:
    """The process's HanTa model (loaded on first use), for checks that need its lexicon."""
    return _load_tagger()


@lru_cache(maxsize=4096)
def sentence_tags(words: tuple[str, ...]) -> tuple[str, ...]:
    """HanTa's tag for each word of one sentence (``tag_sent(words, taglevel=0)``).

    Cached: the tense and capitalisation checks tag the same sentences of an article.
    """
    present = [w for w in words if w]  # HanTa fails on "" (a lone soft hyphen)
    if not present:
        return ("XY",) * len(words)
    tagger = _load_tagger()
    tagged = iter(str(tagger.int2tag[t]) for t in _viterbi(tagger, present))
    return tuple(next(tagged) if w else "XY" for w in words)


_LOWER_BOUND = -1e6  # HanTa's constants (HanoverTagger.py), not imported: loading is lazy
_EMPTY, _START, _END, _UNKNOWN, _END_UNKNOWN = 0, 1, 2, 3, -3


def _viterbi(tagger: Any, words: Sequence[str]) -> list[int]:
    """HanTa's ``tag_sent_viterbi`` (case-sensitive), with the same result, faster.

    HanTa tries every tag the transition table allows after each state (56) and then skips
    those the word cannot have; a word has 1-5. This loop visits only the word's tags, in
    the order HanTa would (the table's order, the same in every row of the German model),
    so rows fill in the same order, ties are resolved alike and the sums are the same
    floats; a word's tags are memoised. The last row and the back-trace are HanTa's.
    """
    table: list[dict[tuple[int, int], float]] = []
    backpointer: list[dict[tuple[int, int], tuple[int, int]]] = []
    transitions = tagger.LP_trans_word
    uniform = _uniform_order(tagger) is not None
    for i, word in enumerate(words):
        steps: Sequence[tuple[int, float]] = _word_steps(word, i > 0) if uniform else ()
        row: dict[tuple[int, int], float] = {}
        back: dict[tuple[int, int], tuple[int, int]] = {}
        prevrow = table[i - 1] if i else {(_EMPTY, _START): 0.0}
        if len(prevrow) > 5:  # only continue with the top states
            rowbound = sorted(prevrow.values(), reverse=True)[5] - 1
        else:
            rowbound = _LOWER_BOUND
        for state, lp0 in prevrow.items():
            if lp0 < rowbound:
                continue
            lp_t = transitions[state]
            if not uniform:  # a model whose rows list the tags in different orders
                steps = _steps(lp_t, _word_probs(word, i > 0))
            last = state[1]
            for c, lpwc in steps:
                lp = lp0 + lp_t[c] + lpwc
                if lp > _LOWER_BOUND:
                    new = (last, c)
                    old = row.get(new)
                    if old is None or lp > old:
                        row[new] = lp
                        back[new] = state
        table.append(row)
        backpointer.append(back)
    final = (_END, _EMPTY)
    best = -math.inf
    last_back: dict[tuple[int, int], tuple[int, int]] = {}
    for state, lp0 in table[-1].items():
        lp = lp0 + transitions[state].get(_END, -math.inf)
        if lp > best:
            best = lp
            last_back[final] = state
    backpointer.append(last_back)
    tags = []
    state = final
    for i in range(len(backpointer) - 1, 0, -1):
        state = backpointer[i][state]
        tags.append(state[1])
    return tags[::-1]


def _steps(lp_t: dict[int, float], wprobs: dict[int, float]) -> list[tuple[int, float]]:
    """HanTa's own inner loop: (tag, word log-probability) in the order of ``lp_t``."""
    if not wprobs:  # an unknown word: anything goes
        return [(c, 0.0) for c in lp_t if c != _END]
    return [(c, wprobs[c]) for c in lp_t if c != _END and c in wprobs]


@lru_cache(maxsize=1)
def _uniform_order(tagger: Any) -> dict[int, int] | None:
    """Each tag's position, if every row of the transition table lists the tags in one order."""
    rows = iter(tagger.LP_trans_word.values())
    first = list(next(rows, {}))
    if not first or any(list(row) != first for row in rows):
        return None
    return {c: k for k, c in enumerate(first) if c != _END}


@lru_cache(maxsize=65536)
def _word_steps(word: str, casesensitive: bool) -> tuple[tuple[int, float], ...]:
    """The word's tags and log-probabilities in table order; every tag (0.0) for an unknown
    word, as HanTa tries them."""
    order = _uniform_order(_load_tagger())
    assert order is not None
    wprobs = _word_probs(word, casesensitive)
    if not wprobs:
        return tuple((c, 0.0) for c in order)
    tags = sorted((c for c in wprobs if c in order), key=order.__getitem__)
    return tuple((c, wprobs[c]) for c in tags)


@lru_cache(maxsize=65536)
def _word_probs(word: str, casesensitive: bool) -> dict[int, float]:
    """The tags a word may have in a sentence, with log-probabilities; empty if unknown.

    Do not mutate: the dictionary is shared between calls.
    """
    wprobs = dict(
        _load_tagger()._tag_word(word, cutoff=5, casesensitive=casesensitive, conditional=True)
    )
    if len(wprobs) == 1 and _UNKNOWN in wprobs:
        return {}
    return wprobs


@lru_cache(maxsize=65536)
def _lemma(word: str, tag: str) -> str:
    lemma, _tag = _load_tagger().analyze(word, pos=tag, taglevel=1)
    return str(lemma)


@lru_cache(maxsize=4096)
def _conjugate(lemma: str) -> Any:
    """ablaut's conjugation table of ``lemma``, or None if it is not a verb ablaut takes."""
    import ablaut  # type: ignore[import-untyped]  # compiled module without stubs

    try:
        return ablaut.conjugate(lemma)
    except Exception:  # ablaut raises plain exceptions for words it cannot conjugate
        return None


@lru_cache(maxsize=4096)
def _paradigm(lemma: str) -> tuple[tuple[str, Tense, Mood, int], ...]:
    """All finite forms of ``lemma`` with their cells; empty if ablaut rejects it."""
    table = _conjugate(lemma)
    if table is None:
        return ()
    cells: list[tuple[str, Tense, Mood, int]] = []
    rows = (
        ("present", Tense.PRAESENS, Mood.INDIKATIV),
        ("preterite", Tense.PRAETERITUM, Mood.INDIKATIV),
        ("konjunktiv1", Tense.PRAESENS, Mood.KONJUNKTIV1),
        ("konjunktiv2", Tense.PRAETERITUM, Mood.KONJUNKTIV2),
    )
    for attr, tense, mood in rows:
        for person, entry in enumerate(getattr(table, attr)):
            for form in _surface_forms(str(entry)):
                cells.append((form, tense, mood, person))
    for entry in table.imperative:
        for form in _surface_forms(str(entry)):
            cells.append((form, Tense.PRAESENS, Mood.IMPERATIV, -1))
    return tuple(cells)


def _surface_forms(entry: str) -> list[str]:
    """``"nimmt auf"`` is written ``nimmt`` in main and ``aufnimmt`` in verb-final clauses."""
    parts = entry.lower().split()
    if not parts:
        return []
    forms = [parts[0]]
    if len(parts) == 2:
        forms.append(parts[1] + parts[0])
    return forms


def readings(form: str, lemma: str) -> tuple[Reading, ...]:
    """The paradigm cells of ``lemma`` that ``form`` fills (case-insensitive)."""
    key = form.lower().replace("\u00ad", "")
    return tuple(
        Reading(tense, mood, person)
        for cell, tense, mood, person in _paradigm(lemma)
        if cell == key
    )


@lru_cache(maxsize=4096)
def participle_of(lemma: str) -> str:
    """The past participle of ``lemma`` (lowercase), or "" if ablaut rejects it.

    Needed where participle and infinitive coincide ("hat ... verlassen", "ist ...
    gefallen"), which the tagger often reads as an infinitive.
    """
    table = _conjugate(lemma)
    return "" if table is None else str(table.past_participle).lower()


@lru_cache(maxsize=4096)
def auxiliary_of(lemma: str) -> str:
    """The perfect auxiliary of ``lemma`` (``haben`` or ``sein``); ``haben`` if unknown."""
    table = _conjugate(lemma)
    return "haben" if table is None else str(table.auxiliary)

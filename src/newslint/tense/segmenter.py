"""HanTa's analysis of a word its lexicon lacks (``analyze_forward``), faster.

HanTa analyses every unknown word afresh, segment by segment and tag by tag; that is most
of the time newslint spends tagging a new article. `Segmenter` gives the same floats in
the same order (tests compare it with HanTa's own code), with less work per segment.
"""

from __future__ import annotations

import math
from typing import Any

LOWER_BOUND = -1e6  # HanTa's constants (HanoverTagger.py), not imported: loading is lazy
EMPTY, START, END, UNKNOWN, END_UNKNOWN = 0, 1, 2, 3, -3

_LOG2 = math.log(2)


def logaddexp(x: float, y: float) -> float:
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


_NOTHING: dict[int, float] = {}
_MEMO_LIMIT = 200_000  # entries per memo of the segmenter (a few tens of MB at most)


class Segmenter:
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
        table: list[dict[tuple[int, int], float]] = [{(EMPTY, START): 0}]
        table += [{} for _ in range(wlen + 1)]
        index, followers, may_guess = self._index, self._followers, not self._strict
        # A guessed segment's suffix term: from five letters on it depends only on where
        # the segment ends (the longest known suffix is at most four letters).
        tails = [
            self._suffix_scores(word[j - 5 : j]) if j >= 5 else _NOTHING for j in range(wlen + 1)
        ]
        for i in range(wlen + 1):
            row = table[i]
            rowbound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else LOWER_BOUND
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
                            if lp1 > LOWER_BOUND:
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
                            if lp1 > LOWER_BOUND:
                                new = (last, tag)
                                old = target.get(new)
                                if old is None or lp1 > old:
                                    target[new] = lp1
        last_row = table[-1]
        for state, lp in table[-2].items():
            for tag, lpt in self._final.get(state, []):
                lp1 = lp + lpt
                if lp1 > LOWER_BOUND:
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
            table: list[dict[tuple[int, int], float]] = [{(EMPTY, START): 0}]
            table += [{} for _ in range(wlen + 1)]
            back: list[dict[tuple[int, int], tuple[tuple[int, int], int]]]
            back = [{} for _ in range(wlen + 2)]
            for i in range(wlen + 1):
                row = table[i]
                rowbound = (
                    sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else LOWER_BOUND
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
                            if lp1 > LOWER_BOUND:
                                new = (state[1], tag)
                                if new not in target or lp1 > target[new]:
                                    target[new] = lp1
                                    back[j][new] = (state, i)
            last_row = table[-1]
            for state, lp in table[-2].items():
                for tag, lpt in self._final.get(state, []):
                    if tag == targetpos:
                        lp1 = lp + lpt
                        if lp1 > LOWER_BOUND:
                            new = (state[1], tag)
                            if new not in last_row or lp1 > last_row[new]:
                                last_row[new] = lp1
                                back[-1][new] = (state, wlen)
                        break
            if last_row:
                break
        best, pmax = (EMPTY, EMPTY), -math.inf
        for state, lp in table[-1].items():
            if lp > pmax:
                best, pmax = state, lp
        i = len(back) - 1
        if best == (EMPTY, EMPTY):
            states = [((UNKNOWN, END_UNKNOWN), i), ((START, UNKNOWN), i - 1)]
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
        results[pos] = logaddexp(results[pos], lp) if pos in results else lp
    ranked = sorted(results.items(), key=lambda item: item[1], reverse=True)
    return ranked or [(UNKNOWN, 0)]

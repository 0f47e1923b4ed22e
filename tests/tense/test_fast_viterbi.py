"""newslint runs its own copies of HanTa's Viterbi loops (`morph.sentence_tags`,
`segmenter.Segmenter`): the tags, floats and lemmas must be HanTa's."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import engine
from newslint.tense import hantamodel, morph
from newslint.tense import segmenter as segmenter_module
from newslint.tense.tokens import tokenize
from newslint.text.sentences import split_sentences

SENTENCES = [
    "Die preise steigen seit Jahren.",
    "Unser ziel ist klar, sagte Kim am Montag in Wien.",
    "Der Xylophonbauer Qwertzuiop hat gestern angekündigt, dass er aufhört.",
    "„Das release ich nicht“, sagte er.",
    "Zzzq.",
]


def _words(text: str, start: int, end: int) -> tuple[str, ...]:
    return tuple(t.text.replace("\u00ad", "") for t in tokenize(text, start, end))


def _hanta(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(str(t) for t in morph.hanta().tag_sent(list(words), taglevel=0))


@pytest.mark.parametrize("sentence", SENTENCES)
def test_same_tags_as_hanta(sentence: str) -> None:
    words = _words(sentence, 0, len(sentence))
    assert morph.sentence_tags(words) == _hanta(words)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_same_tags_for_a_model_without_one_tag_order(
    sentence: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fallback for a model whose transition rows list the tags in different orders."""
    monkeypatch.setattr(morph, "_uniform_order", lambda tagger: None)
    words = tuple(w for w in _words(sentence, 0, len(sentence)) if w)
    tags = [str(morph.hanta().int2tag[t]) for t in morph._viterbi(morph.hanta(), words)]
    assert tuple(tags) == _hanta(words)


def test_same_tags_on_the_dev_corpus(shared: Path) -> None:
    folder = shared / "corpus" / "dev" / "dirty"
    differ = []
    for path in sorted(folder.iterdir())[:12]:
        document = engine.read(path, str(path)).document
        assert document is not None
        for block in document.blocks:
            for start, end in split_sentences(block.text):
                words = _words(block.text, start, end)
                if words and morph.sentence_tags(words) != _hanta(words):
                    differ.append(" ".join(words))
    assert differ == []


def test_snapshot_is_the_same_tagger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pickled snapshot in the cache folder loads a tagger that tags as HanTa's own load."""
    from HanTa import HanoverTagger  # type: ignore[import-untyped]

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    assert hantamodel._from_snapshot(HanoverTagger) is None  # nothing there yet
    (tmp_path / "hanta-ger-1188761-1795241604502721924.pickle").write_bytes(b"old")
    loaded = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    hantamodel._write_snapshot(loaded, HanoverTagger)
    (snapshot,) = tmp_path.glob("hanta-ger-*.pickle")  # the stale one is gone
    assert snapshot.stat().st_mode & 0o077 == 0
    restored = hantamodel._from_snapshot(HanoverTagger)
    assert restored is not None
    assert restored.__dict__.keys() == loaded.__dict__.keys()
    words = ["Der", "Xylophonbauer", "Qwertzuiop", "hat", "gestern", "angekündigt", "."]
    assert restored.tag_sent(words, taglevel=0) == loaded.tag_sent(words, taglevel=0)
    snapshot.write_bytes(b"not a pickle")
    assert hantamodel._from_snapshot(HanoverTagger) is None  # damaged: HanTa's own load instead


# Words HanTa has not seen, of every shape: compounds, names, short and one-letter words,
# numbers, hyphens, umlauts, capitals, and known words for contrast.
WORDS = [
    "Xylophonbauer",
    "Qwertzuiop",
    "Donaudampfschifffahrtsgesellschaft",
    "Ab",
    "ab",
    "x",
    "Zzzq",
    "2019",
    "12.000",
    "US-Präsident",
    "Kim",
    "Jong-un",
    "Seliger",
    "überbordend",
    "ÖVP-Klubobmann",
    "Hackerangriffe",
    "fürKim",
    "InAbstimmung",
    "Wohnbauförderungsgesetz",
    "Haus",
    "gehen",
    "ging",
    "schuen",
    "iPhone",
    "CO2",
    "Österreichs",
    "ß",
    "Fußballerin",
]


def _original_analysis(word: str) -> list[tuple[int, float]]:
    tagger = morph.hanta()
    result: list[tuple[int, float]] = type(tagger).analyze_forward(tagger, word)
    return result


@pytest.mark.parametrize("word", WORDS)
def test_word_analysis_is_hantas(word: str) -> None:
    """The faster analysis of an unseen word gives HanTa's list: same tags, floats, order."""
    assert morph.hanta().analyze_forward(word) == _original_analysis(word)


def test_word_analysis_with_per_tag_suffix_tables_is_hantas() -> None:
    """The fallback for a model whose guessable tags list different suffixes."""
    segmenter = segmenter_module.Segmenter(morph.hanta())
    segmenter._suffix_rows = None
    assert [segmenter.analyze(w) for w in WORDS] == [_original_analysis(w) for w in WORDS]


def test_word_analysis_is_hantas_on_the_dev_corpus(shared: Path) -> None:
    tagger = morph.hanta()
    words: set[str] = set()
    for path in sorted((shared / "corpus" / "dev" / "dirty").iterdir())[:8]:
        document = engine.read(path, str(path)).document
        assert document is not None
        for block in document.blocks:
            words.update(t.text for t in tokenize(block.text, 0, len(block.text)))
    unseen = sorted(w for w in map(tagger.normalize, words) if w and w not in tagger.cache)
    assert len(unseen) > 200
    differ = [w for w in unseen if tagger.analyze_forward(w) != _original_analysis(w)]
    assert differ == []


@pytest.mark.parametrize("shared_suffixes", [True, False], ids=["shared", "per-tag"])
def test_guessed_morpheme_scores_are_hantas(shared_suffixes: bool) -> None:
    """A segment HanTa has to guess gets HanTa's score for every guessable tag, whether the
    suffix is looked up once for all tags (the German model) or per tag (tables differ)."""
    tagger = morph.hanta()
    segmenter = segmenter_module.Segmenter(tagger)
    if not shared_suffixes:
        segmenter._suffix_rows = None
    compared = 0
    for word in map(tagger.normalize, WORDS):
        wlen = len(word)
        for i in range(wlen):
            for j in range(i + 1, wlen + 1):
                segment = word[i:j]
                if not (wlen < 4 or j - i > 2):
                    continue  # HanTa does not guess such a segment
                for tag in segmenter._guess:
                    if segment in tagger.LP_m_t[tag]:
                        continue  # a known morpheme: looked up, not guessed
                    expected = tagger.lp_m_t(segment, tag, wlen, tagger.strict)
                    whole = wlen == j - i
                    assert segmenter._guessed(segment, tag, whole) == expected, (segment, tag)
                    compared += 1
    assert compared > 10_000


def _original_path(word: str, targetpos: int) -> list[tuple[int, int]]:
    tagger = morph.hanta()
    result: list[tuple[int, int]] = type(tagger).analyze_viterbi(tagger, word, targetpos)
    return result


def test_best_path_is_hantas_for_every_part_of_speech() -> None:
    """The morphemes a lemma is built from: HanTa's path for each word under each part of
    speech (known morphemes only, or guessed ones when those reach no end)."""
    tagger = morph.hanta()
    segmenter = segmenter_module.Segmenter(tagger)
    parts_of_speech = sorted(t for t in tagger.int2tag if t < 0)
    assert len(parts_of_speech) > 40
    differ = [
        (word, pos)
        for word in {w.lower() for w in WORDS}
        for pos in parts_of_speech
        if segmenter.best_path(word, pos) != _original_path(word, pos)
    ]
    assert differ == []


def test_lemmas_are_hantas_on_the_dev_corpus(shared: Path) -> None:
    """Every verb of four dev articles: the same morphemes (hence lemma) as HanTa's own."""
    tagger = morph.hanta()
    segmenter = segmenter_module.Segmenter(tagger)
    verbs: set[tuple[str, int]] = set()
    for path in sorted((shared / "corpus" / "dev" / "dirty").iterdir())[:4]:
        document = engine.read(path, str(path)).document
        assert document is not None
        for block in document.blocks:
            for start, end in split_sentences(block.text):
                words = _words(block.text, start, end)
                for word, tag in zip(words, morph.sentence_tags(words), strict=True):
                    if tag.startswith("V"):
                        verbs.add((word.lower(), -tagger.tag2int[tag]))
    assert len(verbs) > 100
    differ = [v for v in verbs if segmenter.best_path(*v) != _original_path(*v)]
    assert differ == []


def test_logaddexp_gives_numpy_s_floats() -> None:
    """HanTa's one use of numpy, replaced: bit for bit the same results."""
    import math
    import random

    from numpy import logaddexp

    rng = random.Random(5)
    pairs = [(rng.uniform(-s, 0), rng.uniform(-s, 0)) for s in (1, 50, 1e6) for _ in range(20_000)]
    pairs += [(-3.5, -3.5), (-math.inf, -2.0), (-2.0, -math.inf), (-math.inf, -math.inf)]
    assert [segmenter_module.logaddexp(x, y) for x, y in pairs] == [
        float(logaddexp(x, y)) for x, y in pairs
    ]


def test_tagging_does_not_import_numpy(tmp_path: Path) -> None:
    """A pre-commit run pays for neither numpy's import nor numpy scalars in the snapshot
    (only the first load, from HanTa's own model file, needs numpy)."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from newslint.tense import morph\n"
        "assert morph.sentence_tags(('Die', 'preise', 'steigen', '.'))[1] == 'NN'\n"
        "print('numpy' in sys.modules)\n"
    )
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        for _ in range(2)  # from the model (writing the snapshot), then from the snapshot
    ]
    assert [(r.returncode, r.stdout.strip()) for r in runs] == [(0, "True"), (0, "False")]
    assert [p.name.endswith("-plain.pickle") for p in tmp_path.glob("hanta-ger-*")] == [True]

"""The `typo` kind (rule de-news.typo): unseen words one slip from a common word."""

from __future__ import annotations

import tracemalloc

import pytest

from newslint.checks.typo import TypoCheck
from newslint.packs.loader import load_rule, shipped_packs_dir
from newslint.spelling import unseen_slip
from tests.checks.located import Located, located_findings

RULE = load_rule(shipped_packs_dir() / "de-news" / "typo.yaml", "de-news")


def _findings(text: str) -> list[Located]:
    return located_findings(TypoCheck(RULE), text)


def test_slips_the_speller_lets_through_as_compounds() -> None:
    text = "Das Zimmre war klein.\n\nEs fehlen Inforationen, sagen die Rumfahrtexperten der Nasa."
    assert _findings(text) == [
        (3, 5, "Zimmre", ("Zimmer",)),
        (5, 11, "Inforationen", ("Informationen",)),
        (5, 35, "Rumfahrtexperten", ("Raumfahrtexperten",)),
    ]


def test_a_word_the_article_uses_twice_is_a_name() -> None:
    text = "Die Plattform Rumblr wächst.\n\nRumblr hat nun zehn Millionen Nutzer."
    assert _findings(text) == []
    assert _findings("Die Plattform Rumblr wächst.") == [(3, 15, "Rumblr", ("Tumblr",))]


def test_a_word_of_the_article_run_into_a_function_word() -> None:
    """The reference corpus lacks the name and the term, so no slip leads to them; the
    article itself uses them on their own."""
    text = (
        "Andrew Butterfill forscht an Weißbüschelaffen.\n\n"
        "Laut Butterfillist das Tier klein. Er hält Weißbüschelaffenein Modell für gut.\n\n"
        "Die Weltmeisterin und der Weltmeister jubelten in Simmering, die Simmeringer auch."
    )
    assert _findings(text) == [
        (5, 6, "Butterfillist", ("Butterfill ist",)),
        (5, 44, "Weißbüschelaffenein", ("Weißbüschelaffen ein",)),
    ]
    # Without the name on its own elsewhere, nothing tells a run-together word from a name.
    assert _findings("Laut Butterfillist das Tier klein.") == []


def test_a_noun_run_into_the_participle_that_ends_its_clause() -> None:
    text = (
        "Sie hat ihr Geld bereits der Polizeigegeben. Die Studie, die in "
        "Scienceveröffentlicht wurde, zeigt das.\n\n"
        "Kriegsbedingt fiel das aus. Die Kriegsversehrten klagen über Volumensteigerungen."
    )
    assert _findings(text) == [
        (3, 30, "Polizeigegeben", ("Polizei gegeben",)),
        (3, 65, "Scienceveröffentlicht", ("Science veröffentlicht",)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Die Nationalratssitzungen dauern lange.",  # a compound of known words, linking s
        "Die Karenztage sind gezählt.",  # Karenz (rare) + Tage: still a compound
        "Ein Contraption aus Holz.",  # no slip at the seam: not "Contra|option"
        "Das iPhone und die OECD.",  # capitals inside, all caps
        "Er sagt, Ofer Tchernichovski forscht.",  # names: no slip of a common word
        "Das Zimmer ist groß.",  # seen words are not judged
    ],
)
def test_known_words_compounds_and_names_pass(text: str) -> None:
    assert _findings(text) == []


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("Zimmre", "Zimmer"),  # swap
        ("Macheer", "Macher"),  # double
        ("erzzwingen", "erzwingen"),  # lowercase
        ("Bobachtungsstelle", "Beobachtungsstelle"),  # a dropped letter, linking s
        ("Regionalmeitserschaft", "Regionalmeisterschaft"),  # in the second stem
        ("Striet", "Streit"),  # rare in the corpus (Zipf 1.3): a letter slip of a far commoner word
        ("Congressdie", "Congress die"),  # run into a function word; the speller is silent
        ("Weihnachtsparodie", None),  # a compound of known stems, not "Weihnachtsparo die"
        ("weltumarmenden", None),  # "den" ends too many words: no split before it
        ("Stoffelige", None),  # "Stoff|elige" is not "Stoff|elite": the slip must be in a stem
        ("Gradacac", None),
        ("Deutschland", None),
    ],
)
def test_the_word_meant(word: str, meant: str | None) -> None:
    assert unseen_slip(word) == meant


def test_nothing_is_judged_without_the_word_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reference corpus that knows no word (wordfreq could not load its list) would make
    every word unseen: "Befund" would be "Bef und"."""
    from newslint.checks import typo

    monkeypatch.setattr(typo, "frequent", lambda words, at_least: {})
    typo._word_list_available.cache_clear()
    try:
        assert _findings("Der Befund ist klar, das Zimmre auch.") == []
    finally:
        typo._word_list_available.cache_clear()


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["paragraphs", "one-paragraph"])
def test_a_long_article_is_counted_without_keeping_its_words(separator: str) -> None:
    """Words are counted one by one as strings: keeping a match (or a string) per word cost
    ~30 bytes of memory per byte of text (a 50 MB file would need 1.5 GB)."""
    from newslint.document.reader import parse

    paragraph = "Der Bundestag hat am Donnerstag beraten, die Opposition kritisierte die Pläne."
    document = parse("lang.txt", "Titel\n\n" + separator.join([paragraph] * 25_000))  # 2 MB
    check = TypoCheck(RULE)
    list(check.run_document(document.blocks[:1]))  # the word list, loaded once
    tracemalloc.start()
    try:
        assert list(check.run_document(document.blocks)) == []
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000

"""The speller filter: real slips stay, names go; joined words are split."""

from __future__ import annotations

import pytest

from newslint.spelling import (
    capitalised_in_article,
    compound_zipf,
    frequency,
    genitive_of_name,
    joined,
    joined_to_article_word,
    lowercase_compound_noun,
    lowercase_name,
    misspelt_name,
    plausible_typo,
    slip,
    slip_to_everyday,
    slips_to_common,
)


@pytest.mark.parametrize(
    ("word", "suggestion", "kind"),
    [
        ("Jharen", "Jahren", "swap"),
        ("sicchtbar", "sichtbar", "double"),
        ("witer", "weiter", "drop"),
        ("hatfe", "hatte", "keyboard"),
        ("Mitarbeitersollen", "Mitarbeiter sollen", "split"),
        ("aufjedenfall", "auf jeden Fall", "split"),  # the noun inside gets its capital
        ("Aufjedenfall", "auf jeden fall", None),
        ("Welbeck", "Melbeck", "substitute"),
        ("Hughes", "Hughs", "extra"),
        ("WebStandard", "Webstandard", "case"),
        ("lawrow", "Lawrow", "capital"),
        ("Lawrow", "lawrow", "case"),
        ("Bacca", "Back", None),
    ],
)
def test_slip_kinds(word: str, suggestion: str, kind: str | None) -> None:
    assert slip(word, suggestion) == kind


def test_capitalised_words_need_a_strong_slip() -> None:
    assert plausible_typo("Jharen", ["Jahren", "Jaren"])
    assert not plausible_typo("Welbeck", ["Melbeck", "Elfeck", "Walbeck"])
    assert plausible_typo("hatfe", ["hatte", "hafte"])
    assert not plausible_typo("money", ["Honey"])
    assert not plausible_typo("ÖIAG", ["AG"])


@pytest.mark.parametrize(
    ("word", "suggestions"),
    [
        ("Luger", ["Lug er", "Lager", "Ludger"]),  # Linz's mayor: in the reference corpus
        ("Hama", ["Hamm", "Hamas"]),  # a Syrian city
        ("al-Hak", ["al-HAK", "al-Yak"]),
        ("Fed-Politik", ["Feld-Politik"]),
        ("Gehirnhemisphäre", ["Gehirnhemdsphäre", "Gehirnheimsphäre"]),  # nonsense swap
        ("Ellenikon", ["Ellenikone", "Ellenicon"]),  # the dropped letter leads nowhere
        ("reinhackle", ["reinhacke", "reinhackte"]),  # Austrian: a rare word is no target
        ("entgegengestreckten", ["entgegen gestreckten"]),  # particle and participle
        ("OECD", []),  # short all-caps: an acronym
        ("Meknes", ["Meines"]),  # a rare name of the corpus: a key slip is not enough
        ("WebStandard", ["Webstandard", "Web Standard"]),  # a brand: case and split
        ("Ellenikon", ["Ellenikone"]),  # too short to be judged as a compound
        ("marktweiten", ["Marktweiten"]),  # the capitalised form is the speller's guess
        ("Ofer", ["Oper", "Oder", "Opfer"]),  # a short name of the corpus (Zipf 2.0), not Opfer
        ("Bauman", ["Bau man", "Baumann"]),  # Zipf 2.2: a split or a rarer name is no leap
    ],
)
def test_names_terms_and_rare_targets_are_not_typos(word: str, suggestions: list[str]) -> None:
    assert not plausible_typo(word, suggestions)


@pytest.mark.parametrize(
    ("word", "suggestions"),
    [
        ("Affeh", ["Affen", "Offen", "Affe"]),  # a neighbouring key in a capitalised word
        ("Organisatiinen", ["Organisationen", "Organistinnen"]),
        ("Släter", ["Später", "Alter"]),
        ("Fillmbibliothek", ["Filmbibliothek"]),  # a doubling: the target may be rare
        ("mitzuverhandlen", ["mitzuverhandeln"]),  # lowercase: a swap needs no frequency
        ("STADARD", []),  # LanguageTool suggests nothing for all-caps words
        ("auchkeine", ["auch keine"]),
        ("Koaltion", ["Koalition"]),  # in the corpus as a typo, 1,000 times rarer
        ("Nivau", ["Niveau"]),
        ("Deutschand", ["Deutschland", "Deutschen"]),  # Zipf 2.0 as a typo; the word 5.8
        ("Politker", ["Politiker", "Polzucker"]),  # Zipf 2.2; the word 5.0
        ("Stadtstdio", ["Stadtstudio"]),  # a rare compound of common stems
        ("Preisabxprachen", ["Preisabsprachen"]),
        ("lawrow", ["Lawrow", "Pawlow"]),  # a name written lowercase
        ("zuckerl", ["Zuckerl", "zuckere"]),  # an Austrian noun written lowercase
        ("Esist", ["Es ist", "Seist"]),  # in the reference corpus, but far rarer than its parts
        ("Parlamentsneuwahlenoffiziell", ["Parlamentsneuwahlen offiziell"]),  # a rare part
        ("Tagugsbeginn", ["Tagesbeginn", "Tagungsbeginn"]),  # the second suggestion
        ("Kkrdon", ["Kordon", "Karton"]),  # a neighbouring key; "Kordon" is rare (Zipf 2.1)
        # a key from a rare compound (Zipf 1.5) of two common words
        ("Kernzeiteg", ["Kernzeiten"]),
        ("Ölpreisem", ["Ölpreise", "Ölpreises", "Ölpreisen"]),
        ("weltentrüclte", ["weltentrückte"]),  # a rare compound of a common stem
        # lowercase: any slip to a word of the reference corpus, however rare
        ("deklassierteg", ["deklassierte", "deklassierten"]),  # Zipf 1.9
        ("herumlaf", ["herumlag", "herumlauf"]),  # Zipf 1.6
        ("zugestürm", ["zugestürmt", "zugestürzt"]),  # Zipf 1.4
    ],
)
def test_slips_of_common_words_are_typos(word: str, suggestions: list[str]) -> None:
    assert plausible_typo(word, suggestions)


def test_all_caps_slips_are_found_without_suggestions() -> None:
    assert slips_to_common("stadard", frequency)[0] == "standard"
    assert slips_to_common("xqzvw", frequency) == []


def test_joined_words_are_split() -> None:
    lexicon = {"Gruppe", "Quietschlaute"}
    assert joined("GruppeFursan", lexicon.__contains__) == "Gruppe Fursan"
    assert joined("Payund", lexicon.__contains__) == "Pay und"
    assert joined("Quietschlautein", lexicon.__contains__) == "Quietschlaute in"
    assert joined("Hunter", lexicon.__contains__) is None
    assert joined("Enner", lexicon.__contains__) is None


def test_a_name_run_into_a_verb_or_preposition_is_split() -> None:
    """The head of such a split may be a name that only the reference corpus knows."""
    known = {"Gruppe"}.__contains__
    assert joined("Cookhat", known, zipf=frequency) == "Cook hat"
    assert joined("Neymarfür", known, zipf=frequency) == "Neymar für"
    assert joined("Konamiwill", known, zipf=frequency) == "Konami will"  # a modal verb
    assert joined("Schaunighabe", known, zipf=frequency) == "Schaunig habe"  # reported speech
    assert joined("Cookhat", known) is None  # without the corpus the head is unknown
    assert joined("Butterfillist", known, zipf=frequency) is None  # "Butterfill": no name
    assert joined("Tullnein", known, zipf=frequency) is None  # "ein" needs a lexicon word


def test_a_compound_run_into_a_preposition_is_split() -> None:
    """A long head the corpus lacks counts as common as its rarer stem; only before tails
    that end no long word."""
    known = {"Gruppe"}.__contains__
    assert joined("Gleitzeitmodellohne", known, zipf=frequency) == "Gleitzeitmodell ohne"
    assert joined("Fahrradfahreroder", known, zipf=frequency) == "Fahrradfahrer oder"
    assert joined("Umweltaktivist", known, zipf=frequency) is None  # "-ist" ends words
    assert joined("Gleitzeitmodellohne", known) is None  # without the corpus


def test_compound_frequency_is_that_of_the_rarer_stem() -> None:
    assert compound_zipf("Stadtstudio", frequency) >= 2.5 > frequency("Stadtstudio")
    assert compound_zipf("Ellenikone", frequency) == frequency("Ellenikone")  # too short
    assert compound_zipf("Tagungsbeginn", frequency) >= 2.5  # "Tagung" with a linking s


def test_a_lowercase_name_is_attested_rare_and_read_as_a_name() -> None:
    def name(_word: str) -> bool:
        return True

    assert lowercase_name("niessl", name)  # Burgenland's governor, lowercase
    assert not lowercase_name("niessl", lambda _: False)  # HanTa reads no name
    assert not lowercase_name("online", name)  # an everyday lowercase word
    assert not lowercase_name("xqzvwl", name)  # not in the reference corpus: a slip
    assert not lowercase_name("Niessl", name)  # capitalised already


def test_a_name_the_article_spells_right_elsewhere() -> None:
    article = {"Mahrer": 5, "Niessl": 2, "Regierung": 3}
    assert misspelt_name("Maahrer", article) == "Mahrer"  # a doubled letter
    assert misspelt_name("Nieqsl", article) == "Niessl"  # a neighbouring key
    assert misspelt_name("Mahrers", article) is None  # the genitive
    assert misspelt_name("Mahrerr", article) == "Mahrer"  # a doubled last letter is a slip
    assert misspelt_name("Regierungen", article) is None  # two letters more: no slip
    assert misspelt_name("Kickl", article) is None  # nothing like it in the article
    # Each spelling once: each is reported with the other; one of them is the slip.
    assert misspelt_name("Ulameec", {"Ulamec": 1, "Ulameec": 1}) == "Ulamec"
    assert misspelt_name("Ulamec", {"Ulamec": 1, "Ulameec": 1}) == "Ulameec"


def test_the_genitive_of_a_name_the_article_uses() -> None:
    article = {"Mahrer": 5, "Kurs": 1}
    assert genitive_of_name("Mahrers", article)
    assert not genitive_of_name("Mahrerss", article)  # a doubled letter is a slip
    assert not genitive_of_name("Maurers", article)  # no "Maurer" in the article
    assert not genitive_of_name("Kurss", article)


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("würdeen", "würden"),  # the speller suggests "worden", "würdigen"
        ("vollre", "voller"),
        ("angenhem", "angenehm"),
        ("studier", None),  # a letter missing: a real form the dictionary may lack
        ("gibts", None),  # "gibt" + "s": a contraction, not a letter too many
        ("schloß", None),  # the old spelling, not "schoß"
        ("Welbeck", None),  # capitalised: a name
        ("kurz", None),  # too short to judge
    ],
)
def test_a_lowercase_slip_of_an_everyday_word_the_speller_did_not_suggest(
    word: str, meant: str | None
) -> None:
    assert slip_to_everyday(word) == meant


def test_a_compound_is_a_noun_when_its_last_part_only_ever_is() -> None:
    lexicon = {"behörde": True, "weiten": False, "arbeiten": False, "vertreterin": True}
    noun_only = lexicon.get
    assert lowercase_compound_noun("telekomregulierungsbehörde", noun_only) == (
        "Telekomregulierungsbehörde"
    )
    assert lowercase_compound_noun("marktweiten", noun_only) is None  # also an adjective
    assert lowercase_compound_noun("fließbandarbeiten", noun_only) is None  # also a verb
    assert lowercase_compound_noun("xyzqwv", noun_only) is None  # no known last part
    assert lowercase_compound_noun("Telekombehörde", noun_only) is None  # capitalised


def test_a_word_of_the_article_run_into_a_function_word() -> None:
    article = {"Butterfill": 3, "Quietschlaute": 1, "Weltmeister": 1, "Simmering": 2}
    assert joined_to_article_word("Butterfillist", article) == "Butterfill ist"
    assert joined_to_article_word("Quietschlautein", article) == "Quietschlaute in"
    assert joined_to_article_word("Weltmeisterin", article) is None  # a feminine
    assert joined_to_article_word("Simmeringer", article) is None  # an adjective of the place
    assert joined_to_article_word("Cookhat", article) is None  # "Cook" is not in the article
    assert joined_to_article_word("Butterfillihre", article) == "Butterfill ihre"


def test_a_lowercase_word_the_article_capitalises_elsewhere() -> None:
    article = {"Ulamec": 2, "Zschäpe": 1}
    assert capitalised_in_article("ulamec", article) == "Ulamec"
    assert capitalised_in_article("zschäpes", article) == "Zschäpes"  # the genitive
    assert capitalised_in_article("kurz", article) is None  # not in the article
    assert capitalised_in_article("Ulamec", article) is None  # capitalised already

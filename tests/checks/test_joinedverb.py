"""The `joined-verb` kind (rule de-news.joined-verb): a noun run into its infinitive."""

from __future__ import annotations

import pytest

from newslint.checks.joinedverb import JoinedVerbCheck
from newslint.packs.loader import load_rule, shipped_packs_dir
from tests.checks.located import Located, located_findings

RULE = load_rule(shipped_packs_dir() / "de-news" / "joined-verb.yaml", "de-news")


def _findings(text: str) -> list[Located]:
    return located_findings(JoinedVerbCheck(RULE), text)


def test_noun_and_infinitive_run_together_after_a_modal() -> None:
    text = "Die Wirtschaft sollte im Jahrwachsen.\n\nSie werde weniger Personalgeben, hieß es."
    assert _findings(text) == [
        (3, 26, "Jahrwachsen", ("Jahr wachsen",)),
        (5, 19, "Personalgeben", ("Personal geben",)),
    ]


def test_a_subordinate_clause_without_its_finite_verb() -> None:
    """The verb may be one the lexicon lacks but the reference corpus has ("mitnehmen")."""
    text = "Es geht darum, welche Qualifikationen Flüchtlingemitnehmen, die hier ankommen."
    assert _findings(text) == [(3, 39, "Flüchtlingemitnehmen", ("Flüchtlinge mitnehmen",))]


@pytest.mark.parametrize(
    "text",
    [
        "Die Wirtschaft sollte im Jahr wachsen.",
        "Er will das Radfahren lernen.",  # the clause has its infinitive
        "Sie können das Autofahren.",  # the modal's object
        "Das Wachstum wurde im Jahrwachsen gemessen.",  # no modal, no "werden" + infinitive
        "Es konnten keine Suchanfragen oder Anträge festgestellt werden.",  # infinitive after
        "Sie will im Jahrwachsen bleiben.",  # not at the clause's end
        "Im Bild: Kinder beim Schlittenfahren.",  # a fragment, no subordinate clause
        "Es ist ein Ort, wo Kinder rodeln und Schlittenfahren üben.",  # "üben" is its verb
    ],
)
def test_nominalisations_and_complete_clauses_pass(text: str) -> None:
    assert _findings(text) == []

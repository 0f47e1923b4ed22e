"""The `capitalization` kind (rule de-news.lowercase-noun): lowercase nouns, exact spans."""

from __future__ import annotations

import pytest

from newslint.checks.base import Rule
from newslint.checks.capitalization import CapitalizationCheck
from newslint.document.reader import parse
from newslint.engine import lint_document
from newslint.packs.loader import load_rule, shipped_packs_dir

RULE = load_rule(shipped_packs_dir() / "de-news" / "lowercase-noun.yaml", "de-news")


def _findings(text: str, path: str = "artikel.txt", rule: Rule = RULE) -> list[tuple[int, str]]:
    """(offset in the block, flagged text) for the first prose block after the headline."""
    document = parse(path, "Titel\n\n" + text)
    located, errors = lint_document(document, [CapitalizationCheck(rule)])
    assert not errors
    return [
        (f.start, document.blocks[i].text[f.start : f.end])
        for i, f in located
        if document.blocks[i].text.startswith(text[:10])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after an article, possessive, demonstrative, "am/zum"
        ("Die Stadtregierung hat unser ziel nie geteilt.", [(29, "ziel")]),
        ("Bei den Zulassungen ist der wurm drin.", [(28, "wurm")]),
        ("Der Betriebsrat kritisierte die schließung des Werks.", [(32, "schließung")]),
        ("Im Frühjahr sind die preise deutlich gestiegen.", [(21, "preise")]),
        ("Laut Aufsichtsrat will das unternehmen 200 Stellen streichen.", [(27, "unternehmen")]),
        ("Derzeit kursiert diese nachricht nur in sozialen Netzwerken.", [(23, "nachricht")]),
        ("Der Verteidiger der angeklagten beantragte eine Vertagung.", [(20, "angeklagten")]),
        ("Die Hälfte der kabinettsposten geht an die Partei.", [(15, "kabinettsposten")]),
        # an infinitive after "ein" or "kein" (no pronouns there, unlike "das")
        ("Es sei ein mitverschulden der Gläubiger.", [(11, "mitverschulden")]),
        ("Es gibt kein verhandeln mehr.", [(13, "verhandeln")]),
        ("Ob – und in welchem Umfang – ein mitverschulden vorliegt.", [(33, "mitverschulden")]),
        # a compound the lexicon lacks, the only noun of a determined adjective
        ("Der Ruf der jungen weißbüschelaffen hängt vom Futter ab.", [(19, "weißbüschelaffen")]),
        ("Es war das erste mal, dass sie gewann.", [(17, "mal")]),
        ("Die Förderung gilt auch für das burgenland.", [(32, "burgenland")]),
        ("Am ende der Saison stand der Abstieg fest.", [(3, "ende")]),
        # after an attributive adjective; nominalised infinitives
        ("Der Streit hat dem internationalen ansehen geschadet.", [(35, "ansehen")]),
        ("Es geht um internationales ansehen.", [(27, "ansehen")]),
        ("Für die nächsten jahren rechnet das Institut mit Zuwächsen.", [(17, "jahren")]),
        ("Die Gutscheine eignen sich auch zum verschenken.", [(36, "verschenken")]),
        ("Sie hat ihr jahrelanges schweigen gebrochen.", [(24, "schweigen")]),
        ("Die Minister sprachen über das treffen in Wien.", [(31, "treffen")]),
        ("Nach einem remis blieb das Team ungeschlagen.", [(11, "remis")]),
        ("Sie wurden aus überwiegend rassistischen gründen ermordet.", [(41, "gründen")]),
        ("Zudem unterstützt das gerät WLAN und NFC.", [(22, "gerät")]),
        (
            "Österreich will nur noch tageskontingente – keine Obergrenze.",
            [(25, "tageskontingente")],
        ),
        # after a preposition, coordinated with a noun, without determiner
        ("Die Novelle tritt im Herbst in kraft.", [(31, "kraft")]),
        ("Die Prämie gilt für Arbeiter und angestellten.", [(33, "angestellten")]),
        ("Die Fracht kam mit Flugzeugen oder schiffen an.", [(35, "schiffen")]),
        ("Seit Jahren hoffen forscher auf einen Durchbruch.", [(19, "forscher")]),
        # nominalised adjectives, place adjectives, names, fixed phrases
        ("Über die Details sei man sich noch nicht im klaren.", [(44, "klaren")]),
        ("Die Anrainer wünschen sich etwas dauerhaftes.", [(33, "dauerhaftes")]),
        ("Deswegen war der wiener für das Derby fraglich.", [(17, "wiener")]),
        ("Die Helfer vom roten Kreuz waren rasch vor Ort.", [(15, "roten")]),
        ("Im Kurs lernen die Lehrlinge erste Hilfe.", [(29, "erste")]),
        ("Die Eltern machen sich sorgen um die Schule.", [(23, "sorgen")]),
        ("Viele Sparer haben angst vor der Teuerung.", [(19, "angst")]),
        ("Die Ampel sprang auf rot, er fuhr bei rot weiter.", [(21, "rot"), (38, "rot")]),
        ("Sie besteht zu weiten teilen aus Zeichnungen.", [(22, "teilen")]),
        ("Die Bilder verströmen ungemeine ruhe.", [(32, "ruhe")]),
        ("Das Projekt wurde zu etwas größerem.", [(27, "größerem")]),
        ("Sie lernen bis zum alter von zwei Monaten.", [(19, "alter")]),
        ("Damals waren es ende 2015 schon mehr.", [(16, "ende")]),
        ("Der Vertrag gilt bis mitte Mai.", [(21, "mitte")]),
        ("Viele zahlen für mehr speicher gerne drauf.", [(22, "speicher")]),
        ("Wenn es einen stoß gegeben habe, sei er stark gewesen.", [(14, "stoß")]),  # no imperative
        ("Was den Preis von metallen betrifft, bleibt er vorsichtig.", [(18, "metallen")]),
        ("Sie kritisiert es, wenn es flüchtlinge zurückweist.", [(27, "flüchtlinge")]),
        ("Er hat die rote Karte gesehen.", [(11, "rote")]),  # a listed name
        ("Der Stürmer wurde mit rot bestraft.", [(22, "rot")]),  # a colour named
        ("Kroatien will beamte nach Mazedonien schicken.", [(14, "beamte")]),  # noun only
        ("Er hatte das Gefühl, ins nichts zu blicken.", [(25, "nichts")]),
        # a name the article capitalises inside a sentence elsewhere, or its genitive
        ("Der Forscher Stephan Ulamec ist froh. Wir hoffen, so ulamec.", [(53, "ulamec")]),
        ("In zschäpes Erklärung heißt es, Beate Zschäpe sei unschuldig.", [(3, "zschäpes")]),
        ("Sie wollen den Firmen unter die arme greifen.", [(32, "arme")]),  # a fixed phrase
        ("Das kommt nicht in frage, sagte er.", [(19, "frage")]),
        ("Die Angriffe des islamischen Staates nahmen zu.", [(17, "islamischen")]),
        # the second part of a pair whose first is a noun cut at a hyphen
        ("Nun prüft die Kinder- und jugendanwaltschaft den Fall.", [(26, "jugendanwaltschaft")]),
        ("Er nannte Vor- oder nachteile nicht.", [(20, "nachteile")]),
        # an unknown compound of known nouns is no adjective before another one
        (
            "Wichtig sind die vom kunstrückgabebeirat verlautbarten Beschlüsse.",
            [(21, "kunstrückgabebeirat")],
        ),
    ],
)
def test_lowercase_noun_is_flagged(text: str, expected: list[tuple[int, str]]) -> None:
    assert _findings(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Das gute Essen war teuer.",
        "So kommt man am besten zum Bahnhof.",
        "Im Allgemeinen gilt die Regel weiter.",
        "Es gibt etwas Neues aus dem Rathaus.",
        "Die beiden trafen sich am Abend.",
        "Der erste kam kurz nach Mitternacht.",
        "Die neue Regierung tritt morgen an.",
        "Er kaufte die roten Äpfel und ließ die grünen liegen.",
        "Man habe hunderte Tweets beantwortet.",
        "Vor einem dreiviertel Jahr war das noch anders.",
        "Die Zahl der Opfer stieg auf über hundert.",
        "Sie wollen das alte Haus verkaufen und ein neues bauen.",
        "Der Mann, der lügen würde, ist noch nicht geboren.",
        "Die Firma gibt die Daten nicht preis.",
        "Das Konzert findet am Samstag statt.",
        "Er kommt morgen früh zurück.",
        "Das Unternehmen ging im Vorjahr pleite.",
        "Dank seiner Hilfe kam er frei.",
        "Der Status quo bleibt erhalten.",
        "Er spielte nächtelang Call of Duty.",
        "Das Gemälde von Vincent van Gogh wurde versteigert.",
        "Er war zeit seines Lebens ein Optimist.",
        "Sie nahm an der Sitzung teil.",
        "Das ist alles andere als einfach.",
        "Er war der einzige, der kam.",
        "Die Koalition will das Land gemeinsam regieren.",
        "Das Treffen mit dem iPhone-Hersteller ist abgesagt.",
        "Die Kosten stiegen um ca. zehn Prozent.",
        "Mehr dazu unter www.parlament.gv.at im Netz.",
        "Gesucht sind Arbeitszeiten und -leistungen.",
        "Die Sterne dichter Sternhaufen leuchten heller.",
        "Das Weiße Haus dementierte, im Weißen Haus wird gefeiert.",
        "Sie wohnen in einem weißen Haus am See.",
        "Über das reden wir morgen.",
        "Sie will das machen.",
        "Die in grün markierten Felder sind Pflicht.",
        "Wenn viele kleine scheitern, gewinnen die großen.",
        "Das ist etwas anderem geschuldet.",
        "Die Saison geht zu Ende, 2015 beginnt eine neue.",
        "Wenn man das sieht, lacht man.",
        "Im Großen und Ganzen recht gut.",
        "Mit dem schnellen Sieg war zu rechnen.",
        "Er hat das für gut befunden.",
        "Die lauf ich nicht.",
        "Sie zeigte eine rote Karte aus Pappe.",
        "Während die linke Hälfte wacht, ruht die rechte wie gewohnt.",
        "Wir wollen das essen.",
        "Es gelten die neuen coronabedingten, strengeren Regeln.",
        "Sag mal, wie war das erste Mal?",
        "Er lud sie ein zu bleiben.",
        "Ein- und ausreisen ist schwer.",  # capitalised for the sentence start
        "Sie meldeten Hacker- und sonstigen Angriffe.",  # an adjective before the noun
        "Schwach seien das Beitrags- und das Schadensniveau.",
        "Er zeigte eine diagonale Linie.",  # an adjective before its noun
        "Er fuhr mit rot markierten Karten.",  # the colour describes what follows
        "Die deutschen Banken zahlen.",  # no name: "Deutsche Bank" is not listed
        "Er hat zwei große und drei kleine.",  # elliptic adjectives
        "Ein Haus, in dem nichts fehlt.",
        "Kanzler Sebastian Kurz sprach kurz.",  # the lexicon knows "kurz" in lowercase
        "Fuer den Preis war es gut, fuer uns nicht.",  # capitalised for the sentence start
    ],
)
def test_correct_text_passes(text: str) -> None:
    assert _findings(text) == []


def test_suggestion_and_message() -> None:
    document = parse("a.txt", "Titel\n\nWir haben unser ziel erreicht.")
    ((_, finding),) = lint_document(document, [CapitalizationCheck(RULE)])[0]
    assert finding.suggestions == ("Ziel",)
    assert finding.message == "„ziel“ → „Ziel“: Nomen und Namen werden großgeschrieben"
    assert finding.category == "capitalization"


def test_offsets_survive_soft_hyphens_and_wrapped_lines() -> None:
    text = "Die Gewerk\u00adschaft fordert die\nschließung des Werks."
    assert _findings(text) == [(30, "schließung")]


def test_headline_and_code_are_not_prose() -> None:
    source = "# das unternehmen meldet Gewinne\n\nDer Befehl `das unternehmen` ist kein Satz.\n"
    document = parse("a.md", source)
    located, _ = lint_document(document, [CapitalizationCheck(RULE)])
    assert located == []


def test_quotes_are_checked_unless_the_rule_skips_them() -> None:
    text = "„Wir haben unser ziel erreicht“, sagte sie."
    assert _findings(text) == [(17, "ziel")]
    skipping = Rule(**{**RULE.__dict__, "skip_quotes": True})
    assert _findings(text, rule=skipping) == []


def test_rule_options_extend_the_lists() -> None:
    rule = RULE.with_overrides(None, {"lowercase_words": ["ziel"]})
    assert _findings("Wir haben unser ziel erreicht.", rule=rule) == []


def test_one_model_for_tense_and_capitalization() -> None:
    from newslint.tense import hantamodel, morph

    words = ("Die", "preise", "steigen", ".")
    assert morph.sentence_tags(words) == ("ART", "NN", "VV(INF)", "$.")
    assert morph.hanta() is hantamodel.load_tagger()
    assert [t.tag for t in morph.tag_words(list(words))] == list(morph.sentence_tags(words))

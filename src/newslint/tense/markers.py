"""Default marker lists: time adverbials and speech/attribution cues.

A time adverbial licenses a change of tense ("Damals war ...", "Inzwischen ist ..."),
and reported speech follows its own tense logic, so sentences with either are never
reported. The lists are defaults for ``BreakOptions``; a newsroom can replace them.

Entries are regular expressions matched as whole words against the sentence text. The
match is case-sensitive (so the verb marker "bericht..." does not fire on the noun
"Berichte") except for the sentence's first letter ("Laut Polizei", "Heute ist").

Weekday names license only in one direction (``DEFAULT_PAST_MARKERS``): "am Montag" is
as common in past narration as in present-tense previews, so it cannot excuse a Präsens
inside a past report, but it does anchor a Präteritum inside a present-tense paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = [
    "DEFAULT_PAST_MARKERS",
    "DEFAULT_SPEECH_MARKERS",
    "DEFAULT_STATIVE_VERBS",
    "DEFAULT_TIME_MARKERS",
    "find_marker",
]

DEFAULT_TIME_MARKERS: tuple[str, ...] = (
    r"heute",
    r"derzeit",
    r"zurzeit",
    r"zur Zeit",
    r"inzwischen",
    r"mittlerweile",
    r"nun",
    r"jetzt",
    r"bisher",
    r"bislang",
    r"damals",
    r"zuletzt",
    r"ursprünglich",
    r"seit",
    r"seither",
    r"seitdem",
    r"künftig",
    r"zukünftig",
    r"morgen",
    r"übermorgen",
    r"gestern",
    r"vorgestern",
    r"früher",
    r"einst",
    r"einmal",
    r"aktuell",
    r"gegenwärtig",
    r"momentan",
    r"zuvor",
    r"vorher",
    r"später",
    r"demnächst",
    r"bald",
    r"heuer",
    r"dieser Tage",
    r"noch (?:im|am|vor|Anfang|Mitte|Ende|bis)",
    r"vor (?:\w+ )?(?:Jahren|Jahrzehnten|Monaten|Wochen|Tagen|Stunden)",
    r"(?:letzte[nmrs]?|vergangene[nmrs]?|vorige[nmrs]?|kommende[nmrs]?|nächste[nmrs]?) "
    r"(?:Jahr|Jahres|Monat|Monats|Woche|Wochenende|Saison|Sommer|Winter|Herbst|Frühling)",
    r"im Vorjahr",
    r"(?:19|20)\d\d",
    r"wieder",
    r"erneut",
    r"noch immer",
    r"immer noch",
    r"nach wie vor",
    r"weiterhin",
    r"stets",
    r"meist",
    r"meistens",
    r"oft",
    r"häufig",
    r"normalerweise",
    r"in Zukunft",
    r"bis dahin",
    r"zunächst",
    r"anfangs",
)

# Anchors in the past: they license a Präteritum sentence inside a present-tense
# paragraph ("Am Montag waren 1.500 Menschen auf der Fähre"), but not the reverse, since
# past narration is full of them.
DEFAULT_PAST_MARKERS: tuple[str, ...] = (
    r"am (?:vergangenen |letzten |frühen |späten )?"
    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Sonnabend|Wochenende)\w*",
    r"(?:im|Anfang|Mitte|Ende) (?:Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|"
    r"August|September|Oktober|November|Dezember)",
    r"am \d{1,2}\. \w+",
    r"kürzlich",
    r"jüngst",
    r"unlängst",
    r"neulich",
    r"vorige\w*",
    r"letzte\w* \w+",
    r"vergangene\w* \w+",
)

# Words that mark reported speech or an attributed source.
DEFAULT_SPEECH_MARKERS: tuple[str, ...] = (
    r"sag\w*",
    r"gesagt",
    r"erklär\w*",
    r"meint\w*",
    r"meine[nt]?",
    r"betont\w*",
    r"beton\w*",
    r"bericht\w*",
    r"teilte?\w* mit",
    r"mitgeteilt",
    r"laut",
    r"zufolge",
    r"so (?:der|die|das|ein|eine)",
    r"erzähl\w*",
    r"schrieb\w*",
    r"schreib\w*",
    r"kritisier\w*",
    r"warnt\w*",
    r"warne\w*",
    r"glaub\w*",
    r"hofft\w*",
    r"hoffe\w*",
    r"befürchte\w*",
    r"vermute\w*",
    r"fragte?\w*",
    r"antwortete?\w*",
    r"kommentier\w*",
    r"heißt es",
    r"hieß es",
    r"wie es",
    r"ergänzt\w*",
    r"fügte?\w* hinzu",
    r"räumte?\w* ein",
    r"gab\w* an",
    r"gibt an",
    r"geben an",
    r"zitier\w*",
    r"Angaben",
    r"Sprecher\w*",
    r"Sprecherin\w*",
    r"sprach\w*",
    r"spricht",
    r"versicher\w*",
    r"bestätig\w*",
    r"behaupte\w*",
    r"kündigte?\w* an",
    r"argumentier\w*",
    r"unterstrich\w*",
    r"unterstreich\w*",
    r"bekräftig\w*",
    r"stellte?\w* klar",
    r"nannte\w*",
    r"nennt",
    r"nennen",
)

# Verbs whose present tense states what holds in general, also inside a past narrative
# ("Das Unternehmen beschäftigt 500 Mitarbeiter", "Es gibt keine Alternative").
DEFAULT_STATIVE_VERBS: tuple[str, ...] = (
    "sein",
    "haben",
    "geben",
    "gelten",
    "bestehen",
    "gehören",
    "liegen",
    "stehen",
    "heißen",
    "bedeuten",
    "zählen",
    "betragen",
    "kosten",
    "wohnen",
    "leben",
    "beschäftigen",
    "handeln",
    "enthalten",
    "umfassen",
    "reichen",
    "fehlen",
    "wiegen",
    "messen",
)


@lru_cache(maxsize=64)
def _compile(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    joined = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{joined})(?![\w-])")


def find_marker(text: str, patterns: Iterable[str]) -> str | None:
    """The first marker of ``patterns`` found in ``text`` as whole words, or None."""
    regex = _compile(tuple(patterns))
    if regex is None:
        return None
    match = regex.search(text) or regex.search(text[:1].lower() + text[1:])
    return text[match.start() : match.end()] if match else None

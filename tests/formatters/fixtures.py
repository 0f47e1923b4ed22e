"""A fixed run for the formatter tests: sources, the diagnostics on them, and a renderer.

The run is chosen to hit every awkward case a format has to survive: German „quotes“, a
no-break space (U+00A0), an emoji before a finding (code points vs. UTF-8 bytes), a path
with a space and one with an umlaut, a span over two lines, one ending at a line break,
a LanguageTool rule unknown to `RunInfo.rules`, a file that could not be read, a clean file,
and more than ten errors (GitHub's annotation cap).
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from newslint.diagnostic import Diagnostic, Severity, Source
from newslint.formatters import (
    RuleMeta,
    RunInfo,
    RunSummary,
    get_formatter,
    line_text_from_sources,
)

WAHL = "artikel/2024-05-01 wahl.md"
LANG = "artikel/lang.md"
CLEAN = "artikel/Überblick.md"
BROKEN = "kaputt.md"
NBSP = "\u00a0"

SOURCES: dict[str, str] = {
    WAHL: (
        "---\n"
        "titel: Wahl in Köln\n"
        "---\n"
        "# Wahl in Köln\n"
        "\n"
        "Die  Wahlbeteiligung lag bei 61 %.\n"
        "„Wir sind zufrieden“, sagte der Bürgermeister 🎉 zeitnah.\n"
        f"Der Tipfehler{NBSP}bleibt, sagte er.\n"
        "Gestern regnete es, heute scheint die Sonne.\n"
        "Ende.\n"
    ),
    LANG: "".join(f"Absatz {i}: Das ist quasi sicher.\n" for i in range(1, 13)),
    CLEAN: "Alles in Ordnung.\n",
}

RULES: dict[str, RuleMeta] = {
    meta.id: meta
    for meta in (
        RuleMeta(
            "de-news.doubled-space",
            "Doppelte Leerzeichen",
            Severity.WARNING,
            "typografie",
            "Zwei Leerzeichen hintereinander sind fast immer ein Versehen.\n\n"
            "Falsch: `Die  Wahl`\nRichtig: `Die Wahl`",
        ),
        RuleMeta(
            "de-news.percent-space", "Geschütztes Leerzeichen vor %", Severity.WARNING, "typografie"
        ),
        RuleMeta("de-news.officialese", "Behördendeutsch vermeiden", Severity.INFO, "stil"),
        RuleMeta(
            "de-news.forbidden-word",
            "Wörter, die die Redaktion nicht druckt",
            Severity.ERROR,
            "stil",
        ),
        RuleMeta("tense.break", "Tempuswechsel im Absatz", Severity.INFO, "grammatik"),
        RuleMeta("de-news.long-sentence", "Sehr lange Sätze", Severity.INFO, "stil"),
        RuleMeta("newslint.read-error", "Datei konnte nicht gelesen werden", Severity.ERROR, "io"),
    )
}


#: The `RunInfo.line_text` hook over `SOURCES`, as the core builds it.
line_text = line_text_from_sources(SOURCES)


def at(path: str, line: int, needle: str) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column) of `needle` on a line, 1-based code points."""
    text = line_text(path, line)
    assert text is not None and needle in text, (path, line, needle)
    column = text.index(needle) + 1
    return line, column, line, column + len(needle)


def _diagnostic(
    path: str,
    where: tuple[int, int, int, int],
    rule: str,
    severity: Severity,
    message: str,
    suggestions: tuple[str, ...] = (),
    source: Source = Source.NEWSLINT,
) -> Diagnostic:
    category = RULES[rule].category if rule in RULES else "TYPOS"
    return Diagnostic(
        path, *where, rule=rule, severity=severity, message=message, category=category,
        suggestions=suggestions, source=source,
    )  # fmt: skip


def _wahl() -> list[Diagnostic]:
    return [
        _diagnostic(WAHL, at(WAHL, 6, "  "), "de-news.doubled-space", Severity.WARNING,
                    "Doppeltes Leerzeichen", (" ",)),
        _diagnostic(WAHL, at(WAHL, 6, "61 %"), "de-news.percent-space", Severity.WARNING,
                    "Zwischen Zahl und %-Zeichen gehört ein geschütztes Leerzeichen: 61 %, 10 %",
                    (f"61{NBSP}%",)),
        _diagnostic(WAHL, at(WAHL, 7, "zeitnah"), "de-news.officialese", Severity.INFO,
                    "„zeitnah“ ist Behördendeutsch 🙈 – besser konkret", ("bald", "in Kürze")),
        _diagnostic(WAHL, at(WAHL, 8, "Tipfehler"), "languagetool.GERMAN_SPELLER_RULE",
                    Severity.WARNING, "Möglicher Tippfehler gefunden.",
                    ("Tippfehler", "Tipp-Fehler", "Tiefehler", "Tipfehlern", "Tippfehlern",
                     "Zipfehler"), Source.LANGUAGETOOL),
        _diagnostic(WAHL, (*at(WAHL, 8, "sagte")[:2], *at(WAHL, 9, "scheint")[2:]), "tense.break",
                    Severity.INFO,
                    "Tempuswechsel: „sagte“ (Präteritum) → „scheint“ (Präsens)\nim selben Absatz"),
        _diagnostic(WAHL, (9, 1, 10, 1), "de-news.long-sentence", Severity.INFO,
                    "Satz mit <9> Wörtern & mehr"),
    ]  # fmt: skip


def _lang() -> list[Diagnostic]:
    return [
        _diagnostic(LANG, at(LANG, i, "quasi"), "de-news.forbidden-word", Severity.ERROR,
                    "„quasi“ druckt die Redaktion nicht", ("",))
        for i in range(1, 13)
    ]  # fmt: skip


READ_ERROR = Diagnostic(
    BROKEN, 1, 1, 1, 1, rule="newslint.read-error", severity=Severity.ERROR,
    message="Datei kann nicht gelesen werden: ungültiges UTF-8 bei Byte 17", category="io",
)  # fmt: skip

#: (path, diagnostics) in the order the core hands files to a formatter.
FILES: list[tuple[str, list[Diagnostic]]] = [
    (WAHL, _wahl()),
    (LANG, _lang()),
    (CLEAN, []),
    (BROKEN, [READ_ERROR]),
]

WORKING_DIR = Path("/project")
INFO = RunInfo(
    tool_version="0.1.0",
    rules=RULES,
    working_dir=WORKING_DIR,
    information_uri="https://example.org/newslint",
    line_text=line_text,
)


def summary_of(files: Sequence[tuple[str, Sequence[Diagnostic]]]) -> RunSummary:
    every = [d for _, diagnostics in files for d in diagnostics]
    unreadable = sum(any(d.rule == "newslint.read-error" for d in ds) for _, ds in files)
    return RunSummary(
        files_checked=len(files),
        files_with_errors=unreadable,
        diagnostics=len(every),
        by_rule=dict(Counter(d.rule for d in every)),
    )


def render(
    name: str,
    *,
    files: Sequence[tuple[str, Sequence[Diagnostic]]] = FILES,
    info: RunInfo = INFO,
    environ: Mapping[str, str] | None = None,
    color: bool = False,
    statistics: bool = False,
    quiet: bool = False,
) -> str:
    """Run the whole formatter lifecycle over `files` and return what it wrote."""
    stream = io.StringIO(newline="")
    formatter = get_formatter(name)(
        stream, info, color=color, statistics=statistics, quiet=quiet, environ=environ or {}
    )
    formatter.start()
    for path, diagnostics in files:
        formatter.file(path, diagnostics)
    formatter.end(summary_of(files))
    return stream.getvalue()

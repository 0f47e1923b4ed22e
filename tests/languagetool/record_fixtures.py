"""Record real LanguageTool answers as JSON fixtures for the fast offset-mapping tests.

Run by hand after changing the pinned LanguageTool version:

    .venv/bin/python tests/languagetool/record_fixtures.py

Each fixture holds the request (parts, language) and the server's raw `/v2/check` answer,
whose offsets are UTF-16 code units, exactly as LanguageTool sent them.
"""

from __future__ import annotations

import json
from pathlib import Path

from newslint.languagetool.install import ensure_installed
from newslint.languagetool.model import LTSettings, TextPart
from newslint.languagetool.paths import Home
from newslint.languagetool.protocol import request_params
from newslint.languagetool.server import LocalServer
from newslint.languagetool.transport import post_form

HERE = Path(__file__).parent / "fixtures"
SHY, NBSP = "\u00ad", "\u00a0"
CASES: dict[str, list[TextPart]] = {
    "plain_typo": [TextPart("Trump schuen zunächst beim Gipfel zu Kompromissen bereit zu sein.")],
    "emoji": [
        TextPart("😀😀 Trump schuen zunächst beim Gipfel zu Kompromissen bereit zu sein. "),
        TextPart("Er sagte: „Die Regirung 👍🏽 tagt heute.“"),
    ],
    "shy_nbsp_quotes": [
        TextPart(f"Er sagte: „Trump schu{SHY}en zunächst{NBSP}beim Gipfel zu Kompromissen "),
        TextPart(f"bereit zu sein.“ Die Regirung tagte am 3.{NBSP}Mai in Berlin."),
    ],
    "markup": [
        TextPart("Der "),
        TextPart("`😀schuen`", markup=True, interpret_as="Code"),
        TextPart(" ist ein Wort. Trump schuen heute."),
        TextPart("\n\n<!-- Regirung -->\n\n", markup=True, interpret_as="\n\n"),
        TextPart("Die Regirung 😀 tagte."),
    ],
}


def main() -> None:
    installation = ensure_installed(Home.default(), print)
    server = LocalServer(installation)
    server.start()
    try:
        for name, parts in CASES.items():
            params = request_params(LTSettings(), parts)
            answer = post_form(f"{server.url}/v2/check", params, 300)
            fixture = {
                "language": "de-DE",
                "parts": [
                    {"text": p.text, "markup": p.markup, "interpret_as": p.interpret_as}
                    for p in parts
                ],
                "response": answer,
            }
            out = HERE / f"{name}.json"
            out.write_text(json.dumps(fixture, ensure_ascii=False, indent=1) + "\n")
            print(out, len(answer["matches"]), "matches")
    finally:
        server.close()


if __name__ == "__main__":
    main()

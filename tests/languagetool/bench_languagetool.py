"""Measure the LanguageTool layer: install, server start, first check, warm latency, workers.

Not collected by pytest. Run on a quiet machine:

    .venv/bin/python tests/languagetool/bench_languagetool.py [--cold-install]

`--cold-install` also times a Maven install into a temporary cache and Maven repository
(downloads ~120 MB). Paragraphs are ~60-word German news text, all distinct, sent with the
result cache off, so every one is a real request.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from newslint.languagetool import LanguageTool, LTSettings, TextPart, daemon
from newslint.languagetool.client import warm_up
from newslint.languagetool.install import POM, ensure_installed
from newslint.languagetool.paths import Home

SENTENCES = """\
Die Bundesregierung hat am Mittwoch in Berlin ein neues Klimaschutzprogramm vorgestellt.
Es soll den Ausstoß von Treibhausgasen bis zum Jahr 2030 deutlich senken.
Kritiker bemängeln jedoch, dass die Maßnahmen nicht ausreichen würden.
Der Minister betonte, man werde die Fortschritte regelmässig überprüfen.
Nach Angaben der Polizei wurden bei dem Unfall auf der Autobahn drei Menschen verletzt.
Die Fahrbahn war stundenlang gesperrt, es bildete sich ein kilometerlanger Stau.
Der Stadtrat beschloss mit knapper Mehrheit, das marode Hallenbad zu saniren.
Die Kosten werden auf rund zwölf Millionen Euro geschätzt.
Im Finale setzte sich die Mannschaft aus München mit zwei zu eins durch.
Der Trainer lobte nach dem Spiel vor allem die Abwehrarbeit seines Teams.
Die Inflation ist im vergangenen Monat leicht gesunken, teilte das Statistische Bundesamt mit.
Ökonomen rechnen dennoch nicht mit einer raschen Zinssenkung der Europäischen Zentralbank.
Das Museum zeigt ab Samstag eine Ausstellung mit Werken des Expressionismus.
Besucher können die Bilder bis Ende Oktober täglich von zehn bis achtzehn Uhr sehen.
Die Gewerkschaft kündigte für die kommende Woche weitere Warnstreiks an.
Betroffen seien vor allem der Nahverkehr und die Flughäfen, hieß es.
Wissenschaftler haben in der Antarktis einen bislang unbekannten See unter dem Eis entdeckt.
Die Forscher hoffen, dort Spuren von Mikroorganismen zu finden.
Der Bürgermeister zeigte sich erleichtert über die Entscheidung des Landes.
Die Opposition warf der Regirung vor, das Problem zu lange ignoriert zu haben.
Am Wochenende wird in weiten Teilen des Landes mit Gewittern und Starkregen gerechnet.
Der Wetterdienst warnte vor umstürzenden Bäumen und überfluteten Kellern.
Die Verhandlungen über einen neuen Tarifvertrag sollen im Herbst fortgesetzt werden.
Beide Seiten zeigten sich zuversichtlich, bald eine Einigung zu erzielen.""".splitlines()


def paragraphs(count: int, seed: int) -> list[list[TextPart]]:
    """Distinct sentences (a number in each), so LanguageTool's sentence cache never hits."""
    rnd = random.Random(seed)
    return [
        [
            TextPart(
                " ".join(f"{s[:-1]} {seed}{i}{j}." for j, s in enumerate(rnd.sample(SENTENCES, 5)))
            )
        ]
        for i in range(count)
    ]


def timed(label: str, start: float) -> float:
    took = time.monotonic() - start
    print(f"{label}: {took:.1f} s", flush=True)
    return took


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cold-install", action="store_true")
    parser.add_argument("--paragraphs", type=int, default=40)
    args = parser.parse_args()
    if args.cold_install:
        with tempfile.TemporaryDirectory() as repo, tempfile.TemporaryDirectory() as out:
            start = time.monotonic()
            subprocess.run(
                [
                    "mvn",
                    "-q",
                    "-B",
                    f"-Dmaven.repo.local={repo}",
                    "-f",
                    str(POM),
                    "dependency:copy-dependencies",
                    f"-DoutputDirectory={out}",
                ],
                check=True,
            )
            timed("cold Maven install (empty ~/.m2)", start)
    installation = ensure_installed(Home.default(), print)
    with tempfile.TemporaryDirectory() as root:
        home = Home(Path(root))
        (home.root / installation.path.name).symlink_to(installation.path)
        start = time.monotonic()
        state = daemon.start(home, installation, idle_seconds=600)
        timed("server start (JVM until /v2/languages answers)", start)
        try:
            start = time.monotonic()
            warm_up(state.url, LTSettings())
            timed("first check of a cold server (warm-up paragraph)", start)
            for run, workers in enumerate((1, 2, 4, 1, 2, 4)):
                items = paragraphs(args.paragraphs, seed=run + 1)
                with LanguageTool(LTSettings(use_cache=False), home=home, workers=workers) as lt:
                    start = time.monotonic()
                    lt.check_many(items)
                    took = time.monotonic() - start
                print(
                    f"workers={workers}: {args.paragraphs} paragraphs in {took:.2f} s, "
                    f"{took / args.paragraphs * 1000:.0f} ms per paragraph",
                    flush=True,
                )
            latencies = []
            with LanguageTool(LTSettings(use_cache=False), home=home, workers=1) as lt:
                for item in paragraphs(15, seed=99):
                    start = time.monotonic()
                    lt.check_many([item])
                    latencies.append(time.monotonic() - start)
            print(
                f"single ~60-word paragraph, warm: median {statistics.median(latencies) * 1000:.0f}"
                f" ms, max {max(latencies) * 1000:.0f} ms"
            )
            with LanguageTool(LTSettings(), home=home) as lt:
                items = paragraphs(200, seed=7)
                lt.check_many(items)
                sent = lt.requests_sent
                start = time.monotonic()
                lt.check_many(items)
                took = time.monotonic() - start
                print(
                    f"200 cached paragraphs: {took * 1000:.0f} ms, "
                    f"requests {lt.requests_sent - sent}"
                )
            rss = next(
                line.split()[1]
                for line in Path(f"/proc/{state.java_pid}/status").read_text().splitlines()
                if line.startswith("VmRSS")
            )
            print(f"JVM resident memory: {int(rss) // 1024} MB")
        finally:
            daemon.stop(home)


if __name__ == "__main__":
    main()

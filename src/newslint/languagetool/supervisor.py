"""Entry point of the detached supervisor: `python -m newslint.languagetool.supervisor`.

A module of its own, not imported by the package, so `python -m` does not run a module that
is already imported (runpy warns about that) and `ps` shows an unambiguous command line.
"""

from __future__ import annotations

import argparse
import sys

from .daemon import MODULE, serve
from .install import find_installation
from .paths import Home


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {MODULE}")
    parser.add_argument("--idle-seconds", type=float, default=1800.0)
    args = parser.parse_args(argv)
    home = Home.default()
    installation = find_installation(home)
    if installation is None:
        print(
            "LanguageTool is not installed: run `newslint languagetool install`.", file=sys.stderr
        )
        return 2
    return serve(home, installation, args.idle_seconds)


if __name__ == "__main__":
    sys.exit(main())

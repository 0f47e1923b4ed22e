"""A longer run of the property tests (tests/robustness/test_properties.py).

The test suite tries 150 generated articles per property; this tries many more, with
Hypothesis' database in .hypothesis/ so a failure found once is retried first next time.

    python scripts/fuzz.py              # 20,000 examples per property (~20 min on 2 cores)
    python scripts/fuzz.py 100000       # longer
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    examples = sys.argv[1] if len(sys.argv) > 1 else "20000"
    env = {**os.environ, "NEWSLINT_FUZZ_EXAMPLES": examples}
    command = [sys.executable, "-m", "pytest", "-q", "tests/robustness/test_properties.py"]
    return subprocess.call(command, cwd=ROOT, env=env)


if __name__ == "__main__":
    raise SystemExit(main())

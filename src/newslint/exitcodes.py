"""Exit codes in one place, so the CLI, the hook and CI agree on what a run meant."""

import enum


class ExitCode(enum.IntEnum):
    CLEAN = 0  # no finding at or above the failing severity
    FINDINGS = 1  # findings at or above the failing severity
    ERROR = 2  # usage, configuration or input error (a file that could not be read or checked)

"""Turn the benchmark's samples into medians, same-run ratios, target verdicts and a table."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Sample:
    """One timed run: a newslint subprocess or a raw LanguageTool pass."""

    wall: float  # seconds
    cpu: float | None = None  # newslint process, user + system seconds
    maxrss_mb: float | None = None  # newslint process (and children it waited for)
    lt_cpu: float | None = None  # LanguageTool JVM CPU seconds during the run
    load: float = 0.0  # 1-minute load average when the run started
    diagnostics: int | None = None
    lt_findings: int | None = None
    errors: int = 0  # newslint.* error diagnostics or an unexpected exit code
    requests: int | None = None  # raw runs: paragraphs sent
    extrapolated_from: int | None = None  # raw runs on a sample: paragraphs actually sent
    warnings: list[str] | None = None  # newslint's warnings on stderr, if any


LABELS = {
    "raw_seq": "raw LanguageTool, 1 request at a time",
    "raw_2": "raw LanguageTool, 2 concurrent requests",
    "cold": "newslint cold (empty result cache)",
    "warm": "newslint warm (cache full)",
    "incremental": "newslint incremental (1 article changed)",
    "yaml": "newslint --no-languagetool --no-cache",
    "regex": "  same, without the HanTa rules",
    "yaml_warm": "newslint --no-languagetool, findings cached",
    "single_yaml": "1 article, --no-languagetool --no-cache",
    "single_private": "1 article, no server (RSS incl. private JVM)",
    "single_server": "1 article, long-lived server up",
    "single_raw": "1 article, raw LanguageTool, 2 workers",
    "single_edit": "1 article, 1 paragraph edited, server up",
    "server_start": "languagetool start (JVM + warm-up)",
}


def median(samples: Sequence[Sample], key: Callable[[Sample], float | None]) -> float | None:
    values = [v for v in map(key, samples) if v is not None]
    return statistics.median(values) if values else None


def wall(runs: dict[str, list[Sample]], kind: str) -> float | None:
    return median(runs.get(kind, []), lambda s: s.wall)


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def ratios(results: dict[str, Any]) -> dict[str, dict[str, float | None]]:
    out: dict[str, dict[str, float | None]] = {}
    for label, info in results["corpora"].items():
        runs = results["runs"].get(label, {})
        mb = info["bytes"] / 1e6
        cold, raw2, raw1 = wall(runs, "cold"), wall(runs, "raw_2"), wall(runs, "raw_seq")
        lt_cpu = {k: median(runs.get(k, []), lambda s: s.lt_cpu) for k in ("cold", "raw_2")}
        yaml, regex = wall(runs, "yaml"), wall(runs, "regex")
        out[label] = {
            "cold/raw_2": _ratio(cold, raw2),
            "cold/raw_seq": _ratio(cold, raw1),
            "raw_seq/raw_2": _ratio(raw1, raw2),
            "cold-raw_2 seconds": cold - raw2 if cold is not None and raw2 is not None else None,
            "LT CPU cold/raw_2": _ratio(lt_cpu["cold"], lt_cpu["raw_2"]),
            "warm/cold": _ratio(wall(runs, "warm"), cold),
            "incremental/cold": _ratio(wall(runs, "incremental"), cold),
            "yaml MB/s": _ratio(mb, yaml),
            "regex-only MB/s": _ratio(mb, regex),
            "cold paragraphs/s": _ratio(info.get("paragraphs"), cold),
        }
    single = results["runs"].get("single", {})
    server, raw = wall(single, "single_server"), wall(single, "single_raw")
    out["single"] = {
        "server up/raw LT": _ratio(server, raw),
        "server up-raw LT seconds": server - raw if server is not None and raw else None,
    }
    return out


def peak_rss(runs: dict[str, list[Sample]]) -> float | None:
    kinds = ("cold", "warm", "incremental", "yaml", "regex")
    values = [s.maxrss_mb for k in kinds for s in runs.get(k, []) if s.maxrss_mb is not None]
    return max(values) if values else None


def targets(
    results: dict[str, Any], rat: dict[str, dict[str, float | None]]
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def add(name: str, value: float | None, limit: float, at_most: bool) -> None:
        holds = None if value is None else (value <= limit if at_most else value >= limit)
        rows.append({"target": name, "value": value, "limit": limit, "holds": holds})

    for label in results["corpora"]:
        r = rat[label]  # the corpora's ratios ("single" has its own)
        add(f"{label}: cold ≤ 1.10 × raw LT (2 workers)", r["cold/raw_2"], 1.10, True)
        add(f"{label}: warm ≤ 3% of cold", r["warm/cold"], 0.03, True)
        add(f"{label}: YAML rules only ≥ 5 MB/s", r["yaml MB/s"], 5.0, False)
        add(f"{label}: regex rules only ≥ 5 MB/s (info)", r["regex-only MB/s"], 5.0, False)
    single = results["runs"].get("single", {})
    add("single new article, server up < 1 s", wall(single, "single_server"), 1.0, True)
    add(
        "single article, 1 paragraph edited, server up < 1 s",
        wall(single, "single_edit"),
        1.0,
        True,
    )
    add("single article, YAML rules only < 1 s (info)", wall(single, "single_yaml"), 1.0, True)
    if "large" in results["corpora"]:
        add("large corpus: peak RSS < 300 MB", peak_rss(results["runs"]["large"]), 300.0, True)
    return [r for r in rows if r["value"] is not None]


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def table(results: dict[str, Any]) -> str:
    lines = [
        f"{'corpus':7} {'measurement':43} {'n':>2} {'wall s':>8} {'min-max':>15} "
        f"{'CPU s':>7} {'LT CPU':>7} {'RSS MB':>7} {'load':>5}",
    ]
    for label, runs in results["runs"].items():
        for kind, samples in runs.items():
            if not samples:
                continue
            walls = [s.wall for s in samples]
            extra = samples[0].extrapolated_from
            flag = " !errors" if any(s.errors for s in samples) else ""
            flag += f" (est. from {extra} paragraphs)" if extra else ""
            rss = [s.maxrss_mb for s in samples if s.maxrss_mb is not None]
            lines.append(
                f"{label:7} {LABELS.get(kind, kind):43} {len(samples):>2} "
                f"{_fmt(median(samples, lambda s: s.wall)):>8} "
                f"{_fmt(min(walls)) + '-' + _fmt(max(walls)):>15} "
                f"{_fmt(median(samples, lambda s: s.cpu)):>7} "
                f"{_fmt(median(samples, lambda s: s.lt_cpu), 1):>7} "
                f"{_fmt(max(rss) if rss else None, 0):>7} "
                f"{statistics.mean(s.load for s in samples):>5.1f}{flag}"
            )
    return "\n".join(lines)


def summary(results: dict[str, Any]) -> str:
    rat, rows = results["ratios"], results["targets"]
    lines = ["", "Ratios (same run):"]
    for label, values in rat.items():
        shown = ", ".join(f"{k} {_fmt(v, 3)}" for k, v in values.items() if v is not None)
        lines.append(f"  {label}: {shown}")
    lines += ["", "Targets:"]
    for row in rows:
        verdict = {True: "holds", False: "MISSED", None: "n/a"}[row["holds"]]
        lines.append(f"  {verdict:7} {row['target']}: {_fmt(row['value'], 3)}")
    return "\n".join(lines)


def to_json(results: dict[str, Any]) -> dict[str, Any]:
    out = dict(results)
    out["runs"] = {
        label: {kind: [asdict(s) for s in samples] for kind, samples in runs.items()}
        for label, runs in results["runs"].items()
    }
    out["medians"] = {
        label: {kind: median(samples, lambda s: s.wall) for kind, samples in runs.items()}
        for label, runs in results["runs"].items()
    }
    return out

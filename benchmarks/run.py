"""newslint end to end: LanguageTool floor, cold / warm / incremental runs, YAML rules, memory.

    .venv/bin/python benchmarks/run.py [CORPUS] [--repeat 3] [--quick] [--json out.json]
    make bench

CORPUS is a folder of articles (default: ../shared/corpus/dev/dirty next to the repository);
besides it, a ~1,000-article / ~3 MB corpus is generated from it in a temporary directory.
newslint always runs as a subprocess of the real CLI (`newslint check --format json`) with
a temporary NEWSLINT_CACHE_DIR (the LanguageTool install symlinked in), so the user's result
cache and shared server are never touched; every server started here is stopped at the end.
The machine is shared and noisy: compare the ratios measured within one run, not absolute
seconds across runs. See benchmarks/README.md for what is measured and the last figures.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

# Measure this checkout's code, in-process and in the newslint subprocesses, whatever
# the venv's editable install points at (another worktree, say).
SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))

import corpus  # noqa: E402  (after the path set-up above)
import rawlt  # noqa: E402
from report import Sample, peak_rss, ratios, table, targets, to_json  # noqa: E402
from report import summary as summary_text  # noqa: E402

from newslint.languagetool import cache, daemon  # noqa: E402
from newslint.languagetool.install import find_installation, pinned_version  # noqa: E402
from newslint.languagetool.java import find_java  # noqa: E402
from newslint.languagetool.paths import Home  # noqa: E402
from newslint.languagetool.server import MARKER  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev" / "dirty"
NEWSLINT = Path(sys.executable).parent / "newslint"
# The rules that tag sentences with HanTa or search the word-frequency lists for slips.
LEXICON_RULES = tuple(
    f"de-news.{rule}" for rule in ("tense-break", "lowercase-noun", "joined-verb", "typo")
)
REGEX_ONLY = tuple(f"--ignore={rule}" for rule in LEXICON_RULES)
WORKERS = max(1, min(4, os.cpu_count() or 1))  # newslint's client: 2 on a 2-core machine
SINGLE_ROUNDS = 5  # single article with the server up: at least this many rounds


def _absolute(path: str) -> str:
    return str(Path(path).resolve())


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.1f}] {message}", flush=True)


class Bench:
    """Temporary cache dir, corpora on disk, the shared server, and the samples taken."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.home = Home(root / "cache")
        self.env = {**os.environ, "NEWSLINT_CACHE_DIR": str(self.home.root)}
        # Absolute, first: the subprocesses run in a temporary folder, where a relative
        # PYTHONPATH would silently fall back to the editable install.
        inherited = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
        self.env["PYTHONPATH"] = os.pathsep.join([str(SRC), *map(_absolute, inherited)])
        self.env.pop("GITHUB_ACTIONS", None)  # --format json anyway; no job summary
        self.varier = corpus.Varier()
        self.runs: dict[str, dict[str, list[Sample]]] = {}
        self._folders = 0
        self.java_pid: int | None = None
        self.url: str | None = None

    def record(self, label: str, kind: str, sample: Sample) -> Sample:
        self.runs.setdefault(label, {}).setdefault(kind, []).append(sample)
        return sample

    def write(self, articles: list[corpus.Article]) -> Path:
        self._folders += 1
        return corpus.write(articles, self.root / "corpora" / f"c{self._folders:03d}")

    def variant(self, articles: list[corpus.Article]) -> Path:
        return self.write([self.varier.variant(a) for a in articles])

    def clear_cache(self) -> None:
        """Empty both result caches: LanguageTool's paragraphs and newslint's own findings."""
        for db in (self.home.results_db, self.home.root / "findings.sqlite3"):
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(NEWSLINT), *args], env=self.env, cwd=self.root, capture_output=True, text=True
        )

    def check(self, paths: Sequence[Path], *extra: str, profile: Path | None = None) -> Sample:
        """One `newslint check --format json` subprocess: wall, CPU and peak RSS (wait4)."""
        out, err = self.root / "out.json", self.root / "stderr.txt"
        program = [str(NEWSLINT)]
        if profile is not None:
            program = [sys.executable, "-m", "pyinstrument", "-r", "text", "-o", str(profile)]
            program += ["-m", "newslint"]
        command = [*program, "check", "--format", "json", *extra, *map(str, paths)]
        load, cpu0 = os.getloadavg()[0], rawlt.jvm_cpu(self.java_pid)
        start = time.perf_counter()
        with out.open("wb") as stdout, err.open("wb") as stderr:
            proc = subprocess.Popen(
                command, stdout=stdout, stderr=stderr, env=self.env, cwd=self.root
            )
            _, status, usage = os.wait4(proc.pid, 0)
        took = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        cpu1 = rawlt.jvm_cpu(self.java_pid)
        sample = Sample(
            wall=took,
            cpu=usage.ru_utime + usage.ru_stime,
            maxrss_mb=usage.ru_maxrss / 1024,
            lt_cpu=cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None,
            load=load,
        )
        try:
            diagnostics = json.loads(out.read_text(encoding="utf-8"))["diagnostics"]
        except (OSError, ValueError, KeyError):
            diagnostics = None
        if diagnostics is not None:
            sample.diagnostics = len(diagnostics)
            sample.lt_findings = sum(d["source"] == "languagetool" for d in diagnostics)
            sample.errors = sum(d["rule"].startswith("newslint.") for d in diagnostics)
        warnings = [
            line for line in err.read_text(errors="replace").splitlines() if "warning" in line
        ]
        if warnings:
            sample.warnings = warnings[:5]
            say(f"newslint warned: {warnings[:5]}")
        if code not in (0, 1) or diagnostics is None or sample.errors:
            sample.errors = max(sample.errors, 1)
            tail = err.read_text(errors="replace")[-600:]
            say(f"WARNING: newslint exited {code} with errors: {tail}")
        return sample

    def raw(self, folder: Path, workers: int, limit: int | None = None) -> Sample:
        assert self.url is not None
        items = rawlt.bodies(folder)
        sent = items[:limit] if limit else items
        load = os.getloadavg()[0]
        run = rawlt.run(self.url, sent, workers, self.java_pid)
        scale = len(items) / len(sent)
        return Sample(
            wall=run.wall * scale,
            lt_cpu=run.lt_cpu * scale if run.lt_cpu is not None else None,
            load=load,
            requests=len(items),
            lt_findings=run.matches,
            extrapolated_from=len(sent) if len(sent) < len(items) else None,
        )

    def start_server(self) -> Sample:
        load, start = os.getloadavg()[0], time.perf_counter()
        done = self.cli("languagetool", "start", "--idle-minutes", "60")
        if done.returncode != 0:
            raise RuntimeError(f"newslint languagetool start failed: {done.stderr.strip()}")
        state = daemon.read_state(self.home.state_dir)
        assert state is not None
        self.url, self.java_pid = state.url, state.java_pid
        return Sample(wall=time.perf_counter() - start, load=load)

    def stop_servers(self) -> None:
        """Stop the shared server; then make sure no process started under our root is left."""
        self.java_pid = self.url = None
        with contextlib.suppress(Exception):
            self.cli("languagetool", "stop")
        with contextlib.suppress(Exception):
            daemon.stop(self.home)
        deadline = time.monotonic() + 15
        while (left := leftovers(self.root)) and time.monotonic() < deadline:
            time.sleep(0.3)
        for pid in left:
            say(f"killing leftover process {pid}")
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def leftovers(root: Path) -> list[int]:
    """Our JVMs (by marker) and supervisors whose command line mentions `root` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        ours = MARKER in cmdline or daemon.MODULE in cmdline
        if ours and str(root) in cmdline + _environ(entry):
            found.append(int(entry.name))
    return found


def _environ(entry: Path) -> str:
    try:
        return (entry / "environ").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def repeat(n: int, run: Callable[[], Sample]) -> None:
    for _ in range(n):
        run()


def yaml_phase(bench: Bench, label: str, folder: Path, n: int) -> None:
    """The rules' own speed (--no-cache: the findings cache would answer every repeat), then
    the same folder with the findings cache filled once."""
    say(f"{label}: YAML rules only (--no-languagetool --no-cache), {n}x, and regex rules only")
    yaml_only = ("--no-languagetool", "--no-cache")
    repeat(n, lambda: bench.record(label, "yaml", bench.check([folder], *yaml_only)))
    repeat(
        n,
        lambda: bench.record(label, "regex", bench.check([folder], *yaml_only, *REGEX_ONLY)),
    )
    say(f"{label}: YAML rules only, findings cache warm, {n}x")
    bench.check([folder], "--no-languagetool")
    repeat(n, lambda: bench.record(label, "yaml_warm", bench.check([folder], "--no-languagetool")))


def lt_phase(
    bench: Bench,
    label: str,
    articles: list[corpus.Article],
    cold_n: int,
    n: int,
    seq_limit: int | None,
) -> dict[str, Any]:
    """Raw floor and newslint cold, interleaved, each on its own variant; then warm and
    incremental on the last cold run's files."""
    cold_folder = None
    for rep in range(cold_n):
        say(f"{label}: raw LanguageTool, 1 at a time (round {rep + 1}/{cold_n})")
        bench.record(label, "raw_seq", bench.raw(bench.variant(articles), 1, seq_limit))
        order = ("raw_2", "cold") if rep % 2 == 0 else ("cold", "raw_2")
        for kind in order:
            folder = bench.variant(articles)
            say(f"{label}: {kind} (round {rep + 1}/{cold_n})")
            if kind == "raw_2":
                bench.record(label, kind, bench.raw(folder, WORKERS))
            else:
                bench.clear_cache()
                bench.record(label, kind, bench.check([folder]))
                cold_folder = folder
    assert cold_folder is not None
    paragraphs = len(rawlt.bodies(cold_folder))
    cached = cache.stats(bench.home.results_db)[0]
    say(f"{label}: warm and incremental, {n}x ({paragraphs} paragraphs, {cached} cached)")
    repeat(n, lambda: bench.record(label, "warm", bench.check([cold_folder])))
    busy = [s.lt_cpu for s in bench.runs[label]["warm"] if s.lt_cpu and s.lt_cpu > 2.0]
    if busy:
        say(f"WARNING: LanguageTool was busy during warm runs ({busy} CPU s): cache misses?")
    files = sorted(cold_folder.iterdir())
    for rep in range(n):
        path = files[(rep * len(files)) // max(n, 1)]
        edited = bench.varier.edit(corpus.Article(path.name, path.read_text(encoding="utf-8")))
        path.write_text(edited.text, encoding="utf-8")
        bench.record(label, "incremental", bench.check([cold_folder]))
    return {"paragraphs": paragraphs, "cached_after_cold": cached}


def single_phase(bench: Bench, article: corpus.Article, kind: str, n: int) -> Path:
    """One article as a pre-commit hook checks it. With the server up, each round also posts
    another variant of it straight to the server (the article's own floor), alternating."""
    say(f"single article ({article.name}, {article.size} bytes): {kind}, {n}x")
    last = None
    for rep in range(n):
        order = (kind, "single_raw") if rep % 2 == 0 else ("single_raw", kind)
        for step in order if kind == "single_server" else (kind,):
            folder = bench.variant([article])
            if step == "single_raw":
                bench.record("single", step, bench.raw(folder, WORKERS))
            else:
                last = folder / article.name
                bench.record("single", step, bench.check([last]))
    if kind == "single_private" and last is not None:
        repeat(
            n,
            lambda: bench.record(
                "single", "single_yaml", bench.check([last], "--no-languagetool", "--no-cache")
            ),
        )
    if kind == "single_server" and last is not None:
        for _ in range(n):
            edited = bench.varier.edit(corpus.Article(last.name, last.read_text(encoding="utf-8")))
            last.write_text(edited.text, encoding="utf-8")
            bench.record("single", "single_edit", bench.check([last]))
    assert last is not None
    return last


def profile_phase(
    bench: Bench, out: Path, dev: list[corpus.Article], yaml_folder: Path, single: Path
) -> None:
    """pyinstrument text reports: cold (dev), YAML-only and regex-only (large), and one
    article with one paragraph edited and the server up (the pre-commit case)."""
    out.mkdir(parents=True, exist_ok=True)
    say(f"profiling cold, YAML-only, regex-only and single-article runs into {out}")
    bench.clear_cache()
    bench.check([bench.variant(dev)], profile=out / "cold.txt")
    bench.check([yaml_folder], "--no-languagetool", profile=out / "yaml.txt")
    bench.check([yaml_folder], "--no-languagetool", *REGEX_ONLY, profile=out / "regex.txt")
    edited = bench.varier.edit(corpus.Article(single.name, single.read_text(encoding="utf-8")))
    single.write_text(edited.text, encoding="utf-8")
    bench.check([single], profile=out / "single.txt")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the fast measurements")
    parser.add_argument("--cold-repeat", type=int, default=2, help="raw/cold rounds, dev corpus")
    parser.add_argument("--large-cold-repeat", type=int, default=1, help="same, large corpus")
    parser.add_argument("--articles", type=int, default=1000, help="large corpus: articles")
    parser.add_argument("--megabytes", type=float, default=3.0, help="large corpus: size")
    parser.add_argument(
        "--seq-sample",
        type=int,
        default=800,
        help="large corpus: paragraphs sent one at a time (the rest extrapolated; 0 = all)",
    )
    parser.add_argument("--quick", action="store_true", help="dev corpus only, 1 repetition")
    parser.add_argument("--no-languagetool", action="store_true", help="YAML-only measurements")
    parser.add_argument("--json", type=Path, help="write the results as JSON here")
    parser.add_argument("--profile", type=Path, help="also write pyinstrument profiles here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    if args.quick:
        args.repeat = args.cold_repeat = 1
    return args


def languagetool_missing() -> str | None:
    if find_java() is None:
        return "Java is not installed"
    if find_installation(Home.default(), pinned_version()) is None:
        return "LanguageTool is not installed (run `newslint languagetool install`)"
    return None


def main() -> int:
    args = parse_args()
    if not args.corpus.is_dir():
        print(f"benchmark skipped: corpus {args.corpus} not found (pass a folder of articles)")
        return 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally blocks
    say(f"measuring newslint from {SRC}")
    # Bytecode for this checkout, as `pip install` writes it for an installed newslint: with
    # PYTHONDONTWRITEBYTECODE set (CI images, some shells) every subprocess below would
    # otherwise compile newslint's sources anew at start-up.
    compileall.compile_dir(SRC, quiet=1)
    dev = corpus.load(args.corpus)
    if not dev:
        print(f"benchmark skipped: no *.txt / *.md articles in {args.corpus}")
        return 0
    missing = None if not args.no_languagetool else "--no-languagetool given"
    missing = missing or languagetool_missing()
    results: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_start": os.getloadavg(),
        },
        "options": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "corpora": {"dev": {"path": str(args.corpus), "articles": len(dev)}},
        "languagetool_skipped": missing,
    }
    root = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    bench = Bench(root)
    started = time.perf_counter()
    try:
        measure(bench, args, dev, results, missing)
    finally:
        bench.stop_servers()
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    results["machine"]["load_end"] = os.getloadavg()
    results["seconds"] = round(time.perf_counter() - started, 1)
    results["runs"] = bench.runs
    results["ratios"] = ratios(results)
    results["targets"] = targets(results, results["ratios"])
    if "large" in bench.runs:
        results["peak_rss_mb_large"] = peak_rss(bench.runs["large"])
    print()
    print(table(results))
    print(summary_text(results))
    load = results["machine"]
    print(f"\nload average at start {load['load_start'][0]:.1f}, at end {load['load_end'][0]:.1f}")
    if missing:
        print(f"LanguageTool measurements skipped: {missing}")
    if args.json:
        args.json.write_text(json.dumps(to_json(results), indent=1, ensure_ascii=False) + "\n")
        print(f"results written to {args.json}")
    return 0


def measure(
    bench: Bench,
    args: argparse.Namespace,
    dev: list[corpus.Article],
    results: dict[str, Any],
    missing: str | None,
) -> None:
    corpora = results["corpora"]
    corpora["dev"]["bytes"] = corpus.total_bytes(dev)
    dev_folder = bench.write(dev)
    large = None
    if not args.quick:
        large = corpus.large(dev, args.articles, int(args.megabytes * 1e6), seed=1)
        corpora["large"] = {"articles": len(large), "bytes": corpus.total_bytes(large)}
    say(f"corpora: {corpora}; temporary dir {bench.root}")
    if missing is None:
        installation = find_installation(Home.default(), pinned_version())
        assert installation is not None
        bench.home.root.mkdir(parents=True)
        (bench.home.root / installation.path.name).symlink_to(installation.path)
        for table in Home.default().root.glob("wordfreq-*.sqlite3"):  # derived, no user text
            (bench.home.root / table.name).symlink_to(table)
    yaml_phase(bench, "dev", dev_folder, args.repeat)
    # Tagged, like the LanguageTool runs: the source sentences repeat 25 times in the large
    # corpus, and HanTa's per-sentence memo would make YAML-only ~5x faster than real text.
    large_folder = bench.variant(large) if large else None
    if large_folder is not None:  # MB/s of the text actually checked (tags add ~3%)
        corpora["large"]["bytes"] = sum(p.stat().st_size for p in large_folder.iterdir())
    if large_folder is not None:
        yaml_phase(bench, "large", large_folder, args.repeat)
    if missing is not None:
        say(f"LanguageTool measurements skipped: {missing}")
        return
    single = sorted(dev, key=lambda a: a.size)[len(dev) // 2]
    single_phase(bench, single, "single_private", args.cold_repeat)
    say("starting the long-lived server (newslint languagetool start)")
    bench.record("server", "server_start", bench.start_server())
    warm_items = rawlt.bodies(bench.variant(dev))[: 60 if args.quick else None]
    say(f"warming the server up: {len(warm_items)} paragraphs, not timed")
    assert bench.url is not None
    rawlt.run(bench.url, warm_items, WORKERS, None)
    corpora["dev"].update(lt_phase(bench, "dev", dev, args.cold_repeat, args.repeat, None))
    if large is not None:
        seq_limit = args.seq_sample or None
        info = lt_phase(bench, "large", large, args.large_cold_repeat, args.repeat, seq_limit)
        corpora["large"].update(info)
    # A second each: enough rounds for a median even in --quick.
    last_single = single_phase(bench, single, "single_server", max(args.repeat, SINGLE_ROUNDS))
    if bench.java_pid is not None:
        status = Path(f"/proc/{bench.java_pid}/status").read_text().splitlines()
        peak = next((line.split()[1] for line in status if line.startswith("VmHWM")), None)
        results["jvm_peak_rss_mb"] = int(peak) / 1024 if peak else None
    if args.profile:
        profile_phase(bench, args.profile, dev, large_folder or dev_folder, last_single)


if __name__ == "__main__":
    sys.exit(main())

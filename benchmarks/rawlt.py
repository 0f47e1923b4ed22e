"""The floor: the paragraphs newslint would send, posted straight to LanguageTool.

The request bodies are built with newslint's own reader and request builder (same blocks,
same annotated text, same language and disabled rules, duplicates sent once), before the
clock starts; then only the HTTP round trips are timed, with plain `urllib` (no proxy, like
newslint's loopback opener), one at a time or on a thread pool.
"""

from __future__ import annotations

import json
import os
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from newslint import engine
from newslint.checks.languagetool import parts, settings_from
from newslint.config import find_project_file
from newslint.languagetool.protocol import request_params
from newslint.run import CheckOptions, resolve_config

_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_HEADERS = {
    "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
    "Accept": "application/json",
}
TIMEOUT = 180.0


def bodies(folder: Path) -> list[bytes]:
    """One form body per distinct paragraph newslint sends for the articles in `folder`."""
    options = CheckOptions(paths=[str(folder)])
    settings = settings_from(resolve_config(find_project_file(folder), options), True)
    seen: dict[bytes, None] = {}
    for path in sorted(folder.iterdir()):
        document = engine.read(path, str(path)).document
        if document is None:
            continue
        for _, block in document.iter_blocks():
            item = parts(block)
            if not any(p.text.strip() for p in item if not p.markup):
                continue  # newslint sends nothing for these either
            body = urllib.parse.urlencode(request_params(settings, item)).encode("utf-8")
            seen.setdefault(body, None)
    return list(seen)


def post(url: str, body: bytes) -> int:
    """POST one paragraph; returns the number of matches."""
    request = urllib.request.Request(url, data=body, method="POST", headers=_HEADERS)
    with _OPENER.open(request, timeout=TIMEOUT) as response:
        return len(json.loads(response.read())["matches"])


@dataclass
class RawRun:
    wall: float
    lt_cpu: float | None
    requests: int
    matches: int
    workers: int


def run(base_url: str, items: list[bytes], workers: int, java_pid: int | None) -> RawRun:
    url = f"{base_url}/v2/check"
    cpu0 = jvm_cpu(java_pid)
    start = time.perf_counter()
    if workers == 1:
        counts = [post(url, body) for body in items]
    else:
        with ThreadPoolExecutor(workers) as pool:
            counts = list(pool.map(lambda body: post(url, body), items))
    wall = time.perf_counter() - start
    cpu1 = jvm_cpu(java_pid)
    lt_cpu = cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None
    return RawRun(wall, lt_cpu, len(items), sum(counts), workers)


def jvm_cpu(pid: int | None) -> float | None:
    """CPU seconds (user + system) the process has used so far, from /proc (Linux)."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

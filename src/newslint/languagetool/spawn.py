"""Start child processes from one thread that lives as long as the interpreter.

Linux's PR_SET_PDEATHSIG (see server.py) fires when the *thread* that forked the child ends,
not the process. Forking from a dedicated, never-ending thread makes "the JVM dies with
newslint" hold whichever thread happened to start or restart the server.
"""

from __future__ import annotations

import queue
import subprocess
import threading
from concurrent.futures import Future
from typing import Any, cast

_Job = tuple[Future[subprocess.Popen[bytes]], list[str], dict[str, Any]]
_jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
_lock = threading.Lock()
_thread: threading.Thread | None = None


def _serve() -> None:
    while True:
        future, args, kwargs = _jobs.get()
        if not future.set_running_or_notify_cancel():
            continue
        try:
            # Any-typed kwargs make mypy pick the text overload; callers never ask for text.
            process = cast("subprocess.Popen[bytes]", subprocess.Popen(args, **kwargs))
            future.set_result(process)
        except BaseException as exc:
            future.set_exception(exc)


def popen(args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
    """`subprocess.Popen(args, **kwargs)`, forked from the long-lived spawner thread."""
    global _thread
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_serve, name="newslint-lt-spawner", daemon=True)
            _thread.start()
    future: Future[subprocess.Popen[bytes]] = Future()
    _jobs.put((future, args, kwargs))
    return future.result()

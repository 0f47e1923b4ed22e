"""`LanguageTool`: check many paragraphs against one server, with a disk cache and retries.

One instance per run. Nothing starts until a paragraph misses the cache, so a run over
unchanged files needs neither Java nor a server. Requests go out on a few threads (two
concurrent requests are ~1.7x faster than one on a 2-core machine; more buy nothing there).
A server that dies or stops answering is restarted once per call and the failed paragraphs
are retried; what still fails becomes an `LTFailure` for that paragraph, never an exception
that ends the run.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from types import TracebackType

import newslint

from .cache import ResultCache, key_material
from .endpoints import Endpoint, acquire
from .install import pinned_version
from .model import LTFailure, LTMatch, LTSettings, TextPart
from .paths import Home
from .protocol import ProtocolError, parse_matches, plain_text, request_params, software_version
from .transport import Rejected, Unreachable, post_form

Progress = Callable[[str], None]
Result = list[LTMatch] | LTFailure
WARMUP_TIMEOUT = 180.0  # a cold JVM needs 15-25 s for its first German check on 2 cores
# Warm-up texts: a realistic paragraph with typos and compounds loads what a short correct
# sentence leaves cold (speller suggestions, compound splitter): after "Dies ist ein Satz."
# the first paragraph with a typo still took 3-6 s, after this one 0.15 s.
WARMUP_TEXTS = {
    "de": "Die Bundesregierung hat am Mittwoch in Berlin ein neues Klimaschutzprogramm "
    "vorgestellt, das den Ausstoß von Treibhausgasen bis 2030 deutlich senken soll. Kritiker "
    "bemängeln, dass die Maßnahmen nicht ausreichen würden. Trump schuen zunächst zu "
    "Kompromissen bereit zu sein. Der Minister betonte, man werde die Fortschritte regelmässig "
    "überprüfen und gegebenenfalls nachsteuern, um die Ziele zu erreichen.",
    "en": "The government presented a new climate programme in Berlin on Wednesday, which is "
    "ment to cut greenhouse gas emissions significantly by 2030. Critics say the measures "
    "does not go far enough. The minister said progress would be reviewed regularly.",
}
MAX_RESTARTS = 3  # per instance: a server that keeps dying is not worth a fourth JVM


def _workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


@dataclass
class _Resources:
    """What a `LanguageTool` owns, apart from the object itself, so `weakref.finalize` can
    release it when the object is closed, garbage-collected without `close()`, or still
    open at interpreter exit - a JVM must not outlive its last user."""

    endpoint: Endpoint | None = None
    pool: ThreadPoolExecutor | None = None
    cache: ResultCache | None = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        if self.endpoint is not None:
            self.endpoint.close()
        if self.cache is not None:
            self.cache.close()


@dataclass
class _Retry:
    """A request that failed because the server is gone or stuck (worth a restart)."""

    reason: str


class LanguageTool:
    """Checks annotated paragraphs; use as a context manager, one per run."""

    def __init__(
        self,
        settings: LTSettings,
        progress: Progress | None = None,
        *,
        home: Home | None = None,
        warn: Progress | None = None,
        workers: int | None = None,
    ) -> None:
        self.settings = settings
        self._say = progress or (lambda _message: None)
        self._warn = warn or (
            lambda message: print(f"newslint: warning: {message}", file=sys.stderr)
        )
        self._home = home or Home.default()
        self._workers = workers or _workers()
        self._res = _Resources(
            cache=ResultCache(self._home.results_db, self._warn) if settings.use_cache else None
        )
        self._finalizer = weakref.finalize(self, self._res.close)
        self._version: str | None = None
        self._requests = 0
        self._cached = 0
        self._restarts = 0
        self._lock = threading.Lock()
        self._closed = False

    # -- public ---------------------------------------------------------------------------

    @property
    def version(self) -> str:
        """LanguageTool's version: the pinned one locally (no server needed), else asked."""
        if self._version is None:
            self._version = pinned_version() if not self.settings.url else self._ask_version()
        return self._version

    @property
    def requests_sent(self) -> int:
        """`/v2/check` requests sent for paragraphs (warm-up and health probes not counted)."""
        return self._requests

    @property
    def paragraphs_cached(self) -> int:
        """Paragraphs answered from the result cache, without a request."""
        return self._cached

    def check_many(self, items: Sequence[Sequence[TextPart]]) -> list[Result]:
        """One result per item, in order: its matches, or an `LTFailure`.

        Raises `LanguageToolUnavailable` only if no server can be had at all (no Java, no
        install); the CLI turns that into one line and exit code 2.
        """
        if self._closed:
            raise RuntimeError("LanguageTool is closed")
        results: list[Result | None] = [None] * len(items)
        pending: dict[str, list[int]] = {}
        parts_of: dict[str, tuple[TextPart, ...]] = {}
        for index, item in enumerate(items):
            parts = tuple(item)
            if not any(p.text.strip() for p in parts if not p.markup):
                results[index] = []
                continue
            material = self._material(parts)
            pending.setdefault(material, []).append(index)
            parts_of[material] = parts
        if self._res.cache is not None and pending and self.version != "unknown":
            for material, matches in self._res.cache.get_many(pending).items():
                self._cached += len(pending[material])
                for index in pending.pop(material):
                    results[index] = list(matches)
        if pending:
            checked = self._check_uncached({m: parts_of[m] for m in pending})
            for material, result in checked.items():
                for index in pending[material]:
                    results[index] = list(result) if isinstance(result, list) else result
        return [r if r is not None else LTFailure("internal error: no result") for r in results]

    def start(self) -> str:
        """Reach a server now (start and warm it up if needed) instead of at the first cache
        miss; returns its URL. Lets a caller fail early or overlap startup with other work."""
        return self._ensure_endpoint().url

    def close(self) -> None:
        """Stop a private server, leave a shared one running; idempotent."""
        if self._closed:
            return
        self._closed = True
        self._finalizer()

    def __enter__(self) -> LanguageTool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- internals ------------------------------------------------------------------------

    def _material(self, parts: tuple[TextPart, ...]) -> str:
        """Cache key material; also the identity for de-duplicating items within a call."""
        version = self.version if self._res.cache is not None else "-"  # no remote probe needed
        return key_material(parts, self.settings.result_key(), version, newslint.__version__)

    def _ensure_endpoint(self) -> Endpoint:
        if self._res.endpoint is None:
            self._res.endpoint = acquire(self.settings, self._home, self._say)
            if self._res.endpoint.started:
                self._warm_up()
        return self._res.endpoint

    def _ensure_pool(self) -> ThreadPoolExecutor:
        if self._res.pool is None:
            self._res.pool = ThreadPoolExecutor(self._workers, thread_name_prefix="newslint-lt")
        return self._res.pool

    def _warm_up(self) -> None:
        assert self._res.endpoint is not None
        self._say("LanguageTool: loading rules (a new server's first check takes ~20 s)…")
        warm_up(self._res.endpoint.url, self.settings)

    def _check_uncached(self, todo: dict[str, tuple[TextPart, ...]]) -> dict[str, Result]:
        endpoint = self._ensure_endpoint()
        done: dict[str, Result] = {}
        retry = self._run_pass(endpoint, todo, done)
        note = "no restarts left"
        if retry and self._restarts < MAX_RESTARTS:
            self._restarts += 1
            endpoint.started = False
            if endpoint.recover():
                if endpoint.started:  # a new JVM: warm it up like the first one
                    self._warm_up()
                again = {m: todo[m] for m in retry}
                retry = self._run_pass(endpoint, again, done)
                note = "after restart" if endpoint.started else "after retry"
            else:
                note = "restart failed"
        for material, reason in retry.items():
            done[material] = LTFailure(f"{reason} ({note})")
        if self._res.cache is not None and self.version != "unknown":
            self._res.cache.put_many((m, r) for m, r in done.items() if isinstance(r, list))
        return done

    def _run_pass(
        self, endpoint: Endpoint, todo: dict[str, tuple[TextPart, ...]], done: dict[str, Result]
    ) -> dict[str, str]:
        """Check `todo` into `done`; returns the items to retry with a one-line reason."""
        trouble = threading.Event()  # after one "server gone", don't queue up more timeouts
        url = f"{endpoint.url}/v2/check"

        def one(parts: tuple[TextPart, ...]) -> Result | _Retry:
            if trouble.is_set():
                return _Retry("LanguageTool stopped answering")
            endpoint.touch()  # keeps a shared server from idling out during a long run
            outcome = self._request(url, parts)
            if isinstance(outcome, _Retry):
                trouble.set()
            return outcome

        endpoint.touch()
        retry: dict[str, str] = {}
        materials = list(todo)
        for material, outcome in zip(
            materials, self._ensure_pool().map(one, todo.values()), strict=True
        ):
            if isinstance(outcome, _Retry):
                retry[material] = outcome.reason
            else:
                done[material] = outcome
        endpoint.touch()
        return retry

    def _request(self, url: str, parts: tuple[TextPart, ...]) -> Result | _Retry:
        with self._lock:
            self._requests += 1
        try:
            payload = post_form(url, request_params(self.settings, parts), self.settings.timeout)
        except Unreachable as exc:
            if exc.timed_out:
                return _Retry(f"LanguageTool did not answer within {self.settings.timeout:g} s")
            return _Retry(f"LanguageTool could not be reached ({exc})")
        except Rejected as exc:
            return LTFailure(f"LanguageTool refused the paragraph: {exc}")
        try:
            return parse_matches(payload, plain_text(parts))
        except ProtocolError as exc:
            return LTFailure(str(exc))

    def _ask_version(self) -> str:
        """A remote server's version (part of the cache key), from a check of one word."""
        url = f"{(self.settings.url or '').rstrip('/')}/v2/check"
        try:
            payload = post_form(
                url, {"language": self.settings.language, "text": "Test"}, self.settings.timeout
            )
        except (Unreachable, Rejected):
            return "unknown"
        return software_version(payload) or "unknown"


def warm_up(url: str, settings: LTSettings) -> None:
    """Make a cold server build its rule pipeline for `settings` now, with a long timeout.

    The first check of a new JVM takes 15-25 s on 2 cores (rules, dictionaries, JIT), more
    than the per-request timeout should allow. One request is enough: the pipeline for a
    second concurrent request then takes ~5 s. Measured: warming one pipeline per worker in
    parallel is no faster overall on 2 cores and costs memory when few paragraphs follow.
    """
    text = WARMUP_TEXTS.get(settings.language.split("-")[0].lower(), WARMUP_TEXTS["en"])
    params = request_params(settings, [TextPart(text)])
    with contextlib.suppress(Unreachable, Rejected):  # real requests will report problems
        post_form(f"{url.rstrip('/')}/v2/check", params, max(WARMUP_TIMEOUT, settings.timeout))

"""HTTP to a LanguageTool server with the standard library, errors sorted by what helps.

Plain `urllib` instead of `requests`: one form POST per paragraph needs nothing more, and a
proxy-free opener for loopback servers, so an `http_proxy` setting cannot send local text
through a proxy. Errors are split into "the server is gone or stuck" (worth a restart) and
"the server refused this request" (not worth one).
"""

from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_DEFAULT = urllib.request.build_opener()
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


class Unreachable(Exception):
    """No answer: connection refused or reset, or no reply within the timeout."""

    def __init__(self, message: str, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


class Rejected(Exception):
    """The server answered with an HTTP error for this request."""


def _opener(url: str) -> urllib.request.OpenerDirector:
    host = urllib.parse.urlsplit(url).hostname or ""
    return _DIRECT if host in LOOPBACK or host.startswith("127.") else _DEFAULT


def post_form(url: str, params: dict[str, str], timeout: float) -> Any:
    """POST `params` as a form and return the decoded JSON answer."""
    body = urllib.parse.urlencode(params).encode("utf-8")
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
            "Accept": "application/json",
        },
    )
    try:
        with _opener(url).open(request, timeout=timeout) as response:
            raw = response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:300].decode("utf-8", "replace").strip().replace("\n", " ")
        raise Rejected(f"HTTP {exc.code}: {detail}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            raise Unreachable(f"no answer within {timeout:g} s", timed_out=True) from exc
        raise Unreachable(str(exc.reason)) from exc
    except TimeoutError as exc:
        raise Unreachable(f"no answer within {timeout:g} s", timed_out=True) from exc
    except (OSError, http.client.HTTPException) as exc:  # reset mid-answer, cut-off body, ...
        raise Unreachable(str(exc) or type(exc).__name__) from exc
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise Rejected("answer is not JSON") from exc


def answers(url: str, timeout: float = 2.0) -> bool:
    """True if a LanguageTool server at `url` answers `/v2/languages`."""
    try:
        with _opener(url).open(f"{url}/v2/languages", timeout=timeout) as response:
            return bool(response.status == 200)
    except (OSError, ValueError):
        return False

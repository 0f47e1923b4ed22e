"""A tiny stand-in for a remote LanguageTool server on 127.0.0.1, answering as it is told.

Configured as `languagetool.url`, it lets the CLI meet a server that fails in ways a real
one rarely does on demand: HTTP 5xx, an answer that is not JSON, JSON of the wrong shape, a
match outside the text. In "ok" mode it reports every "Fehlr" as a speller match.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

WORD = "Fehlr"


def answer(text: str) -> dict[str, object]:
    matches = []
    start = text.find(WORD)
    while start >= 0:
        offset = len(text[:start].encode("utf-16-le")) // 2  # LanguageTool counts UTF-16 units
        matches.append(
            {
                "offset": offset,
                "length": len(WORD),
                "message": "Fake: Fehlr",
                "replacements": [{"value": "Fehler"}],
                "rule": {
                    "id": "FAKE_RULE",
                    "category": {"id": "TYPOS", "name": "Mögliche Tippfehler"},
                },
            }
        )
        start = text.find(WORD, start + 1)
    return {"software": {"version": "6.8-fake"}, "matches": matches}


class FakeLanguageTool:
    """Modes: ok, 500, 503, reject (HTTP 400, as for a bad language), garbage (not JSON),
    shape (JSON without matches), outside, drop (closes each connection unanswered), hang
    (answers after `hang_seconds`), die (after `die_after` requests, drops the connection
    and stops listening, as a killed server would)."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.hang_seconds = 3.0
        self.die_after = 1
        self.seen: list[str] = []  # every text checked, in arrival order
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def address(self) -> tuple[str, int]:
        host, port = self.server.server_address[:2]
        return str(host), int(port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                self._send(200, b'[{"name": "German", "code": "de", "longCode": "de-DE"}]')

            def do_POST(self) -> None:
                form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
                if "data" in form:
                    parts = json.loads(form["data"][0])["annotation"]
                    text = "".join(p.get("text", p.get("markup", "")) for p in parts)
                else:
                    text = form["text"][0]
                fake.seen.append(text)
                if fake.mode == "die" and len(fake.seen) > fake.die_after:
                    self.connection.close()
                    threading.Thread(target=fake.close, daemon=True).start()
                    return
                if fake.mode == "drop":
                    self.connection.close()
                    return
                if fake.mode == "hang":
                    time.sleep(fake.hang_seconds)
                if fake.mode == "reject":
                    self._send(400, b"Error: bad language")
                elif fake.mode in ("500", "503"):
                    self._send(int(fake.mode), b"Error: internal trouble")
                elif fake.mode == "garbage":
                    self._send(200, b"<html>\x00\xff not json")
                elif fake.mode == "shape":
                    self._send(200, b'{"software": {"version": "6.8-fake"}, "result": []}')
                elif fake.mode == "outside":
                    bad = {"offset": len(text) + 5, "length": 3, "message": "m"}
                    bad["rule"] = {"id": "R"}
                    self._send(200, json.dumps({"matches": [bad]}).encode())
                else:
                    self._send(200, json.dumps(answer(text)).encode())

            def _send(self, code: int, body: bytes) -> None:
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

"""Retry and failure handling of `LanguageTool.check_many`, against a scripted fake server.

A stuck or crashing JVM is slow to stage for real; the logic around it (restart once, retry
what failed, turn the rest into per-paragraph failures, don't queue up timeouts) is tested
here with a tiny HTTP server on 127.0.0.1 that answers the way it is told to.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint.languagetool import LanguageTool, LTFailure, LTSettings, TextPart
from newslint.languagetool.paths import Home
from tests.fakelt import FakeLanguageTool


class FakeEndpoint:
    def __init__(self, fake: FakeLanguageTool, heals: bool) -> None:
        self.fake, self.heals = fake, heals
        self.url, self.started, self.recoveries = fake.url, False, 0

    def recover(self) -> bool:
        self.recoveries += 1
        if self.heals:
            self.fake.mode, self.started = "ok", True
        return self.heals

    def touch(self) -> None:
        pass

    def close(self) -> None:
        pass


@pytest.fixture
def fake() -> Iterator[FakeLanguageTool]:
    server = FakeLanguageTool()
    server.hang_seconds = 2.0
    yield server
    server.close()


def client(
    fake: FakeLanguageTool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, heals: bool = True
) -> tuple[LanguageTool, FakeEndpoint]:
    endpoint = FakeEndpoint(fake, heals)
    monkeypatch.setattr("newslint.languagetool.client.acquire", lambda *args: endpoint)
    monkeypatch.setattr("newslint.languagetool.client.warm_up", lambda *args: None)
    settings = LTSettings(timeout=0.5, use_cache=False)
    return LanguageTool(settings, home=Home(tmp_path), workers=2), endpoint


ITEMS = [[TextPart(f"Fehlr {i}.")] for i in range(20)]  # one FAKE_RULE match each


def test_a_stuck_server_is_restarted_and_everything_retried(
    fake: FakeLanguageTool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.mode = "hang"
    lt, endpoint = client(fake, tmp_path, monkeypatch)
    started = time.monotonic()
    with lt:
        results = lt.check_many(ITEMS)
    assert time.monotonic() - started < 5  # not 20 timeouts in a row
    assert endpoint.recoveries == 1
    assert all(isinstance(r, list) and [m.rule_id for m in r] == ["FAKE_RULE"] for r in results)


def test_a_server_that_stays_stuck_gives_per_item_failures(
    fake: FakeLanguageTool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.mode = "hang"
    lt, endpoint = client(fake, tmp_path, monkeypatch, heals=False)
    with lt:
        results = lt.check_many(ITEMS)
    assert endpoint.recoveries == 1
    reasons = {r.reason for r in results if isinstance(r, LTFailure)}
    assert len([r for r in results if isinstance(r, LTFailure)]) == len(ITEMS)
    assert reasons <= {
        "LanguageTool did not answer within 0.5 s (restart failed)",
        "LanguageTool stopped answering (restart failed)",
    }
    assert "LanguageTool did not answer within 0.5 s (restart failed)" in reasons


def test_dropped_connections_count_as_a_dead_server(
    fake: FakeLanguageTool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.mode = "drop"
    lt, endpoint = client(fake, tmp_path, monkeypatch)
    with lt:
        results = lt.check_many(ITEMS[:4])
    assert endpoint.recoveries == 1
    assert all(isinstance(r, list) for r in results)


def test_a_rejected_paragraph_fails_alone_without_restart(
    fake: FakeLanguageTool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.mode = "reject"
    lt, endpoint = client(fake, tmp_path, monkeypatch)
    with lt:
        [result] = lt.check_many(ITEMS[:1])
        fake.mode = "ok"
        [later] = lt.check_many(ITEMS[1:2])
    assert endpoint.recoveries == 0
    assert isinstance(result, LTFailure)
    assert result.reason.startswith("LanguageTool refused the paragraph: HTTP 400")
    assert isinstance(later, list)


def test_restarts_are_limited_per_run(
    fake: FakeLanguageTool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lt, endpoint = client(fake, tmp_path, monkeypatch)
    with lt:
        for i in range(5):
            fake.mode = "drop"
            lt.check_many([[TextPart(f"Runde {i}.")]])
    assert endpoint.recoveries == 3


def test_nothing_starts_when_nothing_needs_checking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_server(*args: object) -> None:
        raise AssertionError("no server should be needed")

    monkeypatch.setattr("newslint.languagetool.client.acquire", no_server)
    with LanguageTool(LTSettings(), home=Home(tmp_path)) as lt:
        assert lt.check_many([]) == []
        assert lt.check_many([[TextPart(" \n")], [TextPart("<hr>", markup=True)]]) == [[], []]
        assert lt.requests_sent == 0

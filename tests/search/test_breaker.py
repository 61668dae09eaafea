"""The circuit breaker's rules, with a fake clock."""

import logging

from search.breaker import CircuitBreaker


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def make(caplog_logger="test.breaker"):
    clock = Clock()
    return clock, CircuitBreaker(
        "Cluster", retry_after=30, clock=clock, logger=logging.getLogger(caplog_logger)
    )


def test_closed_breaker_lets_every_call_through():
    _clock, breaker = make()
    assert all(breaker.allow() for _ in range(5))
    assert not breaker.is_open


def test_after_a_failure_calls_are_skipped_until_the_pause_is_over():
    clock, breaker = make()
    breaker.failure(ConnectionError("down"))
    assert breaker.is_open
    assert not breaker.allow()
    clock.now += 29.9
    assert not breaker.allow()
    clock.now += 0.2
    assert breaker.allow()  # the probe
    assert not breaker.allow()  # only one probe at a time


def test_a_failed_probe_opens_the_breaker_for_another_pause():
    clock, breaker = make()
    breaker.failure(ConnectionError("down"))
    clock.now += 31
    assert breaker.allow()
    breaker.failure(ConnectionError("still down"))
    assert not breaker.allow()
    clock.now += 31
    assert breaker.allow()


def test_a_successful_probe_closes_the_breaker():
    clock, breaker = make()
    breaker.failure(ConnectionError("down"))
    clock.now += 31
    assert breaker.allow()
    breaker.success()
    assert not breaker.is_open
    assert all(breaker.allow() for _ in range(3))


def test_one_warning_per_outage_and_one_line_when_it_ends(caplog):
    clock, breaker = make()
    with caplog.at_level(logging.INFO, logger="test.breaker"):
        for _ in range(3):
            breaker.failure(TimeoutError("no answer"), "plan B answers")
            clock.now += 31
            breaker.allow()
        breaker.success()
        breaker.success()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert warnings == [
        "Cluster failed (TimeoutError: no answer); plan B answers; "
        "skipping it for 30 s, then trying again."
    ]
    assert infos == ["Cluster answers again; using it from now on."]

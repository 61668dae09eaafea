"""A circuit breaker: after a failure, skip a remote service for a while, then probe it again.

Pure Python (no Django), so the rules can be tested with a fake clock. States:

- closed: every call goes through;
- open: right after a failure; calls are refused (the caller answers another way) until
  ``retry_after`` seconds have passed;
- half-open: after that pause exactly one caller may probe; success closes the breaker,
  failure opens it again for another pause.

One warning is logged when an outage starts and one info line when it ends, however many
requests arrive in between.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable


class CircuitBreaker:
    def __init__(
        self,
        name: str | Callable[[], str],
        *,
        retry_after: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        logger: logging.Logger | None = None,
    ):
        self._name = name
        self.retry_after = retry_after
        self._clock = clock
        self._log = logger or logging.getLogger(__name__)
        self._lock = threading.Lock()
        self._opened_at: float | None = None
        self._probing = False

    @property
    def name(self) -> str:
        """The service's name in the log; a callable is asked each time (it may change)."""
        return self._name() if callable(self._name) else self._name

    @property
    def is_open(self) -> bool:
        return self._opened_at is not None

    def allow(self) -> bool:
        """May a call go through now? While open, only one probe per pause is allowed."""
        with self._lock:
            if self._opened_at is None:
                return True
            if self._probing or self._clock() - self._opened_at < self.retry_after:
                return False
            self._probing = True
            return True

    def success(self) -> None:
        with self._lock:
            was_open = self._opened_at is not None
            self._opened_at = None
            self._probing = False
        if was_open:
            self._log.info("%s answers again; using it from now on.", self.name)

    def failure(self, error: BaseException, fallback: str = "") -> None:
        with self._lock:
            first = self._opened_at is None
            self._opened_at = self._clock()
            self._probing = False
        if first:
            self._log.warning(
                "%s failed (%s: %s); %sskipping it for %g s, then trying again.",
                self.name,
                type(error).__name__,
                error,
                f"{fallback}; " if fallback else "",
                self.retry_after,
            )

    def reset(self) -> None:
        with self._lock:
            self._opened_at = None
            self._probing = False

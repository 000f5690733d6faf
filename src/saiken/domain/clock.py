"""A replaceable clock, so that time-dependent rules and screens can be tested."""

from __future__ import annotations

import datetime as dt

_JST = dt.timezone(dt.timedelta(hours=9), "JST")


class Clock:
    """Gives the current time. Tests use `FixedClock`; the application uses `Clock()`."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        """Today in Japan (the users' calendar), whatever the machine's zone."""
        return self.now().astimezone(_JST).date()


class FixedClock(Clock):
    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            at = at.replace(tzinfo=dt.UTC)
        self._at = at

    def now(self) -> dt.datetime:
        return self._at

    def set(self, at: dt.datetime) -> None:
        self._at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)

    def advance(self, delta: dt.timedelta) -> None:
        self._at += delta


JST = _JST
system_clock = Clock()

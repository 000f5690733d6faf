"""How debtor values are shown: yen with 円, dates (西暦 with 和暦 on hover), honorifics, status colours."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor

from saiken.domain.clock import JST
from saiken.domain.debtor_status import STATUS_COLOURS, STATUSES
from saiken.domain.money import format_yen
from saiken.domain.wareki import format_wareki


def statuses() -> tuple[str, ...]:
    """The debtor statuses in their usual order."""
    return STATUSES


def status_colour(status: str) -> QColor:
    """The background colour of a status chip or cell (readable with dark text)."""
    return QColor(STATUS_COLOURS.get(status, "#E0E0E0"))


def yen(amount: int | None) -> str:
    return "" if amount is None else format_yen(int(amount))


def day(value: dt.date | dt.datetime | None) -> str:
    """2025-09-16 → `2025/09/16` (compact, sortable, the way ledgers print it)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(JST)
        return value.strftime("%Y/%m/%d %H:%M")
    return value.strftime("%Y/%m/%d")


def wareki(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_wareki(value)


def honorific(name: str, kind: str) -> str:
    """The name as a document addresses it: 御中 for a corporation, 様 for a person."""
    corporate = kind in ("法人", "corporate", "corporation")
    return f"{name}　{'御中' if corporate else '様'}"

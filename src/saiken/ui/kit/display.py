"""How values are shown: yen with 円, dates in the user's 日付の表示 (和暦 or 西暦; tables short, sentences
long), honorifics, status colours."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor

from saiken.domain.clock import JST
from saiken.domain.debtor_status import STATUS_COLOURS, STATUSES
from saiken.domain.money import format_yen
from saiken.domain.wareki import ERAS, format_wareki


def statuses() -> tuple[str, ...]:
    """The debtor statuses in their usual order."""
    return STATUSES


def status_colour(status: str) -> QColor:
    """The background colour of a status chip or cell (readable with dark text)."""
    return QColor(STATUS_COLOURS.get(status, "#E0E0E0"))


def yen(amount: int | None) -> str:
    return "" if amount is None else format_yen(int(amount))


WAREKI = "wareki"
SEIREKI = "seireki"
_style = {"dates": WAREKI}


def set_date_style(style: str) -> None:
    """日付の表示 of the signed-in user: `wareki` (the default) or `seireki`. Every screen formats through
    `day` and `long_day`, so this one switch changes them all (screens re-render on the change record)."""
    _style["dates"] = SEIREKI if style == SEIREKI else WAREKI


def date_style() -> str:
    return _style["dates"]


def _as_date(value: dt.date | dt.datetime) -> tuple[dt.date, str]:
    """The Japan-time calendar day of `value` and its time of day (`14:05`, empty for a date)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(JST)
        return value.date(), value.strftime("%H:%M")
    return value, ""


def _short(day: dt.date, style: str) -> str:
    if style == WAREKI and day >= ERAS[0].start:
        return format_wareki(day, "short")
    return f"{day.year}/{day.month:02d}/{day.day:02d}"


def _long(day: dt.date, style: str) -> str:
    if style == WAREKI and day >= ERAS[0].start:
        return format_wareki(day)
    return f"{day.year}年{day.month}月{day.day}日"


def day(value: dt.date | dt.datetime | None) -> str:
    """A date in a table or a field: `R8.12.16` (和暦) or `2026/12/16` (西暦); a datetime adds `14:05`."""
    if value is None:
        return ""
    day_, time = _as_date(value)
    text = _short(day_, date_style())
    return f"{text} {time}" if time else text


def long_day(value: dt.date | dt.datetime | None) -> str:
    """A date in a sentence or a heading: `令和8年12月16日` (和暦) or `2026年12月16日` (西暦)."""
    if value is None:
        return ""
    return _long(_as_date(value)[0], date_style())


def other_day(value: dt.date | dt.datetime | None) -> str:
    """The same day in the other calendar (for a tooltip): 西暦 when 和暦 is shown, and the reverse."""
    if value is None:
        return ""
    other = SEIREKI if date_style() == WAREKI else WAREKI
    return _long(_as_date(value)[0], other)


def wareki(value: dt.date | dt.datetime | None) -> str:
    """Always 和暦 in the long form (documents and reports)."""
    if value is None:
        return ""
    return _long(_as_date(value)[0], WAREKI)


def honorific(name: str, kind: str) -> str:
    """The name as a document addresses it: 御中 for a corporation, 様 for a person."""
    corporate = kind in ("法人", "corporate", "corporation")
    return f"{name}　{'御中' if corporate else '様'}"

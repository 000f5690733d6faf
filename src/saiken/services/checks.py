"""Input checks every area's services share: each names the field in Japanese, says what to do, and never
echoes personal data. Lookups by id give NotFoundError naming what was looked for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal, overload

from sqlalchemy.orm import Session

from saiken.domain.clock import JST
from saiken.domain.errors import NotFoundError, ValidationError
from saiken.services.context import Work

MAX_TEXT = 4000  # a summary, question, answer or note longer than this is refused
MAX_LINE = 256


def get_or_404[T](session: Session, model: type[T], record_id: object, what: str) -> T:
    if isinstance(record_id, bool) or not isinstance(record_id, int):
        raise ValidationError(f"{what}の番号は整数で指定してください。")
    found = session.get(model, record_id)
    if found is None:
        raise NotFoundError(f"{what}（番号 {record_id}）が見つかりません。一覧を開き直してください。")
    return found


# --- input checks ----------------------------------------------------------------------------------


@overload
def check_date(value: object, label: str, *, required: Literal[True] = ...) -> dt.date: ...
@overload
def check_date(value: object, label: str, *, required: bool) -> dt.date | None: ...
def check_date(value: object, label: str, *, required: bool = True) -> dt.date | None:
    if value is None and not required:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(f"{label}を日付で指定してください。")
    return value


@overload
def check_amount(
    value: object, label: str, *, required: Literal[True] = ..., allow_zero: bool = ...
) -> int: ...
@overload
def check_amount(value: object, label: str, *, required: bool, allow_zero: bool = ...) -> int | None: ...
def check_amount(value: object, label: str, *, required: bool = True, allow_zero: bool = False) -> int | None:
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{label}は円単位の整数で入力してください。")
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(f"{label}は{'0' if allow_zero else '1'}円以上で入力してください。")
    return value


def check_choice(value: object, label: str, choices: Iterable[str]) -> str:
    options = tuple(choices)
    if value not in options:
        raise ValidationError(f"{label}は次のどれかを選んでください: {'、'.join(options)}")
    return str(value)


def check_text(value: object, label: str, *, required: bool = False, limit: int = MAX_LINE) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{label}は文字で入力してください。")
    text = value.strip()
    if required and not text:
        raise ValidationError(f"{label}を入力してください。")
    if len(text) > limit:
        raise ValidationError(f"{label}が長すぎます（{limit}文字まで）。短くしてください。")
    return text


def check_moment(value: object, label: str) -> dt.datetime:
    """An aware datetime; a naive one is taken as Japan time (what the user typed)."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=JST)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=JST)
    raise ValidationError(f"{label}を日時で指定してください。")


def not_after_today(work: Work, day: dt.date, label: str) -> dt.date:
    if day > work.vault.clock.today():
        raise ValidationError(f"{label}が未来の日付です（{day.isoformat()}）。日付を確かめてください。")
    return day

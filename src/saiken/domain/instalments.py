"""Instalment plans (分割納付, DESIGN §8): schedules, status on a date, missed-instalment alert, acceleration.

- Equal parts put the yen remainder in the FIRST instalment: 100,000 in 3 = 33,334 + 33,333 + 33,333.
- Monthly dates keep the chosen day of month, clamped to the month's end (31 → 2/28, 3/31, 4/30).
- A custom schedule must sum to the amount, with dates strictly ascending and amounts of at least 1 yen.
- Status: payments counted up to the as-of date are applied to the instalments in order, oldest first.
  An instalment is `paid` when fully covered, `missed` when its date (+ grace days) has passed without
  full payment, `partly_paid` when partly covered and not yet missed, `due` otherwise (its day has not
  passed). An instalment's day counts as passed only from the next day.
- Acceleration (期限の利益の喪失): the whole unpaid balance falls due at once on a date; the accelerated
  schedule keeps the instalments already fully paid and replaces the rest with one instalment on that date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from saiken.domain.errors import ValidationError


class InstalmentState(StrEnum):
    PAID = "paid"
    PARTLY_PAID = "partly_paid"
    DUE = "due"
    MISSED = "missed"

    @property
    def label(self) -> str:
        return {"paid": "納付済", "partly_paid": "一部納付", "due": "納期前", "missed": "不履行"}[self.value]


@dataclass(frozen=True)
class Instalment:
    number: int  # 1-based
    due: dt.date
    amount: int


@dataclass(frozen=True)
class InstalmentStatus:
    instalment: Instalment
    paid: int  # the part of the payments applied to this instalment
    remaining: int
    state: InstalmentState
    paid_off_on: dt.date | None  # the day the payments first covered it fully
    paid_late: bool  # covered fully, but after its date (+ grace)


@dataclass(frozen=True)
class PlanStatus:
    as_of: dt.date
    rows: tuple[InstalmentStatus, ...]
    total: int
    paid: int  # all payments counted (dated up to as_of); more than `total` shows as `overpaid`
    balance: int
    overpaid: int
    missed: tuple[InstalmentStatus, ...]
    next_due: InstalmentStatus | None  # the first instalment not yet fully paid

    @property
    def alert(self) -> bool:
        return bool(self.missed)

    @property
    def alert_message(self) -> str | None:
        """One Japanese line naming the missed instalments, or None."""
        if not self.missed:
            return None
        parts = [
            f"第{row.instalment.number}回（{row.instalment.due.isoformat()}、未納 {row.remaining:,}円）"
            for row in self.missed
        ]
        return f"分割納付の不履行があります: {'、'.join(parts)}。納付状況を確認し、期限の利益喪失を検討してください。"


@dataclass(frozen=True)
class Acceleration:
    on: dt.date
    balance: int  # the unpaid balance that falls due at once on `on`
    schedule: tuple[Instalment, ...]  # fully paid instalments kept + one instalment of the rest on `on`


def _amount(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{what}は円単位の整数で指定してください（指定値: {value}）。")
    if value < 1:
        raise ValidationError(f"{what}は1円以上で指定してください（指定値: {value:,}円）。")
    return value


def add_months(day: dt.date, months: int, day_of_month: int | None = None) -> dt.date:
    """The same day of month (or `day_of_month`) `months` later, clamped to the end of that month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    wanted = day.day if day_of_month is None else day_of_month
    return dt.date(year, month + 1, min(wanted, calendar.monthrange(year, month + 1)[1]))


def equal_parts(total: int, count: int) -> list[int]:
    """`total` in `count` equal parts, the remainder in the first: 100,000 in 3 → [33,334, 33,333, 33,333]."""
    _amount(total, "分割する金額")
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValidationError(f"分割回数は1回以上の整数で指定してください（指定値: {count}）。")
    if count > total:
        raise ValidationError(
            f"分割回数（{count}回）が金額（{total:,}円）より多いため、1回1円以上に分けられません。"
        )
    part, remainder = divmod(total, count)
    return [part + remainder] + [part] * (count - 1)


def monthly_schedule(
    total: int, count: int, first_due: dt.date, day_of_month: int | None = None
) -> tuple[Instalment, ...]:
    """Equal monthly instalments: the first on `first_due`, then on `day_of_month` (default: first_due's day)."""
    if day_of_month is not None and not 1 <= day_of_month <= 31:
        raise ValidationError(f"納付日（毎月の日）は1〜31で指定してください（指定値: {day_of_month}）。")
    amounts = equal_parts(total, count)
    wanted = day_of_month or first_due.day
    return tuple(
        Instalment(number, first_due if number == 1 else add_months(first_due, number - 1, wanted), amount)
        for number, amount in enumerate(amounts, start=1)
    )


def custom_schedule(total: int, rows: Sequence[tuple[dt.date, int]]) -> tuple[Instalment, ...]:
    """A schedule as agreed: validated to sum to `total`, with dates strictly ascending."""
    _amount(total, "分割する金額")
    if not rows:
        raise ValidationError("分割納付の予定が1行もありません。納付日と金額を入力してください。")
    schedule: list[Instalment] = []
    for number, (due, amount) in enumerate(rows, start=1):
        _amount(amount, f"第{number}回の金額")
        if schedule and due <= schedule[-1].due:
            raise ValidationError(
                f"第{number}回の納付日 {due.isoformat()} が第{number - 1}回（{schedule[-1].due.isoformat()}）"
                "より後になっていません。納付日を昇順に入力してください。"
            )
        schedule.append(Instalment(number, due, amount))
    planned = sum(item.amount for item in schedule)
    if planned != total:
        raise ValidationError(
            f"分割納付の合計（{planned:,}円）が金額（{total:,}円）と一致しません（差額 {total - planned:,}円）。"
        )
    return tuple(schedule)


def plan_status(
    schedule: Sequence[Instalment],
    payments: Sequence[tuple[dt.date, int]],
    as_of: dt.date,
    *,
    grace_days: int = 0,
) -> PlanStatus:
    """The state of every instalment on `as_of` (module docstring)."""
    if not schedule:
        raise ValidationError("分割納付の予定がありません。")
    if grace_days < 0:
        raise ValidationError("猶予日数は0日以上で指定してください。")
    for day, amount in payments:
        _amount(amount, f"{day.isoformat()} の入金額")
    counted = sorted(((day, amount) for day, amount in payments if day <= as_of), key=lambda item: item[0])
    paid_total = sum(amount for _, amount in counted)
    total = sum(item.amount for item in schedule)
    rows = []
    covered_before = 0
    for item in schedule:
        covered = max(0, min(item.amount, paid_total - covered_before))
        target = covered_before + item.amount
        paid_off_on = _day_cumulative_reaches(counted, target) if covered == item.amount else None
        deadline = item.due + dt.timedelta(days=grace_days)
        if covered == item.amount:
            state = InstalmentState.PAID
        elif as_of > deadline:
            state = InstalmentState.MISSED
        elif covered:
            state = InstalmentState.PARTLY_PAID
        else:
            state = InstalmentState.DUE
        late = paid_off_on is not None and paid_off_on > deadline
        rows.append(InstalmentStatus(item, covered, item.amount - covered, state, paid_off_on, late))
        covered_before = target
    missed = tuple(row for row in rows if row.state is InstalmentState.MISSED)
    next_due = next((row for row in rows if row.state is not InstalmentState.PAID), None)
    return PlanStatus(
        as_of=as_of,
        rows=tuple(rows),
        total=total,
        paid=paid_total,
        balance=max(0, total - paid_total),
        overpaid=max(0, paid_total - total),
        missed=missed,
        next_due=next_due,
    )


def _day_cumulative_reaches(payments: list[tuple[dt.date, int]], target: int) -> dt.date | None:
    running = 0
    for day, amount in payments:
        running += amount
        if running >= target:
            return day
    return None


def accelerate(
    schedule: Sequence[Instalment], payments: Sequence[tuple[dt.date, int]], on: dt.date
) -> Acceleration:
    """期限の利益の喪失: the whole unpaid balance (payments up to `on` counted) falls due at once on `on`."""
    status = plan_status(schedule, payments, on)
    if status.balance == 0:
        raise ValidationError("残額がないため、期限の利益を喪失させる対象がありません。")
    # Fully paid instalments dated before `on` stay; one paid ahead (dated on or after `on`) is folded into
    # the accelerated instalment, whose status then shows that money as paid.
    kept = [
        row.instalment for row in status.rows if row.state is InstalmentState.PAID and row.instalment.due < on
    ]
    rest = status.total - sum(item.amount for item in kept)
    schedule_after = (*kept, Instalment(len(kept) + 1, on, rest))
    return Acceleration(on=on, balance=status.balance, schedule=schedule_after)

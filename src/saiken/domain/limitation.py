"""Limitation (時効, DESIGN §8): when a claim's limitation period completes, and how far ahead to warn.

Rules modelled (and their simplifications, said plainly):
- Public-law claim (公法上の債権): 5 years (地方自治法236条1項). Private-law claim (私法上の債権):
  民法166条1項 gives 5 years from when the creditor knew it could exercise the right (and 10 years from when
  it could); here it is kept to 5 years from the start date, which is when a ward knows — say so to users.
- The period starts the day after the start date (初日不算入, 民法140条) and ends at the end of the day
  before the corresponding day (民法143条2項); when that month has no corresponding day, at the month's end.
  Start 2024-10-28 (納期限) → expires 2029-10-28 at the end of the day.
- Acknowledgement (承認: a payment or a signed pledge) renews (更新, 民法152条): a new 5 years from that date.
- A demand (催告) suspends completion (完成猶予, 民法150条) until 6 months after it; a second demand made
  within the 6 months of an effective one has no effect (150条2項).
- For public-law claims the first statutory 督促 renews (地方自治法236条4項), counted from the date entered
  for it (enter the date the 督促 took effect). A later 督促, or a 督促 on a private-law claim, is treated as
  a demand (催告).
- An event after the period has completed changes nothing here (a public-law claim is extinguished
  without invocation, 地方自治法236条2項; for a private-law claim, a payment after completion may bar the
  debtor from invoking it — that needs a person's judgement and is flagged, not computed).
- Not modelled: court claims, seizure and other grounds of suspension; holidays at the period's end.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from saiken.domain.errors import ValidationError
from saiken.domain.wareki import format_wareki

DEFAULT_WARNING_DAYS = 180
YEARS = 5
DEMAND_MONTHS = 6


class ClaimNature(StrEnum):
    PUBLIC = "public"
    PRIVATE = "private"

    @property
    def label(self) -> str:
        return (
            "公法上の債権（地方自治法236条・5年）"
            if self is ClaimNature.PUBLIC
            else "私法上の債権（民法166条・5年）"
        )


class EventKind(StrEnum):
    PAYMENT = "payment"  # 一部納付 — an acknowledgement
    PLEDGE = "pledge"  # 署名した誓約書・債務承認書 — an acknowledgement
    DEMAND = "demand"  # 催告
    STATUTORY_DEMAND = "statutory_demand"  # 督促 (地方自治法231条の3)

    @property
    def label(self) -> str:
        return {
            "payment": "納付（承認）",
            "pledge": "誓約書（承認）",
            "demand": "催告",
            "statutory_demand": "督促",
        }[self.value]


class Effect(StrEnum):
    RENEWED = "renewed"  # 更新: a new period from the event
    SUSPENDED = "suspended"  # 完成猶予: completion postponed
    NO_EFFECT = "no_effect"
    AFTER_EXPIRY = "after_expiry"


class WarningLevel(StrEnum):
    OK = "ok"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class LimitationEvent:
    kind: EventKind
    on: dt.date


@dataclass(frozen=True)
class EventEffect:
    event: LimitationEvent
    effect: Effect
    expiry_after: dt.date  # the expiry once this event is taken into account
    explanation: str  # Japanese, for the screen


@dataclass(frozen=True)
class LimitationWarning:
    level: WarningLevel
    days_left: int  # negative once expired
    message: str


@dataclass(frozen=True)
class LimitationResult:
    nature: ClaimNature
    start: dt.date
    expiry: dt.date  # the period completes at the end of this day
    effects: tuple[EventEffect, ...]

    def warning(self, today: dt.date, window_days: int = DEFAULT_WARNING_DAYS) -> LimitationWarning:
        """`expired` after the expiry day, `warning` within `window_days` of it, `ok` otherwise."""
        days_left = (self.expiry - today).days
        shown = f"{self.expiry.isoformat()}（{format_wareki(self.expiry)}）"
        if days_left < 0:
            return LimitationWarning(
                WarningLevel.EXPIRED, days_left, f"時効期間が満了しています（満了日 {shown}）。"
            )
        if days_left <= window_days:
            return LimitationWarning(
                WarningLevel.WARNING,
                days_left,
                f"時効の満了が近づいています（満了日 {shown}、残り{days_left}日）。",
            )
        return LimitationWarning(
            WarningLevel.OK, days_left, f"時効の満了日は {shown} です（残り{days_left}日）。"
        )


def period_end(start: dt.date, *, years: int = 0, months: int = 0) -> dt.date:
    """The last day of a period of years/months counted from the day after `start` (民法140条・143条)."""
    begin = start + dt.timedelta(days=1)
    index = begin.year * 12 + (begin.month - 1) + years * 12 + months
    year, month0 = divmod(index, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    if begin.day > last_day:
        return dt.date(year, month0 + 1, last_day)
    return dt.date(year, month0 + 1, begin.day) - dt.timedelta(days=1)


def compute_limitation(
    nature: ClaimNature | str, start: dt.date, events: Sequence[LimitationEvent] = ()
) -> LimitationResult:
    """The expiry of a claim exercisable from `start` (e.g. its 納期限), given its events (module docstring)."""
    try:
        nature = ClaimNature(nature)
    except ValueError:
        raise ValidationError(
            f"債権の種類「{nature}」は指定できません。public（公法上）か private（私法上）です。"
        ) from None
    for event in events:
        if event.on < start:
            raise ValidationError(
                f"{event.kind.label}の日付 {event.on.isoformat()} が時効の起算日 {start.isoformat()} より前です。日付を確かめてください。"
            )
    order = {EventKind.PAYMENT: 0, EventKind.PLEDGE: 0, EventKind.STATUTORY_DEMAND: 1, EventKind.DEMAND: 2}
    base = period_end(start, years=YEARS)  # end of the running period
    deferred: dt.date | None = None  # completion postponed by a demand until this day
    last_demand: tuple[dt.date, dt.date] | None = None  # (day, end of its 6 months) of the effective demand
    statutory_used = False
    effects = []
    for event in sorted(events, key=lambda e: (e.on, order[e.kind])):
        expiry = max(base, deferred) if deferred else base
        if event.on > expiry:
            note = "時効期間の満了後の事象のため、満了日は変わりません。"
            if nature is ClaimNature.PRIVATE and event.kind in (EventKind.PAYMENT, EventKind.PLEDGE):
                note += "私法上の債権では、満了後の承認により債務者が時効を援用できなくなることがあります。個別に判断してください。"
            effects.append(EventEffect(event, Effect.AFTER_EXPIRY, expiry, note))
            continue
        kind = event.kind
        treat_as_demand = ""
        if kind is EventKind.STATUTORY_DEMAND:
            if nature is ClaimNature.PUBLIC and not statutory_used:
                statutory_used = True
                base, deferred, last_demand = period_end(event.on, years=YEARS), None, None
                effects.append(
                    EventEffect(
                        event,
                        Effect.RENEWED,
                        base,
                        "最初の督促により時効が更新され、督促の日から新たに5年を数えます（地方自治法236条4項）。",
                    )
                )
                continue
            treat_as_demand = (
                "2回目以降の督促は催告として扱います。"
                if nature is ClaimNature.PUBLIC
                else "私法上の債権の督促は催告として扱います。"
            )
            kind = EventKind.DEMAND
        if kind in (EventKind.PAYMENT, EventKind.PLEDGE):
            base, deferred, last_demand = period_end(event.on, years=YEARS), None, None
            effects.append(
                EventEffect(
                    event,
                    Effect.RENEWED,
                    base,
                    f"{event.kind.label}により時効が更新され、その日から新たに5年を数えます（民法152条）。",
                )
            )
            continue
        if last_demand is not None and last_demand[0] < event.on <= last_demand[1]:
            effects.append(
                EventEffect(
                    event,
                    Effect.NO_EFFECT,
                    expiry,
                    treat_as_demand
                    + "催告による完成猶予の期間中の再度の催告のため、効力がありません（民法150条2項）。",
                )
            )
            continue
        until = period_end(event.on, months=DEMAND_MONTHS)
        last_demand = (event.on, until)
        deferred = max(deferred, until) if deferred else until
        new_expiry = max(base, deferred)
        if new_expiry > expiry:
            text = f"催告により、{until.isoformat()}まで時効の完成が猶予されます（民法150条1項）。"
        else:
            text = f"催告の6か月（{until.isoformat()}まで）は満了日より前に終わるため、満了日は変わりません。"
        effects.append(EventEffect(event, Effect.SUSPENDED, new_expiry, treat_as_demand + text))
    expiry = max(base, deferred) if deferred else base
    return LimitationResult(nature=nature, start=start, expiry=expiry, effects=tuple(effects))

"""Advisor dispatch fees (専門家派遣の謝金・旅費), exact, in whole yen (seed 004).

The default profile `SEED_004` is the 専門家謝金支出基準 and 専門家旅費支出基準 of seed 004:

- 謝金 (honorarium): 5,280 yen an hour including tax, counted in 30-minute units (the remainder under
  30 minutes is dropped), at most 31,680 yen a day. Only face-to-face support counts: preparation, the
  advisor's own work, e-mail and telephone do not (a break inside the support is taken off).
- 交通費 (travel): public transport as claimed (the fare on the most economical ordinary route); a private
  car 37 yen per km over the whole route, the fraction of a km dropped.
- 日当 (day allowance): 1,100 yen on a day with at least 100 km of travel over the whole route and at least
  30 minutes of support.
- 宿泊費 (lodging): the actual cost, at most 9,800 yen a night.

Decisions made here where the seed is silent:
- The 30-minute rounding and the daily cap apply to the day: the face-to-face minutes of all of an
  advisor's dispatches on one day are added first, then rounded down to whole units, then capped. One
  dispatch on its own is one day.
- The private-car distance is added up over the day's whole route (全路程を通算し) and the fraction of a km
  dropped once, from the total.
- The day allowance needs the day's support minutes as measured (≥ 30), not as rounded, and the day's
  whole-route distance (≥ 100 km): the private-car distance, or the route distance given for public
  transport. It is paid once a day.
- A unit's fee that is not a whole number of yen (a configured profile, e.g. 5,000 yen an hour in
  20-minute units) is kept exact and the honorarium truncated to whole yen once, at the end.

Everything here is pure: no I/O, no clock. Amounts are `int` yen; distances are exact `Fraction`s.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from saiken.domain.errors import ValidationError
from saiken.domain.money import parse_yen

MAX_KM = Fraction(10_000)  # a day's route longer than this is a typing mistake
MAX_NIGHTS = 14
MAX_CLAIM = 1_000_000  # one transport claim or one night above this is a typing mistake


@dataclass(frozen=True, slots=True)
class FeeProfile:
    """The figures of a fee standard. Every amount is whole yen; every field may be configured."""

    name: str = "seed004"
    label: str = "専門家派遣謝金・旅費支出基準（既定）"
    hourly_yen: int = 5_280
    unit_minutes: int = 30
    daily_cap_yen: int = 31_680
    car_yen_per_km: int = 37
    allowance_yen: int = 1_100
    allowance_min_km: int = 100
    allowance_min_minutes: int = 30
    lodging_cap_yen: int = 9_800

    def __post_init__(self) -> None:
        check_profile(self)

    @property
    def unit_fee(self) -> Fraction:
        """The fee of one unit, exact: 5,280 × 30/60 = 2,640."""
        return Fraction(self.hourly_yen * self.unit_minutes, 60)

    def as_dict(self) -> dict[str, Any]:
        return {item.name: getattr(self, item.name) for item in fields(self)}


PROFILE_FIELDS: dict[str, str] = {
    "hourly_yen": "謝金の時間単価（円）",
    "unit_minutes": "謝金の計算単位（分）",
    "daily_cap_yen": "謝金の日額上限（円）",
    "car_yen_per_km": "私有車の1kmあたりの額（円）",
    "allowance_yen": "日当（円）",
    "allowance_min_km": "日当の条件: 移動距離（km以上）",
    "allowance_min_minutes": "日当の条件: 支援時間（分以上）",
    "lodging_cap_yen": "宿泊費の1泊あたり上限（円）",
}


def check_profile(profile: FeeProfile) -> None:
    """A ValidationError naming the figure when one is not a sensible whole number."""
    limits = {
        "hourly_yen": (1, 1_000_000),
        "unit_minutes": (1, 240),
        "daily_cap_yen": (0, 10_000_000),
        "car_yen_per_km": (0, 10_000),
        "allowance_yen": (0, 1_000_000),
        "allowance_min_km": (0, 10_000),
        "allowance_min_minutes": (0, 24 * 60),
        "lodging_cap_yen": (0, 1_000_000),
    }
    for name, (low, high) in limits.items():
        value = getattr(profile, name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(
                f"{PROFILE_FIELDS[name]}は {low:,}〜{high:,} の整数で指定してください（指定: {value}）。"
            )
    if not profile.name or not profile.name.isascii():
        raise ValidationError("計算基準の名前は半角英数字で指定してください。")


SEED_004 = FeeProfile()


def profile_from_dict(data: dict[str, Any], *, base: FeeProfile = SEED_004) -> FeeProfile:
    """A profile with `data`'s figures over `base` (unknown keys refused, so a typo is never ignored)."""
    known = {item.name for item in fields(FeeProfile)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValidationError(f"計算基準に不明な項目があります: {', '.join(unknown)}。")
    return replace(base, **data)


# --- inputs ---------------------------------------------------------------------------------------------

_KM_RE = re.compile(r"^-?\d+(\.\d+)?$")


def parse_km(value: object, label: str = "距離") -> Fraction:
    """A distance in km, exact: 123.7, "123.7", "１２３．７km" → Fraction(1237, 10). Never negative."""
    if isinstance(value, bool):
        raise ValidationError(f"{label}を数で入力してください（例: 123.7）。")
    if isinstance(value, Fraction | int):
        result = Fraction(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValidationError(f"{label}を数で入力してください（例: 123.7）。")
        result = Fraction(value)
    elif isinstance(value, float):
        # a float is read through its shortest decimal text (123.7, not 123.69999…)
        return parse_km(repr(value), label)
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().lower().removesuffix("km").strip()
        if not _KM_RE.match(text):
            raise ValidationError(f"{label}「{value.strip()}」を数で入力してください（例: 123.7）。")
        try:
            result = Fraction(Decimal(text))
        except InvalidOperation:
            raise ValidationError(
                f"{label}「{value.strip()}」を数で入力してください（例: 123.7）。"
            ) from None
    else:
        raise ValidationError(f"{label}を数で入力してください（例: 123.7）。")
    if result < 0:
        raise ValidationError(f"{label}に負の値は入力できません。")
    if result > MAX_KM:
        raise ValidationError(f"{label}が大きすぎます（{MAX_KM:,} kmまで）。値を確かめてください。")
    return result


def parse_claim(value: object, label: str) -> int:
    """A claimed amount in whole yen (0 or more), from an int or text such as 1,230円."""
    amount = parse_yen(value)
    if amount < 0:
        raise ValidationError(f"{label}に負の金額は入力できません。")
    if amount > MAX_CLAIM:
        raise ValidationError(f"{label}が大きすぎます（{MAX_CLAIM:,}円まで）。金額を確かめてください。")
    return amount


_HM_RE = re.compile(r"^(\d{1,2})[:：時](\d{2})分?$")


def parse_hhmm(value: object, label: str) -> dt.time:
    """09:30, 9:30, ９：３０, 9時30分 → time(9, 30)."""
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if not isinstance(value, str):
        raise ValidationError(f"{label}を 9:30 のように時:分で入力してください。")
    text = unicodedata.normalize("NFKC", value).strip()
    match = _HM_RE.match(text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError(f"{label}「{value.strip()}」を 9:30 のように時:分で入力してください。")
    return dt.time(int(match[1]), int(match[2]))


def support_minutes(start: dt.time, end: dt.time, break_minutes: int = 0) -> int:
    """Face-to-face minutes from `start` to `end` on one day, less any break inside them."""
    begin = start.hour * 60 + start.minute
    finish = end.hour * 60 + end.minute
    if finish <= begin:
        raise ValidationError(
            f"支援の終了時刻（{end:%H:%M}）が開始時刻（{start:%H:%M}）より後になっていません。時刻を確かめてください。"
        )
    if isinstance(break_minutes, bool) or not isinstance(break_minutes, int) or break_minutes < 0:
        raise ValidationError("休憩時間は0分以上の整数で入力してください。")
    if break_minutes >= finish - begin:
        raise ValidationError("休憩時間が支援時間と同じか長くなっています。休憩時間を確かめてください。")
    return finish - begin - break_minutes


# --- the rules ------------------------------------------------------------------------------------------


def honorarium_units(minutes: int, profile: FeeProfile = SEED_004) -> int:
    """Whole units in `minutes` (the remainder under one unit is dropped)."""
    if minutes < 0:
        raise ValidationError("支援時間に負の値は使えません。")
    return minutes // profile.unit_minutes


def honorarium(minutes: int, profile: FeeProfile = SEED_004) -> int:
    """謝金 of one day's face-to-face `minutes`: units × unit fee, truncated to yen, at most the daily cap."""
    exact = honorarium_units(minutes, profile) * profile.unit_fee
    whole = exact.numerator // exact.denominator
    return min(whole, profile.daily_cap_yen)


def car_fare(km: Fraction, profile: FeeProfile = SEED_004) -> int:
    """私有車: the whole route's km with the fraction dropped, times the rate per km."""
    whole_km = km.numerator // km.denominator
    return whole_km * profile.car_yen_per_km


def day_allowance(route_km: Fraction, minutes: int, profile: FeeProfile = SEED_004) -> int:
    """日当: paid when the day's whole route is at least the distance and its support at least the minutes."""
    if route_km >= profile.allowance_min_km and minutes >= profile.allowance_min_minutes:
        return profile.allowance_yen
    return 0


def lodging(nights: Iterable[int], profile: FeeProfile = SEED_004) -> int:
    """宿泊費: each night's actual cost, at most the cap a night."""
    return sum(min(amount, profile.lodging_cap_yen) for amount in nights)


# --- one dispatch, one day, one month ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DispatchInput:
    """What a fee is computed from. `car_km` is the private-car distance of the whole route; `transport_yen`
    the public transport claimed; `route_km` the whole route's distance for the day allowance (defaults to
    `car_km`); `nights` each night's lodging as paid."""

    day: dt.date
    minutes: int
    car_km: Fraction = Fraction(0)
    transport_yen: int = 0
    route_km: Fraction | None = None
    nights: tuple[int, ...] = ()

    @property
    def distance(self) -> Fraction:
        return self.route_km if self.route_km is not None else self.car_km


@dataclass(frozen=True, slots=True)
class FeeBreakdown:
    """The fee of one day (or of one dispatch computed alone). All amounts whole yen."""

    minutes: int
    units: int
    honorarium: int
    capped: bool  # the daily cap cut the honorarium
    car_km: int  # whole km paid for
    travel: int  # public transport + private car
    day_allowance: int
    lodging: int
    nights: int

    @property
    def total(self) -> int:
        return self.honorarium + self.travel + self.day_allowance + self.lodging

    def as_dict(self) -> dict[str, int | bool]:
        return {
            "minutes": self.minutes,
            "units": self.units,
            "honorarium": self.honorarium,
            "capped": self.capped,
            "car_km": self.car_km,
            "travel": self.travel,
            "day_allowance": self.day_allowance,
            "lodging": self.lodging,
            "nights": self.nights,
            "total": self.total,
        }


def day_fee(inputs: Sequence[DispatchInput], profile: FeeProfile = SEED_004) -> FeeBreakdown:
    """The fee of one advisor's day: every dispatch of that day together (rounding and cap on the day)."""
    if not inputs:
        raise ValidationError("計算する派遣がありません。")
    days = {item.day for item in inputs}
    if len(days) != 1:
        raise ValidationError("1日分の計算に別の日の派遣が含まれています。")
    minutes = sum(item.minutes for item in inputs)
    units = honorarium_units(minutes, profile)
    uncapped = units * profile.unit_fee
    fee = honorarium(minutes, profile)
    route_total = sum((item.distance for item in inputs), Fraction(0))
    # 全路程を通算し: the day's private-car km are added up, then the fraction of a km is dropped once
    car_km = sum((item.car_km for item in inputs), Fraction(0))
    whole_km = car_km.numerator // car_km.denominator
    transport = sum(item.transport_yen for item in inputs)
    nights = [amount for item in inputs for amount in item.nights]
    return FeeBreakdown(
        minutes=minutes,
        units=units,
        honorarium=fee,
        capped=uncapped > profile.daily_cap_yen,
        car_km=whole_km,
        travel=transport + car_fare(car_km, profile),
        day_allowance=day_allowance(route_total, minutes, profile),
        lodging=lodging(nights, profile),
        nights=len(nights),
    )


def dispatch_fee(
    start: dt.time,
    end: dt.time,
    *,
    km: Fraction | None = None,
    transport: int = 0,
    lodging_nights: Sequence[int] = (),
    route_km: Fraction | None = None,
    break_minutes: int = 0,
    profile: FeeProfile = SEED_004,
) -> FeeBreakdown:
    """One dispatch computed as a day of its own (the `saiken dispatch-fee` command)."""
    if len(lodging_nights) > MAX_NIGHTS:
        raise ValidationError(f"宿泊は{MAX_NIGHTS}泊までです。")
    minutes = support_minutes(start, end, break_minutes)
    item = DispatchInput(
        day=dt.date(2000, 1, 1),
        minutes=minutes,
        car_km=km if km is not None else Fraction(0),
        transport_yen=transport,
        route_km=route_km,
        nights=tuple(lodging_nights),
    )
    return day_fee([item], profile)


@dataclass(frozen=True, slots=True)
class StatementDay:
    day: dt.date
    dispatches: int
    fee: FeeBreakdown


@dataclass(frozen=True, slots=True)
class MonthlyStatement:
    """An advisor's month: one line per day, and the totals."""

    year: int
    month: int
    days: tuple[StatementDay, ...] = field(default_factory=tuple)

    @property
    def honorarium(self) -> int:
        return sum(day.fee.honorarium for day in self.days)

    @property
    def travel(self) -> int:
        return sum(day.fee.travel for day in self.days)

    @property
    def day_allowance(self) -> int:
        return sum(day.fee.day_allowance for day in self.days)

    @property
    def lodging(self) -> int:
        return sum(day.fee.lodging for day in self.days)

    @property
    def total(self) -> int:
        return sum(day.fee.total for day in self.days)

    @property
    def minutes(self) -> int:
        return sum(day.fee.minutes for day in self.days)

    @property
    def dispatches(self) -> int:
        return sum(day.dispatches for day in self.days)


def monthly_statement(
    year: int, month: int, inputs: Iterable[tuple[DispatchInput, FeeProfile]]
) -> MonthlyStatement:
    """The month's statement: dispatches grouped by day, each day under the profile in force on it (the
    profile of the day's first dispatch; a day has one profile)."""
    by_day: dict[dt.date, list[DispatchInput]] = {}
    profiles: dict[dt.date, FeeProfile] = {}
    for item, profile in inputs:
        if (item.day.year, item.day.month) != (year, month):
            raise ValidationError(
                f"{year}年{month}月の明細に別の月の派遣（{item.day.isoformat()}）が含まれています。"
            )
        by_day.setdefault(item.day, []).append(item)
        profiles.setdefault(item.day, profile)
    days = tuple(
        StatementDay(day=day, dispatches=len(items), fee=day_fee(items, profiles[day]))
        for day, items in sorted(by_day.items())
    )
    return MonthlyStatement(year=year, month=month, days=days)

"""Charge rule profiles (DESIGN §8): rates, units, minimum and whether the additional charge applies.

A profile is a frozen value. `SUBSIDY` is the rule of the subsidy repayment orders (seed 003): 加算金 and
延滞金 both at 10.95 % a year on a 365-day year, leap years included, no base or result unit, no minimum.
Other ordinances differ; `LOCAL_TAX_STYLE` shows the shape they take (two tiers, a rate table by period,
1,000-yen base unit, 100-yen result unit, 1,000-yen minimum, no additional charge).

Rates are `Fraction`s of one (10.95 % is `Fraction(1095, 10000)`), never floats.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from fractions import Fraction

from saiken.domain.errors import ValidationError
from saiken.domain.money import format_exact


def percent(text: str) -> Fraction:
    """`"10.95"` → Fraction(1095, 10000): a rate written in percent, read exactly (never through float)."""
    return Fraction(text) / 100


@dataclass(frozen=True)
class RatePeriod:
    """Late-charge rates in force from `start` (inclusive) until the next period's start.

    `tier1` applies to the days 1..`RuleProfile.tier1_days` after the due date, `tier2` to later days
    (the 特例基準割合 style of local ordinances). Both are annual rates as fractions of one.
    """

    start: dt.date
    tier1: Fraction
    tier2: Fraction

    def __post_init__(self) -> None:
        for rate in (self.tier1, self.tier2):
            if isinstance(rate, float) or not isinstance(rate, Fraction | int):
                raise ValidationError("料率は分数（Fraction）で指定してください。小数（float）は使えません。")
            if rate < 0:
                raise ValidationError("料率に負の値は指定できません。")


@dataclass(frozen=True)
class RuleProfile:
    """Everything that varies between charge rules. See the module docstring."""

    name: str
    label: str
    late_rates: tuple[RatePeriod, ...]
    additional_rate: Fraction = field(default_factory=lambda: percent("10.95"))
    additional_applies: bool = True
    tier1_days: int | None = None  # None: one tier only (tier1 and tier2 should then be equal)
    days_in_year: int = 365  # 365 even in leap years (DESIGN §8)
    base_unit: int = 1  # each segment's base truncated down to a multiple of this
    result_unit: int = 1  # each charge truncated down to a multiple of this
    minimum_charge: int = 0  # a charge below this is 0

    def __post_init__(self) -> None:
        if not self.late_rates:
            raise ValidationError("延滞金の料率表が空です。少なくとも1行を指定してください。")
        starts = [period.start for period in self.late_rates]
        if starts != sorted(starts) or len(set(starts)) != len(starts):
            raise ValidationError(
                "延滞金の料率表は適用開始日の昇順で、同じ開始日を重ねずに指定してください。"
            )
        if isinstance(self.additional_rate, float) or self.additional_rate < 0:
            raise ValidationError("加算金の料率は0以上の分数（Fraction）で指定してください。")
        for label, value in (("基礎額の単位", self.base_unit), ("結果の単位", self.result_unit)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValidationError(f"{label}は1円以上の整数で指定してください（指定値: {value}）。")
        if (
            isinstance(self.minimum_charge, bool)
            or not isinstance(self.minimum_charge, int)
            or self.minimum_charge < 0
        ):
            raise ValidationError(
                f"最低額は0円以上の整数で指定してください（指定値: {self.minimum_charge}）。"
            )
        if self.tier1_days is not None and self.tier1_days < 0:
            raise ValidationError("第1段階の日数は0以上で指定してください。")
        if self.days_in_year not in (365, 366):
            raise ValidationError("年日数は365（または366）で指定してください。")

    def period_on(self, day: dt.date) -> RatePeriod:
        """The rate row in force on `day`."""
        current = None
        for period in self.late_rates:
            if period.start <= day:
                current = period
            else:
                break
        if current is None:
            raise ValidationError(
                f"{day.isoformat()} に適用する延滞金の料率が料率表にありません"
                f"（料率表は {self.late_rates[0].start.isoformat()} から）。"
            )
        return current

    def late_rate(self, day: dt.date, days_after_due: int) -> tuple[Fraction, int | None]:
        """(annual rate, tier) for the late charge of `day`, the `days_after_due`-th day after the due date.

        The tier is None for a one-tier profile (`tier1_days` None, the rate is `tier1`)."""
        period = self.period_on(day)
        if self.tier1_days is None:
            return Fraction(period.tier1), None
        if days_after_due <= self.tier1_days:
            return Fraction(period.tier1), 1
        return Fraction(period.tier2), 2

    def with_options(
        self,
        *,
        base_unit: int | None = None,
        result_unit: int | None = None,
        minimum_charge: int | None = None,
        additional_applies: bool | None = None,
    ) -> RuleProfile:
        """A copy with some options changed (the CLI's --base-unit, --result-unit, --minimum, --no-additional)."""
        changes: dict[str, object] = {}
        if base_unit is not None:
            changes["base_unit"] = base_unit
        if result_unit is not None:
            changes["result_unit"] = result_unit
        if minimum_charge is not None:
            changes["minimum_charge"] = minimum_charge
        if additional_applies is not None:
            changes["additional_applies"] = additional_applies
        if not changes:
            return self
        return replace(self, name=f"{self.name}+custom", **changes)  # type: ignore[arg-type]


SUBSIDY = RuleProfile(
    name="subsidy",
    label="補助金等返還（加算金・延滞金 年10.95%）",
    late_rates=(RatePeriod(dt.date(1900, 1, 1), percent("10.95"), percent("10.95")),),
    additional_rate=percent("10.95"),
    additional_applies=True,
)

LOCAL_TAX_STYLE = RuleProfile(
    name="local_tax_style",
    label="地方税型の例（二段階・期間別の料率、料率は例示）",
    # ILLUSTRATIVE figures only, in the shape of 特例基準割合 tables: they are not any ordinance's rates.
    # Real ordinances count the first tier as "one month after the due date"; this profile counts 30 days.
    late_rates=(
        RatePeriod(dt.date(2021, 1, 1), percent("2.5"), percent("8.8")),
        RatePeriod(dt.date(2022, 1, 1), percent("2.4"), percent("8.7")),
        RatePeriod(dt.date(2026, 1, 1), percent("2.8"), percent("9.1")),
    ),
    additional_applies=False,
    tier1_days=30,
    base_unit=1000,
    result_unit=100,
    minimum_charge=1000,
)

PRESETS: dict[str, RuleProfile] = {profile.name: profile for profile in (SUBSIDY, LOCAL_TAX_STYLE)}


def preset(name: str) -> RuleProfile:
    """A preset by name (`subsidy`, `local_tax_style`)."""
    try:
        return PRESETS[name]
    except KeyError:
        names = "、".join(PRESETS)
        raise ValidationError(
            f"規則「{name}」はありません。次のいずれかを指定してください: {names}"
        ) from None


def format_percent(rate: Fraction) -> str:
    """An annual rate as people read it: Fraction(1095, 10000) → `10.95%` (exact; cut with … if endless)."""
    return f"{format_exact(Fraction(rate) * 100, 6)}%"

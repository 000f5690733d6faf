"""The charges engine (DESIGN §8): principal, 加算金 (additional charge) and 延滞金 (late charge), exact.

Rules, for the `subsidy` preset and every profile:

- Payments are applied in date order, first to the principal; the money left once the principal is
  fully paid goes to the additional charge, then to the late charge; what is left after that is
  `overpaid`. Both charges stop accruing on the day the principal is fully paid.
- Additional charge: on each part of the principal, from the day it was received through the day that
  part is paid, both days counted; a part still unpaid accrues through the as-of date. It is computed as
  segments of constant base (the sum of the parts received and not yet paid on those days), which gives
  exactly the same sum as the part-by-part formula.
- Tranches: the principal to return is taken from the LATEST tranche first (last in, first out), so the
  first yen returned carries the latest received date; payments then repay the parts in the same order
  (latest tranche first). Chosen because DESIGN §8 names the latest-first order for the returned amount
  and using one order for both steps keeps the statement easy to follow: each payment closes the part
  shown first. Note the consequence: the oldest part is repaid last and accrues longest; an ordinance
  that says otherwise needs a change here (`principal_parts`, `_repayments`).
- Late charge: on the unpaid principal, from the day after the due date through each payment day (the
  payment day counts at the balance before the payment); the base falls after each payment. Payments on
  or before the due date leave no late charge.
- Each segment: amount = base × annual rate × days / days_in_year (365, leap years included), exact
  `Fraction`. Each charge = sum of its segments truncated to whole yen ONCE, then down to a multiple of
  the profile's result unit; a charge under the profile's minimum is 0. A segment's base is its balance
  truncated down to a multiple of the base unit (under one unit: nothing).
- Payments dated after the as-of date are not counted (the result is the state on the as-of date);
  `payments_after_as_of` says how many were left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from saiken.domain.errors import ValidationError
from saiken.domain.rule_profiles import SUBSIDY, RuleProfile

ONE_DAY = dt.timedelta(days=1)
ADDITIONAL = "additional"
LATE = "late"


@dataclass(frozen=True)
class Tranche:
    """Money received on `received` (one instalment of the subsidy paid out)."""

    received: dt.date
    amount: int


@dataclass(frozen=True)
class Payment:
    paid_on: dt.date
    amount: int


@dataclass(frozen=True)
class Segment:
    """One piece of the computation, as the charge statement shows it."""

    kind: str  # "additional" (加算金) or "late" (延滞金)
    start: dt.date  # first day, counted
    end: dt.date  # last day, counted
    days: int
    balance: int  # the unpaid principal on those days
    base: int  # the balance truncated to the base unit
    annual_rate: Fraction
    days_in_year: int
    tier: int | None  # late charge: 1 or 2; additional charge: None
    amount: Fraction  # base × annual_rate × days / days_in_year, exact

    @property
    def label(self) -> str:
        return "加算金" if self.kind == ADDITIONAL else "延滞金"


@dataclass(frozen=True)
class ChargeResult:
    as_of: dt.date
    due: dt.date
    profile: str
    principal: int
    principal_paid: int
    principal_remaining: int
    principal_paid_off_on: dt.date | None
    additional_charge: int  # accrued total, whole yen after the profile's truncations
    additional_charge_exact: Fraction  # the sum of the segments before any truncation
    additional_charge_paid: int
    additional_charge_remaining: int
    late_charge: int
    late_charge_exact: Fraction
    late_charge_paid: int
    late_charge_remaining: int
    total_paid: int
    total_remaining: int
    overpaid: int
    payments_after_as_of: int
    segments: tuple[Segment, ...]

    def summary(self) -> dict[str, object]:
        """The CLI's `--json` keys: `due` as ISO, the rest whole yen."""
        return {
            "due": self.due.isoformat(),
            "principal_remaining": self.principal_remaining,
            "additional_charge": self.additional_charge,
            "additional_charge_remaining": self.additional_charge_remaining,
            "late_charge": self.late_charge,
            "late_charge_remaining": self.late_charge_remaining,
            "total_remaining": self.total_remaining,
            "overpaid": self.overpaid,
        }


@dataclass(frozen=True)
class _Part:
    received: dt.date
    amount: int


def _check_amount(amount: object, what: str) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError(f"{what}は円単位の整数で指定してください（指定値: {amount}）。")
    if amount < 1:
        raise ValidationError(f"{what}は1円以上で指定してください（指定値: {amount}円）。")
    return amount


def _check_date(value: object, what: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(f"{what}は日付で指定してください。")
    return value


def principal_parts(principal: int, tranches: Sequence[Tranche]) -> list[_Part]:
    """The parts of the principal, latest tranche first (also the order in which payments repay them)."""
    total = sum(tranche.amount for tranche in tranches)
    if total < principal:
        raise ValidationError(
            f"受領額の合計（{total:,}円）が返還する元金（{principal:,}円）より少ないため計算できません。"
            "受領日と受領額を確かめてください。"
        )
    parts: list[_Part] = []
    left = principal
    for tranche in sorted(tranches, key=lambda t: t.received, reverse=True):
        if left == 0:
            break
        take = min(left, tranche.amount)
        parts.append(_Part(tranche.received, take))
        left -= take
    return parts


def _repayments(
    parts: list[_Part], payments: Sequence[Payment]
) -> tuple[list[list[tuple[dt.date, int]]], list[Payment]]:
    """Which part each payment repays (latest part first), and the money left for the charges."""
    repaid: list[list[tuple[dt.date, int]]] = [[] for _ in parts]
    outstanding = [part.amount for part in parts]
    surplus: list[Payment] = []
    index = 0
    for payment in payments:
        money = payment.amount
        while money and index < len(parts):
            take = min(money, outstanding[index])
            repaid[index].append((payment.paid_on, take))
            outstanding[index] -= take
            money -= take
            if outstanding[index] == 0:
                index += 1
        if money:
            surplus.append(Payment(payment.paid_on, money))
    return repaid, surplus


def _truncate(value: int, unit: int) -> int:
    return value // unit * unit


def _finish(exact: Fraction, profile: RuleProfile) -> int:
    whole = exact.numerator // exact.denominator  # exact >= 0: floor is truncation
    whole = _truncate(whole, profile.result_unit)
    return 0 if whole < profile.minimum_charge else whole


def _intervals(
    first: dt.date, last: dt.date, change_days: Iterable[dt.date]
) -> list[tuple[dt.date, dt.date]]:
    """[first, last] cut before every change day inside it."""
    cuts = sorted({day for day in change_days if first < day <= last})
    starts = [first, *cuts]
    ends = [day - ONE_DAY for day in cuts] + [last]
    return list(zip(starts, ends, strict=True))


def _segment(
    kind: str,
    start: dt.date,
    end: dt.date,
    balance: int,
    rate: Fraction,
    tier: int | None,
    profile: RuleProfile,
) -> Segment:
    days = (end - start).days + 1
    base = _truncate(balance, profile.base_unit)
    amount = Fraction(base) * rate * days / profile.days_in_year
    return Segment(kind, start, end, days, balance, base, rate, profile.days_in_year, tier, amount)


def _additional_segments(
    parts: list[_Part], repaid: list[list[tuple[dt.date, int]]], end: dt.date, profile: RuleProfile
) -> list[Segment]:
    if not parts:
        return []
    first = min(part.received for part in parts)
    if end < first:
        return []

    def balance_on(day: dt.date) -> int:  # parts received by `day` and not paid before `day`
        return sum(
            part.amount - sum(amount for paid_on, amount in repaid[i] if paid_on < day)
            for i, part in enumerate(parts)
            if part.received <= day
        )

    changes = [part.received for part in parts]
    changes += [paid_on + ONE_DAY for pieces in repaid for paid_on, _ in pieces]
    rate = Fraction(profile.additional_rate)
    segments = []
    for start, stop in _intervals(first, end, changes):
        balance = balance_on(start)
        if balance:
            segments.append(_segment(ADDITIONAL, start, stop, balance, rate, None, profile))
    return segments


def _late_segments(
    principal: int,
    principal_payments: list[tuple[dt.date, int]],
    due: dt.date,
    end: dt.date,
    profile: RuleProfile,
) -> list[Segment]:
    first = due + ONE_DAY
    if end < first:
        return []

    def balance_on(day: dt.date) -> int:  # the principal unpaid at the start of `day`
        return principal - sum(amount for paid_on, amount in principal_payments if paid_on < day)

    changes = [paid_on + ONE_DAY for paid_on, _ in principal_payments]
    changes += [period.start for period in profile.late_rates]
    if profile.tier1_days is not None:
        changes.append(due + dt.timedelta(days=profile.tier1_days + 1))  # first day of tier 2
    segments = []
    for start, stop in _intervals(first, end, changes):
        balance = balance_on(start)
        if balance:
            rate, tier = profile.late_rate(start, (start - due).days)
            segments.append(_segment(LATE, start, stop, balance, rate, tier, profile))
    return segments


def compute_charges(
    principal: int,
    *,
    due: dt.date,
    as_of: dt.date,
    received: dt.date | None = None,
    tranches: Sequence[Tranche] | None = None,
    payments: Sequence[Payment] = (),
    profile: RuleProfile = SUBSIDY,
) -> ChargeResult:
    """Principal, additional charge and late charge on `as_of` under `profile` (module docstring)."""
    principal = _check_amount(principal, "元金")
    due = _check_date(due, "納期限")
    as_of = _check_date(as_of, "基準日")
    if (received is None) == (not tranches):
        raise ValidationError("受領日（1回）か受領の内訳（複数回）のどちらか一方を指定してください。")
    if received is not None:
        tranches = [Tranche(_check_date(received, "受領日"), principal)]
    tranches = list(tranches or ())
    for tranche in tranches:
        _check_date(tranche.received, "受領日")
        _check_amount(tranche.amount, f"{tranche.received.isoformat()} の受領額")
    parts = principal_parts(principal, tranches)
    latest_received = max(part.received for part in parts)
    for payment in payments:
        _check_date(payment.paid_on, "入金日")
        _check_amount(payment.amount, f"{payment.paid_on.isoformat()} の入金額")
        if payment.paid_on < latest_received:
            raise ValidationError(
                f"入金日 {payment.paid_on.isoformat()} が返還対象の受領日 {latest_received.isoformat()} より前です。"
                "入金日と受領日を確かめてください。"
            )
    counted = sorted((p for p in payments if p.paid_on <= as_of), key=lambda p: p.paid_on)
    repaid, surplus = _repayments(parts, counted)
    principal_payments = sorted((piece for pieces in repaid for piece in pieces), key=lambda piece: piece[0])
    principal_paid = sum(amount for _, amount in principal_payments)
    paid_off_on = principal_payments[-1][0] if principal_paid == principal else None
    end = paid_off_on if paid_off_on is not None else as_of

    additional = _additional_segments(parts, repaid, end, profile) if profile.additional_applies else []
    late = _late_segments(principal, principal_payments, due, end, profile)
    additional_exact = sum((s.amount for s in additional), Fraction(0))
    late_exact = sum((s.amount for s in late), Fraction(0))
    additional_charge = _finish(additional_exact, profile)
    late_charge = _finish(late_exact, profile)

    pool = sum(p.amount for p in surplus)
    additional_paid = min(pool, additional_charge)
    late_paid = min(pool - additional_paid, late_charge)
    overpaid = pool - additional_paid - late_paid
    principal_remaining = principal - principal_paid
    additional_remaining = additional_charge - additional_paid
    late_remaining = late_charge - late_paid
    return ChargeResult(
        as_of=as_of,
        due=due,
        profile=profile.name,
        principal=principal,
        principal_paid=principal_paid,
        principal_remaining=principal_remaining,
        principal_paid_off_on=paid_off_on,
        additional_charge=additional_charge,
        additional_charge_exact=additional_exact,
        additional_charge_paid=additional_paid,
        additional_charge_remaining=additional_remaining,
        late_charge=late_charge,
        late_charge_exact=late_exact,
        late_charge_paid=late_paid,
        late_charge_remaining=late_remaining,
        total_paid=sum(p.amount for p in counted),
        total_remaining=principal_remaining + additional_remaining + late_remaining,
        overpaid=overpaid,
        payments_after_as_of=len(payments) - len(counted),
        segments=tuple(additional + late),
    )

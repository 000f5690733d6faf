"""A debtor's totals as of a date: ONE place that turns claims and payments into figures, through the
domain charges engine (`saiken.domain.charges.compute_charges`, DESIGN §8).

- Reversed payments and their reversing entries cancel out and are left out of the computation.
- A payment names its claim; a payment that names none goes to the main claim (the earliest due date).
- A claim with no recorded tranche has no received date: its additional charge (加算金) cannot be computed,
  so it is computed without it and `Totals.notes` says so. A claim the engine refuses (e.g. a payment
  dated before the received date) is shown with principal and payments only, and a note says why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from saiken.domain.charges import ChargeResult, Tranche, compute_charges
from saiken.domain.charges import Payment as ChargePayment
from saiken.domain.errors import ValidationError
from saiken.domain.rule_profiles import SUBSIDY, RuleProfile, preset
from saiken.services.debtors_rows import ClaimRow, PaymentRow, Totals


def profile_named(name: str | None) -> RuleProfile:
    if not name:
        return SUBSIDY
    try:
        return preset(name)
    except ValidationError:
        return SUBSIDY


def effective_payments(payments: Sequence[PaymentRow]) -> list[PaymentRow]:
    """Payments that count: positive entries not cancelled by a reversing entry."""
    cancelled = {p.reverses_id for p in payments if p.reverses_id is not None}
    return [p for p in payments if p.amount > 0 and p.id not in cancelled]


def main_claim(claims: Sequence[ClaimRow]) -> ClaimRow | None:
    if not claims:
        return None
    return min(claims, key=lambda c: (c.due_date is None, c.due_date or dt.date.max, c.id))


def payments_by_claim(
    claims: Sequence[ClaimRow], payments: Sequence[PaymentRow]
) -> dict[int, list[PaymentRow]]:
    main = main_claim(claims)
    ids = {c.id for c in claims}
    grouped: dict[int, list[PaymentRow]] = {c.id: [] for c in claims}
    for payment in effective_payments(payments):
        target = payment.claim_id if payment.claim_id in ids else (main.id if main else None)
        if target is not None:
            grouped[target].append(payment)
    return grouped


def claim_charges(
    claim: ClaimRow, payments: Sequence[PaymentRow], profile: RuleProfile, as_of: dt.date
) -> tuple[ChargeResult, str | None]:
    """The engine's result for one claim, and a note when something had to be left out."""
    if claim.due_date is None:
        raise ValidationError(
            "納期限が登録されていない債権があるため、加算金・延滞金を計算できません。納期限を登録してください。"
        )
    counted = [ChargePayment(p.paid_on, p.amount) for p in payments]
    if claim.tranches:
        tranches = [Tranche(t.received_on, t.amount) for t in claim.tranches]
        return compute_charges(
            claim.principal,
            due=claim.due_date,
            as_of=as_of,
            tranches=tranches,
            payments=counted,
            profile=profile,
        ), None
    earliest = min([p.paid_on for p in payments] + [claim.order_date or claim.due_date, claim.due_date])
    result = compute_charges(
        claim.principal,
        due=claim.due_date,
        as_of=as_of,
        received=earliest,
        payments=counted,
        profile=profile.with_options(additional_applies=False),
    )
    note = (
        "受領日が登録されていない債権があるため、その加算金は計算に含めていません。"
        if profile.additional_applies
        else None
    )
    return result, note


def compute_totals(
    claims: Sequence[ClaimRow], payments: Sequence[PaymentRow], profile: RuleProfile, as_of: dt.date
) -> tuple[Totals, ChargeResult | None]:
    """Totals of every claim on `as_of`, and the engine's result of the main claim (for the statement)."""
    grouped = payments_by_claim(claims, payments)
    main = main_claim(claims)
    principal = paid = additional = late = total = 0
    principal_left = additional_left = late_left = overpaid = 0
    notes: list[str] = []
    main_result: ChargeResult | None = None
    for claim in claims:
        mine = grouped[claim.id]
        try:
            result, note = claim_charges(claim, mine, profile, as_of)
        except ValidationError as error:
            counted = sum(p.amount for p in mine if p.paid_on <= as_of)
            principal += claim.principal
            paid += counted
            left = max(claim.principal - counted, 0)
            principal_left += left
            total += left
            overpaid += max(counted - claim.principal, 0)
            notes.append(f"加算金・延滞金を計算できない債権があります: {error.message}")
            continue
        if note:
            notes.append(note)
        if main is not None and claim.id == main.id:
            main_result = result
        principal += result.principal
        paid += result.total_paid
        additional += result.additional_charge
        late += result.late_charge
        total += result.total_remaining
        principal_left += result.principal_remaining
        additional_left += result.additional_charge_remaining
        late_left += result.late_charge_remaining
        overpaid += result.overpaid
    if main is None:
        paid = sum(p.amount for p in effective_payments(payments) if p.paid_on <= as_of)
        overpaid = paid
    totals = Totals(
        as_of=as_of,
        principal=principal,
        paid=paid,
        additional_charge=additional,
        late_charge=late,
        total=total,
        principal_remaining=principal_left,
        additional_charge_remaining=additional_left,
        late_charge_remaining=late_left,
        overpaid=overpaid,
        notes=tuple(dict.fromkeys(notes)),
    )
    return totals, main_result

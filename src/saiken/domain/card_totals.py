"""A debtor's totals on a date (the figures at the top of the debtor card): ONE place that turns claims and
payments into figures, through the charges engine (`charges.compute_charges`, DESIGN §8).

- Payments are allocated to claims first (`allocation.payments_by_claim`: reversed entries drop out, a
  payment naming no claim goes to the main claim); each claim is computed on its own and the figures add up.
- A claim with no recorded tranche has no received date: its additional charge (加算金) cannot be computed,
  so it is computed without it (the late charge still runs from the due date) and a note says so.
- A claim the engine refuses (no due date, a payment dated before the received date …) is counted with its
  principal and the payments dated up to the as-of day only, and a note says why.
- With no claim at all, every effective payment up to the as-of day is overpaid.
- Notes are said once each, in the order met; they hold no personal data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from saiken.domain.allocation import PaymentEntry, effective_payments, main_claim, payments_by_claim
from saiken.domain.charges import ChargeResult, Tranche, compute_charges
from saiken.domain.charges import Payment as ChargePayment
from saiken.domain.errors import ValidationError
from saiken.domain.rule_profiles import RuleProfile


class TrancheEntry(Protocol):
    @property
    def received_on(self) -> dt.date: ...
    @property
    def amount(self) -> int: ...


class ClaimTerms(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def principal(self) -> int: ...
    @property
    def order_date(self) -> dt.date | None: ...
    @property
    def due_date(self) -> dt.date | None: ...
    @property
    def tranches(self) -> Sequence[TrancheEntry]: ...


@dataclass(frozen=True)
class Totals:
    """The debtor's position on `as_of` (all claims together). `total` is what remains to be paid."""

    as_of: dt.date
    principal: int
    paid: int  # payments counted up to as_of (principal first, then the charges)
    additional_charge: int  # 加算金 accrued
    late_charge: int  # 延滞金 accrued
    total: int  # principal + charges still unpaid
    principal_remaining: int = 0
    additional_charge_remaining: int = 0
    late_charge_remaining: int = 0
    overpaid: int = 0
    notes: tuple[str, ...] = ()  # why a figure could not be computed in full (no personal data)


NO_RECEIVED_DATE = "受領日が登録されていない債権があるため、その加算金は計算に含めていません。"


def claim_charges(
    claim: ClaimTerms, payments: Sequence[PaymentEntry], profile: RuleProfile, as_of: dt.date
) -> tuple[ChargeResult, str | None]:
    """The engine's result for one claim with the payments allocated to it, and a note when something had
    to be left out. ValidationError when the engine cannot compute it at all."""
    if claim.due_date is None:
        raise ValidationError(
            "納期限が登録されていない債権があるため、加算金・延滞金を計算できません。納期限を登録してください。"
        )
    counted = [ChargePayment(p.paid_on, p.amount) for p in payments]
    if claim.tranches:
        tranches = [Tranche(t.received_on, t.amount) for t in claim.tranches]
        result = compute_charges(
            claim.principal,
            due=claim.due_date,
            as_of=as_of,
            tranches=tranches,
            payments=counted,
            profile=profile,
        )
        return result, None
    # No received date: the engine needs one, so the earliest day that can matter stands in for it and the
    # additional charge is switched off (the late charge does not depend on it).
    earliest = min([p.paid_on for p in payments] + [claim.order_date or claim.due_date, claim.due_date])
    result = compute_charges(
        claim.principal,
        due=claim.due_date,
        as_of=as_of,
        received=earliest,
        payments=counted,
        profile=profile.with_options(additional_applies=False),
    )
    return result, NO_RECEIVED_DATE if profile.additional_applies else None


def compute_totals(
    claims: Sequence[ClaimTerms], payments: Sequence[PaymentEntry], profile: RuleProfile, as_of: dt.date
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

"""The card totals over several claims. Worked by hand: 10.95 % a year on a 365-day year is 0.03 % a day,
so 1,000,000 yen for one day is 300 yen and 200,000 yen is 60 yen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from saiken.domain.card_totals import NO_RECEIVED_DATE, Totals, claim_charges, compute_totals
from saiken.domain.rule_profiles import SUBSIDY

D = dt.date
AS_OF = D(2025, 5, 1)


@dataclass(frozen=True)
class Tranche:
    received_on: dt.date
    amount: int


@dataclass(frozen=True)
class Claim:
    id: int
    principal: int
    order_date: dt.date | None
    due_date: dt.date | None
    tranches: tuple[Tranche, ...] = ()


@dataclass(frozen=True)
class Pay:
    id: int
    claim_id: int | None
    paid_on: dt.date
    amount: int
    reverses_id: int | None = None


# A: received 04-01, due 04-21, unpaid.   B: no received date, due 04-11 (the main claim), 50,000 paid 04-30.
# C: no due date (cannot be computed), 100,000 paid 04-15.
A = Claim(1, 1_000_000, D(2025, 4, 1), D(2025, 4, 21), (Tranche(D(2025, 4, 1), 1_000_000),))
B = Claim(2, 200_000, D(2025, 3, 22), D(2025, 4, 11))
C = Claim(3, 300_000, None, None)
PAYMENTS = [
    Pay(10, 1, D(2025, 4, 25), 40_000),  # reversed by 11: neither counts
    Pay(11, 1, D(2025, 4, 26), -40_000, reverses_id=10),
    Pay(12, None, D(2025, 4, 30), 50_000),  # names no claim → B, the main claim
    Pay(13, 3, D(2025, 4, 15), 100_000),
]


def test_one_claim_received_and_unpaid() -> None:
    # additional: 04-01 … 05-01 both counted = 31 days × 300 = 9,300; late: 04-22 … 05-01 = 10 days × 300 = 3,000
    result, note = claim_charges(A, [], SUBSIDY, AS_OF)
    assert (result.additional_charge, result.late_charge, result.total_remaining) == (9_300, 3_000, 1_012_300)
    assert note is None


def test_a_claim_without_received_date_has_no_additional_charge_and_says_so() -> None:
    # late: 04-12 … 04-30 = 19 days at 200,000 (60 a day) = 1,140, then 05-01 at 150,000 (45) = 45 → 1,185
    result, note = claim_charges(B, [PAYMENTS[2]], SUBSIDY, AS_OF)
    assert (result.additional_charge, result.late_charge) == (0, 1_185)
    assert (result.principal_remaining, result.total_remaining) == (150_000, 151_185)
    assert note == NO_RECEIVED_DATE


def test_totals_add_the_claims_up_and_note_what_could_not_be_computed() -> None:
    totals, main = compute_totals([A, B, C], PAYMENTS, SUBSIDY, AS_OF)
    assert main is not None and main.late_charge == 1_185  # B's result: the statement shows the main claim
    assert totals == Totals(
        as_of=AS_OF,
        principal=1_500_000,  # 1,000,000 + 200,000 + 300,000
        paid=150_000,  # 50,000 (B) + 100,000 (C); the reversed 40,000 counts nowhere
        additional_charge=9_300,  # A only
        late_charge=4_185,  # 3,000 (A) + 1,185 (B)
        total=1_363_485,  # 1,012,300 (A) + 151,185 (B) + 200,000 (C: principal left only)
        principal_remaining=1_350_000,  # 1,000,000 + 150,000 + 200,000
        additional_charge_remaining=9_300,
        late_charge_remaining=4_185,
        overpaid=0,
        notes=(
            NO_RECEIVED_DATE,
            "加算金・延滞金を計算できない債権があります: 納期限が登録されていない債権があるため、"
            "加算金・延滞金を計算できません。納期限を登録してください。",
        ),
    )


def test_payments_after_the_as_of_day_are_not_counted_on_a_claim_that_cannot_be_computed() -> None:
    late = Pay(14, 3, D(2025, 6, 1), 300_000)
    totals, _main = compute_totals([C], [late], SUBSIDY, AS_OF)
    assert (totals.paid, totals.principal_remaining, totals.total) == (0, 300_000, 300_000)


def test_without_a_claim_every_payment_up_to_the_day_is_overpaid() -> None:
    totals, main = compute_totals([], PAYMENTS, SUBSIDY, AS_OF)
    assert main is None
    assert (totals.principal, totals.paid, totals.overpaid, totals.total) == (0, 150_000, 150_000, 0)

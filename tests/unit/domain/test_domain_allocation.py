"""Payment allocation between claims: which payments count and where each goes. Worked by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from saiken.domain.allocation import counted_toward_plan, effective_payments, main_claim, payments_by_claim

D = dt.date


@dataclass(frozen=True)
class Pay:
    id: int
    claim_id: int | None
    paid_on: dt.date
    amount: int
    reverses_id: int | None = None


@dataclass(frozen=True)
class Claim:
    id: int
    due_date: dt.date | None


CLAIMS = [Claim(1, D(2025, 4, 21)), Claim(2, D(2025, 3, 21)), Claim(3, None)]
PAYMENTS = [
    Pay(1, None, D(2025, 5, 1), 100_000),  # names no claim → the main claim (2, due first)
    Pay(2, 1, D(2025, 6, 1), 50_000),  # reversed below: counts nowhere
    Pay(3, 1, D(2025, 6, 2), -50_000, reverses_id=2),
    Pay(4, 99, D(2025, 7, 1), 30_000),  # names a claim that is not the debtor's → the main claim
    Pay(5, 3, D(2025, 7, 15), 20_000),  # names the undated claim: it goes there
]


def test_a_reversed_payment_and_its_reversing_entry_both_drop_out() -> None:
    assert [p.id for p in effective_payments(PAYMENTS)] == [1, 4, 5]


def test_a_payment_goes_to_the_claim_it_names_or_else_to_the_main_claim() -> None:
    grouped = payments_by_claim(CLAIMS, PAYMENTS)
    assert {claim: [p.id for p in paid] for claim, paid in grouped.items()} == {1: [], 2: [1, 4], 3: [5]}


def test_the_main_claim_is_due_first_undated_last_then_registered_first() -> None:
    assert main_claim(CLAIMS) == Claim(2, D(2025, 3, 21))
    assert main_claim([Claim(7, D(2025, 1, 1)), Claim(5, D(2025, 1, 1))]) == Claim(5, D(2025, 1, 1))
    assert main_claim([Claim(9, None), Claim(8, None)]) == Claim(8, None)
    assert main_claim([Claim(9, None), Claim(10, D(2030, 1, 1))]) == Claim(10, D(2030, 1, 1))
    assert main_claim([]) is None


def test_without_a_claim_nothing_is_allocated() -> None:
    assert payments_by_claim([], PAYMENTS) == {}


def test_a_plan_counts_the_effective_payments_from_its_agreement_day() -> None:
    # agreed 2025-07-01: payment 1 (05-01) was before; 2/3 cancel out; 4 on the day counts; 5 after counts
    assert counted_toward_plan(PAYMENTS, D(2025, 7, 1)) == [(D(2025, 7, 1), 30_000), (D(2025, 7, 15), 20_000)]

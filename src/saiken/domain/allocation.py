"""Which payments count, and which claim each one goes to (a debtor may owe several claims).

- A reversing entry (a negative amount naming the payment it cancels, convention 5) and the payment it
  cancels both drop out: neither counts. Only positive, uncancelled entries are effective.
- A payment that names one of the debtor's claims goes to that claim. A payment that names no claim (or a
  claim that is not the debtor's) goes to the MAIN claim: the one with the earliest due date; claims with no
  due date come last; on a tie, the one registered first (lowest id).
- Toward an instalment plan, the effective payments count from the plan's agreement day on (earlier
  payments were already owed before the plan was agreed).

The functions take any rows with the named attributes (the services' frozen rows) and return them as they
are, so a caller keeps its own type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol


class PaymentEntry(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def claim_id(self) -> int | None: ...
    @property
    def paid_on(self) -> dt.date: ...
    @property
    def amount(self) -> int: ...  # negative for a reversing entry
    @property
    def reverses_id(self) -> int | None: ...


class ClaimEntry(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def due_date(self) -> dt.date | None: ...


def effective_payments[P: PaymentEntry](payments: Sequence[P]) -> list[P]:
    """The payments that count: positive entries not cancelled by a reversing entry, in the given order."""
    cancelled = {p.reverses_id for p in payments if p.reverses_id is not None}
    return [p for p in payments if p.amount > 0 and p.id not in cancelled]


def main_claim[C: ClaimEntry](claims: Sequence[C]) -> C | None:
    """The claim that takes payments naming no claim: earliest due date, undated last, then lowest id."""
    if not claims:
        return None
    return min(claims, key=lambda c: (c.due_date is None, c.due_date or dt.date.max, c.id))


def payments_by_claim[P: PaymentEntry](
    claims: Sequence[ClaimEntry], payments: Sequence[P]
) -> dict[int, list[P]]:
    """Each claim's id → the effective payments that go to it (every claim present, perhaps with none).
    With no claim at all, nothing is allocated."""
    main = main_claim(claims)
    ids = {c.id for c in claims}
    grouped: dict[int, list[P]] = {c.id: [] for c in claims}
    for payment in effective_payments(payments):
        target = payment.claim_id if payment.claim_id in ids else (main.id if main else None)
        if target is not None:
            grouped[target].append(payment)
    return grouped


def counted_toward_plan(payments: Sequence[PaymentEntry], agreed_on: dt.date) -> list[tuple[dt.date, int]]:
    """(day, amount) of the effective payments made on or after the plan's agreement day."""
    return [(p.paid_on, p.amount) for p in effective_payments(payments) if p.paid_on >= agreed_on]

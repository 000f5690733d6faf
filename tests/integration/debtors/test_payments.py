"""Payments: a payment moves paid and balance at once; a correction is a reversal plus a new entry."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from saiken.domain.errors import NotFoundError, ValidationError
from saiken.services import debtors
from saiken.services.context import read_session
from saiken.store.models import Debtor, Payment


def _list_figures(session, debtor_id):
    """What the debtor list shows (the denormalised columns the search service reads)."""
    with read_session(session) as db:
        d = db.get(Debtor, debtor_id)
        return d.principal_total, d.paid_total, d.balance_total


def test_payment_updates_paid_and_balance(vault_session, debtor_id):
    assert _list_figures(vault_session, debtor_id) == (1_000_000, 0, 1_000_000)
    row = debtors.add_payment(
        vault_session, debtor_id, paid_on=dt.date(2025, 9, 1), amount=250_000, source="振込", confirmed=True
    ).value
    assert (row.amount, row.confirmed, row.source, row.created_by) == (250_000, True, "振込", "admin")
    assert _list_figures(vault_session, debtor_id) == (1_000_000, 250_000, 750_000)
    card = debtors.get_card(vault_session, debtor_id)
    assert card.totals.paid == 250_000 and card.totals.principal_remaining == 750_000
    assert [p.id for p in card.payments] == [row.id]


def test_correction_reverses_and_adds_never_updates(vault_session, debtor_id):
    first = debtors.add_payment(vault_session, debtor_id, paid_on=dt.date(2025, 9, 1), amount=250_000).value
    fixed = debtors.correct_payment(vault_session, first.id, amount=205_000, confirmed=True).value
    assert _list_figures(vault_session, debtor_id) == (1_000_000, 205_000, 795_000)
    with read_session(vault_session) as db:
        rows = [
            (p.id, p.amount, p.reverses_id)
            for p in db.execute(select(Payment).order_by(Payment.id)).scalars()
        ]
    assert rows == [(first.id, 250_000, None), (first.id + 1, -250_000, first.id), (fixed.id, 205_000, None)]
    card = debtors.get_card(vault_session, debtor_id)
    shown = {p.id: p for p in card.payments}
    assert shown[first.id].reversed and not shown[fixed.id].reversed and shown[fixed.id].confirmed
    assert card.totals.paid == 205_000
    with pytest.raises(ValidationError):
        debtors.correct_payment(vault_session, first.id, amount=1)  # already reversed


def test_reverse_payment(vault_session, debtor_id):
    p = debtors.add_payment(vault_session, debtor_id, paid_on=dt.date(2025, 9, 1), amount=10_000).value
    reversal = debtors.reverse_payment(vault_session, p.id).value
    assert reversal.amount == -10_000 and reversal.reverses_id == p.id
    assert _list_figures(vault_session, debtor_id) == (1_000_000, 0, 1_000_000)
    with pytest.raises(ValidationError):
        debtors.reverse_payment(vault_session, reversal.id)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"paid_on": dt.date(2025, 9, 1), "amount": 0}, "1円以上"),
        ({"paid_on": dt.date(2025, 9, 1), "amount": -5}, "1円以上"),
        ({"paid_on": dt.date(2025, 9, 1), "amount": 1.5}, "整数"),
        ({"paid_on": dt.date(2025, 9, 17), "amount": 100}, "未来"),
        ({"paid_on": "2025-09-01", "amount": 100}, "日付"),
    ],
)
def test_bad_payment_changes_nothing(vault_session, debtor_id, kwargs, words):
    with pytest.raises(ValidationError, match=words):
        debtors.add_payment(vault_session, debtor_id, **kwargs)
    assert _list_figures(vault_session, debtor_id) == (1_000_000, 0, 1_000_000)


def test_payment_for_another_debtors_claim_is_refused(vault_session, debtor_id):
    other = debtors.add_debtor(
        vault_session,
        management_no="X-1",
        name="架空商会",
        claims=[{"principal": 5_000, "due_date": dt.date(2025, 8, 1)}],
    ).value
    with pytest.raises(ValidationError, match="この債務者のものではありません"):
        debtors.add_payment(
            vault_session, debtor_id, paid_on=dt.date(2025, 9, 1), amount=1, claim_id=other.claim_ids[0]
        )
    with pytest.raises(NotFoundError):
        debtors.add_payment(vault_session, 12345, paid_on=dt.date(2025, 9, 1), amount=1)

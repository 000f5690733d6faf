"""Instalment plans: equal parts with the remainder first, the missed-instalment alert, acceleration."""

from __future__ import annotations

import datetime as dt

import pytest

from saiken.domain.errors import ValidationError
from saiken.services import debtors


def _plan(session, debtor_id, **kwargs):
    values = {
        "total": 100_000,
        "count": 3,
        "first_due": dt.date(2025, 7, 10),
        "agreed_on": dt.date(2025, 7, 1),
    }
    values.update(kwargs)
    return debtors.create_instalment_plan(session, debtor_id, **values).value


def test_equal_parts_remainder_first_and_status_becomes_instalments(vault_session, debtor_id):
    plan = _plan(vault_session, debtor_id)
    assert [(r.seq, r.due_on, r.amount) for r in plan.rows] == [
        (1, dt.date(2025, 7, 10), 33_334),
        (2, dt.date(2025, 8, 10), 33_333),
        (3, dt.date(2025, 9, 10), 33_333),
    ]
    assert debtors.get_card(vault_session, debtor_id).status == "分納中"


def test_missed_instalment_raises_an_alert(vault_session, debtor_id):
    _plan(vault_session, debtor_id)
    debtors.add_payment(vault_session, debtor_id, paid_on=dt.date(2025, 7, 10), amount=33_334)
    plan = debtors.get_card(vault_session, debtor_id).plan  # as of 2025-09-16
    assert plan is not None and plan.status == "履行中"
    assert [(r.seq, r.paid, r.status) for r in plan.rows] == [
        (1, 33_334, "納付済"),
        (2, 0, "不履行"),
        (3, 0, "不履行"),
    ]
    assert plan.missed == (2, 3) and plan.alert is not None and "第2回" in plan.alert
    assert (plan.paid, plan.remaining) == (33_334, 66_666)
    # On 2025-08-10 itself the second instalment is not missed yet: no alert.
    earlier = debtors.get_card(vault_session, debtor_id, as_of=dt.date(2025, 8, 10)).plan
    assert earlier.alert is None and earlier.missed == ()


def test_acceleration_makes_the_balance_due_at_once(vault_session, debtor_id):
    plan = _plan(vault_session, debtor_id)
    debtors.add_payment(vault_session, debtor_id, paid_on=dt.date(2025, 7, 10), amount=33_334)
    accelerated = debtors.accelerate_plan(vault_session, plan.id, on=dt.date(2025, 9, 16)).value
    assert accelerated.status == "期限の利益喪失" and accelerated.accelerated_on == dt.date(2025, 9, 16)
    assert [(r.seq, r.due_on, r.amount) for r in accelerated.rows] == [
        (1, dt.date(2025, 7, 10), 33_334),
        (2, dt.date(2025, 9, 16), 66_666),
    ]
    assert accelerated.remaining == 66_666 and "期限の利益" in (accelerated.alert or "")
    with pytest.raises(ValidationError):
        debtors.accelerate_plan(vault_session, plan.id, on=dt.date(2025, 9, 16))  # already accelerated


def test_custom_schedule_and_replacement(vault_session, debtor_id):
    first = _plan(vault_session, debtor_id)
    second = debtors.create_instalment_plan(
        vault_session,
        debtor_id,
        total=50_000,
        agreed_on=dt.date(2025, 9, 1),
        schedule=[(dt.date(2025, 9, 30), 10_000), (dt.date(2025, 10, 31), 40_000)],
    ).value
    card = debtors.get_card(vault_session, debtor_id)
    assert card.plan.id == second.id and [p.status for p in card.plans] == ["履行中", "取消"]
    assert card.plans[1].id == first.id
    with pytest.raises(ValidationError, match="一致しません"):
        debtors.create_instalment_plan(
            vault_session, debtor_id, total=50_000, schedule=[(dt.date(2025, 9, 30), 10_000)]
        )


def test_plan_paid_in_full_shows_completed(vault_session, debtor_id):
    _plan(vault_session, debtor_id, total=20_000, count=2, first_due=dt.date(2025, 8, 1))
    debtors.add_payment(vault_session, debtor_id, paid_on=dt.date(2025, 8, 1), amount=20_000)
    plan = debtors.get_card(vault_session, debtor_id).plan
    assert plan.status == "完了" and plan.alert is None and plan.remaining == 0

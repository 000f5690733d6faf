"""The demo vault's debtors: fictional, in every status, with everything a card can show."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import func, select

from saiken.domain.debtor_status import STATUSES
from saiken.services import debtors
from saiken.services.context import read_session, unit_of_work
from saiken.services.debtors import demo as demo_debtors
from saiken.store.models import Debtor, DocumentSent, Inquiry, NegotiationRecord, Payment
from saiken.store.models.search import DebtorSearch


@pytest.fixture
def demo_ids(vault_session):
    with unit_of_work(vault_session) as work:
        return demo_debtors.populate(work, 7)


def test_demo_has_every_status_and_consistent_totals(vault_session, demo_ids):
    assert len(demo_ids) == demo_debtors.DEMO_DEBTORS
    with read_session(vault_session) as db:
        statuses = Counter(db.execute(select(Debtor.status)).scalars())
        assert set(statuses) == set(STATUSES)
        for debtor in db.execute(select(Debtor)).scalars():
            paid = db.execute(
                select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.debtor_id == debtor.id)
            ).scalar_one()
            assert debtor.paid_total == paid and debtor.balance_total == max(debtor.principal_total - paid, 0)
        confirmed = Counter(db.execute(select(Payment.confirmed_by_ward)).scalars())
        assert confirmed[True] and confirmed[False]
        versions = db.execute(select(func.max(NegotiationRecord.version))).scalar_one()
        answered = Counter(a is not None for a in db.execute(select(Inquiry.answered_on)).scalars())
        returned = db.execute(select(func.count()).where(DocumentSent.returned_on.is_not(None))).scalar_one()
        indexed = db.execute(select(func.count()).select_from(DebtorSearch)).scalar_one()
        future = db.execute(select(func.count()).where(Payment.paid_on > dt.date(2025, 9, 16))).scalar_one()
    assert versions == 2 and answered[True] and answered[False] and returned >= 1
    assert indexed == len(demo_ids) and future == 0


def test_every_demo_card_opens_and_tells_a_story(vault_session, demo_ids):
    cards = [debtors.get_card(vault_session, i) for i in demo_ids]
    assert all(not c.totals.notes for c in cards)  # every figure computable
    missed = [c for c in cards if c.plan is not None and c.plan.alert and c.plan.missed]
    assert len(missed) == 1 and missed[0].status == "分納中"
    assert all(c.totals.total == 0 for c in cards if c.status == "完納")
    assert all(c.limitation.level == "expired" for c in cards if c.status == "時効完成")
    assert any(r.versions == 2 for c in cards for r in c.records)
    assert all(c.records for c in cards if c.status in ("交渉中", "分納中", "回収困難"))
    assert sum(1 for c in cards if c.tags) >= 5
    assert all(r.at.date() <= dt.date(2025, 9, 16) for c in cards for r in c.records)


def test_demo_is_the_same_for_the_same_seed(vault_session):
    runs = []
    for _ in range(2):  # each run makes its own engagement, so the same management numbers may repeat
        with unit_of_work(vault_session) as work:
            ids = demo_debtors.populate(work, 7, count=12)
        with read_session(vault_session) as db:
            runs.append(
                db.execute(
                    select(Debtor.name, Debtor.status, Debtor.paid_total, Debtor.next_action_on)
                    .where(Debtor.id.in_(ids))
                    .order_by(Debtor.id)
                ).all()
            )
    assert runs[0] == runs[1] and len(runs[0]) == 12

"""The debtor card: totals as of a date, worked by hand (DESIGN §8, preset `subsidy`, 10.95 %/365 = 0.03 %/day)."""

from __future__ import annotations

import datetime as dt

import pytest
from debtors_testkit import DUE, PRINCIPAL

from saiken.domain.errors import NotFoundError, ValidationError
from saiken.services import debtors

AS_OF = dt.date(2025, 9, 16)


def test_card_without_payments_worked_by_hand(vault_session, debtor_id, fictional):
    card = debtors.get_card(vault_session, debtor_id, as_of=AS_OF)
    # 加算金: 1,000,000 × 0.0003/day (= 300 yen/day) from 2024-04-01 through 2025-09-16, both days counted:
    #   2024-04-01..2025-03-31 = 365 days, + Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 16 = 534 days
    #   534 × 300 = 160,200
    # 延滞金: 1,000,000 from the day after the due date (2025-03-22) through 2025-09-16:
    #   Mar 10 + Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 16 = 179 days; 179 × 300 = 53,700
    t = card.totals
    assert (t.principal, t.paid, t.additional_charge, t.late_charge) == (1_000_000, 0, 160_200, 53_700)
    assert t.total == 1_000_000 + 160_200 + 53_700 == 1_213_900
    assert card.name == fictional.name and card.management_no == fictional.management_no
    assert card.status == "未着手" and card.claims[0].due_date == DUE
    assert card.charges is not None and {s.label for s in card.charges.segments} == {"加算金", "延滞金"}


def test_card_totals_after_a_partial_payment_worked_by_hand(vault_session, debtor_id):
    debtors.add_payment(vault_session, debtor_id, paid_on=dt.date(2025, 6, 30), amount=400_000, source="窓口")
    t = debtors.get_card(vault_session, debtor_id, as_of=AS_OF).totals
    # The payment goes to the principal first: 600,000 remains from 2025-07-01.
    # 加算金: 400,000 × 0.0003 = 120/day, 2024-04-01..2025-06-30 = 456 days → 54,720
    #         600,000 × 0.0003 = 180/day, 2024-04-01..2025-09-16 = 534 days → 96,120   total 150,840
    # 延滞金: 1,000,000 × 300/day, 2025-03-22..2025-06-30 = 101 days → 30,300
    #         600,000 × 180/day, 2025-07-01..2025-09-16 = 78 days → 14,040            total 44,340
    assert (t.principal, t.paid, t.additional_charge, t.late_charge) == (PRINCIPAL, 400_000, 150_840, 44_340)
    assert t.principal_remaining == 600_000
    assert t.total == 600_000 + 150_840 + 44_340 == 795_180


def test_as_of_before_a_payment_leaves_it_out(vault_session, debtor_id):
    debtors.add_payment(vault_session, debtor_id, paid_on=dt.date(2025, 6, 30), amount=400_000)
    t = debtors.get_card(vault_session, debtor_id, as_of=dt.date(2025, 3, 21)).totals
    # On the due date: no late charge yet; 加算金 2024-04-01..2025-03-21 = 365 - 10 = 355 days × 300 = 106,500.
    assert (t.paid, t.additional_charge, t.late_charge, t.total) == (0, 0 + 106_500, 0, 1_106_500)


def test_charge_statement_shows_every_segment(vault_session, debtor_id):
    debtors.add_payment(vault_session, debtor_id, paid_on=dt.date(2025, 6, 30), amount=400_000)
    result = debtors.charge_statement(vault_session, debtor_id, as_of=AS_OF)
    late = [(s.start, s.end, s.days, s.base) for s in result.segments if s.kind == "late"]
    assert late == [
        (dt.date(2025, 3, 22), dt.date(2025, 6, 30), 101, 1_000_000),
        (dt.date(2025, 7, 1), dt.date(2025, 9, 16), 78, 600_000),
    ]
    assert result.total_remaining == 795_180


def test_two_tranches_through_the_service(vault_session):
    created = debtors.add_debtor(
        vault_session,
        management_no="T-0001",
        name="架空商店",
        kind="個人",
        claims=[
            {
                "principal": 300_000,
                "due_date": dt.date(2025, 3, 21),
                "tranches": [(dt.date(2024, 4, 1), 200_000), (dt.date(2024, 10, 1), 200_000)],
            }
        ],
    ).value
    t = debtors.get_card(vault_session, created.id, as_of=dt.date(2025, 3, 21)).totals
    # Latest tranche first: 200,000 from 2024-10-01 and 100,000 from 2024-04-01 are returned.
    # 100,000 × 0.0003 = 30/day × 355 days (2024-04-01..2025-03-21) = 10,650
    # 200,000 × 0.0003 = 60/day × 172 days (2024-10-01..2025-03-21: Oct 31 Nov 30 Dec 31 Jan 31 Feb 28 Mar 21) = 10,320
    assert t.additional_charge == 20_970 and t.late_charge == 0


def test_claim_without_received_date_is_computed_without_additional_charge_and_says_so(vault_session):
    created = debtors.add_debtor(
        vault_session,
        management_no="T-0002",
        name="架空食堂",
        claims=[{"principal": 100_000, "due_date": dt.date(2025, 9, 6)}],
    ).value
    t = debtors.get_card(vault_session, created.id, as_of=dt.date(2025, 9, 16)).totals
    # 延滞金 only: 100,000 × 30 yen/day (0.0003), 2025-09-07..2025-09-16 = 10 days → 300
    assert (t.additional_charge, t.late_charge, t.total) == (0, 300, 100_300)
    assert any("受領日" in note for note in t.notes)


def test_card_of_unknown_debtor_and_bad_as_of(vault_session):
    with pytest.raises(NotFoundError):
        debtors.get_card(vault_session, 999)
    with pytest.raises(ValidationError):
        debtors.get_card(vault_session, 1, as_of="2025-09-16")  # type: ignore[arg-type]


def test_default_as_of_is_today_of_the_clock(vault_session, debtor_id):
    assert debtors.get_card(vault_session, debtor_id).totals.as_of == dt.date(2025, 9, 16)


def test_a_claim_the_engine_refuses_still_opens_with_a_note(vault_session, debtor_id):
    # A payment dated before the subsidy was received cannot be computed; the card still opens.
    debtors.add_payment(vault_session, debtor_id, paid_on=dt.date(2024, 3, 1), amount=100_000)
    t = debtors.get_card(vault_session, debtor_id, as_of=AS_OF).totals
    assert (t.principal, t.paid, t.principal_remaining, t.total) == (PRINCIPAL, 100_000, 900_000, 900_000)
    assert (t.additional_charge, t.late_charge) == (0, 0)
    assert any("計算できない" in note and "受領日" in note for note in t.notes)
    with pytest.raises(ValidationError, match="受領日"):
        debtors.charge_statement(vault_session, debtor_id, as_of=AS_OF)

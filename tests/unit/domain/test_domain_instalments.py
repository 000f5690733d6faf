"""Instalment plans: worked examples done by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saiken.domain.errors import ValidationError
from saiken.domain.instalments import (
    Instalment,
    InstalmentState,
    accelerate,
    custom_schedule,
    equal_parts,
    monthly_schedule,
    plan_status,
)

D = dt.date


def test_equal_parts_put_the_remainder_first() -> None:
    # 100,000 / 3 = 33,333 remainder 1 → 33,334 + 33,333 + 33,333
    assert equal_parts(100_000, 3) == [33_334, 33_333, 33_333]
    # 1,000,000 / 7 = 142,857 remainder 1 → 142,858 then six of 142,857
    assert equal_parts(1_000_000, 7) == [142_858] + [142_857] * 6
    assert equal_parts(50_000, 5) == [10_000] * 5
    # 10 / 4 = 2 remainder 2 → 4 + 2 + 2 + 2
    assert equal_parts(10, 4) == [4, 2, 2, 2]


@settings(max_examples=200)
@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=1, max_value=120))
def test_equal_parts_sum_and_differ_only_in_the_first(total: int, count: int) -> None:
    if count > total:
        with pytest.raises(ValidationError):
            equal_parts(total, count)
        return
    parts = equal_parts(total, count)
    assert sum(parts) == total and len(parts) == count
    assert len(set(parts[1:])) <= 1
    assert 0 <= parts[0] - parts[-1] < count


def test_monthly_dates_clamp_to_the_month_end() -> None:
    schedule = monthly_schedule(100_000, 4, D(2025, 1, 31))
    assert [(i.number, i.due, i.amount) for i in schedule] == [
        (1, D(2025, 1, 31), 25_000),  # 100,000 / 4 = 25,000 exactly, no remainder
        (2, D(2025, 2, 28), 25_000),
        (3, D(2025, 3, 31), 25_000),
        (4, D(2025, 4, 30), 25_000),
    ]
    leap = monthly_schedule(90_000, 3, D(2024, 1, 31))
    assert [i.due for i in leap] == [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31)]
    on_25th = monthly_schedule(100_000, 3, D(2025, 11, 10), day_of_month=25)
    assert [i.due for i in on_25th] == [D(2025, 11, 10), D(2025, 12, 25), D(2026, 1, 25)]
    assert [i.amount for i in on_25th] == [33_334, 33_333, 33_333]


def test_custom_schedule_is_validated() -> None:
    schedule = custom_schedule(
        100_000, [(D(2025, 5, 31), 50_000), (D(2025, 6, 30), 30_000), (D(2025, 7, 31), 20_000)]
    )
    assert [i.number for i in schedule] == [1, 2, 3]
    with pytest.raises(ValidationError, match="合計（90,000円）が金額（100,000円）と一致しません"):
        custom_schedule(100_000, [(D(2025, 5, 31), 50_000), (D(2025, 6, 30), 40_000)])
    with pytest.raises(ValidationError, match="第2回の納付日 2025-05-31"):
        custom_schedule(100_000, [(D(2025, 5, 31), 50_000), (D(2025, 5, 31), 50_000)])
    with pytest.raises(ValidationError, match="第2回の金額は1円以上"):
        custom_schedule(100_000, [(D(2025, 5, 31), 100_000), (D(2025, 6, 30), 0)])
    with pytest.raises(ValidationError, match="1行もありません"):
        custom_schedule(100_000, [])


SCHEDULE = monthly_schedule(100_000, 3, D(2025, 1, 31))  # 33,334 @01-31, 33,333 @02-28, 33,333 @03-31


def test_status_with_a_missed_instalment_raises_an_alert() -> None:
    # Paid 33,334 on 01-30 and 20,000 on 03-05. As of 03-10:
    #   #1 covered 33,334 → paid (on 01-30, on time)
    #   #2 covered 53,334 - 33,334 = 20,000 of 33,333, its day 02-28 has passed → missed, 13,333 unpaid
    #   #3 nothing yet, its day 03-31 not passed → due
    #   balance 100,000 - 53,334 = 46,666
    status = plan_status(SCHEDULE, [(D(2025, 3, 5), 20_000), (D(2025, 1, 30), 33_334)], D(2025, 3, 10))
    assert [(r.state, r.paid, r.remaining) for r in status.rows] == [
        (InstalmentState.PAID, 33_334, 0),
        (InstalmentState.MISSED, 20_000, 13_333),
        (InstalmentState.DUE, 0, 33_333),
    ]
    assert status.rows[0].paid_off_on == D(2025, 1, 30) and not status.rows[0].paid_late
    assert (status.paid, status.balance, status.overpaid) == (53_334, 46_666, 0)
    assert status.alert
    assert status.alert_message is not None and "第2回（2025-02-28、未納 13,333円）" in status.alert_message
    assert status.next_due is status.rows[1]
    # With 15 days of grace (to 03-15) the same instalment is only partly paid, and no alert.
    graced = plan_status(
        SCHEDULE, [(D(2025, 3, 5), 20_000), (D(2025, 1, 30), 33_334)], D(2025, 3, 10), grace_days=15
    )
    assert graced.rows[1].state is InstalmentState.PARTLY_PAID
    assert not graced.alert and graced.alert_message is None


def test_an_instalment_is_missed_only_from_the_day_after_its_date() -> None:
    on_the_day = plan_status(SCHEDULE, [], D(2025, 1, 31))
    assert on_the_day.rows[0].state is InstalmentState.DUE
    next_day = plan_status(SCHEDULE, [], D(2025, 2, 1))
    assert next_day.rows[0].state is InstalmentState.MISSED


def test_late_payment_and_overpayment() -> None:
    # #2 covered on 03-05, after its date 02-28: paid, but late.
    late = plan_status(SCHEDULE, [(D(2025, 1, 30), 33_334), (D(2025, 3, 5), 33_333)], D(2025, 3, 10))
    assert late.rows[1].state is InstalmentState.PAID
    assert late.rows[1].paid_off_on == D(2025, 3, 5) and late.rows[1].paid_late
    assert not late.alert
    over = plan_status(SCHEDULE, [(D(2025, 1, 30), 110_000)], D(2025, 2, 1))
    assert all(r.state is InstalmentState.PAID for r in over.rows)
    assert (over.balance, over.overpaid, over.next_due) == (0, 10_000, None)
    # A payment dated after the as-of date is not counted.
    future = plan_status(SCHEDULE, [(D(2025, 4, 1), 100_000)], D(2025, 2, 1))
    assert future.paid == 0 and future.rows[0].state is InstalmentState.MISSED


def test_acceleration_makes_the_balance_due_at_once() -> None:
    # As in the missed example, the creditor accelerates on 2025-03-15:
    # paid 53,334; #1 (33,334) stays; the rest 100,000 - 33,334 = 66,666 falls due on 03-15,
    # of which 20,000 is already paid → balance 46,666.
    payments = [(D(2025, 1, 30), 33_334), (D(2025, 3, 5), 20_000)]
    result = accelerate(SCHEDULE, payments, D(2025, 3, 15))
    assert result.balance == 46_666
    assert result.schedule == (Instalment(1, D(2025, 1, 31), 33_334), Instalment(2, D(2025, 3, 15), 66_666))
    on_the_day = plan_status(result.schedule, payments, D(2025, 3, 15))
    assert on_the_day.rows[1].state is InstalmentState.PARTLY_PAID and on_the_day.rows[1].remaining == 46_666
    after = plan_status(result.schedule, payments, D(2025, 3, 16))
    assert after.rows[1].state is InstalmentState.MISSED and after.alert
    with pytest.raises(ValidationError, match="残額がない"):
        accelerate(SCHEDULE, [(D(2025, 1, 30), 100_000)], D(2025, 3, 15))

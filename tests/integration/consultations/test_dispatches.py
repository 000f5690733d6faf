"""Dispatches and their fees (seed 004, worked out by hand in tests/unit/domain/test_domain_advisor_fees.py),
stored exactly, the month's statement by day, and fee standards by period."""

from __future__ import annotations

import datetime as dt

import pytest
from consult_testkit import TODAY, as_user

from saiken.domain.errors import PermissionDeniedError, ValidationError
from saiken.domain.roles import Role
from saiken.services import consultations as cs

SEPT_5, SEPT_8 = dt.date(2025, 9, 5), dt.date(2025, 9, 8)


def _dispatch(s, advisor, business, day, start, end, **extra):
    return cs.add_dispatch(
        s, advisor_id=advisor, business_id=business, day=day, start_time=start, end_time=end, **extra
    )


def test_a_stored_dispatch_gives_the_worked_examples(vault_session, businesses, advisors):
    ids, _ = businesses
    car = _dispatch(vault_session, advisors[0], ids[0], SEPT_5, "10:00", "12:40", car_km="123.7").row
    assert (car.car_km, car.fee.honorarium, car.fee.travel, car.fee.day_allowance) == (
        "123.7",
        13_200,
        4_551,
        1_100,
    )
    assert car.fee.total == 18_851
    long = _dispatch(vault_session, advisors[1], ids[1], SEPT_5, "9:00", "17:20", nights=[12_000]).row
    assert (long.fee.honorarium, long.fee.capped, long.fee.lodging) == (31_680, True, 9_800)
    short = _dispatch(
        vault_session, advisors[2], ids[2], SEPT_5, "13:00", "13:25", transport_yen="1,240円"
    ).row
    assert (short.fee.honorarium, short.fee.travel, short.fee.total) == (0, 1_240, 1_240)


def test_the_monthly_statement_computes_by_day(vault_session, businesses, advisors):
    ids, _ = businesses
    a = advisors[0]
    # the 5th: two sessions of 45 min (90 min → 3 units = 7,920) with 50.6 + 50.6 km (101 km → 3,737) + 1,100
    one = _dispatch(vault_session, a, ids[0], SEPT_5, "9:00", "9:45", car_km="50.6").row
    two = _dispatch(vault_session, a, ids[1], SEPT_5, "14:00", "14:45", car_km="50.6").row
    assert not one.shares_day and two.shares_day and one.fee.honorarium == 2_640  # alone: one unit
    assert all(d.shares_day for d in cs.list_dispatches(vault_session, advisor_id=a))
    # the 8th: 2 h 40 min by train (2,980 yen as claimed, 120 km route) → 13,200 + 2,980 + 1,100
    _dispatch(vault_session, a, ids[2], SEPT_8, "10:00", "12:40", transport_yen=2_980, route_km=120)
    # planned and cancelled dispatches are not on the statement
    _dispatch(vault_session, a, ids[3], TODAY + dt.timedelta(days=3), "10:00", "12:00", status="予定")
    cancelled = _dispatch(vault_session, a, ids[3], SEPT_8, "14:00", "16:00").row
    cs.cancel_dispatch(vault_session, cancelled.id)
    statement = cs.fee_statement(vault_session, a, 2025, 9)
    assert [
        (d.day, d.dispatches, d.honorarium, d.travel, d.day_allowance, d.total) for d in statement.days
    ] == [
        (SEPT_5, 2, 7_920, 3_737, 1_100, 12_757),
        (SEPT_8, 1, 13_200, 2_980, 1_100, 17_280),
    ]
    assert (statement.honorarium, statement.travel, statement.day_allowance, statement.lodging) == (
        21_120,
        6_717,
        2_200,
        0,
    )
    assert statement.total == 30_037
    assert [line.minutes for line in statement.lines] == [45, 45, 160]
    assert [s.advisor.id for s in cs.monthly_totals(vault_session, 2025, 9)] == [a]


def test_a_new_fee_standard_applies_from_its_day_only(vault_session, businesses, advisors):
    ids, _ = businesses
    before = _dispatch(vault_session, advisors[0], ids[0], SEPT_5, "10:00", "12:40").row
    cs.set_fee_standard(vault_session, valid_from=SEPT_8, hourly_yen=6_000, daily_cap_yen=36_000)
    after = _dispatch(vault_session, advisors[0], ids[0], SEPT_8, "10:00", "12:40").row
    assert before.fee.honorarium == 13_200  # 5 units × 2,640 (seed 004)
    assert after.fee.honorarium == 15_000  # 5 units × 3,000
    statement = cs.fee_statement(vault_session, advisors[0], 2025, 9)
    assert [d.honorarium for d in statement.days] == [13_200, 15_000]
    assert len(statement.profiles) == 2
    standards = cs.list_fee_standards(vault_session)
    assert standards[0].id is None and standards[1].valid_from == SEPT_8
    with pytest.raises(PermissionDeniedError):
        cs.set_fee_standard(as_user(vault_session, "tantou", Role.HANDLER), valid_from=TODAY, hourly_yen=1)
    with pytest.raises(ValidationError, match="謝金の時間単価"):
        cs.set_fee_standard(vault_session, valid_from=TODAY, hourly_yen=0)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"start_time": "12:00", "end_time": "11:00"}, "終了時刻"),
        ({"car_km": "12.3456"}, "1 m"),
        ({"car_km": "-5"}, "負の値"),
        ({"transport_yen": "-100"}, "負の金額"),
        ({"nights": [12_000.5]}, "端数"),
        ({"day": TODAY + dt.timedelta(days=1)}, "未来"),
        ({"status": "保留"}, "派遣の状況"),
    ],
)
def test_bad_dispatches_are_refused(vault_session, businesses, advisors, extra, message):
    ids, _ = businesses
    values = {"day": SEPT_5, "start_time": "10:00", "end_time": "12:00"} | extra
    with pytest.raises(ValidationError, match=message):
        cs.add_dispatch(vault_session, advisor_id=advisors[0], business_id=ids[0], **values)
    assert cs.list_dispatches(vault_session) == []


def test_corrections_recompute_and_name_the_fields(vault_session, businesses, advisors):
    ids, _ = businesses
    row = _dispatch(vault_session, advisors[0], ids[0], SEPT_5, "10:00", "12:40").row
    change = cs.update_dispatch(vault_session, row.id, car_km="123.7", nights=[8_000])
    assert (change.row.fee.travel, change.row.fee.lodging, change.row.nights) == (4_551, 8_000, (8_000,))
    with pytest.raises(ValidationError, match="変更された項目がありません"):
        cs.update_dispatch(vault_session, row.id, car_km="123.7")

"""Advisor dispatch fees (seed 004), worked out by hand, and their properties.

Unit fee of the default profile: 5,280 yen an hour in 30-minute units = 2,640 yen a unit.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saiken.domain.advisor_fees import (
    SEED_004,
    DispatchInput,
    FeeProfile,
    car_fare,
    day_allowance,
    day_fee,
    dispatch_fee,
    honorarium,
    lodging,
    monthly_statement,
    parse_claim,
    parse_hhmm,
    parse_km,
    profile_from_dict,
    support_minutes,
)
from saiken.domain.errors import ValidationError


def t(text: str) -> dt.time:
    return parse_hhmm(text, "時刻")


# --- the Must-hold examples, by hand ----------------------------------------------------------------------


def test_two_hours_forty_minutes_is_13200_yen():
    # 160 min = 5 whole units of 30 min (no remainder); 5 × 2,640 = 13,200
    assert honorarium(160) == 13_200
    fee = dispatch_fee(t("10:00"), t("12:40"))
    assert (fee.minutes, fee.units, fee.honorarium, fee.capped) == (160, 5, 13_200, False)
    assert fee.total == 13_200


def test_eight_hours_twenty_minutes_is_capped_at_31680_yen():
    # 500 min = 16 units (remainder 20 min dropped); 16 × 2,640 = 42,240 > 31,680 → the daily cap
    fee = dispatch_fee(t("9:00"), t("17:20"))
    assert (fee.minutes, fee.units) == (500, 16)
    assert fee.honorarium == 31_680
    assert fee.capped is True


def test_twenty_five_minutes_is_nothing():
    # 25 min < one 30-minute unit: dropped
    assert honorarium(25) == 0
    fee = dispatch_fee(t("13:00"), t("13:25"))
    assert (fee.units, fee.honorarium, fee.total) == (0, 0, 0)


def test_123_7_km_by_car_is_4551_yen_and_earns_the_day_allowance():
    # 123.7 km → 123 km (fraction dropped) × 37 = 4,551; 123.7 ≥ 100 km and 160 min ≥ 30 min → 1,100
    km = parse_km("123.7")
    assert km == Fraction(1237, 10)
    assert car_fare(km) == 4_551
    fee = dispatch_fee(t("10:00"), t("12:40"), km=km)
    assert (fee.car_km, fee.travel, fee.day_allowance) == (123, 4_551, 1_100)
    assert fee.total == 13_200 + 4_551 + 1_100 == 18_851


def test_the_day_allowance_needs_both_conditions():
    km = parse_km("123.7")
    # 25 min of support: less than 30 → no allowance (and no honorarium), travel is still paid
    short = dispatch_fee(t("13:00"), t("13:25"), km=km)
    assert (short.honorarium, short.travel, short.day_allowance, short.total) == (0, 4_551, 0, 4_551)
    # 99.9 km: less than 100 → no allowance; 99 km × 37 = 3,663
    near = dispatch_fee(t("10:00"), t("12:40"), km=parse_km("99.9"))
    assert (near.travel, near.day_allowance) == (3_663, 0)
    # exactly 100 km and exactly 30 minutes: both "at least" → 1,100; one unit = 2,640; 100 × 37 = 3,700
    edge = dispatch_fee(t("10:00"), t("10:30"), km=Fraction(100))
    assert (edge.honorarium, edge.travel, edge.day_allowance, edge.total) == (2_640, 3_700, 1_100, 7_440)
    assert day_allowance(Fraction(100), 29) == 0


def test_lodging_of_12000_is_capped_at_9800():
    assert lodging([12_000]) == 9_800
    assert lodging([8_500]) == 8_500  # actual cost below the cap
    assert lodging([12_000, 8_500]) == 18_300  # per night
    fee = dispatch_fee(t("10:00"), t("12:40"), lodging_nights=[12_000])
    assert (fee.lodging, fee.nights, fee.total) == (9_800, 1, 13_200 + 9_800)


def test_public_transport_is_paid_as_claimed_and_its_route_counts_for_the_allowance():
    # train 3,460 yen as claimed; 180 km route by train; 2 h of support (4 units = 10,560)
    fee = dispatch_fee(t("14:00"), t("16:00"), transport=3_460, route_km=Fraction(180))
    assert (fee.honorarium, fee.travel, fee.day_allowance) == (10_560, 3_460, 1_100)
    assert fee.total == 15_120
    # without a route distance a train journey earns no allowance
    assert dispatch_fee(t("14:00"), t("16:00"), transport=3_460).day_allowance == 0


def test_a_break_is_not_face_to_face_time():
    # 9:00–12:00 with a 35-minute break: 145 min → 4 units (25 min dropped) → 10,560
    assert support_minutes(t("9:00"), t("12:00"), 35) == 145
    assert dispatch_fee(t("9:00"), t("12:00"), break_minutes=35).honorarium == 10_560


# --- the day ------------------------------------------------------------------------------------------------


def test_rounding_and_cap_apply_to_the_day():
    day = dt.date(2025, 10, 6)
    # two 45-minute sessions: 90 min on the day → 3 units = 7,920 (each alone would be one unit)
    two = day_fee([DispatchInput(day, 45), DispatchInput(day, 45)])
    assert (two.minutes, two.units, two.honorarium) == (90, 3, 7_920)
    # 4 h + 3 h on one day: 14 units = 36,960 → capped to 31,680 for the day
    long = day_fee([DispatchInput(day, 240), DispatchInput(day, 180)])
    assert (long.honorarium, long.capped) == (31_680, True)


def test_the_days_car_km_are_added_before_the_fraction_is_dropped():
    day = dt.date(2025, 10, 6)
    # 50.6 + 50.6 = 101.2 km → 101 km × 37 = 3,737; 101.2 ≥ 100 with 60 min → the allowance, once
    fee = day_fee(
        [DispatchInput(day, 30, car_km=Fraction(506, 10)), DispatchInput(day, 30, car_km=Fraction(506, 10))]
    )
    assert (fee.car_km, fee.travel, fee.day_allowance) == (101, 3_737, 1_100)


def test_monthly_statement_groups_by_day():
    first, second = dt.date(2025, 10, 6), dt.date(2025, 10, 20)
    statement = monthly_statement(
        2025,
        10,
        [
            (DispatchInput(second, 160, car_km=Fraction(1237, 10)), SEED_004),
            (DispatchInput(first, 500), SEED_004),
            (DispatchInput(first, 25, nights=(12_000,)), SEED_004),
        ],
    )
    assert [d.day for d in statement.days] == [first, second]
    # first day: 525 min → 17 units → capped 31,680; lodging 9,800. second: 13,200 + 4,551 + 1,100
    assert statement.days[0].fee.total == 31_680 + 9_800
    assert statement.days[1].fee.total == 18_851
    assert statement.honorarium == 31_680 + 13_200
    assert (statement.travel, statement.day_allowance, statement.lodging) == (4_551, 1_100, 9_800)
    assert statement.total == 31_680 + 9_800 + 18_851 == 60_331
    assert statement.dispatches == 3
    with pytest.raises(ValidationError, match="別の月"):
        monthly_statement(2025, 11, [(DispatchInput(first, 30), SEED_004)])


# --- a configured profile -------------------------------------------------------------------------------------


def test_a_configured_profile_changes_the_figures():
    # 6,000 yen an hour in 15-minute units (1,500 a unit), cap 20,000; 40 yen/km; lodging cap 11,000
    custom = profile_from_dict(
        {"name": "custom", "hourly_yen": 6_000, "unit_minutes": 15, "daily_cap_yen": 20_000}
    )
    assert honorarium(160, custom) == 10 * 1_500  # 160 min → 10 units (10 min dropped)
    assert honorarium(500, custom) == 20_000
    # 5,000 yen an hour in 20-minute units: 1,666.66… a unit, truncated once at the end
    odd = profile_from_dict({"name": "odd", "hourly_yen": 5_000, "unit_minutes": 20})
    assert honorarium(40, odd) == 3_333  # 2 × 5,000/3 = 3,333.33… → 3,333
    assert honorarium(60, odd) == 5_000  # 3 units: exactly 5,000 (no per-unit truncation)


def test_bad_profiles_and_inputs_are_refused_with_the_field_named():
    with pytest.raises(ValidationError, match="謝金の計算単位"):
        FeeProfile(unit_minutes=0)
    with pytest.raises(ValidationError, match="不明な項目"):
        profile_from_dict({"hourly": 5_000})
    with pytest.raises(ValidationError, match="終了時刻"):
        dispatch_fee(t("12:00"), t("11:00"))
    with pytest.raises(ValidationError, match="休憩時間"):
        support_minutes(t("9:00"), t("9:30"), 30)
    with pytest.raises(ValidationError, match="負の値"):
        parse_km("-3")
    with pytest.raises(ValidationError, match="距離"):
        parse_km("12,3")
    with pytest.raises(ValidationError, match="時:分"):
        parse_hhmm("25:00", "開始時刻")
    with pytest.raises(ValidationError, match="交通費に負"):
        parse_claim("-100", "交通費")


def test_inputs_as_people_type_them():
    assert parse_km("１２３．７ｋｍ") == Fraction(1237, 10)
    assert parse_km(123.7) == Fraction(1237, 10)
    assert parse_km(80) == 80
    assert parse_hhmm("９：３０", "開始") == dt.time(9, 30)
    assert parse_hhmm("14時05分", "開始") == dt.time(14, 5)
    assert parse_claim("3,460円", "交通費") == 3_460


# --- properties -------------------------------------------------------------------------------------------------

minutes = st.integers(min_value=0, max_value=24 * 60)
kms = st.fractions(min_value=0, max_value=2_000, max_denominator=100)
nights = st.lists(st.integers(min_value=0, max_value=50_000), max_size=5)


@given(minutes, minutes)
def test_honorarium_never_falls_with_more_time_and_never_passes_the_cap(a, b):
    low, high = sorted((a, b))
    assert honorarium(low) <= honorarium(high) <= SEED_004.daily_cap_yen


@given(minutes)
def test_honorarium_is_whole_units_or_the_cap(m):
    fee = honorarium(m)
    assert fee == min((m // 30) * 2_640, 31_680)
    assert fee % 2_640 == 0  # the cap 31,680 is itself 12 units


@given(kms, st.fractions(min_value=0, max_value=1, max_denominator=100).filter(lambda f: f < 1))
def test_car_fare_drops_the_fraction_of_a_km(km, extra):
    whole = Fraction(km.numerator // km.denominator)
    assert car_fare(whole + extra) == car_fare(whole) == int(whole) * 37
    assert car_fare(km) <= km * 37


@given(nights)
def test_lodging_is_at_most_the_actual_cost_and_the_cap(amounts):
    paid = lodging(amounts)
    assert paid <= sum(amounts)
    assert paid <= 9_800 * len(amounts)


@given(minutes, kms, st.integers(min_value=0, max_value=100_000), nights)
def test_the_total_is_the_sum_of_its_parts(m, km, transport, stays):
    fee = day_fee(
        [DispatchInput(dt.date(2025, 10, 1), m, car_km=km, transport_yen=transport, nights=tuple(stays))]
    )
    assert fee.total == fee.honorarium + fee.travel + fee.day_allowance + fee.lodging
    assert fee.travel == transport + car_fare(km)
    assert fee.day_allowance in (0, 1_100)
    assert all(isinstance(value, int) for value in fee.as_dict().values())


@given(st.lists(st.integers(min_value=0, max_value=300), min_size=1, max_size=4))
def test_a_day_together_is_never_less_than_its_dispatches_apart(parts):
    day = dt.date(2025, 10, 1)
    together = day_fee([DispatchInput(day, m) for m in parts]).honorarium
    apart = sum(honorarium(m) for m in parts)
    assert together >= min(apart, SEED_004.daily_cap_yen)
    assert together <= SEED_004.daily_cap_yen

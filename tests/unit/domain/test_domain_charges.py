"""The charges engine against worked examples done by hand (DESIGN §8).

Subsidy preset: 10.95 % a year on 365 days = 0.0003 a day = 3/10000 a day, so
    charge of one segment = base × days × 3 / 10000.
Days are counted with both ends included: 2025-04-01..2025-04-30 is 30 days.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from saiken.domain.charges import Payment, Tranche, compute_charges
from saiken.domain.errors import ValidationError
from saiken.domain.rule_profiles import LOCAL_TAX_STYLE, SUBSIDY, RatePeriod, RuleProfile, percent

D = dt.date


def test_one_payment_in_full_after_the_due_date() -> None:
    # principal 1,234,567; received 2025-01-10; due 2025-07-31; paid 1,234,567 on 2025-09-15.
    # 加算金 2025-01-10..2025-09-15: Jan 22 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 31
    #   + Sep 15 = 249 days. 1,234,567 × 249 × 3/10000 = 922,221,549/10000 = 92,222.1549 → 92,222
    # 延滞金 2025-08-01..2025-09-15: Aug 31 + Sep 15 = 46 days.
    #   1,234,567 × 46 × 3/10000 = 170,370,246/10000 = 17,037.0246 → 17,037
    # The payment is exactly the principal, so both charges remain: 92,222 + 17,037 = 109,259.
    result = compute_charges(
        1_234_567,
        received=D(2025, 1, 10),
        due=D(2025, 7, 31),
        as_of=D(2025, 10, 1),
        payments=[Payment(D(2025, 9, 15), 1_234_567)],
    )
    assert result.additional_charge_exact == Fraction(922_221_549, 10_000)
    assert result.late_charge_exact == Fraction(170_370_246, 10_000)
    assert result.summary() == {
        "due": "2025-07-31",
        "principal_remaining": 0,
        "additional_charge": 92_222,
        "additional_charge_remaining": 92_222,
        "late_charge": 17_037,
        "late_charge_remaining": 17_037,
        "total_remaining": 109_259,
        "overpaid": 0,
    }
    assert result.principal_paid_off_on == D(2025, 9, 15)
    additional, late = result.segments
    assert (additional.kind, additional.start, additional.end, additional.days) == (
        "additional",
        D(2025, 1, 10),
        D(2025, 9, 15),
        249,
    )
    assert (late.kind, late.start, late.end, late.days, late.base) == (
        "late",
        D(2025, 8, 1),
        D(2025, 9, 15),
        46,
        1_234_567,
    )
    assert late.annual_rate == Fraction(1095, 10000)


def test_partial_payments_with_the_rest_going_to_the_charges() -> None:
    # principal 500,000; received 2025-04-01; due 2025-06-30.
    # payments: 07-10 200,000; 08-09 300,000 (principal now paid); 09-01 20,000 (to the charges).
    # 加算金: 04-01..07-10 = 101 days on 500,000 → 500,000 × 101 × 3/10000 = 15,150
    #         07-11..08-09 =  30 days on 300,000 → 300,000 ×  30 × 3/10000 =  2,700   total 17,850
    #   (part by part: 200,000 × 101 days = 6,060; 300,000 × 131 days = 11,790; same 17,850)
    # 延滞金: 07-01..07-10 = 10 days on 500,000 (07-10 counts at the balance before the payment) = 1,500
    #         07-11..08-09 = 30 days on 300,000 = 2,700                                   total 4,200
    # 20,000 → 加算金 17,850 first, then 2,150 to the 延滞金: 2,050 of it remains.
    result = compute_charges(
        500_000,
        received=D(2025, 4, 1),
        due=D(2025, 6, 30),
        as_of=D(2025, 9, 30),
        payments=[
            Payment(D(2025, 8, 9), 300_000),
            Payment(D(2025, 9, 1), 20_000),
            Payment(D(2025, 7, 10), 200_000),
        ],
    )
    assert result.summary() == {
        "due": "2025-06-30",
        "principal_remaining": 0,
        "additional_charge": 17_850,
        "additional_charge_remaining": 0,
        "late_charge": 4_200,
        "late_charge_remaining": 2_050,
        "total_remaining": 2_050,
        "overpaid": 0,
    }
    assert result.late_charge_paid == 2_150
    assert [(s.kind, s.start, s.end, s.days, s.base, s.amount) for s in result.segments] == [
        ("additional", D(2025, 4, 1), D(2025, 7, 10), 101, 500_000, 15_150),
        ("additional", D(2025, 7, 11), D(2025, 8, 9), 30, 300_000, 2_700),
        ("late", D(2025, 7, 1), D(2025, 7, 10), 10, 500_000, 1_500),
        ("late", D(2025, 7, 11), D(2025, 8, 9), 30, 300_000, 2_700),
    ]


def test_partial_payment_with_principal_still_unpaid_accrues_to_the_as_of_date() -> None:
    # As above with only 07-10 200,000 paid, as of 2025-08-31.
    # 加算金: 04-01..07-10 101 days on 500,000 = 15,150; 07-11..08-31 52 days on 300,000 = 4,680 → 19,830
    # 延滞金: 07-01..07-10 10 days on 500,000 = 1,500;   07-11..08-31 52 days on 300,000 = 4,680 → 6,180
    # remaining: 300,000 + 19,830 + 6,180 = 326,010
    result = compute_charges(
        500_000,
        received=D(2025, 4, 1),
        due=D(2025, 6, 30),
        as_of=D(2025, 8, 31),
        payments=[Payment(D(2025, 7, 10), 200_000)],
    )
    assert (result.principal_remaining, result.additional_charge, result.late_charge) == (
        300_000,
        19_830,
        6_180,
    )
    assert result.total_remaining == 326_010
    assert result.principal_paid_off_on is None


def test_payment_before_the_due_date_leaves_no_late_charge() -> None:
    # principal 300,000; received 2025-04-01; due 2025-06-30; paid in full 2025-06-20.
    # 加算金 04-01..06-20 = 30 + 31 + 20 = 81 days → 300,000 × 81 × 3/10000 = 7,290; 延滞金 0.
    result = compute_charges(
        300_000,
        received=D(2025, 4, 1),
        due=D(2025, 6, 30),
        as_of=D(2025, 7, 31),
        payments=[Payment(D(2025, 6, 20), 300_000)],
    )
    assert (result.additional_charge, result.late_charge, result.total_remaining) == (7_290, 0, 7_290)
    assert all(s.kind == "additional" for s in result.segments)
    # Paid on the due date itself: still no late charge; 加算金 04-01..06-30 = 91 days → 8,190.
    on_due = compute_charges(
        300_000,
        received=D(2025, 4, 1),
        due=D(2025, 6, 30),
        as_of=D(2025, 7, 31),
        payments=[Payment(D(2025, 6, 30), 300_000)],
    )
    assert (on_due.additional_charge, on_due.late_charge) == (8_190, 0)
    # Principal and 加算金 together (307,290) on 06-20: nothing remains.
    settled = compute_charges(
        300_000,
        received=D(2025, 4, 1),
        due=D(2025, 6, 30),
        as_of=D(2025, 7, 31),
        payments=[Payment(D(2025, 6, 20), 307_290)],
    )
    assert (settled.total_remaining, settled.overpaid) == (0, 0)


def test_overpayment() -> None:
    # principal 100,000; received 2025-04-01; due 2025-04-21; paid 120,000 on 2025-05-20.
    # 加算金 04-01..05-20 = 30 + 20 = 50 days → 100,000 × 50 × 3/10000 = 1,500
    # 延滞金 04-22..05-20 = 9 + 20 = 29 days → 100,000 × 29 × 3/10000 = 870
    # 20,000 left after the principal: 1,500 + 870 paid, overpaid 20,000 - 2,370 = 17,630.
    result = compute_charges(
        100_000,
        received=D(2025, 4, 1),
        due=D(2025, 4, 21),
        as_of=D(2025, 6, 30),
        payments=[Payment(D(2025, 5, 20), 120_000)],
    )
    assert (result.additional_charge, result.late_charge) == (1_500, 870)
    assert (result.total_remaining, result.overpaid) == (0, 17_630)


def test_a_leap_year_span_still_divides_by_365() -> None:
    # principal 333,333; received 2024-02-01; due 2024-02-20; unpaid, as of 2024-03-31.
    # 加算金 02-01..03-31 = 29 (Feb 2024 has the 29th) + 31 = 60 days
    #   333,333 × 60 × 3/10000 = 59,999,940/10000 = 5,999.994 → 5,999 (a 366-day year would give 5,983)
    # 延滞金 02-21..03-31 = 9 + 31 = 40 days → 333,333 × 40 × 3/10000 = 39,999,960/10000 = 3,999.996 → 3,999
    result = compute_charges(333_333, received=D(2024, 2, 1), due=D(2024, 2, 20), as_of=D(2024, 3, 31))
    assert result.additional_charge_exact == Fraction(59_999_940, 10_000)
    assert (result.additional_charge, result.late_charge) == (5_999, 3_999)
    assert result.total_remaining == 333_333 + 5_999 + 3_999
    assert {s.days_in_year for s in result.segments} == {365}


def test_two_tranches_latest_first() -> None:
    # Received 600,000 on 2024-04-01 (A) and 400,000 on 2024-10-01 (B); 700,000 to return.
    # Latest first: B 400,000 (from 2024-10-01) and 300,000 of A (from 2024-04-01). Due 2025-03-31.
    # Paid 500,000 on 2025-04-30 (B 400,000 then 100,000 of A) and 200,000 on 2025-05-31 (rest of A).
    # 加算金 part by part:
    #   B 400,000: 2024-10-01..2025-04-30 = 212 days → 400,000 × 212 × 3/10000 = 25,440
    #   A 100,000: 2024-04-01..2025-04-30 = 395 days → 100,000 × 395 × 3/10000 = 11,850
    #   A 200,000: 2024-04-01..2025-05-31 = 426 days → 200,000 × 426 × 3/10000 = 25,560   total 62,850
    # as segments: 300,000 × 183 days (04-01..09-30) = 16,470; 700,000 × 212 days = 44,520;
    #   200,000 × 31 days (05-01..05-31) = 1,860 → 62,850 (the same)
    # 延滞金: 700,000 × 30 days (04-01..04-30) = 6,300; 200,000 × 31 days (05-01..05-31) = 1,860 → 8,160
    result = compute_charges(
        700_000,
        tranches=[Tranche(D(2024, 4, 1), 600_000), Tranche(D(2024, 10, 1), 400_000)],
        due=D(2025, 3, 31),
        as_of=D(2025, 6, 30),
        payments=[Payment(D(2025, 4, 30), 500_000), Payment(D(2025, 5, 31), 200_000)],
    )
    assert (result.additional_charge, result.late_charge) == (62_850, 8_160)
    assert (result.principal_remaining, result.total_remaining) == (0, 71_010)
    additional = [
        (s.start, s.end, s.days, s.base, s.amount) for s in result.segments if s.kind == "additional"
    ]
    assert additional == [
        (D(2024, 4, 1), D(2024, 9, 30), 183, 300_000, 16_470),
        (D(2024, 10, 1), D(2025, 4, 30), 212, 700_000, 44_520),
        (D(2025, 5, 1), D(2025, 5, 31), 31, 200_000, 1_860),
    ]


def test_tranches_that_do_not_cover_the_principal_are_refused() -> None:
    with pytest.raises(ValidationError, match="受領額の合計"):
        compute_charges(
            800_000,
            tranches=[Tranche(D(2024, 4, 1), 300_000), Tranche(D(2024, 10, 1), 400_000)],
            due=D(2025, 3, 31),
            as_of=D(2025, 6, 30),
        )


def test_base_unit_result_unit_and_minimum() -> None:
    # principal 1,234,567; received 2025-01-10; due 2025-07-31; 234,999 paid 2025-08-20; as of 2025-09-30.
    # Subsidy rates with base unit 1,000, result unit 100, minimum 1,000.
    # 加算金: 01-10..08-20 = 223 days, balance 1,234,567 → base 1,234,000
    #           1,234,000 × 223 × 3/10000 = 825,546,000/10000 = 82,554.6
    #         08-21..09-30 = 41 days, balance 999,568 → base 999,000
    #           999,000 × 41 × 3/10000 = 122,877,000/10000 = 12,287.7
    #         sum 94,842.3 → 94,842 yen → 94,800 (100-yen unit) ≥ 1,000 → 94,800
    # 延滞金: 08-01..08-20 = 20 days on 1,234,000 = 7,404.0; 08-21..09-30 = 41 days on 999,000 = 12,287.7
    #         sum 19,691.7 → 19,691 → 19,600
    # Without the options: 加算金 (1,234,567 × 669 + 999,568 × 123)/10000 = 94,887.2187 → 94,887
    profile = SUBSIDY.with_options(base_unit=1000, result_unit=100, minimum_charge=1000)
    args = {
        "received": D(2025, 1, 10),
        "due": D(2025, 7, 31),
        "as_of": D(2025, 9, 30),
        "payments": [Payment(D(2025, 8, 20), 234_999)],
    }
    result = compute_charges(1_234_567, profile=profile, **args)
    assert result.additional_charge_exact == Fraction(948_423, 10)
    assert (result.additional_charge, result.late_charge) == (94_800, 19_600)
    assert result.principal_remaining == 999_568
    assert result.total_remaining == 999_568 + 94_800 + 19_600
    assert [s.base for s in result.segments] == [1_234_000, 999_000, 1_234_000, 999_000]
    plain = compute_charges(1_234_567, **args)
    assert plain.additional_charge == 94_887


def test_minimum_charge_and_a_base_under_one_unit_give_nothing() -> None:
    # 50,000 unpaid from 2025-08-01 to 08-20 = 20 days → 50,000 × 20 × 3/10000 = 300 < 1,000 → 0
    profile = SUBSIDY.with_options(
        base_unit=1000, result_unit=100, minimum_charge=1000, additional_applies=False
    )
    small = compute_charges(
        50_000, received=D(2025, 7, 1), due=D(2025, 7, 31), as_of=D(2025, 8, 20), profile=profile
    )
    assert small.late_charge_exact == 300
    assert (small.late_charge, small.total_remaining) == (0, 50_000)
    # 999 yen owed: the base truncates to 0, so a year late still gives nothing.
    tiny = compute_charges(
        999, received=D(2024, 7, 1), due=D(2024, 7, 31), as_of=D(2025, 7, 31), profile=profile
    )
    assert (tiny.late_charge_exact, tiny.late_charge) == (0, 0)
    # 40 days on 100,000: 100,000 × 40 × 3/10000 = 1,200 ≥ 1,000 → 1,200 (a multiple of 100 already)
    enough = compute_charges(
        100_000, received=D(2025, 7, 1), due=D(2025, 7, 31), as_of=D(2025, 9, 9), profile=profile
    )
    assert enough.late_charge == 1_200


def test_no_additional_charge() -> None:
    # The first example without 加算金: only the 延滞金 17,037 remains.
    result = compute_charges(
        1_234_567,
        received=D(2025, 1, 10),
        due=D(2025, 7, 31),
        as_of=D(2025, 10, 1),
        payments=[Payment(D(2025, 9, 15), 1_234_567)],
        profile=SUBSIDY.with_options(additional_applies=False),
    )
    assert (result.additional_charge, result.late_charge, result.total_remaining) == (0, 17_037, 17_037)
    assert [s.kind for s in result.segments] == ["late"]


def test_two_tiers_split_across_the_threshold_and_a_period_boundary() -> None:
    # LOCAL_TAX_STYLE: tier 1 for days 1..30 after the due date, tier 2 after; rows from 2022-01-01
    # (2.4 % / 8.7 %) and 2026-01-01 (2.8 % / 9.1 %); base unit 1,000, result unit 100, minimum 1,000.
    # principal 2,345,678 → base 2,345,000; due 2025-11-20; unpaid, as of 2026-02-15.
    #   2025-11-21..12-20 (days 1..30)  30 days, 2.4 %: 2,345,000 × 0.024 × 30 = 1,688,400 /365
    #   2025-12-21..12-31 (tier 2)      11 days, 8.7 %: 2,345,000 × 0.087 × 11 = 2,244,165 /365
    #   2026-01-01..02-15 (new period)  46 days, 9.1 %: 2,345,000 × 0.091 × 46 = 9,816,170 /365
    #   sum 13,748,735/365 = 37,667.767… → 37,667 → 37,600
    result = compute_charges(
        2_345_678, received=D(2025, 4, 1), due=D(2025, 11, 20), as_of=D(2026, 2, 15), profile=LOCAL_TAX_STYLE
    )
    assert [(s.start, s.end, s.days, s.tier, s.annual_rate) for s in result.segments] == [
        (D(2025, 11, 21), D(2025, 12, 20), 30, 1, percent("2.4")),
        (D(2025, 12, 21), D(2025, 12, 31), 11, 2, percent("8.7")),
        (D(2026, 1, 1), D(2026, 2, 15), 46, 2, percent("9.1")),
    ]
    assert result.late_charge_exact == Fraction(13_748_735, 365)
    assert (result.additional_charge, result.late_charge) == (0, 37_600)


def test_period_boundary_inside_tier_one() -> None:
    # due 2025-12-15: tier 1 is 12-16..2026-01-14, cut by the 2026-01-01 row; tier 2 from 01-15.
    # 1,000,000 × 0.024 × 16 = 384,000; × 0.028 × 14 = 392,000; × 0.091 × 17 = 1,547,000 (each /365)
    # sum 2,323,000/365 = 6,364.38… → 6,364 → 6,300
    result = compute_charges(
        1_000_000, received=D(2025, 4, 1), due=D(2025, 12, 15), as_of=D(2026, 1, 31), profile=LOCAL_TAX_STYLE
    )
    assert [(s.days, s.tier, s.annual_rate) for s in result.segments] == [
        (16, 1, percent("2.4")),
        (14, 1, percent("2.8")),
        (17, 2, percent("9.1")),
    ]
    assert result.late_charge == 6_300


def test_two_tiers_with_a_payment_inside_tier_one() -> None:
    # due 2025-03-31; tier 1 = 04-01..04-30. 600,000 paid 04-10; rest 400,000 paid 06-09.
    # A one-row profile: 7.3 % / 14.6 % (illustrative), no units.
    #   04-01..04-10  10 days on 1,000,000 at 7.3 %:  1,000,000 × 0.073 × 10 =   730,000 /365 = 2,000
    #   04-11..04-30  20 days on   400,000 at 7.3 %:    400,000 × 0.073 × 20 =   584,000 /365 = 1,600
    #   05-01..06-09  40 days on   400,000 at 14.6 %:   400,000 × 0.146 × 40 = 2,336,000 /365 = 6,400
    #   total 10,000
    profile = RuleProfile(
        name="two_tier_test",
        label="test",
        additional_applies=False,
        tier1_days=30,
        late_rates=(RatePeriod(D(2000, 1, 1), percent("7.3"), percent("14.6")),),
    )
    result = compute_charges(
        1_000_000,
        received=D(2025, 1, 6),
        due=D(2025, 3, 31),
        as_of=D(2025, 7, 1),
        profile=profile,
        payments=[Payment(D(2025, 4, 10), 600_000), Payment(D(2025, 6, 9), 400_000)],
    )
    assert [(s.days, s.base, s.amount) for s in result.segments] == [
        (10, 1_000_000, 2_000),
        (20, 400_000, 1_600),
        (40, 400_000, 6_400),
    ]
    assert (result.late_charge, result.total_remaining) == (10_000, 10_000)


def test_payments_after_the_as_of_date_are_not_counted() -> None:
    result = compute_charges(
        100_000,
        received=D(2025, 4, 1),
        due=D(2025, 4, 21),
        as_of=D(2025, 4, 30),
        payments=[Payment(D(2025, 5, 20), 120_000)],
    )
    assert result.payments_after_as_of == 1
    assert result.principal_remaining == 100_000
    # 加算金 04-01..04-30 = 30 days → 900; 延滞金 04-22..04-30 = 9 days → 270
    assert (result.additional_charge, result.late_charge) == (900, 270)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"principal": 0}, "元金は1円以上"),
        ({"principal": 1000.0}, "元金は円単位の整数"),
        ({"payments": [Payment(D(2025, 5, 1), -5)]}, "入金額は1円以上"),
        ({"payments": [Payment(D(2025, 3, 1), 5)]}, "受領日 2025-04-01 より前"),
        ({"received": None}, "受領日"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(kwargs: dict[str, object], fragment: str) -> None:
    args: dict[str, object] = {
        "principal": 100_000,
        "received": D(2025, 4, 1),
        "due": D(2025, 4, 21),
        "as_of": D(2025, 6, 30),
    }
    args.update(kwargs)
    principal = args.pop("principal")
    with pytest.raises(ValidationError, match=fragment):
        compute_charges(principal, **args)  # type: ignore[arg-type]


def test_rates_must_be_exact() -> None:
    with pytest.raises(ValidationError, match="float"):
        RatePeriod(D(2025, 1, 1), 0.1095, percent("10.95"))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="料率表"):
        compute_charges(
            100_000, received=D(2019, 4, 1), due=D(2019, 4, 21), as_of=D(2020, 6, 30), profile=LOCAL_TAX_STYLE
        )


def test_a_payment_on_the_first_late_day_counts_that_day_at_the_balance_before_it() -> None:
    # due 2025-04-21; 100,000 paid 2025-04-22 (the first day after the due date).
    # 延滞金: 04-22 alone, 1 day on 100,000 → 100,000 × 1 × 3/10000 = 30
    # 加算金: 04-01..04-22 = 22 days → 660
    result = compute_charges(
        100_000,
        received=D(2025, 4, 1),
        due=D(2025, 4, 21),
        as_of=D(2025, 6, 30),
        payments=[Payment(D(2025, 4, 22), 60_000), Payment(D(2025, 4, 22), 40_000)],
    )
    assert (result.late_charge, result.additional_charge) == (30, 660)
    assert [(s.kind, s.start, s.end, s.days) for s in result.segments] == [
        ("additional", D(2025, 4, 1), D(2025, 4, 22), 22),
        ("late", D(2025, 4, 22), D(2025, 4, 22), 1),
    ]

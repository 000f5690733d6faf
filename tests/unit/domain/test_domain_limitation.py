"""Limitation (時効): worked examples done by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from saiken.domain.errors import ValidationError
from saiken.domain.limitation import (
    ClaimNature,
    Effect,
    EventKind,
    LimitationEvent,
    WarningLevel,
    compute_limitation,
    period_end,
)

D = dt.date
PUBLIC = ClaimNature.PUBLIC
PRIVATE = ClaimNature.PRIVATE


def ev(kind: EventKind, day: dt.date) -> LimitationEvent:
    return LimitationEvent(kind, day)


def test_five_years_from_the_day_after_the_start() -> None:
    # 納期限 2024-10-28: the period starts 2024-10-29 (初日不算入) and ends the day before 2029-10-29.
    assert compute_limitation(PUBLIC, D(2024, 10, 28)).expiry == D(2029, 10, 28)
    assert compute_limitation(PRIVATE, D(2024, 10, 28)).expiry == D(2029, 10, 28)
    assert compute_limitation("public", D(2024, 10, 31)).expiry == D(2029, 10, 31)


def test_period_end_without_a_corresponding_day_ends_at_the_month_end() -> None:
    # start 2024-02-28 → begins 02-29 → 2029 has no 02-29 → end of February 2029
    assert period_end(D(2024, 2, 28), years=5) == D(2029, 2, 28)
    assert period_end(D(2024, 2, 29), years=5) == D(2029, 2, 28)  # begins 03-01 → day before 2029-03-01
    assert period_end(D(2023, 2, 28), years=1) == D(
        2024, 2, 29
    )  # begins 03-01 → day before 2024-03-01 (leap)
    # 6 months after a demand on 2029-08-30: begins 08-31 → no 2030-02-31 → 2030-02-28
    assert period_end(D(2029, 8, 30), months=6) == D(2030, 2, 28)
    assert period_end(D(2029, 9, 1), months=6) == D(2030, 3, 1)


def test_an_acknowledgement_renews() -> None:
    # A payment on 2026-03-10 starts a new 5 years: ends 2031-03-10.
    result = compute_limitation(PUBLIC, D(2024, 10, 28), [ev(EventKind.PAYMENT, D(2026, 3, 10))])
    assert result.expiry == D(2031, 3, 10)
    assert result.effects[0].effect is Effect.RENEWED
    # A signed pledge later still: 2027-07-01 → 2032-07-01.
    pledged = compute_limitation(
        PRIVATE, D(2024, 10, 28), [ev(EventKind.PLEDGE, D(2027, 7, 1)), ev(EventKind.PAYMENT, D(2026, 3, 10))]
    )
    assert pledged.expiry == D(2032, 7, 1)
    assert [e.expiry_after for e in pledged.effects] == [D(2031, 3, 10), D(2032, 7, 1)]


def test_a_demand_suspends_once() -> None:
    # Expiry 2029-10-28. Demand 2029-09-01: 6 months → 2030-03-01, so completion waits until 2030-03-01.
    # A second demand on 2029-12-01 falls within those 6 months: no effect.
    result = compute_limitation(
        PUBLIC, D(2024, 10, 28), [ev(EventKind.DEMAND, D(2029, 9, 1)), ev(EventKind.DEMAND, D(2029, 12, 1))]
    )
    assert result.expiry == D(2030, 3, 1)
    assert [e.effect for e in result.effects] == [Effect.SUSPENDED, Effect.NO_EFFECT]
    assert "150条2項" in result.effects[1].explanation
    # A payment during the suspension (2030-01-15) renews: 5 years from it → 2035-01-15.
    renewed = compute_limitation(
        PUBLIC, D(2024, 10, 28), [ev(EventKind.DEMAND, D(2029, 9, 1)), ev(EventKind.PAYMENT, D(2030, 1, 15))]
    )
    assert renewed.expiry == D(2035, 1, 15)
    # A demand after the postponed day (2030-03-02) comes too late.
    too_late = compute_limitation(
        PUBLIC, D(2024, 10, 28), [ev(EventKind.DEMAND, D(2029, 9, 1)), ev(EventKind.DEMAND, D(2030, 3, 2))]
    )
    assert too_late.expiry == D(2030, 3, 1)
    assert too_late.effects[1].effect is Effect.AFTER_EXPIRY


def test_an_early_demand_does_not_move_the_expiry() -> None:
    # Demand 2025-06-01: its 6 months end 2025-12-01, long before 2029-10-28.
    result = compute_limitation(PUBLIC, D(2024, 10, 28), [ev(EventKind.DEMAND, D(2025, 6, 1))])
    assert result.expiry == D(2029, 10, 28)
    assert "満了日は変わりません" in result.effects[0].explanation


def test_the_first_statutory_demand_renews_a_public_law_claim() -> None:
    # 督促 on 2024-11-15 renews: 2029-11-15. A second 督促 on 2029-10-01 is a mere demand:
    # 6 months → begins 10-02 → day before 2030-04-02 = 2030-04-01.
    result = compute_limitation(
        PUBLIC,
        D(2024, 10, 28),
        [ev(EventKind.STATUTORY_DEMAND, D(2024, 11, 15)), ev(EventKind.STATUTORY_DEMAND, D(2029, 10, 1))],
    )
    assert [e.effect for e in result.effects] == [Effect.RENEWED, Effect.SUSPENDED]
    assert result.effects[0].expiry_after == D(2029, 11, 15)
    assert result.expiry == D(2030, 4, 1)
    assert "2回目以降の督促は催告" in result.effects[1].explanation
    # On a private-law claim a 督促 is only a demand: 6 months from 2024-11-15 end long before 2029-10-28.
    private = compute_limitation(PRIVATE, D(2024, 10, 28), [ev(EventKind.STATUTORY_DEMAND, D(2024, 11, 15))])
    assert private.expiry == D(2029, 10, 28)
    assert private.effects[0].effect is Effect.SUSPENDED


def test_payment_after_expiry_changes_nothing_but_is_flagged_for_private_claims() -> None:
    result = compute_limitation(PRIVATE, D(2020, 4, 30), [ev(EventKind.PAYMENT, D(2025, 6, 1))])
    assert result.expiry == D(2025, 4, 30)
    assert result.effects[0].effect is Effect.AFTER_EXPIRY
    assert "援用" in result.effects[0].explanation


def test_warning_levels() -> None:
    result = compute_limitation(PUBLIC, D(2024, 10, 28))  # expiry 2029-10-28
    # 2029-05-01 → 2029-10-28: 30 + 30 + 31 + 31 + 30 + 28 = 180 days left → inside a 180-day window
    assert result.warning(D(2029, 5, 1)).level is WarningLevel.WARNING
    assert result.warning(D(2029, 5, 1)).days_left == 180
    assert result.warning(D(2029, 4, 30)).level is WarningLevel.OK
    assert result.warning(D(2029, 10, 28)).level is WarningLevel.WARNING  # the last day is still in time
    expired = result.warning(D(2029, 10, 29))
    assert expired.level is WarningLevel.EXPIRED and expired.days_left == -1
    assert "令和11年10月28日" in expired.message
    assert result.warning(D(2029, 4, 30), window_days=365).level is WarningLevel.WARNING


def test_bad_input() -> None:
    with pytest.raises(ValidationError, match="起算日 2024-10-28 より前"):
        compute_limitation(PUBLIC, D(2024, 10, 28), [ev(EventKind.PAYMENT, D(2024, 10, 1))])
    with pytest.raises(ValidationError, match="債権の種類"):
        compute_limitation("tax", D(2024, 10, 28))

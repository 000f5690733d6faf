"""Custody rules (seed 000's 管理簿): media statuses, the same-occasion rule, medium labels."""

from __future__ import annotations

import datetime as dt

import pytest

from saiken.domain import custody
from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError


def test_a_medium_goes_from_prepared_to_handed_over_to_returned():
    status = custody.PREPARED
    status = custody.next_status(status, custody.VERIFIED)
    assert status == custody.PREPARED
    status = custody.next_status(status, custody.HANDED_OVER)
    assert status == custody.HANDED_OVER and custody.is_open(status)
    status = custody.next_status(status, custody.RETURNED)
    assert status == custody.RETURNED and not custody.is_open(status)


@pytest.mark.parametrize("closed", [custody.RETURNED, custody.DESTROYED, custody.ERASED])
def test_nothing_is_recorded_on_a_closed_medium(closed):
    with pytest.raises(ValidationError) as caught:
        custody.next_status(closed, custody.HANDED_OVER)
    assert "済み" in str(caught.value)


def test_a_received_medium_cannot_be_handed_over_again_and_a_handed_over_one_not_twice():
    with pytest.raises(ValidationError):
        custody.next_status(custody.RECEIVED, custody.HANDED_OVER)
    with pytest.raises(ValidationError):
        custody.next_status(custody.HANDED_OVER, custody.HANDED_OVER)
    assert custody.next_status(custody.RECEIVED, custody.ERASED) == custody.ERASED


def test_medium_and_notice_on_the_same_japanese_day_are_one_occasion():
    # 23:30 UTC on the 15th is 08:30 JST on the 16th: same Japanese day as 14:00 JST on the 16th
    medium = custody.Occasion(dt.datetime(2025, 9, 15, 23, 30, tzinfo=dt.UTC), "山田")
    notice = custody.Occasion(dt.datetime(2025, 9, 16, 14, 0, tzinfo=JST), "鈴木")
    assert custody.same_occasion(medium, notice)
    next_day = custody.Occasion(dt.datetime(2025, 9, 17, 10, 0, tzinfo=JST), "山田")
    assert not custody.same_occasion(medium, next_day)


def test_the_same_person_across_midnight_within_an_hour_is_one_occasion():
    a = custody.Occasion(dt.datetime(2025, 9, 16, 23, 40, tzinfo=JST), "山田")
    b = custody.Occasion(dt.datetime(2025, 9, 17, 0, 20, tzinfo=JST), "山田")
    assert custody.same_occasion(a, b)
    assert not custody.same_occasion(a, custody.Occasion(b.at, "鈴木"))


def test_medium_labels_are_checked_and_tidied():
    assert custody.check_medium_id("  区-R7-001 ") == "区-R7-001"
    with pytest.raises(ValidationError) as caught:
        custody.check_medium_id("")
    assert "媒体番号" in str(caught.value)
    with pytest.raises(ValidationError):
        custody.check_medium_id("x" * 41)
    with pytest.raises(ValidationError):
        custody.check_medium_kind("USB")
    assert custody.check_medium_kind("DVD-R") == "DVD-R"


def test_age_is_counted_on_the_japanese_calendar():
    opened = dt.datetime(2025, 9, 15, 16, 0, tzinfo=dt.UTC)  # 01:00 JST on the 16th
    assert custody.age_days(opened, dt.date(2025, 9, 16)) == 0
    assert custody.age_days(opened, dt.date(2025, 10, 16)) == 30

"""Bookings: a double booking of a consultant is refused and nothing changes (Must hold); cancellations
are kept and free the slot; the week calendar and the free slots."""

from __future__ import annotations

import datetime as dt

import pytest
from consult_testkit import TODAY, at, audit_count, table_dump

from saiken.domain.errors import ValidationError
from saiken.services import consultations as cs

THURSDAY = TODAY + dt.timedelta(days=2)


def test_a_double_booking_is_refused_and_nothing_changes(vault_session, businesses, consultants):
    ids, _ = businesses
    first = cs.book(
        vault_session,
        consultant_id=consultants[0],
        business_id=ids[0],
        starts_at=at(THURSDAY, 10),
        minutes=60,
    ).row
    before_rows, before_audit = table_dump(vault_session, "bookings"), audit_count(vault_session)
    for start, minutes in (
        (at(THURSDAY, 10), 60),
        (at(THURSDAY, 10, 30), 30),
        (at(THURSDAY, 9, 30), 60),
        (at(THURSDAY, 9), 180),
    ):
        with pytest.raises(ValidationError, match=rf"10:00〜11:00 に別の予約（予約番号 {first.id}）"):
            cs.book(
                vault_session,
                consultant_id=consultants[0],
                business_id=ids[1],
                starts_at=start,
                minutes=minutes,
            )
    assert table_dump(vault_session, "bookings") == before_rows
    assert audit_count(vault_session) == before_audit
    # back to back is not a clash, nor another consultant at the same time
    cs.book(vault_session, consultant_id=consultants[0], business_id=ids[1], starts_at=at(THURSDAY, 11))
    cs.book(vault_session, consultant_id=consultants[0], business_id=ids[2], starts_at=at(THURSDAY, 9))
    cs.book(vault_session, consultant_id=consultants[1], business_id=ids[1], starts_at=at(THURSDAY, 10))


def test_a_cancellation_is_kept_and_frees_the_slot(vault_session, businesses, consultants):
    ids, _ = businesses
    booking = cs.book(
        vault_session, consultant_id=consultants[0], business_id=ids[0], starts_at=at(THURSDAY, 14)
    ).row
    cancelled = cs.cancel_booking(vault_session, booking.id, reason="先方の都合").row
    assert (cancelled.status, cancelled.cancel_reason) == ("取消", "先方の都合")
    assert cancelled.cancelled_at is not None
    again = cs.book(
        vault_session, consultant_id=consultants[0], business_id=ids[1], starts_at=at(THURSDAY, 14)
    ).row
    week = cs.week_bookings(vault_session, THURSDAY, include_cancelled=True)
    assert [(b.id, b.status) for b in week.bookings] == [(booking.id, "取消"), (again.id, "予約")]
    assert [b.id for b in cs.week_bookings(vault_session, THURSDAY).bookings] == [again.id]
    with pytest.raises(ValidationError, match="取消のため取り消せません"):
        cs.cancel_booking(vault_session, booking.id)


def test_the_week_and_free_slots(vault_session, businesses, consultants):
    ids, _ = businesses
    cs.book(
        vault_session,
        consultant_id=consultants[0],
        business_id=ids[0],
        starts_at=at(THURSDAY, 10),
        minutes=90,
    )
    week = cs.week_bookings(vault_session, THURSDAY)
    assert week.first_day == dt.date(2025, 9, 15) and week.days[-1] == dt.date(2025, 9, 21)
    assert len(week.consultants) == 3
    slots = cs.free_slots(vault_session, consultants[0], THURSDAY)
    hours = [start.hour for start, _ in [(s.astimezone(at(TODAY, 0).tzinfo), e) for s, e in slots]]
    assert hours == [9, 12, 13, 14, 15, 16]  # 10:00–11:30 takes the 10 and 11 o'clock slots


def test_bad_bookings(vault_session, businesses, consultants):
    ids, _ = businesses
    with pytest.raises(ValidationError, match="過ぎています"):
        cs.book(
            vault_session,
            consultant_id=consultants[0],
            business_id=ids[0],
            starts_at=at(TODAY - dt.timedelta(days=1), 10),
        )
    with pytest.raises(ValidationError, match="予約の長さ"):
        cs.book(
            vault_session,
            consultant_id=consultants[0],
            business_id=ids[0],
            starts_at=at(THURSDAY, 10),
            minutes=5,
        )
    cs.set_consultant_active(vault_session, consultants[2], False)
    with pytest.raises(ValidationError, match="受け付けていません"):
        cs.book(vault_session, consultant_id=consultants[2], business_id=ids[0], starts_at=at(THURSDAY, 10))

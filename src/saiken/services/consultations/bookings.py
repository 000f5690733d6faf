"""Consultation bookings (相談予約) in consultants' slots, and the week calendar.

A booking holds one consultant from `starts_at` to `ends_at`. Booking a consultant who already has a live
booking (予約 or 完了) overlapping that time is refused — the check runs inside the write transaction
(BEGIN IMMEDIATE), so two people booking the same slot at once cannot both succeed — and nothing is
written. A cancellation keeps the booking with 取消, when and why; the slot is free again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from saiken.domain.clock import JST
from saiken.domain.consultation_terms import FORMS, check_choice
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services.checks import check_moment, check_text, get_or_404
from saiken.services.consultations.common import (
    business_or_404,
    check_own,
    consultant_or_404,
    jst_day,
    owner_of,
    stamp,
)
from saiken.services.consultations.convert import booking_rows, consultant_row
from saiken.services.consultations.rows import BookingRow, Change, WeekView, change
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.store.models import Booking, Consultant

LIVE = ("予約", "完了")
MAX_MINUTES = 8 * 60
SLOT_MINUTES = 60
OFFICE_HOURS = (dt.time(9, 0), dt.time(17, 0))


def _times(starts_at: Any, minutes: int) -> tuple[dt.datetime, dt.datetime]:
    start = check_moment(starts_at, "予約の開始日時")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 15 <= minutes <= MAX_MINUTES:
        raise ValidationError(f"予約の長さは15分から{MAX_MINUTES // 60}時間までで指定してください。")
    return start, start + dt.timedelta(minutes=minutes)


def _clash(session: Any, consultant_id: int, start: dt.datetime, end: dt.datetime) -> Booking | None:
    return session.execute(
        select(Booking)
        .where(
            Booking.consultant_id == consultant_id,
            Booking.status.in_(LIVE),
            Booking.starts_at < end,
            Booking.ends_at > start,
        )
        .order_by(Booking.starts_at)
        .limit(1)
    ).scalar_one_or_none()


def _hm(at: dt.datetime) -> str:
    return at.astimezone(JST).strftime("%H:%M")


def book(
    s: VaultSession,
    *,
    consultant_id: int,
    business_id: int,
    starts_at: Any,
    minutes: int = SLOT_MINUTES,
    form: str = "窓口",
    purpose: str = "",
) -> Change[BookingRow]:
    """Book `consultant_id` for `business_id`. A double booking of the consultant is refused."""
    s.require(Capability.EDIT)
    start, end = _times(starts_at, minutes)
    chosen_form = check_choice(form, "相談形態", FORMS)
    text = check_text(purpose, "相談の内容（予定）")
    if jst_day(start) < s.clock.today():
        raise ValidationError("予約の日付が過ぎています。今日以降の日時を選んでください。")
    with unit_of_work(s) as work:
        consultant = consultant_or_404(work.session, consultant_id)
        if not consultant.active:
            raise ValidationError(
                f"相談員「{consultant.name}」は現在予約を受け付けていません。別の相談員を選んでください。"
            )
        business = business_or_404(work.session, business_id)
        other = _clash(work.session, consultant.id, start, end)
        if other is not None:
            raise ValidationError(
                f"相談員「{consultant.name}」は {_hm(other.starts_at)}〜{_hm(other.ends_at)} に別の予約"
                f"（予約番号 {other.id}）があります。別の時間か別の相談員を選んでください。"
            )
        booking = Booking(
            consultant_id=consultant.id,
            business_id=business.id,
            starts_at=start,
            ends_at=end,
            day=jst_day(start),
            form=chosen_form,
            purpose=text,
            status="予約",
            owner=owner_of(s),
            created_by=s.user.name,
            created_at=s.clock.now(),
        )
        work.session.add(booking)
        work.session.flush()
        entry = work.audit(
            "booking.add", target_type="business", target_id=business.id, booking_id=booking.id
        )
        stamp(entry, booking)
        return change(
            "booking", "booking.add", (booking.id,), entry.seq, booking_rows(work.session, [booking])[0]
        )


def cancel_booking(s: VaultSession, booking_id: int, *, reason: str = "") -> Change[BookingRow]:
    """Cancel a booking (kept, with 取消). A completed or already cancelled booking cannot be cancelled."""
    s.require(Capability.EDIT)
    why = check_text(reason, "取消の理由")
    with unit_of_work(s) as work:
        booking = get_or_404(work.session, Booking, booking_id, "予約")
        check_own(s, booking, "予約")
        if booking.status != "予約":
            raise ValidationError(f"この予約は{booking.status}のため取り消せません。")
        booking.status = "取消"
        booking.cancelled_at = s.clock.now()
        booking.cancel_reason = why
        entry = work.audit(
            "booking.cancel", target_type="business", target_id=booking.business_id, booking_id=booking.id
        )
        stamp(entry, booking)
        return change(
            "booking", "booking.cancel", (booking.id,), entry.seq, booking_rows(work.session, [booking])[0]
        )


def week_of(day: dt.date) -> dt.date:
    """The Monday of `day`'s week."""
    return day - dt.timedelta(days=day.weekday())


def week_bookings(s: VaultSession, day: dt.date, *, include_cancelled: bool = False) -> WeekView:
    """The bookings of the week (Monday to Sunday) that holds `day`, and the active consultants."""
    s.require(Capability.READ)
    monday = week_of(day)
    days = tuple(monday + dt.timedelta(days=offset) for offset in range(7))
    with read_session(s) as session:
        query = (
            select(Booking)
            .where(Booking.day >= days[0], Booking.day <= days[-1])
            .order_by(Booking.starts_at, Booking.consultant_id, Booking.id)
        )
        if not include_cancelled:
            query = query.where(Booking.status.in_(LIVE))
        bookings = session.execute(query).scalars().all()
        consultants = session.execute(
            select(Consultant)
            .where(Consultant.active.is_(True))
            .order_by(Consultant.name_kana, Consultant.id)
        ).scalars()
        return WeekView(
            first_day=monday,
            days=days,
            consultants=tuple(consultant_row(c) for c in consultants),
            bookings=tuple(booking_rows(session, bookings)),
        )


def free_slots(
    s: VaultSession, consultant_id: int, day: dt.date, *, minutes: int = SLOT_MINUTES
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The consultant's free slots of `minutes` on `day` within office hours (9:00–17:00)."""
    s.require(Capability.READ)
    start_of_day = dt.datetime.combine(day, OFFICE_HOURS[0], tzinfo=JST)
    end_of_day = dt.datetime.combine(day, OFFICE_HOURS[1], tzinfo=JST)
    with read_session(s) as session:
        consultant_or_404(session, consultant_id)
        taken = session.execute(
            select(Booking.starts_at, Booking.ends_at).where(
                Booking.consultant_id == consultant_id, Booking.day == day, Booking.status.in_(LIVE)
            )
        ).all()
    slots = []
    at = start_of_day
    step = dt.timedelta(minutes=minutes)
    while at + step <= end_of_day:
        if not any(begin < at + step and end > at for begin, end in taken):
            slots.append((at, at + step))
        at += step
    return slots

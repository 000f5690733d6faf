"""Seminars (セミナー) and their applicants (申込者), with a waiting list.

An application takes a seat (参加確定) while the seminar has room and otherwise joins the waiting list
(キャンセル待ち) in `queue_no` order; when a seat is given up (取消), the first on the waiting list moves up
(`confirmed_at` says when). Cancelled applications are kept. `attended` is None until attendance is taken.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime

SEMINAR_STATUSES = ("予定", "中止")
APPLICATION_STATUSES = ("参加確定", "キャンセル待ち", "取消")


class Seminar(Base):
    __tablename__ = "seminars"
    __table_args__ = (Index("ix_seminars_held_on", "held_on"), Index("ix_seminars_change_seq", "change_seq"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(256), nullable=False)
    held_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    starts_at: Mapped[dt.time | None] = mapped_column(Time)
    ends_at: Mapped[dt.time | None] = mapped_column(Time)
    venue: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    capacity: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(8), nullable=False, default="予定")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    owner: Mapped[str] = mapped_column(String(16), nullable=False, default="contractor")
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    change_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class SeminarApplication(Base):
    __tablename__ = "seminar_applications"
    __table_args__ = (
        Index("ix_seminar_applications_seminar", "seminar_id", "status", "queue_no"),
        Index("ix_seminar_applications_business", "business_id"),
        Index("ix_seminar_applications_change_seq", "change_seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seminar_id: Mapped[int] = mapped_column(ForeignKey("seminars.id"), nullable=False)
    business_id: Mapped[int] = mapped_column(ForeignKey("businesses.id"), nullable=False)
    attendee: Mapped[str] = mapped_column(String(128), nullable=False)
    attendee_kana: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    queue_no: Mapped[int] = mapped_column(Integer, nullable=False)
    applied_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    attended: Mapped[bool | None] = mapped_column(Boolean)
    owner: Mapped[str] = mapped_column(String(16), nullable=False, default="contractor")
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    change_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

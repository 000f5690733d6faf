"""Consultation bookings (相談予約): a consultant's slot taken by a business.

Two live bookings (予約 or 完了) of one consultant never overlap: the booking service refuses it inside
its write transaction. A cancellation keeps the row (状態 取消, with when and why).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime

BOOKING_STATUSES = ("予約", "完了", "取消")


class Booking(Base):
    __tablename__ = "bookings"
    __table_args__ = (
        Index("ix_bookings_consultant_start", "consultant_id", "starts_at"),
        Index("ix_bookings_day", "day"),
        Index("ix_bookings_change_seq", "change_seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultant_id: Mapped[int] = mapped_column(ForeignKey("consultants.id"), nullable=False)
    business_id: Mapped[int] = mapped_column(ForeignKey("businesses.id"), nullable=False)
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    day: Mapped[dt.date] = mapped_column(Date, nullable=False)
    form: Mapped[str] = mapped_column(String(8), nullable=False, default="窓口")
    purpose: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    status: Mapped[str] = mapped_column(String(8), nullable=False, default="予約")
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    cancel_reason: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    consultation_id: Mapped[int | None] = mapped_column(ForeignKey("consultations.id"))
    owner: Mapped[str] = mapped_column(String(16), nullable=False, default="contractor")
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    change_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

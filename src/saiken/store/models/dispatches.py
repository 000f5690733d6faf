"""Advisors (専門家), their dispatches to businesses (専門家派遣) with travel and lodging, and the fee
standards in force by period.

Distances are whole metres (`car_m`, `route_m`): 123.7 km is 123,700, exact, never a float. The fee is
not stored: it is computed by `saiken.domain.advisor_fees` from these inputs under the fee standard in
force on the dispatch's day (`fee_standards.valid_from`, the newest on or before the day; seed 004's
figures when there is none).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime

DISPATCH_STATUSES = ("予定", "実施", "取消")


class Advisor(Base):
    __tablename__ = "advisors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), nullable=False, unique=True)
    name_kana: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    specialty: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    qualification: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    base: Mapped[str] = mapped_column(String(256), nullable=False, default="")  # 主たる活動拠点
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    owner: Mapped[str] = mapped_column(String(16), nullable=False, default="contractor")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    change_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class Dispatch(Base):
    __tablename__ = "dispatches"
    __table_args__ = (
        Index("ix_dispatches_advisor_day", "advisor_id", "day"),
        Index("ix_dispatches_day", "day"),
        Index("ix_dispatches_business", "business_id"),
        Index("ix_dispatches_change_seq", "change_seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    advisor_id: Mapped[int] = mapped_column(ForeignKey("advisors.id"), nullable=False)
    business_id: Mapped[int] = mapped_column(ForeignKey("businesses.id"), nullable=False)
    day: Mapped[dt.date] = mapped_column(Date, nullable=False)
    start_time: Mapped[dt.time] = mapped_column(Time, nullable=False)
    end_time: Mapped[dt.time] = mapped_column(Time, nullable=False)
    break_minutes: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    car_m: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    transport_yen: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    route_m: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(8), nullable=False, default="実施")
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    owner: Mapped[str] = mapped_column(String(16), nullable=False, default="contractor")
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    change_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class DispatchNight(Base):
    __tablename__ = "dispatch_nights"
    __table_args__ = (Index("ix_dispatch_nights_dispatch", "dispatch_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dispatch_id: Mapped[int] = mapped_column(ForeignKey("dispatches.id", ondelete="CASCADE"), nullable=False)
    night_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    amount: Mapped[int] = mapped_column(Integer, nullable=False)


class FeeStandard(Base):
    __tablename__ = "fee_standards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    valid_from: Mapped[dt.date] = mapped_column(Date, nullable=False, unique=True)
    figures: Mapped[str] = mapped_column(
        Text, nullable=False
    )  # JSON of saiken.domain.advisor_fees.FeeProfile
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)

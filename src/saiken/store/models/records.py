"""Negotiation records (交渉記録). A correction adds a new version with the same `record_key`;
the older version stays with `superseded = True`, so the history is always readable."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime

CHANNELS = ("電話", "来所", "訪問", "書面", "メール")
DIRECTIONS = ("発信", "受信")


class NegotiationRecord(Base):
    __tablename__ = "negotiation_records"
    __table_args__ = (
        UniqueConstraint("record_key", "version", name="uq_negotiation_records_key_version"),
        Index("ix_negotiation_records_debtor", "debtor_id", "superseded", "at"),
        Index("ix_negotiation_records_at", "at"),
        Index("ix_negotiation_records_next_action", "next_action_on"),
        Index("ix_negotiation_records_current_at", "superseded", "at"),  # the 交渉記録 area (0010)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="CASCADE"), nullable=False)
    record_key: Mapped[str] = mapped_column(String(32), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    superseded: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    channel: Mapped[str] = mapped_column(String(8), nullable=False)
    direction: Mapped[str] = mapped_column(String(8), nullable=False)
    person: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    handler_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    promise_amount: Mapped[int | None] = mapped_column(Integer)
    promise_date: Mapped[dt.date | None] = mapped_column(Date)
    next_action_on: Mapped[dt.date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)

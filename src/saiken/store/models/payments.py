"""Payments (入金). Never updated: a correction is a reversing entry (negative amount, `reverses_id`) plus a new one."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (Index("ix_payments_debtor", "debtor_id", "paid_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="CASCADE"), nullable=False)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"))
    paid_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    amount: Mapped[int] = mapped_column(Integer, nullable=False)
    source: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    confirmed_by_ward: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)

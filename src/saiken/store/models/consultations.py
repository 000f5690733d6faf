"""Consultants (相談員) and consultation records (相談記録).

A correction adds a new version with the same `record_key`; the older version stays with
`superseded = True` (DESIGN §4 convention 5), so reports and lists read `superseded = False` only.
`day` is the Japanese calendar day of `at`, kept for the reports' month and fiscal-year ranges.
`industry` is the business's, copied and kept in step by the business service (the reports count
over one covering index). `categories` is a bit set over `saiken.domain.consultation_terms.CATEGORIES` (bit 0 = 資金繰り …), see
`saiken.services.consultations.common.categories_mask`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime


class Consultant(Base):
    __tablename__ = "consultants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), nullable=False, unique=True)
    name_kana: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    user_name: Mapped[str] = mapped_column(String(64), nullable=False, default="")  # the app account, if any
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    owner: Mapped[str] = mapped_column(String(16), nullable=False, default="contractor")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    change_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class Consultation(Base):
    __tablename__ = "consultations"
    __table_args__ = (
        UniqueConstraint("record_key", "version", name="uq_consultations_key_version"),
        Index("ix_consultations_business", "business_id", "superseded", "at"),
        Index("ix_consultations_current_at", "superseded", "at"),
        Index("ix_consultations_change_seq", "change_seq"),
        # covering for the reports and the filters: no wide row (contents) is read to count a period
        Index(
            "ix_consultations_report",
            "superseded",
            "day",
            "form",
            "consultant_id",
            "industry",
            "categories",
            "loan_status",
            "business_id",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_key: Mapped[str] = mapped_column(String(32), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    superseded: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    business_id: Mapped[int] = mapped_column(ForeignKey("businesses.id"), nullable=False)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    day: Mapped[dt.date] = mapped_column(Date, nullable=False)
    consultant_id: Mapped[int] = mapped_column(ForeignKey("consultants.id"), nullable=False)
    form: Mapped[str] = mapped_column(String(8), nullable=False)
    categories: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # the business's industry, kept in step with it (for the reports' covering index; not an owned fact)
    industry: Mapped[str] = mapped_column(String(32), nullable=False, default="その他")
    contents: Mapped[str] = mapped_column(Text, nullable=False, default="")
    loan_bank: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    loan_amount: Mapped[int | None] = mapped_column(Integer)
    loan_status: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date)
    dispatch_id: Mapped[int | None] = mapped_column(ForeignKey("dispatches.id"))
    owner: Mapped[str] = mapped_column(String(16), nullable=False, default="contractor")
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    change_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

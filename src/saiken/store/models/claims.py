"""Claims (債権 / 返還金) of a debtor and the subsidy tranches they were received in."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base

NATURE_PUBLIC = "public"  # 公法上の債権
NATURE_PRIVATE = "private"  # 私法上の債権


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_debtor", "debtor_id"),
        Index("ix_claims_due_date", "due_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="CASCADE"), nullable=False)
    programme: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    fiscal_year: Mapped[int | None] = mapped_column(Integer)
    decision_date: Mapped[dt.date | None] = mapped_column(Date)
    grant_amount: Mapped[int | None] = mapped_column(Integer)
    order_date: Mapped[dt.date | None] = mapped_column(Date)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    principal: Mapped[int] = mapped_column(Integer, nullable=False)
    nature: Mapped[str] = mapped_column(String(8), nullable=False, default=NATURE_PUBLIC)


class ReceiptTranche(Base):
    """A part of the subsidy received on one day (加算金 runs from each tranche's received date)."""

    __tablename__ = "receipt_tranches"
    __table_args__ = (Index("ix_receipt_tranches_claim", "claim_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), nullable=False)
    received_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    amount: Mapped[int] = mapped_column(Integer, nullable=False)

"""Instalment plans (分納) agreed in a settlement, and their schedule rows."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime

PLAN_ACTIVE = "履行中"
PLAN_COMPLETED = "完了"
PLAN_ACCELERATED = "期限の利益喪失"
PLAN_CANCELLED = "取消"
PLAN_STATUSES = (PLAN_ACTIVE, PLAN_COMPLETED, PLAN_ACCELERATED, PLAN_CANCELLED)


class InstalmentPlan(Base):
    __tablename__ = "instalment_plans"
    __table_args__ = (Index("ix_instalment_plans_debtor", "debtor_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="CASCADE"), nullable=False)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"))
    total: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default=PLAN_ACTIVE)
    agreed_on: Mapped[dt.date | None] = mapped_column(Date)
    accelerated_on: Mapped[dt.date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)


class InstalmentRow(Base):
    __tablename__ = "instalment_rows"
    __table_args__ = (UniqueConstraint("plan_id", "seq", name="uq_instalment_rows_plan_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("instalment_plans.id", ondelete="CASCADE"), nullable=False
    )
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    due_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    amount: Mapped[int] = mapped_column(Integer, nullable=False)

"""Debtors (債務者), their coloured tags, and the denormalised totals kept for fast lists and filters.

`principal_total`, `paid_total` and `next_action_on` are kept up to date by `saiken.services.debtors` in
the same transaction as the change that moves them; `balance_total` is a generated column
(the principal still unpaid: max(principal_total - paid_total, 0), since payments go to the principal
first and the rest to the charges) so it can never disagree with them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Computed,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime


class Debtor(Base):
    __tablename__ = "debtors"
    __table_args__ = (
        UniqueConstraint("engagement_id", "management_no", name="uq_debtors_engagement_management_no"),
        Index("ix_debtors_reading", "name_kana", "management_no"),
        Index("ix_debtors_status", "status"),
        Index("ix_debtors_handler", "handler_user_id"),
        Index("ix_debtors_balance", "balance_total"),
        Index("ix_debtors_next_action", "next_action_on"),
        Index("ix_debtors_management_no", "management_no"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id"), nullable=False)
    management_no: Mapped[str] = mapped_column(String(32), nullable=False)
    kind: Mapped[str] = mapped_column(String(8), nullable=False, default="法人")  # 法人 / 個人
    name: Mapped[str] = mapped_column(String(256), nullable=False)
    name_kana: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    representative: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    representative_kana: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    postal_code: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    address: Mapped[str] = mapped_column(String(512), nullable=False, default="")
    mailing_postal_code: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    mailing_address: Mapped[str] = mapped_column(String(512), nullable=False, default="")
    phone: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    phone2: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    email: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="未着手")
    handler_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    principal_total: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    paid_total: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    balance_total: Mapped[int] = mapped_column(Integer, Computed("max(principal_total - paid_total, 0)"))
    next_action_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    colour: Mapped[str] = mapped_column(String(9), nullable=False, default="#808080")  # #RRGGBB


class DebtorTag(Base):
    __tablename__ = "debtor_tags"
    __table_args__ = (Index("ix_debtor_tags_tag", "tag_id"),)

    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)

"""The documents-sent log (発送記録): what was mailed to a debtor, how, and whether it came back."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime

MAIL_METHODS = ("普通", "書留", "簡易書留", "特定記録")


class DocumentSent(Base):
    __tablename__ = "documents_sent"
    __table_args__ = (Index("ix_documents_sent_debtor", "debtor_id", "sent_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="CASCADE"), nullable=False)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    sent_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    method: Mapped[str] = mapped_column(String(16), nullable=False)
    tracking_no: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    returned_on: Mapped[dt.date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)

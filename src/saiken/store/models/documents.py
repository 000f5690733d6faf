"""The documents-sent log (発送記録): what was mailed to a debtor, how, and whether it came back.

A letter printed by a batch (`saiken.services.letters`) also records its batch, the template version it
was made from, its document number (文書番号) and its pages; a returned letter records why it came back
(宛所不明, 受取拒否 …). Entries logged by hand leave those empty."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from saiken.domain.letter_kinds import MAIL_METHODS, RETURN_REASONS
from saiken.store.base import Base, UTCDateTime

__all__ = ["MAIL_METHODS", "RETURN_REASONS", "DocumentSent"]


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
    returned_reason: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("letter_batches.id"))
    template_version_id: Mapped[int | None] = mapped_column(ForeignKey("letter_template_versions.id"))
    document_number: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    pages: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)

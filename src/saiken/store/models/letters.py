"""Letter templates and their versions, the per-year document-number sequence, and letter batches.

- A template (文書ひな形) has a kind and a name; its text lives in versions. A version is a draft, approved
  (by a supervisor, who is recorded) or retired; approved text is never edited, a change is a new version.
  `source` says where the text came from: `default` (shipped, resources/templates/), `editor`, `package`.
- `document_sequences` holds the last 文書番号 given in each fiscal year (年度); numbers are taken in the
  same transaction as the letters that print them, so a number is never given twice or skipped.
- A batch is one run of letters (one PDF): its kind, template version, letter date, pay-by date, mailing
  method and counts. Each letter of it is a `documents_sent` row pointing back to the batch.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime


class LetterTemplate(Base):
    __tablename__ = "letter_templates"
    __table_args__ = (UniqueConstraint("name", name="uq_letter_templates_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    name: Mapped[str] = mapped_column(String(128), nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)


class TemplateVersion(Base):
    __tablename__ = "letter_template_versions"
    __table_args__ = (
        UniqueConstraint("template_id", "version", name="uq_letter_template_versions_template_id"),
        Index("ix_letter_template_versions_state", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("letter_templates.id", ondelete="CASCADE"), nullable=False
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    state: Mapped[str] = mapped_column(String(16), nullable=False, default="draft")
    text: Mapped[str] = mapped_column(Text, nullable=False)
    source: Mapped[str] = mapped_column(String(16), nullable=False, default="editor")
    note: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    retired_by: Mapped[str | None] = mapped_column(String(64))
    retired_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class DocumentSequence(Base):
    __tablename__ = "document_sequences"

    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class LetterBatch(Base):
    __tablename__ = "letter_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    template_version_id: Mapped[int] = mapped_column(
        ForeignKey("letter_template_versions.id"), nullable=False
    )
    letter_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    pay_by: Mapped[dt.date] = mapped_column(Date, nullable=False)
    method: Mapped[str] = mapped_column(String(16), nullable=False)
    source: Mapped[str] = mapped_column(String(16), nullable=False)  # condition / selection / card
    condition_name: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    letters: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    pages: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    skipped: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)

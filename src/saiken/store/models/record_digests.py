"""Digests of records as the application left them, one row per record per audited transaction
(saiken.services.record_digests): `audit verify --records` names records changed outside the application."""

from __future__ import annotations

from sqlalchemy import Integer, PrimaryKeyConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base


class RecordDigest(Base):
    __tablename__ = "record_digests"
    __table_args__ = (PrimaryKeyConstraint("tbl", "row_id", "seq"),)

    tbl: Mapped[str] = mapped_column(String(64), nullable=False)
    row_id: Mapped[int] = mapped_column(Integer, nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False, index=True)  # the audit entry that carries it
    digest: Mapped[str] = mapped_column(String(64), nullable=False)  # SHA-256 hex, or "deleted"

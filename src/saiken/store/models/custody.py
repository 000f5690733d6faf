"""Media (CD-R, DVD-R, paper) and the custody ledger (管理簿 / 確認記録票) of every handover.

Ledger entries are append-only, hash-chained and signed by the member who recorded them; a correction is a
new entry. A medium is open from the moment it is prepared or received until it is returned, destroyed or
its data erased.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime


class Medium(Base):
    __tablename__ = "media"
    __table_args__ = (Index("ix_media_status", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    medium_id: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)  # the label on the disc
    kind: Mapped[str] = mapped_column(String(8), nullable=False)  # CD-R / DVD-R / 紙
    direction: Mapped[str] = mapped_column(String(3), nullable=False)  # out: made here; in: received
    engagement_id: Mapped[int | None] = mapped_column(ForeignKey("engagements.id"))
    counterpart_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    package_id: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class LedgerEntry(Base):
    __tablename__ = "custody_ledger"
    __table_args__ = (
        Index("ix_custody_ledger_medium", "medium_id"),
        Index("ix_custody_ledger_package", "package_id"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)  # when it happened
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    event: Mapped[str] = mapped_column(String(24), nullable=False)
    engagement_id: Mapped[int | None] = mapped_column(Integer)  # kept after an erasure, so no foreign key
    medium_id: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    medium_kind: Mapped[str] = mapped_column(String(8), nullable=False, default="")
    package_id: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    content: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    records: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    files: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    media: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    handler: Mapped[str] = mapped_column(String(64), nullable=False)
    counterpart_org: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    counterpart_person: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    fingerprint: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    counterpart_checkpoint: Mapped[str] = mapped_column(Text, nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    same_occasion: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    signer: Mapped[str] = mapped_column(String(64), nullable=False)
    signature: Mapped[str] = mapped_column(Text, nullable=False, default="")

"""Handover packages sent and received, and what each outgoing package carried (for "changes since the
last one the counterpart acknowledged"). Manifests hold no personal data, so they stay after an erasure."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column

from saiken.store.base import Base, UTCDateTime

DIRECTION_OUT = "out"
DIRECTION_IN = "in"


class HandoverPackage(Base):
    __tablename__ = "handover_packages"
    __table_args__ = (
        UniqueConstraint("package_id", name="uq_handover_packages_package_id"),
        Index("ix_handover_packages_engagement", "engagement_id", "direction", "sequence"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(32), nullable=False)
    direction: Mapped[str] = mapped_column(String(3), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id"), nullable=False)
    counterpart_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), nullable=False)
    sequence: Mapped[int] = mapped_column(Integer, nullable=False)
    previous_package_id: Mapped[str | None] = mapped_column(String(32))
    acknowledged_package_id: Mapped[str | None] = mapped_column(String(32))
    media_id: Mapped[str] = mapped_column(String(64), nullable=False)
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    records: Mapped[str] = mapped_column(Text, nullable=False, default="{}")  # JSON counts
    sender_checkpoint: Mapped[str] = mapped_column(Text, nullable=False, default="{}")  # JSON
    manifest: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    signature: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)  # the sender's account
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    handled_by: Mapped[str] = mapped_column(String(64), nullable=False)  # who exported or imported here
    handled_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # out: counterpart confirmed
    verified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # out: the burned medium re-read
    voided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # out: never handed over


class SyncKey(Base):
    """Which local row each record of the counterpart (its key in packages) became: one JSON object
    {key: local id} per engagement and entity, read and written whole by an import."""

    __tablename__ = "sync_keys"

    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id"), primary_key=True)
    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    keys: Mapped[str] = mapped_column(Text, nullable=False, default="{}")


class SyncSent(Base):
    """The digests of the records an outgoing package carried: {key: digest} per entity."""

    __tablename__ = "sync_sent"

    package_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id"), nullable=False)
    digests: Mapped[str] = mapped_column(Text, nullable=False, default="{}")


class SyncAcknowledged(Base):
    """The digest of each record as the counterpart last acknowledged it (the baseline of the next
    package): {key: digest} per engagement and entity."""

    __tablename__ = "sync_acknowledged"

    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id"), primary_key=True)
    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    digests: Mapped[str] = mapped_column(Text, nullable=False, default="{}")

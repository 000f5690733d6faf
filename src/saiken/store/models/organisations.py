"""Counterpart organisations (the ward or the contractor on the other side) and their public keys.

A counterpart is added from the key file it exported (`org export-key`) and paired on paper: both sides
print the fingerprint sheet and compare the fingerprints before any package is trusted. Our own
organisation's key is not here: it belongs to the vault (branch trust, `org_public_key`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)  # "ward" or "contractor"
    public_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)  # raw Ed25519, 32 bytes
    fingerprint: Mapped[str] = mapped_column(String(128), nullable=False, unique=True)
    added_by: Mapped[str] = mapped_column(String(64), nullable=False)
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    confirmed_by: Mapped[str | None] = mapped_column(String(64))  # fingerprint compared on paper
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    retired_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

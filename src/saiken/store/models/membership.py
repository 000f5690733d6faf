"""The signed membership log (saiken.security.membership): one row per statement, in order."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base


class MembershipStatement(Base):
    __tablename__ = "membership_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement: Mapped[str] = mapped_column(Text, nullable=False)  # canonical JSON, exactly as signed
    signature: Mapped[str] = mapped_column(String(100), nullable=False)  # base64 Ed25519
    hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)

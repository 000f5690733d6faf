"""Erasure certificates (消去証明書): made here after an engagement erase (contractor), or received in an
`erasure` package (ward). They hold counts, media names, method and signatures — never personal data —
so they outlive the data they certify the end of."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from saiken.store.base import Base, UTCDateTime


class ErasureCertificate(Base):
    __tablename__ = "erasure_certificates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    certificate_no: Mapped[str] = mapped_column(String(32), nullable=False, unique=True)
    direction: Mapped[str] = mapped_column(String(3), nullable=False)  # out: made here; in: received
    engagement_uid: Mapped[str] = mapped_column(String(32), nullable=False)
    engagement_id: Mapped[int | None] = mapped_column(Integer)
    issuer: Mapped[str] = mapped_column(String(128), nullable=False)
    issuer_fingerprint: Mapped[str] = mapped_column(String(128), nullable=False)
    method: Mapped[str] = mapped_column(String(16), nullable=False)  # engagement / vault
    erased_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)  # the signed JSON statement
    signature: Mapped[str] = mapped_column(Text, nullable=False)
    pdf: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    package_id: Mapped[str | None] = mapped_column(String(32))
    recorded_by: Mapped[str] = mapped_column(String(64), nullable=False)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)

"""An engagement: one ward's outsourcing of collection to one contractor for a period, under a rule profile."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime


class Engagement(Base):
    __tablename__ = "engagements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ward: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    contractor: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    period_from: Mapped[dt.date | None] = mapped_column(Date)
    period_to: Mapped[dt.date | None] = mapped_column(Date)
    rule_profile: Mapped[str] = mapped_column(String(32), nullable=False, default="subsidy")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)

"""An engagement: one ward's outsourcing of collection to one contractor for a period, under a rule profile.

`uid` names the engagement in both vaults (it travels in every package's manifest); `counterpart_id` is the
organisation on the other side once the two are paired. An erased engagement keeps its row (name, period,
dates) so the ledger and the certificate can still say what was erased; its records are gone.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime

ENGAGEMENT_ACTIVE = "active"
ENGAGEMENT_CLOSED = "closed"
ENGAGEMENT_ERASED = "erased"


class Engagement(Base):
    __tablename__ = "engagements"
    __table_args__ = (Index("uq_engagements_uid", "uid", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ward: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    contractor: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    period_from: Mapped[dt.date | None] = mapped_column(Date)
    period_to: Mapped[dt.date | None] = mapped_column(Date)
    rule_profile: Mapped[str] = mapped_column(String(32), nullable=False, default="subsidy")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    uid: Mapped[str | None] = mapped_column(String(32), default=lambda: uuid.uuid4().hex)
    title: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    counterpart_id: Mapped[int | None] = mapped_column(Integer)  # organisations.id (no FK: added in 0008)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default=ENGAGEMENT_ACTIVE)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    erased_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

"""Each user's own preferences (日付の表示, the debtor list's columns …) as key/value text.

Keyed by the account name rather than the user id so that the recovery principal, which has no user row,
can keep preferences for its session too. Nothing here is personal data of a debtor.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime


class UserPreference(Base):
    __tablename__ = "user_preferences"

    user_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)

"""Businesses of the consultation area (経営サポート事業の事業者, seed 001) and their search index.

A business is a sole proprietor or a company in the ward: its name and reading, industry, employees,
address, phone, e-mail, and its representative with reading and date of birth — the items seed 001 lists.
`owner` says which side of the engagement made the record ("contractor" or "ward"): a handover package
carries only the records its sender owns. `change_seq` is the audit sequence number of the last action
that changed the row, so "changes since a point" is `change_seq > point`.

`business_search` holds the folded search keys (`saiken.domain.textfold.fold`), filled by
`saiken.services.consultations.search_index`; two FTS5 tables made by migration 0007 index them the same
way as the debtors' (trigram for terms of three or more folded characters, bigram tokens for shorter ones).
`consultation_fts` (trigram) and `consultation_grams` (bigram tokens, for terms of one or two characters)
index the folded contents of the current version of every consultation.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base, UTCDateTime

OWNERS = ("contractor", "ward")


class Business(Base):
    __tablename__ = "businesses"
    __table_args__ = (
        Index("ix_businesses_reading", "name_kana", "id"),
        Index("ix_businesses_change_seq", "change_seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), nullable=False, default="法人")  # 法人 / 個人事業主
    name: Mapped[str] = mapped_column(String(256), nullable=False)
    name_kana: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    industry: Mapped[str] = mapped_column(String(32), nullable=False, default="その他")
    employees: Mapped[int | None] = mapped_column(Integer)
    postal_code: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    address: Mapped[str] = mapped_column(String(512), nullable=False, default="")
    phone: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    email: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    representative: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    representative_kana: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    representative_born: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    owner: Mapped[str] = mapped_column(String(16), nullable=False, default="contractor")
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    change_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


BUSINESS_FTS = "business_fts"
BUSINESS_GRAMS = "business_grams"
CONSULTATION_FTS = "consultation_fts"
CONSULTATION_GRAMS = "consultation_grams"
BUSINESS_SEARCH_COLUMNS = (
    "name_key",
    "kana_key",
    "representative_key",
    "address_key",
    "phone_key",
    "email_key",
)


class BusinessSearch(Base):
    __tablename__ = "business_search"
    __table_args__ = (Index("ix_business_search_reading", "reading", "business_id"),)

    business_id: Mapped[int] = mapped_column(
        ForeignKey("businesses.id", ondelete="CASCADE"), primary_key=True
    )
    name_key: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    kana_key: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    representative_key: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    address_key: Mapped[str] = mapped_column(String(1024), nullable=False, default="")
    phone_key: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    email_key: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    reading: Mapped[str] = mapped_column(String(256), nullable=False, default="")


_COLUMNS = ", ".join(BUSINESS_SEARCH_COLUMNS)

FTS_DDL: tuple[str, ...] = (
    f"CREATE VIRTUAL TABLE {BUSINESS_GRAMS} USING fts5(grams, content='', contentless_delete=1, "
    "prefix='8', tokenize='ascii', detail='none')",
    f"CREATE VIRTUAL TABLE {BUSINESS_FTS} USING fts5({_COLUMNS}, content='', contentless_delete=1, "
    "tokenize='trigram')",
    f"CREATE VIRTUAL TABLE {CONSULTATION_FTS} USING fts5(contents_key, content='', contentless_delete=1, "
    "tokenize='trigram')",
    f"CREATE VIRTUAL TABLE {CONSULTATION_GRAMS} USING fts5(grams, content='', contentless_delete=1, "
    "prefix='8', tokenize='ascii', detail='none')",
    f"CREATE TRIGGER business_search_ad AFTER DELETE ON business_search BEGIN "
    f"DELETE FROM {BUSINESS_FTS} WHERE rowid = old.business_id; "
    f"DELETE FROM {BUSINESS_GRAMS} WHERE rowid = old.business_id; END",
)

FTS_DROP: tuple[str, ...] = (
    "DROP TRIGGER IF EXISTS business_search_ad",
    f"DROP TABLE IF EXISTS {CONSULTATION_GRAMS}",
    f"DROP TABLE IF EXISTS {CONSULTATION_FTS}",
    f"DROP TABLE IF EXISTS {BUSINESS_FTS}",
    f"DROP TABLE IF EXISTS {BUSINESS_GRAMS}",
)

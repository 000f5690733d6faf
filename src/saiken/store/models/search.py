"""The debtor search index (検索索引): folded search keys of each debtor, and the two FTS5 indexes over them.

`debtor_search` holds one row per debtor with the keys made by `saiken.domain.textfold.fold` (name, reading,
representative and reading, address, management number) and the phone digits, plus `reading`, the sort key
of the list (folded reading without the corporate form, which gives 五十音 order).

Two FTS5 virtual tables (made by migration 0003_search, not by the ORM):

- `debtor_fts` — contentless (`contentless_delete=1`, rowid = debtor id) over the six key columns,
  `tokenize='trigram'`: every query term of three or more folded characters.
- `debtor_grams` — contentless (`contentless_delete=1`), one document per debtor (rowid = debtor id) holding
  every bigram and each field's last character, written as ASCII tokens (eight hex digits per character,
  its UTF-32 code) so that no tokenizer rule can split or fold them. A two-character term is one token; a
  one-character term is the prefix query `token*`, answered by the `prefix='8'` index. Maintained by
  `saiken.services.debtors.search_index.reindex_debtor`.

Both are written by `saiken.services.debtors.search_index.write_keys`; deleting a `debtor_search` row (a debtor
deleted, by cascade) removes its entries from both through the delete trigger.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from saiken.store.base import Base
from saiken.store.models.claims import Claim

FTS_TABLE = "debtor_fts"
GRAMS_TABLE = "debtor_grams"
GRAM_HEX = 8  # hex digits per character in a gram token
SEARCH_COLUMNS = ("name_key", "kana_key", "representative_key", "address_key", "management_key", "phone_key")


class DebtorSearch(Base):
    __tablename__ = "debtor_search"
    __table_args__ = (
        Index("ix_debtor_search_reading", "reading", "management_no"),
        # covering: counting and sorting the ids an FTS5 MATCH gives without reading the wide rows
        Index("ix_debtor_search_id_reading", "debtor_id", "reading", "management_no"),
    )

    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtors.id", ondelete="CASCADE"), primary_key=True)
    name_key: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    kana_key: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    representative_key: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    address_key: Mapped[str] = mapped_column(String(1024), nullable=False, default="")
    management_key: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    phone_key: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    reading: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    management_no: Mapped[str] = mapped_column(String(32), nullable=False, default="")


# The due-date filter ("any claim due in the range") reads only this index, never the claims rows.
CLAIMS_DUE_INDEX = Index("ix_claims_due_date_debtor", Claim.due_date, Claim.debtor_id)


_COLUMNS = ", ".join(SEARCH_COLUMNS)

# DDL for the migration (and for anything that builds the schema without Alembic). Both FTS5 tables are
# contentless with `contentless_delete=1` (SQLite >= 3.43) and written by `search_index.write_keys` with
# plain executemany: an external-content table fed by triggers was ~100x slower to fill.
FTS_DDL: tuple[str, ...] = (
    f"CREATE VIRTUAL TABLE {GRAMS_TABLE} USING fts5(grams, content='', contentless_delete=1, "
    "prefix='8', tokenize='ascii', detail='none')",
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({_COLUMNS}, content='', contentless_delete=1, "
    "tokenize='trigram')",
    f"CREATE TRIGGER debtor_search_ad AFTER DELETE ON debtor_search BEGIN "
    f"DELETE FROM {FTS_TABLE} WHERE rowid = old.debtor_id; "
    f"DELETE FROM {GRAMS_TABLE} WHERE rowid = old.debtor_id; END",
)

FTS_DROP: tuple[str, ...] = (
    "DROP TRIGGER IF EXISTS debtor_search_ad",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
    f"DROP TABLE IF EXISTS {GRAMS_TABLE}",
)

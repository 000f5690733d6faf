"""Keeping the debtor search index in step with the debtors (DESIGN §8 text folding, issue 3 item 6).

Every service that writes a debtor's searchable fields (name, readings, representative, addresses, phones,
management number) calls `reindex_debtor(session, debtor_id)` in the same transaction. The import calls
`index_debtors` for its whole batch. `rebuild_search_index` makes the index again from the debtors table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, delete, select, text
from sqlalchemy.orm import Session

from saiken.domain.textfold import digits_only
from saiken.services.textsearch import (
    CORPORATE_READINGS,
    FIELD_SEPARATOR,
    clear_fold_cache,
    gram_token,
    grams_of,
    sort_reading,
    value_grams,
)
from saiken.services.textsearch import cached_fold as _fold
from saiken.services.textsearch import join_values as _join
from saiken.store.bulk import insert_rows
from saiken.store.models.debtors import Debtor
from saiken.store.models.search import FTS_TABLE, GRAMS_TABLE, SEARCH_COLUMNS, DebtorSearch

# The shared machinery (saiken.services.textsearch), re-exported under the names this module always had.
__all__ = [
    "CORPORATE_READINGS",
    "FIELD_SEPARATOR",
    "SearchKeys",
    "clear_fold_cache",
    "gram_token",
    "index_debtors",
    "keys_of",
    "optimize_search_index",
    "rebuild_search_index",
    "reindex_debtor",
    "search_keys",
    "sort_reading",
    "value_grams",
    "write_keys",
]


@dataclass(frozen=True, slots=True)
class SearchKeys:
    """The index row of one debtor (see `saiken.store.models.search`)."""

    debtor_id: int
    name_key: str
    kana_key: str
    representative_key: str
    address_key: str
    management_key: str
    phone_key: str
    reading: str
    management_no: str

    def row(self) -> dict[str, object]:
        return {
            "debtor_id": self.debtor_id,
            "name_key": self.name_key,
            "kana_key": self.kana_key,
            "representative_key": self.representative_key,
            "address_key": self.address_key,
            "management_key": self.management_key,
            "phone_key": self.phone_key,
            "reading": self.reading,
            "management_no": self.management_no,
        }

    def grams(self) -> str:
        """The gram document of `debtor_grams`: every bigram of every value and each value's last character."""
        return grams_of(
            (
                self.name_key,
                self.kana_key,
                self.representative_key,
                self.address_key,
                self.management_key,
                self.phone_key,
            )
        )


def search_keys(
    debtor_id: int,
    *,
    management_no: str,
    name: str,
    name_kana: str = "",
    representative: str = "",
    representative_kana: str = "",
    postal_code: str = "",
    address: str = "",
    mailing_postal_code: str = "",
    mailing_address: str = "",
    phone: str = "",
    phone2: str = "",
) -> SearchKeys:
    return SearchKeys(
        debtor_id=debtor_id,
        name_key=_fold(name),
        kana_key=_fold(name_kana),
        representative_key=_join(_fold(representative), _fold(representative_kana)),
        address_key=_join(
            digits_only(postal_code), _fold(address), digits_only(mailing_postal_code), _fold(mailing_address)
        ),
        management_key=_fold(management_no),
        phone_key=_join(digits_only(phone), digits_only(phone2)),
        reading=sort_reading(name_kana, name),
        management_no=management_no,
    )


def keys_of(debtor: Debtor) -> SearchKeys:
    return search_keys(
        debtor.id,
        management_no=debtor.management_no,
        name=debtor.name,
        name_kana=debtor.name_kana,
        representative=debtor.representative,
        representative_kana=debtor.representative_kana,
        postal_code=debtor.postal_code,
        address=debtor.address,
        mailing_postal_code=debtor.mailing_postal_code,
        mailing_address=debtor.mailing_address,
        phone=debtor.phone,
        phone2=debtor.phone2,
    )


_FTS_INSERT = (
    f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(SEARCH_COLUMNS)}) "
    f"SELECT debtor_id, {', '.join(SEARCH_COLUMNS)} FROM debtor_search"
)


def write_keys(session: Session, batch: Sequence[SearchKeys], *, fresh: bool = False) -> None:
    """Replace the index rows of `batch` in `debtor_search` and both FTS5 tables (bulk statements).

    `fresh=True` says none of these debtors is indexed yet (new ids): the deletes are skipped.
    """
    if not batch:
        return
    if not fresh:
        ids = [keys.debtor_id for keys in batch]
        for start in range(0, len(ids), 500):
            chunk = ",".join(str(int(debtor_id)) for debtor_id in ids[start : start + 500])
            # the delete trigger of debtor_search clears both FTS tables; these catch strays
            session.execute(text(f"DELETE FROM debtor_search WHERE debtor_id IN ({chunk})"))
            session.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({chunk})"))
            session.execute(text(f"DELETE FROM {GRAMS_TABLE} WHERE rowid IN ({chunk})"))
    connection = session.connection()
    insert_rows(connection, cast(Table, DebtorSearch.__table__), [keys.row() for keys in batch])
    # the trigram index is filled from the rows just written, in one statement (no second bind of the text)
    id_list = ",".join(str(int(keys.debtor_id)) for keys in batch)
    session.execute(text(f"{_FTS_INSERT} WHERE debtor_id IN ({id_list})"))
    connection.exec_driver_sql(
        f"INSERT INTO {GRAMS_TABLE}(rowid, grams) VALUES (?, ?)",
        [(keys.debtor_id, keys.grams()) for keys in batch],
    )


def reindex_debtor(session: Session, debtor_id: int) -> None:
    """Bring the index row of one debtor up to date (or remove it when the debtor is gone)."""
    session.flush()
    debtor = session.get(Debtor, debtor_id)
    if debtor is None:
        session.execute(delete(DebtorSearch).where(DebtorSearch.debtor_id == debtor_id))
        session.execute(text(f"DELETE FROM {GRAMS_TABLE} WHERE rowid = :id"), {"id": debtor_id})
        return
    write_keys(session, [keys_of(debtor)])


def index_debtors(session: Session, debtor_ids: Iterable[int]) -> int:
    """Reindex many debtors at once (the import's batch). Returns how many were indexed."""
    session.flush()
    ids = list(debtor_ids)
    count = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        debtors = session.scalars(select(Debtor).where(Debtor.id.in_(chunk))).all()
        write_keys(session, [keys_of(debtor) for debtor in debtors])
        count += len(debtors)
    return count


def rebuild_search_index(session: Session) -> int:
    """Make the whole index again from the debtors table (after a migration or a restore)."""
    session.execute(delete(DebtorSearch))
    for table in (FTS_TABLE, GRAMS_TABLE):
        session.execute(text(f"INSERT INTO {table}({table}) VALUES ('delete-all')"))
    ids = session.scalars(select(Debtor.id)).all()
    return index_debtors(session, ids)


def optimize_search_index(connection: Session | Any) -> None:
    """Merge the FTS5 segments of both indexes into one (after a large import: queries stay fast)."""
    for table in (FTS_TABLE, GRAMS_TABLE):
        statement = f"INSERT INTO {table}({table}) VALUES ('optimize')"
        if isinstance(connection, Session):
            connection.execute(text(statement))
        else:
            connection.execute(statement)

"""Keeping the business and consultation search indexes in step (DESIGN §8 text folding).

The keys are made exactly as the debtors' are — the same `fold`, the same gram tokens, the same reading
sort key (`saiken.services.textsearch`, shared with the debtor search) — into `business_search` and its FTS5 tables, and the folded
contents of each current consultation into `consultation_fts`. Every service that writes a business's
searchable fields calls `reindex_business`, and every one that writes a consultation `index_consultation`
(a superseded version leaves the indexes), in the same transaction. The contents are indexed twice: trigrams
for terms of three or more folded characters, bigram tokens (as the debtors' gram index) for shorter ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from saiken.domain.textfold import digits_only, fold
from saiken.services.textsearch import grams_of, join_values, sort_reading, value_grams
from saiken.store.models import Business, BusinessSearch, Consultation
from saiken.store.models.businesses import (
    BUSINESS_FTS,
    BUSINESS_GRAMS,
    BUSINESS_SEARCH_COLUMNS,
    CONSULTATION_FTS,
    CONSULTATION_GRAMS,
)


def business_keys(business: Business) -> dict[str, object]:
    """The `business_search` row of `business`."""
    return {
        "business_id": business.id,
        "name_key": fold(business.name),
        "kana_key": fold(business.name_kana),
        "representative_key": join_values(fold(business.representative), fold(business.representative_kana)),
        "address_key": join_values(digits_only(business.postal_code), fold(business.address)),
        "phone_key": digits_only(business.phone),
        "email_key": fold(business.email),
        "reading": sort_reading(business.name_kana, business.name),
    }


def write_business_keys(session: Session, businesses: Sequence[Business], *, fresh: bool = False) -> None:
    """Replace the index rows of `businesses` (bulk statements). `fresh`: none is indexed yet."""
    if not businesses:
        return
    ids = ",".join(str(int(b.id)) for b in businesses)
    if not fresh:
        session.execute(text(f"DELETE FROM business_search WHERE business_id IN ({ids})"))
        session.execute(text(f"DELETE FROM {BUSINESS_FTS} WHERE rowid IN ({ids})"))
        session.execute(text(f"DELETE FROM {BUSINESS_GRAMS} WHERE rowid IN ({ids})"))
    rows = [business_keys(b) for b in businesses]
    session.execute(insert(BusinessSearch), rows)
    columns = ", ".join(BUSINESS_SEARCH_COLUMNS)
    session.execute(
        text(
            f"INSERT INTO {BUSINESS_FTS}(rowid, {columns}) SELECT business_id, {columns} FROM business_search "
            f"WHERE business_id IN ({ids})"
        )
    )
    session.execute(
        text(f"INSERT INTO {BUSINESS_GRAMS}(rowid, grams) VALUES (:rowid, :grams)"),
        [
            {"rowid": row["business_id"], "grams": grams_of(str(row[c]) for c in BUSINESS_SEARCH_COLUMNS)}
            for row in rows
        ],
    )


def reindex_business(session: Session, business_id: int) -> None:
    session.flush()
    business = session.get(Business, business_id)
    if business is not None:
        write_business_keys(session, [business])


def index_consultation(session: Session, consultation: Consultation, *, fresh: bool = True) -> None:
    """Put the current version's folded contents into `consultation_fts` and `consultation_grams`."""
    session.flush()
    if not fresh:
        unindex_consultation(session, consultation.id)
    index_consultations(session, [(consultation.id, consultation.contents)])


def index_consultations(session: Session, items: Iterable[tuple[int, str]]) -> None:
    """Bulk: (consultation id, contents) of new current versions, into both contents indexes."""
    rows = []
    for item_id, contents in items:
        key = fold(contents)
        rows.append({"id": item_id, "key": key, "grams": " ".join(value_grams(key))})
    if not rows:
        return
    session.execute(text(f"INSERT INTO {CONSULTATION_FTS}(rowid, contents_key) VALUES (:id, :key)"), rows)
    session.execute(text(f"INSERT INTO {CONSULTATION_GRAMS}(rowid, grams) VALUES (:id, :grams)"), rows)


def unindex_consultation(session: Session, consultation_id: int) -> None:
    for table in (CONSULTATION_FTS, CONSULTATION_GRAMS):
        session.execute(text(f"DELETE FROM {table} WHERE rowid = :id"), {"id": consultation_id})


def rebuild_consultation_indexes(session: Session) -> int:
    """Make both indexes again from the tables (after a restore or a bulk load). Returns the businesses."""
    session.execute(text("DELETE FROM business_search"))
    for table in (BUSINESS_FTS, BUSINESS_GRAMS, CONSULTATION_FTS, CONSULTATION_GRAMS):
        session.execute(text(f"INSERT INTO {table}({table}) VALUES ('delete-all')"))
    ids = list(session.scalars(select(Business.id)))
    for start in range(0, len(ids), 500):
        chunk = session.scalars(select(Business).where(Business.id.in_(ids[start : start + 500]))).all()
        write_business_keys(session, list(chunk), fresh=True)
    current = session.execute(
        select(Consultation.id, Consultation.contents).where(Consultation.superseded.is_(False))
    ).tuples()
    batch: list[tuple[int, str]] = []
    for item in current:
        batch.append(item)
        if len(batch) >= 2000:
            index_consultations(session, batch)
            batch = []
    if batch:
        index_consultations(session, batch)
    return len(ids)

"""The consultation search's query plan: terms to the ids they match, a filter to WHERE clauses, and a page
in newest-first order — worked out so that SQLite never builds a temporary B-tree (a sorter, a UNION or an
INTERSECT table, an IN table), which is what dominates a query on an encrypted vault.

Each term matches the current consultations of the businesses whose keys contain it (FTS5 over the
business keys, then their consultations through `ix_consultations_business`), or whose own folded contents
contain it (FTS5 over the contents): trigram phrases for three or more folded characters, gram tokens for
fewer. The ids come back as one `group_concat` text per statement (a Python row per id cost more than the
search itself: 35,000 ids of a two-character term took ~40 ms as rows, a few as one text) and are united and
intersected here, in Python sets. The other filters are applied by SQL: to a few matches by id, to many as the
ids passing them over the covering `ix_consultations_report`, in one statement (never one per chunk). A page
of many matches is read by walking `ix_consultations_current_at` (newest first) until it is full; a page of
few is sorted by `at` here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from saiken.services.consultations.common import categories_mask
from saiken.services.textsearch import match_for
from saiken.store.models.businesses import BUSINESS_FTS, BUSINESS_GRAMS, CONSULTATION_FTS, CONSULTATION_GRAMS

WALK_SHARE = 50  # walk the newest-first index when at least 1 in WALK_SHARE records matches
WALK_ROWS = 20_000  # without terms: walk when the page's end is expected within this many index rows
CHUNK = 500
FEW_IDS = 2000  # matches of the terms looked up by id; more: the filters' ids over the covering index


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...]
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    consultant_id: int | None = None
    form: str | None = None
    category: str | None = None
    business_id: int | None = None

    @property
    def filtered(self) -> bool:
        return any(
            value is not None
            for value in (
                self.date_from,
                self.date_to,
                self.consultant_id,
                self.form,
                self.category,
                self.business_id,
            )
        )


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    batch: list[int] = []
    for item in ids:
        batch.append(item)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _id_list(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids)


def _driver(session: Session) -> Any:
    """The session's DB-API connection (sqlcipher3), for reading long lists of ids without building a
    result object per row; inside the session's own transaction."""
    return session.connection().connection.driver_connection


def id_set(session: Session, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> set[int]:
    """The integers of `SELECT group_concat(…) …` (one text from SQLite instead of a Python row per id:
    tens of thousands of ids come back in a few milliseconds)."""
    value = _driver(session).execute(sql, params).fetchone()[0]
    return set(map(int, value.split(","))) if value else set()


def _fts(session: Session, term: str, trigram_table: str, gram_table: str) -> set[int]:
    table, match = match_for(term, trigram_table, gram_table)
    return id_set(session, f"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH ?", (match,))


def term_ids(session: Session, term: str) -> set[int]:
    """The ids of the current consultations matching one folded term (by business or by contents)."""
    found = _fts(session, term, CONSULTATION_FTS, CONSULTATION_GRAMS)
    for chunk in _chunks(sorted(_fts(session, term, BUSINESS_FTS, BUSINESS_GRAMS))):
        found |= id_set(
            session,
            "SELECT group_concat(id) FROM consultations INDEXED BY ix_consultations_business "
            f"WHERE business_id IN ({_id_list(chunk)}) AND superseded = 0",
        )
    return found


def filter_clauses(query: Query, params: dict[str, Any]) -> list[str]:
    clauses = ["c.superseded = 0"]
    if query.date_from is not None:
        clauses.append("c.day >= :date_from")
        params["date_from"] = query.date_from.isoformat()
    if query.date_to is not None:
        clauses.append("c.day <= :date_to")
        params["date_to"] = query.date_to.isoformat()
    if query.consultant_id is not None:
        clauses.append("c.consultant_id = :consultant_id")
        params["consultant_id"] = query.consultant_id
    if query.form is not None:
        clauses.append("c.form = :form")
        params["form"] = query.form
    if query.category is not None:
        clauses.append("(c.categories & :mask) != 0")
        params["mask"] = categories_mask([query.category])
    if query.business_id is not None:
        clauses.append("c.business_id = :business_id")
        params["business_id"] = query.business_id
    return clauses


def matching(session: Session, query: Query) -> set[int] | None:
    """The ids of every current consultation matching the terms and the filters; None without terms (then
    the filters alone decide, in SQL)."""
    if not query.terms:
        return None
    found: set[int] | None = None
    for term in query.terms:
        ids = term_ids(session, term)
        found = ids if found is None else found & ids
        if not found:
            return set()
    assert found is not None
    if query.filtered:
        params: dict[str, Any] = {}
        where = " AND ".join(filter_clauses(query, params))
        if len(found) <= FEW_IDS:  # look the few up by id
            sql = f"SELECT group_concat(c.id) FROM consultations c WHERE c.id IN ({_id_list(sorted(found))}) AND {where}"
            return id_set(session, sql, params)
        # many: the ids passing the filters, read over the covering index in one statement, intersected
        found &= id_set(
            session,
            f"SELECT group_concat(c.id) FROM consultations c INDEXED BY ix_consultations_report WHERE {where}",
            params,
        )
    return found


def count_filtered(session: Session, query: Query) -> int:
    """How many current consultations pass the filters (no terms): counted over the covering index."""
    params: dict[str, Any] = {}
    where = " AND ".join(filter_clauses(query, params))
    return int(
        session.execute(text(f"SELECT count(*) FROM consultations c WHERE {where}"), params).scalar_one()
    )


def _highest(session: Session) -> int:
    return int(session.execute(text("SELECT coalesce(max(id), 0) FROM consultations")).scalar_one())


def page_of(
    session: Session, query: Query, ids: set[int] | None, total: int, *, offset: int, limit: int
) -> list[int]:
    """The ids of one page, newest first (`ids` and `total` from `matching` / `count_filtered`)."""
    if ids is None:
        params: dict[str, Any] = {"limit": limit, "offset": offset}
        where = " AND ".join(filter_clauses(query, params))
        walk = (offset + limit) * _highest(session) <= WALK_ROWS * total
        source = "consultations c INDEXED BY ix_consultations_current_at" if walk else "consultations c"
        sql = f"SELECT c.id FROM {source} WHERE {where} ORDER BY c.at DESC, c.id DESC LIMIT :limit OFFSET :offset"
        return [int(row[0]) for row in session.execute(text(sql), params)]
    if not ids:
        return []
    if len(ids) * WALK_SHARE >= _highest(session):
        # many: walk the newest-first index and keep the matches until the page is full
        cursor = _driver(session).execute(
            "SELECT id FROM consultations INDEXED BY ix_consultations_current_at "
            "WHERE superseded = 0 ORDER BY at DESC, id DESC"
        )
        page: list[int] = []
        skipped = 0
        try:
            while len(page) < limit:
                batch = cursor.fetchmany(CHUNK)
                if not batch:
                    break
                for (item,) in batch:
                    if item in ids:
                        if skipped < offset:
                            skipped += 1
                            continue
                        page.append(int(item))
                        if len(page) == limit:
                            break
        finally:
            cursor.close()
        return page
    # few: their times, sorted here
    dated: list[tuple[str, int]] = []
    for chunk in _chunks(sorted(ids)):
        sql = f"SELECT at, id FROM consultations WHERE id IN ({_id_list(chunk)})"
        dated.extend((str(row[0]), int(row[1])) for row in session.execute(text(sql)))
    dated.sort(reverse=True)
    return [item for _, item in dated[offset : offset + limit]]

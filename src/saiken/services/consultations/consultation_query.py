"""The SQL of the consultation search: terms to matching ids, a filter to WHERE clauses, and the choice
between sorting the matches and walking the newest-first index (as the debtor search chooses).

Each term matches the current consultations of the businesses whose keys contain it, or whose own folded
contents contain it: `(consultations of business_fts|business_grams MATCH) UNION (consultation_fts|
consultation_grams MATCH)`, trigram phrases for three or more folded characters, gram tokens for fewer.
Terms are intersected. The statements are written out here (a handful of fixed shapes with named
parameters) so that the index each one walks is stated, not left to the planner's guess about the size of
an IN list: a common word matches tens of thousands of records, and sorting them costs far more than
walking `ix_consultations_current_at` until a page is full.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from saiken.services.consultations.common import categories_mask
from saiken.services.textsearch import match_for
from saiken.store.models.businesses import BUSINESS_FTS, BUSINESS_GRAMS, CONSULTATION_FTS, CONSULTATION_GRAMS

WALK_ROWS = 20_000  # rows of the newest-first index a page may walk rather than sort the matches
COUNT_BY_INDEX_ABOVE = 5_000  # matches: count them through the covering index, not one row each


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...]
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    consultant_id: int | None = None
    form: str | None = None
    category: str | None = None
    business_id: int | None = None


def matching_sql(terms: tuple[str, ...], params: dict[str, Any]) -> str:
    """A SELECT of the ids of the current consultations matching every term (params filled in)."""
    parts = []
    for index, term in enumerate(terms):
        business_table, business_match = match_for(term, BUSINESS_FTS, BUSINESS_GRAMS)
        contents_table, contents_match = match_for(term, CONSULTATION_FTS, CONSULTATION_GRAMS)
        params[f"b{index}"], params[f"c{index}"] = business_match, contents_match
        parts.append(
            f"SELECT id FROM (SELECT id FROM consultations WHERE superseded = 0 AND business_id IN "
            f"(SELECT rowid FROM {business_table} WHERE {business_table} MATCH :b{index}) "
            f"UNION SELECT rowid FROM {contents_table} WHERE {contents_table} MATCH :c{index})"
        )
    return " INTERSECT ".join(parts)


def _filters(query: Query, params: dict[str, Any]) -> list[str]:
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


def _scalar(session: Session, sql: str, params: dict[str, Any]) -> int:
    return int(session.execute(text(sql), params).scalar_one() or 0)


def count(session: Session, query: Query) -> int:
    """How many current consultations match."""
    params: dict[str, Any] = {}
    clauses = _filters(query, params)
    if not query.terms:
        return _scalar(session, f"SELECT count(*) FROM consultations c WHERE {' AND '.join(clauses)}", params)
    matching = matching_sql(query.terms, params)
    matches = _scalar(session, f"SELECT count(*) FROM ({matching})", params)
    if len(clauses) == 1 or matches == 0:
        return matches
    if matches > COUNT_BY_INDEX_ABOVE:
        sql = (
            f"SELECT count(*) FROM consultations c INDEXED BY ix_consultations_report "
            f"WHERE {' AND '.join(clauses)} AND c.id IN ({matching})"
        )
    else:
        sql = f"SELECT count(*) FROM consultations c WHERE c.id IN ({matching}) AND {' AND '.join(clauses)}"
    return _scalar(session, sql, params)


def _walk(session: Session, total: int, rows_needed: int) -> bool:
    """Whether walking the newest-first index to the end of the page reads at most WALK_ROWS rows
    (estimated from the share of records that match; the highest id stands in for the number)."""
    highest = _scalar(session, "SELECT coalesce(max(id), 0) FROM consultations", {})
    return rows_needed * highest <= WALK_ROWS * total


def page_ids(session: Session, query: Query, total: int, *, offset: int, limit: int) -> list[int]:
    """The ids of one page, newest first (`total` from `count`)."""
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    clauses = _filters(query, params)
    if query.terms:
        clauses.append(f"c.id IN ({matching_sql(query.terms, params)})")
    where = " AND ".join(clauses)
    if _walk(session, total, offset + limit):
        source = "consultations c INDEXED BY ix_consultations_current_at"
    else:
        source = "consultations c"
    sql = f"SELECT c.id FROM {source} WHERE {where} ORDER BY c.at DESC, c.id DESC LIMIT :limit OFFSET :offset"
    return [int(row[0]) for row in session.execute(text(sql), params)]

"""Search and lists of businesses and consultation records (issue 10 item 3).

A query is folded and split into terms exactly as the debtor search does (`saiken.services.textsearch.
query_terms`: たかはし, ﾀｶﾊｼ and 髙橋 meet 高橋; a phone number matches with or without hyphens), and every
term must match (AND). A business matches a term in its name, reading, representative and reading,
address, phone or e-mail. A consultation matches a term when its business does, or when its contents do:
trigram phrases for three or more folded characters, gram tokens for shorter ones (both indexes are kept for
the business keys and for the contents; `consultation_query` writes the statements).

Consultations are listed newest first; businesses in 五十音 order of their reading (corporate form left out).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, column, func, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import TextualSelect

from saiken.domain.consultation_terms import CATEGORIES, FORMS
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services.consultations import consultation_query
from saiken.services.consultations.consultation_query import Query
from saiken.services.consultations.convert import consultation_rows
from saiken.services.consultations.rows import (
    BusinessListRow,
    BusinessPage,
    ConsultationPage,
    ConsultationRow,
)
from saiken.services.context import VaultSession, read_session
from saiken.services.textsearch import match_for, query_terms
from saiken.store.models import Business, BusinessSearch, Consultation
from saiken.store.models.businesses import BUSINESS_FTS, BUSINESS_GRAMS

MAX_PAGE = 1000


@dataclass(frozen=True)
class ConsultationFilter:
    """What to list. Empty fields do not filter; the date range is by the consultation's day, both ends
    included; `category` matches a record that has it among its categories."""

    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    consultant_id: int | None = None
    form: str | None = None
    category: str | None = None
    business_id: int | None = None


def business_ids(term: str, index: int) -> TextualSelect:
    """The ids of the businesses whose keys contain `term` (one FTS5 MATCH)."""
    table, match = match_for(term, BUSINESS_FTS, BUSINESS_GRAMS)
    name = f"b{index}"
    return (
        text(f"SELECT rowid FROM {table} WHERE {table} MATCH :{name}")
        .bindparams(**{name: match})
        .columns(column("rowid", Integer))
    )


def to_query(flt: ConsultationFilter) -> Query:
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise ValidationError("期間の開始日が終了日より後です。期間を確かめてください。")
    if flt.form is not None and flt.form not in FORMS:
        raise ValidationError(f"相談形態は次のどれかを選んでください: {'、'.join(FORMS)}")
    if flt.category is not None and flt.category not in CATEGORIES:
        raise ValidationError(f"相談分類は次のどれかを選んでください: {'、'.join(CATEGORIES)}")
    return Query(
        terms=tuple(query_terms(flt.text)),
        date_from=flt.date_from,
        date_to=flt.date_to,
        consultant_id=flt.consultant_id,
        form=flt.form,
        category=flt.category,
        business_id=flt.business_id,
    )


def rows_by_ids(session: Session, ids: list[int]) -> list[ConsultationRow]:
    """The rows of `ids`, in that order (plain column tuples: no ORM object per record)."""
    table = Consultation.__table__
    found: dict[int, Any] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update({row.id: row for row in session.execute(select(table).where(table.c.id.in_(chunk)))})
    return consultation_rows(session, [found[i] for i in ids if i in found])


def query_consultations(
    session: Session, flt: ConsultationFilter, *, offset: int, limit: int
) -> ConsultationPage:
    """`search_consultations` inside a session the caller holds (the exports run it in their own)."""
    query = to_query(flt)
    ids = consultation_query.matching(session, query)
    total = consultation_query.count_filtered(session, query) if ids is None else len(ids)
    if total == 0 or offset >= total:
        return ConsultationPage(rows=[], total=total)
    page = consultation_query.page_of(session, query, ids, total, offset=offset, limit=limit)
    return ConsultationPage(rows=rows_by_ids(session, page), total=total)


def _check_page(offset: int, limit: int) -> None:
    if offset < 0 or not 1 <= limit <= MAX_PAGE:
        raise ValidationError(f"ページの指定が正しくありません（開始 0 以上、件数 1〜{MAX_PAGE}）。")


def search_consultations(
    s: VaultSession, flt: ConsultationFilter, *, offset: int = 0, limit: int = 100
) -> ConsultationPage:
    """One page of the current consultation records matching `flt`, newest first, and the total."""
    s.require(Capability.READ)
    _check_page(offset, limit)
    with read_session(s) as session:
        return query_consultations(session, flt, offset=offset, limit=limit)


def search_businesses(s: VaultSession, query: str = "", *, offset: int = 0, limit: int = 100) -> BusinessPage:
    """One page of the businesses matching `query` in 五十音 order, with their consultation counts."""
    s.require(Capability.READ)
    _check_page(offset, limit)
    terms = query_terms(query)
    conditions = [
        BusinessSearch.business_id.in_(business_ids(term, index)) for index, term in enumerate(terms)
    ]
    with read_session(s) as session:
        total = int(session.scalar(select(func.count()).select_from(BusinessSearch).where(*conditions)) or 0)
        ids = list(
            session.scalars(
                select(BusinessSearch.business_id)
                .where(*conditions)
                .order_by(BusinessSearch.reading, BusinessSearch.business_id)
                .offset(offset)
                .limit(limit)
            )
        )
        if not ids:
            return BusinessPage(rows=[], total=total)
        found = {b.id: b for b in session.scalars(select(Business).where(Business.id.in_(ids)))}
        stats = {
            row[0]: (row[1], row[2])
            for row in session.execute(
                select(Consultation.business_id, func.max(Consultation.day), func.count())
                .where(Consultation.business_id.in_(ids), Consultation.superseded.is_(False))
                .group_by(Consultation.business_id)
            )
        }
        rows = [
            BusinessListRow(
                id=b.id,
                kind=b.kind,
                name=b.name,
                name_kana=b.name_kana,
                industry=b.industry,
                representative=b.representative,
                phone=b.phone,
                last_consulted_on=stats.get(b.id, (None, 0))[0],
                consultations=int(stats.get(b.id, (None, 0))[1]),
            )
            for b in (found[i] for i in ids if i in found)
        ]
        return BusinessPage(rows=rows, total=total)

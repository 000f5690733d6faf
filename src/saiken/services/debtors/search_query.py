"""The SQL of the debtor search: query text to FTS5 terms, and a DebtorFilter to WHERE conditions.

A query is split at spaces into terms that must all match (AND). Each term is folded like the stored keys.
Terms of three or more folded characters are trigram phrases on `debtor_fts`; terms of one or two
characters are looked up in `debtor_grams` (a two-character gram, or a one-character prefix). A query made
only of digits, spaces and hyphens is one phone-number term, so `03 1234 5678` finds 03-1234-5678.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.sql.selectable import Select, TextualSelect

from saiken.services.textsearch import MAX_TERMS, fts_ids, query_terms
from saiken.store.models.claims import Claim
from saiken.store.models.debtors import Debtor, DebtorTag, Tag
from saiken.store.models.search import FTS_TABLE, GRAMS_TABLE, SEARCH_COLUMNS, DebtorSearch

if TYPE_CHECKING:
    from saiken.services.debtors.search import DebtorFilter

UNASSIGNED = ""  # DebtorFilter.handler == "" selects the debtors with no handler
__all__ = [
    "MAX_TERMS",
    "UNASSIGNED",
    "debtor_conditions",
    "query_terms",
    "text_condition",
    "text_count",
    "text_ids",
]


def text_ids(terms: list[str]) -> TextualSelect:
    """The ids of the debtors whose keys contain every term: one MATCH on each FTS5 table it needs."""
    return fts_ids(terms, FTS_TABLE, GRAMS_TABLE)


def text_count(terms: list[str]) -> Select[tuple[int]]:
    """How many debtors contain every term, from the FTS5 indexes alone (milliseconds at 100,000)."""
    inner = text_ids(terms)
    return select(func.count()).select_from(inner.subquery())


def text_condition(terms: list[str]) -> ColumnElement[bool]:
    """`debtor_search.debtor_id IN (text_ids)`: best when the terms match few debtors."""
    return DebtorSearch.debtor_id.in_(text_ids(terms))


def text_scan_condition(terms: list[str]) -> ColumnElement[bool]:
    """The same test as `text_condition` made row by row on the stored keys (`instr`, a substring test,
    exactly what the FTS5 phrase and gram queries answer): best when walking the reading index over a
    result set too large to fetch and sort."""
    columns = [getattr(DebtorSearch, name) for name in SEARCH_COLUMNS]
    return and_(*(or_(*(func.instr(key, term) > 0 for key in columns)) for term in terms))


def _tag_condition(tags: frozenset[str], today: dt.date) -> ColumnElement[bool]:
    live = or_(DebtorTag.expires_on.is_(None), DebtorTag.expires_on >= today)
    return Debtor.id.in_(
        select(DebtorTag.debtor_id)
        .join(Tag, Tag.id == DebtorTag.tag_id)
        .where(Tag.name.in_(sorted(tags)), live)
    )


def _due_condition(due_from: dt.date | None, due_to: dt.date | None, *, per_row: bool) -> ColumnElement[bool]:
    conditions: list[Any] = []
    if due_from is not None:
        conditions.append(Claim.due_date >= due_from)
    if due_to is not None:
        conditions.append(Claim.due_date <= due_to)
    if per_row:
        # one index lookup per debtor tested, instead of first listing every debtor due in the range
        return select(Claim.id).where(Claim.debtor_id == Debtor.id, *conditions).exists()
    return Debtor.id.in_(select(Claim.debtor_id).where(*conditions))


def debtor_conditions(
    flt: DebtorFilter, today: dt.date, handler_id: int | None = None, *, per_row: bool = False
) -> list[ColumnElement[bool]]:
    """The other conditions of `flt`, on `debtors` (joined with `debtor_search`). `handler_id` is the id of
    the user named by `flt.handler`, looked up beforehand (None: no such user, nothing matches).
    `per_row=True` words them for testing one debtor at a time (a walk of the reading index)."""
    conditions: list[ColumnElement[bool]] = []
    if flt.statuses:
        conditions.append(Debtor.status.in_(sorted(flt.statuses)))
    if flt.handler is not None:
        if flt.handler == UNASSIGNED:
            conditions.append(Debtor.handler_user_id.is_(None))
        else:
            # a plain equality lets SQLite weigh the handler index against the others with its statistics
            conditions.append(Debtor.handler_user_id == (handler_id if handler_id is not None else -1))
    if flt.min_balance is not None:
        conditions.append(Debtor.balance_total >= flt.min_balance)
    if flt.max_balance is not None:
        conditions.append(Debtor.balance_total <= flt.max_balance)
    if flt.due_from is not None or flt.due_to is not None:
        conditions.append(_due_condition(flt.due_from, flt.due_to, per_row=per_row))
    if flt.next_action_from is not None:
        conditions.append(Debtor.next_action_on >= flt.next_action_from)
    if flt.next_action_to is not None:
        conditions.append(Debtor.next_action_on <= flt.next_action_to)
    if flt.tags:
        conditions.append(_tag_condition(flt.tags, today))
    return conditions

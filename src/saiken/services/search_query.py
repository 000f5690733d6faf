"""The SQL of the debtor search: query text to FTS5 terms, and a DebtorFilter to one WHERE clause.

A query is split at spaces into terms that must all match (AND). Each term is folded like the stored keys.
A term of three or more folded characters is a trigram phrase on `debtor_fts`; a term of one or two
characters is looked up in `debtor_grams` (a two-character gram, or a one-character prefix). A query made
only of digits, spaces and hyphens is one phone-number term, so `03 1234 5678` finds 03-1234-5678.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Integer, column, exists, or_, select, text
from sqlalchemy.sql.selectable import TextualSelect

from saiken.domain.textfold import HYPHENS, digits_only, fold
from saiken.services.search_index import gram_token
from saiken.store.models.claims import Claim
from saiken.store.models.debtors import Debtor, DebtorTag, Tag
from saiken.store.models.search import FTS_TABLE, GRAMS_TABLE, DebtorSearch
from saiken.store.models.users import User

if TYPE_CHECKING:
    from saiken.services.search import DebtorFilter

UNASSIGNED = ""  # DebtorFilter.handler == "" selects the debtors with no handler
_SPLIT_RE = re.compile(r"\s+")
_PHONE_RE = re.compile(rf"^[\d\s{re.escape(HYPHENS)}()（）]+$")
MAX_TERMS = 8


def query_terms(query: str) -> list[str]:
    """The folded terms of a search text, in order, without repeats (at most MAX_TERMS)."""
    if not query or not query.strip():
        return []
    if _PHONE_RE.match(query) and len(digits_only(query)) >= 3:
        return [digits_only(query)]
    terms: list[str] = []
    for part in _SPLIT_RE.split(query.replace("\u3000", " ")):
        term = fold(part)
        if term and term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def term_ids(term: str, index: int) -> TextualSelect:
    """The ids of the debtors whose keys contain `term` (a SELECT of one column, `rowid`)."""
    name = f"term{index}"
    if len(term) >= 3:
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :{name}"
        value = _phrase(term)
    else:
        sql = f"SELECT rowid FROM {GRAMS_TABLE} WHERE {GRAMS_TABLE} MATCH :{name}"
        value = gram_token(term) + ("*" if len(term) == 1 else "")
    return text(sql).bindparams(**{name: value}).columns(column("rowid", Integer))


def _tag_condition(tags: frozenset[str], today: dt.date) -> ColumnElement[bool]:
    live = or_(DebtorTag.expires_on.is_(None), DebtorTag.expires_on >= today)
    return exists(
        select(DebtorTag.debtor_id)
        .join(Tag, Tag.id == DebtorTag.tag_id)
        .where(DebtorTag.debtor_id == DebtorSearch.debtor_id, Tag.name.in_(sorted(tags)), live)
    )


def _due_condition(due_from: dt.date | None, due_to: dt.date | None) -> ColumnElement[bool]:
    conditions: list[Any] = [Claim.debtor_id == DebtorSearch.debtor_id]
    if due_from is not None:
        conditions.append(Claim.due_date >= due_from)
    if due_to is not None:
        conditions.append(Claim.due_date <= due_to)
    return exists(select(Claim.id).where(*conditions))


def text_conditions(flt: DebtorFilter) -> list[ColumnElement[bool]]:
    """The text terms of `flt` as conditions on `debtor_search` alone."""
    return [DebtorSearch.debtor_id.in_(term_ids(term, index)) for index, term in enumerate(query_terms(flt.text))]


def debtor_conditions(flt: DebtorFilter, today: dt.date) -> list[ColumnElement[bool]]:
    """The other conditions of `flt`, on `debtors` (joined with `debtor_search`)."""
    conditions: list[ColumnElement[bool]] = []
    if flt.statuses:
        conditions.append(Debtor.status.in_(sorted(flt.statuses)))
    if flt.handler is not None:
        if flt.handler == UNASSIGNED:
            conditions.append(Debtor.handler_user_id.is_(None))
        else:
            conditions.append(Debtor.handler_user_id.in_(select(User.id).where(User.name == flt.handler)))
    if flt.min_balance is not None:
        conditions.append(Debtor.balance_total >= flt.min_balance)
    if flt.max_balance is not None:
        conditions.append(Debtor.balance_total <= flt.max_balance)
    if flt.due_from is not None or flt.due_to is not None:
        conditions.append(_due_condition(flt.due_from, flt.due_to))
    if flt.next_action_from is not None:
        conditions.append(Debtor.next_action_on >= flt.next_action_from)
    if flt.next_action_to is not None:
        conditions.append(Debtor.next_action_on <= flt.next_action_to)
    if flt.tags:
        conditions.append(_tag_condition(flt.tags, today))
    return conditions


def filter_conditions(flt: DebtorFilter, today: dt.date) -> list[ColumnElement[bool]]:
    """Every condition of `flt` on `debtor_search` joined with `debtors` (text terms included)."""
    return text_conditions(flt) + debtor_conditions(flt, today)

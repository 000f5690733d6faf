"""Search and lists of debtors (contract: docs/services.md "Search and lists").

`search_debtors` pages through the debtors that match a `DebtorFilter`, in 五十音 order of the reading
(corporate forms left out), then by management number. Saved extraction conditions keep a filter by name.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import func, literal, or_, select
from sqlalchemy.orm import Session

from saiken.domain.errors import NotFoundError, ValidationError
from saiken.domain.roles import Capability
from saiken.services.changes import Area, Changed, Changes
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.services.debtors.search_query import (
    UNASSIGNED,
    debtor_conditions,
    query_terms,
    text_condition,
    text_count,
    text_ids,
    text_scan_condition,
)
from saiken.store.models.conditions import SavedCondition
from saiken.store.models.debtors import Debtor, DebtorTag, Tag
from saiken.store.models.search import DebtorSearch
from saiken.store.models.users import User

MAX_PAGE = 1000
SCAN_IN_ORDER_ABOVE = 15_000  # text matches; ~2 µs each to sort (benchmarks/bench_search.py)
WALK_ROWS = 20_000  # rows of the reading index a filtered page may walk rather than sort the matches
MAX_CONDITION_NAME = 128
_CONDITION_FORMAT = 1

__all__ = [
    "UNASSIGNED",
    "DebtorFilter",
    "DebtorListRow",
    "DebtorPage",
    "delete_condition",
    "filter_from_json",
    "filter_to_json",
    "list_conditions",
    "save_condition",
    "search_debtors",
]


@dataclass(frozen=True)
class DebtorFilter:
    """What to list. Empty fields do not filter. `statuses` and `tags` match any of their members;
    `handler` is a user name (`UNASSIGNED`, the empty string, selects debtors with no handler); the balance
    range is in yen, both ends included; `due_*` matches a debtor with any claim due in the range."""

    text: str = ""
    statuses: frozenset[str] = field(default_factory=frozenset)
    handler: str | None = None
    min_balance: int | None = None
    max_balance: int | None = None
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    next_action_from: dt.date | None = None
    next_action_to: dt.date | None = None
    tags: frozenset[str] = field(default_factory=frozenset)

    def is_empty(self) -> bool:
        return self == DebtorFilter()


@dataclass(frozen=True)
class DebtorListRow:
    id: int
    management_no: str
    name: str
    name_kana: str
    representative: str
    address: str
    phone: str
    status: str
    handler: str | None
    principal: int
    paid: int
    balance: int
    next_action_on: dt.date | None
    tags: tuple[str, ...]
    email: str = ""


@dataclass(frozen=True)
class DebtorPage:
    rows: list[DebtorListRow]
    total: int


def check_filter(flt: DebtorFilter) -> None:
    """A ValidationError naming the field when a range is upside down or an amount is negative."""
    if flt.min_balance is not None and flt.min_balance < 0:
        raise ValidationError("残高の下限に負の金額は指定できません。0 円以上を入力してください。")
    ranges = (
        ("残高", flt.min_balance, flt.max_balance),
        ("納期限", flt.due_from, flt.due_to),
        ("次回対応日", flt.next_action_from, flt.next_action_to),
    )
    for label, low, high in ranges:
        if low is not None and high is not None and low > high:  # type: ignore[operator]
            raise ValidationError(f"{label}の範囲が逆です。下限が上限以下になるように指定してください。")


def search_debtors(s: VaultSession, flt: DebtorFilter, *, offset: int = 0, limit: int = 100) -> DebtorPage:
    """One page of the debtors matching `flt`, and how many match in all."""
    s.require(Capability.READ)
    check_filter(flt)
    if offset < 0 or not 1 <= limit <= MAX_PAGE:
        raise ValidationError(f"ページの指定が正しくありません（開始 0 以上、件数 1〜{MAX_PAGE}）。")
    with read_session(s) as session:
        page = query_page(session, flt, s.clock.today(), offset=offset, limit=limit)
    if offset == 0:  # a new search (later pages of the same list are not counted again)
        s.tally(
            "search.summary", count=1, with_text=int(bool(flt.text.strip())), filtered=int(not flt.is_empty())
        )
    return page


def query_page(session: Session, flt: DebtorFilter, today: dt.date, *, offset: int, limit: int) -> DebtorPage:
    """`search_debtors` inside a session the caller holds (an export runs it in its own transaction)."""
    handler_id = None
    if flt.handler:
        handler_id = session.scalar(select(User.id).where(User.name == flt.handler))
    terms, other = query_terms(flt.text), debtor_conditions(flt, today, handler_id)
    matches = (session.scalar(text_count(terms)) or 0) if terms else None
    in_order = matches is not None and matches > SCAN_IN_ORDER_ABOVE
    # Few text matches: take their ids from FTS5 (`IN`) and sort them. Many: test each row's stored keys
    # with `instr`, so SQLite walks the reading index in order and stops after the page instead of
    # building and sorting a list of tens of thousands of ids.
    text_part = [] if not terms else [text_scan_condition(terms) if in_order else text_condition(terms)]
    if matches is not None and not other:
        total = matches
    else:
        counting = select(func.count()).select_from(DebtorSearch)
        if other:
            counting = counting.join(Debtor, Debtor.id == DebtorSearch.debtor_id)
        total = session.scalar(counting.where(*text_part, *other)) or 0
    if total == 0 or offset >= total:
        return DebtorPage(rows=[], total=total)
    if other and _walk_in_order(session, total, offset + limit):
        # Filters that many debtors pass: walk the reading index in order and test each row (EXISTS on
        # debtors), stopping after the page. `+ 0` keeps SQLite from driving the loop from the filters'
        # indexes or IN lists and sorting thousands of rows (a sorter is slow with memory security ON).
        walk_text = (
            []
            if not terms
            else [
                text_scan_condition(terms) if in_order else (DebtorSearch.debtor_id + 0).in_(text_ids(terms))
            ]
        )
        per_row = debtor_conditions(flt, today, handler_id, per_row=True)
        passes = select(literal(1)).where(Debtor.id == DebtorSearch.debtor_id + 0, *per_row).exists()
        ids_query = select(DebtorSearch.debtor_id).where(*walk_text, passes)
    else:
        ids_query = select(DebtorSearch.debtor_id).select_from(DebtorSearch)
        if other:
            ids_query = ids_query.join(Debtor, Debtor.id == DebtorSearch.debtor_id)
        ids_query = ids_query.where(*text_part, *other)
    ids_query = (
        ids_query.order_by(DebtorSearch.reading, DebtorSearch.management_no, DebtorSearch.debtor_id)
        .offset(offset)
        .limit(limit)
    )
    ids = list(session.scalars(ids_query))
    found = {
        row[0]: row
        for row in session.execute(
            select(*_LIST_COLUMNS, User.name)
            .outerjoin(User, User.id == Debtor.handler_user_id)
            .where(Debtor.id.in_(ids))
        )
    }
    tags = _live_tags(session, ids, today)
    return DebtorPage(rows=[_row(found[i], tags.get(i, ())) for i in ids if i in found], total=total)


def _walk_in_order(session: Session, total: int, rows_needed: int) -> bool:
    """Whether walking the reading index to the end of the page reads at most WALK_ROWS rows (estimated
    from the share of debtors that match; the highest id stands in for the number of debtors)."""
    highest = session.scalar(select(func.max(DebtorSearch.debtor_id))) or 0
    return rows_needed * highest <= WALK_ROWS * total


def _live_tags(session: Session, ids: list[int], today: dt.date) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    result = session.execute(
        select(DebtorTag.debtor_id, Tag.name)
        .join(Tag, Tag.id == DebtorTag.tag_id)
        .where(
            DebtorTag.debtor_id.in_(ids), or_(DebtorTag.expires_on.is_(None), DebtorTag.expires_on >= today)
        )
        .order_by(Tag.name)
    )
    for debtor_id, name in result:
        found.setdefault(debtor_id, []).append(name)
    return {key: tuple(value) for key, value in found.items()}


_LIST_COLUMNS = (
    Debtor.id,
    Debtor.management_no,
    Debtor.name,
    Debtor.name_kana,
    Debtor.representative,
    Debtor.address,
    Debtor.phone,
    Debtor.email,
    Debtor.status,
    Debtor.principal_total,
    Debtor.paid_total,
    Debtor.next_action_on,
)


def _row(row: Any, tags: tuple[str, ...]) -> DebtorListRow:
    (
        debtor_id,
        management_no,
        name,
        name_kana,
        representative,
        address,
        phone,
        email,
        status,
        principal,
        paid,
        next_action_on,
        handler,
    ) = row
    return DebtorListRow(
        id=debtor_id,
        management_no=management_no,
        name=name,
        name_kana=name_kana,
        representative=representative,
        address=address,
        phone=phone,
        status=status,
        handler=handler,
        principal=principal,
        paid=paid,
        balance=max(principal - paid, 0),
        next_action_on=next_action_on,
        tags=tags,
        email=email or "",
    )


# -- saved extraction conditions (保存した抽出条件) -------------------------------------------------------


def filter_to_json(flt: DebtorFilter) -> str:
    data: dict[str, Any] = {"format": _CONDITION_FORMAT}
    for item in fields(DebtorFilter):
        value = getattr(flt, item.name)
        if isinstance(value, frozenset):
            value = sorted(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        data[item.name] = value
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def filter_from_json(payload: str) -> DebtorFilter:
    try:
        data = json.loads(payload)
        values: dict[str, Any] = {}
        for item in fields(DebtorFilter):
            if item.name not in data or data[item.name] is None:
                continue
            value = data[item.name]
            if item.name in ("statuses", "tags"):
                value = frozenset(str(member) for member in value)
            elif item.name in ("due_from", "due_to", "next_action_from", "next_action_to"):
                value = dt.date.fromisoformat(value)
            elif item.name in ("min_balance", "max_balance"):
                value = int(value)
            else:
                value = str(value)
            values[item.name] = value
        return DebtorFilter(**values)
    except (ValueError, TypeError, AttributeError) as error:
        raise ValidationError("保存した抽出条件を読めません。条件を作り直して保存してください。") from error


def _condition_name(name: str) -> str:
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise ValidationError("抽出条件の名前を入力してください。")
    if len(cleaned) > MAX_CONDITION_NAME:
        raise ValidationError(f"抽出条件の名前は {MAX_CONDITION_NAME} 文字以内にしてください。")
    return cleaned


def save_condition(s: VaultSession, name: str, flt: DebtorFilter) -> Changed[str]:
    """Save `flt` under `name` (replacing a condition of the same name); the value is the name saved."""
    s.require(Capability.READ)
    check_filter(flt)
    cleaned = _condition_name(name)
    now = s.clock.now()
    with unit_of_work(s) as work:
        found = work.session.scalar(select(SavedCondition).where(SavedCondition.name == cleaned))
        if found is None:
            found = SavedCondition(name=cleaned, json=filter_to_json(flt), created_at=now, updated_at=now)
            work.session.add(found)
        else:
            found.json = filter_to_json(flt)
            found.updated_at = now
        work.session.flush()
        work.audit("search.condition_save", target_type="saved_condition", target_id=found.id)
    return Changed(cleaned, Changes.of(Area.CONDITIONS))


def list_conditions(s: VaultSession) -> list[tuple[str, DebtorFilter]]:
    s.require(Capability.READ)
    with read_session(s) as session:
        saved = session.execute(
            select(SavedCondition.name, SavedCondition.json).order_by(SavedCondition.name)
        )
        return [(name, filter_from_json(payload)) for name, payload in saved]


def delete_condition(s: VaultSession, name: str) -> Changed[str]:
    s.require(Capability.READ)
    cleaned = _condition_name(name)
    with unit_of_work(s) as work:
        found = work.session.scalar(select(SavedCondition).where(SavedCondition.name == cleaned))
        if found is None:
            raise NotFoundError(f"抽出条件「{cleaned}」はありません。一覧から選び直してください。")
        work.audit("search.condition_delete", target_type="saved_condition", target_id=found.id)
        work.session.delete(found)
    return Changed(cleaned, Changes.of(Area.CONDITIONS))

"""Filters of the debtor list (status, handler, balance, due date, next action, tags) with and without text,
and saved extraction conditions."""

from __future__ import annotations

import datetime as dt

import pytest
from search_helpers import store_debtors
from sqlalchemy import select

from saiken.domain.errors import NotFoundError, ValidationError
from saiken.domain.fictional import generate_debtors
from saiken.services.context import read_session, unit_of_work
from saiken.services.debtors.search import (
    UNASSIGNED,
    DebtorFilter,
    delete_condition,
    list_conditions,
    save_condition,
    search_debtors,
)
from saiken.store.models import AuditEntry, DebtorTag, Tag, User


def numbers(vault, flt: DebtorFilter) -> list[str]:
    page = search_debtors(vault, flt, limit=1000)
    assert page.total == len(page.rows)
    return sorted(row.management_no for row in page.rows)


@pytest.fixture
def world(vault_session, fixed_clock):
    """40 debtors; two handlers; next actions on some; tags (one expired) on some."""
    debtors = generate_debtors(40, seed=3)
    with unit_of_work(vault_session) as work:
        for name in ("kou", "otsu"):
            work.session.add(User(name=name, display_name=name, role="handler", created_at=fixed_clock.now()))
        work.session.flush()
        ids = {u.name: u.id for u in work.session.scalars(select(User))}
    overrides = {}
    for index, debtor in enumerate(debtors):
        fields = {}
        if index % 3 == 0:
            fields["handler_user_id"] = ids["kou"]
        elif index % 3 == 1:
            fields["handler_user_id"] = ids["otsu"]
        if index % 4 == 0:
            fields["next_action_on"] = dt.date(2025, 9, 20) + dt.timedelta(days=index)
        overrides[debtor.management_no] = fields
    stored = store_debtors(vault_session, debtors, **overrides)
    with unit_of_work(vault_session) as work:
        red, blue = Tag(name="要電話", colour="#FF0000"), Tag(name="転居", colour="#0000FF")
        work.session.add_all([red, blue])
        work.session.flush()
        for index, debtor in enumerate(debtors):
            if index % 5 == 0:
                work.session.add(DebtorTag(debtor_id=stored[debtor.management_no], tag_id=red.id))
            if index % 7 == 0:  # expired yesterday (the clock says 2025-09-16)
                work.session.add(
                    DebtorTag(
                        debtor_id=stored[debtor.management_no],
                        tag_id=blue.id,
                        expires_on=dt.date(2025, 9, 15),
                    )
                )
            if index == 1:
                work.session.add(
                    DebtorTag(
                        debtor_id=stored[debtor.management_no],
                        tag_id=blue.id,
                        expires_on=dt.date(2025, 12, 31),
                    )
                )
    return vault_session, debtors


def test_status_filter(world):
    vault, debtors = world
    wanted = {"交渉中", "分納中"}
    assert numbers(vault, DebtorFilter(statuses=frozenset(wanted))) == sorted(
        d.management_no for d in debtors if d.status in wanted
    )


def test_handler_filter_and_unassigned(world):
    vault, debtors = world
    assert numbers(vault, DebtorFilter(handler="kou")) == sorted(
        d.management_no for i, d in enumerate(debtors) if i % 3 == 0
    )
    assert numbers(vault, DebtorFilter(handler=UNASSIGNED)) == sorted(
        d.management_no for i, d in enumerate(debtors) if i % 3 == 2
    )
    assert numbers(vault, DebtorFilter(handler="nobody")) == []


def test_balance_range_both_ends_included(world):
    vault, debtors = world
    balances = sorted({d.balance for d in debtors})
    low, high = balances[3], balances[-4]
    assert numbers(vault, DebtorFilter(min_balance=low, max_balance=high)) == sorted(
        d.management_no for d in debtors if low <= d.balance <= high
    )
    page = search_debtors(vault, DebtorFilter(min_balance=low), limit=1000)
    assert all(row.balance >= low and row.balance == row.principal - row.paid for row in page.rows)


def test_due_date_range_via_claims(world):
    vault, debtors = world
    start, end = dt.date(2024, 9, 1), dt.date(2025, 3, 31)
    assert numbers(vault, DebtorFilter(due_from=start, due_to=end)) == sorted(
        d.management_no for d in debtors if start <= d.due_date <= end
    )
    assert numbers(vault, DebtorFilter(due_to=start)) == sorted(
        d.management_no for d in debtors if d.due_date <= start
    )


def test_next_action_range(world):
    vault, debtors = world
    expected = sorted(
        d.management_no
        for i, d in enumerate(debtors)
        if i % 4 == 0
        and dt.date(2025, 9, 25) <= dt.date(2025, 9, 20) + dt.timedelta(days=i) <= dt.date(2025, 10, 10)
    )
    assert expected
    assert (
        numbers(
            vault, DebtorFilter(next_action_from=dt.date(2025, 9, 25), next_action_to=dt.date(2025, 10, 10))
        )
        == expected
    )


def test_tags_ignore_expired_ones(world):
    vault, debtors = world
    assert numbers(vault, DebtorFilter(tags=frozenset({"要電話"}))) == sorted(
        d.management_no for i, d in enumerate(debtors) if i % 5 == 0
    )
    assert numbers(vault, DebtorFilter(tags=frozenset({"転居"}))) == [debtors[1].management_no]
    page = search_debtors(vault, DebtorFilter(text=debtors[0].management_no))
    assert page.rows[0].tags == ("要電話",)  # 転居 on debtor 0 expired yesterday


def test_text_and_filters_combine(world):
    vault, debtors = world
    flt = DebtorFilter(text="新宿", handler="otsu", min_balance=100_000)
    assert numbers(vault, flt) == sorted(
        d.management_no
        for i, d in enumerate(debtors)
        if i % 3 == 1 and d.balance >= 100_000 and ("新宿" in d.address or "新宿" in d.name)
    )
    short = DebtorFilter(text="印", statuses=frozenset({"督促中", "未着手"}))
    assert numbers(vault, short) == sorted(
        d.management_no for d in debtors if "印" in d.name and d.status in short.statuses
    )


def test_upside_down_ranges_are_refused_clearly(world):
    vault, _ = world
    with pytest.raises(ValidationError, match="残高"):
        search_debtors(vault, DebtorFilter(min_balance=10, max_balance=5))
    with pytest.raises(ValidationError, match="納期限"):
        search_debtors(vault, DebtorFilter(due_from=dt.date(2025, 2, 1), due_to=dt.date(2025, 1, 1)))


def test_saved_conditions_round_trip(world):
    vault, _ = world
    flt = DebtorFilter(
        text="たかはし",
        statuses=frozenset({"督促中", "交渉中"}),
        handler="kou",
        min_balance=1,
        max_balance=2_000_000,
        due_from=dt.date(2024, 1, 1),
        due_to=dt.date(2025, 12, 31),
        next_action_from=dt.date(2025, 9, 1),
        next_action_to=dt.date(2025, 9, 30),
        tags=frozenset({"要電話"}),
    )
    save_condition(vault, "今月の督促（甲）", flt)
    save_condition(vault, "未割当", DebtorFilter(handler=UNASSIGNED))
    assert list_conditions(vault) == [("今月の督促（甲）", flt), ("未割当", DebtorFilter(handler=UNASSIGNED))]
    replaced = DebtorFilter(text="高橋")
    save_condition(vault, "今月の督促（甲）", replaced)
    assert dict(list_conditions(vault))["今月の督促（甲）"] == replaced
    assert numbers(vault, dict(list_conditions(vault))["未割当"]) == numbers(
        vault, DebtorFilter(handler=UNASSIGNED)
    )
    delete_condition(vault, "未割当")
    assert [name for name, _ in list_conditions(vault)] == ["今月の督促（甲）"]
    with pytest.raises(NotFoundError):
        delete_condition(vault, "未割当")
    with pytest.raises(ValidationError):
        save_condition(vault, "   ", flt)
    with read_session(vault) as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("search.%")).order_by(AuditEntry.seq)
        ).all()
    assert actions == ["search.condition_save"] * 3 + ["search.condition_delete"]

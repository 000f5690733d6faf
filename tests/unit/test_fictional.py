"""The fictional data generator: deterministic, plausible, search-relevant variants, and fast."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from saiken.domain.fictional import (
    DUE_DAYS_AFTER_ORDER,
    FictionalDebtor,
    generate_contacts,
    generate_debtors,
)
from saiken.domain.fictional_words import VARIANT_SURNAMES

KATAKANA_READING = re.compile(r"^[\u30A0-\u30FF\u3000]+$")


def test_same_seed_same_data_other_seed_other_data():
    assert generate_debtors(50, seed=7) == generate_debtors(50, seed=7)
    assert generate_debtors(50, seed=7) != generate_debtors(50, seed=8)
    debtor = generate_debtors(1, seed=7)[0]
    assert generate_contacts(debtor, 5, seed=3) == generate_contacts(debtor, 5, seed=3)
    assert generate_contacts(debtor, 5, seed=3) != generate_contacts(debtor, 5, seed=4)


def test_records_are_frozen():
    debtor = generate_debtors(1)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        debtor.name = "変更"  # type: ignore[misc]


def test_every_surname_variant_appears_in_the_first_twelve():
    debtors = generate_debtors(12, seed=99)
    surnames = {d.representative.split("\u3000")[0] for d in debtors}
    for variant, _ in VARIANT_SURNAMES:
        assert variant in surnames
    for needed in (
        "高橋",
        "髙橋",
        "斎藤",
        "齋藤",
        "齊藤",
        "渡辺",
        "渡邊",
        "渡邉",
        "山崎",
        "山﨑",
        "浜田",
        "濵田",
    ):
        assert needed in surnames


def test_fields_are_well_formed():
    debtors = generate_debtors(2000, seed=5)
    numbers = [d.management_no for d in debtors]
    assert numbers[0] == "R7-0001" and numbers[-1] == "R7-2000"
    assert len(set(numbers)) == len(numbers)
    kinds = {d.kind for d in debtors}
    assert kinds == {"法人", "個人"}
    outside = 0
    with_building = 0
    for d in debtors:
        assert isinstance(d, FictionalDebtor)
        assert KATAKANA_READING.match(d.name_kana), d.name_kana
        assert KATAKANA_READING.match(d.representative_kana), d.representative_kana
        assert re.fullmatch(r"\d{3}-\d{4}", d.postal_code)
        assert re.fullmatch(r"0\d{1,3}-\d{4}-\d{4}", d.phone)
        assert d.email is None or d.email.endswith("@example.jp")
        assert d.decision_date < d.received_date < d.order_date
        assert d.due_date == d.order_date + dt.timedelta(days=DUE_DAYS_AFTER_ORDER)
        assert 0 < d.principal <= d.grant_amount
        assert 0 <= d.paid <= d.principal
        assert (d.status == "完納") == (d.paid == d.principal)
        assert type(d.principal) is int and type(d.paid) is int
        assert d.fiscal_year in (2023, 2024)
        outside += "新宿区" not in d.address
        with_building += "ビル" in d.address
    assert 0.05 < outside / len(debtors) < 0.3  # mostly 新宿区, some moved away
    assert with_building > 0


def test_numbers_widen_for_large_batches():
    debtors = generate_debtors(3, start=99_999)
    assert [d.management_no for d in debtors] == ["R7-099999", "R7-100000", "R7-100001"]


def test_contacts_are_ordered_and_consistent():
    debtor = next(d for d in generate_debtors(100, seed=2) if d.paid < d.principal)
    contacts = generate_contacts(debtor, 40, seed=1)
    assert len(contacts) == 40
    times = [c.at for c in contacts]
    assert times == sorted(times)
    assert all(c.at.utcoffset() == dt.timedelta(hours=9) for c in contacts)
    assert {c.channel for c in contacts} <= {"電話", "来所", "訪問", "書面", "メール"}
    assert {c.direction for c in contacts} <= {"発信", "着信"}
    assert any(c.promise_amount for c in contacts)
    for contact in contacts:
        assert contact.management_no == debtor.management_no
        assert contact.at.date() > debtor.due_date
        assert contact.summary
        if contact.promise_amount is not None:
            assert contact.promise_date is not None and contact.promise_date > contact.at.date()
            assert 0 < contact.promise_amount <= debtor.principal - debtor.paid
            assert f"{contact.promise_amount:,}円" in contact.summary
        if contact.next_action_date is not None:
            assert contact.next_action_date > contact.at.date()


def test_hundred_thousand_debtors_have_unique_numbers():
    # Speed is measured in benchmarks (about 1.6 s here), never asserted in tests (DESIGN §10).
    debtors = generate_debtors(100_000, seed=1)
    assert len({d.management_no for d in debtors}) == 100_000
    assert debtors[-1].management_no == "R7-100000"

"""Fixtures for the debtor-file services: a worked-example debtor in the real vault of `vault_session`."""

from __future__ import annotations

import pytest
from debtors_testkit import DUE, ORDER, PRINCIPAL, RECEIVED

from saiken.domain.fictional import generate_debtors
from saiken.services import debtors


@pytest.fixture
def fictional():
    """One fictional debtor of the project's generator (its personal strings are checked against the audit)."""
    return generate_debtors(1, seed=3)[0]


@pytest.fixture
def debtor_id(vault_session, fictional) -> int:
    created = debtors.add_debtor(
        vault_session,
        management_no=fictional.management_no,
        name=fictional.name,
        kind=fictional.kind,
        name_kana=fictional.name_kana,
        representative=fictional.representative,
        representative_kana=fictional.representative_kana,
        postal_code=fictional.postal_code,
        address=fictional.address,
        phone=fictional.phone,
        email=fictional.email or "",
        claims=[
            {
                "principal": PRINCIPAL,
                "received_on": RECEIVED,
                "order_date": ORDER,
                "due_date": DUE,
                "programme": "架空事業者支援補助金",
                "fiscal_year": 2024,
                "grant_amount": PRINCIPAL,
            }
        ],
    ).value
    return created.id

"""Fixtures of the search tests: 40 fictional debtors stored and indexed."""

from __future__ import annotations

import pytest
from search_helpers import store_debtors

from saiken.domain.fictional import FictionalDebtor, generate_debtors
from saiken.services.context import VaultSession


@pytest.fixture
def fictional() -> list[FictionalDebtor]:
    return generate_debtors(40, seed=7)


@pytest.fixture
def stocked(
    vault_session: VaultSession, fictional: list[FictionalDebtor]
) -> tuple[VaultSession, dict[str, int]]:
    return vault_session, store_debtors(vault_session, fictional)

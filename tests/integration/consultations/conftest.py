"""Fixtures for the consultation services: a real vault (`vault_session`) with fictional consultants,
advisors and businesses from the project's generator. The clock is 2025-09-16 10:00 JST (a Tuesday)."""

from __future__ import annotations

import pytest
from consult_testkit import add_fictional_businesses

from saiken.domain.fictional_consult import generate_advisors, generate_consultants
from saiken.services import consultations as cs


@pytest.fixture
def consultants(vault_session) -> list[int]:
    return [
        cs.add_consultant(vault_session, p.name, name_kana=p.name_kana).row.id
        for p in generate_consultants(3)
    ]


@pytest.fixture
def advisors(vault_session) -> list[int]:
    ids = []
    for advisor in generate_advisors()[:3]:
        change = cs.add_advisor(
            vault_session,
            advisor.name,
            name_kana=advisor.name_kana,
            specialty=advisor.specialty,
            qualification=advisor.qualification,
            base=advisor.base,
        )
        ids.append(change.row.id)
    return ids


@pytest.fixture
def businesses(vault_session):
    """(ids, fictional businesses): the first twelve carry every surname variant."""
    return add_fictional_businesses(vault_session, 14)

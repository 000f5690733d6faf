"""Fixtures for the 相談 screens: a page context over a real vault (tests/conftest.py's `vault_session`, the
clock at 2025-09-16 10:00 JST), and fictional consultants, advisors and businesses made through the services."""

from __future__ import annotations

import pytest

from saiken.domain.fictional_consult import generate_advisors, generate_businesses, generate_consultants
from saiken.services import consultations as cs


@pytest.fixture
def page_context(qtbot, vault_session):
    from PySide6.QtWidgets import QApplication

    from saiken.ui.kit.background import Operations
    from saiken.ui.kit.clipboard import ClipboardGuard
    from saiken.ui.kit.errors import Dialogs
    from saiken.ui.kit.page_context import PageContext
    from saiken.ui.shell.appsetup import prepare_application

    prepare_application(QApplication.instance())
    ops = Operations(progress_delay_ms=60_000)
    ops.set_session(vault_session)
    context = PageContext(
        ops=ops,
        dialogs=Dialogs(),
        clipboard=ClipboardGuard(),
        clock=vault_session.clock,
        user=vault_session.user,
        org_name=vault_session.org_name,
        org_role=vault_session.org_role,
    )
    yield context
    ops.wait_idle(5000)
    ops.shutdown()


@pytest.fixture
def people(vault_session) -> dict[str, list[int]]:
    consultants = [
        cs.add_consultant(vault_session, p.name, name_kana=p.name_kana).row.id
        for p in generate_consultants(3)
    ]
    advisors = [
        cs.add_advisor(vault_session, a.name, name_kana=a.name_kana, specialty=a.specialty).row.id
        for a in generate_advisors()[:2]
    ]
    businesses = []
    for b in generate_businesses(6):
        businesses.append(
            cs.add_business(
                vault_session,
                name=b.name,
                name_kana=b.name_kana,
                kind=b.kind,
                industry=b.industry,
                phone=b.phone,
                representative=b.representative,
                representative_kana=b.representative_kana,
                representative_born=b.born_wareki,
            ).row.id
        )
    return {"consultants": consultants, "advisors": advisors, "businesses": businesses}

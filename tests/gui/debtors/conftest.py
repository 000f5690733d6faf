"""Fixtures for the debtor screens: a real vault (tests/conftest.py), the shell's real background helper,
and debtor files created through the services (fictional data only)."""

from __future__ import annotations

import pytest
from debtor_gui_data import HAND_DEBTORS, make_claim

from saiken.services import debtors as debtor_services


@pytest.fixture
def page_context(qtbot, vault_session):
    from PySide6.QtWidgets import QApplication

    from saiken.ui.kit.background import Operations
    from saiken.ui.kit.clipboard import ClipboardGuard
    from saiken.ui.kit.errors import dialogs
    from saiken.ui.kit.page_context import PageContext
    from saiken.ui.shell.appsetup import prepare_application

    prepare_application(QApplication.instance())  # font, Japanese translators, style — as the app has them
    ops = Operations(progress_delay_ms=60_000)
    ops.set_session(vault_session)
    context = PageContext(
        ops=ops,
        dialogs=dialogs,  # the application's wrapped dialogs: tests answer them with the `driver` fixture
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
def hand_debtors(vault_session) -> dict[str, int]:
    """Five debtors with one claim each; returns management no → id."""
    ids = {}
    for no, name, kana, kind, representative in HAND_DEBTORS:
        created = debtor_services.add_debtor(
            vault_session,
            management_no=no,
            name=name,
            name_kana=kana,
            kind=kind,
            representative=representative,
            phone="03-5000-0000",
            claims=[make_claim()],
        ).value
        ids[no] = created.id
    return ids

"""Fixtures for the 文書 screens: a real vault with fictional debtors, the shell's real background helper."""

from __future__ import annotations

import pytest

from saiken.domain.fictional import generate_debtors
from saiken.services import debtors as debtor_services


@pytest.fixture
def page_context(qtbot, vault_session):
    from PySide6.QtWidgets import QApplication

    from saiken.ui.kit.background import Operations
    from saiken.ui.kit.clipboard import ClipboardGuard
    from saiken.ui.kit.errors import dialogs
    from saiken.ui.kit.page_context import PageContext
    from saiken.ui.shell.appsetup import prepare_application

    prepare_application(QApplication.instance())
    ops = Operations(progress_delay_ms=60_000)
    ops.set_session(vault_session)
    context = PageContext(
        ops=ops,
        dialogs=dialogs,  # the one the tests drive
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
def debtors(vault_session) -> list[str]:
    """Four fictional debtors with one claim each (management numbers)."""
    numbers = []
    for debtor in generate_debtors(4, seed=5):
        debtor_services.add_debtor(
            vault_session,
            management_no=debtor.management_no,
            name=debtor.name,
            kind=debtor.kind,
            representative=debtor.representative,
            postal_code=debtor.postal_code,
            address=debtor.address,
            claims=[
                {
                    "principal": debtor.principal,
                    "due_date": debtor.due_date,
                    "order_date": debtor.order_date,
                    "received_on": debtor.received_date,
                }
            ],
        )
        numbers.append(debtor.management_no)
    return numbers

"""Fixtures for the debtor screens: a real vault (tests/conftest.py), the shell's real background helper,
and debtor files created through the services (fictional data only)."""

from __future__ import annotations

import datetime as dt

import pytest

from saiken.services import debtors as debtor_services

# Fictional debtors written out by hand: readings chosen to check the 五十音 order and the 髙/高 folding.
HAND_DEBTORS = [
    ("T-003", "架空商事株式会社", "カクウショウジ", "法人", "高橋 一郎"),
    ("T-001", "高橋工務店", "タカハシコウムテン", "個人", "高橋 次郎"),
    ("T-002", "髙橋製作所", "タカハシセイサクショ", "個人", "髙橋 三郎"),
    ("T-004", "朝日架空運輸合同会社", "アサヒカクウウンユ", "法人", "朝日 花子"),
    ("T-005", "渡辺架空食堂", "ワタナベカクウショクドウ", "個人", "渡辺 四郎"),
]
EXPECTED_ORDER = ["アサヒカクウウンユ", "カクウショウジ", "タカハシコウムテン", "タカハシセイサクショ",
                  "ワタナベカクウショクドウ"]


def make_claim(principal: int = 1_000_000) -> dict:
    return {
        "principal": principal,
        "programme": "架空創業支援補助金",
        "fiscal_year": 2024,
        "decision_date": dt.date(2024, 6, 1),
        "grant_amount": principal,
        "received_on": dt.date(2024, 7, 1),
        "order_date": dt.date(2025, 3, 1),
        "due_date": dt.date(2025, 3, 21),
    }


@pytest.fixture
def page_context(qtbot, vault_session):
    from saiken.ui.appsetup import prepare_application
    from saiken.ui.background import Operations
    from saiken.ui.clipboard import ClipboardGuard
    from saiken.ui.errors import Dialogs
    from saiken.ui.page_context import PageContext
    from PySide6.QtWidgets import QApplication

    try:
        prepare_application(QApplication.instance())
    except AttributeError:  # the shell's setup is still being written: at least the Japanese font
        from PySide6.QtGui import QFont

        from saiken.ui.appsetup import register_font

        QApplication.instance().setFont(QFont(register_font(), 10))
    ops = Operations(progress_delay_ms=60_000)
    ops.set_session(vault_session)
    context = PageContext(ops=ops, dialogs=Dialogs(), clipboard=ClipboardGuard(), clock=vault_session.clock,
                          user=vault_session.user, org_name=vault_session.org_name, org_role=vault_session.org_role)
    yield context
    ops.wait_idle(5000)
    ops._thread.quit()
    ops._thread.wait(5000)


@pytest.fixture
def hand_debtors(vault_session) -> dict[str, int]:
    """Five debtors with one claim each; returns management no → id."""
    ids = {}
    for no, name, kana, kind, representative in HAND_DEBTORS:
        created = debtor_services.add_debtor(vault_session, management_no=no, name=name, name_kana=kana, kind=kind,
                                             representative=representative, phone="03-5000-0000",
                                             claims=[make_claim()])
        ids[no] = created.id
    return ids

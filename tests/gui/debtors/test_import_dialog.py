"""The import dialog with an Office-encrypted workbook from the ward: the password asked in a dialog (and
asked again after a wrong one), the check, the import — real widgets offscreen, a real vault, a workbook
made from fictional data and encrypted with msoffcrypto-tool."""

from __future__ import annotations

import tempfile

import pytest
from sqlalchemy import func, select

from office_files import encrypt_agile
from saiken.domain.fictional import generate_debtors
from saiken.exchange.excel.ward_writer import write_ward_workbook
from saiken.services.context import read_session
from saiken.store.models import Debtor

BOOK_PASSWORD = "Kasou-Ward-Pass-2025"  # fictional
ROWS = 12


@pytest.fixture
def locked(tmp_path):
    plain = tmp_path / "plain.xlsx"
    write_ward_workbook(plain, generate_debtors(ROWS, seed=5))
    path = tmp_path / "抽出R7.xlsx"
    path.write_bytes(encrypt_agile(plain.read_bytes(), BOOK_PASSWORD))
    return path


@pytest.fixture
def dialog(qtbot, page_context):
    from saiken.ui.debtors.import_dialog import ImportDialog

    widget = ImportDialog(page_context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _debtors(session) -> int:
    with read_session(session) as db:
        return int(db.scalar(select(func.count(Debtor.id))))


def test_the_password_is_asked_again_after_a_wrong_one_then_the_workbook_imports(
    qtbot, page_context, vault_session, dialog, driver, locked, tmp_path, monkeypatch
):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    asked: list[tuple[str, str]] = []

    def answer(password: str):
        def handler(box) -> None:
            asked.append((box.intro.text(), box.problem.text() if box.problem.isVisible() else ""))
            box.password.setText(password)
            box.buttons.buttons()[0].click()

        return handler

    page_context.dialogs.before_exec = driver.then(answer("Kasou-Ward-Pass-2024")).then(answer(BOOK_PASSWORD))
    dialog.path.setText(str(locked))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20_000)
    assert len(asked) == 2
    assert "ファイル「抽出R7.xlsx」はパスワードで保護されています" in asked[0][0] and asked[0][1] == ""
    assert "パスワードが違います" in asked[1][1]  # the second time, it says why it asks again
    summary = dialog.summary.text()
    assert (
        f"取り込めます: 新規 {ROWS} 件" in summary
        and "パスワード付きのブックをメモリ上で開きました" in summary
    )
    assert _debtors(vault_session) == 0  # the check stored nothing
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        dialog.import_button.click()
    assert imported.args[0].imported == ROWS and imported.args[0].protected
    assert "取り込みました: 新規 12 件" in dialog.summary.text()
    assert _debtors(vault_session) == ROWS
    assert list(temp.iterdir()) == []  # nothing decrypted reached the temp folder
    dialog.close()
    assert dialog._password is None


def test_cancelling_the_password_imports_nothing(qtbot, page_context, vault_session, dialog, driver, locked):
    page_context.dialogs.before_exec = driver.then(lambda box: box.reject())
    dialog.path.setText(str(locked))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "パスワードが必要なため開いていません" in dialog.summary.text(), timeout=20_000)
    assert not dialog.import_button.isEnabled() and _debtors(vault_session) == 0


def test_a_workbook_with_bad_rows_lists_them_and_offers_no_import(qtbot, page_context, dialog, tmp_path):
    from data_factories import write_ward_rows

    bad = tmp_path / "bad.xlsx"
    write_ward_rows(bad, [{"返還金額": "百万円"}, {}])  # a plain workbook with one bad row
    dialog.path.setText(str(bad))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "取り込めません" in dialog.summary.text(), timeout=20_000)
    rows = dialog.table.texts()
    assert any(row[1] == "返還金額" and row[2] == "百万円" for row in rows)
    assert not dialog.import_button.isEnabled()

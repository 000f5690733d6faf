"""The debtor list's 「Excel に書き出す…」 and 「Excel 取込…」 as a user clicks them: the export goes through the
real service with 「パスワードを付ける」 on by default, the import takes the ward's encrypted workbook — real
widgets offscreen, a real vault, files opened again with msoffcrypto-tool."""

from __future__ import annotations

import io
import json

import openpyxl
from dialog_steps import when

from office_files import decrypt_with_msoffcrypto, encrypt_agile
from saiken.domain.fictional import generate_debtors
from saiken.domain.roles import Role
from saiken.exchange.excel.ward_writer import write_ward_workbook
from saiken.services import audit as audit_services
from saiken.services.context import SignedInUser
from saiken.ui.debtors.page import DebtorsPage

BOOK_PASSWORD = "Kasou-Ward-Pass-2025"  # fictional


def _page(qtbot, context) -> DebtorsPage:
    page = DebtorsPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    return page


def test_the_filtered_list_is_exported_with_a_password_by_default(
    qtbot, page_context, hand_debtors, vault_session, driver, tmp_path
):
    page = _page(qtbot, page_context)
    lp = page.list_page
    qtbot.waitUntil(lambda: lp.model.rowCount() == 5, timeout=5000)
    assert lp.export_button.text() == "Excel に書き出す…" and lp.import_button.text() == "Excel 取込…"
    lp.search.setText("架空商事")
    qtbot.waitUntil(lambda: lp.model.rowCount() == 1, timeout=5000)
    target = tmp_path / "一覧.xlsx"
    seen: dict = {}

    def fill(dialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["protect"] = dialog.protect.isChecked()
        seen["suggested"] = dialog.path.text()
        dialog.path.setText(str(target))
        dialog.buttons.buttons()[0].click()

    def once(dialog) -> None:
        seen["password"] = dialog.shown.text()
        dialog.copy_button.click()
        dialog.close_after_asking()

    page_context.dialogs.before_exec = driver.then(fill).then(once)
    lp.export_button.click()
    qtbot.waitUntil(lambda: "password" in seen and target.exists(), timeout=20_000)
    assert seen["title"] == "債務者一覧を Excel に書き出す" and seen["protect"] is True
    assert seen["suggested"].endswith("債務者一覧.xlsx")
    sheet = openpyxl.load_workbook(
        io.BytesIO(decrypt_with_msoffcrypto(target.read_bytes(), seen["password"]))
    ).active
    values = {v for row in sheet.iter_rows(values_only=True) for v in row}
    assert "T-003" in values and "T-001" not in values  # exactly what the search showed
    (entry,) = audit_services.list_entries(vault_session, action="export.debtor_list")
    assert (
        entry.details["protected"] is True
        and entry.details["rows"] == 1
        and entry.details["filtered"] is True
    )
    assert seen["password"] not in json.dumps(entry.details)


def test_the_ward_workbook_is_imported_from_the_list_with_its_password(
    qtbot, page_context, vault_session, driver, tmp_path
):
    plain = tmp_path / "plain.xlsx"
    write_ward_workbook(plain, generate_debtors(8, seed=12))
    locked = tmp_path / "抽出.xlsx"
    locked.write_bytes(encrypt_agile(plain.read_bytes(), BOOK_PASSWORD))
    page = _page(qtbot, page_context)
    lp = page.list_page
    qtbot.waitUntil(lambda: lp.model.total == 0, timeout=5000)
    state: dict = {}

    def importing(dialog) -> None:
        state["dialog"] = dialog
        dialog.path.setText(str(locked))
        dialog.check_button.click()

    def password(box) -> None:
        box.password.setText(BOOK_PASSWORD)
        box.buttons.buttons()[0].click()
        dialog = state["dialog"]
        when(dialog.import_button.isEnabled, dialog.import_button.click)
        when(lambda: "取り込みました" in dialog.summary.text(), dialog.accept)

    page_context.dialogs.before_exec = driver.then(importing).then(password)
    lp.import_button.click()
    qtbot.waitUntil(lambda: lp.model.total == 8, timeout=20_000)  # the list shows the imported debtors
    (entry,) = audit_services.list_entries(vault_session, action="import.excel")
    assert entry.details["protected"] is True and entry.details["protection"] == "agile"


def test_without_the_rights_the_buttons_are_not_offered(qtbot, page_context):
    from dataclasses import replace

    viewer = replace(page_context, user=SignedInUser(id=1, name="etsuran", role=Role.VIEWER))
    page = _page(qtbot, viewer)
    assert page.list_page.export_button.isHidden() and page.list_page.import_button.isHidden()

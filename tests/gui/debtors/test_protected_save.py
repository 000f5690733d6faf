"""The save dialog with 「パスワードを付ける」, the password shown once, and the password notice printed from
memory through the real print dialog (to a PDF file) — real widgets offscreen, a real vault, real files
opened again with msoffcrypto-tool."""

from __future__ import annotations

import io
import json

import openpyxl
import pypdfium2 as pdfium
import pytest
from dialog_steps import when
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from office_files import decrypt_with_msoffcrypto
from saiken.domain.fictional import generate_debtors
from saiken.exchange.excel import DebtorSheetRow, debtor_list_bytes
from saiken.services.context import read_session, unit_of_work
from saiken.services.file_protection import save_personal_file
from saiken.store.models import AuditEntry

DEBTORS = generate_debtors(5, seed=44)


def save_list(session, path, *, password):
    """A saver as every saver is written: bytes in memory, `save_personal_file`, the audit entry beside it."""
    rows = [
        DebtorSheetRow(management_no=d.management_no, name=d.name, principal=d.principal, paid=d.paid)
        for d in DEBTORS
    ]
    with unit_of_work(session) as work:
        saved = save_personal_file(
            session, path, debtor_list_bytes(rows), title="債務者一覧", password=password
        )
        work.audit("export.debtor_list", rows=len(rows), **saved.audit_details())
    return saved


def _audit(session, action):
    with read_session(session) as db:
        return [
            json.loads(e.details) for e in db.scalars(select(AuditEntry).where(AuditEntry.action == action))
        ]


def test_the_dialog_offers_a_password_by_default_and_checks_a_typed_one_live(qtbot, page_context, tmp_path):
    from saiken.ui.kit.protected_save import ProtectedSaveDialog

    dialog = ProtectedSaveDialog(
        page_context.dialogs,
        title="債務者一覧を書き出す",
        suggested=tmp_path / "一覧.xlsx",
        user_name="admin",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.buttons.buttons()[0]
    assert dialog.protect.isChecked() and dialog.generated.isChecked()
    assert dialog.protect.text() == "パスワードを付ける"
    assert "Excel でファイルを開くときにパスワードを求められます" in dialog.how.text()
    assert save.isEnabled() and not dialog.warning.isVisible()
    dialog.typed.setChecked(True)
    assert dialog.passwords.isVisible() and not save.isEnabled()
    qtbot.keyClicks(dialog.passwords.password, "short")
    assert "10 文字以上" in dialog.passwords.problems.text()
    dialog.passwords.password.setText("admin")
    assert (
        "利用者名と同じ" in dialog.passwords.problems.text()
        or "10 文字以上" in dialog.passwords.problems.text()
    )
    dialog.passwords.password.setText("kasou no madoguchi 2025")
    dialog.passwords.confirm.setText("kasou no madoguchi 2025")
    assert save.isEnabled()
    dialog.protect.setChecked(False)
    assert dialog.warning.isVisible() and "個人情報" in dialog.warning.text()
    assert not dialog.generated.isEnabled() and save.isEnabled()


@pytest.mark.parametrize("typed", [False, True], ids=["generated", "typed"])
def test_save_show_the_password_once_and_print_the_notice(
    qtbot, page_context, vault_session, tmp_path, driver, typed
):
    from saiken.ui.kit.pdf_preview import PdfPreviewDialog
    from saiken.ui.kit.protected_save import PasswordOnceDialog, ProtectedSaveDialog, save_with_password

    target = tmp_path / "一覧.xlsx"
    printed = tmp_path / "printed-notice.pdf"
    shown: dict = {}

    def fill(dialog: ProtectedSaveDialog) -> None:
        dialog.path.setText(str(target))
        if typed:
            dialog.typed.setChecked(True)
            dialog.passwords.password.setText("kasou no madoguchi 2025")
            dialog.passwords.confirm.setText("kasou no madoguchi 2025")
        dialog.buttons.buttons()[0].click()

    def once(dialog: PasswordOnceDialog) -> None:
        shown["text"] = dialog.shown.text()
        shown["dialog"] = dialog
        dialog.print_button.click()  # the notice is made on the worker, then previewed
        when(lambda: dialog.printed, dialog.close_after_asking)

    def preview(dialog: PdfPreviewDialog) -> None:
        shown["pages"] = dialog.page_count
        dialog.print_button.click()  # the real print dialog, answered below
        dialog.accept()

    def print_to_file(dialog) -> None:
        dialog.findChild(QLineEdit, "filename").setText(str(printed))
        dialog.accept()

    page_context.dialogs.before_exec = driver.then(fill).then(once).then(preview).then(print_to_file)
    done: list = []
    save_with_password(
        page_context,
        None,
        title="債務者一覧を書き出す",
        suggested="一覧.xlsx",
        save=save_list,
        on_saved=done.append,
    )
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    saved = done[0]
    password = shown["text"]
    assert saved.path == target and saved.protected
    if typed:
        assert password == "kasou no madoguchi 2025"
    else:
        assert len(password) == 34 and password.count("-") == 6
    workbook = openpyxl.load_workbook(io.BytesIO(decrypt_with_msoffcrypto(target.read_bytes(), password)))
    assert DEBTORS[0].name in [c.value for (c,) in workbook.active.iter_rows(min_col=2, max_col=2)]
    assert shown["pages"] == 1 and printed.stat().st_size > 1000
    paper = pdfium.PdfDocument(printed.read_bytes())
    try:
        assert len(paper) == 1 and paper[0].render(scale=0.3).to_pil().convert("L").getextrema()[0] < 80
    finally:
        paper.close()
    assert shown["dialog"].shown.text() == ""  # the password does not stay in the widget
    (export,) = _audit(vault_session, "export.debtor_list")
    assert export["protected"] is True and export["protection"] == "office-agile-aes256"
    (notice,) = _audit(vault_session, "file.password_notice")
    assert notice["check_code"] == saved.check_code
    everything = json.dumps([*_audit(vault_session, "export.debtor_list"), notice], ensure_ascii=False)
    assert password not in everything


def test_closing_before_the_password_was_kept_asks_first(
    qtbot, page_context, vault_session, tmp_path, driver
):
    from saiken.services.file_protection import generate_file_password
    from saiken.ui.kit.protected_save import PasswordOnceDialog

    password = generate_file_password()
    saved = save_list(vault_session, tmp_path / "一覧.xlsx", password=password)
    dialog = PasswordOnceDialog(page_context, saved, password)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.shown.text() == password.text
    page_context.dialogs.before_exec = driver.then(lambda box: box.reject())  # 「閉じる」? — no, not yet
    dialog.close_after_asking()
    assert dialog.isVisible()
    assert (
        "二度と表示されません" in page_context.dialogs.history[-1][1]
        or "表示されません" in driver.seen[-1].text()
    )
    dialog.copy_button.click()
    assert "クリップボード" in dialog.status.text()
    dialog.close_after_asking()  # copied: closes without asking
    assert not dialog.isVisible() and dialog.shown.text() == ""


def test_saving_without_a_password_says_so(qtbot, page_context, vault_session, tmp_path, driver):
    from saiken.ui.kit.protected_save import save_with_password

    target = tmp_path / "plain.xlsx"

    def fill(dialog) -> None:
        dialog.path.setText(str(target))
        dialog.protect.setChecked(False)
        dialog.buttons.buttons()[0].click()

    page_context.dialogs.before_exec = driver.then(fill).then(lambda box: box.accept())
    done: list = []
    save_with_password(
        page_context,
        None,
        title="債務者一覧を書き出す",
        suggested="x.xlsx",
        save=save_list,
        on_saved=done.append,
    )
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    assert openpyxl.load_workbook(target).active is not None  # a plain workbook
    assert "パスワードを付けずに保存しました" in driver.seen[-1].text()
    (export,) = _audit(vault_session, "export.debtor_list")
    assert export["protected"] is False and export["protection"] == "none"

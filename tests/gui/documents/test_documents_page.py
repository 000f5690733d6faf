"""The 文書 area as a clerk and a supervisor use it: Japanese on screen, the live preview, refusals shown,
letters previewed without writing anything, made, printed from memory and listed as sent."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from saiken.services.context import read_session
from saiken.services.letters import approve_version, list_templates
from saiken.store.models import DocumentSent


def _sent(vault) -> int:
    with read_session(vault) as session:
        return session.scalar(select(func.count()).select_from(DocumentSent)) or 0


def test_templates_are_listed_in_japanese_with_a_live_preview_and_problems_shown(qtbot, page_context):
    from saiken.ui.documents.page import DocumentsPage

    page = DocumentsPage(page_context)
    qtbot.addWidget(page)
    page.show()
    tab = page.templates
    qtbot.waitUntil(lambda: tab.tree.topLevelItemCount() == 5, timeout=10_000)
    assert page.tabs.tabText(0) == "ひな形" and page.tabs.tabText(1) == "文書の作成"
    assert tab.tree.topLevelItem(0).text(0).startswith("督促状")
    assert tab.tree.topLevelItem(0).child(0).text(1) == "下書き"
    qtbot.waitUntil(lambda: tab.preview.page_count() >= 1, timeout=10_000)
    assert "（教示）" in tab.editor.toPlainText()
    tab.edit_selected()
    assert not tab.editor.isReadOnly() and tab.save_button.isEnabled()
    tab.editor.setPlainText(tab.editor.toPlainText().replace("{{納付期限}}", "{{納付期日}}", 1))
    qtbot.waitUntil(lambda: "はありません" in tab.problems.text(), timeout=5_000)
    assert "「{{納付期日}}」" in tab.problems.text() and "行" in tab.problems.text()


def test_a_batch_is_previewed_without_writing_then_made_and_printed_from_memory(
    qtbot, page_context, vault_session, debtors, tmp_path, driver
):
    from saiken.ui.documents.page import DocumentsPage

    (demand,) = list_templates(vault_session, kind="demand")
    approve_version(vault_session, demand.latest.id)
    page = DocumentsPage(page_context)
    qtbot.addWidget(page)
    page.show()
    batch = page.batch
    batch.set_management_numbers(debtors)
    batch.preview_batch()
    qtbot.waitUntil(lambda: "プレビュー: 4通" in batch.status.text(), timeout=20_000)
    assert batch.letters.page_count() >= 4 and _sent(vault_session) == 0
    assert not batch.save_button.isEnabled()  # nothing made yet
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    batch.letters.printer = printer
    driver.then(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    batch.make_batch()
    qtbot.waitUntil(lambda: "発送済みとして記録しました" in batch.status.text(), timeout=20_000)
    assert _sent(vault_session) == 4
    assert batch.letters.printed == batch.letters.page_count()
    assert len(PdfReader(printed).pages) == batch.letters.page_count()
    page.tabs.setCurrentWidget(page.sent)
    qtbot.waitUntil(lambda: page.sent.batches.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: page.sent.letters.rowCount() == 4, timeout=10_000)
    assert page.sent.batches.item(0, 1).text() == "督促状"


def test_a_viewer_sees_the_templates_but_cannot_draft_approve_or_make_letters(qtbot, page_context):
    from dataclasses import replace

    from saiken.domain.roles import Role
    from saiken.services.context import SignedInUser
    from saiken.ui.documents.page import DocumentsPage

    viewer = replace(page_context, user=SignedInUser(id=1, name="etsuran", role=Role.VIEWER))
    page = DocumentsPage(viewer)
    qtbot.addWidget(page)
    tab = page.templates
    qtbot.waitUntil(lambda: tab.tree.topLevelItemCount() == 5, timeout=10_000)
    assert not tab.new_button.isEnabled() and not tab.approve_button.isEnabled()
    assert "閲覧" in tab.rights.text()
    assert not page.batch.make_button.isEnabled()

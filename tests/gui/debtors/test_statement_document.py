"""計算書: the breakdown with one number of decimals in every row of a column, the PDF previewed from memory
(A4, the rule, every segment, the one truncation at the end), printed through the real print dialog and
saved as PDF with the export right — all audited.

Worked example: T-001 owes 1,000,000 received 2024-07-01, due 2025-03-21; 400,000 paid on 2025-06-30;
as of 2025-09-16 (the fixed clock):
- 加算金 on the unpaid 1,000,000 for 2024-07-01..2025-06-30 (365 days): 1,000,000 × 10.95% = 109,500;
  on the 600,000 still unpaid for 2025-07-01..2025-09-16 (78 days): 600,000 × 0.03% × 78 = 14,040
  (the same as 400,000 for 365 days plus 600,000 for 443 days: 43,800 + 79,740 = 123,540).
- 延滞金 on 1,000,000 for 2025-03-22..2025-06-30 (101 days): 30,300; on 600,000 for 2025-07-01..09-16
  (78 days): 14,040 — 44,340 in all.
"""

from __future__ import annotations

import datetime as dt
import io

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QLineEdit

from saiken.services import audit as audit_services
from saiken.services import debtors as debtor_services
from saiken.ui.debtors.card import DebtorCardPage


@pytest.fixture
def card_page(qtbot, page_context, hand_debtors, vault_session):
    debtor_services.add_payment(
        vault_session, hand_debtors["T-001"], paid_on=dt.date(2025, 6, 30), amount=400_000
    )
    page = DebtorCardPage(page_context)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    page.open_debtor(hand_debtors["T-001"])
    qtbot.waitUntil(lambda: page.card is not None, timeout=10_000)
    return page


def _statement(qtbot, card_page):
    card_page.open_charge_statement()
    qtbot.waitUntil(lambda: card_page.statement_dialog is not None, timeout=10_000)
    return card_page.statement_dialog


def test_the_amounts_line_up_with_four_decimals(qtbot, card_page):
    dialog = _statement(qtbot, card_page)
    rows = dialog.segment_texts()
    amounts = [row[8] for row in rows]
    assert amounts == ["109,500.0000円", "14,040.0000円", "30,300.0000円", "14,040.0000円"]
    assert {len(a.split(".")[1]) for a in amounts} == {len("0000円")}
    right = dialog.table.item(0, 8).textAlignment()
    assert right & 0x0002  # Qt.AlignRight
    assert rows[0][1] == "R6.7.1" and rows[0][2] == "R7.6.30"
    assert dialog.summary_labels["additional"].text() == "123,540.0000円 → 123,540円"


def test_the_preview_is_the_printed_statement_made_in_memory(qtbot, card_page, vault_session):
    dialog = _statement(qtbot, card_page)
    dialog.show_preview()
    qtbot.waitUntil(lambda: dialog.document is not None, timeout=15_000)
    assert dialog.page_count == 1
    reader = PdfReader(io.BytesIO(dialog.document.pdf))
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait in points
    text = page.extract_text()
    for expected in (
        "計算書",
        "高橋工務店",
        "令和7年9月16日",
        "年10.95%",
        "最後に一度だけ1円未満を切り捨てます",
        "109,500.0000円",
        "123,540円",
        "30,300.0000円",
        "14,040.0000円",
        "44,340円",  # 延滞金 30,300 + 14,040
        "1 / 1",
    ):
        assert expected in text, expected
    assert "高橋" not in (reader.metadata.title or "")  # no personal data in the metadata
    bitmap = pdfium.PdfDocument(dialog.document.pdf)[0].render(scale=0.5).to_pil()
    assert bitmap.size[0] > 200  # it renders
    views = audit_services.list_entries(vault_session, action="debtor.charge_statement")
    assert any(entry.details.get("document") == "pdf" for entry in views)


def test_ctrl_p_on_the_card_prints_the_statement(qtbot, card_page, driver, vault_session, tmp_path):
    printed = tmp_path / "printed.pdf"

    def print_to_file(dialog):
        dialog.findChild(QLineEdit, "filename").setText(str(printed))
        dialog.accept()

    driver.then(print_to_file)
    assert card_page.print_statement()
    qtbot.waitUntil(lambda: printed.exists() and printed.stat().st_size > 1000, timeout=20_000)
    qtbot.waitUntil(
        lambda: bool(audit_services.list_entries(vault_session, action="document.print")), timeout=10_000
    )
    entry = audit_services.list_entries(vault_session, action="document.print")[0]
    assert entry.details["document"] == "charge_statement" and entry.details["pages"] == 1
    assert card_page.context.notices.last == "計算書（1ページ）を印刷しました。"


def test_save_as_pdf_needs_the_export_right_and_is_audited(qtbot, card_page, driver, vault_session, tmp_path):
    dialog = _statement(qtbot, card_page)
    target = tmp_path / "計算書.pdf"

    def save_plainly(save_dialog):
        save_dialog.path.setText(str(target))
        save_dialog.protect.setChecked(False)
        save_dialog.buttons.buttons()[0].click()

    driver.then(save_plainly).then(lambda box: box.done(0))
    dialog.save_pdf()
    qtbot.waitUntil(target.exists, timeout=20_000)
    assert "計算書" in PdfReader(target).pages[0].extract_text()
    entry = audit_services.list_entries(vault_session, action="export.charge_statement")[0]
    assert entry.target_id == str(card_page.card.id) and entry.details["protected"] is False

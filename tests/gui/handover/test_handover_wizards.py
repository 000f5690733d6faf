"""The handover wizards over real vaults: the ward's supervisor makes a package through the export wizard
(counts first, then the package, the password once, the printed notice, the burned copy verified), the
contractor's import wizard refuses a wrong password, previews the package and takes it in, and refuses the
same package again; a handler reads why they cannot make a package."""

from __future__ import annotations

import hashlib
import shutil

from handover_gui_data import HANDLER, HANDLER_PASSWORD, WARD
from handover_steps import ask, choose_file, debtor_count, form_texts, pdf_text, print_to
from PySide6.QtWidgets import QWizard

from saiken.services import audit, handover


def _export_through_the_wizard(qtbot, page, tmp_path, driver):
    wizard = page.open_export_wizard()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert "個人情報" in wizard.approval.explanation.text() and "管理簿" in wizard.approval.explanation.text()
    assert not next_button.isEnabled()  # not before the supervisor approves
    wizard.approval.approve.setChecked(True)
    assert next_button.isEnabled()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.choose.engagement.count() == 1, timeout=20_000)
    assert wizard.choose.kind.currentText() == "債務者データ（区→受託者）"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.counts.preview is not None, timeout=30_000)
    return wizard


def test_a_package_made_in_the_wizard_is_previewed_and_taken_in_by_the_contractor(
    qtbot, vaults, window_on, ops, tmp_path, driver
):
    page = window_on(vaults.ward)
    debtors = ask(qtbot, ops, debtor_count)
    burn = tmp_path / "burn"
    burn.mkdir()
    wizard = _export_through_the_wizard(qtbot, page, tmp_path, driver)
    counts = dict((row[0], row[1]) for row in wizard.counts.table.texts())
    assert counts["債務者"] == f"{debtors:,}" and debtors > 10
    total = wizard.counts.preview.total
    assert wizard.counts.total.text() == f"合計 {total:,} 件"
    assert not list(burn.iterdir())  # counted, nothing written

    wizard.next()
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "パッケージを書き出す"
    wizard.staging.folder.setText(str(burn))
    wizard.staging.medium.setText("区-R7-001")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.written, timeout=90_000)
    written = wizard.written
    (package,) = burn.iterdir()  # the package and nothing else: no notice, no temp file
    assert package.name.startswith("SAIKEN-debtors-001-") and package.suffix == ".zip"
    result = written.result
    shown = written.password.text()
    assert shown.replace(" - ", "-") == result.password and len(shown.split(" - ")) == 7
    qtbot.waitUntil(lambda: len(form_texts(written.facts)) == 7, timeout=10_000)
    facts = form_texts(written.facts)
    assert facts["SHA-256"] == hashlib.sha256(package.read_bytes()).hexdigest()
    assert facts["媒体"] == "区-R7-001" and facts["管理簿"].endswith("（作成）を記録しました")
    notice = pdf_text(handover.password_notice_pdf(result))
    assert result.password in notice and "区-R7-001" in notice

    driver.then(choose_file(burn / "notice.pdf"))  # into the burning folder: refused, nothing written
    written.save_button.click()
    assert "書き込み用フォルダに保存しないでください" in written.status.text()
    assert [p.name for p in burn.iterdir()] == [package.name] and not written.saved
    kept = tmp_path / "kept" / "notice.pdf"
    kept.parent.mkdir()
    driver.then(choose_file(kept))
    written.save_button.click()
    qtbot.waitUntil(lambda: written.saved, timeout=20_000)
    assert (
        written.status.text()
        == "パスワード通知書を「notice.pdf」として保存しました。媒体とは別に保管してください。"
    )
    assert result.password in pdf_text(kept.read_bytes())
    (saved_entry,) = ask(qtbot, ops, lambda s: audit.list_entries(s, action="package.notice_saved"))
    assert result.password not in repr(saved_entry)  # the save is audited, the password is not in it

    printed = tmp_path / "notice-printed.pdf"
    seen: dict = {}
    driver.then(print_to(printed, seen)[0]).then(print_to(printed, seen)[1])
    written.print_button.click()
    qtbot.waitUntil(lambda: written.printed, timeout=20_000)
    assert seen["pages"] == 1 and printed.stat().st_size > 1000
    assert written.status.text() == "パスワード通知書を印刷しました。"

    cdrom = tmp_path / "cdrom"
    cdrom.mkdir()
    burned = cdrom / package.name
    damaged = cdrom / ("damaged-" + package.name)
    shutil.copyfile(package, burned)
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    driver.then(choose_file(damaged))
    written.verify_button.click()
    qtbot.waitUntil(lambda: "一致しません" in written.status.text(), timeout=30_000)
    assert "新しい媒体にもう一度書き込んでください" in written.status.text()
    driver.then(choose_file(burned))
    written.verify_button.click()
    qtbot.waitUntil(lambda: "一致しました" in written.status.text(), timeout=30_000)
    wizard.accept()  # the notice was printed: no question
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10_000)
    assert written.password.text() == ""
    qtbot.waitUntil(lambda: page.ledger.entries.rowCount() == 2, timeout=20_000)
    assert [row[2] for row in page.ledger.entries.texts()] == ["作成", "媒体照合"]

    # --- the contractor's vault takes it in -------------------------------------------------------------
    page = window_on(vaults.firm)
    assert ask(qtbot, ops, debtor_count) == 0
    importer = page.open_import_wizard()
    importer.file.path.setText(str(burned))
    importer.next()
    importer.password.password.setText("WRONG-" + result.password[5:])
    importer.next()
    check = importer.check
    qtbot.waitUntil(lambda: not check.busy, timeout=30_000)
    assert (
        "パスワード" in check.status.text()
        and not importer.button(QWizard.WizardButton.CommitButton).isEnabled()
    )
    importer.back()
    typed = result.password.lower().replace("-", " ")  # as a person types it from the notice
    importer.password.password.setText(typed)
    importer.password.person.setText("山田（架空区 産業振興課）")
    importer.next()
    qtbot.waitUntil(lambda: check.preview is not None, timeout=60_000)
    assert check.status.text() == f"すべての検査に合格しました。{WARD} の署名があり、この金庫宛てです。"
    qtbot.waitUntil(lambda: len(form_texts(check.facts)) == 9, timeout=10_000)
    seen_facts = form_texts(check.facts)
    assert seen_facts["送り手"] == WARD and seen_facts["種類"] == "債務者データ（区→受託者）"
    assert seen_facts["媒体"] == "区-R7-001" and seen_facts["回数"] == "1"
    assert seen_facts["作成者"] == "admin　令和7年9月16日 10:00"  # fixed_clock: 01:00 UTC, 10:00 in Japan
    assert seen_facts["件数"].startswith(f"{sum(result.records.values()):,} 件")
    rows = {row[0]: row[1:] for row in check.table.texts()}
    assert rows["債務者"] == [f"{debtors:,}", "0", "0"]
    assert ask(qtbot, ops, debtor_count) == 0  # the preview was rolled back
    importer.next()
    qtbot.waitUntil(lambda: importer.currentPage() is importer.done_page, timeout=90_000)
    assert importer.done_page.summary.text() == (
        f"{WARD} の 1 回目のパッケージを取り込みました（{sum(result.records.values()):,} 件）。"
    )
    assert ask(qtbot, ops, debtor_count) == debtors
    importer.accept()
    qtbot.waitUntil(lambda: page.ledger.entries.rowCount() == 1, timeout=20_000)
    (entry,) = page.ledger.entries.texts()
    assert entry[2] == "受領" and entry[3].startswith("区-R7-001") and "山田" in entry[7]

    again = page.open_import_wizard()  # the same package once more: a replay, refused
    again.file.path.setText(str(burned))
    again.next()
    again.password.password.setText(result.password)
    again.next()
    qtbot.waitUntil(lambda: not again.check.busy, timeout=60_000)
    assert "何も取り込んでいません" in again.check.status.text()
    assert again.check.preview is None
    again.reject()


def test_a_handler_reads_why_they_cannot_make_a_package(qtbot, vaults, window_on):
    page = window_on(vaults.ward, HANDLER, HANDLER_PASSWORD)
    wizard = page.open_export_wizard()
    text = wizard.approval.explanation.text()
    assert text.startswith("パッケージを作れるのは取扱責任者だけです。") and "依頼してください" in text
    assert "tanaka（取扱者）としてサインインしています。" in [
        label.text() for label in wizard.approval.findChildren(type(wizard.approval.explanation))
    ]
    assert wizard.approval.approve.isHidden()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.reject()

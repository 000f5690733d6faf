"""The contractor's erasure wizard over a real engagement taken in from the ward: what cannot be reached is
listed, the confirmation names what is destroyed and waits for the name typed out, the engagement is
erased, the signed 消去証明書 is printed and saved, the erasure package for the ward is written, and the
ward's import wizard takes it in and closes the medium. A crypto-erase leaves only its certificate.
Pairing: the counterpart's key registered from its file, the 照合用紙 printed and saved, then confirmed."""

from __future__ import annotations

from handover_gui_data import FIRM, WARD, make_vault, open_vault
from handover_steps import ask, choose_file, debtor_count, form_texts, pdf_text, print_to
from PySide6.QtWidgets import QMessageBox, QWizard

from saiken.services import handover
from saiken.ui.kit.protected_save import ProtectedSaveDialog

TITLE = "経営力強化支援事業補助金返還金 督促等業務"


def _firm_with_the_engagement(vaults, tmp_path, clock) -> int:
    """The ward sends its debtors (services, as the wizard test does through the GUI); the firm takes them."""
    ward = open_vault(vaults.ward, clock)
    try:
        (tmp_path / "b1").mkdir()
        sent = handover.export_package(
            ward,
            engagement_id=vaults.engagement_id,
            kind="debtors",
            media_id="区-R7-001",
            out_dir=tmp_path / "b1",
        )
        handover.record_event(ward, medium_id="区-R7-001", event="handed_over")
        debtors = debtor_count(ward)
    finally:
        ward.close()
    firm = open_vault(vaults.firm, clock)
    try:
        handover.import_package(firm, sent.path, sent.password)
    finally:
        firm.close()
    return debtors


def test_the_erasure_wizard_erases_the_engagement_and_certifies_it(
    qtbot, vaults, window_on, ops, tmp_path, driver, fixed_clock
):
    debtors = _firm_with_the_engagement(vaults, tmp_path, fixed_clock)
    page = window_on(vaults.firm)
    assert ask(qtbot, ops, debtor_count) == debtors
    wizard = page.open_erasure_wizard()
    method = wizard.method
    qtbot.waitUntil(lambda: method.engagement.count() == 1, timeout=20_000)
    assert method.engagement.currentText() == f"{TITLE}（{debtors:,}件）"
    wizard.next()
    copies = wizard.copies
    qtbot.waitUntil(lambda: copies.listed is not None, timeout=20_000)
    assert "受け取った媒体 1 枚（区-R7-001）" in copies.copies.text()
    assert copies.destroys.text().startswith(
        f"消去するもの: 業務「{TITLE}」のすべての記録 — 債務者 {debtors:,} 件"
    )

    wizard.next()
    confirm = wizard.confirm
    erase = wizard.button(QWizard.WizardButton.CommitButton)
    assert erase.text() == "消去する" and not erase.isEnabled()
    assert confirm.typed_label.text() == f"確認のため「{TITLE}」と入力"
    confirm.responsible.setText("架空 一郎")
    confirm.typed.setText("消去")
    assert not erase.isEnabled()  # not the engagement's name
    confirm.typed.setText(TITLE)
    assert erase.isEnabled()
    wizard.next()
    certificate = wizard.certificate
    qtbot.waitUntil(lambda: wizard.currentPage() is certificate, timeout=180_000)
    result = confirm.result
    assert certificate.summary.text().startswith("業務を消去しました。")
    assert ask(qtbot, ops, debtor_count) == 0
    text = pdf_text(result.pdf)
    assert "消去証明書" in text and result.certificate_no in text and "架空 一郎" in text

    printed = tmp_path / "certificate-printed.pdf"
    seen: dict = {}
    preview, to_file = print_to(printed, seen)
    driver.then(preview).then(to_file)
    certificate.print_button.click()
    qtbot.waitUntil(lambda: certificate.printed, timeout=30_000)
    assert seen["pages"] >= 1 and printed.stat().st_size > 1000

    saved_to = tmp_path / "saved" / "消去証明書.pdf"
    saved_to.parent.mkdir()

    def fill(dialog: ProtectedSaveDialog) -> None:
        assert not dialog.protect.isChecked()  # it holds no personal data
        dialog.path.setText(str(saved_to))
        dialog.buttons.buttons()[0].click()

    driver.then(fill).then(lambda box: box.accept())
    certificate.save_button.click()
    qtbot.waitUntil(lambda: saved_to.exists() and "保存しました" in certificate.status.text(), timeout=30_000)
    assert saved_to.read_bytes() == result.pdf

    wizard.next()
    package = wizard.package
    burn = tmp_path / "burn"
    burn.mkdir()
    package.folder.setText(str(burn))
    package.medium.setText("事-R7-001")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.written, timeout=60_000)
    (written,) = burn.iterdir()
    assert written.name.startswith("SAIKEN-erasure-001-")
    password = wizard.written.result.password
    assert wizard.written.password.text().replace(" - ", "-") == password
    driver.then(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    wizard.accept()  # the notice was neither printed nor saved: asked, and Cancel keeps the wizard open
    qtbot.waitUntil(lambda: len(driver.seen) >= 5, timeout=10_000)
    assert wizard.isVisible() and "二度と表示されず" in driver.seen[-1].text()
    driver.then(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    wizard.accept()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: page.parties.engagements.rowCount() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: page.parties.engagements.texts()[0][2] == "消去済み", timeout=20_000)

    # --- the ward takes the erasure package in: the certificate is recorded, its medium closed -----------
    page = window_on(vaults.ward)
    qtbot.waitUntil(lambda: page.ledger.media.rowCount() == 1, timeout=20_000)
    assert page.ledger.media.texts()[0][0] == "区-R7-001"
    importer = page.open_import_wizard()
    importer.file.path.setText(str(written))
    importer.next()
    importer.password.password.setText(password)
    importer.next()
    qtbot.waitUntil(lambda: importer.check.preview is not None, timeout=60_000)
    qtbot.waitUntil(lambda: len(form_texts(importer.check.facts)) == 9, timeout=10_000)
    assert form_texts(importer.check.facts)["種類"] == "消去の報告（受託者→区）"
    assert importer.check.table.isHidden()  # an erasure report carries no records to count
    importer.next()
    qtbot.waitUntil(lambda: importer.currentPage() is importer.done_page, timeout=60_000)
    importer.accept()
    qtbot.waitUntil(lambda: "区-R7-001" not in [r[0] for r in page.ledger.media.texts()], timeout=20_000)
    assert "消去" in [r[2] for r in page.ledger.entries.texts()]


def test_pairing_registers_the_key_prints_the_sheet_and_confirms(
    qtbot, tmp_path, window_on, driver, fixed_clock
):
    ward = make_vault(tmp_path / "ward", "ward", WARD, fixed_clock)
    firm = make_vault(tmp_path / "firm", "contractor", FIRM, fixed_clock)
    key_file = tmp_path / "ward-key.json"
    session = open_vault(ward, fixed_clock)
    try:
        fingerprint = handover.export_key(session, key_file)
    finally:
        session.close()
    page = window_on(firm)
    parties = page.parties
    pairing = parties.pairing
    driver.then(choose_file(key_file))
    pairing.add_button.click()
    qtbot.waitUntil(lambda: parties.organisations.rowCount() == 1, timeout=20_000)
    assert pairing.status.text().startswith(f"「{WARD}」を登録しました（鍵の指紋 {fingerprint}）。")
    assert parties.organisations.texts()[0] == [WARD, "区", fingerprint, "未照合"]
    parties.organisations.selectRow(0)

    seen: dict = {}
    preview, to_file = print_to(tmp_path / "sheet-printed.pdf", seen)
    driver.then(preview).then(to_file)
    pairing.print_button.click()
    qtbot.waitUntil(lambda: pairing.status.text() == "照合用紙を印刷しました。", timeout=30_000)
    assert seen["pages"] == 1

    sheet = tmp_path / "照合用紙.pdf"
    driver.then(choose_file(sheet))
    pairing.save_button.click()
    qtbot.waitUntil(lambda: sheet.exists(), timeout=20_000)
    text = pdf_text(sheet.read_bytes()).replace(" ", "")
    assert (
        fingerprint.replace(" ", "").replace("-", "") in text.replace("-", "")
        and WARD.replace(" ", "") in text
    )

    driver.then(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    pairing.confirm_button.click()
    assert parties.organisations.texts()[0][3] == "未照合"  # declined: nothing changed
    driver.then(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    pairing.confirm_button.click()
    qtbot.waitUntil(lambda: parties.organisations.texts()[0][3] == "済み", timeout=20_000)
    assert pairing.status.text() == f"「{WARD}」を照合済みにしました。パッケージを受け渡しできます。"


def test_crypto_erase_of_the_whole_vault_leaves_only_its_certificate(
    qtbot, tmp_path, window_on, driver, fixed_clock
):
    firm = make_vault(tmp_path / "firm", "contractor", FIRM, fixed_clock)
    page = window_on(firm)
    window = page.window()
    wizard = page.open_erasure_wizard()
    wizard.method.vault_mode.setChecked(True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.copies.listed is not None, timeout=20_000)
    assert wizard.copies.destroys.text().startswith(f"消去するもの: {FIRM} の金庫全体")
    assert "回復シートを使っても" in wizard.copies.destroys.text()
    wizard.next()
    confirm = wizard.confirm
    erase = wizard.button(QWizard.WizardButton.CommitButton)
    out = tmp_path / "kept" / "消去証明書.pdf"
    out.parent.mkdir()
    driver.then(choose_file(out))
    confirm.browse.click()
    assert confirm.certificate_out.text() == str(out)
    confirm.responsible.setText("架空 一郎")
    confirm.typed.setText(FIRM)
    assert erase.isEnabled()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.certificate, timeout=120_000)
    assert wizard.certificate.summary.text() == f"金庫を消去しました。消去証明書は「{out}」に保存しました。"
    text = pdf_text(out.read_bytes())
    assert "消去証明書" in text and confirm.result.certificate_no in text
    assert not (firm / "keys.json").exists() and not (firm / "vault.db").exists()
    assert wizard.certificate.save_button.isHidden()  # nothing left to save from: it was saved beforehand
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    driver.then(lambda box: box.accept())
    wizard.accept()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)  # nothing left to lock or sign in to
    assert "債権デスクを終了します" in driver.seen[-1].text()


def test_a_lock_after_a_crypto_erase_closes_the_window_instead_of_reading_the_gone_vault(
    qtbot, tmp_path, window_on, driver, fixed_clock
):
    """The idle lock (or Ctrl+L) may come while the erased vault's certificate page is still open: there is
    no vault left to show a sign-in screen for, so the window says so and closes."""
    firm = make_vault(tmp_path / "firm", "contractor", FIRM, fixed_clock)
    page = window_on(firm)
    window = page.window()
    wizard = page.open_erasure_wizard()
    wizard.method.vault_mode.setChecked(True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.copies.listed is not None, timeout=20_000)
    wizard.next()
    out = tmp_path / "消去証明書.pdf"
    driver.then(choose_file(out))
    wizard.confirm.browse.click()
    wizard.confirm.responsible.setText("架空 一郎")
    wizard.confirm.typed.setText(FIRM)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.certificate, timeout=120_000)
    driver.then(lambda box: box.accept())
    window.lock()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
    assert "金庫を開けなくなりました" in driver.seen[-1].text()
    assert out.exists()  # the certificate the user kept is untouched

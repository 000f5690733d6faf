"""First run and signing in, through the real widgets over real vaults."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from shell_gui_data import ADMIN, ADMIN_PASSWORD, WRONG_PASSWORD

from saiken.domain.errors import WrongPasswordError
from saiken.services import vault


def test_wizard_creates_a_real_vault_and_shows_the_recovery_key_once(
    qtbot, ops, tmp_path, driver, fixed_clock
):
    from saiken.ui.admin.recovery_sheet_dialog import RecoverySheetDialog
    from saiken.ui.shell.wizard import FirstRunWizard

    folder = tmp_path / "new-vault"
    wizard = FirstRunWizard(ops, folder, clock=fixed_clock)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # organisation name missing
    wizard.organisation.ward.setChecked(True)
    wizard.organisation.org_name.insert("架空区 産業振興課")  # as an input method commits it
    wizard.next()
    assert wizard.currentPage() is wizard.admin
    qtbot.keyClicks(wizard.admin.passwords.password, "short")
    assert "10 文字以上" in wizard.admin.passwords.problems.text()  # the policy, live, in Japanese
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.admin.passwords.password.setText(ADMIN_PASSWORD)
    wizard.admin.passwords.confirm.insert(ADMIN_PASSWORD[:-1] + "x")
    assert "一致しません" in wizard.admin.passwords.problems.text()
    wizard.admin.passwords.confirm.setText(ADMIN_PASSWORD)
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.next()  # commit: create the vault and sign in

    qtbot.waitUntil(lambda: wizard.recovery.key.isVisible(), timeout=20_000)
    key = wizard.recovery.key.text()
    assert re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+){3,}", key)
    assert vault.vault_exists(folder)
    assert vault.read_vault_info(folder).org_role == "ward"
    assert ops.signed_in and ops.user.name == ADMIN
    # Finishing needs the confirmation that the key is stored; closing is refused until then.
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.reject()
    assert wizard.isVisible()

    # The sheet is rendered in memory and previewed with QtPdf.
    previewed: list = []

    def look_and_close(dialog):
        previewed.append((type(dialog), dialog.page_count, dialog.document.pageLabel(0)))
        dialog.accept()

    driver.then(look_and_close)
    wizard.recovery.sheet_button.click()
    qtbot.waitUntil(lambda: bool(previewed), timeout=10_000)
    kind, pages, _label = previewed[0]
    assert kind is RecoverySheetDialog
    assert pages >= 1

    wizard.recovery.stored.setChecked(True)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.recovery.key.text() == ""  # the key does not stay in the widget
    # The key shown is the real one: it opens the vault on a "new PC".
    ops.close_session()
    recovered = vault.open_with_recovery_key(folder, key)
    assert recovered.user.can  # a session
    recovered.close()


def test_wrong_password_shows_a_clear_error_and_the_dialog_stays(qtbot, ops, vault_folder):
    from saiken.ui.shell.sign_in import SignInDialog

    dialog = SignInDialog(
        ops, vault_folder, org_name="架空法律事務所", org_role="contractor", user_names=[ADMIN]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert "受託者" in dialog.form.org.text()
    dialog.form.select_user(ADMIN)
    dialog.form.password.insert(WRONG_PASSWORD)
    qtbot.keyClick(dialog.form.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error.isVisible(), timeout=15_000)
    assert "パスワード" in dialog.form.error.text()
    assert "Traceback" not in dialog.form.error.text()
    assert dialog.isVisible() and dialog.user is None and not ops.signed_in
    assert dialog.form.password.text() == ""

    dialog.form.password.insert(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        dialog.form.sign_in_button.click()
    assert dialog.user.name == ADMIN
    assert ops.signed_in


@pytest.mark.slow
def test_lock_out_after_repeated_failures_says_how_long_to_wait(qtbot, ops, vault_folder):
    from saiken.ui.shell.sign_in import SignInDialog

    for _ in range(5):  # five real failures through the service
        with pytest.raises(WrongPasswordError):
            vault.open_vault(vault_folder, ADMIN, WRONG_PASSWORD)
    dialog = SignInDialog(
        ops, vault_folder, org_name="架空法律事務所", org_role="contractor", user_names=[ADMIN]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.password.setText(ADMIN_PASSWORD)  # even the right password must wait
    dialog.form.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.form.error.isVisible(), timeout=15_000)
    assert "秒" in dialog.form.error.text()
    assert not dialog.form.sign_in_button.isEnabled()
    assert not ops.signed_in


def test_recovery_key_button_rejects_a_wrong_key(qtbot, ops, vault_folder, driver):
    from saiken.ui.shell.sign_in import SignInDialog

    dialog = SignInDialog(
        ops, vault_folder, org_name="架空法律事務所", org_role="contractor", user_names=[ADMIN]
    )
    qtbot.addWidget(dialog)
    dialog.show()

    def type_key(box):
        box.setTextValue("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")
        box.accept()

    driver.then(type_key)
    dialog.form.recovery_button.click()
    qtbot.waitUntil(lambda: dialog.form.error.isVisible(), timeout=15_000)
    assert dialog.isVisible() and not ops.signed_in

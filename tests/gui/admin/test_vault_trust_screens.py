"""What the screens show of vault trust: a vault older than this PC's anchor is explained at sign-in and an
administrator accepts it explicitly; the settings page shows the fingerprints read aloud to the other
organisation; removing a user says what the key renewal did; sign-in's findings reach the administrator."""

from __future__ import annotations

import json
import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from shell_gui_data import ADMIN, ADMIN_PASSWORD

from saiken.services import audit, users, vault

HANDLER, HANDLER_PASSWORD = "tanaka", "架空の取扱者の合言葉です"


def _sign_in_dialog(qtbot, ops, folder):
    from saiken.ui.shell.sign_in import SignInDialog

    info = vault.read_vault_info(folder)
    dialog = SignInDialog(
        ops, folder, org_name=info.org_name, org_role=info.org_role, user_names=info.user_names
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _older_copy_back(folder, tmp_path, clock):
    """Keep a copy of the closed vault, use it on, then put the copy back (a backup copied in by hand)."""
    copy = tmp_path / "kept"
    shutil.copytree(folder, copy)
    session = vault.open_vault(folder, ADMIN, ADMIN_PASSWORD, clock=clock)
    users.add_user(session, HANDLER, role="handler", password=HANDLER_PASSWORD)
    session.close()  # this PC's anchor now says: the log is longer than the copy's
    shutil.rmtree(folder)
    shutil.copytree(copy, folder)


def test_an_older_vault_is_explained_and_an_admin_accepts_it(
    qtbot, ops, vault_folder, tmp_path, fixed_clock, driver
):
    _older_copy_back(vault_folder, tmp_path, fixed_clock)
    dialog = _sign_in_dialog(qtbot, ops, vault_folder)
    driver.then(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    dialog.form.select_user(ADMIN)
    dialog.form.password.insert(ADMIN_PASSWORD)
    qtbot.keyClick(dialog.form.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error.isVisible(), timeout=30_000)
    asked = driver.seen[-1]
    assert "古い状態" in asked.text() and "管理者" in asked.text() and "監査ログ" in asked.text()
    assert "古い状態" in dialog.form.error.text() and not ops.signed_in  # declined: nothing opened

    driver.then(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    dialog.form.password.insert(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.form.sign_in_button.click()
    assert ops.signed_in
    ops.close_session()
    session = vault.open_vault(vault_folder, ADMIN, ADMIN_PASSWORD, clock=fixed_clock)  # accepted: no prompt
    assert [e.action for e in audit.list_entries(session, action="vault.older_state_accepted")]
    session.close()


def test_the_settings_page_shows_the_fingerprints_to_read_aloud(
    qtbot, main_window, vault_folder, fixed_clock
):
    session = vault.open_vault(vault_folder, ADMIN, ADMIN_PASSWORD, clock=fixed_clock)
    expected = (vault.org_fingerprint(session), vault.genesis_fingerprint(session))
    session.close()
    from saiken.ui.admin.vault_keys_card import VaultKeysCard

    page = main_window.show_area("settings")
    card = page.findChild(VaultKeysCard)
    qtbot.waitUntil(lambda: card.org_fingerprint.text() == expected[0], timeout=15_000)
    assert card.genesis_fingerprint.text() == expected[1]
    assert len(expected[0].split()) == 8 and all(len(group) == 5 for group in expected[0].split())
    assert not card.rekey_button.isHidden() and not card.recovery_button.isHidden()  # the admin may renew


def test_removing_a_user_says_the_vault_has_a_new_key(qtbot, main_window, vault_folder, driver):
    page = main_window.show_area("users")
    done: list = []
    main_window.ops.call(
        users.add_user, HANDLER, role="handler", password=HANDLER_PASSWORD, on_result=done.append
    )
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    page.refresh()
    qtbot.waitUntil(lambda: HANDLER in [r.name for r in page.model.rows], timeout=15_000)
    page.select_user(HANDLER)
    driver.then(lambda box: box.button(QMessageBox.StandardButton.Yes).click()).then(lambda box: box.accept())
    page.remove_button.click()
    qtbot.waitUntil(lambda: len(driver.seen) == 2, timeout=60_000)
    told = driver.seen[1].text()
    assert "金庫の鍵を新しくしました" in told and "暗号化し直したバックアップ" in told
    assert HANDLER not in vault.read_vault_info(vault_folder).user_names


def test_an_admin_is_told_what_sign_in_found(qtbot, vault_folder, ops, driver, fixed_clock):
    from saiken.ui.shell.main_window import MainWindow

    document = json.loads((vault_folder / "keys.json").read_text())
    document["slots"] = [s for s in document["slots"] if s["id"] != "recovery"]
    (vault_folder / "keys.json").write_text(json.dumps(document))
    done: list = []
    ops.open_session(
        vault.open_vault, vault_folder, ADMIN, ADMIN_PASSWORD, clock=fixed_clock, on_result=done.append
    )
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    window = MainWindow(ops, vault_folder)  # its pages take the session's clock (fixed_clock)
    qtbot.addWidget(window)
    driver.then(lambda box: box.accept())
    window.enter()
    qtbot.waitUntil(lambda: any("確認" in (d.windowTitle() or "") for d in driver.seen), timeout=15_000)
    box = next(d for d in driver.seen if "確認" in d.windowTitle())
    assert "復旧キーの鍵スロットが鍵ファイルから消されています" in box.text()

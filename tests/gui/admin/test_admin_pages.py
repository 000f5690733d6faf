"""The shell's own pages over a real vault: users (add, change password, remove), audit log, settings."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox
from shell_gui_data import ADMIN, ADMIN_PASSWORD

from saiken.domain.errors import SaikenError
from saiken.services import vault
from saiken.ui.kit import display

NEW_USER = "tanaka"
NEW_PASSWORD = "架空の取扱者の合言葉です"
CHANGED_PASSWORD = "新しい架空の合言葉にしました"


def _names(page) -> list[str]:
    return [row.name for row in page.model.rows]


def test_add_change_password_and_remove_a_user_through_the_page(qtbot, main_window, vault_folder, driver):
    page = main_window.show_area("users")
    qtbot.waitUntil(lambda: _names(page) == [ADMIN], timeout=5000)
    assert not page.remove_button.isEnabled()

    def fill_add(dialog):
        dialog.name.setText(NEW_USER)
        dialog.display_name.setText("架空 太郎")
        dialog.role.setCurrentIndex(dialog.role.findData("handler"))
        dialog.passwords.password.setText("short")
        assert not dialog.buttons.buttons()[0].isEnabled() or "10" in dialog.passwords.problems.text()
        dialog.passwords.password.setText(NEW_PASSWORD)
        dialog.passwords.confirm.setText(NEW_PASSWORD)
        dialog.accept()

    driver.then(fill_add)
    page.add_button.click()
    qtbot.waitUntil(lambda: NEW_USER in _names(page), timeout=15_000)
    row = next(r for r in page.model.rows if r.name == NEW_USER)
    assert row.role == "handler"
    assert page.model.index(page.model.rows.index(row), 2).data() == "取扱者"
    assert NEW_USER in vault.read_vault_info(vault_folder).user_names
    opened = vault.open_vault(vault_folder, NEW_USER, NEW_PASSWORD)  # the slot is real
    opened.close()

    page.select_user(NEW_USER)
    assert page.remove_button.isEnabled()

    def fill_password(dialog):
        dialog.passwords.password.setText(CHANGED_PASSWORD)
        dialog.passwords.confirm.setText(CHANGED_PASSWORD)
        dialog.accept()

    driver.then(fill_password)
    page.password_button.click()
    qtbot.waitUntil(
        lambda: "パスワードを変更しました" in main_window.statusBar().currentMessage(), timeout=15_000
    )
    with pytest.raises(SaikenError):
        vault.open_vault(vault_folder, NEW_USER, NEW_PASSWORD)
    vault.open_vault(vault_folder, NEW_USER, CHANGED_PASSWORD).close()

    # Removing asks first; "Cancel" changes nothing.
    page.select_user(NEW_USER)
    driver.then(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    page.remove_button.click()
    qtbot.waitUntil(lambda: not driver.handlers and bool(driver.seen), timeout=5000)  # asked, answered
    page.context.ops.wait_idle()
    assert NEW_USER in vault.read_vault_info(vault_folder).user_names
    assert "削除しますか" in driver.seen[-1].text()

    page.select_user(NEW_USER)
    driver.then(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    page.remove_button.click()
    qtbot.waitUntil(lambda: NEW_USER not in _names(page), timeout=15_000)
    assert NEW_USER not in vault.read_vault_info(vault_folder).user_names
    with pytest.raises(SaikenError):
        vault.open_vault(vault_folder, NEW_USER, CHANGED_PASSWORD)
    page.show_removed.setChecked(True)
    assert NEW_USER in _names(page)
    assert vault.open_vault(vault_folder, ADMIN, ADMIN_PASSWORD).user.name == ADMIN


def test_a_refused_action_is_shown_by_the_one_error_place_and_changes_nothing(qtbot, main_window, driver):
    page = main_window.show_area("users")
    qtbot.waitUntil(lambda: _names(page) == [ADMIN], timeout=5000)

    def same_name(dialog):
        dialog.name.setText(ADMIN)  # exists already
        dialog.passwords.password.setText(NEW_PASSWORD)
        dialog.passwords.confirm.setText(NEW_PASSWORD)
        dialog.accept()

    driver.then(same_name).then(lambda box: box.accept())
    page.add_button.click()
    qtbot.waitUntil(lambda: len(driver.seen) == 2, timeout=15_000)
    box = driver.seen[1]
    assert isinstance(box, QMessageBox)
    assert ADMIN in box.text() or "すでに" in box.text()
    assert "Traceback" not in box.text()
    assert _names(page) == [ADMIN]


def test_audit_log_filters_by_action_user_and_date_and_verifies_the_chain(qtbot, main_window, fixed_clock):
    page = main_window.show_area("audit")
    qtbot.waitUntil(lambda: len(page.model.rows) >= 2, timeout=5000)
    actions = {row.action for row in page.model.rows}
    assert {"vault.create", "auth.sign_in"} <= actions
    shown = [page.model.index(r, 3).data() for r in range(page.model.rowCount())]
    assert "サインイン" in shown and "金庫の作成" in shown
    assert "件" in page.count.text()

    qtbot.waitUntil(lambda: page.action.findData("auth.sign_in") >= 0, timeout=5000)
    page.action.setCurrentIndex(page.action.findData("auth.sign_in"))
    page.apply_button.click()
    qtbot.waitUntil(lambda: {r.action for r in page.model.rows} == {"auth.sign_in"}, timeout=5000)

    page.reset_filters()
    qtbot.waitUntil(lambda: page.user.findData(ADMIN) >= 0, timeout=5000)
    page.user.setCurrentIndex(page.user.findData(ADMIN))
    page.apply_button.click()
    qtbot.waitUntil(lambda: page.model.rows and all(r.actor == ADMIN for r in page.model.rows), timeout=5000)

    # A date range in the past holds nothing; one around today holds the entries.
    today = fixed_clock.today()  # Japan's date, from the clock the vault and the window share
    tomorrow = today + dt.timedelta(days=1)
    page.reset_filters()
    page.since_on.setChecked(True)
    page.since.setText(display.day(tomorrow))
    page.apply_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    page.until_on.setChecked(True)
    page.since.setText(display.day(today - dt.timedelta(days=1)))
    page.until.setText(display.day(tomorrow))
    page.apply_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() >= 2, timeout=5000)

    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verify_result.text() != "", timeout=10_000)
    assert page.verify_result.text().startswith("正常")
    assert "チェックポイント" in page.verify_result.text()
    page.copy_checkpoint.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == page._checkpoint and ":" in page._checkpoint


def test_tampered_audit_log_is_reported_with_its_problems(qtbot, main_window):
    session = main_window.ops._current_session()
    from sqlalchemy import text

    with session.require_open().begin() as connection:  # an edit made behind the application's back
        connection.execute(text("UPDATE audit_log SET actor = 'someone' WHERE seq = 1"))
    page = main_window.show_area("audit")
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verify_result.text() != "", timeout=10_000)
    assert page.verify_result.text().startswith("監査ログに問題が見つかりました")
    assert not page.copy_checkpoint.isVisible()


def test_backup_now_makes_a_backup(qtbot, main_window, vault_folder):
    page = main_window.show_area("settings")
    page.backup_button.click()
    qtbot.waitUntil(lambda: page.backup_result.text() != "", timeout=20_000)
    assert "作成しました" in page.backup_result.text()
    assert any((vault_folder / "backups").iterdir())


def test_a_reset_password_must_be_replaced_at_the_next_sign_in(qtbot, ops, vault_folder, driver, fixed_clock):
    from saiken.services import users
    from saiken.ui.shell.main_window import MainWindow

    admin = vault.open_vault(vault_folder, ADMIN, ADMIN_PASSWORD, clock=fixed_clock)
    users.add_user(admin, NEW_USER, role="handler", password=NEW_PASSWORD)
    users.change_password(
        admin, NEW_USER, old_password=None, new_password=CHANGED_PASSWORD
    )  # an admin's reset
    admin.close()

    done: list = []
    ops.open_session(
        vault.open_vault, vault_folder, NEW_USER, CHANGED_PASSWORD, clock=fixed_clock, on_result=done.append
    )
    qtbot.waitUntil(lambda: bool(done), timeout=15_000)
    window = MainWindow(ops, vault_folder)
    qtbot.addWidget(window)
    own_password = "自分で決めた架空の合言葉"

    def choose_own(dialog):
        assert dialog.own and dialog.current.isVisibleTo(dialog)
        dialog.current.setText(CHANGED_PASSWORD)
        dialog.passwords.password.setText(own_password)
        dialog.passwords.confirm.setText(own_password)
        dialog.accept()

    driver.then(choose_own)
    window.enter()
    qtbot.waitUntil(lambda: "変更しました" in window.statusBar().currentMessage(), timeout=15_000)
    assert "利用者" not in [
        window.navigation.item(i).text() for i in range(window.navigation.count())
    ]  # handler
    with pytest.raises(SaikenError):
        vault.open_vault(vault_folder, NEW_USER, CHANGED_PASSWORD)
    again = vault.open_vault(vault_folder, NEW_USER, own_password)
    assert not vault.password_change_required(again)
    again.close()

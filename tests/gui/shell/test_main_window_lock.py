"""The main window: navigation and honest empty states, Ctrl+L, idle lock, unlock, clipboard clearing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from shell_gui_data import ADMIN, ADMIN_PASSWORD, WRONG_PASSWORD


def _session(ops):
    return ops._current_session()  # the test looks inside to prove the key material is gone


def test_navigation_lists_the_areas_in_japanese_with_honest_empty_states(main_window):
    from saiken.ui.kit.empty_state import EmptyStatePage

    labels = [main_window.navigation.item(i).text() for i in range(main_window.navigation.count())]
    # The admin (also supervisor) sees every area, user management included.
    assert labels == ["債務者", "交渉記録", "文書", "受渡・管理簿", "相談", "監査ログ", "設定", "利用者"]
    for key in ("records", "documents", "handover", "consultations"):  # every area is built now
        assert not isinstance(main_window.show_area(key), EmptyStatePage), key
    assert "架空法律事務所" in main_window.status_org.text() and "受託者" in main_window.status_org.text()
    assert "admin" in main_window.status_user.text() and "管理者" in main_window.status_user.text()
    assert main_window.menuBar().actions()[0].text() == "ファイル(&F)"


def test_ctrl_l_closes_the_vault_and_unlock_rebuilds(qtbot, main_window):
    session = _session(main_window.ops)
    main_window.show_area("users")
    assert main_window.page("users") is not None
    main_window.activateWindow()
    QTest.keyClick(main_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: main_window.is_locked, timeout=5000)
    assert session.engine is None  # the engine and its key material are gone
    assert not main_window.ops.signed_in
    assert main_window.page("users") is None and main_window.navigation.count() == 0
    lock_screen = main_window.lock_screen
    assert lock_screen is not None and lock_screen.isVisible()
    assert lock_screen.form.user.currentText() == ADMIN
    assert lock_screen.form.heading.text() == "ロック中"

    lock_screen.form.password.insert(WRONG_PASSWORD)
    lock_screen.form.submit()
    qtbot.waitUntil(lambda: lock_screen.form.error.isVisible(), timeout=15_000)
    assert main_window.is_locked

    lock_screen.form.password.insert(ADMIN_PASSWORD)
    lock_screen.form.submit()
    qtbot.waitUntil(lambda: not main_window.is_locked, timeout=15_000)
    assert main_window.ops.signed_in and _session(main_window.ops) is not session
    assert main_window.navigation.count() == 8
    assert main_window.screens.currentWidget() is main_window.workspace


def test_idle_lock_after_the_timeout_but_not_while_the_user_works(qtbot, main_window):
    session = _session(main_window.ops)
    idle = main_window.idle
    idle.set_timeout_ms(3000)
    idle.start()
    idle_checks: list[int] = []
    for _ in range(3):  # input keeps resetting the timer
        qtbot.waitUntil(lambda: idle._timer.remainingTime() < 2500, timeout=5000)  # time passes …
        # input that does no work of its own (Key_Down would build another area's page, which can take
        # longer than a short timeout on a loaded machine)
        QTest.mouseMove(main_window.navigation, QPoint(20, 20 + len(idle_checks)))
        QTest.keyClick(main_window.navigation, Qt.Key.Key_Shift)
        idle_checks.append(idle._timer.remainingTime())
        assert idle_checks[-1] > 2700  # … and the user's input starts it again (±5 %)
    assert not main_window.is_locked
    idle.set_timeout_ms(300)  # the user stops
    qtbot.waitUntil(lambda: main_window.is_locked, timeout=5000)
    assert session.engine is None
    assert main_window.lock_screen.isVisible()


def test_settings_drive_the_idle_timer(qtbot, main_window):
    qtbot.waitUntil(lambda: main_window.idle.timeout_ms == 10 * 60_000, timeout=5000)  # default 10 min
    page = main_window.show_area("settings")
    qtbot.waitUntil(lambda: page.idle_minutes.value() == 10, timeout=5000)
    page.idle_minutes.setValue(3)
    page.clipboard_seconds.setValue(45)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved.text() == "保存しました。", timeout=5000)
    # the change record says the settings changed; the window reads them again and applies them
    qtbot.waitUntil(lambda: main_window.idle.timeout_ms == 3 * 60_000, timeout=5000)
    assert main_window.clipboard.clear_after_ms == 45_000
    from saiken.services import settings

    assert settings.get_settings(_session(main_window.ops)).idle_lock_minutes == 3


def test_copied_text_is_cleared_after_the_delay_only_if_still_ours(qtbot, main_window):
    clipboard = QGuiApplication.clipboard()
    guard = main_window.clipboard
    guard.set_clear_after_ms(300)
    guard.copy("架空商店 03-5000-0000")
    assert clipboard.text() == "架空商店 03-5000-0000"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)

    guard.copy("架空の控え")
    focused = QApplication.focusWidget()
    if focused is not None:
        focused.clearFocus()  # the user is in another program now; it puts its own text there
    assert QApplication.focusWidget() is None
    clipboard.setText("ほかのアプリの文字")
    qtbot.waitUntil(lambda: not guard._timer.isActive(), timeout=3000)  # the delay is over (or given up)
    assert clipboard.text() == "ほかのアプリの文字"


def test_lock_clears_our_clipboard_text_at_once(qtbot, main_window):
    clipboard = QGuiApplication.clipboard()
    main_window.clipboard.set_clear_after_ms(60_000)
    main_window.clipboard.copy("架空の番号 K-0001")
    main_window.lock()
    assert clipboard.text() == ""


def test_sign_out_shows_the_sign_in_screen_without_a_user(qtbot, main_window):
    session = _session(main_window.ops)
    main_window.sign_out_action.trigger()
    assert session.engine is None
    assert main_window.lock_screen.form.heading.text() == "サインアウトしました"


def test_areas_are_reachable_from_the_keyboard(qtbot, main_window):
    main_window.activateWindow()
    QTest.keyClick(main_window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert main_window.navigation.currentItem().text() == "利用者"
    QTest.keyClick(main_window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert main_window.navigation.currentItem().text() == "監査ログ"
    assert main_window.pages.currentWidget() is main_window.page("audit")

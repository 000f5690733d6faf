"""The background helper: results by signal on the GUI thread, a progress dialog after the delay, cancel
tokens, results for destroyed widgets dropped, errors to the one error place."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget


def test_slow_operation_shows_progress_and_can_be_cancelled(qtbot, app, vault_session):
    from saiken.ui.kit.background import Operations

    ops = Operations(progress_delay_ms=200)
    ops.set_session(vault_session)
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    started = threading.Event()
    outcome: list = []

    def long_loop(token):
        started.set()
        for _ in range(500):
            token.check()
            time.sleep(0.01)
        return "finished"

    job = ops.call(
        lambda _session, token: long_loop(token),
        owner=owner,
        on_result=outcome.append,
        on_error=outcome.append,
        progress="架空の長い処理…",
        cancellable=True,
    )
    qtbot.waitUntil(
        lambda: ops._pending.get(job.id) is not None and ops._pending[job.id].dialog is not None, timeout=3000
    )
    dialog = ops._pending[job.id].dialog
    assert isinstance(dialog, QProgressDialog) and dialog.labelText() == "架空の長い処理…"
    buttons = dialog.findChildren(QPushButton)
    assert [button.text() for button in buttons] == ["キャンセル"]
    buttons[0].click()  # the user presses キャンセル
    qtbot.waitUntil(lambda: not ops.busy, timeout=5000)
    assert job.token.cancelled
    assert outcome == []  # a cancelled operation reports nothing and shows no error
    ops.shutdown()


def test_quick_results_arrive_on_the_gui_thread_and_dead_owners_get_nothing(qtbot, app, driver):
    from saiken.ui.kit.background import Operations

    ops = Operations()
    threads: list = []
    ops.call_unbound(
        lambda: 41 + 1, on_result=lambda value: threads.append((value, threading.current_thread()))
    )
    qtbot.waitUntil(lambda: bool(threads), timeout=3000)
    assert threads == [(42, threading.main_thread())]

    gone = QWidget()
    delivered: list = []
    ops.call_unbound(lambda: time.sleep(0.2) or "late", owner=gone, on_result=delivered.append)
    gone.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(gone), timeout=3000)  # destroyed before the answer
    ops.wait_idle()
    assert delivered == []

    driver.then(lambda box: box.accept())
    ops.call_unbound(lambda: {}["架空 太郎"])  # a bug in an operation: generic message, no details
    qtbot.waitUntil(lambda: bool(driver.seen), timeout=3000)
    assert "データは変更されていません" in driver.seen[0].text() and "架空" not in driver.seen[0].text()
    ops.shutdown()


def test_without_a_session_operations_say_the_vault_is_locked(qtbot, app):
    from saiken.domain.errors import VaultError
    from saiken.ui.kit.background import Operations

    ops = Operations()
    errors: list = []
    ops.call(lambda session: session, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert isinstance(errors[0], VaultError) and "サインイン" in str(errors[0])
    ops.shutdown()


def test_work_left_over_from_before_a_lock_shows_no_message_box_over_the_lock_screen(
    qtbot, app, driver, vault_session
):
    from saiken.ui.kit.background import Operations
    from saiken.ui.kit.errors import dialogs

    ops = Operations()
    ops.set_session(vault_session)
    page = QWidget()
    release = threading.Event()
    ran: list = []
    ops.call(lambda session: release.wait(5), owner=page)  # the worker is busy when the lock comes
    ops.call(lambda session: ran.append(session), owner=page)  # a refresh asked for just before the lock
    ops.close_session()  # Ctrl+L
    release.set()
    ops.wait_idle()
    qtbot.wait(50)
    assert ran == [] and dialogs.history == []
    ops.shutdown()

"""Fixtures for the GUI shell's tests: a prepared QApplication (Japanese translation, IPAex Gothic), the
real background helper, real vaults made through the services, and a driver for the wrapped dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from shell_gui_data import ADMIN, ADMIN_PASSWORD


@pytest.fixture(scope="session", autouse=True)
def _qt_objects_released_before_exit():
    """Delete the Qt objects the tests left behind while the QApplication still exists: wrappers collected
    during interpreter shutdown, after Qt's own teardown, crash PySide6."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is None:
        return
    for _ in range(3):
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def _qt_leftovers_released_on_the_gui_thread() -> Iterator[None]:
    """After each test (windows already closed by qtbot, the background helper shut down): delete what was
    deleteLater()'d and collect the test's reference cycles here, on the GUI thread — not later on whichever
    thread happens to trip the garbage collector (xdist's I/O thread, the next test's worker)."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def app(qapp):
    from saiken.ui.shell.appsetup import prepare_application

    prepare_application(qapp)
    return qapp


@pytest.fixture
def ops(app) -> Iterator:
    from saiken.ui.kit.background import Operations

    operations = Operations(progress_delay_ms=60_000)
    yield operations
    operations.wait_idle(10_000)
    operations.shutdown()


@pytest.fixture
def vault_folder(tmp_path: Path, fixed_clock) -> Path:
    """A real vault (SQLCipher + key slots) with the admin-supervisor `admin`."""
    from saiken.services import vault

    folder = tmp_path / "vault"
    vault.create_vault(
        folder,
        org_role="contractor",
        org_name="架空法律事務所",
        admin_user=ADMIN,
        admin_password=ADMIN_PASSWORD,
        clock=fixed_clock,
    )
    return folder


@pytest.fixture
def signed_in(ops, vault_folder, qtbot, fixed_clock):
    """`ops` holding a session of `admin` on `vault_folder`, on the tests' one clock."""
    from saiken.services import vault

    done: list = []
    ops.open_session(
        vault.open_vault, vault_folder, ADMIN, ADMIN_PASSWORD, clock=fixed_clock, on_result=done.append
    )
    qtbot.waitUntil(lambda: bool(done), timeout=15_000)
    return ops


@pytest.fixture
def main_window(signed_in, vault_folder, qtbot, fixed_clock):
    from saiken.ui.shell.main_window import MainWindow

    window = MainWindow(signed_in, vault_folder)  # its pages take the session's clock (fixed_clock)
    qtbot.addWidget(window)
    window.enter()
    window.show()
    signed_in.wait_idle()
    return window


class DialogDriver:
    """Answers the application's wrapped dialogs: each queued handler gets the next dialog shown."""

    def __init__(self) -> None:
        self.handlers: list[Callable] = []
        self.seen: list = []

    def then(self, handler: Callable) -> DialogDriver:
        self.handlers.append(handler)
        return self

    def __call__(self, dialog) -> None:
        from PySide6.QtCore import QTimer

        self.seen.append(dialog)
        handler = self.handlers.pop(0) if self.handlers else (lambda d: d.reject())
        QTimer.singleShot(0, lambda: handler(dialog))


@pytest.fixture(autouse=True)
def _dialogs_never_block() -> Iterator[None]:
    """No test may hang on a modal box nobody answers: unanswered wrapped dialogs are rejected (and kept in
    `dialogs.history`, so a test that checks outcomes still fails on an unexpected error)."""
    from saiken.ui.kit.errors import dialogs

    previous = dialogs.before_exec
    if previous is None:
        dialogs.before_exec = DialogDriver()
    yield
    dialogs.before_exec = previous


@pytest.fixture
def driver(app, _dialogs_never_block) -> Iterator[DialogDriver]:
    from saiken.ui.kit.errors import dialogs

    drive = DialogDriver()
    dialogs.before_exec = drive
    dialogs.history.clear()
    yield drive
    dialogs.before_exec = None
    dialogs.history.clear()

"""`saiken-desk --screenshot PATH --view NAME`: render one view to a PNG (QWidget.grab) and exit.

The shell's own views: login, wizard, main (an area's honest empty state), locked. Each area's package
under `saiken.ui` adds its views by shipping a module `screenshot_views` with `register(views)` that adds
`name -> builder(env) -> QWidget` to the dict (`ui.admin`: users, audit, settings; `ui.debtors`: debtors,
debtor). Data views sign in to the demo vault (fictional data, recreated) unless `--vault DIR` is given with
SAIKEN_USER and SAIKEN_PASSWORD in the environment.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QThread, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from saiken.domain.errors import SaikenError
from saiken.ui.kit.background import Operations
from saiken.ui.kit.errors import dialogs

SIZE = (1180, 760)


class ScreenshotEnv:
    """What a view builder gets: the operations helper, the vault folder, and ways to sign in."""

    def __init__(self, ops: Operations, *, vault: Path | None, demo: bool, org_role: str) -> None:
        self.ops = ops
        self.vault = vault
        self.demo = demo or vault is None
        self.org_role = org_role
        self.folder: Path | None = None
        self.keep: list[QWidget] = []

    def vault_folder(self) -> Path:
        """The folder of the vault to show (the demo vault is made on first use)."""
        if self.folder is None:
            if self.demo:
                self.sign_in()
            else:
                assert self.vault is not None  # no demo: a --vault was given
                self.folder = Path(self.vault)
        assert self.folder is not None
        return self.folder

    def sign_in(self) -> None:
        if self.ops.signed_in:
            return
        from saiken.services import vault
        from saiken.ui.shell.main import sign_in_demo

        if self.demo:
            self.folder = self.vault or vault.default_demo_dir()
            sign_in_demo(self.ops, self.folder, self.org_role)
            return
        assert self.vault is not None  # no demo: a --vault was given
        self.folder = Path(self.vault)
        failure: list[BaseException] = []
        self.ops.open_session(
            vault.open_vault,
            self.folder,
            os.environ.get("SAIKEN_USER", ""),
            os.environ.get("SAIKEN_PASSWORD", ""),
            on_error=failure.append,
        )
        self.ops.wait_idle()
        if failure:
            raise failure[0]

    def main_window(self, area: str | None = None):
        """A signed-in main window showing `area` (its pages' data loaded)."""
        from saiken.ui.shell.main_window import MainWindow

        self.sign_in()
        window = MainWindow(self.ops, self.vault_folder())
        window.enter()
        if area is not None:
            window.show_area(area)
        return window

    def settle(self) -> None:
        for _ in range(3):
            self.ops.wait_idle()
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            QThread.msleep(20)


def _login(env: ScreenshotEnv) -> QWidget:
    from saiken.services import vault
    from saiken.ui.shell.sign_in import SignInDialog

    folder = env.vault_folder()
    env.ops.close_session()
    info = vault.read_vault_info(folder)
    dialog = SignInDialog(
        env.ops, folder, org_name=info.org_name, org_role=info.org_role, user_names=list(info.user_names)
    )
    dialog.form.select_user(info.user_names[0] if info.user_names else "")
    return dialog


def _wizard(env: ScreenshotEnv) -> QWidget:
    from saiken.ui.shell.wizard import FirstRunWizard

    wizard = FirstRunWizard(env.ops, Path(os.devnull) / "not-created")
    wizard.organisation.org_name.setText(QCoreApplication.translate("Screenshots", "Fictional Law Office"))
    wizard.show()
    wizard.next()
    wizard.admin.passwords.password.setText("short")
    return wizard


def _area(key: str) -> Callable[[ScreenshotEnv], QWidget]:
    return lambda env: env.main_window(key)


def _locked(env: ScreenshotEnv) -> QWidget:
    window = env.main_window("documents")
    window.lock()
    return window


VIEWS: dict[str, Callable[[ScreenshotEnv], QWidget]] = {
    "login": _login,
    "wizard": _wizard,
    "main": _area("documents"),
    "locked": _locked,
}


def views() -> dict[str, Callable[[ScreenshotEnv], QWidget]]:
    """The shell's views plus those registered by `saiken.ui.<area>.screenshot_views` modules."""
    import saiken.ui as ui

    found = dict(VIEWS)
    for info in pkgutil.iter_modules(ui.__path__):
        if not info.ispkg:
            continue
        name = f"saiken.ui.{info.name}.screenshot_views"
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).register(found)
    return found


def grab(widget: QWidget, path: Path, env: ScreenshotEnv) -> None:
    if widget.isWindow() and widget.size().width() < 300:
        widget.resize(*SIZE)
    widget.show()
    env.settle()
    widget.repaint()
    QApplication.processEvents()
    if not widget.grab().save(str(path), "PNG"):
        raise SaikenError(f"画像を保存できませんでした: {path.name}。保存先のフォルダを確認してください。")


def render(
    path: Path, view: str, *, vault: Path | None = None, demo: bool = False, org_role: str = "contractor"
) -> int:
    """Render `view` to `path`; 0 on success, 2 for an unknown view, the error's code on failure."""
    table = views()
    if view not in table:
        print(f"不明なビューです: {view}（使えるビュー: {', '.join(sorted(table))}）", file=sys.stderr)
        return 2
    ops = Operations()
    env = ScreenshotEnv(ops, vault=vault, demo=demo, org_role=org_role)
    # Nobody is there to close a message box: one that opens (an error while building the view) is closed
    # at once, and the screenshot fails with its text instead of waiting forever.
    shown_before = len(dialogs.history)
    dialogs.before_exec = lambda dialog: QTimer.singleShot(0, dialog.reject)
    try:
        widget = table[view](env)
        env.keep.append(widget)
        if view != "wizard" and widget.isWindow() and view not in ("login",):
            widget.resize(*SIZE)
        grab(widget, Path(path), env)
        widget.close()
        messages = dialogs.history[shown_before:]
        if messages:
            for title, text in messages:
                print(f"エラー: {title}: {text}", file=sys.stderr)
            return 1
        return 0
    except SaikenError as error:
        print(f"エラー: {error}", file=sys.stderr)
        return error.exit_code
    finally:
        dialogs.before_exec = None
        ops.shutdown()

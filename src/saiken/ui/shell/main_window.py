"""The main window: left navigation, the pages of the areas, status bar, menu; lock and sign-out.

Pages are built when first shown, from `ui.navigation.AREAS`, with a `PageContext` (never a session) whose
clock is the signed-in session's: the window and the services count days (in Japan time) by one clock.
Locking (Ctrl+L, the idle timer, or signing out) clears our clipboard text, destroys every page, closes the
vault through `Operations.close_session` (drops the engine and the key material) and shows the lock screen;
unlocking builds the pages again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.clock import system_clock
from saiken.domain.errors import SaikenError
from saiken.services.changes import Area as ChangeArea
from saiken.services.changes import Changes
from saiken.services.context import SignedInUser
from saiken.ui.kit.background import Operations
from saiken.ui.kit.clipboard import ClipboardGuard
from saiken.ui.kit.errors import Dialogs, dialogs
from saiken.ui.kit.handlers import HandlerDirectory
from saiken.ui.kit.notices import Notices
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.preferences import PreferenceStore
from saiken.ui.kit.requests import Requests
from saiken.ui.shell.lock import IdleWatcher, LockScreen
from saiken.ui.shell.navigation import Area, visible_areas
from saiken.ui.shell.sign_in import org_role_label

NOTICE_MS = 12_000  # how long a save's line stays in the status bar


class MainWindow(QMainWindow):
    lockedChanged = Signal(bool)

    def __init__(
        self,
        ops: Operations,
        folder: Path,
        *,
        message_dialogs: Dialogs = dialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.folder = Path(folder)
        self.dialogs = message_dialogs
        self.clipboard = ClipboardGuard(self)
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self.context: PageContext | None = None
        self.notices = Notices(self)
        self.notices.message.connect(lambda text: self.statusBar().showMessage(text, NOTICE_MS))
        self.preferences = PreferenceStore(self)
        self.handlers = HandlerDirectory(self)
        self.requests = Requests(self)
        self.requests.letters_for.connect(self._letters_for)
        self._pages: dict[str, QWidget] = {}
        self._areas: list[Area] = []
        self._lock_screen: LockScreen | None = None
        self._last_user: str | None = None
        self._demo = False

        self.banner = QFrame(self)
        self.banner.setObjectName("demoBanner")
        banner_text = QLabel(
            self.tr("DEMO — fictional data only: every person and business shown here is made up."),
            self.banner,
        )
        banner_text.setObjectName("demoBannerText")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(16, 6, 16, 6)
        banner_layout.addWidget(banner_text)
        self.banner.hide()

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(188)
        self.navigation.currentRowChanged.connect(self._navigate)
        self.pages = QStackedWidget(self)
        self.workspace = QWidget(self)
        workspace_layout = QHBoxLayout(self.workspace)
        workspace_layout.setContentsMargins(0, 0, 0, 0)
        workspace_layout.setSpacing(0)
        workspace_layout.addWidget(self.navigation)
        workspace_layout.addWidget(self.pages, 1)
        self.screens = QStackedWidget(self)
        self.screens.addWidget(self.workspace)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.screens, 1)
        self.setCentralWidget(central)

        self.status_org = QLabel(self)
        self.status_user = QLabel(self)
        self.statusBar().addWidget(self.status_org)
        self.statusBar().addWidget(self.status_user)
        self._build_menu()
        self.ops.changed.connect(self._on_changed)
        self.resize(1180, 760)
        self.setWindowTitle(self.tr("Saiken Desk"))

    # --- menu ------------------------------------------------------------------------------------------
    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.lock_action = QAction(self.tr("Lock now"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.password_action = QAction(self.tr("Change my password…"), self)
        self.password_action.triggered.connect(lambda: self.change_own_password())
        self.sign_out_action = QAction(self.tr("Sign out"), self)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action = QAction(self.tr("Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        menu.addAction(self.lock_action)
        menu.addAction(self.password_action)
        menu.addAction(self.sign_out_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.addAction(self.lock_action)
        self.print_action = QAction(self.tr("Print…"), self)
        self.print_action.setShortcut(QKeySequence("Ctrl+P"))
        self.print_action.triggered.connect(lambda: self.print_current())
        menu.insertAction(self.quit_action, self.print_action)
        menu.insertSeparator(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(lambda: self.show_shortcuts())
        self.about_action = QAction(self.tr("About Saiken Desk (version)"), self)
        self.about_action.triggered.connect(lambda: self.show_about())
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        for number in range(1, 10):  # Ctrl+1 … Ctrl+9: the areas in navigation order, from the keyboard
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, row=number - 1: self._go_to_row(row))
            self.addAction(action)

    # --- signed in ---------------------------------------------------------------------------------------
    def enter(self) -> None:
        """Build the workspace for the session `ops` now holds."""
        facts: dict[str, Any] = self.ops.describe()
        user: SignedInUser | None = facts.get("user")
        if user is None:
            self.show_lock_screen(None)
            return
        self._demo = bool(facts.get("demo"))
        self._last_user = user.name
        from saiken.services import preferences

        # The user's own date display and column layouts first: the worker answers in order, so they
        # arrive before the first page's rows.
        self.ops.call(preferences.get_preferences, owner=self, on_result=self.preferences.apply)
        self.handlers.reload(self.ops)
        self.context = PageContext(
            ops=self.ops,
            dialogs=self.dialogs,
            clipboard=self.clipboard,
            clock=facts.get("clock") or system_clock,  # ONE clock: the session's (its services' too)
            user=user,
            org_name=facts.get("org_name", ""),
            org_role=facts.get("org_role", ""),
            demo=self._demo,
            notices=self.notices,
            requests=self.requests,
            preferences=self.preferences,
            handlers=self.handlers,
        )
        self._discard_lock_screen()
        self.banner.setVisible(self._demo)
        title = self.tr("Saiken Desk")
        if facts.get("org_name"):
            title = f"{title} — {facts['org_name']}"
        if self._demo:
            demo_mark = self.tr("DEMO (fictional data)")
            title = f"{title} — {demo_mark}"
        self.setWindowTitle(title)
        self.status_org.setText(
            self.tr("Organisation: {org} ({role})").format(
                org=self.context.org_name, role=org_role_label(self.context.org_role)
            )
        )
        self.status_user.setText(
            self.tr("User: {name} ({role})").format(name=user.name, role=user.role_label)
        )
        self._areas = visible_areas(self.context)
        self.navigation.blockSignals(True)
        self.navigation.clear()
        for area in self._areas:
            item = QListWidgetItem(area.title)
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.navigation.addItem(item)
        self.navigation.blockSignals(False)
        self.screens.setCurrentWidget(self.workspace)
        for action in (self.lock_action, self.password_action, self.sign_out_action, self.print_action):
            action.setEnabled(True)
        self.navigation.setCurrentRow(0)
        self.idle.start()
        from saiken.services import settings, vault

        self.ops.call(settings.get_settings, owner=self, on_result=self.apply_settings)
        self.ops.call(vault.password_change_required, owner=self, on_result=self._password_change_required)
        notices = [str(n) for n in facts.get("notices") or []]
        if notices:
            QTimer.singleShot(0, lambda: self._show_notices(notices))
        self.lockedChanged.emit(False)

    def _show_notices(self, notices: list[str]) -> None:
        """What sign-in found for an administrator to act on (a deleted recovery slot, members still to sign
        in after the upgrade …), once per sign-in."""
        if self.context is None:
            return
        text = (
            self.tr("The sign-in found the following. Please deal with them:")
            + "\n\n"
            + "\n".join(f"・{notice}" for notice in notices)
        )
        self.dialogs.info(self, self.tr("Vault check at sign-in"), text)

    # --- passwords -----------------------------------------------------------------------------------------
    def _password_change_required(self, required: bool) -> None:
        if required and self.context is not None:
            reason = self.tr(
                "Your password was set by an administrator. Choose a new password of your own now."
            )
            if not self.change_own_password(reason=reason):
                self.sign_out()

    def change_own_password(self, *, reason: str = "") -> bool:
        """Ask for the current and a new password and change it; False if the user cancelled."""
        if self.context is None:
            return False
        from saiken.services import users
        from saiken.ui.admin.users_page import ChangePasswordDialog

        name = self.context.user.name
        dialog = ChangePasswordDialog(name, self, own=True, reason=reason)
        if self.dialogs._run(dialog) != ChangePasswordDialog.DialogCode.Accepted:
            return False
        self.ops.call(
            users.change_password,
            name,
            old_password=dialog.old_password(),
            new_password=dialog.passwords.value(),
            owner=self,
            progress=self.tr("Changing the password…"),
            on_result=lambda _r: self.notices.say(self.tr("Your password was changed.")),
        )
        dialog.clear()
        return True

    def apply_settings(self, values: Any) -> None:
        self.idle.set_timeout_ms(int(values.idle_lock_minutes) * 60_000)
        self.clipboard.set_clear_after_ms(int(values.clipboard_clear_seconds) * 1000)

    def _on_changed(self, changes: Changes) -> None:
        """The window itself shows the settings (idle lock, clipboard), holds the user's preferences and the
        list of handlers: read them again when they change."""
        if self.context is None:
            return
        if changes.touches(ChangeArea.SETTINGS):
            from saiken.services import settings

            self.ops.call(settings.get_settings, owner=self, on_result=self.apply_settings)
        if changes.touches(ChangeArea.PREFERENCES):
            from saiken.services import preferences

            self.ops.call(preferences.get_preferences, owner=self, on_result=self.preferences.apply)
        if changes.touches(ChangeArea.USERS):
            self.handlers.reload(self.ops)  # a user added, removed or renamed: the pickers follow

    @property
    def is_locked(self) -> bool:
        return self.context is None

    def area_keys(self) -> list[str]:
        return [area.key for area in self._areas]

    def show_area(self, key: str) -> QWidget:
        self.navigation.setCurrentRow(self.area_keys().index(key))
        return self._pages[key]

    def _letters_for(self, numbers: list[str]) -> None:
        """An area asked for letters to these debtors: open 文書 › 文書を作る with them filled in."""
        from saiken.ui.documents.page import DocumentsPage

        if self.context is None or "documents" not in self.area_keys():
            return
        page = self.show_area("documents")
        if isinstance(page, DocumentsPage):
            page.start_batch(numbers)

    def page(self, key: str) -> QWidget | None:
        return self._pages.get(key)

    def _go_to_row(self, row: int) -> None:
        if self.context is not None and 0 <= row < self.navigation.count():
            self.navigation.setCurrentRow(row)
            if (page := self.pages.currentWidget()) is not None:
                page.setFocus()

    def _navigate(self, row: int) -> None:
        if self.context is None or not 0 <= row < len(self._areas):
            return
        area = self._areas[row]
        page = self._pages.get(area.key)
        if page is None:
            page = area.factory(self.context)
            page.setObjectName(f"page_{area.key}")
            self._pages[area.key] = page
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)

    # --- lock and sign-out ---------------------------------------------------------------------------------
    def lock(self) -> None:
        """Close the vault now (drops key material), destroy the pages, show the unlock screen."""
        if self.context is None:
            return
        self._close(self._last_user)

    def sign_out(self) -> None:
        if self.context is None and self._lock_screen is not None:
            return
        if not self.may_leave_pages():
            return
        self._close(None)

    def may_leave_pages(self) -> bool:
        """Ask before signing out or quitting throws away a page's unsaved input (a lock never asks: it
        must close the vault at once, and the pages are rebuilt empty after unlocking)."""
        for key, page in self._pages.items():
            has_unsaved = getattr(page, "has_unsaved_input", None)
            if has_unsaved is None or not has_unsaved():
                continue
            self.show_area(key)  # show the user what would be lost
            if not page.may_leave():  # type: ignore[attr-defined]
                return False
        return True

    def print_current(self) -> None:
        """Ctrl+P: print what the page in front of the user shows (the page knows what that is)."""
        page = self.pages.currentWidget() if self.context is not None else None
        printer = getattr(page, "print_current", None)
        if printer is None or not printer():
            self.notices.say(self.tr("There is nothing to print on this screen."))

    # --- help ------------------------------------------------------------------------------------------
    def show_shortcuts(self) -> QWidget:
        from saiken.ui.shell.help import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.open()
        self._help_dialog: QWidget = dialog
        return dialog

    def show_about(self) -> QWidget:
        from saiken.ui.shell.help import AboutDialog

        dialog = AboutDialog(self, folder=self.folder)
        dialog.open()
        self._help_dialog = dialog
        return dialog

    def _close(self, locked_user: str | None) -> None:
        self.idle.stop()
        self.clipboard.clear_now()
        self._teardown()
        self.ops.close_session()
        self.show_lock_screen(locked_user)
        self.lockedChanged.emit(True)

    def _teardown(self) -> None:
        self.context = None
        self.preferences.reset()
        self.navigation.blockSignals(True)
        self.navigation.clear()
        self.navigation.blockSignals(False)
        for page in self._pages.values():
            self.pages.removeWidget(page)
            page.hide()
            page.setParent(None)
            page.deleteLater()
        self._pages.clear()
        self._areas = []
        self.status_user.setText(self.tr("Locked"))

    def show_lock_screen(self, locked_user: str | None) -> None:
        from saiken.services import vault

        try:
            info = vault.read_vault_info(self.folder)
        except SaikenError as error:  # crypto-erased (or removed) while the window was open
            self._vault_gone(error)
            return
        self._discard_lock_screen()
        self._lock_screen = LockScreen(
            self.ops,
            self.folder,
            org_name=info.org_name,
            org_role=info.org_role,
            user_names=list(info.user_names),
            locked_user=locked_user,
            parent=self,
        )
        self._lock_screen.unlocked.connect(self._unlocked)  # a bound method: no lambda holding the window
        self._lock_screen.quitRequested.connect(self.close)
        self.screens.addWidget(self._lock_screen)
        self.screens.setCurrentWidget(self._lock_screen)
        for action in (self.lock_action, self.password_action, self.sign_out_action, self.print_action):
            action.setEnabled(False)
        self._lock_screen.form.password.setFocus()

    def _unlocked(self, _user: Any) -> None:
        self.enter()

    def _discard_lock_screen(self) -> None:
        if self._lock_screen is not None and shiboken6.isValid(self._lock_screen):
            self.screens.removeWidget(self._lock_screen)
            self._lock_screen.deleteLater()
        self._lock_screen = None

    @property
    def lock_screen(self) -> LockScreen | None:
        return self._lock_screen

    def _vault_gone(self, error: SaikenError) -> None:
        """No vault is left in the folder to lock or sign in to: say so, then close the window."""
        self.idle.stop()
        self.dialogs.info(
            self,
            self.tr("The vault is gone"),
            self.tr("The vault can no longer be opened (%1). Saiken Desk closes now.").replace(
                "%1", error.message
            ),
        )
        QTimer.singleShot(0, self, self.close)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.context is not None and not self.may_leave_pages():
            event.ignore()
            return
        self.idle.detach()
        self.clipboard.clear_now()
        self._teardown()
        self.ops.shutdown()
        super().closeEvent(event)

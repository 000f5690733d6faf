"""Idle lock and the lock screen (DESIGN §5).

`IdleWatcher` is an application-wide event filter: any keyboard, mouse, wheel or touch input restarts its
timer; when the timer runs out it emits `idle` and the main window locks (closes the vault, which drops the
engine and the key material, destroys every page that showed data, clears our clipboard text).
`LockScreen` is what stays visible: no data, just the sign-in form to unlock.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from saiken.ui.kit.background import Operations
from saiken.ui.shell.sign_in import SignInForm

DEFAULT_IDLE_MINUTES = 10
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.Shortcut,
    }
)


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None, *, minutes: int = DEFAULT_IDLE_MINUTES) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_timeout_ms(minutes * 60_000)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_timeout_ms(self, milliseconds: int) -> None:
        self._timer.setInterval(max(1, int(milliseconds)))
        if self._timer.isActive():
            self._timer.start()

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False

    def detach(self) -> None:
        self.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QWidget):
    """Shown while the vault is locked or nobody is signed in. Holds no data."""

    unlocked = Signal(object)  # SignedInUser
    quitRequested = Signal()

    def __init__(
        self,
        ops: Operations,
        folder: Path,
        *,
        org_name: str,
        org_role: str,
        user_names: list[str],
        locked_user: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        if locked_user:
            title = self.tr("Locked")
            message = self.tr(
                "The vault was locked and closed. Enter your password to continue, or sign in as another user."
            )
        else:
            title = self.tr("Signed out")
            message = self.tr("Nobody is signed in. The vault is closed.")
        self.form = SignInForm(
            ops,
            folder,
            org_name=org_name,
            org_role=org_role,
            user_names=user_names,
            title=title,
            message=message,
            parent=self,
        )
        if locked_user:
            self.form.select_user(locked_user)
        self.form.signedIn.connect(self.unlocked)
        quit_button = QPushButton(self.tr("Quit"), self)
        quit_button.clicked.connect(self.quitRequested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(quit_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.form, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addStretch(3)

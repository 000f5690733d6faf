"""The ヘルプ menu: the keyboard shortcuts of every screen, and バージョン情報 (version, licences)."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from saiken import __version__
from saiken.ui.kit.tables import ReadOnlyTable
from saiken.ui.kit.translate import QT_TRANSLATE_NOOP
from saiken.ui.shell.appsetup import application_icon

# (where, keys, what) — English source texts in the context "Shortcuts"
SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"),
        "Ctrl+1 … Ctrl+9",
        QT_TRANSLATE_NOOP("Shortcuts", "Go to an area of the left list, in its order"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"),
        "Ctrl+L",
        QT_TRANSLATE_NOOP("Shortcuts", "Lock now (the vault closes; sign in again to go on)"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"),
        "Ctrl+P",
        QT_TRANSLATE_NOOP("Shortcuts", "Print what is in front of you"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"),
        "F1",
        QT_TRANSLATE_NOOP("Shortcuts", "This list of shortcuts"),
    ),
    (QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"), "Ctrl+Q", QT_TRANSLATE_NOOP("Shortcuts", "Quit")),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Lists"),
        "Ctrl+F",
        QT_TRANSLATE_NOOP("Shortcuts", "Go to the search box"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Lists"),
        "Enter",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "In the search box: open the only or first hit; in the table: open the row"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Lists"),
        "↓ ↑",
        QT_TRANSLATE_NOOP("Shortcuts", "From the search box into the table; move between rows"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Lists"),
        "Ctrl+Shift+F",
        QT_TRANSLATE_NOOP("Shortcuts", "Show or hide the filters"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Debtor card"),
        "Esc",
        QT_TRANSLATE_NOOP("Shortcuts", "Back to the list (asks first if something typed is not saved)"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Debtor card"),
        "Ctrl+Tab / Ctrl+Shift+Tab",
        QT_TRANSLATE_NOOP("Shortcuts", "Next / previous tab, wherever the focus is"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Debtor card"),
        "Alt+1 … Alt+7",
        QT_TRANSLATE_NOOP("Shortcuts", "Go to a tab"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Debtor card"),
        "Ctrl+M",
        QT_TRANSLATE_NOOP("Shortcuts", "Record a payment"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Debtor card"),
        "Ctrl+K",
        QT_TRANSLATE_NOOP("Shortcuts", "Charge statement"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Debtor card"),
        "Ctrl+P",
        QT_TRANSLATE_NOOP("Shortcuts", "Print the charge statement"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Debtor card"),
        "Ctrl+Enter",
        QT_TRANSLATE_NOOP("Shortcuts", "Add the negotiation record typed in the quick entry"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Negotiation records"),
        "Ctrl+P",
        QT_TRANSLATE_NOOP("Shortcuts", "Print the negotiation report of the period shown"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Dialogs"),
        "Esc",
        QT_TRANSLATE_NOOP("Shortcuts", "Cancel (asks first if something typed is not saved)"),
    ),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = ReadOnlyTable(
            [self.tr("Where"), self.tr("Keys"), self.tr("What it does")],
            stretch=2,
            object_name="shortcutsTable",
        )
        self.table.set_rows([[_t(where), keys, _t(what)] for where, keys, what in SHORTCUTS])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Saiken Desk"))
        icon = QLabel(self)
        icon.setPixmap(application_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(self.tr("Saiken Desk"), self)
        title.setObjectName("pageTitle")
        self.version = QLabel(self.tr("Version {version}").format(version=__version__), self)
        self.version.setObjectName("aboutVersion")
        facts = [
            self.tr(
                "Offline, encrypted claim-collection and consultation records for wards and their contractors."
            ),
            self.tr("Python {python}, Qt {qt} (PySide6 {pyside}), SQLCipher 4").format(
                python=platform.python_version(), qt=qVersion(), pyside=pyside_version
            ),
            self.tr("Fonts: IPAex Gothic and IPAex Mincho (IPA Font License v1.0)."),
        ]
        if folder is not None:
            facts.append(self.tr("Vault folder: {folder}").format(folder=folder))
        body = QLabel("\n".join(facts), self)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(self.version)
        text.addWidget(body)
        text.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addSpacing(16)
        row.addLayout(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(560, 260)

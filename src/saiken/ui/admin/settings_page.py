"""Settings: the user's own 日付の表示 (和暦 or 西暦); the vault's idle lock minutes, clipboard clearing and
backup generations (an administrator's); "back up now"."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.roles import Capability
from saiken.services import preferences
from saiken.ui.admin.vault_keys_card import VaultKeysCard
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.page_header import page_header

_CARD_WIDTH = 860


def _spin(parent: QWidget, low: int, high: int, suffix: str, name: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setObjectName(name)
    box.setMinimumWidth(120)
    return box


class SettingsPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        can_edit = context.can(Capability.MANAGE_USERS)
        can_backup = context.can(Capability.BACKUP)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(14)
        page_header(
            layout,
            self,
            self.tr("Settings"),
            self.tr(
                "Your own display settings, and the settings that apply to everyone who uses this vault."
            ),
        )
        layout.addWidget(self._own_settings())

        security = QFrame(self)
        security.setObjectName("card")
        security.setMaximumWidth(_CARD_WIDTH)
        form = QFormLayout(security)
        form.setContentsMargins(20, 16, 20, 16)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.idle_minutes = _spin(security, 1, 240, self.tr(" min"), "idleLockMinutes")
        self.clipboard_seconds = _spin(security, 5, 600, self.tr(" s"), "clipboardClearSeconds")
        self.generations = _spin(security, 1, 50, self.tr(" generations"), "backupGenerations")
        form.addRow(self.tr("Lock after no input for"), self.idle_minutes)
        form.addRow(self.tr("Clear copied text after"), self.clipboard_seconds)
        form.addRow(self.tr("Backups to keep"), self.generations)
        self.save_button = QPushButton(self.tr("Save settings"), security)
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.saved = QLabel(security)
        self.saved.setObjectName("okText")
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved, 1)
        form.addRow("", row)
        if not can_edit:
            note = QLabel(self.tr("Only an administrator can change these settings."), security)
            note.setObjectName("hintText")
            form.addRow("", note)
        for widget in (self.idle_minutes, self.clipboard_seconds, self.generations, self.save_button):
            widget.setEnabled(can_edit)
        layout.addWidget(security)

        backup = QFrame(self)
        backup.setObjectName("card")
        backup.setMaximumWidth(_CARD_WIDTH)
        backup_layout = QVBoxLayout(backup)
        backup_layout.setContentsMargins(20, 16, 20, 16)
        backup_layout.setSpacing(10)
        title = QLabel(self.tr("Backup"), backup)
        title.setObjectName("sectionTitle")
        explain = QLabel(
            self.tr(
                "A backup is an encrypted copy of the vault and its key file, kept in the vault folder under backups. The oldest copies beyond the number to keep are removed."
            ),
            backup,
        )
        explain.setWordWrap(True)
        explain.setObjectName("hintText")
        self.backup_button = QPushButton(self.tr("Back up now"), backup)
        self.backup_button.setEnabled(can_backup)
        self.backup_button.clicked.connect(self.back_up)
        self.backup_result = QLabel(backup)
        self.backup_result.setWordWrap(True)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_button)
        backup_row.addWidget(self.backup_result, 1)
        backup_layout.addWidget(title)
        backup_layout.addWidget(explain)
        backup_layout.addLayout(backup_row)
        if not can_backup:
            note = QLabel(self.tr("Backups are made by a supervisor or an administrator."), backup)
            note.setObjectName("hintText")
            backup_layout.addWidget(note)
        layout.addWidget(backup)
        keys = VaultKeysCard(context, self)
        keys.setMaximumWidth(_CARD_WIDTH)
        layout.addWidget(keys)
        layout.addStretch(1)
        self.refresh()

    def _own_settings(self) -> QFrame:
        own = QFrame(self)
        own.setObjectName("card")
        own.setMaximumWidth(_CARD_WIDTH)
        form = QFormLayout(own)
        form.setContentsMargins(20, 16, 20, 16)
        form.setHorizontalSpacing(18)
        title = QLabel(self.tr("Your display"), own)
        title.setObjectName("sectionTitle")
        form.addRow(title)
        self.wareki = QRadioButton(
            self.tr("Japanese era (和暦): R8.12.16 in tables, 令和8年12月16日 in sentences"), own
        )
        self.wareki.setObjectName("dateStyleWareki")
        self.seireki = QRadioButton(
            self.tr("Western years (西暦): 2026/12/16 in tables, 2026年12月16日 in sentences"), own
        )
        self.seireki.setObjectName("dateStyleSeireki")
        group = QButtonGroup(own)
        group.addButton(self.wareki)
        group.addButton(self.seireki)
        column = QVBoxLayout()
        column.addWidget(self.wareki)
        column.addWidget(self.seireki)
        hint = QLabel(
            self.tr("Dates can be typed either way everywhere (R8.12.16, 令和8年12月16日, 2026/12/16)."), own
        )
        hint.setObjectName("hintText")
        column.addWidget(hint)
        form.addRow(self.tr("Date display"), column)
        self._show_date_style(self.context.preferences.current.date_style)
        self.context.preferences.changed.connect(
            lambda: self._show_date_style(self.context.preferences.current.date_style)
        )
        self.wareki.toggled.connect(lambda on: self._choose_date_style(preferences.WAREKI) if on else None)
        self.seireki.toggled.connect(lambda on: self._choose_date_style(preferences.SEIREKI) if on else None)
        return own

    def _show_date_style(self, style: str) -> None:
        for button, value in ((self.wareki, preferences.WAREKI), (self.seireki, preferences.SEIREKI)):
            button.blockSignals(True)
            button.setChecked(style == value)
            button.blockSignals(False)

    def _choose_date_style(self, style: str) -> None:
        if style == self.context.preferences.current.date_style:
            return
        self.context.ops.call(
            preferences.set_date_style,
            style,
            owner=self,
            on_result=lambda _p: self.context.notices.say(
                self.tr("Dates are now shown in the Japanese era.")
                if style == preferences.WAREKI
                else self.tr("Dates are now shown in Western years.")
            ),
        )

    def refresh(self) -> None:
        from saiken.services import settings

        self.context.ops.call(settings.get_settings, owner=self, on_result=self._show)

    def _show(self, values: Any) -> None:
        self.idle_minutes.setValue(int(values.idle_lock_minutes))
        self.clipboard_seconds.setValue(int(values.clipboard_clear_seconds))
        self.generations.setValue(int(values.backup_generations))

    def save(self) -> None:
        from saiken.services import settings

        self.saved.clear()
        self.context.ops.call(
            settings.update_settings,
            idle_lock_minutes=self.idle_minutes.value(),
            clipboard_clear_seconds=self.clipboard_seconds.value(),
            backup_generations=self.generations.value(),
            owner=self,
            on_result=self._saved,
        )

    def _saved(self, done: Any) -> None:
        self._show(done.value)
        self.saved.setText(self.tr("Saved."))
        self.context.notices.say(self.tr("Saved the vault's settings."))

    def back_up(self) -> None:
        from saiken.services import backup

        self.backup_button.setEnabled(False)
        self.backup_result.clear()
        self.context.ops.call(
            backup.create_backup,
            owner=self,
            on_result=self._backed_up,
            on_error=self._backup_failed,
            progress=self.tr("Making a backup…"),
        )

    def _backed_up(self, info: Any) -> None:
        self.backup_button.setEnabled(True)
        self.backup_result.setObjectName("okText")
        self.backup_result.setText(
            self.tr("Backup {name} made ({n} audit entries).").format(
                name=info.name, n=f"{info.audit_count:,}"
            )
        )
        self.backup_result.style().unpolish(self.backup_result)
        self.backup_result.style().polish(self.backup_result)

    def _backup_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        from saiken.ui.kit.errors import show_error

        show_error(self, error)

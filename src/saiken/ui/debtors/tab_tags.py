"""Tab タグ・メモ: coloured tags with an optional expiry, the notes, and the file's status and handler."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import ValidationError
from saiken.services import debtors
from saiken.services.debtors.rows import TagRow
from saiken.ui.kit import display
from saiken.ui.kit.fields import DateField, error_label, show_problem
from saiken.ui.kit.form_guard import FormGuard
from saiken.ui.kit.tables import ReadOnlyTable
from saiken.ui.kit.translate import QT_TRANSLATE_NOOP

TAG_COLOURS = (
    (QT_TRANSLATE_NOOP("TagsTab", "Red"), "#E57373"),
    (QT_TRANSLATE_NOOP("TagsTab", "Orange"), "#FFB74D"),
    (QT_TRANSLATE_NOOP("TagsTab", "Yellow"), "#FFF176"),
    (QT_TRANSLATE_NOOP("TagsTab", "Green"), "#81C784"),
    (QT_TRANSLATE_NOOP("TagsTab", "Blue"), "#64B5F6"),
    (QT_TRANSLATE_NOOP("TagsTab", "Purple"), "#BA68C8"),
    (QT_TRANSLATE_NOOP("TagsTab", "Grey"), "#B0BEC5"),
)


class TagsTab(QWidget):
    def __init__(self, card_page: Any):
        super().__init__()
        self.card_page = card_page
        self.context = card_page.context
        self.tags: list[Any] = []

        tags_box = QGroupBox(self.tr("Tags"))
        self.table = ReadOnlyTable(
            [self.tr("Tag"), self.tr("Colour"), self.tr("Expires")], stretch=0, object_name="tagsTable"
        )
        self.table.setMaximumHeight(170)
        self.tag_name = QLineEdit()
        self.tag_name.setObjectName("tagName")
        self.tag_name.setPlaceholderText(self.tr("New tag"))
        self.tag_colour = QComboBox()
        self.tag_colour.setObjectName("tagColour")
        for name, colour in TAG_COLOURS:
            self.tag_colour.addItem(self.tr(name), colour)
            self.tag_colour.setItemData(
                self.tag_colour.count() - 1, QColor(colour), role=Qt.ItemDataRole.BackgroundRole
            )
        self.tag_expires = DateField(object_name="tagExpires")
        self.tag_expires.setPlaceholderText(self.tr("no expiry"))
        self.add_tag_button = QPushButton(self.tr("Add tag"))
        self.remove_tag_button = QPushButton(self.tr("Remove selected"))
        row = QHBoxLayout()
        row.addWidget(self.tag_name, 1)
        row.addWidget(self.tag_colour)
        row.addWidget(QLabel(self.tr("Expires")))
        row.addWidget(self.tag_expires)
        row.addWidget(self.add_tag_button)
        row.addWidget(self.remove_tag_button)
        tags_layout = QVBoxLayout(tags_box)
        tags_layout.addWidget(self.table)
        tags_layout.addLayout(row)

        status_box = QGroupBox(self.tr("Status and handler"))
        self.status = QComboBox()
        self.status.setObjectName("statusChoice")
        self.status.addItems(display.statuses())
        self.handler = QComboBox()
        self.handler.setObjectName("handlerChoice")
        self.handler.addItem(self.tr("(none)"), "")
        self.status_button = QPushButton(self.tr("Change status"))
        self.handler_button = QPushButton(self.tr("Assign handler"))
        status_row = QHBoxLayout(status_box)
        status_row.addWidget(QLabel(self.tr("Status")))
        status_row.addWidget(self.status)
        status_row.addWidget(self.status_button)
        status_row.addSpacing(20)
        status_row.addWidget(QLabel(self.tr("Handler")))
        status_row.addWidget(self.handler)
        status_row.addWidget(self.handler_button)
        status_row.addStretch(1)

        notes_box = QGroupBox(self.tr("Notes"))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.save_notes_button = QPushButton(self.tr("Save notes"))
        self.save_notes_button.setObjectName("primary")
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self.notes)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_notes_button)
        notes_layout.addLayout(save_row)
        self.error = error_label()

        layout = QVBoxLayout(self)
        layout.addWidget(status_box)
        layout.addWidget(tags_box)
        layout.addWidget(notes_box, 1)
        layout.addWidget(self.error)
        self.add_tag_button.clicked.connect(self.add_tag)
        self.tag_name.returnPressed.connect(self.add_tag)
        self.remove_tag_button.clicked.connect(self.remove_tag)
        self.save_notes_button.clicked.connect(self.save_notes)
        self.status_button.clicked.connect(self.change_status)
        self.handler_button.clicked.connect(self.change_handler)
        self.context.handlers.changed.connect(self._handlers)
        self.context.handlers.ensure_loaded(self.context.ops)
        self._handlers()
        self.tag_guard = FormGuard([self.tag_name, self.tag_colour, self.tag_expires])
        self.notes_guard = FormGuard([self.notes])
        self.status_guard = FormGuard([self.status])
        self.handler_guard = FormGuard([self.handler])
        self._guards = (self.tag_guard, self.notes_guard, self.status_guard, self.handler_guard)

    def _handlers(self) -> None:
        """Every handler by display name (the account name is the item's data)."""
        for name, display_name in self.context.handlers.choices():
            index = self.handler.findData(name)
            if index < 0:
                self.handler.addItem(display_name, name)
            else:
                self.handler.setItemText(index, display_name)

    def show_card(self, card: Any) -> None:
        self.tags = list(card.tags)
        self.table.set_rows(
            [[t.name, "", display.day(t.expires_on) or self.tr("none")] for t in self.tags],
            keys=[t.name for t in self.tags],
        )
        for r, tag in enumerate(self.tags):
            if (item := self.table.item(r, 1)) is not None:
                item.setBackground(QColor(tag.colour))

    def load_form(self, card: Any, *, fresh: bool) -> None:
        """This debtor's notes, status and handler; a new tag form. A reload of the same debtor keeps
        what the user has changed and not saved."""
        if fresh or not self.tag_guard.dirty():
            self.tag_name.clear()
            self.tag_colour.setCurrentIndex(0)
            self.tag_expires.clear()
            self.tag_guard.mark_clean()
        if fresh or not self.notes_guard.dirty():
            self.notes.setPlainText(card.notes or "")
            self.notes_guard.mark_clean()
        if fresh or not self.status_guard.dirty():
            self.status.setCurrentText(card.status)
            self.status_guard.mark_clean()
        if fresh or not self.handler_guard.dirty():
            if card.handler and self.handler.findData(card.handler) < 0:
                self.handler.addItem(self.context.handlers.label(card.handler), card.handler)
            self.handler.setCurrentIndex(max(0, self.handler.findData(card.handler)) if card.handler else 0)
            self.handler_guard.mark_clean()
        if fresh:
            self.error.hide()

    def has_unsaved_input(self) -> bool:
        return any(guard.dirty() for guard in self._guards)

    def _call(self, fn: Any, *args: Any, guard: FormGuard, notice: str) -> None:
        debtor_id = self.card_page.debtor_id

        def done(_result: Any) -> None:
            self.context.notices.say(notice)
            if self.card_page.showing(debtor_id):
                guard.mark_clean()

        self.context.ops.call(
            fn,
            debtor_id,
            *args,
            on_result=done,
            on_error=lambda e: show_problem(self.error, e),
            owner=self,
        )

    def _save_tags(self, tags: list[Any], notice: str) -> None:
        self._call(debtors.set_tags, tags, guard=self.tag_guard, notice=notice)

    def add_tag(self) -> None:
        name = self.tag_name.text().strip()
        try:
            if not name:
                raise ValidationError(self.tr("Write the tag's name first."))
            expires = self.tag_expires.date(self.tr("Tag expiry"), required=False)
        except ValidationError as error:
            show_problem(self.error, error)
            return
        self.error.hide()
        kept = [t for t in self.tags if t.name != name]
        self.tag_name.clear()
        self.tag_expires.clear()
        self._save_tags(
            [*kept, TagRow(name=name, colour=self.tag_colour.currentData(), expires_on=expires)],
            self.tr("Added the tag “{name}”.").format(name=name),
        )

    def remove_tag(self) -> None:
        name = self.table.current_key()
        if name is None:
            show_problem(self.error, ValidationError(self.tr("Select the tag to remove first.")))
            return
        self._save_tags(
            [t for t in self.tags if t.name != name], self.tr("Removed the tag “{name}”.").format(name=name)
        )

    def save_notes(self) -> None:
        self._call(
            debtors.update_notes,
            self.notes.toPlainText(),
            guard=self.notes_guard,
            notice=self.tr("Saved the notes."),
        )

    def change_status(self) -> None:
        status = self.status.currentText()
        self._call(
            debtors.set_status,
            status,
            guard=self.status_guard,
            notice=self.tr("Changed the status to {status}.").format(status=status),
        )

    def change_handler(self) -> None:
        name = self.handler.currentData() or None
        self._call(
            debtors.assign_handler,
            name,
            guard=self.handler_guard,
            notice=(
                self.tr("Assigned the handler {name}.").format(name=self.handler.currentText())
                if name
                else self.tr("Removed the handler.")
            ),
        )

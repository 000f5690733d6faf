"""Dialogs of the seminar roster: a new seminar, and an application (a business found by search and the
person who attends). An application to a full seminar is taken onto the waiting list, and the dialog's
result says so."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import ValidationError
from saiken.services import consultations as cs
from saiken.ui.kit.fields import DateField, error_label, show_problem


def _buttons(dialog: QDialog, save_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("SeminarDialogs", "Cancel")
    )
    buttons.rejected.connect(dialog.reject)
    return buttons


class SeminarDialog(QDialog):
    saved = Signal(object)

    def __init__(self, context: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("seminarDialog")
        self.setWindowTitle(self.tr("New seminar"))
        self.context = context
        self.title = QLineEdit()
        self.title.setObjectName("seminarTitle")
        self.held_on = DateField(context.clock.today() + dt.timedelta(days=14), object_name="seminarDay")
        self.starts = QTimeEdit(QTime(14, 0))
        self.starts.setDisplayFormat("HH:mm")
        self.ends = QTimeEdit(QTime(16, 0))
        self.ends.setDisplayFormat("HH:mm")
        self.venue = QLineEdit()
        self.venue.setObjectName("seminarVenue")
        self.capacity = QSpinBox()
        self.capacity.setObjectName("seminarCapacity")
        self.capacity.setRange(1, 1000)
        self.capacity.setValue(20)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Day"), self.held_on)
        form.addRow(self.tr("Starts at"), self.starts)
        form.addRow(self.tr("Ends at"), self.ends)
        form.addRow(self.tr("Venue"), self.venue)
        form.addRow(self.tr("Capacity"), self.capacity)
        self.error = error_label()
        self.buttons = _buttons(self, self.tr("Save"))
        self.buttons.accepted.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        try:
            day = self.held_on.date(self.tr("Day"))
        except ValidationError as error:
            show_problem(self.error, error)
            return
        starts, ends = self.starts.time(), self.ends.time()
        self.context.ops.call(
            cs.add_seminar,
            title=self.title.text(),
            held_on=day,
            capacity=self.capacity.value(),
            venue=self.venue.text(),
            starts_at=dt.time(starts.hour(), starts.minute()),
            ends_at=dt.time(ends.hour(), ends.minute()),
            on_result=self._done,
            on_error=lambda error: show_problem(self.error, error),
            owner=self,
        )

    def _done(self, change: Any) -> None:
        self.saved.emit(change.row)
        self.accept()


class ApplyDialog(QDialog):
    """`applied(application row)`; its status is 参加確定 or キャンセル待ち."""

    applied = Signal(object)

    def __init__(self, context: Any, seminar: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("applyDialog")
        self.setWindowTitle(self.tr("Application to {title}").format(title=seminar.title))
        self.context = context
        self.seminar = seminar
        self.search = QLineEdit()
        self.search.setObjectName("applyBusinessSearch")
        self.search.setPlaceholderText(self.tr("Type part of the business name, reading or phone"))
        self.business = QComboBox()
        self.business.setObjectName("applyBusiness")
        self.attendee = QLineEdit()
        self.attendee.setObjectName("applyAttendee")
        self.attendee_kana = QLineEdit()
        self.attendee_kana.setObjectName("applyAttendeeKana")
        form = QFormLayout()
        form.addRow(self.tr("Find business"), self.search)
        form.addRow(self.tr("Business"), self.business)
        form.addRow(self.tr("Attendee"), self.attendee)
        form.addRow(self.tr("Attendee's reading"), self.attendee_kana)
        self.error = error_label()
        self.buttons = _buttons(self, self.tr("Apply"))
        self.buttons.accepted.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._find)
        self.business.currentIndexChanged.connect(self._suggest)
        self._rows: dict[int, Any] = {}
        self._find("")

    def _find(self, text: str) -> None:
        self.context.ops.call(cs.search_businesses, text, limit=50, on_result=self._found, owner=self)

    def _found(self, page: Any) -> None:
        self._rows = {row.id: row for row in page.rows}
        self.business.clear()
        for row in page.rows:
            self.business.addItem(row.name, row.id)

    def _suggest(self, _index: int) -> None:
        row = self._rows.get(self.business.currentData())
        if row is not None and not self.attendee.isModified():
            self.attendee.setText(row.representative)

    def submit(self) -> None:
        if self.business.currentData() is None:
            self.error.setText(self.tr("Choose the business that applies."))
            self.error.show()
            return
        self.context.ops.call(
            cs.apply,
            self.seminar.id,
            business_id=int(self.business.currentData()),
            attendee=self.attendee.text(),
            attendee_kana=self.attendee_kana.text(),
            on_result=self._done,
            on_error=lambda error: show_problem(self.error, error),
            owner=self,
        )

    def _done(self, change: Any) -> None:
        self.applied.emit(change.row)
        self.accept()

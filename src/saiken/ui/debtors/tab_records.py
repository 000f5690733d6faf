"""Tab 交渉経過: the negotiation timeline (newest first) with a quick-entry form, corrections and history.

A correction never overwrites: the service stores a new version and keeps the old one, which the history
dialog shows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTime, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.services import debtors
from saiken.services.changes import Changed
from saiken.ui.kit import display
from saiken.ui.kit.fields import AmountField, DateField, error_label, show_problem
from saiken.ui.kit.form_guard import FormGuard, confirm_discard
from saiken.ui.kit.tables import ReadOnlyTable

CHANNELS = ("電話", "来所", "訪問", "書面", "メール")
DIRECTIONS = ("発信", "受信")


class RecordForm(QWidget):
    """The fields of one negotiation record (quick entry and correction)."""

    def __init__(self, clock: Any, parent: QWidget | None = None):
        super().__init__(parent)
        now = clock.now().astimezone(JST)
        self.day = DateField(now.date(), object_name="recordDate")
        self.time = QTimeEdit(QTime(now.hour, now.minute))
        self.time.setObjectName("recordTime")
        self.time.setDisplayFormat("HH:mm")
        self.channel = QComboBox()
        self.channel.setObjectName("recordChannel")
        self.channel.addItems(CHANNELS)
        self.direction = QComboBox()
        self.direction.setObjectName("recordDirection")
        self.direction.addItems(DIRECTIONS)
        self.person = QLineEdit()
        self.person.setObjectName("recordPerson")
        self.person.setPlaceholderText(self.tr("e.g. the representative"))
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("recordSummary")
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("What was said and agreed"))
        self.summary.setFixedHeight(58)
        self.promise_amount = AmountField(object_name="promiseAmount")
        self.promise_date = DateField(object_name="promiseDate")
        self.next_action = DateField(object_name="nextAction")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Date")), 0, 0)
        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addWidget(self.time)
        grid.addLayout(when, 0, 1)
        grid.addWidget(QLabel(self.tr("Channel")), 0, 2)
        grid.addWidget(self.channel, 0, 3)
        grid.addWidget(QLabel(self.tr("Direction")), 0, 4)
        grid.addWidget(self.direction, 0, 5)
        grid.addWidget(QLabel(self.tr("Person")), 0, 6)
        grid.addWidget(self.person, 0, 7)
        grid.addWidget(QLabel(self.tr("Summary")), 1, 0)
        grid.addWidget(self.summary, 1, 1, 1, 7)
        grid.addWidget(QLabel(self.tr("Promise")), 2, 0)
        promise = QHBoxLayout()
        promise.addWidget(self.promise_amount)
        promise.addWidget(QLabel(self.tr("by")))
        promise.addWidget(self.promise_date)
        grid.addLayout(promise, 2, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Next action")), 2, 4)
        grid.addWidget(self.next_action, 2, 5)
        grid.setColumnStretch(7, 1)

    def values(self) -> dict[str, Any]:
        day = self.day.date(self.tr("Date"))
        assert day is not None  # required: an empty date raises ValidationError
        time = self.time.time()
        at = dt.datetime(day.year, day.month, day.day, time.hour(), time.minute(), tzinfo=JST)
        summary = self.summary.toPlainText().strip()
        if not summary:
            self.summary.setFocus()
            raise ValidationError(self.tr("Summary: write what was said (it cannot be empty)."))
        return {
            "at": at,
            "channel": self.channel.currentText(),
            "direction": self.direction.currentText(),
            "person": self.person.text().strip(),
            "summary": summary,
            "promise_amount": self.promise_amount.amount(self.tr("Promised amount"), required=False),
            "promise_date": self.promise_date.date(self.tr("Promised date"), required=False),
            "next_action_on": self.next_action.date(self.tr("Next action"), required=False),
        }

    def load(self, record: Any) -> None:
        at = record.at.astimezone(JST) if record.at.tzinfo else record.at
        self.day.setText(display.day(at.date()))
        self.time.setTime(QTime(at.hour, at.minute))
        self.channel.setCurrentText(record.channel)
        self.direction.setCurrentText(record.direction)
        self.person.setText(record.person)
        self.summary.setPlainText(record.summary)
        self.promise_amount.setText("" if record.promise_amount is None else f"{record.promise_amount:,}")
        self.promise_date.setText(display.day(record.promise_date))
        self.next_action.setText(display.day(record.next_action_on))

    def clear(self, clock: Any) -> None:
        """An empty form dated now (for the next record, or for another debtor)."""
        now = clock.now().astimezone(JST)
        self.day.setText(display.day(now.date()))
        self.time.setTime(QTime(now.hour, now.minute))
        self.channel.setCurrentIndex(0)
        self.direction.setCurrentIndex(0)
        for edit in (self.person, self.promise_amount, self.promise_date, self.next_action):
            edit.clear()
        self.summary.clear()

    def fields(self) -> list[QWidget]:
        """Every field of the form, for its FormGuard."""
        return [
            self.day,
            self.time,
            self.channel,
            self.direction,
            self.person,
            self.summary,
            self.promise_amount,
            self.promise_date,
            self.next_action,
        ]


def record_saved_text(row: Any, *, corrected: bool = False) -> str:
    """The status-bar line after a record was saved: 「交渉記録（R7.9.16 電話）を登録しました」."""
    what = f"{display.day(row.at)} {row.channel}"
    if corrected:
        return QCoreApplication.translate("RecordsTab", "Corrected the negotiation record ({what}).").format(
            what=what
        )
    return QCoreApplication.translate("RecordsTab", "Added the negotiation record ({what}).").format(
        what=what
    )


def version_text(version: int) -> str:
    return QCoreApplication.translate("RecordsTab", "Version {n}").format(n=version)


def record_cells(record: Any) -> list[str]:
    promise = ""
    if record.promise_amount is not None:
        promise = QCoreApplication.translate("RecordsTab", "{amount}\nby {day}").format(
            amount=display.yen(record.promise_amount), day=display.day(record.promise_date)
        )
    version = version_text(record.version) if record.versions > 1 else ""
    return [
        display.day(record.at),
        record.channel,
        record.direction,
        record.person,
        record.handler or "",
        record.summary.replace("\n", " "),
        promise,
        display.day(record.next_action_on),
        version,
    ]


def record_headers() -> list[str]:
    return [
        QCoreApplication.translate("RecordsTab", "Date and time"),
        QCoreApplication.translate("RecordsTab", "Channel"),
        QCoreApplication.translate("RecordsTab", "Direction"),
        QCoreApplication.translate("RecordsTab", "Person"),
        QCoreApplication.translate("RecordsTab", "Handler"),
        QCoreApplication.translate("RecordsTab", "Summary"),
        QCoreApplication.translate("RecordsTab", "Promise"),
        QCoreApplication.translate("RecordsTab", "Next action"),
        QCoreApplication.translate("RecordsTab", "Version"),
    ]


class RecordsTab(QWidget):
    def __init__(self, card_page: Any):
        super().__init__()
        self.card_page = card_page
        self.context = card_page.context
        box = QGroupBox(self.tr("Quick entry"))
        box_layout = QVBoxLayout(box)
        self.form = RecordForm(self.context.clock)
        self.error = error_label()
        self.add_button = QPushButton(self.tr("Add record"))
        self.add_button.setObjectName("primary")
        self.add_button.setToolTip("Ctrl+Enter")
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(0)
        self.add_button.setMinimumWidth(140)
        buttons.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        box_layout.addWidget(self.form)
        box_layout.addLayout(buttons)

        self.timeline = ReadOnlyTable(record_headers(), stretch=5, object_name="timeline")
        self.timeline.setWordWrap(True)
        # Row heights follow the wrapped summaries at the table's real width: computed while the tab was
        # hidden (columns not laid out yet) they came out taller than the view and the text sat below it.
        self.timeline.verticalHeader().setMaximumSectionSize(160)
        self.timeline.installEventFilter(self)
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.history_button = QPushButton(self.tr("History…"))
        actions = QHBoxLayout()
        title = QLabel(self.tr("Timeline (newest first)"))
        title.setStyleSheet("font-weight: bold; font-size: 11pt; color: #243b53;")
        actions.addWidget(title)
        actions.addStretch(1)
        actions.addWidget(self.correct_button)
        actions.addWidget(self.history_button)

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(actions)
        layout.addWidget(self.timeline, 1)
        self.records: list[Any] = []
        self.add_button.clicked.connect(self.add_record)
        self.correct_button.clicked.connect(self.open_correction)
        self.history_button.clicked.connect(self.open_history)
        QShortcut(QKeySequence("Ctrl+Return"), box, self.add_record)
        self.timeline.doubleClicked.connect(lambda _index: self.open_correction())
        self.guard = FormGuard(self.form.fields())

    def load_form(self, card: Any, *, fresh: bool) -> None:
        """Another debtor's card: an empty quick entry (a draft never moves to another debtor)."""
        if fresh:
            self.form.clear(self.context.clock)
            self.error.hide()
            self.add_button.setEnabled(True)
            self.guard.mark_clean()

    def has_unsaved_input(self) -> bool:
        return self.guard.dirty()

    def show_card(self, card: Any) -> None:
        self.records = list(card.records)
        self.timeline.set_rows([record_cells(r) for r in self.records], keys=[r.id for r in self.records])
        self._fit_rows()
        has = bool(self.records)
        self.correct_button.setEnabled(has)
        self.history_button.setEnabled(has)

    def _fit_rows(self, *_args: Any) -> None:
        self.timeline.resizeRowsToContents()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Refit once the layout has given the table its real width (after it is shown or resized).
        if watched is self.timeline and event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            QTimer.singleShot(0, self._fit_rows)
        return super().eventFilter(watched, event)

    def add_record(self) -> None:
        try:
            values = self.form.values()
        except ValidationError as error:
            show_problem(self.error, error)
            return
        self.error.hide()
        self.add_button.setEnabled(False)
        debtor_id = self.card_page.debtor_id
        self.context.ops.call(
            debtors.add_record,
            debtor_id,
            **values,
            on_result=lambda changed: self._added(debtor_id, changed.value),
            on_error=lambda error: self._failed(debtor_id, error),
            owner=self,
        )

    def _added(self, debtor_id: int, row: Any) -> None:
        self.context.notices.say(record_saved_text(row))
        if self.card_page.showing(debtor_id):
            self.add_button.setEnabled(True)
            self.form.clear(self.context.clock)
            self.guard.mark_clean()

    def _failed(self, debtor_id: int, error: BaseException) -> None:
        if self.card_page.showing(debtor_id):
            self.add_button.setEnabled(True)
            show_problem(self.error, error)

    def select_record(self, record_id: int) -> None:
        """Select the record `record_id` (any of its versions) in the timeline and show it."""
        for row, record in enumerate(self.records):
            if record.id == record_id:
                self.timeline.selectRow(row)
                if (item := self.timeline.item(row, 0)) is not None:
                    self.timeline.scrollToItem(item)
                self.timeline.setFocus()
                return

    def selected(self) -> Any:
        key = self.timeline.current_key()
        return next((r for r in self.records if r.id == key), self.records[0] if self.records else None)

    def open_correction(self) -> QDialog | None:
        record = self.selected()
        if record is None:
            return None
        dialog = CorrectionDialog(self.context, record, self)
        dialog.open()
        return dialog

    def open_history(self) -> None:
        record = self.selected()
        if record is not None:
            self.context.ops.call(debtors.record_history, record.id, on_result=self._show_history, owner=self)

    def _show_history(self, versions: list[Any]) -> None:
        dialog = QDialog(self)
        dialog.setObjectName("recordHistory")
        dialog.setWindowTitle(self.tr("Versions of this record"))
        dialog.resize(900, 320)
        table = ReadOnlyTable(
            [self.tr("Version"), self.tr("Entered"), self.tr("Entered by"), *record_headers()[:-1]],
            stretch=8,
            object_name="historyTable",
        )
        table.set_rows(
            [
                [
                    version_text(v.version) + (self.tr(" (current)") if not v.superseded else ""),
                    display.day(v.created_at),
                    v.created_by,
                    *record_cells(v)[:-1],
                ]
                for v in sorted(versions, key=lambda v: v.version, reverse=True)
            ]
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.history_dialog = dialog
        dialog.open()


class CorrectionDialog(QDialog):
    """Correct a record: the service stores a new version; the old one stays in the history."""

    def __init__(self, context: Any, record: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recordCorrection")
        self.setWindowTitle(self.tr("Correct a negotiation record"))
        self.context = context
        self.record = record
        self.form = RecordForm(context.clock)
        self.form.load(record)
        self.guard = FormGuard(self.form.fields())
        self.error = error_label()
        note = QLabel(
            self.tr("The correction is saved as a new version; the current text stays in the history.")
        )
        note.setObjectName("hintText")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save correction"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(880, 240)

    def submit(self) -> None:
        try:
            values = self.form.values()
        except ValidationError as error:
            show_problem(self.error, error)
            return
        changes = {k: v for k, v in values.items() if getattr(self.record, k) != v}
        if not changes:
            self.reject()
            return
        self.context.ops.call(
            debtors.correct_record,
            self.record.id,
            **changes,
            on_result=self._done,
            on_error=lambda error: show_problem(self.error, error),
            owner=self,
        )

    def _done(self, changed: Changed[Any]) -> None:
        self.context.notices.say(record_saved_text(changed.value, corrected=True))
        self.guard.mark_clean()
        self.accept()

    def reject(self) -> None:
        """Cancel or Esc: ask before a correction that was typed but not saved is thrown away."""
        if self.guard.dirty() and not confirm_discard(self.context.dialogs, self):
            return
        super().reject()

"""The booking calendar by week: one column a day (Monday to Saturday), one row an hour from 9:00 to 17:00,
each cell listing the bookings that start in it as 「相談員：事業所」. Alt+← / Alt+→ move by a week,
Ctrl+B books the selected slot, Del cancels the selected booking (kept as 取消). A double booking is
refused by the service and its message says which booking is in the way."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.clock import JST
from saiken.domain.consultation_terms import FORMS
from saiken.domain.roles import Capability
from saiken.domain.wareki import format_wareki
from saiken.services import consultations as cs
from saiken.ui.kit import display
from saiken.ui.kit.fields import DateField, error_label, show_problem

HOURS = tuple(range(9, 17))
DAYS = 6  # Monday to Saturday
WEEKDAYS = "月火水木金土日"


class BookingDialog(QDialog):
    """Book a consultant's slot for a business found by search."""

    booked = Signal(object)

    def __init__(
        self, context: Any, consultants: list[Any], start: dt.datetime, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("bookingDialog")
        self.setWindowTitle(self.tr("Book a consultation"))
        self.context = context
        self.search = QLineEdit()
        self.search.setObjectName("bookingBusinessSearch")
        self.search.setPlaceholderText(self.tr("Type part of the business name, reading or phone"))
        self.business = QComboBox()
        self.business.setObjectName("bookingBusiness")
        self.consultant = QComboBox()
        self.consultant.setObjectName("bookingConsultant")
        for row in consultants:
            self.consultant.addItem(row.name, row.id)
        self.day = DateField(start.date(), object_name="bookingDay")
        self.time = QTimeEdit()
        self.time.setObjectName("bookingTime")
        self.time.setDisplayFormat("HH:mm")
        self.time.setTime(self.time.time().fromString(start.strftime("%H:%M"), "HH:mm"))
        self.minutes = QSpinBox()
        self.minutes.setObjectName("bookingMinutes")
        self.minutes.setRange(15, 480)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.form = QComboBox()
        self.form.setObjectName("bookingForm")
        self.form.addItems([f for f in FORMS if f != "派遣"])
        self.purpose = QLineEdit()
        self.purpose.setObjectName("bookingPurpose")
        layout = QFormLayout()
        layout.addRow(self.tr("Find business"), self.search)
        layout.addRow(self.tr("Business"), self.business)
        layout.addRow(self.tr("Consultant"), self.consultant)
        layout.addRow(self.tr("Day"), self.day)
        layout.addRow(self.tr("Starts at"), self.time)
        layout.addRow(self.tr("Length"), self.minutes)
        layout.addRow(self.tr("Form"), self.form)
        layout.addRow(self.tr("Purpose"), self.purpose)
        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Book"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(layout)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.search.textChanged.connect(self._find)
        self._find("")
        self.resize(460, 380)

    def _find(self, text: str) -> None:
        self.context.ops.call(cs.search_businesses, text, limit=50, on_result=self._found, owner=self)

    def _found(self, page: Any) -> None:
        self.business.clear()
        for row in page.rows:
            self.business.addItem(f"{row.name}（{row.phone}）" if row.phone else row.name, row.id)

    def submit(self) -> None:
        try:
            day = self.day.date(self.tr("Day"))
        except Exception as error:  # a ValidationError from the field
            show_problem(self.error, error)
            return
        assert day is not None
        if self.business.currentData() is None or self.consultant.currentData() is None:
            self.error.setText(self.tr("Choose the business and the consultant."))
            self.error.show()
            return
        time = self.time.time()
        starts = dt.datetime(day.year, day.month, day.day, time.hour(), time.minute(), tzinfo=JST)
        self.context.ops.call(
            cs.book,
            consultant_id=int(self.consultant.currentData()),
            business_id=int(self.business.currentData()),
            starts_at=starts,
            minutes=self.minutes.value(),
            form=self.form.currentText(),
            purpose=self.purpose.text(),
            on_result=self._done,
            on_error=lambda error: show_problem(self.error, error),
            owner=self,
        )

    def _done(self, change: Any) -> None:
        self.booked.emit(change.row)
        self.accept()


class BookingCalendar(QWidget):
    def __init__(self, context: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bookingCalendar")
        self.context = context
        self.monday = cs.week_of(context.clock.today())
        self.week: Any = None
        self.title = QLabel("")
        self.title.setObjectName("weekTitle")
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold; color: #243b53;")
        self.previous_button = QPushButton(self.tr("← Previous week"))
        self.this_week_button = QPushButton(self.tr("This week"))
        self.next_button = QPushButton(self.tr("Next week →"))
        self.consultant = QComboBox()
        self.consultant.setObjectName("calendarConsultant")
        self.show_cancelled = QCheckBox(self.tr("Show cancelled"))
        self.book_button = QPushButton(self.tr("Book… (Ctrl+B)"))
        self.book_button.setObjectName("bookButton")
        self.cancel_button = QPushButton(self.tr("Cancel booking (Del)"))
        self.cancel_button.setObjectName("cancelBooking")
        for button in (self.book_button, self.cancel_button):
            button.setEnabled(context.can(Capability.EDIT))
        self.grid = QTableWidget(len(HOURS), DAYS)
        self.grid.setObjectName("weekGrid")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        self.grid.setVerticalHeaderLabels([f"{h}:00" for h in HOURS])
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.previous_button)
        top.addWidget(self.this_week_button)
        top.addWidget(self.next_button)
        top.addSpacing(12)
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("Consultant")))
        top.addWidget(self.consultant)
        top.addWidget(self.show_cancelled)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.book_button)
        actions.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        layout.addLayout(actions)
        self.previous_button.clicked.connect(lambda: self.step_week(-7))
        self.next_button.clicked.connect(lambda: self.step_week(7))
        self.this_week_button.clicked.connect(self.this_week)
        self.consultant.currentIndexChanged.connect(lambda _i: self._fill())
        self.show_cancelled.toggled.connect(lambda _on: self.refresh())
        self.book_button.clicked.connect(self.book)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.grid.cellDoubleClicked.connect(lambda _r, _c: self.book())
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.step_week(-7))
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.step_week(7))
        QShortcut(QKeySequence("Ctrl+B"), self, self.book)
        QShortcut(QKeySequence("Delete"), self.grid, self.cancel_selected)

    def step_week(self, days: int) -> None:
        self.monday += dt.timedelta(days=days)
        self.refresh()

    def this_week(self) -> None:
        self.monday = cs.week_of(self.context.clock.today())
        self.refresh()

    def refresh(self) -> None:
        self.context.ops.call(
            cs.week_bookings,
            self.monday,
            include_cancelled=self.show_cancelled.isChecked(),
            on_result=self._show,
            owner=self,
        )

    def _show(self, week: Any) -> None:
        self.week = week
        chosen = self.consultant.currentData()
        self.consultant.blockSignals(True)
        self.consultant.clear()
        self.consultant.addItem(self.tr("Everyone"), None)
        for row in week.consultants:
            self.consultant.addItem(row.name, row.id)
        index = self.consultant.findData(chosen)
        self.consultant.setCurrentIndex(max(index, 0))
        self.consultant.blockSignals(False)
        end = week.days[DAYS - 1]
        self.title.setText(
            self.tr("Week of {first} to {last}").format(
                first=format_wareki(week.days[0]), last=format_wareki(end)
            )
        )
        self.grid.setHorizontalHeaderLabels(
            [f"{d.month}/{d.day}（{WEEKDAYS[d.weekday()]}）" for d in week.days[:DAYS]]
        )
        self._fill()

    def _fill(self) -> None:
        self.grid.clearContents()
        if self.week is None:
            return
        chosen = self.consultant.currentData()
        today = self.context.clock.today()
        cells: dict[tuple[int, int], list[Any]] = {}
        for booking in self.week.bookings:
            if chosen is not None and booking.consultant_id != chosen:
                continue
            start = booking.starts_at.astimezone(JST)
            column = (start.date() - self.week.days[0]).days
            row = min(max(start.hour - HOURS[0], 0), len(HOURS) - 1)
            if 0 <= column < DAYS:
                cells.setdefault((row, column), []).append(booking)
        for row in range(len(HOURS)):
            for column in range(DAYS):
                found = cells.get((row, column), [])
                lines = [
                    f"{b.starts_at.astimezone(JST):%H:%M} {b.consultant.split('　')[0]}：{b.business_name}"
                    + ("（取消）" if b.status == "取消" else "")
                    for b in found
                ]
                item = QTableWidgetItem("\n".join(lines))
                item.setData(Qt.ItemDataRole.UserRole, [b.id for b in found if b.status != "取消"])
                item.setToolTip(
                    "\n".join(f"{line} {b.purpose}" for line, b in zip(lines, found, strict=True))
                )
                if self.week.days[column] == today:
                    item.setBackground(QBrush(QColor("#FFF7E6")))
                if found and all(b.status == "取消" for b in found):
                    item.setForeground(QBrush(QColor("#9AA5B1")))
                self.grid.setItem(row, column, item)

    def selected_slot(self) -> dt.datetime:
        row = max(self.grid.currentRow(), 0)
        column = max(self.grid.currentColumn(), 0)
        day = self.week.days[column] if self.week else self.monday + dt.timedelta(days=column)
        return dt.datetime.combine(day, dt.time(HOURS[row]), tzinfo=JST)

    def book(self) -> BookingDialog | None:
        if not self.context.can(Capability.EDIT):
            return None
        consultants = list(self.week.consultants) if self.week else []
        dialog = BookingDialog(self.context, consultants, self.selected_slot(), self)
        chosen = self.consultant.currentData()
        if chosen is not None:
            dialog.consultant.setCurrentIndex(dialog.consultant.findData(chosen))
        dialog.booked.connect(lambda _row: self.refresh())
        dialog.open()
        self.dialog = dialog
        return dialog

    def cancel_selected(self) -> None:
        item = self.grid.currentItem()
        ids = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not ids or not self.context.can(Capability.EDIT):
            return
        booking = next(b for b in self.week.bookings if b.id == ids[0])
        if not self.context.dialogs.confirm(
            self,
            self.tr("Cancel a booking"),
            self.tr(
                "Cancel the booking of {when} ({who}, {business})? It stays on record as cancelled."
            ).format(
                when=display.day(booking.starts_at), who=booking.consultant, business=booking.business_name
            ),
            self.tr("Cancel the booking"),
        ):
            return
        self.context.ops.call(
            cs.cancel_booking,
            booking.id,
            on_result=lambda _c: self.refresh(),
            owner=self,
        )

"""Seminars and their rosters: the seminars by date (capacity, confirmed, waiting), and for the one chosen
its confirmed applicants with attendance, the waiting list in order (the first moves up when a seat is
given up), and the cancellations kept."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.roles import Capability
from saiken.domain.wareki import format_wareki
from saiken.services import consultations as cs
from saiken.ui.consultations.seminar_dialogs import ApplyDialog, SeminarDialog
from saiken.ui.kit import display
from saiken.ui.kit.tables import ReadOnlyTable


def _time(value: Any) -> str:
    return "" if value is None else f"{value:%H:%M}"


class SeminarRosterPage(QWidget):
    def __init__(self, context: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("seminarPage")
        self.context = context
        self.seminars: list[Any] = []
        self.roster: Any = None
        self.dialog: QDialog | None = None
        self.list = ReadOnlyTable(
            [self.tr("Day"), self.tr("Seminar"), self.tr("Time"), self.tr("Venue"), self.tr("Capacity"),
             self.tr("Confirmed"), self.tr("Waiting"), self.tr("Attended"), self.tr("Status")],
            right=(4, 5, 6, 7),
            stretch=1,
            object_name="seminarList",
        )  # fmt: skip
        self.new_button = QPushButton(self.tr("New seminar…"))
        self.new_button.setObjectName("newSeminar")
        self.apply_button = QPushButton(self.tr("Apply…"))
        self.apply_button.setObjectName("applySeminar")
        self.cancel_button = QPushButton(self.tr("Cancel application"))
        self.cancel_button.setObjectName("cancelApplication")
        self.present_button = QPushButton(self.tr("Mark present"))
        self.present_button.setObjectName("markPresent")
        self.absent_button = QPushButton(self.tr("Mark absent"))
        self.absent_button.setObjectName("markAbsent")
        for button in (
            self.new_button,
            self.apply_button,
            self.cancel_button,
            self.present_button,
            self.absent_button,
        ):
            button.setEnabled(context.can(Capability.EDIT))
        self.heading = QLabel("")
        self.heading.setObjectName("rosterHeading")
        self.heading.setStyleSheet("font-size: 12pt; font-weight: bold; color: #243b53;")
        self.confirmed = ReadOnlyTable(
            [
                self.tr("No."),
                self.tr("Business"),
                self.tr("Attendee"),
                self.tr("Applied"),
                self.tr("Attendance"),
            ],
            stretch=1,
            object_name="confirmedTable",
        )
        self.waiting = ReadOnlyTable(
            [self.tr("Place"), self.tr("Business"), self.tr("Attendee"), self.tr("Applied")],
            stretch=1,
            object_name="waitingTable",
        )
        self.cancelled = ReadOnlyTable(
            [self.tr("Business"), self.tr("Attendee"), self.tr("Cancelled")],
            stretch=0,
            object_name="cancelledTable",
        )
        top_buttons = QHBoxLayout()
        top_buttons.addWidget(QLabel(self.tr("Seminars")))
        top_buttons.addStretch(1)
        top_buttons.addWidget(self.new_button)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top_buttons)
        upper_layout.addWidget(self.list)
        confirmed_box = QGroupBox(self.tr("Confirmed"))
        QVBoxLayout(confirmed_box).addWidget(self.confirmed)
        waiting_box = QGroupBox(self.tr("Waiting list (the first moves up when a seat is given up)"))
        QVBoxLayout(waiting_box).addWidget(self.waiting)
        cancelled_box = QGroupBox(self.tr("Cancelled"))
        QVBoxLayout(cancelled_box).addWidget(self.cancelled)
        lists = QHBoxLayout()
        lists.addWidget(confirmed_box, 3)
        side = QVBoxLayout()
        side.addWidget(waiting_box, 2)
        side.addWidget(cancelled_box, 1)
        lists.addLayout(side, 2)
        actions = QHBoxLayout()
        actions.addWidget(self.heading, 1)
        for button in (self.apply_button, self.cancel_button, self.present_button, self.absent_button):
            actions.addWidget(button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(actions)
        lower_layout.addLayout(lists, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setSizes([220, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.list.itemSelectionChanged.connect(self._seminar_chosen)
        self.new_button.clicked.connect(self.new_seminar)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.cancel_application)
        self.present_button.clicked.connect(lambda: self.mark(True))
        self.absent_button.clicked.connect(lambda: self.mark(False))

    def refresh(self) -> None:
        self.context.ops.call(cs.list_seminars, on_result=self._show_list, owner=self)

    def _show_list(self, seminars: list[Any]) -> None:
        chosen = self.roster.seminar.id if self.roster is not None else None
        self.seminars = list(seminars)
        self.list.set_rows(
            [
                [
                    format_wareki(s.held_on, "short"),
                    s.title,
                    f"{_time(s.starts_at)}〜{_time(s.ends_at)}" if s.starts_at else "",
                    s.venue,
                    f"{s.capacity}",
                    f"{s.confirmed}",
                    f"{s.waiting}",
                    f"{s.attended}",
                    s.status,
                ]
                for s in self.seminars
            ],
            keys=[s.id for s in self.seminars],
        )
        ids = [s.id for s in self.seminars]
        if chosen in ids:
            self.list.selectRow(ids.index(chosen))
        elif self.seminars:
            today = self.context.clock.today()
            upcoming = [i for i, s in enumerate(self.seminars) if s.held_on >= today]
            self.list.selectRow(upcoming[0] if upcoming else len(self.seminars) - 1)

    def _seminar_chosen(self) -> None:
        key = self.list.current_key()
        if key is not None:
            self.open_seminar(int(key))

    def open_seminar(self, seminar_id: int) -> None:
        self.context.ops.call(cs.seminar_roster, seminar_id, on_result=self._show_roster, owner=self)

    def _show_roster(self, roster: Any) -> None:
        self.roster = roster
        s = roster.seminar
        self.heading.setText(
            self.tr("{title} — {day}, capacity {capacity}, {seats} seats left").format(
                title=s.title, day=format_wareki(s.held_on), capacity=s.capacity, seats=roster.seats_left
            )
        )
        attendance = {True: self.tr("Present"), False: self.tr("Absent"), None: ""}
        self.confirmed.set_rows(
            [
                [f"{i}", a.business_name, a.attendee, display.day(a.applied_at), attendance[a.attended]]
                for i, a in enumerate(roster.confirmed, start=1)
            ],
            keys=[a.id for a in roster.confirmed],
        )
        self.waiting.set_rows(
            [
                [f"{a.waiting_position}", a.business_name, a.attendee, display.day(a.applied_at)]
                for a in roster.waiting
            ],
            keys=[a.id for a in roster.waiting],
        )
        self.cancelled.set_rows(
            [[a.business_name, a.attendee, display.day(a.cancelled_at)] for a in roster.cancelled],
            keys=[a.id for a in roster.cancelled],
        )
        open_for = s.status == "予定" and s.held_on >= self.context.clock.today()
        can = self.context.can(Capability.EDIT)
        self.apply_button.setEnabled(can and open_for)
        held = s.held_on <= self.context.clock.today()
        self.present_button.setEnabled(can and held)
        self.absent_button.setEnabled(can and held)

    def _changed(self, _result: Any = None) -> None:
        self.refresh()
        if self.roster is not None:
            self.open_seminar(self.roster.seminar.id)

    def new_seminar(self) -> SeminarDialog:
        dialog = SeminarDialog(self.context, self)
        dialog.saved.connect(self._changed)
        dialog.open()
        self.dialog = dialog
        return dialog

    def apply(self) -> ApplyDialog | None:
        if self.roster is None:
            return None
        dialog = ApplyDialog(self.context, self.roster.seminar, self)
        dialog.applied.connect(self._applied)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _applied(self, application: Any) -> None:
        if application.status == "キャンセル待ち":
            self.context.dialogs.info(
                self,
                self.tr("Put on the waiting list"),
                self.tr("The seminar is full: {name} is number {place} on the waiting list.").format(
                    name=application.attendee, place=application.waiting_position
                ),
            )
        self._changed()

    def _selected_application(self) -> int | None:
        for table in (self.confirmed, self.waiting):
            if table.hasFocus() or table.selectedItems():
                key = table.current_key()
                if key is not None:
                    return int(key)
        return None

    def cancel_application(self) -> None:
        application_id = self._selected_application()
        if application_id is None:
            return
        if not self.context.dialogs.confirm(
            self,
            self.tr("Cancel an application"),
            self.tr("Cancel this application? A seat given up goes to the first on the waiting list."),
            self.tr("Cancel the application"),
        ):
            return
        self.context.ops.call(cs.cancel_application, application_id, on_result=self._changed, owner=self)

    def mark(self, present: bool) -> None:
        key = self.confirmed.current_key()
        if key is None or self.roster is None:
            return
        self.context.ops.call(
            cs.record_attendance,
            self.roster.seminar.id,
            {int(key): present},
            on_result=self._changed,
            owner=self,
        )

"""Record an advisor's dispatch: who went where, the face-to-face support (start, end, break), travel (car km
over the whole route, or public transport as claimed with the route's km) and each night's lodging."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import ValidationError
from saiken.services import consultations as cs
from saiken.ui.kit.fields import DateField, error_label, show_problem


class DispatchDialog(QDialog):
    saved = Signal(object)

    def __init__(self, context: Any, advisors: list[Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dispatchDialog")
        self.setWindowTitle(self.tr("Record a dispatch"))
        self.context = context
        self.advisor = QComboBox()
        self.advisor.setObjectName("dispatchAdvisor")
        for row in advisors:
            self.advisor.addItem(f"{row.name}（{row.specialty}）", row.id)
        self.search = QLineEdit()
        self.search.setObjectName("dispatchBusinessSearch")
        self.search.setPlaceholderText(self.tr("Type part of the business name, reading or phone"))
        self.business = QComboBox()
        self.business.setObjectName("dispatchBusiness")
        self.day = DateField(context.clock.today(), object_name="dispatchDay")
        self.start = QTimeEdit(QTime(10, 0))
        self.start.setDisplayFormat("HH:mm")
        self.end = QTimeEdit(QTime(12, 0))
        self.end.setDisplayFormat("HH:mm")
        self.breaks = QSpinBox()
        self.breaks.setRange(0, 600)
        self.breaks.setSuffix(self.tr(" min"))
        self.car_km = QLineEdit()
        self.car_km.setObjectName("dispatchCarKm")
        self.transport = QLineEdit()
        self.transport.setObjectName("dispatchTransport")
        self.route_km = QLineEdit()
        self.route_km.setObjectName("dispatchRouteKm")
        self.nights = QLineEdit()
        self.nights.setObjectName("dispatchNights")
        self.nights.setPlaceholderText(self.tr("each night's cost, e.g. 9800, 12000"))
        self.status = QComboBox()
        self.status.addItems(list(cs.DISPATCH_STATUSES[:2]))
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(56)
        form = QFormLayout()
        form.addRow(self.tr("Advisor"), self.advisor)
        form.addRow(self.tr("Find business"), self.search)
        form.addRow(self.tr("Business"), self.business)
        form.addRow(self.tr("Day"), self.day)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel("〜"))
        times.addWidget(self.end)
        times.addWidget(QLabel(self.tr("break")))
        times.addWidget(self.breaks)
        form.addRow(self.tr("Face-to-face support"), times)
        form.addRow(self.tr("Private car (km, whole route)"), self.car_km)
        form.addRow(self.tr("Public transport (yen as claimed)"), self.transport)
        form.addRow(self.tr("Whole route (km, by public transport)"), self.route_km)
        form.addRow(self.tr("Lodging"), self.nights)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Support given"), self.summary)
        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._find)
        self._find("")
        self.resize(560, 560)

    def _find(self, text: str) -> None:
        self.context.ops.call(cs.search_businesses, text, limit=50, on_result=self._found, owner=self)

    def _found(self, page: Any) -> None:
        self.business.clear()
        for row in page.rows:
            self.business.addItem(row.name, row.id)

    def submit(self) -> None:
        try:
            day = self.day.date(self.tr("Day"))
        except ValidationError as error:
            show_problem(self.error, error)
            return
        if self.advisor.currentData() is None or self.business.currentData() is None:
            self.error.setText(self.tr("Choose the advisor and the business."))
            self.error.show()
            return
        nights = [part.strip() for part in self.nights.text().replace("、", ",").split(",") if part.strip()]
        start, end = self.start.time(), self.end.time()
        self.context.ops.call(
            cs.add_dispatch,
            advisor_id=int(self.advisor.currentData()),
            business_id=int(self.business.currentData()),
            day=day,
            start_time=dt.time(start.hour(), start.minute()),
            end_time=dt.time(end.hour(), end.minute()),
            break_minutes=self.breaks.value(),
            car_km=self.car_km.text().strip() or None,
            transport_yen=self.transport.text().strip() or 0,
            route_km=self.route_km.text().strip() or None,
            nights=nights,
            status=self.status.currentText(),
            summary=self.summary.toPlainText(),
            on_result=self._done,
            on_error=lambda error: show_problem(self.error, error),
            owner=self,
        )

    def _done(self, change: Any) -> None:
        self.saved.emit(change.row)
        self.accept()

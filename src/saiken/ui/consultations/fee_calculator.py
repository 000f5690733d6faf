"""The fee calculator: type a dispatch's times, travel and lodging and see its fee at once, by the domain's
exact rules (`saiken.domain.advisor_fees`) under the fee standard in force today. Nothing is stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.advisor_fees import SEED_004, FeeProfile, dispatch_fee, parse_claim, parse_km
from saiken.domain.errors import ValidationError
from saiken.services import consultations as cs
from saiken.ui.kit import display


class FeeCalculator(QGroupBox):
    def __init__(self, context: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Fee calculator"))
        self.setObjectName("feeCalculator")
        self.context = context
        self.profile: FeeProfile = SEED_004
        self.start = QTimeEdit(QTime(10, 0))
        self.start.setObjectName("calcStart")
        self.start.setDisplayFormat("HH:mm")
        self.end = QTimeEdit(QTime(12, 40))
        self.end.setObjectName("calcEnd")
        self.end.setDisplayFormat("HH:mm")
        self.breaks = QSpinBox()
        self.breaks.setObjectName("calcBreak")
        self.breaks.setRange(0, 600)
        self.breaks.setSuffix(self.tr(" min"))
        self.km = QLineEdit()
        self.km.setObjectName("calcKm")
        self.km.setPlaceholderText(self.tr("e.g. 123.7"))
        self.transport = QLineEdit()
        self.transport.setObjectName("calcTransport")
        self.transport.setPlaceholderText(self.tr("yen as claimed"))
        self.route = QLineEdit()
        self.route.setObjectName("calcRoute")
        self.route.setPlaceholderText(self.tr("km, for the day allowance"))
        self.lodging = QLineEdit()
        self.lodging.setObjectName("calcLodging")
        self.lodging.setPlaceholderText(self.tr("one night, yen"))
        form = QFormLayout()
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel("〜"))
        times.addWidget(self.end)
        form.addRow(self.tr("Support"), times)
        form.addRow(self.tr("Break"), self.breaks)
        form.addRow(self.tr("Private car (km)"), self.km)
        form.addRow(self.tr("Public transport"), self.transport)
        form.addRow(self.tr("Whole route (km)"), self.route)
        form.addRow(self.tr("Lodging"), self.lodging)
        self.result: dict[str, QLabel] = {}
        results = QFormLayout()
        for key, label in (
            ("honorarium", self.tr("Honorarium")),
            ("travel", self.tr("Travel")),
            ("day_allowance", self.tr("Day allowance")),
            ("lodging", self.tr("Lodging")),
            ("total", self.tr("Total")),
        ):
            value = QLabel("")
            value.setObjectName(f"calc_{key}")
            value.setStyleSheet("font-weight: bold;" + (" font-size: 13pt;" if key == "total" else ""))
            self.result[key] = value
            results.addRow(label, value)
        self.note = QLabel("")
        self.note.setObjectName("calcNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #52606d;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(results)
        layout.addWidget(self.note)
        for edit in (self.km, self.transport, self.route, self.lodging):
            edit.textChanged.connect(self.recalculate)
        for timer in (self.start, self.end):
            timer.timeChanged.connect(self.recalculate)
        self.breaks.valueChanged.connect(self.recalculate)
        context.ops.call(cs.fee_standard_on, context.clock.today(), on_result=self._standard, owner=self)
        self.recalculate()

    def _standard(self, profile: FeeProfile) -> None:
        self.profile = profile
        self.recalculate()

    def recalculate(self, *_args: Any) -> None:
        start, end = self.start.time(), self.end.time()
        try:
            fee = dispatch_fee(
                parse_hhmm_qt(start),
                parse_hhmm_qt(end),
                km=parse_km(self.km.text(), self.tr("Private car (km)")) if self.km.text().strip() else None,
                transport=parse_claim(self.transport.text(), self.tr("Public transport"))
                if self.transport.text().strip()
                else 0,
                route_km=parse_km(self.route.text(), self.tr("Whole route (km)"))
                if self.route.text().strip()
                else None,
                lodging_nights=[parse_claim(self.lodging.text(), self.tr("Lodging"))]
                if self.lodging.text().strip()
                else [],
                break_minutes=self.breaks.value(),
                profile=self.profile,
            )
        except ValidationError as error:
            for label in self.result.values():
                label.setText("—")
            self.note.setText(error.message)
            return
        for key, label in self.result.items():
            label.setText(display.yen(getattr(fee, key)))
        hours, minutes = divmod(fee.minutes, 60)
        parts = [
            self.tr("{h} h {m} min face to face = {units} units").format(h=hours, m=minutes, units=fee.units)
        ]
        if fee.capped:
            parts.append(self.tr("capped at the daily maximum"))
        if fee.car_km:
            parts.append(self.tr("{km} km by car").format(km=fee.car_km))
        self.note.setText("、".join(parts) + f"（{self.profile.label}）")


def parse_hhmm_qt(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())

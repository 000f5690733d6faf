"""Advisor dispatches by month: the list with each dispatch's fee, the fee calculator, and the month's
statements per advisor (day by day, previewed from memory, saved as PDF or Excel with a password offered)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from saiken.domain.roles import Capability
from saiken.domain.wareki import format_wareki
from saiken.services import consultations as cs
from saiken.services.consultations import exports
from saiken.ui.consultations.dispatch_dialog import DispatchDialog
from saiken.ui.consultations.fee_calculator import FeeCalculator
from saiken.ui.consultations.file_saving import PdfPreview, save_file
from saiken.ui.kit import display
from saiken.ui.kit.tables import ReadOnlyTable


def month_text(year: int, month: int) -> str:
    text = format_wareki(dt.date(year, month, 1))
    return text[: text.index("月") + 1]


class MonthPicker(QWidget):
    """← 令和7年9月 →, starting at the clock's month."""

    def __init__(self, today: dt.date, on_change: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.year, self.month = today.year, today.month
        self.on_change = on_change
        self.previous = QPushButton("←")
        self.previous.setObjectName("previousMonth")
        self.following = QPushButton("→")
        self.following.setObjectName("nextMonth")
        self.label = QLabel(month_text(self.year, self.month))
        self.label.setObjectName("monthLabel")
        self.label.setStyleSheet("font-size: 13pt; font-weight: bold; color: #243b53;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.previous)
        layout.addWidget(self.label)
        layout.addWidget(self.following)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.following.clicked.connect(lambda: self.step(1))

    def step(self, months: int) -> None:
        index = self.year * 12 + self.month - 1 + months
        self.year, self.month = divmod(index, 12)
        self.month += 1
        self.label.setText(month_text(self.year, self.month))
        self.on_change()


class DispatchPage(QWidget):
    def __init__(self, context: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dispatchPage")
        self.context = context
        self.advisors: list[Any] = []
        self.statements: list[Any] = []
        self.picker = MonthPicker(context.clock.today(), self.refresh)
        self.add_button = QPushButton(self.tr("Record a dispatch…"))
        self.add_button.setObjectName("addDispatch")
        self.cancel_button = QPushButton(self.tr("Cancel the dispatch"))
        self.cancel_button.setObjectName("cancelDispatch")
        for button in (self.add_button, self.cancel_button):
            button.setEnabled(context.can(Capability.EDIT))
        self.table = ReadOnlyTable(
            [self.tr("Day"), self.tr("Advisor"), self.tr("Business"), self.tr("Support"), self.tr("Travel"),
             self.tr("Honorarium"), self.tr("Travel cost"), self.tr("Day allowance"), self.tr("Lodging"),
             self.tr("Total"), self.tr("Status")],
            right=(5, 6, 7, 8, 9),
            stretch=2,
            object_name="dispatchTable",
        )  # fmt: skip
        self.statement_table = ReadOnlyTable(
            [self.tr("Advisor"), self.tr("Dispatches"), self.tr("Honorarium"), self.tr("Travel cost"),
             self.tr("Day allowance"), self.tr("Lodging"), self.tr("Total")],
            right=(1, 2, 3, 4, 5, 6),
            stretch=0,
            object_name="statementTable",
        )  # fmt: skip
        self.preview_button = QPushButton(self.tr("Preview statement"))
        self.preview_button.setObjectName("previewStatement")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("saveStatementPdf")
        self.xlsx_button = QPushButton(self.tr("Save as Excel…"))
        self.xlsx_button.setObjectName("saveStatementXlsx")
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(context.can(Capability.EXPORT))
        self.calculator = FeeCalculator(context)
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.cancel_button)
        statement_bar = QHBoxLayout()
        statement_bar.addWidget(
            QLabel(self.tr("Monthly statements (the day's rounding and cap apply to the day)"))
        )
        statement_bar.addStretch(1)
        statement_bar.addWidget(self.preview_button)
        statement_bar.addWidget(self.pdf_button)
        statement_bar.addWidget(self.xlsx_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 3)
        left_layout.addLayout(statement_bar)
        left_layout.addWidget(self.statement_table, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.calculator)
        splitter.setSizes([880, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.add_button.clicked.connect(self.add_dispatch)
        self.cancel_button.clicked.connect(self.cancel_dispatch)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        self.rows: list[Any] = []

    def refresh(self) -> None:
        year, month = self.picker.year, self.picker.month
        self.context.ops.call(cs.list_dispatches, year=year, month=month, on_result=self._show, owner=self)
        self.context.ops.call(cs.monthly_totals, year, month, on_result=self._show_statements, owner=self)
        self.context.ops.call(cs.list_advisors, on_result=self._advisors, owner=self)

    def _advisors(self, rows: list[Any]) -> None:
        self.advisors = list(rows)

    def _show(self, rows: list[Any]) -> None:
        self.rows = list(rows)

        def travel(d: Any) -> str:
            parts = []
            if d.car_km:
                parts.append(self.tr("car {km} km").format(km=d.car_km))
            if d.transport_yen:
                parts.append(self.tr("transport {yen}").format(yen=display.yen(d.transport_yen)))
            if d.nights:
                parts.append(self.tr("{n} night(s)").format(n=len(d.nights)))
            return "・".join(parts)

        self.table.set_rows(
            [
                [
                    display.day(d.day),
                    d.advisor,
                    d.business_name,
                    f"{d.start_time:%H:%M}〜{d.end_time:%H:%M}",
                    travel(d),
                    display.yen(d.fee.honorarium) + ("※" if d.shares_day else ""),
                    display.yen(d.fee.travel),
                    display.yen(d.fee.day_allowance),
                    display.yen(d.fee.lodging),
                    display.yen(d.fee.total),
                    d.status,
                ]
                for d in self.rows
            ],
            keys=[d.id for d in self.rows],
        )

    def _show_statements(self, statements: list[Any]) -> None:
        self.statements = list(statements)
        self.statement_table.set_rows(
            [
                [
                    s.advisor.name,
                    f"{len(s.lines)}",
                    display.yen(s.honorarium),
                    display.yen(s.travel),
                    display.yen(s.day_allowance),
                    display.yen(s.lodging),
                    display.yen(s.total),
                ]
                for s in self.statements
            ],
            keys=[s.advisor.id for s in self.statements],
        )
        if self.statements:
            self.statement_table.selectRow(0)
        has = bool(self.statements)
        self.preview_button.setEnabled(has)
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(has and self.context.can(Capability.EXPORT))

    def add_dispatch(self) -> DispatchDialog:
        dialog = DispatchDialog(self.context, self.advisors, self)
        dialog.saved.connect(lambda _row: self.refresh())
        dialog.open()
        self.dialog = dialog
        return dialog

    def cancel_dispatch(self) -> None:
        key = self.table.current_key()
        if key is None or not self.context.dialogs.confirm(
            self,
            self.tr("Cancel a dispatch"),
            self.tr("Cancel this dispatch? It stays on record and leaves the statement."),
            self.tr("Cancel the dispatch"),
        ):
            return
        self.context.ops.call(cs.cancel_dispatch, int(key), on_result=lambda _c: self.refresh(), owner=self)

    def _advisor_id(self) -> int | None:
        key = self.statement_table.current_key()
        return None if key is None else int(key)

    def preview(self) -> None:
        advisor = self._advisor_id()
        if advisor is None:
            return
        self.context.ops.call(
            exports.fee_statement_document,
            advisor,
            self.picker.year,
            self.picker.month,
            "pdf",
            on_result=self._preview,
            owner=self,
        )

    def _preview(self, data: bytes) -> None:
        self.preview_dialog = PdfPreview(self.tr("Fee statement"), data, self)
        self.preview_dialog.open()

    def save(self, kind: str) -> None:
        advisor = self._advisor_id()
        if advisor is None:
            return
        name = next((s.advisor.name for s in self.statements if s.advisor.id == advisor), "")
        year, month = self.picker.year, self.picker.month
        suggested = f"謝金旅費明細_{name.replace('　', '')}_{year}{month:02d}.{kind}"
        save_file(
            self.context,
            self,
            title=self.tr("Save the fee statement"),
            suggested=suggested,
            name_filter="PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)",
            save=exports.save_fee_statement,
            args=(advisor, year, month),
            personal=True,
        )

"""The charge statement: every segment of the 加算金 / 延滞金 computation and the one truncation at the end.

It shows the domain's ChargeResult as it is (nothing is recomputed here): period, days counted, balance,
base after the profile's base unit, annual rate, days in the year, the exact amount of each segment, the
exact sums, and the whole-yen charges after truncation.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.money import format_exact_yen as exact_yen
from saiken.domain.rule_profiles import format_percent as percent
from saiken.ui.kit import display

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def profile_label(name: str) -> str:
    """The rule profile's Japanese label (its key when it is not a preset)."""
    from saiken.domain.rule_profiles import PRESETS

    profile = PRESETS.get(name)
    return profile.label if profile is not None else name


class ChargeStatementDialog(QDialog):
    """Shows one ChargeResult: the segments table and the summary with the truncations."""

    def __init__(self, result: Any, parent: QWidget | None = None, *, title: str = ""):
        super().__init__(parent)
        self.setObjectName("chargeStatement")
        self.setWindowTitle(self.tr("Charge statement"))
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        heading = QLabel(title or self.tr("Charge statement"))
        heading.setObjectName("statementHeading")
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout.addWidget(heading)
        basis = QLabel(
            self.tr("As of {as_of} (due date {due}); principal {principal}; rule: {profile}").format(
                as_of=display.day(result.as_of),
                due=display.day(result.due),
                principal=display.yen(result.principal),
                profile=profile_label(result.profile),
            )
        )
        basis.setObjectName("statementBasis")
        layout.addWidget(basis)

        self.table = QTableWidget(0, 9, self)
        self.table.setObjectName("segmentTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("From"),
                self.tr("To"),
                self.tr("Days"),
                self.tr("Balance"),
                self.tr("Base"),
                self.tr("Annual rate"),
                self.tr("Year days"),
                self.tr("Amount (exact)"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for segment in result.segments:
            self._add_segment(segment)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        if not result.segments:
            empty = QLabel(self.tr("No charge accrued by this date."))
            empty.setObjectName("noSegments")
            layout.addWidget(empty)

        summary_box = QWidget()
        summary_box.setFixedWidth(440)
        summary = QFormLayout(summary_box)
        summary.setContentsMargins(0, 0, 0, 0)
        summary.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.summary_labels: dict[str, QLabel] = {}
        lines = [
            (
                "additional",
                self.tr("Additional charge"),
                self._truncation(result.additional_charge_exact, result.additional_charge),
            ),
            ("late", self.tr("Late charge"), self._truncation(result.late_charge_exact, result.late_charge)),
            ("principal_remaining", self.tr("Principal remaining"), display.yen(result.principal_remaining)),
            (
                "additional_remaining",
                self.tr("Additional charge remaining"),
                display.yen(result.additional_charge_remaining),
            ),
            ("late_remaining", self.tr("Late charge remaining"), display.yen(result.late_charge_remaining)),
            ("total_remaining", self.tr("Total remaining"), display.yen(result.total_remaining)),
        ]
        if result.overpaid:
            lines.append(("overpaid", self.tr("Overpaid"), display.yen(result.overpaid)))
        for key, label, value in lines:
            shown = QLabel(value)
            shown.setObjectName(f"summary_{key}")
            shown.setAlignment(RIGHT)
            if key == "total_remaining":
                shown.setStyleSheet("font-weight: bold; font-size: 12pt;")
            self.summary_labels[key] = shown
            summary.addRow(label, shown)
        note = QLabel(
            self.tr("Each charge is the exact sum of its segments, truncated to whole yen once at the end.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #4b5563;")
        bottom = QHBoxLayout()
        note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        bottom.addWidget(note, 1)
        bottom.addSpacing(20)
        bottom.addWidget(summary_box)
        layout.addLayout(bottom)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _truncation(self, exact: Fraction, charged: int) -> str:
        return self.tr("{exact} → {charged}").format(exact=exact_yen(exact), charged=display.yen(charged))

    def _kind(self, segment: Any) -> str:
        if segment.kind == "additional":
            return self.tr("Additional charge")
        tier = getattr(segment, "tier", None)
        if tier:
            return self.tr("Late charge (tier {tier})").format(tier=tier)
        return self.tr("Late charge")

    def _add_segment(self, segment: Any) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        cells = [
            (self._kind(segment), False),
            (display.day(segment.start), False),
            (display.day(segment.end), False),
            (f"{segment.days:,}", True),
            (display.yen(segment.balance), True),
            (display.yen(segment.base), True),
            (percent(segment.annual_rate), True),
            (f"{segment.days_in_year}", True),
            (exact_yen(segment.amount), True),
        ]
        for column, (text, right) in enumerate(cells):
            item = QTableWidgetItem(text)
            if right:
                item.setTextAlignment(RIGHT)
            self.table.setItem(row, column, item)

    def segment_texts(self) -> list[list[str]]:
        """The table as shown (for tests and copy)."""
        return [
            [
                item.text() if (item := self.table.item(r, c)) is not None else ""
                for c in range(self.table.columnCount())
            ]
            for r in range(self.table.rowCount())
        ]

"""The charge statement (計算書): every segment of the 加算金 / 延滞金 computation and the one truncation at the
end, on screen, previewed as the printed document, printed and saved as PDF — all from memory.

The 「内訳」 tab shows the domain's ChargeResult as it is (nothing is recomputed here): period, days counted,
balance, base after the profile's base unit, annual rate, days in the year and the exact amount of each
segment, with four decimals in every row so the column lines up on the decimal point. The 「印刷プレビュー」
tab shows the PDF the service made (`debtors.statement.statement_document`) through QtPdf over an in-memory
buffer; Ctrl+P prints it (QPrinter; audited), 「PDFで保存…」 saves it where the user chooses (the export
right; audited). Nothing is written anywhere else.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.charge_rule_text import unit_text
from saiken.domain.money import format_fixed, is_cut
from saiken.domain.roles import Capability
from saiken.domain.rule_profiles import format_percent as percent
from saiken.services.debtors import statement
from saiken.ui.kit import display
from saiken.ui.kit.pdf_print import load_pdf, print_document

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
PLACES = 4


def fixed_yen(amount: Fraction | int) -> str:
    """An exact amount with four decimals (cut): every row of a column lines up on the decimal point."""
    return f"{format_fixed(amount, PLACES)}円"


def profile_label(name: str) -> str:
    """The rule profile's Japanese label (its key when it is not a preset)."""
    from saiken.domain.rule_profiles import PRESETS

    profile = PRESETS.get(name)
    return profile.label if profile is not None else name


def profile_unit(name: str) -> int:
    from saiken.domain.rule_profiles import PRESETS

    profile = PRESETS.get(name)
    return profile.result_unit if profile is not None else 1


class ChargeStatementDialog(QDialog):
    """Shows one ChargeResult; previews, prints and saves the statement of `debtor_id` as of its day."""

    def __init__(
        self,
        result: Any,
        parent: QWidget | None = None,
        *,
        title: str = "",
        context: Any = None,
        debtor_id: int | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("chargeStatement")
        self.setWindowTitle(self.tr("Charge statement"))
        self.resize(1000, 640)
        self.charges = result  # the ChargeResult shown
        self.context = context
        self.debtor_id = debtor_id
        self.document: Any = None  # the StatementDocument once made (PDF bytes in memory)
        self._pdf: Any = None
        self._buffer: Any = None
        self.printed_pages = 0

        layout = QVBoxLayout(self)
        heading = QLabel(title or self.tr("Charge statement"))
        heading.setObjectName("statementHeading")
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout.addWidget(heading)
        basis = QLabel(
            self.tr("As of {as_of} (due date {due}); principal {principal}; rule: {profile}").format(
                as_of=display.long_day(result.as_of),
                due=display.long_day(result.due),
                principal=display.yen(result.principal),
                profile=profile_label(result.profile),
            )
        )
        basis.setObjectName("statementBasis")
        layout.addWidget(basis)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("statementTabs")
        self.tabs.addTab(self._breakdown(result), self.tr("Breakdown"))
        self.preview_page = QWidget()
        preview_layout = QVBoxLayout(self.preview_page)
        self.preview_hint = QLabel(self.tr("The statement as it will be printed appears here."))
        self.preview_hint.setObjectName("hintText")
        self.view = QPdfView(self.preview_page)
        self.view.setObjectName("statementPreview")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        preview_layout.addWidget(self.preview_hint)
        preview_layout.addWidget(self.view, 1)
        self.tabs.addTab(self.preview_page, self.tr("Print preview"))
        layout.addWidget(self.tabs, 1)

        self.status = QLabel(self)
        self.status.setObjectName("okText")
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("primary")
        self.print_button.setToolTip("Ctrl+P")
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setObjectName("saveStatement")
        close = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        can_use = context is not None and debtor_id is not None
        self.print_button.setEnabled(can_use)
        self.save_button.setEnabled(can_use and context.can(Capability.EXPORT))
        if can_use and not context.can(Capability.EXPORT):
            self.save_button.setToolTip(self.tr("Saving a file of personal data needs a supervisor."))
        self.print_button.clicked.connect(self.print_statement)
        self.save_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.accept)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_statement)
        self.tabs.currentChanged.connect(lambda index: self._want_preview() if index == 1 else None)

    # --- the on-screen breakdown ----------------------------------------------------------------------------
    def _breakdown(self, result: Any) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.table = QTableWidget(0, 9, page)
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
        for column in range(3, 9):
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setTextAlignment(RIGHT)
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
        summary_box.setFixedWidth(480)
        summary = QFormLayout(summary_box)
        summary.setContentsMargins(0, 0, 0, 0)
        summary.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.summary_labels: dict[str, QLabel] = {}
        unit = profile_unit(result.profile)
        lines = [
            (
                "additional",
                self.tr("Additional charge"),
                self._truncation(result.additional_charge_exact, result.additional_charge, unit),
            ),
            (
                "late",
                self.tr("Late charge"),
                self._truncation(result.late_charge_exact, result.late_charge, unit),
            ),
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
        notes = [
            self.tr(
                "Each charge is the exact sum of its segments, truncated once at the end ({unit} dropped)."
            ).format(unit=unit_text(unit))
        ]
        if any(is_cut(segment.amount, PLACES) for segment in result.segments):
            notes.append(
                self.tr(
                    "Amounts are shown to four decimal places, the rest cut for display; the sums use the exact values."
                )
            )
        note = QLabel("\n".join(notes))
        note.setObjectName("statementNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: #4b5563;")
        bottom = QHBoxLayout()
        note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        bottom.addWidget(note, 1)
        bottom.addSpacing(20)
        bottom.addWidget(summary_box)
        layout.addLayout(bottom)
        return page

    def _truncation(self, exact: Fraction, charged: int, unit: int) -> str:
        return self.tr("{exact} → {charged}").format(exact=fixed_yen(exact), charged=display.yen(charged))

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
            (fixed_yen(segment.amount), True),
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

    # --- the document ----------------------------------------------------------------------------------------
    def _with_document(self, then: Any) -> None:
        """Run `then()` once the statement's PDF is in memory (made by the service on first need)."""
        if self.document is not None:
            then()
            return
        if self.context is None or self.debtor_id is None:
            return

        def arrived(document: Any) -> None:
            self._show_document(document)
            then()

        self.context.ops.call(
            statement.statement_document,
            self.debtor_id,
            as_of=self.charges.as_of,
            on_result=arrived,
            owner=self,
            progress=self.tr("Making the statement…"),
        )

    def _show_document(self, document: Any) -> None:
        self.document = document
        self._pdf, self._buffer = load_pdf(document.pdf, self)
        self.view.setDocument(self._pdf)
        self.preview_hint.setText(
            self.tr("{n} page(s), A4. Nothing is saved unless you choose “Save as PDF…”.").format(
                n=document.pages
            )
        )

    def _want_preview(self) -> None:
        self._with_document(lambda: None)

    def show_preview(self) -> None:
        self.tabs.setCurrentWidget(self.preview_page)
        self._want_preview()

    @property
    def page_count(self) -> int:
        return self._pdf.pageCount() if self._pdf is not None else 0

    def print_statement(self) -> None:
        self._with_document(self._print_now)

    def _print_now(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Charge statement"))
        dialog = QPrintDialog(printer, self)
        if self.context.dialogs._run(dialog) != QDialog.DialogCode.Accepted:
            return
        pages = print_document(self._pdf, printer)
        if not pages:
            self.status.setText(self.tr("The printer could not be used."))
            return
        self.printed_pages = pages
        self.context.ops.call(
            statement.record_statement_printed,
            self.debtor_id,
            as_of=self.charges.as_of,
            pages=pages,
            owner=self,
        )
        text = self.tr("Sent the charge statement ({n} page(s)) to the printer.").format(n=pages)
        self.status.setText(text)
        self.context.notices.say(text)

    def save_pdf(self) -> None:
        from saiken.ui.debtors.statement_save import save_statement_pdf

        self._with_document(lambda: save_statement_pdf(self))

    def done(self, result: int) -> None:
        if self._pdf is not None:
            self._pdf.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())  # drop the decrypted statement from memory
        super().done(result)

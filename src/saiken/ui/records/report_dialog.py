"""The 交渉記録報告書 for a period and a handler: previewed from memory, printed, and saved only when asked.

The period and handler start from the list's filters (this month when no period is chosen). 「表示」 asks
the service for the PDF (`records.report_document`, made in memory) and shows it through QtPdf over an
in-memory buffer; 「印刷…」 (Ctrl+P) prints it (audited); 「Excelで保存…」 and 「PDFで保存…」 save the report
where the user chooses, with a password offered (the export right; audited). Nothing else is written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services import records
from saiken.ui.kit import display
from saiken.ui.kit.fields import DateField, error_label, show_problem
from saiken.ui.kit.pdf_print import load_pdf, print_document


def month_of(today: dt.date) -> tuple[dt.date, dt.date]:
    first = today.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


class ReportDialog(QDialog):
    def __init__(
        self,
        context: Any,
        *,
        period_from: dt.date | None = None,
        period_to: dt.date | None = None,
        handler: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Negotiation report"))
        self.context = context
        self.document: Any = None
        self._pdf: Any = None
        self._buffer: Any = None
        self.printed_pages = 0
        start, end = month_of(context.clock.today())
        self.period_from = DateField(period_from or start, object_name="reportFrom")
        self.period_to = DateField(period_to or end, object_name="reportTo")
        self.handler = QComboBox()
        self.handler.setObjectName("reportHandler")
        self.handler.addItem(self.tr("Every handler"), None)
        for name, display_name in context.handlers.choices():
            self.handler.addItem(display_name, name)
        if handler:
            self.handler.setCurrentIndex(max(0, self.handler.findData(handler)))
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("primary")
        self.error = error_label()
        self.summary = QLabel("")
        self.summary.setObjectName("reportSummary")
        self.view = QPdfView(self)
        self.view.setObjectName("reportPreview")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip("Ctrl+P")
        self.xlsx_button = QPushButton(self.tr("Save as Excel…"))
        self.xlsx_button.setObjectName("saveReportXlsx")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("saveReportPdf")
        close = QPushButton(self.tr("Close"))
        may_export = context.can(Capability.EXPORT)
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(may_export)
            if not may_export:
                button.setToolTip(self.tr("Saving a file of personal data needs a supervisor."))
        self._set_ready(False)

        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Period")))
        choose.addWidget(self.period_from)
        choose.addWidget(QLabel("〜"))
        choose.addWidget(self.period_to)
        choose.addSpacing(12)
        choose.addWidget(QLabel(self.tr("Handler")))
        choose.addWidget(self.handler)
        choose.addWidget(self.show_button)
        choose.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.show_button.clicked.connect(self.make)
        self.print_button.clicked.connect(self.print_report)
        self.xlsx_button.clicked.connect(lambda: self.save(".xlsx"))
        self.pdf_button.clicked.connect(lambda: self.save(".pdf"))
        close.clicked.connect(self.accept)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_report)
        for edit in (self.period_from, self.period_to):
            edit.returnPressed.connect(self.make)
            edit.textEdited.connect(lambda _text: self._set_ready(False))
        self.handler.currentIndexChanged.connect(lambda _index: self._set_ready(False))
        self.resize(1180, 820)

    def _set_ready(self, ready: bool) -> None:
        """The print and save buttons act on the report shown: a changed period must be shown first."""
        self.print_button.setEnabled(ready)
        if not ready:
            self.summary.setText(self.tr("Choose the period and press “Show”."))

    def scope(self) -> records.ReportScope:
        period_from = self.period_from.date(self.tr("Period (from)"))
        period_to = self.period_to.date(self.tr("Period (to)"))
        assert period_from is not None and period_to is not None
        if period_from > period_to:
            raise ValidationError(self.tr("Period: the start is after the end. Swap the two dates."))
        return records.ReportScope(period_from, period_to, self.handler.currentData())

    def make(self, then: Any = None) -> None:
        try:
            scope = self.scope()
        except ValidationError as error:
            show_problem(self.error, error)
            return
        self.error.hide()
        self.show_button.setEnabled(False)

        def arrived(document: Any) -> None:
            self._show(document)
            if then is not None:
                then()

        self.context.ops.call(
            records.report_document,
            period_from=scope.period_from,
            period_to=scope.period_to,
            handler=scope.handler,
            on_result=arrived,
            on_error=self._failed,
            owner=self,
            progress=self.tr("Making the report…"),
        )

    def _failed(self, error: BaseException) -> None:
        self.show_button.setEnabled(True)
        show_problem(self.error, error)

    def _show(self, document: Any) -> None:
        self.show_button.setEnabled(True)
        self._close_pdf()
        self.document = document
        self._pdf, self._buffer = load_pdf(document.pdf, self)
        self.view.setDocument(self._pdf)
        self.summary.setText(
            self.tr(
                "{records} records of {debtors} debtors, {from_day} to {to_day}; {pages} page(s)."
            ).format(
                records=f"{document.records:,}",
                debtors=f"{document.debtors:,}",
                from_day=display.long_day(document.scope.period_from),
                to_day=display.long_day(document.scope.period_to),
                pages=document.pages,
            )
        )
        self.print_button.setEnabled(True)

    @property
    def page_count(self) -> int:
        return self._pdf.pageCount() if self._pdf is not None else 0

    def print_report(self) -> None:
        if self.document is None or not self.print_button.isEnabled():
            self.make(then=self._print_now)
            return
        self._print_now()

    def _print_now(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Negotiation report"))
        dialog = QPrintDialog(printer, self)
        if self.context.dialogs._run(dialog) != QDialog.DialogCode.Accepted:
            return
        pages = print_document(self._pdf, printer)
        if not pages:
            self.summary.setText(self.tr("The printer could not be used."))
            return
        self.printed_pages = pages
        self.context.ops.call(records.record_report_printed, self.document.scope, pages=pages, owner=self)
        self.context.notices.say(
            self.tr("Sent the negotiation report ({n} page(s)) to the printer.").format(n=pages)
        )

    def save(self, suffix: str) -> None:
        from saiken.ui.kit.protected_save import save_with_password

        try:
            scope = self.scope()
        except ValidationError as error:
            show_problem(self.error, error)
            return

        def saved(result: Any) -> None:
            self.context.notices.say(
                self.tr("Saved the negotiation report as {name}.").format(name=result.path.name)
            )

        save_with_password(
            self.context,
            self,
            title=self.tr("Save the negotiation report"),
            suggested=scope.file_name(suffix),
            save=records.save_negotiation_report,
            save_args=(scope.period_from, scope.period_to, scope.handler),
            on_saved=saved,
        )

    def _close_pdf(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())  # the report holds personal data: do not keep it around

    def done(self, result: int) -> None:
        self._close_pdf()
        super().done(result)

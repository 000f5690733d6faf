"""A PDF previewed and printed from memory (a password notice …): QtPdf over a QBuffer, pages rendered onto
the printer. There is no "save": what this shows is meant for paper."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from saiken.ui.kit.errors import Dialogs
from saiken.ui.kit.pdf_print import load_pdf, print_document


class PdfPreviewDialog(QDialog):
    def __init__(
        self, dialogs: Dialogs, data: bytes, *, title: str, note: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        self._dialogs = dialogs
        self._title = title
        self.document, self._buffer = load_pdf(data, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.print_pdf)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        self.status = QLabel(self)
        self.status.setObjectName("okText")
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        if note:
            hint = QLabel(note, self)
            hint.setWordWrap(True)
            hint.setObjectName("hintText")
            layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.printed_pages = 0
        self.resize(760, 900)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def print_pdf(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._title)
        dialog = QPrintDialog(printer, self)
        if self._dialogs._run(dialog) != QDialog.DialogCode.Accepted:
            return
        self.printed_pages = print_document(self.document, printer)
        self.status.setText(self.tr("Sent {n} page(s) to the printer.").format(n=self.printed_pages))

    def done(self, result: int) -> None:
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray())  # the notice holds a password: do not keep it around
        super().done(result)

"""A PDF shown from memory (QtPdf) and printed from memory (QPrinter): nothing is written to disk.

`PdfPreview` keeps the bytes in a QByteArray/QBuffer it owns and renders the page shown with QtPdf
(synchronously, so what is on screen is always the current document); `print_pdf` renders each page with
QtPdf at the printer's resolution and paints it: no temp file, no external viewer. Ctrl+P prints.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QToolButton, QVBoxLayout, QWidget


class PdfPreview(QWidget):
    """PDF bytes held in memory, shown one page at a time (rendered by QtPdf at the view's width), with
    page buttons and Ctrl+P. The bytes never leave memory."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bytes = QByteArray()
        self._buffer = QBuffer(self)
        self.document = QPdfDocument(self)
        self.index = 0
        self.printer: QPrinter | None = None  # a printer chosen already (no dialog), e.g. a PDF printer
        self.printed = 0  # pages sent to a printer so far
        self.image = QLabel(self)
        self.image.setObjectName("pdfPage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.image)
        self.scroller.setWidgetResizable(True)
        self.scroller.setObjectName("pdfScroll")
        self.placeholder = QLabel(self.tr("Nothing to show yet."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("hintText")
        self.previous = QToolButton(self)
        self.previous.setArrowType(Qt.ArrowType.LeftArrow)
        self.next = QToolButton(self)
        self.next.setArrowType(Qt.ArrowType.RightArrow)
        self.position = QLabel(self)
        self.position.setObjectName("pdfPosition")
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.previous.clicked.connect(lambda: self.show_page(self.index - 1))
        self.next.clicked.connect(lambda: self.show_page(self.index + 1))
        self.print_button.clicked.connect(self.print_document)
        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        bar.addWidget(self.position)
        bar.addWidget(self.next)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.scroller, 1)
        shortcut = QShortcut(QKeySequence.StandardKey.Print, self)
        shortcut.activated.connect(self.print_document)
        self._show_state()

    def pdf(self) -> bytes:
        return bytes(self._bytes.data())

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def set_pdf(self, data: bytes) -> None:
        self.document.close()
        self._buffer.close()
        self._bytes = QByteArray(data)
        self._buffer.setBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.show_page(0)
        QTimer.singleShot(0, self._refit)  # again once the layout has given the view its width

    def _refit(self) -> None:
        if self.page_count():
            self.show_page(self.index)

    def clear(self, message: str = "") -> None:
        self.document.close()
        self._buffer.close()
        self._bytes = QByteArray()
        self.placeholder.setText(message or self.tr("Nothing to show yet."))
        self.image.clear()
        self._show_state()

    def show_page(self, index: int) -> None:
        count = self.page_count()
        if not count:
            self._show_state()
            return
        self.index = max(0, min(index, count - 1))
        size = self.document.pagePointSize(self.index)
        width = max(self.scroller.viewport().width() - 16, 240)
        height = int(width * size.height() / size.width())
        self.image.setPixmap(QPixmap.fromImage(self.document.render(self.index, QSize(width, height))))
        self._show_state()

    def _show_state(self) -> None:
        count = self.page_count()
        self.placeholder.setVisible(not count)
        self.scroller.setVisible(bool(count))
        self.position.setText(f"{self.index + 1} / {count}" if count else "")
        self.previous.setEnabled(self.index > 0)
        self.next.setEnabled(self.index + 1 < count)
        self.print_button.setEnabled(bool(count))

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.page_count():
            self.show_page(self.index)

    def print_document(self) -> bool:
        if not self.page_count():
            return False
        done = print_pdf(self, self.document, self.printer)
        if done:
            self.printed += self.page_count()
        return done


def print_pdf(parent: QWidget, document: QPdfDocument, printer: QPrinter | None = None) -> bool:
    """Print every page of `document` (asks for the printer unless one is given); True when printed."""
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("PdfPreview", "Print"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            target = painter.viewport()
            size = document.pagePointSize(index)
            scale = min(target.width() / size.width(), target.height() / size.height())
            image = document.render(index, QSize(int(size.width() * scale), int(size.height() * scale)))
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
    return True

"""Tab 添付: the debtor's papers (PDF, PNG, JPEG) kept encrypted in the vault, previewed FROM MEMORY.

A PDF is opened by QPdfDocument over a QBuffer, an image by QImage.fromData: the decrypted bytes never
touch the disk (no temp files). Adding reads the chosen file once and hands its bytes to the service,
which checks the kind by its first bytes and the 10 MB limit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import ValidationError
from saiken.services import debtors
from saiken.services.changes import Changed
from saiken.ui.kit import display
from saiken.ui.kit.fields import error_label, show_problem
from saiken.ui.kit.tables import ReadOnlyTable

MIME_BY_SUFFIX = {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
READ_LIMIT = 10 * 1024 * 1024 + 1


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, (size + 1023) // 1024):,} KB"


class MemoryPreview(QStackedWidget):
    """Shows a PDF or an image from bytes held in memory only."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("attachmentPreview")
        self.placeholder = QLabel(self.tr("Select an attachment to preview it."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("hintText")
        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image_label)
        self.addWidget(self.placeholder)
        self.addWidget(self.pdf_view)
        self.addWidget(scroll)
        self._buffer: QBuffer | None = None
        self._bytes: QByteArray | None = None
        self.image: QImage | None = None

    def show_bytes(self, data: bytes, mime: str) -> bool:
        self.clear()
        if mime == "application/pdf":
            self._bytes = QByteArray(data)
            self._buffer = QBuffer(self._bytes, self)
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf_document.load(self._buffer)
            if self.pdf_document.status() != QPdfDocument.Status.Ready:
                self.placeholder.setText(self.tr("This PDF cannot be shown."))
                return False
            self.setCurrentWidget(self.pdf_view)
            return True
        image = QImage.fromData(data)
        if image.isNull():
            self.placeholder.setText(self.tr("This image cannot be shown."))
            return False
        self.image = image
        pixmap = QPixmap.fromImage(image)
        width = max(200, self.width() - 30)
        if pixmap.width() > width:
            pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        self.image_label.setPixmap(pixmap)
        self.setCurrentIndex(2)
        return True

    def page_count(self) -> int:
        return self.pdf_document.pageCount()

    def clear(self) -> None:
        self.pdf_document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer = None
        self._bytes = None
        self.image = None
        self.image_label.clear()
        self.placeholder.setText(self.tr("Select an attachment to preview it."))
        self.setCurrentWidget(self.placeholder)


class AttachmentsTab(QWidget):
    def __init__(self, card_page: Any):
        super().__init__()
        self.card_page = card_page
        self.context = card_page.context
        self.items: list[Any] = []
        self.table = ReadOnlyTable(
            [self.tr("File"), self.tr("Kind"), self.tr("Size"), self.tr("Added")],
            right=(2,),
            stretch=0,
            object_name="attachmentsTable",
        )
        self.add_button = QPushButton(self.tr("Add file…"))
        self.add_button.setObjectName("addAttachment")
        note = QLabel(self.tr("PDF, PNG or JPEG up to 10 MB, stored encrypted in the vault."))
        note.setObjectName("hintText")
        note.setWordWrap(True)
        self.error = error_label()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(note)
        left_layout.addWidget(self.error)
        self.preview = MemoryPreview()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([380, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.add_button.clicked.connect(self.choose_file)
        self.table.itemSelectionChanged.connect(self.preview_selected)

    def load_form(self, card: Any, *, fresh: bool) -> None:
        if fresh:
            self.error.hide()
            self.preview.clear()

    def has_unsaved_input(self) -> bool:
        return False

    def show_card(self, card: Any) -> None:
        self.items = list(card.attachments)
        kinds = {"application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG"}
        self.table.set_rows(
            [
                [a.filename, kinds.get(a.mime, a.mime), size_text(a.size), display.day(a.added_at)]
                for a in self.items
            ],
            keys=[a.id for a in self.items],
        )
        self.preview.clear()

    def choose_file(self) -> None:
        path = self.context.dialogs.open_file(
            self, self.tr("Add an attachment"), self.tr("PDF or image (*.pdf *.png *.jpg *.jpeg)")
        )
        if path is not None:
            self.add_file(path)

    def add_file(self, path: Path) -> None:
        try:
            with path.open("rb") as handle:
                data = handle.read(READ_LIMIT)
        except OSError as error:
            show_problem(
                self.error,
                ValidationError(
                    self.tr(
                        "The file {name} cannot be read. Check that it exists and is not open elsewhere."
                    ).format(name=path.name)
                ),
            )
            del error
            return
        self.error.hide()
        mime = MIME_BY_SUFFIX.get(path.suffix.lower())
        self.context.ops.call(
            debtors.add_attachment,
            self.card_page.debtor_id,
            filename=path.name,
            data=data,
            mime=mime,
            on_result=lambda row: self._added(row),
            on_error=lambda e: show_problem(self.error, e),
            owner=self,
        )

    def preview_selected(self) -> None:
        attachment_id = self.table.current_key()
        item = next((a for a in self.items if a.id == attachment_id), None)
        if item is None:
            return
        debtor_id = self.card_page.debtor_id
        self.context.ops.call(
            debtors.read_attachment,
            item.id,
            # an answer for a debtor the user has since left is dropped, never shown on another's card
            on_result=lambda data: (
                self.card_page.showing(debtor_id) and self.preview.show_bytes(data, item.mime)
            ),
            on_error=lambda e: show_problem(self.error, e),
            owner=self,
        )

    def _added(self, changed: Changed[Any]) -> None:
        self.context.notices.say(self.tr("Added the attachment {name}.").format(name=changed.value.filename))

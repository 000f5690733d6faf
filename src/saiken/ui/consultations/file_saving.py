"""Saving the area's files (fee statements, reports, the access report) from the screen: a file dialog, a
password offered for what holds personal data, and the password shown once — the service sets it in memory
before anything is written and audits the save. Previews are PDF bytes in memory (`PdfPreview`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from saiken.domain.generated_passwords import generate


class PdfPreview(QDialog):
    """A PDF shown from memory: nothing is written to disk to show it."""

    def __init__(self, title: str, data: bytes, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(760, 900)

    def page_count(self) -> int:
        return self.document.pageCount()


def save_file(
    context: Any,
    parent: QWidget,
    *,
    title: str,
    suggested: str,
    name_filter: str,
    save: Callable[..., Any],
    args: tuple[Any, ...],
    personal: bool,
    on_saved: Callable[[Path], None] | None = None,
) -> None:
    """Ask where, offer a password when the file holds personal data, then run `save(session, *args, path,
    password=...)` on the worker. A generated password is shown once after the save."""
    path = context.dialogs.save_file(parent, title, suggested, name_filter)
    if path is None:
        return
    password: str | None = None
    if personal and context.dialogs.confirm(
        parent,
        QCoreApplication.translate("SaveFile", "Protect the file"),
        QCoreApplication.translate(
            "SaveFile",
            "This file holds personal data. Protect it with a password? (Recommended: the password is shown once and is not stored.)",
        ),
        QCoreApplication.translate("SaveFile", "Protect with a password"),
    ):
        password = generate()

    def saved(_result: Any) -> None:
        if password is not None:
            context.dialogs.info(
                parent,
                QCoreApplication.translate("SaveFile", "File password"),
                QCoreApplication.translate(
                    "SaveFile",
                    "Saved {name}, protected. Its password, shown only now:\n\n{password}\n\nNote it down and hand it over separately from the file (type it as shown, hyphens included).",
                ).format(name=path.name, password=password),
            )
        if on_saved is not None:
            on_saved(path)

    kwargs: dict[str, Any] = {"password": password} if personal else {}
    context.ops.call(save, *args, path, on_result=saved, owner=parent, **kwargs)

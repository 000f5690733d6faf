"""Small steps the handover wizard tests share: reading a PDF's text, answering the wrapped dialogs, and
asking the signed-in vault a question on the worker."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QLineEdit


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")


def choose_file(path: Path):
    """A handler for a wrapped QFileDialog: pick `path` as if the user pressed Open/Save."""

    def handle(dialog) -> None:
        dialog.selectFile(str(path))
        dialog.done(1)  # accept() would have Qt check the name again

    return handle


def print_to(target: Path, seen: dict):
    """Handlers for the PDF preview and the real print dialog behind it: print into `target`."""

    def preview(dialog) -> None:
        seen["pages"] = dialog.page_count
        dialog.print_button.click()  # the print dialog, answered by `to_file`
        dialog.accept()

    def to_file(dialog) -> None:
        dialog.findChild(QLineEdit, "filename").setText(str(target))
        dialog.accept()

    return preview, to_file


def ask(qtbot, ops, fn, *args):
    """Run `fn(session, *args)` on the worker (the window's own session) and return what it returned."""
    got: list = []
    ops.call(fn, *args, on_result=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=30_000)
    return got[0]


def debtor_count(session) -> int:
    from sqlalchemy import func, select

    from saiken.services.context import read_session
    from saiken.store.models import Debtor

    with read_session(session) as db:
        return int(db.scalar(select(func.count()).select_from(Debtor)) or 0)


def form_texts(form) -> dict[str, str]:
    """A wizard page's facts as the user reads them: label → value, only rows that are on screen."""
    role = form.ItemRole
    shown = {}
    for row in range(form.rowCount()):
        label, value = form.itemAt(row, role.LabelRole), form.itemAt(row, role.FieldRole)
        if label and value and value.widget().isVisible():
            shown[label.widget().text()] = value.widget().text()
    return shown

"""What every workbook we write shares: cell text made safe, a save that never leaves the process's
memory until the atomic write, and an optional password.

Formula injection: a text cell whose first character (after any leading spaces) is = + - @ (or their
full-width forms), or that begins with a tab or carriage return, could be taken as a formula by Excel or
by a program the file is later pasted into. Such text is written as a plain string with a leading `'`,
so it shows as text and is never evaluated. Characters XML cannot hold are dropped.

No temp files: openpyxl's own `save` writes each worksheet's XML (every cell, in plain text) to a file in
the system temp folder before zipping it, and deletes it afterwards — a plaintext copy of personal data
on disk, which DESIGN §5 forbids. `workbook_bytes` zips the same parts from memory instead.

A password (`save_workbook(..., password=)`) encrypts the bytes with Office Agile encryption in memory
(saiken.exchange.protected_files) before anything is written, so no unprotected copy ever reaches disk.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from saiken.domain.errors import ValidationError
from saiken.exchange.protected_files import protect_workbook
from saiken.fsutil import atomic_write_bytes

FORMAT_VERSION = "v1"

_FORMULA_STARTS = ("=", "+", "-", "@", "＝", "＋", "－", "＠")
_CONTROL_STARTS = ("\t", "\r", "\n")
_LEADING_SPACES = " \u3000"


def neutralise(text: str) -> str:
    """`text` safe to put in a cell: never a formula, never XML-illegal characters."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if text.startswith(_CONTROL_STARTS) or text.lstrip(_LEADING_SPACES).startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def safe(value: object) -> object:
    return neutralise(value) if isinstance(value, str) else value


class _MemoryExcelWriter(ExcelWriter):  # type: ignore[misc]
    """openpyxl's writer with each worksheet serialised into memory rather than into a temp file."""

    def write_worksheet(self, ws: Any) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = WorksheetWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


def workbook_bytes(
    workbook: Workbook, *, title: str, kind: str, modified: dt.datetime | None = None
) -> bytes:
    """The .xlsx bytes of `workbook`, made entirely in memory. The document properties say what the file
    is (`saiken:<kind>:v1`) and carry no personal data; `modified` (UTC) is the save time shown by Excel."""
    if workbook.write_only:
        raise ValueError("workbook_bytes needs a normal workbook (write-only sheets buffer in temp files)")
    workbook.properties.title = title
    workbook.properties.creator = "債権デスク"
    workbook.properties.lastModifiedBy = "債権デスク"
    workbook.properties.keywords = f"saiken:{kind}:{FORMAT_VERSION}"
    if modified is not None:
        workbook.properties.modified = modified.astimezone(dt.UTC).replace(tzinfo=None)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        writer = _MemoryExcelWriter(workbook, archive)
        writer.write_data()
    return buffer.getvalue()


def save_workbook(
    workbook: Workbook, path: Path | str, *, title: str, kind: str, password: str | None = None
) -> int:
    """Make the workbook in memory, protect it with `password` when given, and write it with
    `atomic_write_bytes`: the old file or the new one, never half of one. Returns the bytes written."""
    return write_protected(path, workbook_bytes(workbook, title=title, kind=kind), password=password)


def write_protected(path: Path | str, data: bytes, *, password: str | None = None) -> int:
    """Protect the .xlsx `data` with `password` when given (in memory) and write it atomically; returns
    the bytes written. ValidationError naming the file when it cannot be written."""
    path = Path(path)
    if password is not None:
        data = protect_workbook(data, password)
    try:
        atomic_write_bytes(path, data)
    except OSError:
        raise ValidationError(
            f"ファイル「{path.name}」を保存できませんでした。保存先のフォルダがあるか、書き込めるか、"
            "空き容量が足りているかを確かめてください。"
        ) from None
    return len(data)

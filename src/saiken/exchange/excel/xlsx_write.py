"""What every workbook we write shares: cell text made safe, and the atomic save.

Formula injection: a text cell whose first character (after any leading spaces) is = + - @ (or their
full-width forms), or that begins with a tab or carriage return, could be taken as a formula by Excel or
by a program the file is later pasted into. Such text is written as a plain string with a leading `'`,
so it shows as text and is never evaluated. Characters XML cannot hold are dropped.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from saiken.domain.errors import ValidationError
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


def workbook_bytes(workbook: Workbook, *, title: str, kind: str) -> bytes:
    """The workbook as bytes, its document properties saying what it is (`saiken:<kind>:v1`) and carrying
    no personal data."""
    workbook.properties.title = title
    workbook.properties.creator = "債権デスク"
    workbook.properties.lastModifiedBy = "債権デスク"
    workbook.properties.keywords = f"saiken:{kind}:{FORMAT_VERSION}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def save_workbook(workbook: Workbook, path: Path | str, *, title: str, kind: str) -> None:
    """Save through memory and `atomic_write_bytes`: the old file or the new one, never half of one."""
    path = Path(path)
    data = workbook_bytes(workbook, title=title, kind=kind)
    try:
        atomic_write_bytes(path, data)
    except OSError:
        raise ValidationError(
            f"ファイル「{path.name}」を保存できませんでした。保存先のフォルダがあるか、書き込めるか、"
            "空き容量が足りているかを確かめてください。"
        ) from None

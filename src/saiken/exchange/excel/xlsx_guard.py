"""Checks made on a workbook file before and beside openpyxl: size, kind, packing, unsafe XML, formulas.

- size over the limit, a file that is not a ZIP (an old .xls, another OLE file), a ZIP that unpacks to far
  more than its size (a "zip bomb") → one clear error naming the file; an Office-encrypted workbook is
  decrypted in memory with the password given (saiken.exchange.protected_files) and then checked the same;
- openpyxl must parse through defusedxml (entity expansion and external entities refused);
- with `data_only=True` openpyxl shows a formula that has no cached value as an empty cell: the
  worksheet XML is scanned for such cells so that they are reported instead of read as blank.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import unescape

import openpyxl

from saiken.domain.errors import CorruptFileError, SaikenError, ValidationError
from saiken.exchange.protected_files import Kind, detect, unprotect_workbook

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
UNPACKED_FACTOR = 25  # unpacked XML may be this many times the file's size limit, no more

_CELL_WINDOW = 64 * 1024  # a cell's XML is never this long; bounds every search to stay linear
_FORMULA_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_PREFIXED_CELL_RE = re.compile(rb"<[A-Za-z_][\w.-]*:c\s")
_CELL_REF_RE = re.compile(rb'\br="([A-Z]{1,3})([0-9]+)"')
_CACHED_VALUE_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:v>\s*[^<\s]|is>)")
_FORMULA_TEXT_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f\b[^>]*>([^<]*)<")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f}MB" if size >= 1024 * 1024 else f"{size / 1024:,.0f}KB"


def check_defusedxml() -> None:
    if not openpyxl.DEFUSEDXML:
        raise SaikenError(
            "安全に Excel ファイルを読むための defusedxml が使えません。"
            "アプリケーションを入れ直してください（OPENPYXL_DEFUSEDXML を False にしないでください）。"
        )


def read_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, after checking that it exists and is within the size limit (checked before
    reading, and again on what was read, so a file that grows meanwhile is not read past the limit)."""
    name = path.name
    if not path.is_file():
        raise ValidationError(f"ファイル「{name}」が見つかりません。場所と名前を確かめてください。")
    try:
        size = path.stat().st_size
        if size <= max_bytes:
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
            size = max(size, len(data))
    except OSError:
        raise ValidationError(
            f"ファイル「{name}」を開けません。読み取りの権限があるか、ほかのアプリで使用中でないか確かめてください。"
        ) from None
    if size > max_bytes:
        raise ValidationError(
            f"ファイル「{name}」は {_megabytes(size)} あり、上限の {_megabytes(max_bytes)} を超えています。"
            "区の抽出を分けて、複数のファイルで取り込んでください。"
        )
    return data


def plain_workbook(
    data: bytes, name: str, *, password: str | None, max_bytes: int
) -> tuple[bytes, str | None]:
    """The bytes of a plain .xlsx and how the file was protected (None, `agile` or `standard`): `data`
    itself, or an Office-encrypted workbook decrypted in memory with `password`
    (saiken.exchange.protected_files). Anything else is refused with one clear line: an old .xls, an OLE
    file that holds no workbook, a damaged one, a file that is not a workbook at all."""
    found = detect(data)
    if found.kind is Kind.ZIP:
        return data, None
    if found.kind in (Kind.ENCRYPTED_OFFICE, Kind.DAMAGED_OLE):
        return unprotect_workbook(data, password, name=name, max_bytes=max_bytes), found.method
    if found.kind is Kind.XLS:
        raise CorruptFileError(
            f"ファイル「{name}」は古い形式（.xls）のブックです。"
            "Excel で開き、「Excel ブック (*.xlsx)」として保存し直してから取り込んでください。"
        )
    if found.kind is Kind.OLE:
        raise CorruptFileError(
            f"ファイル「{name}」は Excel ブックではありません（パスワード付きの Excel ブックでもありません）。"
            "区から受け取った .xlsx ファイルを選んでください。"
        )
    raise CorruptFileError(
        f"ファイル「{name}」は Excel ブック（.xlsx）ではありません。Excel で .xlsx として保存したファイルを選んでください。"
    )


def check_archive(archive: zipfile.ZipFile, name: str, max_bytes: int) -> None:
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > max_bytes * UNPACKED_FACTOR:
        raise ValidationError(
            f"ファイル「{name}」は展開すると {_megabytes(unpacked)} になり、安全に読める大きさを超えています。"
            "区の抽出を分けて、複数のファイルで取り込んでください。"
        )


def formulas_without_cached_value(archive: zipfile.ZipFile, member: str) -> dict[tuple[int, int], str]:
    """(row, column) → `=formula` for every formula cell of `member` that carries no computed value."""
    try:
        data = archive.read(member)
    except KeyError:
        return {}
    if b"<f" not in data and b":f" not in data:  # every match of _FORMULA_RE holds one of these
        return {}
    if not _FORMULA_RE.search(data):
        return {}
    found: dict[tuple[int, int], str] = {}
    cell_start = b":c " if _PREFIXED_CELL_RE.search(data) else b"<c "  # <x:c …> in some writers' XML
    for match in _FORMULA_RE.finditer(data):
        position = match.start()
        start = data.rfind(cell_start, max(0, position - _CELL_WINDOW), position)
        end = data.find(b"c>", position, position + _CELL_WINDOW)
        if start < 0 or end < 0:
            continue
        cell = data[start:end]
        if _CACHED_VALUE_RE.search(cell):
            continue
        ref = _CELL_REF_RE.search(cell)
        if ref is None:
            continue
        column = 0
        for letter in ref[1]:
            column = column * 26 + (letter - 64)
        formula = _FORMULA_TEXT_RE.search(cell)
        text = unescape(formula[1].decode("utf-8", "replace")) if formula and formula[1] else ""
        found[(int(ref[2]), column)] = "=" + text if text else "（数式）"
    return found

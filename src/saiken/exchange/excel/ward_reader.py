"""Reader of the ward's extraction workbook (滞納者一覧): every row checked, every problem collected.

`read_ward_workbook(path)` returns a `WardExtraction` with the good rows and, for every bad cell or row,
a `RowError` naming the worksheet row as Excel shows it, the column header as written in the file, the
value and the reason. It never stops at the first problem; whether to import anything is the caller's
decision (the import service imports nothing while `errors` is not empty).

Rules decided here (DESIGN §3):
- The sheet read is the first (visible sheets before hidden ones) whose first 20 rows hold a header
  row (>= 3 known headers, one of them 管理番号 or 氏名/名称). Required columns: 管理番号, 氏名・名称,
  返還金額, and 返還命令日 or 納期限.
- 納期限 empty → 返還命令日 + 20 days (`DebtorRow.due_date_derived` is then True).
- 既納付額 empty → 0. 既納付額 greater than 返還金額 is an error: the ward's list gives one total without
  dates, which cannot be allocated to 加算金・延滞金 (DESIGN §8), and an overpayment there is almost always a
  typing slip; the ward corrects it or records the payments themselves.
- Skipped: blank rows; the header repeated inside the data (as printed lists do on every page); total
  rows (合計/計/小計/総計 in 管理番号 or 氏名, or anywhere in a row that has neither, or a row with only
  amounts and neither); note rows (※…, 備考…, 注… in 管理番号 or 氏名, or a
  row with neither 管理番号 nor 氏名 nor 返還金額 but text elsewhere).
- Errors: a value that cannot be read (number, date, postal code, reading, e-mail …), an impossible date,
  a negative amount, 既納付額 > 返還金額, 納期限 before 返還命令日, a duplicate 管理番号, no 氏名, no 管理番号,
  no 返還金額, neither 返還命令日 nor 納期限, a formula whose result was never saved or is an error.
- Structural problems raise one error naming the file: missing file, over the size limit (20 MB),
  not an xlsx, an old .xls, encrypted without the right password, unsafe XML, damaged, no header row, required columns missing, no debtor row
  at all, more data rows than the limit (50,000).
"""

from __future__ import annotations

import io
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.utils.exceptions import InvalidFileException

from saiken.domain.errors import CorruptFileError, SaikenError, ValidationError
from saiken.exchange.excel import ward_cells as cells
from saiken.exchange.excel import ward_headers as h
from saiken.exchange.excel.ward_model import DebtorRow, RowError, WardExtraction
from saiken.exchange.excel.ward_rows import RowReader
from saiken.exchange.excel.xlsx_guard import (
    DEFAULT_MAX_BYTES,
    check_archive,
    check_defusedxml,
    formulas_without_cached_value,
    plain_workbook,
    read_file,
)

DEFAULT_MAX_ROWS = 50_000
HEADER_SEARCH_ROWS = 20

__all__ = ["DebtorRow", "RowError", "WardExtraction", "read_ward_workbook"]


_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    ParseError,
    InvalidFileException,
    EOFError,
    OSError,
)


def read_ward_workbook(
    path: Path | str,
    *,
    password: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> WardExtraction:
    """Read the ward's extraction at `path`. Raises ValidationError / CorruptFileError for a file that
    cannot be read at all; returns every row-level problem in `.errors`.

    An Office-encrypted workbook (Agile or Standard) needs `password`: PasswordRequiredError without one,
    WrongPasswordError for a wrong one. It is decrypted in memory and read exactly as a plain workbook,
    with every limit and check; nothing decrypted is written anywhere. The file is read into memory once
    (at most `max_bytes`), so a plain one is read the same way."""
    path = Path(path)
    name = path.name
    check_defusedxml()
    data, protection = plain_workbook(
        read_file(path, max_bytes), name, password=password, max_bytes=max_bytes
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, warnings.catch_warnings():
            # openpyxl warns about parts it drops (data validation extensions …): nothing for the user to do
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            check_archive(archive, name, max_bytes)
            workbook = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
            try:
                extraction = _read(workbook, archive, name, max_rows)
                extraction.protection = protection
                return extraction
            finally:
                workbook.close()
    except SaikenError:
        raise
    except (DefusedXmlException, *_DAMAGED) as error:
        if _caused_by_unsafe_xml(error):
            raise CorruptFileError(
                f"ファイル「{name}」には安全でない XML（外部参照やエンティティ定義）が含まれているため読み込めません。"
                "区に確認し、Excel で保存し直したファイルを受け取ってください。"
            ) from None
        raise CorruptFileError(
            f"ファイル「{name}」は壊れているか、Excel ブック（.xlsx）として読めません。"
            "Excel で開いて保存し直すか、区に作り直しを依頼してください。"
        ) from None


def _caused_by_unsafe_xml(error: BaseException | None) -> bool:
    """openpyxl wraps parse errors in ValueError: look down the chain for defusedxml's refusal."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, DefusedXmlException):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def _find_header(head: list[tuple[object, ...]]) -> tuple[int, dict[str, int]] | None:
    best: tuple[int, dict[str, int]] | None = None
    for index, values in enumerate(head):
        mapping = h.map_header_row(values)
        if h.looks_like_header(mapping) and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping)
    return best


def _read(workbook: Any, archive: zipfile.ZipFile, name: str, max_rows: int) -> WardExtraction:
    # visible sheets first: a hidden sheet is often an old copy or a lookup table
    for sheet in sorted(workbook.worksheets, key=lambda sheet: sheet.sheet_state != "visible"):
        sheet.reset_dimensions()  # never trust the stored dimension: read to the real last row
        rows = sheet.iter_rows(values_only=True)
        head = []
        for values in rows:
            head.append(values)
            if len(head) >= HEADER_SEARCH_ROWS:
                break
        found = _find_header(head)
        if found is None:
            continue
        index, mapping = found
        missing = h.missing_required(mapping)
        if missing:
            raise ValidationError(
                f"ファイル「{name}」のシート「{sheet.title}」に必要な列がありません: {'、'.join(missing)}。"
                "見出しの名前を確かめてください。"
            )
        header_values = head[index]
        columns = {key: str(header_values[col]).strip() for key, col in mapping.items()}
        extraction = WardExtraction(name, sheet.title, index + 1, columns)
        member = getattr(sheet, "_worksheet_path", None)  # openpyxl's read-only sheet knows its XML part
        pending = formulas_without_cached_value(archive, member) if member else {}
        reader = RowReader(mapping, columns, pending, extraction.rows, extraction.errors, extraction.notes)
        data_rows = 0
        row_number = index + 1
        for values in _chain(head[index + 1 :], rows):
            row_number += 1
            if all(cells.is_blank(value) for value in values):
                continue
            data_rows += 1
            if data_rows > max_rows:
                raise ValidationError(
                    f"ファイル「{name}」のデータ行が上限の {max_rows:,} 行を超えています。"
                    "区の抽出を分けて、複数のファイルで取り込んでください。"
                )
            try:
                outcome = reader.read(row_number, values)
            except Exception as bug:  # our own code failed on good input: a bug, never "a damaged file"
                raise RuntimeError(f"ward row reader failed on row {row_number}") from bug
            if outcome is None:
                extraction.skipped_rows.append(row_number)
        if not extraction.rows and not extraction.errors:
            raise ValidationError(
                f"ファイル「{name}」のシート「{sheet.title}」には債務者の行がありません。"
                "区から受け取ったファイルか、見出しの下にデータがあるか確かめてください。"
            )
        return extraction
    raise ValidationError(
        f"ファイル「{name}」に見出し行が見つかりません。1〜{HEADER_SEARCH_ROWS}行目に「管理番号」「事業者名」「返還金額」"
        "などの見出しの行を置いてください。"
    )


def _chain[T](first: Iterable[T], rest: Iterable[T]) -> Iterator[T]:
    yield from first
    yield from rest

"""Page and cell layout shared by the workbooks a person prints: A4 landscape, repeated header row,
thin borders, wrapped text, 和暦 date formats, row heights estimated from the text."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from saiken.domain.clock import JST
from saiken.exchange.excel.xlsx_write import safe

FONT_NAME = "ＭＳ ゴシック"
WAREKI_DATE = '[$-411]ggge"年"m"月"d"日"'
WAREKI_DATETIME = '[$-411]ggge"年"m"月"d"日" h:mm'
YEN = '#,##0"円"'
NUMBER = "#,##0"
LINE_HEIGHT = 13.5

_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
HEADER_FONT = Font(name=FONT_NAME, size=10, bold=True)
BODY_FONT = Font(name=FONT_NAME, size=10)
TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True)
TOP_WRAP = Alignment(vertical="top", wrap_text=True)
CENTER_WRAP = Alignment(horizontal="center", vertical="center", wrap_text=True)


def excel_datetime(value: dt.datetime) -> dt.datetime:
    """Excel has no time zones: an aware time is shown in Japan time."""
    if value.tzinfo is not None:
        value = value.astimezone(JST).replace(tzinfo=None)
    return value.replace(second=0, microsecond=0)


def text_width(text: str) -> int:
    """Display width in Excel column units: full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def set_widths(sheet: Worksheet, widths: list[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def write_header(sheet: Worksheet, row: int, titles: list[str]) -> None:
    for column, title in enumerate(titles, start=1):
        cell = sheet.cell(row, column, title)
        cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, BORDER, CENTER_WRAP
    sheet.row_dimensions[row].height = LINE_HEIGHT * 2


def write_body_row(
    sheet: Worksheet, row: int, values: list[object], formats: dict[int, str], widths: list[float]
) -> None:
    """One data row: safe text, borders, wrap, formats by column (1-based), height from the longest text."""
    lines = 1
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row, column, safe(value))
        cell.font, cell.border, cell.alignment = BODY_FONT, BORDER, TOP_WRAP
        if column in formats:
            cell.number_format = formats[column]
        if isinstance(value, str) and value:
            usable = max(widths[column - 1] - 1, 1)
            wrapped = sum(max(1, math.ceil(text_width(part) / usable)) for part in value.split("\n"))
            lines = max(lines, wrapped)
    sheet.row_dimensions[row].height = LINE_HEIGHT * min(lines, 30) + 3


def print_setup(sheet: Worksheet, *, header_row: int, last_column: int, last_row: int) -> None:
    """A4 landscape, one page wide, header row on every page, page numbers, panes frozen under the header."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.oddFooter.center.text = "&P / &N"
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    letter = get_column_letter(last_column)
    sheet.auto_filter.ref = f"A{header_row}:{letter}{max(last_row, header_row)}"
    sheet.print_area = f"A1:{letter}{max(last_row, header_row)}"


def merged_text(
    sheet: Worksheet, cell_range: str, text: str, *, font: Font = BODY_FONT, align: str = "left"
) -> None:
    first = sheet[cell_range.split(":")[0]]
    first.value = safe(text)
    first.font = font
    first.alignment = Alignment(horizontal=align, vertical="center")
    sheet.merge_cells(cell_range)

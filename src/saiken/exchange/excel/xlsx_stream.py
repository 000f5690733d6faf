"""A one-sheet .xlsx written as a stream, row after row, straight into an in-memory ZIP (format version 1).

openpyxl keeps every cell of a normal workbook as a Python object (a 20,000-record report is hundreds of
thousands of them) and its write-only mode buffers each sheet in a temp file — a plaintext copy of personal
data on disk, which DESIGN §5 forbids. This writer keeps neither: each row becomes its SpreadsheetML at once
and goes into the ZIP entry being compressed in memory, so memory holds the compressed file and one row.

What it writes is what the reports need and no more: inline strings (no shared-string table), numbers,
dates and times as Excel serials with 和暦 formats, a fixed set of cell styles (`STYLES`), column widths,
row heights, merged cells, frozen panes under a header row, an autofilter, and print setup (A4, landscape
or portrait, one page wide, the header row repeated, `&P / &N` page numbers in the footer). Text goes through
`xlsx_write.neutralise`: no cell starts as a formula, no character XML cannot hold.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from saiken.exchange.excel.xlsx_layout import FONT_NAME, WAREKI_DATE, WAREKI_DATETIME, excel_datetime
from saiken.exchange.excel.xlsx_write import FORMAT_VERSION, neutralise

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
MAX_CELL_CHARS = 32_767  # Excel's own limit for the text of one cell

# style name → index in cellXfs below
STYLES = {
    "default": 0,
    "title": 1,
    "text": 2,
    "text_right": 3,
    "header": 4,
    "body": 5,
    "body_date": 6,
    "body_datetime": 7,
    "body_number": 8,
    "bold": 9,
    "title_center": 10,
}

_STYLES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="{escape(WAREKI_DATE, {'"': "&quot;"})}"/><numFmt numFmtId="165" formatCode="{escape(WAREKI_DATETIME, {'"': "&quot;"})}"/><numFmt numFmtId="166" formatCode="#,##0"/></numFmts>
<fonts count="3"><font><sz val="10"/><name val="{FONT_NAME}"/><family val="3"/><charset val="128"/></font><font><b/><sz val="10"/><name val="{FONT_NAME}"/><family val="3"/><charset val="128"/></font><font><b/><sz val="16"/><name val="{FONT_NAME}"/><family val="3"/><charset val="128"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right><top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="11">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="166" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"""

_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"""

_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""


def excel_serial(value: dt.date | dt.datetime) -> str:
    """A date or time as Excel's serial number (days since 1899-12-30; Japan time for an aware time)."""
    if isinstance(value, dt.datetime):
        moment = excel_datetime(value)
        delta = moment - EXCEL_EPOCH
        return f"{delta.days + delta.seconds / 86400:.10f}".rstrip("0").rstrip(".")
    return str((value - EXCEL_EPOCH.date()).days)


def _text(value: str) -> str:
    return escape(neutralise(value)[:MAX_CELL_CHARS])


class XlsxStream:
    """One sheet written row after row; `finish()` returns the .xlsx bytes.

    `widths` are the columns' widths in Excel units; `header_row` (1-based) is frozen, repeated on every
    printed page and carries the autofilter. Rows are added in order with `row(values, styles)`: a value
    of None leaves the cell out, a str is text, an int is a number, a date/datetime an Excel date."""

    def __init__(
        self,
        *,
        title: str,
        kind: str,
        sheet_title: str,
        widths: Sequence[float],
        header_row: int | None = None,
        landscape: bool = True,
        footer: str = "&P / &N",
    ) -> None:
        self._title, self._kind, self._sheet_title = title, kind, sheet_title[:31]
        self._widths = list(widths)
        self._header_row = header_row
        self._landscape = landscape
        self._footer = footer
        self._merges: list[str] = []
        self._row = 0
        self._buffer = io.BytesIO()
        self._zip = zipfile.ZipFile(self._buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self._sheet = self._zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        self._pending: list[str] = []
        self._pending_size = 0
        self._start_sheet()

    @property
    def rows_written(self) -> int:
        return self._row

    def _write(self, text: str) -> None:
        self._pending.append(text)
        self._pending_size += len(text)
        if self._pending_size > 64 * 1024:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._sheet.write("".join(self._pending).encode("utf-8"))
            self._pending.clear()
            self._pending_size = 0

    def _start_sheet(self) -> None:
        self._write(
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        )
        if self._header_row:
            top = f"A{self._header_row + 1}"
            self._write(
                '<sheetViews><sheetView workbookViewId="0">'
                f'<pane ySplit="{self._header_row}" topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
                f'<selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/></sheetView></sheetViews>'
            )
        self._write('<sheetFormatPr defaultRowHeight="13.5"/><cols>')
        for index, width in enumerate(self._widths, start=1):
            self._write(f'<col min="{index}" max="{index}" width="{width}" customWidth="1"/>')
        self._write("</cols><sheetData>")

    def row(
        self,
        values: Sequence[object],
        styles: Sequence[str] | str = "body",
        *,
        height: float | None = None,
    ) -> int:
        """Append one row; returns its number (1-based)."""
        self._row += 1
        number = self._row
        names = [styles] * len(values) if isinstance(styles, str) else list(styles)
        parts = [f'<row r="{number}"' + (f' ht="{height:g}" customHeight="1"' if height else "") + ">"]
        for column, (value, name) in enumerate(zip(values, names, strict=True), start=1):
            if value is None and name in ("default", "text", "title", "bold"):
                continue
            ref = f"{get_column_letter(column)}{number}"
            style = STYLES[name]
            if value is None or value == "":
                parts.append(f'<c r="{ref}" s="{style}"/>')
            elif isinstance(value, bool):
                parts.append(f'<c r="{ref}" s="{style}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int):
                parts.append(f'<c r="{ref}" s="{style}"><v>{value}</v></c>')
            elif isinstance(value, dt.date):
                parts.append(f'<c r="{ref}" s="{style}"><v>{excel_serial(value)}</v></c>')
            else:
                parts.append(
                    f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{_text(str(value))}</t></is></c>'
                )
        parts.append("</row>")
        self._write("".join(parts))
        return number

    def blank(self) -> int:
        self._row += 1
        return self._row

    def merge(self, first_column: int, last_column: int, row: int | None = None) -> None:
        """Merge the cells of `row` (default: the last one written) from `first_column` to `last_column`."""
        number = row or self._row
        self._merges.append(
            f"{get_column_letter(first_column)}{number}:{get_column_letter(last_column)}{number}"
        )

    def finish(self, *, filter_to_row: int | None = None) -> bytes:
        """Close the sheet and the workbook; the autofilter covers the header row down to `filter_to_row`
        (default: the last row written). Returns the .xlsx bytes."""
        last_row = max(self._row, 1)
        last_column = get_column_letter(len(self._widths))
        self._write("</sheetData>")
        if self._header_row:
            bottom = max(filter_to_row or last_row, self._header_row)
            self._write(f'<autoFilter ref="A{self._header_row}:{last_column}{bottom}"/>')
        if self._merges:
            self._write(f'<mergeCells count="{len(self._merges)}">')
            self._write("".join(f'<mergeCell ref="{ref}"/>' for ref in self._merges))
            self._write("</mergeCells>")
        orientation = "landscape" if self._landscape else "portrait"
        self._write(
            '<printOptions horizontalCentered="1"/>'
            '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
            f'<pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1" fitToHeight="0"/>'
            f"<headerFooter><oddFooter>&amp;C{escape(self._footer)}</oddFooter></headerFooter></worksheet>"
        )
        self._flush()
        self._sheet.close()
        sheet_ref = f"'{self._sheet_title}'"
        names = [
            f'<definedName name="_xlnm.Print_Area" localSheetId="0">{escape(sheet_ref)}!$A$1:${last_column}${last_row}</definedName>'
        ]
        if self._header_row:
            bottom = max(filter_to_row or last_row, self._header_row)
            names.append(
                f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{escape(sheet_ref)}!${self._header_row}:${self._header_row}</definedName>'
            )
            names.append(
                f'<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{escape(sheet_ref)}!$A${self._header_row}:${last_column}${bottom}</definedName>'
            )
        workbook = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<bookViews><workbookView/></bookViews><sheets><sheet name="{escape(self._sheet_title)}" sheetId="1" r:id="rId1"/></sheets>'
            f"<definedNames>{''.join(names)}</definedNames></workbook>"
        )
        self._zip.writestr("[Content_Types].xml", _CONTENT_TYPES)
        self._zip.writestr("_rels/.rels", _ROOT_RELS)
        self._zip.writestr("xl/workbook.xml", workbook)
        self._zip.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        self._zip.writestr("xl/styles.xml", _STYLES_XML)
        self._zip.writestr("docProps/core.xml", self._core())
        self._zip.writestr(
            "docProps/app.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Application>債権デスク</Application></Properties>",
        )
        self._zip.close()
        return self._buffer.getvalue()

    def _core(self) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(self._title)}</dc:title><dc:creator>債権デスク</dc:creator>"
            f"<cp:lastModifiedBy>債権デスク</cp:lastModifiedBy>"
            f"<cp:keywords>saiken:{escape(self._kind)}:{FORMAT_VERSION}</cp:keywords></cp:coreProperties>"
        )

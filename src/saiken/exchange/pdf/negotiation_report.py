"""交渉記録報告書 (negotiation report) as a PDF: A4 landscape, 和暦, page numbers `1 / 12`.

The same report as the workbook (`exchange.excel.negotiation_report`: the same rows, columns and order)
for reading and printing. It is drawn straight onto the pages, row after row, from an iterator of rows, so
a month of 20,000 records is laid out in one pass without building a table of them first: a row whose text
does not fit the rest of a page starts the next one, and every page repeats the column headings. The title
block (period, ward, contractor, handler, counts) heads the first page; 以上 ends the last.
Made in memory (`render_negotiation_report` returns bytes); no personal data in the PDF's metadata.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from saiken.domain import wareki
from saiken.exchange.excel.negotiation_report import (
    HEADERS,
    TITLE,
    check_in_period,
    check_period,
    method_text,
    ordered_rows,
    period_text,
    promise_text,
)
from saiken.exchange.pdf.document import PRODUCER, Margins, numbered_canvas
from saiken.exchange.pdf.fonts import GOTHIC, MINCHO

PAGE = landscape(A4)
MARGINS = Margins(top=14 * mm, bottom=18 * mm, left=12 * mm, right=12 * mm)
WIDTHS_MM = [18, 36, 24, 23, 18, 18, 80, 32, 24]  # sums to the frame: 273 mm
BODY_SIZE = 7.6
LEADING = 10.0
PAD = 1.6
SHADE = colors.Color(0.88, 0.91, 0.95)
LINE = colors.Color(0.45, 0.45, 0.45)


def _widths() -> list[float]:
    frame = PAGE[0] - MARGINS.left - MARGINS.right
    scale = frame / sum(WIDTHS_MM)
    return [w * scale for w in WIDTHS_MM]


def wrap(text: str, width: float, font: str = MINCHO, size: float = BODY_SIZE) -> list[str]:
    """`text` broken into lines no wider than `width` (by character, as Japanese is; newlines kept)."""
    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        line = ""
        line_width = 0.0
        for char in paragraph:
            char_width = stringWidth(char, font, size)
            if line and line_width + char_width > width:
                lines.append(line)
                line, line_width = "", 0.0
            line += char
            line_width += char_width
        lines.append(line)
    return lines or [""]


def _when(at: dt.datetime) -> str:
    from saiken.exchange.excel.xlsx_layout import excel_datetime

    local = excel_datetime(at)
    return f"{wareki.format_wareki(local.date())}\n{local:%H:%M}"


def _cells(row: Any) -> list[str]:
    return [
        row.management_no,
        row.debtor_name,
        _when(row.at),
        method_text(row),
        row.person,
        row.handler,
        row.summary,
        promise_text(row),
        wareki.format_wareki(row.next_action_on) if row.next_action_on else "",
    ]


class _Report:
    def __init__(self, canvas: Any, widths: Sequence[float]) -> None:
        self.c = canvas
        self.widths = list(widths)
        self.top = PAGE[1] - MARGINS.top
        self.bottom = MARGINS.bottom
        self.y = self.top

    def header_row(self) -> None:
        c, x = self.c, MARGINS.left
        height = LEADING + 2 * PAD
        c.setFillColor(SHADE)
        c.rect(x, self.y - height, sum(self.widths), height, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont(GOTHIC, BODY_SIZE)
        for title, width in zip(HEADERS, self.widths, strict=True):
            c.drawCentredString(x + width / 2, self.y - PAD - BODY_SIZE, title)
            x += width
        self._grid(height)
        self.y -= height

    def _grid(self, height: float) -> None:
        c, x = self.c, MARGINS.left
        c.setStrokeColor(LINE)
        c.setLineWidth(0.4)
        c.rect(x, self.y - height, sum(self.widths), height, stroke=1, fill=0)
        for width in self.widths[:-1]:
            x += width
            c.line(x, self.y, x, self.y - height)

    def new_page(self) -> None:
        self.c.showPage()
        self.y = self.top
        self.header_row()

    def body_row(self, cells: Sequence[str]) -> None:
        wrapped = [wrap(text, width - 2 * PAD) for text, width in zip(cells, self.widths, strict=True)]
        lines = max(len(w) for w in wrapped)
        room = int((self.top - self.bottom - (LEADING + 2 * PAD)) / LEADING) - 1
        if lines > room:  # a summary longer than a page: cut over pages, the first part here
            wrapped = [w[:room] for w in wrapped]
            lines = room
        height = lines * LEADING + 2 * PAD
        if self.y - height < self.bottom:
            self.new_page()
        c, x = self.c, MARGINS.left
        c.setFont(MINCHO, BODY_SIZE)
        for column, (text_lines, width) in enumerate(zip(wrapped, self.widths, strict=True)):
            for index, line in enumerate(text_lines):
                baseline = self.y - PAD - BODY_SIZE - index * LEADING
                if column == 7:  # amounts and dates of a promise: right-aligned
                    c.drawRightString(x + width - PAD, baseline, line)
                else:
                    c.drawString(x + PAD, baseline, line)
            x += width
        self._grid(height)
        self.y -= height

    def text(self, text: str, *, font: str = MINCHO, size: float = 9.0, align: str = "left") -> None:
        self.c.setFont(font, size)
        baseline = self.y - size
        right = PAGE[0] - MARGINS.right
        if align == "center":
            self.c.drawCentredString(PAGE[0] / 2, baseline, text)
        elif align == "right":
            self.c.drawRightString(right, baseline, text)
        else:
            self.c.drawString(MARGINS.left, baseline, text)
        self.y -= size * 1.5

    def pair(self, left: str, right: str | None) -> None:
        self.c.setFont(MINCHO, 9.0)
        baseline = self.y - 9.0
        self.c.drawString(MARGINS.left, baseline, left)
        if right:
            self.c.drawRightString(PAGE[0] - MARGINS.right, baseline, right)
        self.y -= 13.5


def render_negotiation_report(
    *,
    period_from: dt.date,
    period_to: dt.date,
    ward_name: str,
    contractor_name: str,
    rows: Iterable[Any],
    created_on: dt.date | None = None,
    handler_name: str | None = None,
    record_count: int | None = None,
    debtor_count: int | None = None,
) -> bytes:
    """The report as PDF bytes; the same fields as `exchange.excel.negotiation_report_bytes`."""
    check_period(period_from, period_to)
    if record_count is None or debtor_count is None or isinstance(rows, Sequence):
        rows, record_count, debtor_count = ordered_rows(rows)
    buffer = io.BytesIO()
    canvas = numbered_canvas(
        buffer, pagesize=PAGE, footer_text=f"{TITLE}　{period_text(period_from, period_to)}", margins=MARGINS
    )
    canvas.setTitle(TITLE)
    canvas.setSubject(TITLE)
    canvas.setAuthor(PRODUCER)
    canvas.setCreator(PRODUCER)
    canvas.setProducer(PRODUCER)
    report = _Report(canvas, _widths())
    report.text(TITLE, font=GOTHIC, size=15, align="center")
    created = f"作成日：{wareki.format_wareki(created_on)}" if created_on is not None else None
    report.pair(period_text(period_from, period_to), created)
    report.pair(f"委託者：{ward_name}　御中", f"受託者：{contractor_name}")
    handler = f"対応者：{handler_name}" if handler_name else None
    report.pair(f"記録件数：{record_count:,}件（債務者 {debtor_count:,}名）", handler)
    report.y -= 2 * mm
    report.header_row()
    written = 0
    for row in rows:
        written += 1
        check_in_period(written, row, period_from, period_to)
        report.body_row(_cells(row))
    if not written:
        report.y -= 3 * mm
        report.text("この期間の交渉記録はありません。", align="center")
    if report.y - 20 < report.bottom:
        canvas.showPage()
        report.y = report.top
    report.y -= 3 * mm
    report.text("以上", align="right")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()

"""相談実績報告書 as an Excel workbook: the counts (this month and the fiscal year to date) on one sheet,
the months of the fiscal year on another with Excel's own line and bar charts, and the seminars.
Counts only, no personal data. Made in memory (`consultation_report_bytes`)."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.worksheet.worksheet import Worksheet

from saiken.exchange.excel import xlsx_layout as layout
from saiken.exchange.excel.xlsx_write import workbook_bytes
from saiken.exchange.pdf.consultation_report import TITLE, CountRow, ReportSheet

KIND = "consultation-report"
WIDTHS = [26.0, 12.0, 12.0]


def _block(ws: Worksheet, row: int, title: str, rows: Sequence[CountRow]) -> int:
    layout.write_header(ws, row, [title, "当月", "年度累計"])
    for label, month, year in rows:
        row += 1
        layout.write_body_row(ws, row, [label, month, year], {2: layout.NUMBER, 3: layout.NUMBER}, WIDTHS)
    return row + 2


def consultation_report_bytes(sheet: ReportSheet) -> bytes:
    workbook = Workbook()
    counts = workbook.active
    counts.title = "集計"
    layout.merged_text(counts, "A1:C1", f"{TITLE}（{sheet.month_label}）", font=layout.TITLE_FONT)
    counts.row_dimensions[1].height = 28
    layout.merged_text(counts, "A2:C2", f"年度累計：{sheet.fiscal_label}　{sheet.period}")
    layout.merged_text(counts, "A3:C3", f"作成：{sheet.organisation}")
    row = 5
    for title, rows in (
        ("総数", sheet.totals),
        ("相談分類", sheet.by_category),
        ("相談形態", sheet.by_form),
        ("業種", sheet.by_industry),
        ("相談員", sheet.by_consultant),
    ):
        row = _block(counts, row, title, rows)
    layout.merged_text(
        counts, f"A{row}:C{row}", "※ 複数の分類にまたがる相談は、それぞれの分類に数えています。"
    )
    layout.set_widths(counts, WIDTHS)

    months = workbook.create_sheet("月別")
    names = [name for name, _ in sheet.series]
    layout.write_header(months, 1, ["月", *names])
    for index, label in enumerate(sheet.month_names):
        values = [series[index] for _, series in sheet.series]
        layout.write_body_row(months, 2 + index, [label, *values], {}, [10.0] + [12.0] * len(names))
    layout.set_widths(months, [10.0] + [12.0] * len(names))
    last = 1 + len(sheet.month_names)
    line = LineChart()
    line.title = f"月別の相談件数（{sheet.fiscal_label}）"
    line.y_axis.title = "件数"
    line.add_data(
        Reference(months, min_col=2, max_col=1 + len(names), min_row=1, max_row=last), titles_from_data=True
    )
    line.set_categories(Reference(months, min_col=1, min_row=2, max_row=last))
    line.height, line.width = 8, 18
    months.add_chart(line, f"{chr(ord('B') + len(names) + 1)}2")

    layout.write_header(counts, row + 2, ["相談分類", "当月", "年度累計"])
    category_top = row + 2
    for offset, (label, month, year) in enumerate(sheet.by_category, start=1):
        layout.write_body_row(counts, category_top + offset, [label, month, year], {}, WIDTHS)
    bar = BarChart()
    bar.title = "相談分類別の件数"
    bar.add_data(
        Reference(
            counts, min_col=2, max_col=3, min_row=category_top, max_row=category_top + len(sheet.by_category)
        ),
        titles_from_data=True,
    )
    bar.set_categories(
        Reference(counts, min_col=1, min_row=category_top + 1, max_row=category_top + len(sheet.by_category))
    )
    bar.height, bar.width = 8, 16
    counts.add_chart(bar, "E5")

    seminars = workbook.create_sheet("セミナー")
    headers = ["開催日", "セミナー", "状況", "定員", "参加確定", "出席", "出席率", "キャンセル待ち", "取消"]
    widths = [16.0, 40.0, 8.0, 8.0, 10.0, 8.0, 9.0, 14.0, 8.0]
    layout.write_header(seminars, 1, headers)
    for index, s in enumerate(sheet.seminars, start=2):
        layout.write_body_row(
            seminars, index,
            [s.held_on, s.title, s.status, s.capacity, s.confirmed, s.attended, s.rate, s.waiting, s.cancelled],
            {1: layout.WAREKI_DATE}, widths,
        )  # fmt: skip
    layout.set_widths(seminars, widths)
    return workbook_bytes(workbook, title=TITLE, kind=KIND)

"""謝金・旅費 支払明細書 as an Excel workbook (issue 10 item 2): the same content as the PDF
(`saiken.exchange.pdf.fee_statement`), with real numbers in yen-formatted cells and real dates shown in
和暦, so that the figures can be checked and totalled again. Made in memory (`fee_statement_bytes`)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment

from saiken.domain.wareki import format_wareki
from saiken.exchange.excel import xlsx_layout as layout
from saiken.exchange.excel.xlsx_write import workbook_bytes
from saiken.exchange.pdf.fee_statement import TITLE, FeeStatementSheet, hours_text, month_label

KIND = "fee-statement"
DAY_HEADERS = [
    "派遣日",
    "件数",
    "面談時間（分）",
    "謝金",
    "交通費",
    "うち私有車（km）",
    "日当",
    "宿泊費",
    "宿泊数",
    "計",
]
DAY_WIDTHS = [16.0, 7.0, 13.0, 12.0, 12.0, 15.0, 10.0, 12.0, 8.0, 13.0]
LINE_HEADERS = ["派遣日", "派遣先", "開始", "終了", "面談時間（分）"]


def fee_statement_bytes(sheet: FeeStatementSheet) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "支払明細"
    layout.merged_text(ws, "A1:J1", TITLE, font=layout.TITLE_FONT, align="center")
    ws.row_dimensions[1].height = 28
    layout.merged_text(ws, "A2:E2", f"{sheet.advisor}　様")
    layout.merged_text(
        ws,
        "F2:J2",
        f"{month_label(sheet.year, sheet.month)}　発行日：{format_wareki(sheet.issued_on)}",
        align="right",
    )
    layout.merged_text(ws, "A3:J3", f"発行者：{sheet.organisation}")
    totals = [
        ("謝金", sheet.honorarium),
        ("交通費", sheet.travel),
        ("日当", sheet.day_allowance),
        ("宿泊費", sheet.lodging),
        ("支払額合計", sheet.total),
    ]
    for index, (label, amount) in enumerate(totals):
        column = 1 + index * 2
        head = ws.cell(5, column, label)
        head.font, head.fill, head.border, head.alignment = (
            layout.HEADER_FONT,
            layout.HEADER_FILL,
            layout.BORDER,
            layout.CENTER_WRAP,
        )
        cell = ws.cell(6, column, amount)
        cell.font, cell.border, cell.number_format = layout.HEADER_FONT, layout.BORDER, layout.YEN
    header_row = 8
    layout.write_header(ws, header_row, DAY_HEADERS)
    row = header_row
    for day in sheet.days:
        row += 1
        values: list[object] = [
            day.day, day.dispatches, day.minutes, day.honorarium, day.travel, day.car_km or None,
            day.day_allowance, day.lodging, day.nights, day.total,
        ]  # fmt: skip
        layout.write_body_row(
            ws,
            row,
            values,
            {
                1: layout.WAREKI_DATE,
                4: layout.YEN,
                5: layout.YEN,
                7: layout.YEN,
                8: layout.YEN,
                10: layout.YEN,
            },
            DAY_WIDTHS,
        )
    row += 1
    total_values: list[object] = [
        "合計", sum(d.dispatches for d in sheet.days), sum(d.minutes for d in sheet.days), sheet.honorarium,
        sheet.travel, None, sheet.day_allowance, sheet.lodging, sum(d.nights for d in sheet.days), sheet.total,
    ]  # fmt: skip
    layout.write_body_row(
        ws,
        row,
        total_values,
        {4: layout.YEN, 5: layout.YEN, 7: layout.YEN, 8: layout.YEN, 10: layout.YEN},
        DAY_WIDTHS,
    )
    for column in range(1, len(DAY_HEADERS) + 1):
        ws.cell(row, column).font = layout.HEADER_FONT
    row += 2
    layout.write_header(ws, row, LINE_HEADERS)
    for line in sheet.dispatches:
        row += 1
        layout.write_body_row(
            ws, row, [line.day, line.business, f"{line.start:%H:%M}", f"{line.end:%H:%M}", line.minutes],
            {1: layout.WAREKI_DATE}, DAY_WIDTHS,
        )  # fmt: skip
    row += 2
    for rule in [*sheet.rules, f"適用した基準: {'、'.join(sheet.standards)}"]:
        cell = ws.cell(row, 1, f"・{rule}")
        cell.font, cell.alignment = layout.BODY_FONT, Alignment(horizontal="left")
        row += 1
    end = ws.cell(row + 1, len(DAY_HEADERS), "以上")
    end.font, end.alignment = layout.BODY_FONT, Alignment(horizontal="right")
    layout.set_widths(ws, DAY_WIDTHS)
    layout.print_setup(ws, header_row=header_row, last_column=len(DAY_HEADERS), last_row=row + 1)
    ws.auto_filter.ref = None
    return workbook_bytes(workbook, title=TITLE, kind=KIND)


__all__ = ["KIND", "fee_statement_bytes", "hours_text"]

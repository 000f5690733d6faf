"""交渉記録報告書 (negotiation report) as an Excel workbook the ward officer can read and print as is.

One row per negotiation record, grouped by debtor (管理番号, then time), with a title, the report period
in 和暦, the ward (委託者) and the contractor (受託者), the count of records and debtors, and 以上 at the end.
Dates are real Excel dates shown in 和暦, so the ward can still sort and filter them. Printed on A4
landscape, one page wide, with the header row repeated on every page and page numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from saiken.domain import wareki
from saiken.domain.errors import ValidationError
from saiken.domain.money import format_yen
from saiken.exchange.excel import xlsx_layout as layout
from saiken.exchange.excel.xlsx_write import save_workbook, workbook_bytes

HEADERS = [
    "管理番号",
    "債務者名",
    "日時",
    "方法",
    "相手方",
    "対応者",
    "内容",
    "約束（金額・期日）",
    "次回予定",
]
WIDTHS = [11.0, 24.0, 21.0, 11.0, 11.0, 11.0, 56.0, 22.0, 17.0]
HEADER_ROW = 6
TITLE = "交渉記録報告書"
KIND = "negotiation-report"


@dataclass(frozen=True, slots=True)
class NegotiationReportRow:
    management_no: str
    debtor_name: str
    at: dt.datetime  # aware (shown in Japan time) or naive Japan time
    channel: str  # 電話 / 来所 / 訪問 / 書面 / メール
    person: str  # 相手方
    handler: str  # 対応者
    summary: str
    direction: str | None = None  # 発信 / 着信
    promise_amount: int | None = None
    promise_date: dt.date | None = None
    next_action_on: dt.date | None = None


def _local_day(at: dt.datetime) -> dt.date:
    return layout.excel_datetime(at).date()


def _promise(row: NegotiationReportRow) -> str:
    parts = []
    if row.promise_amount is not None:
        parts.append(format_yen(row.promise_amount))
    if row.promise_date is not None:
        parts.append(f"{wareki.format_wareki(row.promise_date)}まで")
    return "\n".join(parts)


def _check(period_from: dt.date, period_to: dt.date, rows: list[NegotiationReportRow]) -> None:
    if period_from > period_to:
        raise ValidationError("報告期間の開始日が終了日より後です。期間を確かめてください。")
    for number, row in enumerate(rows, start=1):
        day = _local_day(row.at)
        if not period_from <= day <= period_to:
            raise ValidationError(
                f"{number}件目の記録（管理番号 {row.management_no}、{wareki.format_wareki(day)}）は報告期間の外です。"
                "期間を広げるか、期間内の記録だけを選んでください。"
            )


def write_negotiation_report(
    path: Path | str,
    *,
    period_from: dt.date,
    period_to: dt.date,
    ward_name: str,
    contractor_name: str,
    rows: Iterable[NegotiationReportRow],
    created_on: dt.date | None = None,
    password: str | None = None,
) -> int:
    """Write the report for `period_from`..`period_to` (both included) to `path`, atomically, protected
    with `password` when given (Office encryption); returns the bytes written."""
    workbook = _workbook(period_from, period_to, ward_name, contractor_name, rows, created_on)
    return save_workbook(workbook, path, title=TITLE, kind=KIND, password=password)


def negotiation_report_bytes(
    *,
    period_from: dt.date,
    period_to: dt.date,
    ward_name: str,
    contractor_name: str,
    rows: Iterable[NegotiationReportRow],
    created_on: dt.date | None = None,
) -> bytes:
    """The same workbook as `write_negotiation_report`, as .xlsx bytes made in memory."""
    workbook = _workbook(period_from, period_to, ward_name, contractor_name, rows, created_on)
    return workbook_bytes(workbook, title=TITLE, kind=KIND)


def _workbook(
    period_from: dt.date,
    period_to: dt.date,
    ward_name: str,
    contractor_name: str,
    rows: Iterable[NegotiationReportRow],
    created_on: dt.date | None,
) -> Workbook:
    records = sorted(rows, key=lambda row: (row.management_no, layout.excel_datetime(row.at)))
    _check(period_from, period_to, records)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "交渉記録報告書"
    last = get_column_letter(len(HEADERS))
    layout.merged_text(sheet, f"A1:{last}1", "交渉記録報告書", font=layout.TITLE_FONT, align="center")
    sheet.row_dimensions[1].height = 28
    period = f"報告期間：{wareki.format_wareki(period_from)}～{wareki.format_wareki(period_to)}"
    layout.merged_text(sheet, "A2:F2", period)
    if created_on is not None:
        layout.merged_text(sheet, f"G2:{last}2", f"作成日：{wareki.format_wareki(created_on)}", align="right")
    layout.merged_text(sheet, "A3:F3", f"委託者：{ward_name}　御中")
    layout.merged_text(sheet, f"G3:{last}3", f"受託者：{contractor_name}", align="right")
    debtors = len({row.management_no for row in records})
    layout.merged_text(sheet, "A4:F4", f"記録件数：{len(records)}件（債務者 {debtors}名）")
    layout.write_header(sheet, HEADER_ROW, HEADERS)
    formats = {3: layout.WAREKI_DATETIME, 9: layout.WAREKI_DATE}
    row_number = HEADER_ROW
    for record in records:
        row_number += 1
        method = f"{record.channel}（{record.direction}）" if record.direction else record.channel
        values: list[object] = [
            record.management_no,
            record.debtor_name,
            layout.excel_datetime(record.at),
            method,
            record.person,
            record.handler,
            record.summary,
            _promise(record),
            record.next_action_on,
        ]
        layout.write_body_row(sheet, row_number, values, formats, WIDTHS)
    if not records:
        row_number += 1
        layout.merged_text(
            sheet, f"A{row_number}:{last}{row_number}", "この期間の交渉記録はありません。", align="center"
        )
    end = sheet.cell(row_number + 2, len(HEADERS), "以上")
    end.font, end.alignment = layout.BODY_FONT, Alignment(horizontal="right")
    layout.set_widths(sheet, WIDTHS)
    layout.print_setup(sheet, header_row=HEADER_ROW, last_column=len(HEADERS), last_row=row_number + 2)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(row_number, HEADER_ROW)}"
    return workbook

"""交渉記録報告書 (negotiation report) as an Excel workbook the ward officer can read and print as is.

One row per negotiation record, grouped by debtor (管理番号, then time), with a title, the report period
in 和暦, the ward (委託者) and the contractor (受託者), the handler when the report is one handler's, the
count of records and debtors, and 以上 at the end. Dates are real Excel dates shown in 和暦, so the ward can
still sort and filter them. Printed on A4 landscape, one page wide, with the header row repeated on every
page and page numbers.

The workbook is written as a stream (`xlsx_stream.XlsxStream`): rows come from an iterator (the service's
database cursor) in the report's order and go straight into the compressed file in memory, so a month of
20,000 records never sits in memory as cell objects. Give `record_count` and `debtor_count` with an
iterator (the header states them before the rows); a list is counted (and put in order) here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from saiken.domain import wareki
from saiken.domain.errors import ValidationError
from saiken.domain.money import format_yen
from saiken.exchange.excel import xlsx_layout as layout
from saiken.exchange.excel.xlsx_stream import XlsxStream
from saiken.exchange.excel.xlsx_write import write_protected

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
_STYLES = ["body", "body", "body_datetime", "body", "body", "body", "body", "body", "body_date"]


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


def promise_text(row: Any) -> str:
    """「50,000円\\n令和7年10月10日まで」 (amount and date of a promise; either may be missing)."""
    parts = []
    if row.promise_amount is not None:
        parts.append(format_yen(row.promise_amount))
    if row.promise_date is not None:
        parts.append(f"{wareki.format_wareki(row.promise_date)}まで")
    return "\n".join(parts)


def method_text(row: Any) -> str:
    return f"{row.channel}（{row.direction}）" if row.direction else row.channel


def period_text(period_from: dt.date, period_to: dt.date) -> str:
    return f"報告期間：{wareki.format_wareki(period_from)}～{wareki.format_wareki(period_to)}"


def check_period(period_from: dt.date, period_to: dt.date) -> None:
    if period_from > period_to:
        raise ValidationError("報告期間の開始日が終了日より後です。期間を確かめてください。")


def check_in_period(number: int, row: Any, period_from: dt.date, period_to: dt.date) -> None:
    day = _local_day(row.at)
    if not period_from <= day <= period_to:
        raise ValidationError(
            f"{number}件目の記録（管理番号 {row.management_no}、{wareki.format_wareki(day)}）は報告期間の外です。"
            "期間を広げるか、期間内の記録だけを選んでください。"
        )


def _height(values: Sequence[object]) -> float:
    lines = 1
    for value, width in zip(values, WIDTHS, strict=True):
        if isinstance(value, str) and value:
            usable = max(width - 1, 1)
            lines = max(
                lines, sum(max(1, math.ceil(layout.text_width(p) / usable)) for p in value.split("\n"))
            )
    return layout.LINE_HEIGHT * min(lines, 30) + 3


def ordered_rows(rows: Iterable[NegotiationReportRow]) -> tuple[Iterable[NegotiationReportRow], int, int]:
    """The rows in the report's order (管理番号, then time), how many, and how many debtors."""
    items = sorted(rows, key=lambda row: (row.management_no, layout.excel_datetime(row.at)))
    return items, len(items), len({row.management_no for row in items})


def negotiation_report_bytes(
    *,
    period_from: dt.date,
    period_to: dt.date,
    ward_name: str,
    contractor_name: str,
    rows: Iterable[NegotiationReportRow],
    created_on: dt.date | None = None,
    handler_name: str | None = None,
    record_count: int | None = None,
    debtor_count: int | None = None,
) -> bytes:
    """The report for `period_from`..`period_to` (both included) as .xlsx bytes made in memory."""
    check_period(period_from, period_to)
    if record_count is None or debtor_count is None or isinstance(rows, Sequence):
        rows, record_count, debtor_count = ordered_rows(rows)
    sheet = XlsxStream(title=TITLE, kind=KIND, sheet_title=TITLE, widths=WIDTHS, header_row=HEADER_ROW)
    last = len(HEADERS)
    sheet.row(["交渉記録報告書"] + [None] * (last - 1), "title_center", height=28)
    sheet.merge(1, last)
    created = f"作成日：{wareki.format_wareki(created_on)}" if created_on is not None else None
    sheet.row(
        [period_text(period_from, period_to), None, None, None, None, None, created],
        ["text"] * 6 + ["text_right"],
    )
    sheet.merge(1, 6)
    sheet.merge(7, last)
    sheet.row(
        [f"委託者：{ward_name}　御中", None, None, None, None, None, f"受託者：{contractor_name}"],
        ["text"] * 6 + ["text_right"],
    )
    sheet.merge(1, 6)
    sheet.merge(7, last)
    counts = f"記録件数：{record_count:,}件（債務者 {debtor_count:,}名）"
    handler = f"対応者：{handler_name}" if handler_name else None
    sheet.row([counts, None, None, None, None, None, handler], ["text"] * 6 + ["text_right"])
    sheet.merge(1, 6)
    sheet.merge(7, last)
    sheet.blank()
    sheet.row(HEADERS, "header", height=layout.LINE_HEIGHT * 2)
    written = 0
    for record in rows:
        written += 1
        check_in_period(written, record, period_from, period_to)
        values: list[object] = [
            record.management_no,
            record.debtor_name,
            layout.excel_datetime(record.at),
            method_text(record),
            record.person,
            record.handler,
            record.summary,
            promise_text(record),
            record.next_action_on,
        ]
        sheet.row(values, _STYLES, height=_height(values))
    if written != record_count:
        raise ValidationError(
            "報告書の記録件数が途中で変わりました（作成中に記録が追加・訂正されました）。もう一度出力してください。"
        )
    last_data = sheet.rows_written
    if not written:
        sheet.row(["この期間の交渉記録はありません。"] + [None] * (last - 1), "text")
        sheet.merge(1, last)
    sheet.blank()
    sheet.row([None] * (last - 1) + ["以上"], ["text"] * (last - 1) + ["text_right"])
    return sheet.finish(filter_to_row=last_data)


def write_negotiation_report(path: Path | str, *, password: str | None = None, **fields: Any) -> int:
    """Write the report (the fields of `negotiation_report_bytes`) to `path`, atomically, protected with
    `password` when given (Office encryption); returns the bytes written."""
    return write_protected(path, negotiation_report_bytes(**fields), password=password)

"""The debtor list (債務者一覧) as an Excel workbook: the ward's columns, plus 状況 and 残額, and totals.

The columns and their headers are those of the ward's extraction (管理番号 … 経過) plus 残額, 状況, 担当,
次回予定 and タグ, so a full list can be read back by `read_ward_workbook` (the extra columns are then
ignored, the 合計 row skipped). Dates are shown as the ward writes them (yyyy/mm/dd), amounts with
thousands separators. An optional column is left out when no debtor has a value in it.

`rows` are `DebtorSheetRow`s; any object with the same attribute names will do (a reader's `DebtorRow`,
a `FictionalDebtor`): missing optional attributes are left empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from saiken.domain import wareki
from saiken.exchange.excel import xlsx_layout as layout
from saiken.exchange.excel.xlsx_write import save_workbook, workbook_bytes

HEADER_ROW = 3
KIND = "debtor-list"
_DATE = "yyyy/mm/dd"


@dataclass(frozen=True, slots=True)
class DebtorSheetRow:
    """One debtor of the list. Only the first four fields are needed; a column appears in the workbook
    when at least one row has a value for it. `balance` defaults to principal − paid."""

    management_no: str
    name: str
    principal: int
    paid: int
    kind: str | None = None  # 法人 / 個人
    name_kana: str | None = None
    representative: str | None = None
    representative_kana: str | None = None
    postal_code: str | None = None
    address: str | None = None
    mailing_postal_code: str | None = None
    mailing_address: str | None = None
    phone: str | None = None
    email: str | None = None
    fiscal_year: int | None = None
    decision_date: dt.date | None = None
    grant_amount: int | None = None
    received_date: dt.date | None = None
    order_date: dt.date | None = None
    due_date: dt.date | None = None
    status: str | None = None
    handler: str | None = None
    next_action_on: dt.date | None = None
    tags: str | None = None
    notes: str | None = None
    balance: int | None = None


# (header, attribute, width, number format); 管理番号, 事業者名 and the amounts are always shown
_COLUMNS: tuple[tuple[str, str, float, str | None], ...] = (
    ("管理番号", "management_no", 11, None),
    ("区分", "kind", 9, None),
    ("事業者名", "name", 24, None),
    ("事業者名フリガナ", "name_kana", 24, None),
    ("代表者氏名", "representative", 14, None),
    ("代表者フリガナ", "representative_kana", 16, None),
    ("郵便番号", "postal_code", 10, None),
    ("住所", "address", 32, None),
    ("送付先郵便番号", "mailing_postal_code", 10, None),
    ("送付先住所", "mailing_address", 32, None),
    ("電話番号", "phone", 14, None),
    ("メールアドレス", "email", 22, None),
    ("交付年度", "fiscal_year", 11, None),
    ("交付決定日", "decision_date", 11, _DATE),
    ("交付額", "grant_amount", 12, layout.NUMBER),
    ("受領日", "received_date", 11, _DATE),
    ("返還命令日", "order_date", 11, _DATE),
    ("返還金額", "principal", 12, layout.NUMBER),
    ("納期限", "due_date", 11, _DATE),
    ("既納付額", "paid", 12, layout.NUMBER),
    ("残額", "balance", 12, layout.NUMBER),
    ("状況", "status", 9, None),
    ("担当", "handler", 10, None),
    ("次回予定", "next_action_on", 11, _DATE),
    ("タグ", "tags", 14, None),
    ("経過", "notes", 40, None),
)
_ALWAYS = {"management_no", "name", "principal", "paid", "balance"}


def _value(row: object, attribute: str) -> object:
    value = getattr(row, attribute, None)
    if attribute == "balance" and value is None:
        return row.principal - row.paid  # type: ignore[attr-defined]
    if attribute == "kind":
        return "個人事業主" if value == "個人" else value
    if attribute == "fiscal_year" and isinstance(value, int):
        return wareki.format_fiscal_year(value)
    return value


def write_debtor_list(
    path: Path | str,
    rows: Iterable[DebtorSheetRow],
    *,
    title: str = "債務者一覧",
    created_on: dt.date | None = None,
    password: str | None = None,
) -> int:
    """Write the list to `path`, atomically, protected with `password` when given (Office encryption);
    returns the bytes written. Optional columns appear only when some debtor has a value."""
    workbook = _workbook(list(rows), title, created_on)
    return save_workbook(workbook, path, title=title, kind=KIND, password=password)


def debtor_list_bytes(
    rows: Iterable[DebtorSheetRow], *, title: str = "債務者一覧", created_on: dt.date | None = None
) -> bytes:
    """The same workbook as `write_debtor_list`, as .xlsx bytes made in memory (nothing is written)."""
    return workbook_bytes(_workbook(list(rows), title, created_on), title=title, kind=KIND)


def _workbook(items: list[DebtorSheetRow], title: str, created_on: dt.date | None) -> Workbook:
    columns = [c for c in _COLUMNS if c[1] in _ALWAYS or any(getattr(row, c[1], None) for row in items)]
    widths = [c[2] for c in columns]
    formats = {index: c[3] for index, c in enumerate(columns, start=1) if c[3]}
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    heading = title + (f"（{wareki.format_wareki(created_on)}現在）" if created_on else "")
    layout.merged_text(sheet, "A1:H1", heading, font=layout.TITLE_FONT)
    sheet.row_dimensions[1].height = 28
    layout.write_header(sheet, HEADER_ROW, [c[0] for c in columns])
    row_number = HEADER_ROW
    totals = {"principal": 0, "paid": 0, "balance": 0}
    for item in items:
        row_number += 1
        values = [_value(item, c[1]) for c in columns]
        layout.write_body_row(sheet, row_number, values, formats, widths)
        for key in totals:
            totals[key] += _value(item, key)  # type: ignore[operator]
    row_number += 1
    total_values: list[object] = [totals.get(c[1]) for c in columns]
    total_values[0] = f"合計（{len(items)}件）"
    layout.write_body_row(sheet, row_number, total_values, formats, widths)
    for column in range(1, len(columns) + 1):
        sheet.cell(row_number, column).font = layout.HEADER_FONT
    layout.set_widths(sheet, widths)
    layout.print_setup(sheet, header_row=HEADER_ROW, last_column=len(columns), last_row=row_number)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(columns))}{row_number - 1}"
    return workbook

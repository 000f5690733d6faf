"""The registered-mail list of a letter batch as an Excel workbook (the same rows as the PDF 差出票).

Columns: 番号, 受取人（宛名）, 郵便番号, 住所, 種類, 引受番号, 管理番号, 文書番号. The sender, the date and the
count of each kind head the sheet; text cells are made formula-safe. The workbook is returned as bytes:
the caller saves it (atomically, and encrypted when asked: it holds personal data).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from openpyxl import Workbook

from saiken.domain import wareki
from saiken.exchange.excel import xlsx_layout as layout
from saiken.exchange.excel.xlsx_write import workbook_bytes
from saiken.exchange.pdf.mailing import LIST_TITLE, METHOD_LABELS, MailEntry

HEADER_ROW = 4
_COLUMNS: tuple[tuple[str, float], ...] = (
    ("番号", 6),
    ("受取人（宛名）", 34),
    ("郵便番号", 10),
    ("住所", 44),
    ("種類", 10),
    ("引受番号", 18),
    ("管理番号", 12),
    ("文書番号", 14),
)


def mail_list_workbook(entries: Sequence[MailEntry], *, sender: str, sent_on: dt.date) -> bytes:
    """The workbook bytes (module docstring)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "差出票"
    layout.merged_text(sheet, "A1:H1", LIST_TITLE, font=layout.TITLE_FONT)
    sheet.row_dimensions[1].height = 28
    counts = Counter(METHOD_LABELS.get(e.method, e.method) for e in entries)
    summary = "　".join(f"{label} {counts[label]}通" for label in METHOD_LABELS.values() if counts[label])
    layout.merged_text(sheet, "A2:H2", f"差出人　{sender}")
    layout.merged_text(
        sheet, "A3:H3", f"差出日　{wareki.format_wareki(sent_on)}　合計 {len(entries)}通（{summary}）"
    )
    widths = [width for _, width in _COLUMNS]
    layout.write_header(sheet, HEADER_ROW, [title for title, _ in _COLUMNS])
    row = HEADER_ROW
    for entry in entries:
        row += 1
        values: list[object] = [
            entry.number,
            "\n".join(entry.name_lines),
            entry.postal_code,
            entry.address,
            METHOD_LABELS.get(entry.method, entry.method),
            entry.tracking_no,
            entry.management_no,
            entry.document_number,
        ]
        layout.write_body_row(sheet, row, values, {}, widths)
    layout.set_widths(sheet, widths)
    layout.print_setup(sheet, header_row=HEADER_ROW, last_column=len(_COLUMNS), last_row=row)
    return workbook_bytes(workbook, title=LIST_TITLE, kind="mail-list")

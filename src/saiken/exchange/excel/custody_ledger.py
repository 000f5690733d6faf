"""The custody ledger (管理簿) as an Excel workbook: every field of every entry, and the open media.

Sheet 「管理簿」: one row per entry with all the fields the PDF abbreviates (the full package id, the
signer's fingerprint, the counterpart's audit checkpoint, the entry's hash). Sheet 「未返却の媒体」: the
media not yet returned, destroyed or erased, with their age in days. Dates are real Excel dates in 和暦.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from saiken.domain import wareki
from saiken.exchange.custody_rows import LedgerHeader, LedgerLine, OpenMedium
from saiken.exchange.excel import xlsx_layout as layout
from saiken.exchange.excel.xlsx_write import save_workbook

HEADERS = [
    "通番",
    "日時",
    "区分",
    "媒体番号",
    "媒体の種類",
    "内容",
    "件数",
    "ファイル数",
    "媒体数",
    "パッケージ番号",
    "取扱者",
    "相手方（組織）",
    "相手方（担当者）",
    "指紋",
    "相手方のチェックポイント",
    "備考",
    "同じ機会",
    "記載のハッシュ",
]
WIDTHS = [
    6.0,
    19.0,
    11.0,
    14.0,
    8.0,
    30.0,
    8.0,
    8.0,
    7.0,
    34.0,
    16.0,
    20.0,
    14.0,
    22.0,
    30.0,
    20.0,
    8.0,
    30.0,
]
MEDIA_HEADERS = ["媒体番号", "種類", "送付・受領", "状態", "相手方", "パッケージ番号", "開始日", "経過日数"]
MEDIA_WIDTHS = [16.0, 8.0, 10.0, 16.0, 22.0, 34.0, 16.0, 9.0]
HEADER_ROW = 5


def build_custody_ledger(
    header: LedgerHeader, lines: Sequence[LedgerLine], open_media: Sequence[OpenMedium]
) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "管理簿"
    last = get_column_letter(len(HEADERS))
    layout.merged_text(
        sheet, f"A1:{last}1", "個人情報受渡し確認記録票（管理簿）", font=layout.TITLE_FONT, align="center"
    )
    sheet.row_dimensions[1].height = 28
    layout.merged_text(sheet, "A2:I2", f"組織：{header.org_name}（{header.org_role}）")
    printed = f"出力：{wareki.format_wareki(layout.excel_datetime(header.printed_at).date())}（{header.printed_by}）"
    layout.merged_text(sheet, f"J2:{last}2", printed, align="right")
    verified = (
        "連鎖と署名を確認済み"
        if header.verified
        else "確認できない記載があります: " + " ".join(header.problems)
    )
    layout.merged_text(sheet, "A3:I3", f"検証：{verified}（{header.count}件）")
    layout.merged_text(sheet, f"J3:{last}3", f"管理簿の控え：{header.checkpoint}", align="right")
    layout.write_header(sheet, HEADER_ROW, HEADERS)
    formats = {2: layout.WAREKI_DATETIME, 7: layout.NUMBER, 8: layout.NUMBER, 9: layout.NUMBER}
    row = HEADER_ROW
    for line in lines:
        row += 1
        values: list[object] = [
            line.seq,
            layout.excel_datetime(line.at),
            line.event,
            line.medium_id,
            line.medium_kind,
            line.content,
            line.records,
            line.files,
            line.media,
            line.package_id,
            line.handler,
            line.counterpart_org,
            line.counterpart_person,
            line.fingerprint,
            line.counterpart_checkpoint,
            line.note,
            "※" if line.same_occasion else "",
            line.hash,
        ]
        layout.write_body_row(sheet, row, values, formats, WIDTHS)
    layout.set_widths(sheet, WIDTHS)
    layout.print_setup(sheet, header_row=HEADER_ROW, last_column=len(HEADERS), last_row=row)

    media = workbook.create_sheet("未返却の媒体")
    layout.write_header(media, 1, MEDIA_HEADERS)
    row = 1
    for item in open_media:
        row += 1
        values = [
            item.medium_id,
            item.kind,
            item.direction,
            item.status,
            item.counterpart,
            item.package_id,
            layout.excel_datetime(item.opened_at),
            item.age_days,
        ]
        layout.write_body_row(media, row, values, {7: layout.WAREKI_DATE, 8: layout.NUMBER}, MEDIA_WIDTHS)
    layout.set_widths(media, MEDIA_WIDTHS)
    layout.print_setup(media, header_row=1, last_column=len(MEDIA_HEADERS), last_row=row)
    return workbook


def write_custody_ledger(
    path: Path | str, header: LedgerHeader, lines: Sequence[LedgerLine], open_media: Sequence[OpenMedium]
) -> None:
    """Write the ledger workbook to `path`, atomically."""
    save_workbook(
        build_custody_ledger(header, lines, open_media), path, title="管理簿", kind="custody-ledger"
    )

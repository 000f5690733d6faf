"""アクセス状況報告書: the supervisor's access report from the audit log as an A4 document (seed 001's
checklist: access logs are kept and analysed regularly). Per-user counts, sign-ins outside office hours,
bulk views, exports and failed sign-ins. It names staff accounts and times, never a debtor or a business."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from saiken.domain.clock import JST
from saiken.domain.wareki import format_wareki
from saiken.exchange.pdf.blocks import label_table, seal_box
from saiken.exchange.pdf.document import INK, SHADE, TEXT_WIDTH, para, render
from saiken.exchange.pdf.fonts import GOTHIC, MINCHO

TITLE = "アクセス状況報告書"


@dataclass(frozen=True)
class AccessSheet:
    organisation: str
    period: str
    office_hours: str
    bulk_rule: str
    entries: int
    issued_on: dt.date
    users: Sequence[
        tuple[str, int, int, int, int, int, int, int]
    ]  # actor, total, sign-ins, failed, views, edits, exports, out of hours
    out_of_hours: Sequence[tuple[dt.datetime, str, str]]  # at, actor, detail
    bulk_views: Sequence[tuple[str, dt.datetime, dt.datetime, int]]
    exports: Sequence[tuple[dt.datetime, str, str, str]]  # at, actor, action, detail
    failed: Sequence[tuple[dt.datetime, str, str]]


def _when(at: dt.datetime) -> str:
    local = at.astimezone(JST)
    return f"{format_wareki(local.date(), 'short')} {local:%H:%M}"


def _grid(header: list[object], rows: list[list[object]], widths: list[float], right_from: int) -> Table:
    data: list[list[object]] = (
        [header, *rows] if rows else [header, ["（該当なし）", *[""] * (len(header) - 1)]]
    )
    table = Table(data, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO, 8.5),
                ("FONT", (0, 0), (-1, 0), GOTHIC, 8),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("GRID", (0, 0), (-1, -1), 0.5, INK),
                ("ALIGN", (right_from, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def render_access_report(sheet: AccessSheet) -> bytes:
    story: list[Flowable] = [para(TITLE, "title")]
    story.append(
        label_table(
            [
                ("対象期間", sheet.period),
                ("勤務時間の扱い", sheet.office_hours),
                ("大量閲覧の基準", sheet.bulk_rule),
                ("監査記録の件数", f"{sheet.entries:,}件"),
                ("作成", f"{sheet.organisation or '—'}　{format_wareki(sheet.issued_on)}"),
            ]
        )
    )
    unit = TEXT_WIDTH / 12
    story += [Spacer(1, 3 * mm), para("利用者ごとの操作件数", "heading")]
    story.append(
        _grid(
            ["利用者", "合計", "サインイン", "失敗", "閲覧", "記録・変更", "書出し", "時間外"],
            [[u[0], *(f"{n:,}" for n in u[1:])] for u in sheet.users],
            [unit * 3.6] + [unit * 1.2] * 7,
            1,
        )
    )
    story += [Spacer(1, 3 * mm), para("勤務時間外のサインイン", "heading")]
    story.append(
        _grid(
            ["日時", "利用者", "曜日・時刻"],
            [[_when(a), b, c] for a, b, c in sheet.out_of_hours],
            [unit * 4, unit * 4, unit * 4],
            3,
        )
    )
    story += [Spacer(1, 3 * mm), para("短時間の大量閲覧", "heading")]
    story.append(
        _grid(
            ["利用者", "開始", "終了", "閲覧件数"],
            [[a, _when(b), _when(c), f"{n:,}"] for a, b, c, n in sheet.bulk_views],
            [unit * 3, unit * 3.5, unit * 3.5, unit * 2],
            3,
        )
    )
    story += [Spacer(1, 3 * mm), para("書出し・ファイルの保存", "heading")]
    story.append(
        _grid(
            ["日時", "利用者", "操作", "件数"],
            [[_when(a), b, c, d] for a, b, c, d in sheet.exports],
            [unit * 3, unit * 3, unit * 4, unit * 2],
            3,
        )
    )
    story += [Spacer(1, 3 * mm), para("サインインの失敗", "heading")]
    story.append(
        _grid(
            ["日時", "利用者", "時間外"],
            [[_when(a), b, c] for a, b, c in sheet.failed],
            [unit * 4, unit * 4, unit * 4],
            3,
        )
    )
    story += [
        Spacer(1, 5 * mm),
        seal_box("取扱責任者 確認欄", [("確認日", "令和　　年　　月　　日"), "所見"]),
    ]
    return render(
        story,
        title=f"{TITLE}（{sheet.period}）",
        footer_text=f"債権デスク　{TITLE}",
        subject="監査記録の分析",
    )

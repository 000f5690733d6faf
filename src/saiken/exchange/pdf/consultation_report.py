"""相談実績報告書: the month's and the fiscal year's consultation counts as an A4 report with charts.

Counts by category, form, industry and consultant (this month and the fiscal year to date), bar charts of
the categories and forms, a line chart of the months of the fiscal year, and the seminars with their
attendance. Counts only: no business or person appears on it (consultants are staff).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from saiken.domain.wareki import format_wareki
from saiken.exchange.pdf.blocks import label_table
from saiken.exchange.pdf.charts import bar_chart, line_chart
from saiken.exchange.pdf.document import INK, SHADE, TEXT_WIDTH, para, render, styles
from saiken.exchange.pdf.fonts import GOTHIC, MINCHO

TITLE = "相談実績報告書"
CountRow = tuple[str, int, int]  # label, this month, fiscal year to date


@dataclass(frozen=True)
class SeminarLine:
    title: str
    held_on: dt.date
    status: str
    capacity: int
    confirmed: int
    attended: int
    waiting: int
    cancelled: int
    rate: str


@dataclass(frozen=True)
class ReportSheet:
    organisation: str
    month_label: str  # 令和7年9月
    fiscal_label: str  # 令和7年度
    period: str  # 令和7年4月1日～令和7年9月30日
    issued_on: dt.date
    totals: Sequence[CountRow]  # 相談件数, 相談事業者数, 融資あっせん
    by_category: Sequence[CountRow]
    by_form: Sequence[CountRow]
    by_industry: Sequence[CountRow]
    by_consultant: Sequence[CountRow]
    month_names: Sequence[str]
    series: Sequence[tuple[str, Sequence[int | None]]]
    seminars: Sequence[SeminarLine]


def _table(title: str, rows: Sequence[CountRow], width: float) -> Table:
    data: list[list[object]] = [[title, "当月", "年度累計"]]
    data += [[label, f"{month:,}", f"{year:,}"] for label, month, year in rows]
    if not rows:
        data.append(["（なし）", "", ""])
    table = Table(data, colWidths=[width - 40 * mm, 20 * mm, 20 * mm], hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO, 9),
                ("FONT", (0, 0), (-1, 0), GOTHIC, 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("GRID", (0, 0), (-1, -1), 0.5, INK),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("ALIGN", (1, 0), (-1, 0), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 1 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
            ]
        )
    )
    return table


def _side_by_side(left: Table, right: Table) -> Table:
    holder = Table([[left, right]], colWidths=[TEXT_WIDTH / 2, TEXT_WIDTH / 2], hAlign="LEFT")
    holder.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return holder


def _seminars(lines: Sequence[SeminarLine]) -> Table:
    header: list[object] = ["開催日", "セミナー", "定員", "参加確定", "出席", "出席率", "待ち", "取消"]
    data: list[list[object]] = [header]
    small = styles()["small"]
    for line in lines:
        title = line.title + ("（中止）" if line.status == "中止" else "")
        data.append(
            [
                format_wareki(line.held_on, "short"),
                para(title, small),
                f"{line.capacity}",
                f"{line.confirmed}",
                f"{line.attended}",
                line.rate,
                f"{line.waiting}",
                f"{line.cancelled}",
            ]
        )
    widths = [20 * mm, TEXT_WIDTH - 20 * mm - 6 * 14 * mm, *([14 * mm] * 6)]
    table = Table(data, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO, 9),
                ("FONT", (0, 0), (-1, 0), GOTHIC, 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("GRID", (0, 0), (-1, -1), 0.5, INK),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def render_consultation_report(sheet: ReportSheet) -> bytes:
    half = TEXT_WIDTH / 2 - 3 * mm
    story: list[Flowable] = [para(f"{TITLE}（{sheet.month_label}）", "title")]
    story.append(
        label_table(
            [
                ("対象月", sheet.month_label),
                ("年度累計の期間", f"{sheet.fiscal_label}　{sheet.period}"),
                ("作成", f"{sheet.organisation or '—'}　{format_wareki(sheet.issued_on)}"),
            ]
        )
    )
    story += [Spacer(1, 3 * mm), _table("総数", sheet.totals, TEXT_WIDTH)]
    story += [
        Spacer(1, 3 * mm),
        bar_chart(
            "相談分類別の件数",
            [label for label, _, _ in sheet.by_category],
            [
                ("当月", [m for _, m, _ in sheet.by_category]),
                ("年度累計", [y for _, _, y in sheet.by_category]),
            ],
        ),
        para("※ 複数の分類にまたがる相談は、それぞれの分類に数えています。", "note"),
        Spacer(1, 2 * mm),
        line_chart(f"月別の相談件数（{sheet.fiscal_label}）", sheet.month_names, sheet.series),
        PageBreak(),
        bar_chart(
            "相談形態別の件数",
            [label for label, _, _ in sheet.by_form],
            [("当月", [m for _, m, _ in sheet.by_form]), ("年度累計", [y for _, _, y in sheet.by_form])],
            height=55 * mm,
        ),
        Spacer(1, 3 * mm),
        _side_by_side(_table("相談分類", sheet.by_category, half), _table("相談形態", sheet.by_form, half)),
        Spacer(1, 3 * mm),
        _side_by_side(_table("業種", sheet.by_industry, half), _table("相談員", sheet.by_consultant, half)),
    ]
    story.append(Spacer(1, 4 * mm))
    block: list[Flowable] = [para("セミナーの開催状況（年度累計）", "heading")]
    block.append(
        _seminars(sheet.seminars) if sheet.seminars else para("この期間に開催したセミナーはありません。")
    )
    story.append(KeepTogether(block))
    story += [Spacer(1, 6 * mm), para("以上", "body_right")]
    return render(
        story,
        title=f"{TITLE}（{sheet.month_label}）",
        footer_text=f"債権デスク　{TITLE}",
        subject="経営サポート事業の相談実績",
    )

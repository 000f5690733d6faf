"""謝金・旅費 支払明細書: an advisor's monthly fee statement as an A4 document (issue 10 item 2).

The advisor (宛名, 様), the month in 和暦, the issuing organisation, the totals (謝金, 交通費, 日当, 宿泊費,
合計), one line per day (the day's rounding and cap apply to the day), one line per dispatch (派遣先, times,
face-to-face minutes), and the fee standard the figures come from. Rendered in memory (`render_fee_statement`
returns the PDF bytes); the business names on it are personal data, so the caller offers a password when
saving it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from saiken.domain.money import format_yen
from saiken.domain.wareki import format_wareki
from saiken.exchange.pdf.blocks import ConfidentialMark, label_table
from saiken.exchange.pdf.document import INK, SHADE, TEXT_WIDTH, honorific, para, render, styles
from saiken.exchange.pdf.fonts import GOTHIC, MINCHO

TITLE = "専門家派遣 謝金・旅費 支払明細書"


@dataclass(frozen=True)
class StatementDay:
    day: dt.date
    dispatches: int
    minutes: int
    honorarium: int
    capped: bool
    car_km: int
    travel: int
    day_allowance: int
    lodging: int
    nights: int
    total: int


@dataclass(frozen=True)
class StatementDispatch:
    day: dt.date
    business: str
    start: dt.time
    end: dt.time
    minutes: int


@dataclass(frozen=True)
class FeeStatementSheet:
    organisation: str
    advisor: str
    qualification: str
    base: str
    year: int
    month: int
    issued_on: dt.date
    days: Sequence[StatementDay]
    dispatches: Sequence[StatementDispatch]
    honorarium: int
    travel: int
    day_allowance: int
    lodging: int
    total: int
    standards: Sequence[str]
    rules: Sequence[str]  # the standard's figures in words


def month_label(year: int, month: int) -> str:
    """`令和7年9月分`."""
    text = format_wareki(dt.date(year, month, 1))
    return text[: text.index("月") + 1] + "分"


def hours_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours}時間{rest:02d}分" if hours else f"{rest}分"


def _day_short(day: dt.date) -> str:
    return f"{day.month}月{day.day}日（{'月火水木金土日'[day.weekday()]}）"


def _grid(data: list[list[object]], widths: list[float], *, right_from: int, total_row: bool) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands = [
        ("FONT", (0, 0), (-1, -1), MINCHO, 9),
        ("FONT", (0, 0), (-1, 0), GOTHIC, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("GRID", (0, 0), (-1, -1), 0.5, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (right_from, 1), (-1, -1), "RIGHT"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.4 * mm),
    ]
    if total_row:
        commands += [("FONT", (0, -1), (-1, -1), GOTHIC, 9), ("BACKGROUND", (0, -1), (-1, -1), SHADE)]
    table.setStyle(TableStyle(commands))
    return table


def _summary(sheet: FeeStatementSheet) -> Table:
    labels = ["謝金", "交通費", "日当", "宿泊費", "支払額合計"]
    values = [sheet.honorarium, sheet.travel, sheet.day_allowance, sheet.lodging, sheet.total]
    width = TEXT_WIDTH / 5
    table = Table([labels, [format_yen(v) for v in values]], colWidths=[width] * 5, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), GOTHIC, 9),
                ("FONT", (0, 1), (-1, 1), GOTHIC, 12),
                ("FONT", (-1, 1), (-1, 1), GOTHIC, 14),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("BOX", (0, 0), (-1, -1), 1.2, INK),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, INK),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("ALIGN", (0, 1), (-1, 1), "RIGHT"),
                ("TOPPADDING", (0, 1), (-1, 1), 2.5 * mm),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 3 * mm),
            ]
        )
    )
    return table


def _days(sheet: FeeStatementSheet) -> Table:
    header: list[object] = [
        "派遣日",
        "件数",
        "面談時間",
        "謝金",
        "交通費",
        "うち私有車",
        "日当",
        "宿泊費",
        "計",
    ]
    data: list[list[object]] = [list(header)]
    for d in sheet.days:
        data.append(
            [
                _day_short(d.day),
                f"{d.dispatches}",
                hours_text(d.minutes),
                format_yen(d.honorarium) + ("※" if d.capped else ""),
                format_yen(d.travel),
                f"{d.car_km}km" if d.car_km else "",
                format_yen(d.day_allowance) if d.day_allowance else "",
                f"{format_yen(d.lodging)}・{d.nights}泊" if d.nights else "",
                format_yen(d.total),
            ]
        )
    data.append(
        [
            "合計",
            f"{sum(d.dispatches for d in sheet.days)}",
            hours_text(sum(d.minutes for d in sheet.days)),
            format_yen(sheet.honorarium),
            format_yen(sheet.travel),
            "",
            format_yen(sheet.day_allowance),
            format_yen(sheet.lodging),
            format_yen(sheet.total),
        ]
    )
    widths = [25, 10, 20, 22, 19, 16, 15, 26, 22]
    scale = TEXT_WIDTH / sum(widths)
    return _grid(data, [w * scale for w in widths], right_from=1, total_row=True)


def _dispatches(sheet: FeeStatementSheet) -> Table:
    data: list[list[object]] = [["派遣日", "派遣先", "支援時間", "面談時間"]]
    body = styles()["small"]
    for line in sheet.dispatches:
        data.append(
            [
                _day_short(line.day),
                para(line.business, body),
                f"{line.start:%H:%M}〜{line.end:%H:%M}",
                hours_text(line.minutes),
            ]
        )
    widths = [30 * mm, TEXT_WIDTH - 30 * mm - 32 * mm - 24 * mm, 32 * mm, 24 * mm]
    return _grid(data, widths, right_from=3, total_row=False)


def render_fee_statement(sheet: FeeStatementSheet) -> bytes:
    """The statement as PDF bytes (nothing is written to disk)."""
    story: list[Flowable] = [ConfidentialMark("取扱注意（個人情報）", size=9), para(TITLE, "title")]
    story.append(para(f"{honorific(sheet.advisor, False)}", "heading"))
    story.append(
        label_table(
            [
                ("対象月", month_label(sheet.year, sheet.month)),
                ("発行日", format_wareki(sheet.issued_on)),
                ("発行者", sheet.organisation or "—"),
                (
                    "資格・活動拠点",
                    "　".join(part for part in (sheet.qualification, sheet.base) if part) or "—",
                ),
            ]
        )
    )
    story += [Spacer(1, 2 * mm), para("お支払いする額", "heading"), _summary(sheet)]
    if sheet.days:
        story += [Spacer(1, 3 * mm), para("日ごとの内訳", "heading"), _days(sheet)]
        story += [Spacer(1, 3 * mm), para("派遣の明細", "heading"), _dispatches(sheet)]
    else:
        story += [Spacer(1, 3 * mm), para("この月に実施した派遣はありません。")]
    story += [Spacer(1, 2 * mm), para("計算の基準", "heading")]
    story += [para(f"・{rule}", "item") for rule in sheet.rules]
    story.append(para(f"・適用した基準: {'、'.join(sheet.standards)}", "item"))
    if any(d.capped for d in sheet.days):
        story.append(para("※ 日額上限を適用した日です。", "item"))
    story += [Spacer(1, 2 * mm), para("以上", "body_right")]
    return render(
        story,
        title=f"{TITLE}（{month_label(sheet.year, sheet.month)}）",
        footer_text=f"債権デスク　{TITLE}",
        subject="専門家派遣の謝金・旅費",
    )

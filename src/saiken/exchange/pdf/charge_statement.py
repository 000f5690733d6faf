"""計算書 (charge statement): the 加算金・延滞金 of one claim as of a day, every segment and the one truncation.

A4 portrait, 和暦 dates. The statement shows the domain's `ChargeResult` as it is (nothing is recomputed
here): who and which claim, the rule in words (`domain.charge_rule_text`), one row per segment (period,
days, unpaid balance, base, annual rate, days in the year, the exact amount), the exact sum of each charge
and the single truncation at the end, how the payments were applied and what remains.

Amounts in a column have the same number of decimals (four, cut for display — the statement says so) and
are right-aligned, so they line up on the decimal point. Made in memory (`render` returns bytes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from saiken.domain.charge_rule_text import rule_sentences, unit_text
from saiken.domain.charges import ChargeResult, Segment
from saiken.domain.money import format_fixed, format_yen, is_cut
from saiken.domain.rule_profiles import RuleProfile, format_percent
from saiken.domain.wareki import format_wareki
from saiken.exchange.pdf.document import INK, SHADE, TEXT_WIDTH, honorific, para, render
from saiken.exchange.pdf.fonts import GOTHIC, MINCHO

PLACES = 4
TITLE = "計算書（加算金・延滞金）"


@dataclass(frozen=True)
class StatementFacts:
    debtor_name: str
    is_organisation: bool
    management_no: str
    programme: str
    fiscal_year: str  # 令和6年度 (already written out), or ""
    principal: int
    received: Sequence[tuple[dt.date, int]]  # the receipt tranches
    order_date: dt.date | None
    due_date: dt.date | None
    organisation: str  # who issues the statement
    created_on: dt.date
    result: ChargeResult
    profile: RuleProfile
    note: str = ""  # why something was left out of the computation (e.g. no received date)


def fixed(amount: Any) -> str:
    """An exact amount with four decimals (cut), for a column that lines up on the decimal point."""
    return f"{format_fixed(amount, PLACES)}円"


def segment_kind(segment: Segment) -> str:
    if segment.kind == "additional":
        return "加算金"
    return f"延滞金（第{segment.tier}段階）" if segment.tier else "延滞金"


def segment_cells(segment: Segment) -> list[str]:
    return [
        segment_kind(segment),
        format_wareki(segment.start),
        format_wareki(segment.end),
        f"{segment.days:,}日",
        format_yen(segment.balance),
        format_yen(segment.base),
        format_percent(segment.annual_rate),
        f"{segment.days_in_year}日",
        fixed(segment.amount),
    ]


HEADERS = ["種別", "自", "至", "日数", "未納の返還金", "基礎額", "年率", "年日数", "金額（端数まで）"]
WIDTHS = [22 * mm, 21 * mm, 21 * mm, 11 * mm, 22 * mm, 22 * mm, 13 * mm, 11 * mm, 22 * mm]
RIGHT_COLUMNS = range(3, 9)


def _segments_table(result: ChargeResult) -> Table:
    data: list[list[Any]] = [HEADERS]
    data += [segment_cells(segment) for segment in result.segments]
    for kind, label, exact in (
        ("additional", "加算金の合計（端数まで）", result.additional_charge_exact),
        ("late", "延滞金の合計（端数まで）", result.late_charge_exact),
    ):
        if any(s.kind == kind for s in result.segments):
            data.append([label, "", "", "", "", "", "", "", fixed(exact)])
    scale = TEXT_WIDTH / sum(WIDTHS)
    table = Table(data, colWidths=[w * scale for w in WIDTHS], repeatRows=1, hAlign="LEFT")
    last = len(data) - 1
    totals_from = 1 + len(result.segments)
    style = [
        ("FONT", (0, 0), (-1, 0), GOTHIC, 7.5),
        ("FONT", (0, 1), (-1, -1), MINCHO, 7.5),
        ("LEADING", (0, 0), (-1, -1), 10),
        ("GRID", (0, 0), (-1, -1), 0.4, INK),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for row in range(totals_from, last + 1):
        style += [("SPAN", (0, row), (7, row)), ("FONT", (0, row), (-1, row), GOTHIC, 7.5)]
        style += [("ALIGN", (0, row), (7, row), "RIGHT")]
    table.setStyle(TableStyle(style))
    return table


def _amounts_table(rows: list[tuple[str, str]], *, bold_last: bool = False) -> Table:
    table = Table(rows, colWidths=[TEXT_WIDTH - 52 * mm, 52 * mm], hAlign="LEFT")
    style = [
        ("FONT", (0, 0), (0, -1), GOTHIC, 9),
        ("FONT", (1, 0), (1, -1), MINCHO, 9.5),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, INK),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if bold_last:
        style += [("FONT", (0, -1), (-1, -1), GOTHIC, 10.5), ("LINEABOVE", (0, -1), (-1, -1), 0.9, INK)]
    table.setStyle(TableStyle(style))
    return table


def _claim_rows(facts: StatementFacts) -> list[tuple[str, str]]:
    result = facts.result
    received = "、".join(f"{format_wareki(day)}（{format_yen(amount)}）" for day, amount in facts.received)
    rows = [
        ("管理番号", facts.management_no),
        ("債務者", honorific(facts.debtor_name, facts.is_organisation)),
        ("債権", "　".join(part for part in (facts.programme, facts.fiscal_year) if part) or "—"),
        ("返還金の額", format_yen(facts.principal)),
        ("計算の規則", facts.profile.label),
        ("受領日", received or "—"),
        ("返還命令日", format_wareki(facts.order_date) if facts.order_date else "—"),
        ("納期限", format_wareki(result.due)),
        ("基準日", format_wareki(result.as_of)),
    ]
    return rows


def _claim_table(rows: list[tuple[str, str]]) -> Table:
    """The claim's facts two to a line (label, value, label, value), compact, so the statement fits a page."""
    label_w, value_w = 26 * mm, TEXT_WIDTH / 2 - 26 * mm
    cells = [
        para(text, "label") if i % 2 == 0 else para(text, "small")
        for pair in rows
        for i, text in enumerate(pair)
    ]
    data = [cells[i : i + 4] + [""] * (4 - len(cells[i : i + 4])) for i in range(0, len(cells), 4)]
    table = Table(data, colWidths=[label_w, value_w, label_w, value_w], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, INK),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("BACKGROUND", (2, 0), (2, -1), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
            ]
        )
    )
    return table


def _truncation(label: str, exact: Any, charged: int, unit: int) -> tuple[str, str]:
    return (f"{label}（端数まで {fixed(exact)}、{unit_text(unit)}切捨て）", format_yen(charged))


def story(facts: StatementFacts) -> list[Flowable]:
    result = facts.result
    parts: list[Flowable] = [
        para(f"{format_wareki(facts.created_on)}", "body_right"),
        para(facts.organisation, "body_right") if facts.organisation else Spacer(1, 0),
        para(TITLE, "title"),
        _claim_table(_claim_rows(facts)),
        para("計算の方法", "heading"),
    ]
    parts += [para(line, "small") for line in rule_sentences(facts.profile)]
    if facts.note:
        parts.append(para(facts.note, "note"))
    parts += [para("計算の内訳", "heading")]
    if result.segments:
        parts.append(_segments_table(result))
        if any(is_cut(s.amount, PLACES) for s in result.segments):
            parts.append(
                para(
                    f"金額（端数まで）は小数第{PLACES}位まで表示し、それより下の位は表示のために切り捨てています。"
                    "合計は切り捨てる前の正確な値で計算しています。",
                    "note",
                )
            )
    else:
        parts.append(para("この基準日までに生じた加算金・延滞金はありません。", "small"))
    unit = facts.profile.result_unit
    parts += [
        para("加算金・延滞金（最後に一度だけ切り捨てた額）", "heading"),
        _amounts_table(
            [
                _truncation("加算金", result.additional_charge_exact, result.additional_charge, unit),
                _truncation("延滞金", result.late_charge_exact, result.late_charge, unit),
            ]
        ),
        para("納付と残額", "heading"),
    ]
    rows = [
        ("納付済みの額（合計）", format_yen(result.total_paid)),
        ("　うち返還金に充てた額", format_yen(result.principal_paid)),
        ("　うち加算金に充てた額", format_yen(result.additional_charge_paid)),
        ("　うち延滞金に充てた額", format_yen(result.late_charge_paid)),
        ("返還金の残額", format_yen(result.principal_remaining)),
        ("加算金の残額", format_yen(result.additional_charge_remaining)),
        ("延滞金の残額", format_yen(result.late_charge_remaining)),
    ]
    if result.overpaid:
        rows.append(("過払い額", format_yen(result.overpaid)))
    rows.append((f"合計の残額（{format_wareki(result.as_of)}現在）", format_yen(result.total_remaining)))
    parts.append(_amounts_table(rows, bold_last=True))
    if result.payments_after_as_of:
        parts.append(para("基準日より後の納付は、この計算書には含めていません。", "note"))
    if result.principal_remaining:
        parts.append(
            para(
                "返還金の残額があるため、延滞金は基準日の翌日以降も納付の日まで日々増えます。",
                "note",
            )
        )
    parts.append(Spacer(1, 4 * mm))
    parts.append(para("以上", "body_right"))
    return parts


def render_charge_statement(facts: StatementFacts) -> bytes:
    """The statement as PDF bytes (in memory)."""
    return render(
        story(facts),
        title=TITLE,
        subject="計算書",
        footer_text=f"計算書　管理番号 {facts.management_no}　基準日 {format_wareki(facts.result.as_of)}",
    )

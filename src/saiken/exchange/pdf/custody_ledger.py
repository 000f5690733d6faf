"""The custody ledger printed as 「個人情報受渡し確認記録票（管理簿）」 on A4 (seed 000's checklist: date and
time, handler, content and quantity of every handover, so its history can be traced).

One ruled table, one row per entry: 通番, 日時 (和暦), 区分, 媒体 (番号・種類), 内容・数量 (and the
package id), 取扱者, 相手方 (組織・担当者), and an empty 確認印 cell for the responsible person's seal.
Entries where the medium and its password notice were recorded on the same occasion are marked ※.
Below the table: the media still out (with their age), whether the ledger's chain and signatures
verified when it was printed, and its checkpoint, which is also in every page's footer.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Spacer, TableStyle

from saiken.domain.clock import JST
from saiken.exchange.custody_rows import LedgerHeader, LedgerLine, OpenMedium, quantity, short_id
from saiken.exchange.pdf.blocks import label_table
from saiken.exchange.pdf.document import INK, SHADE, TEXT_WIDTH, para, render, styles, wareki
from saiken.exchange.pdf.fonts import MINCHO

TITLE = "個人情報受渡し確認記録票（管理簿）"
COLUMNS = (
    ("No.", 8),
    ("日時", 23),
    ("区分", 13),
    ("媒体", 20),
    ("内容・数量", 40),
    ("取扱者", 17),
    ("相手方", 22),
    ("確認印", 12),
)
WARN = colors.Color(0.75, 0.1, 0.1)


def _cell_style() -> object:
    return styles()["small"].clone("ledger_cell", fontSize=7.5, leading=10)


def _when(line: LedgerLine) -> str:
    local = line.at.astimezone(JST)
    return f"{wareki(local)}\n{local:%H:%M}"


def _row(line: LedgerLine) -> list[Flowable | str]:
    style = _cell_style()
    event = f"※{line.event}" if line.same_occasion else line.event
    content = [line.content, quantity(line)]
    if line.package_id:
        content.append(f"パッケージ {short_id(line.package_id)}")
    if line.note:
        content.append(line.note)
    return [
        para(str(line.seq), style),
        para(_when(line), style),
        para(event, style),
        para(f"{line.medium_id}\n{line.medium_kind}" if line.medium_id else "―", style),
        para("\n".join(part for part in content if part), style),
        para(line.handler, style),
        para("\n".join(p for p in (line.counterpart_org, line.counterpart_person) if p) or "―", style),
        "",
    ]


def _ledger_table(lines: Sequence[LedgerLine]) -> LongTable:
    header_style = styles()["label"].clone("ledger_head", fontSize=8, leading=10)
    data: list[list[Flowable | str]] = [[para(name, header_style) for name, _ in COLUMNS]]
    data += [_row(line) for line in lines]
    if not lines:
        data.append([para("（記載はまだありません）", _cell_style()), "", "", "", "", "", "", ""])
    widths = [w * mm for _, w in COLUMNS]
    scale = TEXT_WIDTH / sum(widths)
    table = LongTable(data, colWidths=[w * scale for w in widths], repeatRows=1, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), MINCHO, 7.5),
        ("GRID", (0, 0), (-1, -1), 0.5, INK),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.2 * mm),
    ]
    if not lines:
        commands.append(("SPAN", (0, 1), (-1, 1)))
    for index, line in enumerate(lines, start=1):
        if line.same_occasion:
            commands.append(("TEXTCOLOR", (2, index), (2, index), WARN))
    table.setStyle(TableStyle(commands))
    return table


def _open_media_table(media: Sequence[OpenMedium]) -> Flowable:
    style = _cell_style()
    if not media:
        return para("返却・廃棄・消去が済んでいない媒体はありません。", "small")
    head = styles()["label"].clone("media_head", fontSize=8, leading=10)
    names = ("媒体番号", "種類", "送付・受領", "状態", "相手方", "パッケージ", "経過日数")
    data: list[list[Flowable | str]] = [[para(n, head) for n in names]]
    for m in media:
        data.append(
            [
                para(m.medium_id, style),
                para(m.kind, style),
                para(f"{m.direction}\n{wareki(m.opened_at)}", style),
                para(m.status, style),
                para(m.counterpart, style),
                para(short_id(m.package_id), style),
                para(f"{m.age_days}日", style),
            ]
        )
    widths = [28, 13, 26, 22, 30, 28, 13]
    scale = TEXT_WIDTH / sum(w * mm for w in widths)
    table = LongTable(data, colWidths=[w * mm * scale for w in widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO, 7.5),
                ("GRID", (0, 0), (-1, -1), 0.5, INK),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (6, 1), (6, -1), "RIGHT"),
            ]
        )
    )
    return table


def render_custody_ledger(
    header: LedgerHeader, lines: Sequence[LedgerLine], open_media: Sequence[OpenMedium]
) -> bytes:
    """The ledger as PDF bytes (A4, IPAex fonts embedded), made in memory."""
    verified = (
        f"連鎖と署名を確認済み（{header.count}件）"
        if header.verified
        else "確認できない記載があります: " + " ".join(header.problems)
    )
    story: list[Flowable] = [
        para(TITLE, "title"),
        label_table(
            [
                ("組織", f"{header.org_name}（{header.org_role}）"),
                (
                    "印刷日時",
                    f"{wareki(header.printed_at)} {header.printed_at.astimezone(JST):%H:%M}（{header.printed_by}）",
                ),
                ("管理簿の検証", verified),
                ("管理簿の控え", f"通番 {header.checkpoint}"),
            ]
        ),
        Spacer(1, 3 * mm),
        _ledger_table(lines),
        Spacer(1, 1.5 * mm),
        para(
            "※ 媒体とパスワード通知書を同じ機会に受け渡した記載です（別の機会に受け渡すきまりです）。"
            "日時は日本時間。パッケージ番号は先頭12桁。全項目（指紋・相手方のチェックポイントを含む）は"
            "管理簿の Excel 出力にあります。",
            "note",
        ),
        para("未返却の媒体", "heading"),
        _open_media_table(open_media),
    ]
    return render(
        story,
        title=TITLE,
        subject="管理簿",
        footer_text=f"債権デスク　管理簿　{header.org_name}",
        checkpoint_hash=header.audit_checkpoint,
    )

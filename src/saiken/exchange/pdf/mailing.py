"""What goes to the post office with a batch of letters: the registered-mail list (書留・特定記録郵便物等
差出票 style) and A4 address labels, 12 per sheet. In memory, like every PDF here.

- The list has, per letter: 番号, 受取人（宛名）, あて先（〒・住所）, 種類 (一般書留, 簡易書留, 特定記録,
  普通), 引受番号 (the tracking number, empty until the post office gives it; entered afterwards and
  printed when known) and 備考 (管理番号・文書番号), then the count of each kind. The sender and the
  date head every page.
- Labels: the common 12-up A4 sheet (2 columns × 6 rows, 86.4 × 42.3 mm labels, 18.6 mm side and 21.6 mm
  top margins, no gaps: A-ONE 72212 and its equivalents). Each label: 〒, the address in at most two
  lines, the name lines with the honorific, and the management number small in the corner.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from saiken.domain.errors import ValidationError
from saiken.exchange.pdf.document import (
    INK,
    MUTED,
    PAGE_HEIGHT,
    SHADE,
    TEXT_WIDTH,
    new_canvas,
    render,
    wareki,
)
from saiken.exchange.pdf.fonts import GOTHIC, MINCHO
from saiken.exchange.pdf.letter_parts import SpacedTitle, address_lines, fit_size, jpara, letter_style

LIST_TITLE = "書留・特定記録郵便物等差出票"
METHOD_LABELS = {"書留": "一般書留", "簡易書留": "簡易書留", "特定記録": "特定記録", "普通": "普通"}

LABEL_COLUMNS, LABEL_ROWS = 2, 6
LABEL_WIDTH, LABEL_HEIGHT = 86.4 * mm, 42.3 * mm
LABEL_LEFT, LABEL_TOP = 18.6 * mm, 21.6 * mm
LABEL_PADDING = 5 * mm


@dataclass(frozen=True)
class MailEntry:
    number: int
    postal_code: str
    address: str
    name_lines: tuple[str, ...]
    method: str  # 普通 / 書留 / 簡易書留 / 特定記録
    management_no: str
    document_number: str
    tracking_no: str = ""


def _entry_rows(entries: Sequence[MailEntry]) -> list[list[object]]:
    small = letter_style("caption")
    rows: list[list[object]] = [["番号", "受取人（宛名）", "あて先", "種類", "引受番号", "備考"]]
    for entry in entries:
        rows.append(
            [
                str(entry.number),
                jpara("\n".join(entry.name_lines), small),
                jpara(
                    f"〒{entry.postal_code}\n{entry.address}" if entry.postal_code else entry.address, small
                ),
                METHOD_LABELS.get(entry.method, entry.method),
                entry.tracking_no,
                jpara(f"{entry.management_no}\n{entry.document_number}", small),
            ]
        )
    return rows


def mail_list_story(entries: Sequence[MailEntry], *, sender: str, sent_on: dt.date) -> list[Flowable]:
    widths = [9 * mm, 42 * mm, 50 * mm, 15 * mm, 27 * mm]
    widths.append(TEXT_WIDTH - sum(widths))
    table = Table(_entry_rows(entries), colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), GOTHIC, 8.5),
                ("FONT", (0, 1), (-1, -1), MINCHO, 8.5),
                ("FONT", (4, 1), (4, -1), MINCHO, 8),
                ("GRID", (0, 0), (-1, -1), 0.5, INK),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (3, 1), (3, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
            ]
        )
    )
    counts = Counter(METHOD_LABELS.get(e.method, e.method) for e in entries)
    summary = "　".join(f"{label} {counts[label]}通" for label in METHOD_LABELS.values() if counts[label])
    head = letter_style("letter_body")
    return [
        SpacedTitle(LIST_TITLE, size=15),
        jpara(f"差出人　{sender}", head),
        jpara(f"差出日　{wareki(sent_on)}　　合計　{len(entries)}通（{summary}）", head),
        Spacer(1, 3 * mm),
        table,
    ]


def render_mail_list(entries: Sequence[MailEntry], *, sender: str, sent_on: dt.date) -> bytes:
    """The registered-mail list of a batch as PDF bytes (module docstring)."""
    if not entries:
        raise ValidationError("差出票に載せる郵便物がありません。")
    return render(
        mail_list_story(entries, sender=sender, sent_on=sent_on),
        title=LIST_TITLE,
        footer_text=f"{LIST_TITLE}　{wareki(sent_on)}",
        subject="債権デスク 差出票",
    )


def _label(canvas: object, entry: MailEntry, left: float, top: float) -> None:
    from reportlab.pdfgen.canvas import Canvas

    assert isinstance(canvas, Canvas)
    width = LABEL_WIDTH - 2 * LABEL_PADDING
    x = left + LABEL_PADDING
    y = top - LABEL_PADDING - 10
    canvas.setFillColor(INK)
    if entry.postal_code:
        canvas.setFont(MINCHO, 10)
        canvas.drawString(x, y, f"〒{entry.postal_code}")
        y -= 10 + 2.2 * mm
    lines, size = address_lines(entry.address, width, 10)
    canvas.setFont(MINCHO, size)
    for line in lines:
        canvas.drawString(x, y, line)
        y -= size * 1.4
    y -= 1.5 * mm
    for index, line in enumerate(entry.name_lines):
        size = fit_size(line, MINCHO, 12 if index == len(entry.name_lines) - 1 else 11, width)
        y -= size * 0.9
        canvas.setFont(MINCHO, size)
        canvas.drawString(x + (0 if index == 0 else 10), y, line)
        y -= size * 0.45
    canvas.setFont(MINCHO, 6.5)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(left + LABEL_WIDTH - 3 * mm, top - LABEL_HEIGHT + 2.5 * mm, entry.management_no)


def render_labels(entries: Sequence[MailEntry]) -> bytes:
    """A4 sheets of 12 address labels (module docstring), in the order given."""
    if not entries:
        raise ValidationError("宛名ラベルに印刷する宛先がありません。")
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, title="宛名ラベル", subject="債権デスク 宛名ラベル")
    per_sheet = LABEL_COLUMNS * LABEL_ROWS
    for start in range(0, len(entries), per_sheet):
        for position, entry in enumerate(entries[start : start + per_sheet]):
            row, column = divmod(position, LABEL_COLUMNS)
            left = LABEL_LEFT + column * LABEL_WIDTH
            top = PAGE_HEIGHT - LABEL_TOP - row * LABEL_HEIGHT
            canvas.saveState()
            _label(canvas, entry, left, top)
            canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()

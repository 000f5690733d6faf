"""PDF rendering: our documents against raw reportlab canvas drawing the same text with the same fonts.

Both sides embed the same IPAex subsets and render to bytes in memory, so the ratio is the price of our
layout (platypus flowables, kinsoku line breaking, tables, the `page / total` footer).
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak

from benchmarks.harness import Report, measure_pair
from saiken.domain.clock import JST
from saiken.domain.fictional import generate_debtors
from saiken.exchange.pdf import recovery_sheet
from saiken.exchange.pdf.document import honorific, para, render, wareki, yen
from saiken.exchange.pdf.fonts import GOTHIC, MINCHO, register_fonts

KEY = "K7PQ2-ABCDE-WXY34-MNPQ9-Q8RST-7HJKV"  # fictional
ORG = "架空区 産業振興課"
VAULT_ID = "9d1c7e42-0b5a-4f8e-a3d6-2c71e0f95b18"
CREATED_AT = dt.datetime(2025, 9, 16, 10, 30, tzinfo=JST)
CREATED_BY = "kanri-bench"
Line = tuple[str, str, float]  # font, text, size


def _sheet() -> bytes:
    return recovery_sheet.render_recovery_sheet(
        org_name=ORG, vault_id=VAULT_ID, recovery_key=KEY, created_at=CREATED_AT, created_by=CREATED_BY
    )


def _raw_canvas(pages: list[list[Line]]) -> bytes:
    """Draw (font, text, size) lines top-down on A4 pages with a bare canvas: no layout, no wrapping."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=MINCHO)
    for lines in pages:
        y = A4[1] - 25 * mm
        for font, text, size in lines:
            canvas.setFont(font, size)
            canvas.drawString(25 * mm, y, text)
            y -= size * 1.6
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _chunks(text: str, width: int = 44) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def _sheet_lines() -> list[Line]:
    lines: list[Line] = [(GOTHIC, "取扱注意", 11), (GOTHIC, recovery_sheet.TITLE, 20)]
    lines += [(GOTHIC, label, 9.5) for label in ("団体名", "金庫ID", "作成日", "作成者（アカウント名）")]
    lines += [
        (MINCHO, ORG, 10.5),
        (MINCHO, VAULT_ID, 10.5),
        (MINCHO, wareki(CREATED_AT), 10.5),
        (MINCHO, CREATED_BY, 10.5),
    ]
    lines += [(GOTHIC, group, 21) for group in KEY.split("-")]
    for text in (*recovery_sheet.INSTRUCTIONS, recovery_sheet.IF_LOST):
        lines += [(MINCHO, chunk, 9) for chunk in _chunks(text)]
    return lines


def _letter_texts(pages: int) -> list[list[str]]:
    texts = []
    for debtor in generate_debtors(pages, seed=11):
        texts.append(
            [
                "督促状（見本）",
                honorific(debtor.name, debtor.kind == "法人"),
                f"〒{debtor.postal_code} {debtor.address}",
                f"元金 {yen(debtor.principal)}　納付済 {yen(debtor.paid)}　残額 {yen(debtor.balance)}",
                f"納期限 {wareki(debtor.due_date)}",
                *(debtor.notes or "記載なし" for _ in range(12)),
            ]
        )
    return texts


def run(report: Report) -> None:
    register_fonts()
    repeat = report.size(30, 4)

    sheet_lines = _sheet_lines()
    ours, base = measure_pair(_sheet, lambda: _raw_canvas([sheet_lines]), repeat=repeat)
    report.ratio(
        "recovery sheet render vs raw canvas",
        ours,
        base,
        unit="s",
        note="same text and IPAex fonts; no goal set",
    )
    ours_size = len(_sheet()) / 1024
    base_size = len(_raw_canvas([sheet_lines])) / 1024
    report.ratio("recovery sheet PDF size vs raw canvas", [ours_size], [base_size], unit="KiB")

    pages = report.size(20, 3)
    letters = _letter_texts(pages)

    def ours_document() -> bytes:
        story: list = []
        for number, texts in enumerate(letters):
            if number:
                story.append(PageBreak())
            story += [para(texts[0], "title"), para(texts[1], "heading"), *(para(t) for t in texts[2:])]
        return render(story, title="見本", footer_text="債権デスク 見本", checkpoint_hash="0" * 64)

    def raw_document() -> bytes:
        return _raw_canvas(
            [
                [(GOTHIC, texts[0], 20), (GOTHIC, texts[1], 12), *((MINCHO, t, 10.5) for t in texts[2:])]
                for texts in letters
            ]
        )

    ours, base = measure_pair(ours_document, raw_document, repeat=report.size(10, 2))
    report.ratio(
        f"{pages}-page business document vs raw canvas",
        ours,
        base,
        unit="s",
        note="fictional debtors; no goal set",
    )

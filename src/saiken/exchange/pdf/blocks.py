"""Reusable pieces of Japanese business forms: a ruled label/value table, a signature-and-seal box,
and a 「取扱注意」 mark. Every piece takes plain text, never markup: labels and values go through
`document.para` (escaped), and the guides of a seal box are plain table strings."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from saiken.exchange.pdf.document import INK, SHADE, TEXT_WIDTH, para, styles
from saiken.exchange.pdf.fonts import GOTHIC, MINCHO

LABEL_WIDTH = 42 * mm
GUIDE = colors.Color(0.45, 0.45, 0.45)


def label_table(
    rows: Sequence[tuple[str, str]], *, width: float = TEXT_WIDTH, label_width: float = LABEL_WIDTH
) -> Table:
    """Two ruled columns: a shaded Gothic label and a Mincho value, one row per pair."""
    data = [[para(label, "label"), para(value, "body")] for label, value in rows]
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO, 10.5),
                ("GRID", (0, 0), (-1, -1), 0.6, INK),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ]
        )
    )
    return table


def seal_box(role: str, fields: Sequence[str | tuple[str, str]], *, width: float = TEXT_WIDTH) -> Table:
    """A box to be filled in by hand: one row per field and, on the right, a seal cell 「印」 spanning
    the rows. A field is a label, or (label, guide) where the guide is printed faintly to write over,
    e.g. ("保管開始日", "令和　　年　　月　　日"). `role` heads the box, e.g. 「取扱責任者 確認欄」."""
    seal = 24 * mm
    label_w = 30 * mm
    rows = max(len(fields), 1)
    data: list[list[object]] = [[para(role, "label"), "", ""]]
    for index, field in enumerate(fields):
        label, guide = (field, "") if isinstance(field, str) else field
        # plain strings, not paragraphs: the ideographic spaces of a guide like 令和　　年 must stay
        data.append([para(label, "label"), guide, "印" if index == 0 else ""])
    row_height = max(seal / rows, 9 * mm)
    table = Table(
        data,
        colWidths=[label_w, width - label_w - seal, seal],
        rowHeights=[8 * mm] + [row_height] * len(fields),
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("BACKGROUND", (0, 1), (0, -1), SHADE),
                ("BOX", (0, 0), (-1, -1), 1.0, INK),
                ("INNERGRID", (0, 0), (-1, -1), 0.6, INK),
                ("SPAN", (2, 1), (2, -1)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONT", (0, 0), (-1, -1), MINCHO, 10.5),  # also for empty cells: never a non-embedded font
                ("TEXTCOLOR", (1, 1), (-1, -1), GUIDE),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("ALIGN", (2, 1), (2, -1), "CENTER"),
                ("RIGHTPADDING", (1, 1), (1, -1), 4 * mm),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ]
        )
    )
    return table


class ConfidentialMark(Flowable):  # type: ignore[misc]  # reportlab has no type information
    """A boxed, right-aligned 「取扱注意」 (or other) mark for the top of a sheet."""

    def __init__(self, text: str = "取扱注意", *, size: float = 11, color: colors.Color = colors.firebrick):
        super().__init__()
        self.text = text
        self.size = size
        self.color = color
        self.hAlign = "RIGHT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        styles()  # the fonts are registered
        self.width = stringWidth(self.text, GOTHIC, self.size) + 5 * mm
        self.height = self.size + 3.5 * mm
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.color)
        canvas.setFillColor(self.color)
        canvas.setLineWidth(1.2)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        canvas.setFont(GOTHIC, self.size)
        canvas.drawCentredString(self.width / 2, 1.9 * mm, self.text)
        canvas.restoreState()

"""The printed parts of a letter: the address block in the envelope window, the 記 items, the charge
breakdown, the instalment schedule and the signature-and-seal box. Plain text in, flowables out.

The window (DESIGN §7: "address block placed for a 長形3号 window envelope"):
- 長形3号 is 120 × 235 mm (JIS S 5502); an A4 sheet folded in three (99 mm panels) fits it, and window
  envelopes are used landscape with the address window at the top left.
- The stock 長3 window is 90 × 45 mm, 23 mm from the left edge and 13 mm from the top edge of the
  envelope (the size and position the common makers' catalogues give for their 長3 窓付 envelopes; Japan
  Post's guideline for window envelopes, 「郵便番号・あて名の記載位置」 / 窓付封筒, asks only that the
  window be at least 45 × 80 mm and that the address stay inside it when the sheet moves).
- So the block is printed inside that window with a 4 mm margin on every side (27–109 mm from the left
  edge of the sheet, 17–54 mm from its top): 〒 and the postal code on the first line, at least 2 mm above
  the address (内国郵便約款 別記: the postal code line), the address in at most two lines, then the
  name lines. `WindowOffset` moves the block for envelopes whose window sits elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from saiken.exchange.pdf.document import INK, MUTED, PAGE_HEIGHT, SHADE, TEXT_WIDTH, styles, wareki, yen
from saiken.exchange.pdf.fonts import GOTHIC, MINCHO

WINDOW_LEFT = 23 * mm
WINDOW_TOP = 13 * mm
WINDOW_WIDTH = 90 * mm
WINDOW_HEIGHT = 45 * mm
WINDOW_MARGIN = 4 * mm
FOLD_MARKS = (99 * mm, 198 * mm)  # A4 in three panels, from the top edge

ADDRESS_SIZE = 11.0
NAME_SIZE = 13.0
SMALLEST = 8.0
SPACE = "\u3000"
ONE_EM = 10.5  # the body's font size: one character of indent


@dataclass(frozen=True)
class WindowOffset:
    """Moves the address block right (x) and down (y), in millimetres, for another envelope's window."""

    x_mm: float = 0.0
    y_mm: float = 0.0


NO_OFFSET = WindowOffset()


@dataclass(frozen=True)
class Recipient:
    """Who the letter goes to, as printed in the window: `name_lines` end with the honorific."""

    postal_code: str
    address: str
    name_lines: tuple[str, ...]


@dataclass(frozen=True)
class Breakdown:
    """The charge breakdown as of the letter date, from the charges engine (whole yen)."""

    as_of: dt.date
    principal: int
    paid: int
    principal_remaining: int
    additional_charge: int  # what remains unpaid of it
    late_charge: int  # what remains unpaid of it
    total: int


@dataclass(frozen=True)
class PlanLine:
    number: int
    due: dt.date
    amount: int


@dataclass(frozen=True)
class SignatureParty:
    """One party of the signature box: 甲 / 乙 / 誓約者, their address, name lines and a seal (印)."""

    label: str
    address: str
    names: tuple[str, ...]
    blank_lines: tuple[str, ...] = ()  # labels of lines to be filled in by hand (電話番号 …)


# --- the address block ------------------------------------------------------------------------------


def fit_size(text: str, font: str, size: float, width: float) -> float:
    """The largest size <= `size` (down to SMALLEST) at which `text` fits `width`."""
    while size > SMALLEST and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


ADDRESS_SMALLEST = 7.0


def _width_split(text: str, width: float, size: float) -> list[str]:
    """`text` cut where the first line is full (never inside a run of digits)."""
    cut = len(text)
    while cut > 1 and stringWidth(text[:cut], MINCHO, size) > width:
        cut -= 1
    while 1 < cut < len(text) and text[cut - 1].isdigit() and text[cut].isdigit():
        cut -= 1
    return [text[:cut], text[cut:]] if cut < len(text) else [text]


def address_lines(address: str, width: float, size: float = ADDRESS_SIZE) -> tuple[list[str], float]:
    """The address in at most two lines that fit `width`, and the font size used.

    At the largest size that works (from `size` down to 7 pt): one line; else two lines split at the space
    before a building name; else two lines cut where the first is full (never inside a number). An address
    too long even then is cut short with … (and should be corrected in the debtor's file)."""
    text = " ".join(address.replace(SPACE, " ").split())
    candidates: list[list[str]] = []
    if " " in text:
        head, _, tail = text.rpartition(" ")
        candidates.append([head.replace(" ", SPACE), tail])
    joined = text.replace(" ", SPACE)
    current = size
    while current >= ADDRESS_SMALLEST:
        if stringWidth(joined, MINCHO, current) <= width:
            return [joined], current
        for lines in [*candidates, _width_split(joined, width, current)]:
            if len(lines) <= 2 and all(stringWidth(line, MINCHO, current) <= width for line in lines):
                return lines, current
        current -= 0.5
    first, *rest = _width_split(joined, width, ADDRESS_SMALLEST)
    tail = rest[0] if rest else ""
    while tail and stringWidth(tail + "…", MINCHO, ADDRESS_SMALLEST) > width:
        tail = tail[:-1]
    return [first, tail + "…"] if rest else [first], ADDRESS_SMALLEST


def draw_address_block(canvas: Canvas, recipient: Recipient, offset: WindowOffset = NO_OFFSET) -> None:
    """Draw the postal code, address and name inside the window of a 長形3号 envelope (module docstring)."""
    left = WINDOW_LEFT + WINDOW_MARGIN + offset.x_mm * mm
    width = WINDOW_WIDTH - 2 * WINDOW_MARGIN
    top = PAGE_HEIGHT - (WINDOW_TOP + WINDOW_MARGIN + offset.y_mm * mm)
    canvas.saveState()
    canvas.setFillColor(INK)
    y = top - ADDRESS_SIZE
    if recipient.postal_code:
        canvas.setFont(MINCHO, ADDRESS_SIZE)
        canvas.drawString(left, y, f"〒{recipient.postal_code}")
        y -= ADDRESS_SIZE + 2.4 * mm  # at least 2 mm between the postal code and the address
    lines, size = address_lines(recipient.address, width)
    canvas.setFont(MINCHO, size)
    for line in lines:
        canvas.drawString(left, y, line)
        y -= size * 1.45
    y -= 2.5 * mm
    for index, line in enumerate(recipient.name_lines):
        wanted = NAME_SIZE if index == len(recipient.name_lines) - 1 else NAME_SIZE - 1
        size = fit_size(line, MINCHO, wanted, width)
        y -= size - NAME_SIZE * 0.2
        canvas.setFont(MINCHO, size)
        indent = 0 if index == 0 else ONE_EM
        canvas.drawString(left + min(indent, width - stringWidth(line, MINCHO, size)), y, line)
        y -= size * 0.75
    canvas.restoreState()


def draw_fold_marks(canvas: Canvas) -> None:
    """Short ticks at the left edge where the sheet is folded in three."""
    canvas.saveState()
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.3)
    for from_top in FOLD_MARKS:
        y = PAGE_HEIGHT - from_top
        canvas.line(4 * mm, y, 8 * mm, y)
    canvas.restoreState()


# --- styles -----------------------------------------------------------------------------------------

_STYLE_CACHE: dict[str, ParagraphStyle] = {}


def letter_style(name: str) -> ParagraphStyle:
    """Letter styles: letter_body, letter_hanging, letter_right, letter_mark (記), letter_title, caption."""
    if not _STYLE_CACHE:
        body = ParagraphStyle("letter_body", parent=styles()["body"], fontSize=10.5, leading=17.5)
        _STYLE_CACHE.update(
            {
                "letter_body": body,
                "letter_hanging": ParagraphStyle(
                    "letter_hanging", parent=body, leftIndent=ONE_EM, firstLineIndent=-ONE_EM
                ),
                "letter_right": ParagraphStyle("letter_right", parent=body, alignment=TA_RIGHT),
                "letter_mark": ParagraphStyle(
                    "letter_mark", parent=body, alignment=TA_CENTER, spaceBefore=2 * mm, spaceAfter=2 * mm
                ),
                "letter_after": ParagraphStyle("letter_after", parent=body, fontSize=9, leading=14),
                "letter_after_hanging": ParagraphStyle(
                    "letter_after_hanging",
                    parent=body,
                    fontSize=9,
                    leading=14,
                    leftIndent=9,
                    firstLineIndent=-9,
                ),
                "caption": ParagraphStyle("caption", parent=body, fontSize=9, leading=13),
                "cell": ParagraphStyle("cell", parent=body, fontSize=10, leading=14),
                "cell_right": ParagraphStyle(
                    "cell_right", parent=body, fontSize=10, leading=14, alignment=TA_RIGHT
                ),
            }
        )
    return _STYLE_CACHE[name]


# reportlab collapses every Unicode space (U+3000 included) between words to one narrow space. Japanese
# documents rely on the full-width space (字下げ, 佐藤　大輔), so it is written as no-break spaces of the same
# total width: three at the paragraph's size (0.29 em each in IPAex) and one at 0.4478 of it. Small
# fragments never raise the line, so spacing and leading stay exactly as without them.
_NBSP_EM = 0.290039  # advance of U+00A0 in IPAex Mincho, in em


def ideographic_spaces(markup: str, size: float) -> str:
    """`markup` with each U+3000 replaced by no-break spaces one em wide at `size`."""
    rest = size * (1 - 3 * _NBSP_EM) / _NBSP_EM
    return markup.replace(SPACE, f'&nbsp;&nbsp;&nbsp;<font size="{rest:.3f}">&nbsp;</font>')


class WholeParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph that moves to the next page whole instead of being split (reportlab joins the lines of
    a split CJK paragraph with spaces, and the hanging indent would restart); only a paragraph taller than
    `LONGEST` is split. Its line breaking is done once per width, so one object can be laid out in many
    letters of a batch (`ParagraphCache`)."""

    LONGEST = 150 * mm

    _wrapped_width: float | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._wrapped_width != available_width:
            super().wrap(available_width, available_height)
            self._wrapped_width = available_width
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self.wrap(available_width, available_height)[1] > self.LONGEST:
            self._wrapped_width = None
            return list(super().split(available_width, available_height))
        return []


def jpara(text: str, style: ParagraphStyle) -> Paragraph:
    """`document.para` (plain text, escaped, newlines kept) that also keeps full-width spaces and is
    never split across pages. Leading full-width spaces (字下げ) become the first line's indent."""
    text = str(text or "")
    indent = len(text) - len(text.lstrip(SPACE))
    if indent and "\n" not in text:
        style = _indented(style, indent)
        text = text[indent:]
    markup = "<br/>".join(escape(line) for line in text.splitlines())
    return WholeParagraph(ideographic_spaces(markup, style.fontSize), style)


_INDENTED: dict[tuple[str, int], ParagraphStyle] = {}


def _indented(style: ParagraphStyle, characters: int) -> ParagraphStyle:
    key = (style.name, characters)
    if key not in _INDENTED:
        _INDENTED[key] = ParagraphStyle(
            f"{style.name}+{characters}",
            parent=style,
            firstLineIndent=style.firstLineIndent + characters * style.fontSize,
        )
    return _INDENTED[key]


class SharedParagraph(Flowable):  # type: ignore[misc]
    """A paragraph that reads the same in many letters of a batch, drawn once into a PDF form XObject and
    then placed on each page by reference: the words are in the file once (smaller, faster), and they
    print, render and extract as text exactly as a paragraph drawn on the page."""

    def __init__(self, paragraph: Paragraph, name: str) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.name = name
        self.style = paragraph.style  # frames read spaceBefore / spaceAfter from here

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.paragraph.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return list(self.paragraph.split(available_width, available_height))

    def getSpaceBefore(self) -> float:
        return float(self.paragraph.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.paragraph.getSpaceAfter())

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if not canvas.hasForm(self.name):
            canvas.beginForm(self.name, 0, -2, self.width, self.height + 2)
            self.paragraph.drawOn(canvas, 0, 0)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm(self.name)
        canvas.restoreState()


class ParagraphCache:
    """One paragraph object per (text, style) within a batch: every sentence that reads the same in each
    letter (the 教示, the standard paragraphs) is broken into lines once, and drawn once as a form when
    `counts` says it appears more than once."""

    def __init__(self, counts: dict[tuple[str, str], int] | None = None) -> None:
        self._items: dict[tuple[str, str], Flowable] = {}
        self._counts = counts or {}

    def get(self, text: str, style: ParagraphStyle) -> Flowable:
        key = (text, style.name)
        found = self._items.get(key)
        if found is None:
            paragraph = jpara(text, style)
            if self._counts.get(key, 0) > 1:
                found = SharedParagraph(paragraph, f"SaikenP{len(self._items)}")
            else:
                found = paragraph
            self._items[key] = found
        return found


def _p(text: str, style: str) -> Flowable:
    return jpara(text, letter_style(style))


class SpacedTitle(Flowable):  # type: ignore[misc]
    """The document title, centred, with the letters spaced out as on a ward's 督促状 (督 促 状)."""

    def __init__(self, text: str, *, size: float = 18) -> None:
        super().__init__()
        self.text = text
        self.size = size
        if len(text) > 8:
            self.size = min(size, 16)
        self.spacing = self.size * (0.6 if len(text) <= 4 else 0.2 if len(text) <= 8 else 0.0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.size * 1.6
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(MINCHO, self.size)
        text_width = stringWidth(self.text, MINCHO, self.size) + self.spacing * (len(self.text) - 1)
        canvas.drawString((self.width - text_width) / 2, self.size * 0.45, self.text, charSpace=self.spacing)


# --- tables -----------------------------------------------------------------------------------------


ITEM_LABEL_WIDTH = 36 * mm
ITEM_ROW = 6.2 * mm


class ItemList(Flowable):  # type: ignore[misc]
    """The items of the 記 section (項目 and 内容 in two aligned columns, no rules), drawn directly."""

    def __init__(self, items: Sequence[tuple[str, str]], *, indent: float = 4 * mm) -> None:
        super().__init__()
        self.items = list(items)
        self.indent = indent

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = ITEM_ROW * len(self.items)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(MINCHO, 10)
        y = self.height - ITEM_ROW + 1.6 * mm
        for label, value in self.items:
            canvas.drawString(self.indent, y, label)
            canvas.drawString(self.indent + ITEM_LABEL_WIDTH, y, value)
            y -= ITEM_ROW


def record_items(items: Sequence[tuple[str, str]], *, width: float = TEXT_WIDTH) -> Flowable:
    """The 記 items: drawn directly when every value fits its column, else a table that wraps them."""
    value_width = width - ITEM_LABEL_WIDTH - 8 * mm
    if all("\n" not in v and stringWidth(v, MINCHO, 10) <= value_width - 2 for _, v in items):
        return ItemList(items)
    data: list[list[object]] = [[label, _p(value, "cell")] for label, value in items]
    table = Table(data, colWidths=[ITEM_LABEL_WIDTH, value_width], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO, 10),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


BREAKDOWN_HEADINGS = ("元金", "納付済額", "元金残額", "加算金", "延滞金", "合計（未納額）")


class BreakdownGrid(Flowable):  # type: ignore[misc]
    """The charge breakdown: a caption with the as-of date over a ruled two-row grid (headings, amounts)."""

    caption_height = 5.2 * mm
    header_height = 6.0 * mm
    row_height = 7.6 * mm

    def __init__(self, breakdown: Breakdown, *, indent: float = 4 * mm) -> None:
        super().__init__()
        self.breakdown = breakdown
        self.indent = indent

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.caption_height + self.header_height + self.row_height
        return self.width, self.height

    def draw(self) -> None:
        b = self.breakdown
        values = (b.principal, b.paid, b.principal_remaining, b.additional_charge, b.late_charge, b.total)
        canvas = self.canv
        inner = self.width - 2 * self.indent
        cell = inner / 6
        left, bottom = self.indent, 0.0
        middle = bottom + self.row_height
        top = middle + self.header_height
        canvas.saveState()
        canvas.setFont(MINCHO, 9)
        canvas.drawString(
            0, top + 1.6 * mm, f"請求額の内訳（{wareki(b.as_of)}現在。加算金・延滞金は未納の額）"
        )
        canvas.setFillColor(SHADE)
        canvas.rect(left, middle, inner, self.header_height, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.rect(left, bottom, inner, top - bottom, stroke=1, fill=0)
        canvas.line(left, middle, left + inner, middle)
        for index in range(1, 6):
            canvas.line(left + index * cell, bottom, left + index * cell, top)
        canvas.setFont(GOTHIC, 8.5)
        for index, heading in enumerate(BREAKDOWN_HEADINGS):  # headings, then amounts: the reading order
            canvas.drawCentredString(left + index * cell + cell / 2, middle + 1.9 * mm, heading)
        for index, value in enumerate(values):
            last = index == 5
            canvas.setFont(GOTHIC if last else MINCHO, 10.5 if last else 10)
            canvas.drawRightString(left + (index + 1) * cell - 1.8 * mm, bottom + 2.5 * mm, yen(value))
        canvas.restoreState()


def breakdown_table(breakdown: Breakdown) -> list[Flowable]:
    """The breakdown as flowables (one grid with its caption)."""
    return [BreakdownGrid(breakdown)]


def plan_table(lines: Sequence[PlanLine], *, width: float = TEXT_WIDTH) -> Table:
    """回・納付期限・納付額, in two column groups side by side when there are more than 12 instalments."""
    total = sum(line.amount for line in lines)
    rows = [(f"第{line.number}回", wareki(line.due), yen(line.amount)) for line in lines]
    groups = 2 if len(rows) > 12 else 1
    per_group = -(-len(rows) // groups)
    header = ["回", "納付期限", "納付額"] * groups
    data: list[list[str]] = [header]
    for index in range(per_group):
        row: list[str] = []
        for group in range(groups):
            position = group * per_group + index
            row += list(rows[position]) if position < len(rows) else ["", "", ""]
        data.append(row)
    data.append(["合計", "", yen(total)] + ["", "", ""] * (groups - 1))
    inner = min(width - 8 * mm, 125 * mm * groups)
    unit = inner / groups
    widths = [unit * 0.2, unit * 0.45, unit * 0.35] * groups
    table = Table(data, colWidths=widths, hAlign="CENTER", repeatRows=1)
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, 0), GOTHIC, 8.5),
        ("FONT", (0, 1), (-1, -1), MINCHO, 9.5),
        ("GRID", (0, 0), (-1, -1), 0.5, INK),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (0, 1), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 0.6 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.9 * mm),
        ("SPAN", (0, -1), (1, -1)),
        ("FONT", (0, -1), (-1, -1), GOTHIC, 9.5),
    ]
    for group in range(groups):
        commands.append(("ALIGN", (group * 3 + 2, 1), (group * 3 + 2, -1), "RIGHT"))
    table.setStyle(TableStyle(commands))
    return table


class SealMark(Flowable):  # type: ignore[misc]
    """A dotted circle with 印 in it: where the debtor's seal goes."""

    def __init__(self, diameter: float = 14 * mm) -> None:
        super().__init__()
        self.diameter = diameter

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.diameter, self.diameter

    def draw(self) -> None:
        canvas = self.canv
        radius = self.diameter / 2
        canvas.saveState()
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.6)
        canvas.setDash(1.2, 1.6)
        canvas.circle(radius, radius, radius - 0.5, stroke=1, fill=0)
        canvas.setFillColor(MUTED)
        canvas.setFont(MINCHO, 10)
        canvas.drawCentredString(radius, radius - 3.5, "印")
        canvas.restoreState()


def signature_box(parties: Sequence[SignatureParty], *, width: float = TEXT_WIDTH) -> list[Flowable]:
    """「令和　　年　　月　　日」 and, for each party, 住所 and 氏名（名称）lines with a seal circle."""
    out: list[Flowable] = [_p("令和　　年　　月　　日", "letter_body")]
    seal = 16 * mm
    for party in parties:
        rows: list[list[object]] = [
            ["", _p("住所（所在地）", "caption"), _p(party.address, "cell"), SealMark()]
        ]
        rows[0][0] = _p(party.label, "cell")
        for index, name in enumerate(party.names):
            label = "氏名（名称）" if index == 0 else ("代表者" if index == 1 else "")
            rows.append(["", _p(label, "caption"), _p(name, "cell"), ""])
        for label in party.blank_lines:
            rows.append(["", _p(label, "caption"), "", ""])
        out.append(Spacer(1, 3 * mm))
        table = Table(
            rows,
            colWidths=[18 * mm, 28 * mm, width - 46 * mm - seal - 4 * mm, seal],
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), MINCHO, 10),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LINEBELOW", (2, 0), (2, -1), 0.4, MUTED),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.2 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.0 * mm),
                    ("SPAN", (3, 0), (3, -1)),
                    ("VALIGN", (3, 0), (3, -1), "MIDDLE"),
                ]
            )
        )
        out.append(table)
    return out

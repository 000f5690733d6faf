"""The base of every A4 Japanese business document Saiken Desk prints (DESIGN §7).

A document is a list of reportlab platypus flowables laid out on A4 with fixed margins, IPAex Mincho
for the body and IPAex Gothic for headings and labels, Japanese line breaking (kinsoku, `wordWrap='CJK'`),
and a footer on every page: a rule, the document's footer text, the audit checkpoint hash when one is
given, and the page number as `1 / 3`.

Documents are rendered to bytes in memory (`render`); writing them to disk is the caller's business
(`saiken.fsutil.atomic_write_bytes`), and nothing ever goes to a temp file. Text that comes from data
(names, addresses, notes) must go through `para`, which escapes it, never straight into markup.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.domain.money import format_yen
from saiken.domain.wareki import format_wareki
from saiken.exchange.pdf.fonts import GOTHIC, MINCHO, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
PRODUCER = "債権デスク (Saiken Desk)"


@dataclass(frozen=True)
class Margins:
    top: float = 22 * mm
    bottom: float = 24 * mm
    left: float = 25 * mm
    right: float = 20 * mm

    @property
    def frame_width(self) -> float:
        return PAGE_WIDTH - self.left - self.right


MARGINS = Margins()
TEXT_WIDTH = MARGINS.frame_width
INK = colors.black
MUTED = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.55, 0.55, 0.55)
SHADE = colors.Color(0.92, 0.92, 0.92)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles by name: title, heading, body, body_right, center, label, small, item (a numbered
    line with a hanging indent), note."""
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=MINCHO, fontSize=10.5, leading=17, wordWrap="CJK", alignment=TA_LEFT, textColor=INK
    )
    return {
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=GOTHIC,
            fontSize=20,
            leading=28,
            alignment=TA_CENTER,
            spaceAfter=4 * mm,
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName=GOTHIC,
            fontSize=12,
            leading=18,
            spaceBefore=3 * mm,
            spaceAfter=1.5 * mm,
        ),
        "body": body,
        "body_right": ParagraphStyle("body_right", parent=body, alignment=TA_RIGHT),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        "label": ParagraphStyle("label", parent=body, fontName=GOTHIC, fontSize=9.5, leading=14),
        "small": ParagraphStyle("small", parent=body, fontSize=9, leading=14),
        "item": ParagraphStyle(
            "item", parent=body, fontSize=9, leading=14, leftIndent=13, firstLineIndent=-13
        ),
        "note": ParagraphStyle("note", parent=body, fontName=GOTHIC, fontSize=8, leading=12, textColor=MUTED),
    }


def para(text: str, style: str | ParagraphStyle = "body") -> Paragraph:
    """A paragraph of plain text (escaped, so data can never inject markup); newlines become breaks."""
    chosen = styles()[style] if isinstance(style, str) else style
    markup = "<br/>".join(escape(line) for line in str(text).splitlines()) if text else ""
    return Paragraph(markup, chosen)


def honorific(name: str, is_organisation: bool) -> str:
    """`山田太郎` → `山田太郎様`; `株式会社サンプル` → `株式会社サンプル御中` (not doubled if already there)."""
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise ValidationError("宛名が空です。", hint="宛先の氏名または名称を入力してください。")
    suffix = "御中" if is_organisation else "様"
    if cleaned.endswith(("様", "御中", "殿")):
        return cleaned
    return f"{cleaned}{suffix}"


def yen(amount: int) -> str:
    """`1234567` → `1,234,567円` (integer yen only; see saiken.domain.money)."""
    return format_yen(amount)


def wareki(when: dt.date | dt.datetime) -> str:
    """`date(2025, 9, 16)` → `令和7年9月16日`. A datetime is taken on the Japanese calendar day (JST);
    a naive datetime is taken as Japanese local time."""
    if isinstance(when, dt.datetime):
        when = when.astimezone(JST).date() if when.tzinfo else when.date()
    return format_wareki(when)


@dataclass(frozen=True)
class Footer:
    text: str = ""
    checkpoint_hash: str | None = None


class _NumberedCanvas(Canvas):
    """Keeps each page until the end so that the footer can say `page / total`."""

    def __init__(self, *args, footer: Footer, margins: Margins = MARGINS, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._margins = margins
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        page_width = self._pagesize[0]
        left, right = self._margins.left, page_width - self._margins.right
        rule_y = self._margins.bottom - 7 * mm
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(left, rule_y, right, rule_y)
        self.setFillColor(MUTED)
        self.setFont(GOTHIC, 7.5)
        if self._footer.text:
            self.drawString(left, rule_y - 4 * mm, self._footer.text)
        if self._footer.checkpoint_hash:
            self.setFont(GOTHIC, 6.5)
            self.drawString(left, rule_y - 7.5 * mm, f"監査チェックポイント: {self._footer.checkpoint_hash}")
        self.setFillColor(INK)
        self.setFont(GOTHIC, 8.5)
        self.drawRightString(right, rule_y - 4 * mm, f"{self._pageNumber} / {total}")
        self.restoreState()


def numbered_canvas(
    buffer: io.BytesIO, *, pagesize: tuple[float, float], footer_text: str = "", margins: Margins = MARGINS
) -> Canvas:
    """A canvas whose pages get the standard footer (rule, text, `page / total`) when it is saved: for a
    document drawn page by page rather than laid out from flowables."""
    register_fonts()
    return _NumberedCanvas(buffer, pagesize=pagesize, footer=Footer(text=footer_text), margins=margins)


def render(
    story: Iterable[Flowable],
    *,
    title: str,
    footer_text: str = "",
    checkpoint_hash: str | None = None,
    subject: str = "",
    landscape: bool = False,
    margins: Margins = MARGINS,
) -> bytes:
    """Lay `story` out on A4 pages (portrait, or `landscape`) and return the PDF bytes. `title` goes into
    the PDF metadata; `footer_text` and `checkpoint_hash` into every page's footer. Nothing is written
    to disk."""
    register_fonts()
    buffer = io.BytesIO()
    pagesize = (PAGE_HEIGHT, PAGE_WIDTH) if landscape else A4
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margins.left,
        rightMargin=margins.right,
        topMargin=margins.top,
        bottomMargin=margins.bottom,
        title=title,
        subject=subject,
        author=PRODUCER,
        creator=PRODUCER,
        lang="ja-JP",
        displayDocTitle=True,
        printScaling="None",  # print at 100 %: forms and window envelopes depend on real positions
        initialFontName=MINCHO,
    )
    frame = Frame(
        margins.left,
        margins.bottom,
        pagesize[0] - margins.left - margins.right,
        pagesize[1] - margins.top - margins.bottom,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="a4", frames=[frame])])
    footer = Footer(text=footer_text, checkpoint_hash=checkpoint_hash)
    doc.build(list(story), canvasmaker=functools.partial(_NumberedCanvas, footer=footer, margins=margins))
    return buffer.getvalue()

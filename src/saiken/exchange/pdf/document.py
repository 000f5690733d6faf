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
        return float(PAGE_WIDTH - self.left - self.right)


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


class PageKeepingCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type information
    """Keeps each page until the end, so that every page can be decorated knowing the whole document
    (`page / total`). Subclasses draw in `decorate(index, total)`; `index` is 0-based."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, object]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for index, state in enumerate(self._pages):
            self.__dict__.update(state)
            self.decorate(index, total)
            super().showPage()
        super().save()

    def decorate(self, index: int, total: int) -> None:
        raise NotImplementedError


class _NumberedCanvas(PageKeepingCanvas):
    """The footer of every page: a rule, the footer text, the checkpoint and `page / total`."""

    def __init__(self, *args: object, footer: Footer, margins: Margins = MARGINS, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._margins = margins

    def decorate(self, index: int, total: int) -> None:
        self._draw_footer(total)

    def _draw_footer(self, total: int) -> None:
        page_width = self._pagesize[0]  # A4 portrait or landscape
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


def new_document(
    buffer: io.BytesIO, *, title: str, subject: str = "", margins: Margins = MARGINS
) -> BaseDocTemplate:
    """An A4 document template with the metadata and print settings every Saiken Desk PDF carries.
    The caller adds its page templates and builds it."""
    register_fonts()
    return BaseDocTemplate(
        buffer,
        pagesize=A4,
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


def new_canvas(buffer: io.BytesIO, *, title: str, subject: str = "") -> Canvas:
    """A bare A4 canvas with the same metadata, for sheets drawn at fixed positions (address labels)."""
    register_fonts()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=MINCHO, lang="ja-JP")
    canvas.setTitle(title)
    canvas.setSubject(subject)
    canvas.setAuthor(PRODUCER)
    canvas.setCreator(PRODUCER)
    canvas.setViewerPreference("PrintScaling", "None")
    return canvas


def numbered_canvas(
    buffer: io.BytesIO, *, pagesize: tuple[float, float], footer_text: str = "", margins: Margins = MARGINS
) -> Canvas:
    """A canvas whose pages get the standard footer (rule, text, `page / total`) when it is saved: for a
    document drawn row by row rather than laid out from flowables (the negotiation report)."""
    register_fonts()
    canvas = _NumberedCanvas(
        buffer, pagesize=pagesize, initialFontName=MINCHO, footer=Footer(text=footer_text), margins=margins
    )
    canvas.setViewerPreference("PrintScaling", "None")
    return canvas


def body_frame(top: float = MARGINS.top, *, frame_id: str = "body", bottom: float = MARGINS.bottom) -> Frame:
    """The text frame between the margins, starting `top` below the top edge of the page."""
    return Frame(
        MARGINS.left,
        bottom,
        MARGINS.frame_width,
        PAGE_HEIGHT - top - bottom,
        id=frame_id,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def render(
    story: Iterable[Flowable],
    *,
    title: str,
    footer_text: str = "",
    checkpoint_hash: str | None = None,
    subject: str = "",
) -> bytes:
    """Lay `story` out on A4 pages and return the PDF bytes. `title` goes into the PDF metadata;
    `footer_text` and `checkpoint_hash` into every page's footer. Nothing is written to disk."""
    buffer = io.BytesIO()
    doc = new_document(buffer, title=title, subject=subject)
    doc.addPageTemplates([PageTemplate(id="a4", frames=[body_frame()])])
    footer = Footer(text=footer_text, checkpoint_hash=checkpoint_hash)
    doc.build(list(story), canvasmaker=functools.partial(_NumberedCanvas, footer=footer))
    return buffer.getvalue()

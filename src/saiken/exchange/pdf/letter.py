"""Letters (督促状, 催告書, 合意書, 分割納付誓約書, 納付書再発行依頼) as one A4 PDF, in memory (DESIGN §7).

Each letter starts on a new page. Its first page carries, at fixed positions, the address block in the
window of a 長形3号 envelope (`letter_parts`), the document number, the management number and the date
(和暦) at the top right with the sender's lines under them, and fold marks at the left edge; the text
frame starts below the window. Later pages repeat the document and management numbers at the top.
A letter of more than one page has `page / pages` of that letter at the foot of each page (page numbers
count within the letter, not the batch). The text is the filled template (`saiken.domain.letter_template`);
block fields become the breakdown table, the instalment schedule and the signature box.

`render_letters` returns the PDF bytes and the number of pages of each letter; nothing is written to disk.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)

from saiken.domain.errors import ValidationError
from saiken.domain.letter_template import Align, FilledLetter, FilledParagraph
from saiken.exchange.pdf.document import (
    INK,
    MARGINS,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PageKeepingCanvas,
    body_frame,
    new_document,
    wareki,
)
from saiken.exchange.pdf.fonts import GOTHIC, MINCHO
from saiken.exchange.pdf.letter_parts import (
    NO_OFFSET,
    Breakdown,
    ParagraphCache,
    PlanLine,
    Recipient,
    SignatureParty,
    SpacedTitle,
    WindowOffset,
    breakdown_table,
    draw_address_block,
    draw_fold_marks,
    letter_style,
    plan_table,
    record_items,
    signature_box,
)

FIRST_PAGE_TOP = 62 * mm  # the text frame of a first page starts below the envelope window
LATER_PAGE_TOP = 24 * mm
BOTTOM = 17 * mm
HEADER_RIGHT = PAGE_WIDTH - MARGINS.right


@dataclass(frozen=True)
class LetterDocument:
    """Everything one letter prints. `breakdown`, `plan` and `signature` are needed only when the
    template uses 請求内訳, 分納予定表 or 署名欄."""

    letter: FilledLetter
    recipient: Recipient
    date: dt.date
    document_number: str
    management_no: str
    breakdown: Breakdown | None = None
    plan: tuple[PlanLine, ...] = ()
    signature: tuple[SignatureParty, ...] = ()


@dataclass(frozen=True)
class RenderedLetters:
    pdf: bytes
    pages: tuple[int, ...]  # pages of each letter, in order

    @property
    def page_count(self) -> int:
        return sum(self.pages)


class _LetterStart(Flowable):  # type: ignore[misc]
    """Zero-size marker at the top of a letter's first page: draws the fixed-position head of the letter
    (address block, numbers, date, sender, fold marks) and tells the canvas which letter this page is."""

    def __init__(self, index: int, document: LetterDocument, offset: WindowOffset) -> None:
        super().__init__()
        self.index = index
        self.document = document
        self.offset = offset

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canvas: object, x: float, y: float, _sW: float = 0) -> None:
        from reportlab.pdfgen.canvas import Canvas

        assert isinstance(canvas, Canvas)
        setattr(canvas, "_saiken_letter", self.index)  # noqa: B010 (read back by _LetterCanvas)
        setattr(canvas, "_saiken_numbers", _numbers_line(self.document))  # noqa: B010
        draw_fold_marks(canvas)
        draw_address_block(canvas, self.document.recipient, self.offset)
        _draw_head(canvas, self.document)


def _numbers_line(document: LetterDocument) -> str:
    return f"{document.document_number}　管理番号 {document.management_no}"


def _draw_head(canvas: object, document: LetterDocument) -> None:
    from reportlab.pdfgen.canvas import Canvas

    assert isinstance(canvas, Canvas)
    canvas.saveState()
    canvas.setFillColor(INK)
    y = PAGE_HEIGHT - 18 * mm
    canvas.setFont(MINCHO, 10.5)
    canvas.drawRightString(HEADER_RIGHT, y, document.document_number)
    y -= 5.5 * mm
    canvas.drawRightString(HEADER_RIGHT, y, wareki(document.date))
    y -= 5 * mm
    canvas.setFont(MINCHO, 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(HEADER_RIGHT, y, f"管理番号　{document.management_no}")
    canvas.setFillColor(INK)
    y -= 9 * mm
    for line in document.letter.sender:
        size = 11.0
        while size > 8 and stringWidth(line, MINCHO, size) > 72 * mm:
            size -= 0.5
        canvas.setFont(MINCHO, size)
        canvas.drawRightString(HEADER_RIGHT, y, line)
        y -= size * 1.5
    canvas.restoreState()


class _LetterCanvas(PageKeepingCanvas):
    """Numbers each page within its letter (`1 / 2`, only for letters of two pages or more), repeats the
    numbers on later pages, and prints the audit checkpoint when there is one."""

    def __init__(self, *args: object, checkpoint: str | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._checkpoint = checkpoint
        self._saiken_letter = -1
        self._saiken_numbers = ""
        # one object shared by every kept page state (save() restores each page's own attributes)
        self._shared: dict[str, list[tuple[int, int]]] = {}

    def _positions(self) -> list[tuple[int, int]]:
        """(position in its letter, pages of that letter) of every page."""
        letters = [state.get("_saiken_letter", -1) for state in self._pages]
        counts: dict[object, int] = {}
        positions = []
        for letter in letters:
            counts[letter] = counts.get(letter, 0) + 1
            positions.append(counts[letter])
        return [(position, counts[letter]) for position, letter in zip(positions, letters, strict=True)]

    def decorate(self, index: int, total: int) -> None:
        if "positions" not in self._shared:
            self._shared["positions"] = self._positions()
        position, pages = self._shared["positions"][index]
        self.saveState()
        if pages > 1:
            self.setFont(MINCHO, 9)
            self.setFillColor(INK)
            self.drawCentredString(PAGE_WIDTH / 2, 11 * mm, f"{position} / {pages}")
        if position > 1:
            self.setFont(MINCHO, 8.5)
            self.setFillColor(MUTED)
            self.drawRightString(
                HEADER_RIGHT, PAGE_HEIGHT - 14 * mm, str(self.__dict__.get("_saiken_numbers", ""))
            )
        if self._checkpoint:
            self.setFont(GOTHIC, 6)
            self.setFillColor(MUTED)
            self.drawString(MARGINS.left, 7 * mm, f"監査チェックポイント {self._checkpoint}")
        self.restoreState()


def _style_name(paragraph: FilledParagraph, *, after: bool) -> str:
    if paragraph.align is Align.RIGHT:
        return "letter_right"
    if paragraph.align is Align.HANGING:
        return "letter_after_hanging" if after else "letter_hanging"
    return "letter_after" if after else "letter_body"


def _paragraph(paragraph: FilledParagraph, cache: ParagraphCache, *, after: bool = False) -> Flowable:
    return cache.get(paragraph.text, letter_style(_style_name(paragraph, after=after)))


def _counts(documents: Sequence[LetterDocument]) -> dict[tuple[str, str], int]:
    """How many times each (text, style) paragraph appears in the batch."""
    counts: dict[tuple[str, str], int] = {}
    for document in documents:
        letter = document.letter
        for after, paragraphs in ((False, letter.body + letter.record), (True, letter.after)):
            for paragraph in paragraphs:
                if paragraph.label is None and paragraph.block is None:
                    key = (paragraph.text, letter_style(_style_name(paragraph, after=after)).name)
                    counts[key] = counts.get(key, 0) + 1
        for key in (("記", "letter_mark"), ("以上", "letter_right")):
            counts[key] = counts.get(key, 0) + (1 if letter.record else 0)
    return counts


def _block(name: str, document: LetterDocument) -> list[Flowable]:
    if name == "請求内訳":
        if document.breakdown is None:
            raise ValidationError("請求内訳を計算できなかったため、文書を作れません。")
        return [Spacer(1, 1.5 * mm), KeepTogether(breakdown_table(document.breakdown)), Spacer(1, 1.5 * mm)]
    if name == "分納予定表":
        if not document.plan:
            raise ValidationError("分納の予定がないため、分納予定表を印刷できません。")
        return [Spacer(1, 1.5 * mm), plan_table(document.plan), Spacer(1, 1.5 * mm)]
    if name == "署名欄":
        return [CondPageBreak(62 * mm), Spacer(1, 4 * mm), *signature_box(document.signature)]
    raise ValidationError(f"「{{{{{name}}}}}」を印刷できません。")


def _section(
    paragraphs: Sequence[FilledParagraph],
    document: LetterDocument,
    cache: ParagraphCache,
    *,
    after: bool = False,
) -> list[Flowable]:
    out: list[Flowable] = []
    items: list[tuple[str, str]] = []

    def flush() -> None:
        if items:
            out.append(record_items(list(items)))
            items.clear()

    for paragraph in paragraphs:
        if paragraph.label is not None:
            items.append((paragraph.label, paragraph.text))
            continue
        flush()
        if paragraph.block:
            out += _block(paragraph.block, document)
        else:
            out.append(_paragraph(paragraph, cache, after=after))
    flush()
    return out


def letter_story(
    index: int,
    document: LetterDocument,
    offset: WindowOffset = NO_OFFSET,
    cache: ParagraphCache | None = None,
) -> list[Flowable]:
    """The flowables of one letter, starting with its fixed-position head. Paragraphs that read the same
    come from `cache` (one per batch)."""
    cache = cache if cache is not None else ParagraphCache()
    letter = document.letter
    story: list[Flowable] = [_LetterStart(index, document, offset), NextPageTemplate("later")]
    story.append(SpacedTitle(letter.title))
    story.append(Spacer(1, 3 * mm))
    story += _section(letter.body, document, cache)
    if letter.record:
        story.append(cache.get("記", letter_style("letter_mark")))
        story += _section(letter.record, document, cache)
        story.append(cache.get("以上", letter_style("letter_right")))
    if letter.after:
        story.append(Spacer(1, 3 * mm))
        story += _section(letter.after, document, cache, after=True)
    return story


def render_letters(
    documents: Sequence[LetterDocument],
    *,
    title: str,
    checkpoint: str | None = None,
    offset: WindowOffset = NO_OFFSET,
) -> RenderedLetters:
    """All `documents` as one PDF (each from a new page) and the page count of each."""
    if not documents:
        raise ValidationError("印刷する文書がありません。対象の債務者を選んでください。")
    buffer = io.BytesIO()
    doc = new_document(buffer, title=title, subject="債権デスク 文書")
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[body_frame(FIRST_PAGE_TOP, frame_id="first", bottom=BOTTOM)]),
            PageTemplate(id="later", frames=[body_frame(LATER_PAGE_TOP, frame_id="later", bottom=BOTTOM)]),
        ]
    )
    story: list[Flowable] = []
    cache = ParagraphCache(_counts(documents))
    for index, document in enumerate(documents):
        if index:
            story += [NextPageTemplate("first"), PageBreak()]
        story += letter_story(index, document, offset, cache)
    canvases: list[_LetterCanvas] = []

    def make_canvas(*args: object, **kwargs: object) -> _LetterCanvas:
        canvas = _LetterCanvas(*args, checkpoint=checkpoint, **kwargs)
        canvases.append(canvas)
        return canvas

    doc.build(story, canvasmaker=make_canvas)
    letters = [state.get("_saiken_letter", -1) for state in canvases[-1]._pages]
    pages = tuple(letters.count(index) for index in range(len(documents)))
    return RenderedLetters(buffer.getvalue(), pages)


__all__ = [
    "Breakdown",
    "LetterDocument",
    "PlanLine",
    "Recipient",
    "RenderedLetters",
    "SignatureParty",
    "WindowOffset",
    "letter_story",
    "render_letters",
]

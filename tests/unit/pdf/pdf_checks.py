"""What a person checks in a PDF, done with real readers: pypdf for text and fonts, pypdfium2 for pixels."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import DictionaryObject


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in reader(pdf).pages]


def fonts_by_name(pdf: bytes) -> dict[str, DictionaryObject]:
    """Every font used on any page, by its BaseFont name (subset prefix included)."""
    found: dict[str, DictionaryObject] = {}
    for page in reader(pdf).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in fonts.get_object().values() if fonts else []:
            font = ref.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def embedded_font_file(font: DictionaryObject) -> bytes | None:
    """The TrueType program embedded for `font` (/FontFile2), via the descendant font of a Type0 font."""
    descriptor_owner = font
    if font.get("/Subtype") == "/Type0":
        descriptor_owner = font["/DescendantFonts"][0].get_object()
    descriptor = descriptor_owner.get("/FontDescriptor")
    if descriptor is None:
        return None
    stream = descriptor.get_object().get("/FontFile2")
    return stream.get_object().get_data() if stream is not None else None


def render_page_png(pdf: bytes, path: Path, *, index: int = 0, scale: float = 2.0) -> Image.Image:
    """Render one page with pdfium (the engine of Chrome's viewer), save it as PNG and return it."""
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[index].render(scale=scale).to_pil().convert("L")
    finally:
        document.close()
    image.save(path)
    return Image.open(path).convert("L")


def text_box_pixels(
    pdf: bytes, needle: str, *, index: int = 0, scale: float = 2.0
) -> tuple[int, int, int, int]:
    """The pixel box (left, top, right, bottom) of `needle` on the page, found by pdfium's text search."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index]
        height = page.get_height()
        textpage = page.get_textpage()
        searcher = textpage.search(needle)
        hit = searcher.get_next()
        assert hit is not None, f"{needle!r} not found by pdfium"
        start, count = hit
        boxes = [textpage.get_charbox(i) for i in range(start, start + count)]
    finally:
        document.close()
    left = min(b[0] for b in boxes)
    bottom = min(b[1] for b in boxes)
    right = max(b[2] for b in boxes)
    top = max(b[3] for b in boxes)
    return (
        int(left * scale),
        int((height - top) * scale),
        int(right * scale) + 1,
        int((height - bottom) * scale) + 1,
    )


def dark_pixels(image: Image.Image, box: tuple[int, int, int, int], *, threshold: int = 100) -> int:
    """How many pixels of the greyscale `image` inside `box` are darker than `threshold`."""
    return sum(image.crop(box).histogram()[:threshold])

"""Golden renderings: the first page of a demand letter, a final notice and an agreement, rendered with
pdfium and compared with the reviewed PNGs in tests/data/golden/ within a tolerance (anti-aliasing may
differ between pdfium builds; a moved block, a lost line or a changed word does not pass).

After an intended change of layout or wording, look at the new renderings and accept them with
`SAIKEN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/pdf/test_pdf_letter_golden.py`.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from letter_samples import letter
from PIL import Image, ImageChops

from saiken.domain.letter_template import FilledParagraph
from saiken.exchange.pdf.letter import render_letters

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "golden"
SCALE = 1.0  # 72 dpi: 595 × 842 pixels
DIFFERENT = 64  # a pixel counts as different when its grey level moved by more than this
MAX_DIFFERENT = 0.004  # … and at most this share of the page may differ


def _render(kind: str) -> Image.Image:
    pdf = render_letters([letter(kind)], title=kind).pdf
    document = pdfium.PdfDocument(pdf)
    try:
        return document[0].render(scale=SCALE).to_pil().convert("L")
    finally:
        document.close()


@pytest.mark.parametrize("kind", ["demand", "notice", "agreement"])
def test_first_page_matches_the_reviewed_rendering(kind, tmp_path):
    image = _render(kind)
    golden = GOLDEN / f"letter_{kind}.png"
    if os.environ.get("SAIKEN_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(parents=True, exist_ok=True)
        image.save(golden, optimize=True)
    expected = Image.open(golden).convert("L")
    assert image.size == expected.size
    difference = ImageChops.difference(image, expected)
    histogram = difference.histogram()
    changed = sum(histogram[DIFFERENT + 1 :]) / (image.width * image.height)
    if changed > MAX_DIFFERENT:
        image.save(tmp_path / f"actual_{kind}.png")
        difference.point(lambda v: 255 if v > DIFFERENT else 0).save(tmp_path / f"diff_{kind}.png")
    assert changed <= MAX_DIFFERENT, f"{changed:.2%} of the page differs; see {tmp_path}"


def test_the_comparison_notices_a_changed_word():
    """The tolerance is tight enough that one different sentence fails (the test above can fail)."""
    base = letter("demand")
    body = (FilledParagraph("　この一文は見本と違う文です。" * 3), *base.letter.body[1:])
    changed = replace(base, letter=replace(base.letter, body=body))
    pdf = render_letters([changed], title="t").pdf
    document = pdfium.PdfDocument(pdf)
    image = document[0].render(scale=SCALE).to_pil().convert("L")
    document.close()
    expected = Image.open(GOLDEN / "letter_demand.png").convert("L")
    histogram = ImageChops.difference(image, expected).histogram()
    assert sum(histogram[DIFFERENT + 1 :]) / (image.width * image.height) > MAX_DIFFERENT

"""The letter PDF as the clerk and the post office see it: read back with pypdf, rendered with pdfium."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

import pypdfium2 as pdfium
import pytest
from letter_samples import letter
from pdf_checks import embedded_font_file, fonts_by_name, page_texts, reader

from saiken.domain.errors import ValidationError
from saiken.exchange.pdf.letter import render_letters
from saiken.exchange.pdf.letter_parts import (
    WINDOW_HEIGHT,
    WINDOW_LEFT,
    WINDOW_TOP,
    WINDOW_WIDTH,
    WindowOffset,
)

MM = 72 / 25.4


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _char_boxes(pdf: bytes, needle: str, index: int = 0) -> list[tuple[float, float, float, float]]:
    """pdfium's boxes (left, bottom, right, top in points) of each character of `needle` on the page."""
    document = pdfium.PdfDocument(pdf)
    try:
        textpage = document[index].get_textpage()
        hit = textpage.search(needle).get_next()
        assert hit is not None, f"{needle!r} not on page {index}"
        start, count = hit
        return [textpage.get_charbox(i) for i in range(start, start + count)]
    finally:
        document.close()


def _page_height(pdf: bytes) -> float:
    return float(reader(pdf).pages[0].mediabox.height)


def test_fonts_are_the_two_ipaex_faces_embedded_as_subsets():
    pdf = render_letters([letter("demand")], title="督促状").pdf
    fonts = fonts_by_name(pdf)
    assert {name.split("+", 1)[-1] for name in fonts} == {"IPAexGothic", "IPAexMincho"}
    for name, font in fonts.items():
        assert "+" in name, "subset"
        assert embedded_font_file(font), f"{name} is embedded"


def test_the_address_block_sits_inside_the_envelope_window():
    document = letter("demand", index=2)  # a debtor with a building name: the address takes two lines
    pdf = render_letters([document], title="督促状").pdf
    height = _page_height(pdf)
    window = (
        WINDOW_LEFT,
        height - WINDOW_TOP - WINDOW_HEIGHT,
        WINDOW_LEFT + WINDOW_WIDTH,
        height - WINDOW_TOP,
    )
    recipient = document.recipient
    needles = [f"〒{recipient.postal_code}", *recipient.address.split("\u3000"), *recipient.name_lines]
    for needle in needles:
        for left, bottom, right, top in _char_boxes(pdf, needle.split("\u3000")[0]):
            assert window[0] < left and right < window[2], needle
            assert window[1] < bottom and top < window[3], needle
    assert recipient.name_lines[-1].endswith("様")


def test_the_window_offset_moves_the_block():
    document = letter("demand")
    plain = render_letters([document], title="t").pdf
    moved = render_letters([document], title="t", offset=WindowOffset(x_mm=5, y_mm=3)).pdf
    needle = f"〒{document.recipient.postal_code}"
    (a, *_), (b, *_) = _char_boxes(plain, needle), _char_boxes(moved, needle)
    assert b[0] - a[0] == pytest.approx(5 * MM, abs=0.2)
    assert a[1] - b[1] == pytest.approx(3 * MM, abs=0.2)


def test_a_long_address_takes_two_lines_at_most_and_still_fits():
    long_address = "東京都新宿区西新宿二丁目八番一号新宿区役所第一分庁舎内中小企業支援センター\u3000架空ビルディング第三号館十二階一二〇四号室"
    document = letter("demand", address=long_address)
    pdf = render_letters([document], title="t").pdf
    height = _page_height(pdf)
    lines = set()
    for fragment in ("東京都新宿区", "一二〇四号室"):  # the first and the last characters: nothing cut
        for left, bottom, right, _top in _char_boxes(pdf, fragment):
            lines.add(bottom)
            assert WINDOW_LEFT < left and right < WINDOW_LEFT + WINDOW_WIDTH
            assert height - WINDOW_TOP - WINDOW_HEIGHT < bottom
    centres = sorted(lines)
    assert 1 + sum(b - a > 6 for a, b in itertools.pairwise(centres)) == 2  # two text lines


def test_an_organisation_is_addressed_to_its_representative_and_a_person_with_sama():
    company = letter(
        "demand", debtor_kind="法人", debtor_name="株式会社見本商事", representative="見本\u3000太郎"
    )
    assert company.recipient.name_lines == ("株式会社見本商事", "代表取締役\u3000見本\u3000太郎\u3000様")
    nobody = letter("demand", debtor_kind="法人", debtor_name="見本合同会社", representative="")
    assert nobody.recipient.name_lines == ("見本合同会社\u3000御中",)
    person = letter(
        "demand", debtor_kind="個人", debtor_name="見本\u3000花子", representative="見本\u3000花子"
    )
    assert person.recipient.name_lines == ("見本\u3000花子\u3000様",)
    text = _flat("".join(page_texts(render_letters([company], title="t").pdf)))
    assert "代表取締役見本太郎様" in text


def test_full_width_spaces_are_printed_one_em_wide():
    document = letter("demand")
    pdf = render_letters([document], title="t").pdf
    person = document.recipient.name_lines[-1]  # 代表取締役　高橋　隆　様
    surname, given = person.split("\u3000")[1:3]
    last = _char_boxes(pdf, surname)[-1]
    first = _char_boxes(pdf, given)[0]
    gap = first[0] - last[2]
    assert gap > 0.8 * 13  # about one character of the 13-point name line


def test_dates_numbers_and_amounts_are_printed_as_a_ward_writes_them():
    document = letter("demand")
    text = _flat(page_texts(render_letters([document], title="t").pdf)[0])
    assert "令和7年10月1日" in text and "令和7年10月15日" in text
    assert document.document_number in text and "7架債第12号" in text
    assert f"管理番号{document.management_no}" in text
    breakdown = document.breakdown
    assert breakdown is not None
    for amount in (breakdown.principal, breakdown.additional_charge, breakdown.late_charge, breakdown.total):
        assert f"{amount:,}円" in text
    assert (
        breakdown.principal_remaining + breakdown.additional_charge + breakdown.late_charge == breakdown.total
    )


def test_public_and_private_claims_get_their_own_wording():
    public = _flat("".join(page_texts(render_letters([letter("demand")], title="t").pdf)))
    private = _flat("".join(page_texts(render_letters([letter("demand", nature="private")], title="t").pdf)))
    assert "（教示）" in public and "審査請求" in public and "処分の取消しの訴え" in public
    assert "教示" not in private and "催告いたします" in private


def test_page_numbers_count_within_each_letter_and_only_for_letters_of_two_pages_or_more():
    batch = [letter("demand"), letter("agreement"), letter("notice", index=1)]
    rendered = render_letters(batch, title="t")
    assert rendered.pages == (1, 2, 1)
    texts = page_texts(rendered.pdf)
    assert len(texts) == 4
    assert not re.search(r"\d / \d", texts[0]) and not re.search(r"\d / \d", texts[3])
    assert "1 / 2" in texts[1] and "2 / 2" in texts[2]
    assert batch[1].document_number in _flat(texts[2])  # the later page repeats the numbers


def test_line_breaking_never_starts_a_line_with_closing_punctuation():
    rendered = render_letters(
        [letter(kind, index=i) for kind in ("demand", "notice") for i in range(4)], title="t"
    )
    for text in page_texts(rendered.pdf):
        for line in text.splitlines():
            assert not line.strip().startswith(("。", "、", "）", "」", "ー")), line


def test_an_agreement_prints_the_schedule_the_charge_clause_and_seal_lines():
    document = letter("agreement")
    texts = page_texts(render_letters([document], title="合意書").pdf)
    text = _flat("".join(texts))
    for item in document.plan:
        assert f"第{item.number}回" in text and f"{item.amount:,}円" in text
    assert f"{sum(i.amount for i in document.plan):,}円" in text
    assert "引き続き加算される" in text
    assert text.count("印") >= 2 and "乙" in text and "住所（所在地）" in text
    assert document.breakdown is not None and document.breakdown.total == sum(i.amount for i in document.plan)


def test_a_letter_to_the_ward_is_addressed_to_its_department():
    document = letter("reissue")
    assert document.recipient.name_lines[-1].endswith("御中")
    assert "産業振興課" in document.recipient.name_lines[-1]


def test_a_block_without_its_data_is_refused_clearly():
    document = letter("agreement")
    with pytest.raises(ValidationError, match="分納予定表を印刷できません"):
        render_letters([replace(document, plan=())], title="t")
    with pytest.raises(ValidationError, match="印刷する文書がありません"):
        render_letters([], title="t")


def test_paragraphs_that_read_the_same_in_every_letter_are_stored_once_and_printed_on_every_page():
    batch = [letter("demand", index=i) for i in range(6)]
    rendered = render_letters(batch, title="督促状")
    pages = page_texts(rendered.pdf)
    assert len(pages) == 6
    for page, document in zip(pages, batch, strict=True):
        text = _flat(page)
        assert "（教示）" in text and "処分の取消しの訴えを提起することが認められる場合があります" in text
        assert _flat(document.recipient.name_lines[0]) in text
    forms = reader(rendered.pdf).pages[3]["/Resources"]["/XObject"]
    assert len(forms) >= 5  # the shared paragraphs, referenced from the page
    single = len(render_letters(batch[:1], title="督促状").pdf)
    assert len(rendered.pdf) < 6 * single * 0.8

"""The A4 business-document base: fonts embedded, page numbers, footer, kinsoku, escaping, helpers."""

from __future__ import annotations

import datetime as dt

import pytest
from pdf_checks import dark_pixels, embedded_font_file, fonts_by_name, page_texts, reader, render_page_png
from reportlab.platypus import PageBreak

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.domain.fictional import generate_debtors
from saiken.exchange.pdf.document import honorific, para, render, wareki, yen
from saiken.resources import font_path

CHECKPOINT = "5f2c8e0d" * 8  # 64 hex characters, like a SHA-256 checkpoint


def _three_pages() -> bytes:
    debtors = generate_debtors(3, seed=7)
    story = []
    for number, debtor in enumerate(debtors):
        if number:
            story.append(PageBreak())
        story += [
            para("督促状（見本）", "title"),
            para(honorific(debtor.name, debtor.kind == "法人"), "heading"),
            para(f"残額 {yen(debtor.balance)}　納期限 {wareki(debtor.due_date)}"),
        ]
    return render(story, title="見本", footer_text="債権デスク 見本", checkpoint_hash=CHECKPOINT)


def test_pages_are_a4_numbered_page_of_total_with_the_checkpoint_in_every_footer():
    pdf = _three_pages()
    pages = reader(pdf).pages
    assert len(pages) == 3
    for page in pages:
        assert float(page.mediabox.width) == pytest.approx(595.28, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(841.89, abs=0.01)
    for number, text in enumerate(page_texts(pdf), start=1):
        assert f"{number} / 3" in text
        assert CHECKPOINT in text
        assert "債権デスク 見本" in text


def test_amounts_dates_and_names_are_printed_as_a_japanese_reader_expects():
    debtor = generate_debtors(1, seed=7)[0]
    text = "".join(page_texts(_three_pages()))
    assert f"残額 {debtor.balance:,}円" in text
    assert "納期限 令和" in text
    assert honorific(debtor.name, debtor.kind == "法人") in text


def test_both_ipaex_faces_are_embedded_as_subsets_and_nothing_else_is_used():
    pdf = render([para("見出し", "heading"), para("本文は明朝体です。")], title="t")
    fonts = fonts_by_name(pdf)
    assert sorted(name.split("+", 1)[-1] for name in fonts) == ["IPAexGothic", "IPAexMincho"]
    for name, font in fonts.items():
        program = embedded_font_file(font)
        assert program, f"{name} has no /FontFile2"
        assert "+" in name, f"{name} is not a subset"
    whole_font = font_path("mincho").stat().st_size
    assert len(pdf) < whole_font / 10  # subset, not the whole multi-megabyte font


def test_metadata_carries_the_title_and_no_one_else_s_name():
    pdf = render([para("本文")], title="復旧キー", subject="金庫の復旧キー")
    meta = reader(pdf).metadata
    assert meta.title == "復旧キー"
    assert meta.subject == "金庫の復旧キー"
    assert "債権デスク" in (meta.author or "")


def test_japanese_lines_never_begin_with_closing_punctuation():
    # One paragraph per length so that, for some of them, 。 or 、 falls exactly at a line start.
    story = [para("あ" * n + "。" + "い" * 10 + "、" + "う" * 45) for n in range(30, 50)]
    lines = [line for text in page_texts(render(story, title="t")) for line in text.splitlines()]
    assert len(lines) >= 40  # the paragraphs really wrapped
    assert [line for line in lines if line[:1] in "。、）」"] == []


def test_data_text_is_printed_literally_never_taken_as_markup():
    pdf = render([para("<b>株式会社A&B</b> <font size=40>x</font>\n二行目")], title="t")
    text = page_texts(pdf)[0]
    assert "<b>株式会社A&B</b> <font size=40>x</font>" in text
    assert "二行目" in text


def test_the_page_renders_with_ink(tmp_path):
    image = render_page_png(_three_pages(), tmp_path / "page.png")
    assert dark_pixels(image, (0, 0, image.width, image.height)) > 500


@pytest.mark.parametrize(
    ("name", "organisation", "expected"),
    [
        ("架空 太郎", False, "架空 太郎様"),
        ("株式会社テスト商会", True, "株式会社テスト商会御中"),
        ("  株式会社テスト商会\u3000", True, "株式会社テスト商会御中"),
        ("架空 花子様", False, "架空 花子様"),
        ("テスト工業株式会社 御中", True, "テスト工業株式会社 御中"),
    ],
)
def test_honorific(name, organisation, expected):
    assert honorific(name, organisation) == expected


def test_honorific_refuses_an_empty_name_with_a_message_saying_what_to_do():
    with pytest.raises(ValidationError) as caught:
        honorific(" \u3000", False)
    assert "宛名" in str(caught.value)


def test_wareki_takes_the_japanese_calendar_day_of_a_moment():
    late_evening_utc = dt.datetime(2025, 9, 15, 20, 0, tzinfo=dt.UTC)  # 05:00 on the 16th in Japan
    assert wareki(late_evening_utc) == "令和7年9月16日"
    assert wareki(dt.datetime(2025, 9, 16, 23, 59, tzinfo=JST)) == "令和7年9月16日"
    assert wareki(dt.date(2019, 5, 1)) == "令和元年5月1日"


def test_yen_is_the_domain_format():
    assert yen(1234567) == "1,234,567円"

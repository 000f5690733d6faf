"""The registered-mail list (PDF and Excel) and the 12-up address labels, read back as a clerk checks them."""

from __future__ import annotations

import datetime as dt
import io
import re

import openpyxl
import pypdfium2 as pdfium
import pytest
from pdf_checks import page_texts, reader

from saiken.domain.addressing import addressee_lines
from saiken.domain.errors import ValidationError
from saiken.domain.fictional import generate_debtors
from saiken.exchange.excel.mail_list import mail_list_workbook
from saiken.exchange.pdf.mailing import (
    LABEL_HEIGHT,
    LABEL_LEFT,
    LABEL_TOP,
    LABEL_WIDTH,
    MailEntry,
    render_labels,
    render_mail_list,
)

SENT_ON = dt.date(2025, 10, 1)
SENDER = "架空法律事務所　東京都千代田区神田1丁目1番1号"


def _entries(n: int) -> list[MailEntry]:
    methods = ("書留", "特定記録", "簡易書留", "普通")
    return [
        MailEntry(
            number=i,
            postal_code=d.postal_code,
            address=d.address,
            name_lines=addressee_lines(d.name, d.kind, d.representative).lines,
            method=methods[i % 4],
            management_no=d.management_no,
            document_number=f"7架債第{i}号",
            tracking_no="1234-5678-9012" if i == 1 else "",
        )
        for i, d in enumerate(generate_debtors(n, seed=3), start=1)
    ]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_mail_list_has_every_letter_its_kind_and_the_counts():
    entries = _entries(25)
    pdf = render_mail_list(entries, sender=SENDER, sent_on=SENT_ON)
    text = _flat("".join(page_texts(pdf)))
    assert "書留・特定記録郵便物等差出票" in text and "令和7年10月1日" in text
    assert "合計25通（一般書留6通簡易書留6通特定記録7通普通6通）" in text
    for entry in entries:
        assert entry.management_no in text and entry.document_number in text
        assert _flat(entry.name_lines[0]) in text
    assert "1234-5678-9012" in text
    assert len(reader(pdf).pages) >= 2  # the header row repeats on the next page
    assert all("受取人（宛名）" in page for page in page_texts(pdf))


def test_the_excel_mail_list_reads_back_with_the_same_rows():
    entries = _entries(5)
    data = mail_list_workbook(entries, sender=SENDER, sent_on=SENT_ON)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet["A1"].value == "書留・特定記録郵便物等差出票"
    header = [c.value for c in sheet[4]]
    assert header == [
        "番号",
        "受取人（宛名）",
        "郵便番号",
        "住所",
        "種類",
        "引受番号",
        "管理番号",
        "文書番号",
    ]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5)]
    assert [r[6] for r in rows] == [e.management_no for e in entries]
    assert rows[0][4] == "特定記録" and rows[0][5] == "1234-5678-9012"
    assert [r[4] for r in rows[1:4]] == ["簡易書留", "普通", "一般書留"]
    assert rows[1][3] == entries[1].address


def test_a_name_that_looks_like_a_formula_is_written_as_text():
    entry = _entries(1)[0]
    hostile = MailEntry(**{**entry.__dict__, "name_lines": ('=HYPERLINK("http://x")',)})
    sheet = openpyxl.load_workbook(
        io.BytesIO(mail_list_workbook([hostile], sender=SENDER, sent_on=SENT_ON))
    ).active
    assert sheet["B5"].value.startswith("'=")


def _hits(textpage, needle):
    """The bounding box of every occurrence of `needle` on the page."""
    searcher = textpage.search(needle)
    while (hit := searcher.get_next()) is not None:
        boxes = [textpage.get_charbox(i) for i in range(hit[0], hit[0] + hit[1])]
        yield (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )


def test_labels_are_twelve_to_a_sheet_each_inside_its_own_label():
    entries = _entries(13)
    pdf = render_labels(entries)
    document = pdfium.PdfDocument(pdf)
    try:
        assert len(document) == 2
        page = document[0]
        height = page.get_height()
        textpage = page.get_textpage()
        for position, entry in enumerate(entries[:12]):
            row, column = divmod(position, 2)
            left = LABEL_LEFT + column * LABEL_WIDTH
            top = height - LABEL_TOP - row * LABEL_HEIGHT
            for needle in (f"〒{entry.postal_code}", entry.management_no, entry.name_lines[0]):
                assert any(
                    left < x0 and x1 < left + LABEL_WIDTH and top - LABEL_HEIGHT < y0 and y1 < top
                    for x0, y0, x1, y1 in _hits(textpage, needle)
                ), (position, needle)
        assert entries[12].management_no in document[1].get_textpage().get_text_range()
    finally:
        document.close()


def test_nothing_to_list_is_refused():
    with pytest.raises(ValidationError):
        render_labels([])
    with pytest.raises(ValidationError):
        render_mail_list([], sender=SENDER, sent_on=SENT_ON)

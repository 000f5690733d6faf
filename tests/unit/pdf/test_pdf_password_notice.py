"""The 「パスワード通知書」, read back with pypdf and rendered with pdfium, as the person who receives it
would check it."""

from __future__ import annotations

import pytest
from pdf_checks import dark_pixels, page_texts, reader, render_page_png, text_box_pixels
from pypdf.generic import ArrayObject

from saiken.domain.errors import ValidationError
from saiken.domain.generated_passwords import generate
from saiken.exchange.pdf.password_notice import PasswordNotice, generated_groups, render_password_notice

ROWS = (
    ("団体名", "架空の森法律事務所"),
    ("保存日時", "令和7年10月1日 10時30分"),
    ("保存した人（アカウント名）", "kanri-test"),
    ("ファイルの照合番号", "3F2A-9C01-77BE-4D10"),
)


def notice(password: str, **overrides) -> bytes:
    fields = {"subject": "債務者一覧（Excel ファイル）", "password": password, "rows": ROWS} | overrides
    return render_password_notice(PasswordNotice(**fields))


def test_a_generated_password_is_printed_in_numbered_groups_on_one_a4_page(tmp_path):
    password = generate()
    pdf = notice(password)
    document = reader(pdf)
    assert len(document.pages) == 1
    box = document.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = page_texts(pdf)[0]
    compact = text.replace("\n", "").replace(" ", "")
    assert "パスワード通知書" in text and "取扱注意" in text
    assert "債務者一覧（Excel ファイル）を開くためのパスワードをお知らせします" in text.replace("\n", "")
    for label, value in ROWS:
        assert label in compact and value.replace(" ", "") in compact
    for group in password.split("-"):
        assert group in text
    assert password in text  # also written out in one line, as it is typed
    assert "ハイフン（-）も含めて" in compact and "大文字" in compact
    assert "別の機会" in compact and "シュレッダー" in compact and "受領確認欄" in compact
    image = render_page_png(pdf, tmp_path / "notice.png")
    first = password.split("-")[0]
    assert dark_pixels(image, text_box_pixels(pdf, first)) > 50  # the group is really drawn, and large


def test_the_password_is_never_in_the_metadata():
    password = generate()
    pdf = notice(password)
    metadata = reader(pdf).metadata
    assert metadata.title == "パスワード通知書"
    assert metadata.subject == "債務者一覧（Excel ファイル）のパスワード"
    assert all(password not in str(value) for value in metadata.values())
    assert not isinstance(reader(pdf).trailer.get("/ID"), ArrayObject) or password not in str(
        reader(pdf).trailer["/ID"]
    )


def test_a_typed_password_is_printed_as_it_is():
    typed = "みどりの窓口 2025 秋!"
    pdf = notice(typed)
    text = page_texts(pdf)[0]
    assert typed in text
    assert "表示どおりに入力してください" in text.replace("\n", "")
    assert generated_groups(typed) is None
    assert generated_groups("ABCD-EFGH") == ["ABCD", "EFGH"]
    assert generated_groups("abcd-efgh") is None


def test_a_handover_package_can_bring_its_own_facts_and_instructions():
    pdf = notice(
        generate(),
        subject="引渡しパッケージ（debtors）",
        rows=(("パッケージID", "PKG-0001"), ("受取先", "架空区 産業振興課")),
        instructions=("媒体とは別の機会にお渡しします。",),
        footer="債権デスク　パッケージ PKG-0001",
        checkpoint_hash="ab" * 32,
    )
    text = page_texts(pdf)[0].replace("\n", "")
    assert "引渡しパッケージ（debtors）を開くためのパスワード" in text
    assert "PKG-0001" in text and "1．媒体とは別の機会にお渡しします。" in text
    assert "監査チェックポイント: " + "ab" * 32 in text


@pytest.mark.parametrize(("subject", "password"), [("", "x" * 12), ("債務者一覧", " ")])
def test_an_empty_subject_or_password_is_refused(subject, password):
    with pytest.raises(ValidationError):
        notice(password, subject=subject)

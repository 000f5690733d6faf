"""The 「復旧キー」 sheet, read back with pypdf and rendered with pdfium, as an administrator would check it."""

from __future__ import annotations

import datetime as dt
import secrets

import pytest
from pdf_checks import (
    dark_pixels,
    embedded_font_file,
    fonts_by_name,
    page_texts,
    reader,
    render_page_png,
    text_box_pixels,
)

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.exchange.pdf.recovery_sheet import key_groups, render_recovery_sheet

ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # a fictional key alphabet; the sheet takes any letters/digits


def fictional_key(groups: int = 6, size: int = 5) -> str:
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(size)) for _ in range(groups))


def sheet(key: str, **overrides) -> bytes:
    fields = {
        "org_name": "架空区 産業振興課",
        "vault_id": "9d1c7e42-0b5a-4f8e-a3d6-2c71e0f95b18",
        "recovery_key": key,
        "created_at": dt.datetime(2025, 9, 16, 10, 30, tzinfo=JST),
        "created_by": "kanri-test",
    } | overrides
    return render_recovery_sheet(**fields)


def test_the_sheet_is_one_a4_page_with_title_key_groups_and_the_vault_facts():
    key = fictional_key()
    pdf = sheet(key)
    pages = reader(pdf).pages
    assert len(pages) == 1
    text = page_texts(pdf)[0]
    assert "復旧キー" in text
    for group in key.split("-"):
        assert group in text
    assert key in text  # the key written out in one line as well
    assert "架空区 産業振興課" in text
    assert "9d1c7e42-0b5a-4f8e-a3d6-2c71e0f95b18" in text
    assert "令和7年9月16日" in text
    assert "kanri-test" in text
    assert "1 / 1" in text


def test_the_instructions_say_how_to_keep_it_and_what_to_do_if_it_is_lost():
    text = page_texts(sheet(fictional_key()))[0].replace("\n", "")
    assert "どのパソコンからでも" in text
    assert "施錠" in text
    assert "別の場所" in text
    assert "なくしたとき" in text
    assert "取扱責任者" in text
    assert "印" in text  # the seal box


def test_the_sheet_calls_the_vault_kinko_as_the_rest_of_the_product_does():
    """The product's word for the vault is 金庫 (screens, messages, README); the sheet must not say 保管庫."""
    pdf = sheet(fictional_key())
    text = page_texts(pdf)[0].replace("\n", "").replace(" ", "")  # line breaks come out as spaces
    assert "保管庫" not in text
    assert "金庫ID" in text and "この金庫を開くことができます" in text and "金庫を開けなくなります" in text
    assert "耐火庫" in text  # the paper goes in a physical safe: not the word for the software vault
    assert reader(pdf).metadata.subject == "金庫の復旧キー"
    with pytest.raises(ValidationError) as caught:
        sheet("ABCDE-12345")
    assert "保管庫" not in f"{caught.value} {caught.value.hint}" and "金庫の作成" in caught.value.hint


def test_fonts_are_embedded_so_the_sheet_prints_the_same_anywhere():
    fonts = fonts_by_name(sheet(fictional_key()))
    assert sorted(name.split("+", 1)[-1] for name in fonts) == ["IPAexGothic", "IPAexMincho"]
    for name, font in fonts.items():
        assert embedded_font_file(font), f"{name} has no /FontFile2"


def test_the_key_box_has_ink_where_the_key_is(tmp_path):
    key = fictional_key()
    pdf = sheet(key)
    image = render_page_png(pdf, tmp_path / "recovery.png")
    assert (tmp_path / "recovery.png").stat().st_size > 0
    for group in key.split("-"):
        box = text_box_pixels(pdf, group)
        width, height = box[2] - box[0], box[3] - box[1]
        assert height > 30  # large type: more than 15 pt at the 2x render scale
        assert dark_pixels(image, box) > width * height * 0.08


def test_a_long_key_still_fits_on_one_page_with_every_group():
    key = fictional_key(groups=16, size=4)
    pdf = sheet(key)
    assert len(reader(pdf).pages) == 1
    text = page_texts(pdf)[0]
    assert all(group in text for group in key.split("-"))


def test_the_key_never_goes_into_the_pdf_metadata():
    key = fictional_key()
    meta = reader(sheet(key)).metadata
    values = " ".join(str(value) for value in meta.values())
    assert meta.title == "復旧キー"
    assert not any(group in values for group in key.split("-"))


def test_creation_date_is_the_japanese_calendar_day():
    pdf = sheet(fictional_key(), created_at=dt.datetime(2025, 9, 15, 16, 0, tzinfo=dt.UTC))  # 01:00 JST
    assert "令和7年9月16日" in page_texts(pdf)[0]


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "ABCDE-12345",
        "ＡＢＣＤＥ-ＦＧＨＪＫ-ＭＮＰＱＲ-ＳＴＶＷＸ-ＹＺ234-56789",
        "ABCDE/FGHJK/MNPQR/STVWX/YZ234/56789",
        "ABCDÉ-FGHJK-MNPQR-STVWX-YZ234-56789",
    ],
)
def test_a_malformed_key_is_refused_without_repeating_it(bad):
    with pytest.raises(ValidationError) as caught:
        sheet(bad)
    message = str(caught.value)
    assert "復旧キー" in message
    assert not any(part and part in message for part in bad.replace("/", "-").split("-"))


@pytest.mark.parametrize(
    ("field", "label"), [("org_name", "団体名"), ("vault_id", "金庫ID"), ("created_by", "作成者")]
)
def test_a_missing_field_is_named(field, label):
    with pytest.raises(ValidationError) as caught:
        sheet(fictional_key(), **{field: " "})
    assert label in str(caught.value)


def test_the_sheet_says_which_confusable_characters_the_key_lacks():
    lacking = page_texts(sheet("ABCDE-FGHJK-MNPQR-STVWX-YZ234-56789"))[0].replace("\n", "")
    assert "I・L・O は含まれていません" in lacking
    assert "含まれていません" not in page_texts(sheet("ABCDE-FGHJK-MNPQR-STVWX-YZ234-5678O"))[0]


def test_key_groups_accept_spaces_or_hyphens():
    assert key_groups(" K7PQ2 ABCDE-WXY34  MNPQ9-Q8RST-7HJKV ") == [
        "K7PQ2",
        "ABCDE",
        "WXY34",
        "MNPQ9",
        "Q8RST",
        "7HJKV",
    ]


def test_rendering_writes_no_file_anywhere(tmp_path, monkeypatch):
    import tempfile

    spy = tmp_path / "tmp"
    spy.mkdir()
    monkeypatch.setenv("TMPDIR", str(spy))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    pdf = sheet(fictional_key())
    assert pdf.startswith(b"%PDF-")
    assert sorted(tmp_path.rglob("*")) == before  # nothing in the temp folder, nothing in the cwd


def test_an_organisation_name_with_markup_characters_is_printed_as_written():
    pdf = sheet(fictional_key(), org_name="架空<商会>&パートナーズ")
    assert "架空<商会>&パートナーズ" in page_texts(pdf)[0]


def test_a_key_made_by_the_vault_prints_in_full_and_types_back_from_the_paper():
    from saiken.security.recovery_key import generate_recovery_key, normalise_recovery_key

    key = generate_recovery_key()
    text = page_texts(sheet(key))[0]
    groups = key.split("-")
    assert all(group in text for group in groups)
    assert "I・L・O は含まれていません" in text.replace("\n", "")
    typed_from_paper = " ".join(group.lower() for group in groups)  # as a person might type it
    assert normalise_recovery_key(typed_from_paper) == key


ORG_FP = "00416 36993 98000 20119 36917 29056 74283 51962"
GENESIS_FP = "54325 46136 22538 59905 90549 00993 22661 20661"


def test_the_sheet_shows_the_organisation_and_founding_fingerprints_on_one_page():
    pdf = sheet(fictional_key(), org_fingerprint=ORG_FP, genesis_fingerprint=GENESIS_FP)
    assert len(reader(pdf).pages) == 1
    text = page_texts(pdf)[0]
    assert "組織の鍵の指紋" in text and "創設の記録の指紋" in text
    for group in (*ORG_FP.split(), *GENESIS_FP.split()):
        assert group in text
    assert "読み上げて照合" in text.replace("\n", "")
    with pytest.raises(ValidationError, match="指紋"):
        sheet(fictional_key(), org_fingerprint="<script>")

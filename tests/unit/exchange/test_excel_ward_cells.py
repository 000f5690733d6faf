"""Header recognition and the cell converters of the ward workbook reader."""

from __future__ import annotations

import datetime as dt

import pytest

from saiken.domain.errors import ValidationError
from saiken.exchange.excel import ward_cells as cells
from saiken.exchange.excel import ward_headers as h


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("管理番号", h.MANAGEMENT_NO),
        ("管理 番号", h.MANAGEMENT_NO),
        ("管理No.", h.MANAGEMENT_NO),
        ("氏名", h.NAME),
        ("名称", h.NAME),
        ("事業者名", h.NAME),
        ("債務者名", h.NAME),
        ("氏名又は名称", h.NAME),
        ("フリガナ", h.NAME_KANA),
        ("ふりがな", h.NAME_KANA),
        ("カナ", h.NAME_KANA),
        ("事業者名　フリガナ", h.NAME_KANA),
        ("代表者フリガナ", h.REPRESENTATIVE_KANA),
        ("代表者氏名", h.REPRESENTATIVE),
        ("郵便番号", h.POSTAL_CODE),
        ("〒", h.POSTAL_CODE),
        ("送付先郵便番号", h.MAILING_POSTAL_CODE),
        ("住所", h.ADDRESS),
        ("所在地", h.ADDRESS),
        ("送付先住所", h.MAILING_ADDRESS),
        ("電話番号", h.PHONE),
        ("ＴＥＬ", h.PHONE),
        ("E-mail", h.EMAIL),
        ("交付年度", h.FISCAL_YEAR),
        ("交付決定日", h.DECISION_DATE),
        ("交付額", h.GRANT_AMOUNT),
        ("交付決定額", h.GRANT_AMOUNT),
        ("受領日", h.RECEIVED_DATE),
        ("返還命令日", h.ORDER_DATE),
        ("債権金額", h.PRINCIPAL),
        ("返還金額", h.PRINCIPAL),
        ("返還金額（円）", h.PRINCIPAL),
        ("返還金額 (単位:円)", h.PRINCIPAL),
        ("返還額", h.PRINCIPAL),
        ("納期限", h.DUE_DATE),
        ("納付期限", h.DUE_DATE),
        ("既納付額", h.PAID),
        ("納付済額", h.PAID),
        ("経過", h.NOTES),
        ("備考", h.NOTES),
        ("※管理番号", h.MANAGEMENT_NO),
        ("未納付額", None),
        ("残高", None),
        ("担当", None),
        ("", None),
    ],
)
def test_headers(header, field):
    assert h.classify_header(header) == field


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("160-0023", "160-0023"),
        ("1600023", "160-0023"),
        ("〒160-0023", "160-0023"),
        ("〒 １６０－００２３", "160-0023"),
        (1600023, "160-0023"),
        (600001, "060-0001"),
    ],
)
def test_postal_codes(value, expected):
    assert cells.postal_code(value) == expected


@pytest.mark.parametrize("value", ["160-002", "16O-0023", "12345678", "東京都"])
def test_bad_postal_codes(value):
    with pytest.raises(ValidationError, match="7桁"):
        cells.postal_code(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("カブシキガイシャ", "カブシキガイシャ"),
        ("かぶしきがいしゃ", "カブシキガイシャ"),
        ("ｶﾌﾞｼｷｶﾞｲｼｬ", "カブシキガイシャ"),
        ("ｻﾄｳ ﾀﾞｲｽｹ", "サトウ\u3000ダイスケ"),
        ("  さとう　　だいすけ ", "サトウ\u3000ダイスケ"),
    ],
)
def test_readings(value, expected):
    assert cells.reading(value) == expected


def test_a_reading_with_kanji_is_refused():
    with pytest.raises(ValidationError, match="漢字"):
        cells.reading("佐藤ダイスケ")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2025, 9, 16), dt.date(2025, 9, 16)),
        ("2025-09-16", dt.date(2025, 9, 16)),
        ("2025/9/16", dt.date(2025, 9, 16)),
        ("令和7年9月16日", dt.date(2025, 9, 16)),
        ("R7.9.16", dt.date(2025, 9, 16)),
        ("R07/09/16", dt.date(2025, 9, 16)),
        ("令和７年９月１６日", dt.date(2025, 9, 16)),
        (20250916, dt.date(2025, 9, 16)),
        (45916, dt.date(2025, 9, 16)),
        ("令和7年9月16日（火）", dt.date(2025, 9, 16)),
        ("2025/9/16(火曜日)", dt.date(2025, 9, 16)),
        ("2025/09/16 0:00:00", dt.date(2025, 9, 16)),
    ],
)
def test_dates(value, expected):
    assert cells.date(value) == expected


@pytest.mark.parametrize(
    "value", ["2025-02-29", "令和7年13月1日", "昨日", 3, dt.time(9, 0), "令和7年9月16日（火"]
)
def test_bad_dates(value):
    with pytest.raises(ValidationError):
        cells.date(value)


def test_a_weekday_that_does_not_match_the_date_is_refused():
    with pytest.raises(ValidationError, match="9月16日は火曜日"):
        cells.date("令和7年9月16日（月）")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (837000, 837000),
        (837000.0, 837000),
        ("837,000", 837000),
        ("837,000円", 837000),
        ("￥837,000", 837000),
        ("８３７，０００", 837000),
        (0, 0),
    ],
)
def test_amounts(value, expected):
    assert cells.amount(value) == expected
    assert type(cells.amount(value)) is int


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (-1, "マイナス"),
        ("△5,000", "マイナス"),
        (100.5, "端数"),
        ("#DIV/0!", "#DIV/0!"),
        ("八十万", "読めません"),
    ],
)
def test_bad_amounts(value, reason):
    with pytest.raises(ValidationError, match=reason):
        cells.amount(value)


def test_names_are_trimmed_and_inner_spaces_kept_as_one():
    assert cells.text("  佐藤　　大輔\u3000") == "佐藤\u3000大輔"
    assert cells.text("株式会社ＡＢＣ  Trading") == "株式会社ABC Trading"
    assert cells.text("ｶﾌﾞｼｷｶﾞｲｼｬ四谷") == "カブシキガイシャ四谷"


def test_kind_words_and_inference():
    assert cells.kind("法人", "") == "法人"
    assert cells.kind("個人事業主", "") == "個人"
    assert cells.kind("個人", "") == "個人"
    assert cells.kind(None, "株式会社四谷企画") == "法人"
    assert cells.kind(None, "四谷企画") == "個人"
    with pytest.raises(ValidationError, match="法人"):
        cells.kind("団体", "")


def test_phone_and_email():
    assert cells.phone("０３－５３４４－６６５０") == "03-5344-6650"
    assert cells.phone(9012345678) == "09012345678"
    with pytest.raises(ValidationError, match="桁"):
        cells.phone("5344-6650")
    assert cells.email(" info001@example.jp ") == "info001@example.jp"
    with pytest.raises(ValidationError, match="メールアドレス"):
        cells.email("info001.example.jp")


def test_management_numbers_fold_width_and_dashes():
    assert cells.management_no("ｒ７－０００１") == "R7-0001"
    assert cells.management_no(" R7 - 0001 ") == "R7-0001"
    assert cells.management_no(12.0) == "12"

"""The search keys of the shared machinery (saiken.services.textsearch) are the ones their definitions give:
gram tokens (every bigram of every value and each value's last character, eight hex digits of UTF-32 per
character), the list's sort reading (a corporate form's reading dropped at either end, longest first) and
a phone number's ASCII digits. The module computes them faster for the import (issue 7); these hold the
straightforward definitions beside them."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from saiken.domain.textfold import digits_only, fold
from saiken.services.textsearch import (
    CORPORATE_READINGS,
    FIELD_SEPARATOR,
    gram_token,
    grams_of,
    sort_reading,
    value_grams,
)


def _reference_grams(value: str) -> set[str]:
    return {gram_token(value[i : i + 2]) for i in range(len(value) - 1)} | (
        {gram_token(value[-1])} if value else set()
    )


def _reference_reading(name_kana: str, name: str) -> str:
    reading = fold(name_kana) or fold(name)
    for form in CORPORATE_READINGS:
        if reading.startswith(form) and len(reading) > len(form):
            return reading[len(form) :]
        if reading.endswith(form) and len(reading) > len(form):
            return reading[: -len(form)]
    return reading


KEYS = st.text(alphabet=st.sampled_from("アイウカ高𠮷ab0１-\n\x00" + FIELD_SEPARATOR), max_size=12) | st.text(
    max_size=12
)
READINGS = st.lists(st.sampled_from([*CORPORATE_READINGS, "ヨツヤ", "カ", "ー", ""]), max_size=4).map("".join)


def test_worked_gram_tokens() -> None:
    assert value_grams("高橋") == {"00009ad800006a4b", "00006a4b"}  # 高 U+9AD8 橋 U+6A4B: 高橋 and 橋
    assert value_grams("高橋") == {gram_token("高橋"), gram_token("橋")}
    assert value_grams("") == set()
    assert grams_of(["高橋" + FIELD_SEPARATOR + "a", ""]).split(" ").count(gram_token("a")) == 1


@settings(max_examples=300)
@given(KEYS)
def test_value_grams_are_every_bigram_and_the_last_character(value: str) -> None:
    assert value_grams(value) == _reference_grams(value)


@settings(max_examples=300)
@given(st.lists(KEYS, max_size=6))
def test_a_records_gram_document_holds_the_tokens_of_every_value(columns: list[str]) -> None:
    expected: set[str] = set()
    for column in columns:
        for value in column.split(FIELD_SEPARATOR):
            expected |= _reference_grams(value)
    document = grams_of(columns)
    assert set(document.split()) == expected and len(document.split()) == len(expected)


@settings(max_examples=300)
@given(READINGS, st.text(max_size=8))
def test_the_sort_reading_drops_a_corporate_form_at_either_end(name_kana: str, name: str) -> None:
    assert sort_reading(name_kana, name) == _reference_reading(name_kana, name)


def test_worked_sort_readings() -> None:
    assert sort_reading("カブシキガイシャヨツヤビヨウシツ", "株式会社四谷美容室") == "ヨツヤビヨウシツ"
    assert sort_reading("ヨツヤビヨウシツカブシキガイシャ", "") == "ヨツヤビヨウシツ"
    assert sort_reading("カブシキガイシャ", "") == "カブシキガイシャ"  # nothing but the form: kept
    assert sort_reading("", "やまだ") == "ヤマダ"


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from("0123456789０１２３４-－() 内線①٣"), max_size=16) | st.text(max_size=16)
)
def test_digits_only_keeps_the_ascii_digits_after_nfkc(text: str) -> None:
    expected = "".join(ch for ch in unicodedata.normalize("NFKC", text) if "0" <= ch <= "9")
    assert digits_only(text) == expected

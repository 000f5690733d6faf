"""The ward reader's fast paths give what the general steps give (issue 7's import speed).

`tidy` takes ASCII text, and text without a space inside, by a shorter way; `reading` hands back a text
that is already full-width katakana as it is. Each is checked here against the steps as they were
written before (the references below), on texts built from the characters where they could differ.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ERROR_CODES

from saiken.domain import textfold
from saiken.domain.errors import ValidationError
from saiken.exchange.excel import ward_cells as cells


def _reference_tidy(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    pieces = re.split(r"(\s+)", str(value).strip())
    return "".join(
        unicodedata.normalize("NFKC", piece) if index % 2 == 0 else ("\u3000" if "\u3000" in piece else " ")
        for index, piece in enumerate(pieces)
    )


def _reference_reading(value: object) -> str:
    if isinstance(value, str) and value.strip() in ERROR_CODES:
        raise ValidationError("formula error")
    result = textfold.to_katakana(str(value))
    if re.search("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f々〆]", result):
        raise ValidationError("kanji")
    return result


def _outcome(convert, value: object) -> tuple[str, str]:
    try:
        return ("value", convert(value))
    except ValidationError:
        return ("refused", "")


SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2003\u3000"
TEXT = st.text(
    alphabet=st.sampled_from(
        SPACES + "abcAZ09-.,@#/!()〒ＡＢ１２－ｱｶﾞﾊﾟｰ¨ﬁ①㈱塚あがアガヴヽーヷヺ・漢字山田\u3099\u309a"
    ),
    max_size=16,
)
KATAKANA = st.text(alphabet=st.sampled_from("アイウガパヴヵヶヷヺーァッャ\u3000 ・ヽヾｱ\u3099"), max_size=16)


@settings(max_examples=600)
@given(st.one_of(TEXT, st.text(max_size=20), st.integers(), st.floats(allow_nan=False)))
def test_tidy_gives_what_the_general_steps_give(value: object) -> None:
    assert cells.tidy(value) == _reference_tidy(value)


@settings(max_examples=600)
@given(st.one_of(KATAKANA, TEXT, st.text(max_size=20)))
def test_reading_gives_what_the_general_steps_give(value: str) -> None:
    assert _outcome(cells.reading, value) == _outcome(_reference_reading, value)


def test_every_katakana_the_fast_path_takes_is_its_own_reading() -> None:
    for code in [*range(0x30A1, 0x30FB), 0x30FC]:
        char = chr(code)
        assert textfold.to_katakana(char) == char
        assert textfold.to_katakana(f"{char}\u3000{char}") == f"{char}\u3000{char}"


def test_a_space_to_split_on_is_a_space_to_the_pattern_too() -> None:
    # tidy's ASCII way splits with str.split(); the general way with the pattern \s+
    for code in range(0x110000):
        char = chr(code)
        assert (re.fullmatch(r"\s", char) is not None) == char.isspace(), hex(code)

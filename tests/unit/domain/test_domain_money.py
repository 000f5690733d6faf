"""Integer yen: formatting and reading amounts as people and Excel give them."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saiken.domain.errors import ValidationError
from saiken.domain.money import format_yen, parse_yen


def test_format_yen() -> None:
    assert format_yen(1234567) == "1,234,567円"
    assert format_yen(0) == "0円"
    assert format_yen(999) == "999円"
    assert format_yen(-1234) == "-1,234円"
    with pytest.raises(TypeError):
        format_yen(12.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1234567, 1234567),
        (1234567.0, 1234567),  # Excel gives every number as a float
        (Decimal("1234567"), 1234567),
        (Decimal("1234567.00"), 1234567),
        (Fraction(10, 1), 10),
        ("1,234,567", 1234567),
        ("1,234,567円", 1234567),
        ("￥1,234", 1234),
        ("¥1234", 1234),
        ("１，２３４，５６７円", 1234567),
        ("  500 円 ", 500),
        ("1234.00", 1234),
        ("0", 0),
        ("-1,234", -1234),
        ("△1,234", -1234),
    ],
)
def test_parse_yen_accepts(value: object, expected: int) -> None:
    result = parse_yen(value)
    assert result == expected
    assert type(result) is int


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (1234.5, "1円未満の端数"),
        (Decimal("0.5"), "1円未満の端数"),
        ("12.5", "1円未満の端数"),
        ("1,23", "桁区切り"),
        ("12,3456", "桁区切り"),
        ("abc", "金額として読めません"),
        ("1万円", "金額として読めません"),
        ("", "金額が空"),
        (None, "金額が空"),
        (True, "金額として読めません"),
        (float("inf"), "金額として読めません"),
    ],
)
def test_parse_yen_refuses(value: object, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_yen(value)
    assert fragment in str(caught.value)


@settings(max_examples=200)
@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_formatted_amounts_read_back(amount: int) -> None:
    assert parse_yen(format_yen(amount)) == amount
    assert parse_yen(float(amount)) == amount

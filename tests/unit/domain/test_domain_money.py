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


def test_exact_amounts_for_the_statement() -> None:
    from saiken.domain.money import format_exact_yen

    assert format_exact_yen(Fraction(922_221_549, 10_000)) == "92,222.1549円"
    assert format_exact_yen(Fraction(13_748_735, 365)) == "37,667.7671…円"  # cut, not rounded (…7671 2…)
    assert format_exact_yen(Fraction(15_150)) == "15,150円"
    assert format_exact_yen(Fraction(1, 2)) == "0.5円"
    assert format_exact_yen(Fraction(-1, 3)) == "-0.3333…円"


def test_rates_as_percent() -> None:
    from saiken.domain.rule_profiles import format_percent, percent

    assert format_percent(percent("10.95")) == "10.95%"
    assert format_percent(percent("2.4")) == "2.4%"
    assert format_percent(Fraction(1, 3)) == "33.333333…%"

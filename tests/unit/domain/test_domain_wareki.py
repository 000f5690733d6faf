"""Era dates and fiscal years (DESIGN §8)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saiken.domain.errors import ValidationError
from saiken.domain.wareki import (
    era_of,
    format_fiscal_year,
    format_wareki,
    parse_date,
    parse_fiscal_year,
    read_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-09-16", dt.date(2025, 9, 16)),
        ("2025/9/16", dt.date(2025, 9, 16)),
        ("2025.9.16", dt.date(2025, 9, 16)),
        ("2025年9月16日", dt.date(2025, 9, 16)),
        ("令和7年9月16日", dt.date(2025, 9, 16)),
        ("令和元年5月1日", dt.date(2019, 5, 1)),
        ("令和1年5月1日", dt.date(2019, 5, 1)),
        ("R7.9.16", dt.date(2025, 9, 16)),
        ("R07/09/16", dt.date(2025, 9, 16)),
        ("r7.9.16", dt.date(2025, 9, 16)),
        ("R元.5.1", dt.date(2019, 5, 1)),
        ("H31.4.30", dt.date(2019, 4, 30)),
        ("平成元年1月8日", dt.date(1989, 1, 8)),
        ("S64.1.7", dt.date(1989, 1, 7)),
        ("昭和元年12月25日", dt.date(1926, 12, 25)),
        ("T15.12.24", dt.date(1926, 12, 24)),
        ("M45.7.29", dt.date(1912, 7, 29)),
        ("明治元年1月25日", dt.date(1868, 1, 25)),
        ("　Ｒ７．９．１６　", dt.date(2025, 9, 16)),  # full-width letters, digits and spaces
        ("２０２５－０９－１６", dt.date(2025, 9, 16)),
        ("令和７年９月１６日", dt.date(2025, 9, 16)),
        ("㋿7年9月16日", dt.date(2025, 9, 16)),  # the one-character era sign (NFKC)
        ("20250916", dt.date(2025, 9, 16)),
        (" 2024-02-29 ", dt.date(2024, 2, 29)),
        ("2025-09-16 00:00:00", dt.date(2025, 9, 16)),  # a text cell from Excel with the time
        ("2025/09/16 9:30", dt.date(2025, 9, 16)),
        ("2025-09-16T00:00:00", dt.date(2025, 9, 16)),
    ],
)
def test_parse_date_accepts_the_usual_writings(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


def test_parse_date_passes_dates_through() -> None:
    assert parse_date(dt.date(2025, 9, 16)) == dt.date(2025, 9, 16)
    assert parse_date(dt.datetime(2025, 9, 16, 13, 30)) == dt.date(2025, 9, 16)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2025-02-30", "存在しない日付"),
        ("2023-02-29", "存在しない日付"),
        ("令和元年4月30日", "令和が始まる前"),  # before 令和 began
        ("平成元年1月7日", "平成が始まる前"),
        ("H1.1.7", "平成が始まる前"),
        ("R0.1.1", "年が0"),
        ("R7.13.1", "存在しない日付"),
        ("X7.9.16", "日付として読めません"),
        ("2025-09-16 25", "日付として読めません"),
        ("hello", "日付として読めません"),
        ("", "日付が空"),
    ],
)
def test_parse_date_refuses_impossible_dates_naming_the_text(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date(text)
    assert fragment in str(caught.value)
    if text:
        assert f"「{text}」" in str(caught.value)


def test_format_wareki_styles() -> None:
    day = dt.date(2025, 9, 16)
    assert format_wareki(day) == "令和7年9月16日"
    assert format_wareki(day, "short") == "R7.9.16"
    assert format_wareki(day, "long_zero") == "令和07年09月16日"
    assert format_wareki(dt.date(2019, 5, 1)) == "令和元年5月1日"
    assert format_wareki(dt.date(2019, 4, 30)) == "平成31年4月30日"
    assert format_wareki(dt.date(1989, 1, 7)) == "昭和64年1月7日"
    assert format_wareki(dt.date(1989, 1, 8)) == "平成元年1月8日"
    assert format_wareki(dt.date(1912, 7, 30)) == "大正元年7月30日"


def test_era_of_boundaries() -> None:
    assert era_of(dt.date(2019, 4, 30)).name == "平成"
    assert era_of(dt.date(2019, 5, 1)).name == "令和"
    assert era_of(dt.date(1926, 12, 24)).name == "大正"
    assert era_of(dt.date(1926, 12, 25)).name == "昭和"
    with pytest.raises(ValidationError):
        era_of(dt.date(1868, 1, 24))


@settings(max_examples=200)
@given(st.dates(min_value=dt.date(1868, 1, 25), max_value=dt.date(2200, 12, 31)))
def test_every_style_reads_back_to_the_same_day(day: dt.date) -> None:
    for style in ("long", "long_zero", "short"):
        assert parse_date(format_wareki(day, style)) == day
    assert parse_date(day.isoformat()) == day


def test_fiscal_years() -> None:
    assert format_fiscal_year(2024) == "令和6年度"
    assert format_fiscal_year(2019) == "令和元年度"
    assert format_fiscal_year(2018) == "平成30年度"
    assert format_fiscal_year(1989) == "平成元年度"
    assert format_fiscal_year(1988) == "昭和63年度"
    for text in ("令和6年度", "R6年度", "Ｒ６年度", "2024年度", "2024", " 2024 "):
        assert parse_fiscal_year(text) == 2024
    assert parse_fiscal_year("令和元年度") == 2019
    assert parse_fiscal_year("平成31年度") == 2019
    assert parse_fiscal_year(2024) == 2024
    for year in range(1900, 2100):
        assert parse_fiscal_year(format_fiscal_year(year)) == year


@pytest.mark.parametrize(
    ("text", "day", "written_today"),
    [
        ("平成31年5月1日", dt.date(2019, 5, 1), "令和元年5月1日"),  # the day after 平成 ended
        ("平成32年4月1日", dt.date(2020, 4, 1), "令和2年4月1日"),  # a year past the era's end
        ("H31.5.1", dt.date(2019, 5, 1), "令和元年5月1日"),
        ("S64.1.8", dt.date(1989, 1, 8), "平成元年1月8日"),
        ("大正15年12月25日", dt.date(1926, 12, 25), "昭和元年12月25日"),
    ],
)
def test_a_date_past_its_eras_end_is_that_same_day_and_says_so(
    text: str, day: dt.date, written_today: str
) -> None:
    # As the government treats old forms that still print the old era: 平成32年4月1日 is 2020-04-01.
    assert parse_date(text) == day
    reading = read_date(text)
    assert reading.day == day
    assert reading.note is not None and f"「{text}」" in reading.note and written_today in reading.note
    assert read_date(format_wareki(day)).note is None  # the same day in its own era: nothing to say


def test_fiscal_years_past_an_eras_end_are_read_too() -> None:
    assert parse_fiscal_year("平成32年度") == 2020


@pytest.mark.parametrize("text", ["令和年度", "来年度", ""])
def test_bad_fiscal_years_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_fiscal_year(text)

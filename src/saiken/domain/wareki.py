"""Dates as people write them in Japan: ISO and slashes, 和暦 (令和7年9月16日, R7.9.16), fiscal years.

Eras (DESIGN §8): 明治 1868-01-25, 大正 1912-07-30, 昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01.
An era ends the day before the next one begins. Year 1 of an era is written 元年 in the long style.

Rules decided here:
- A 和暦 date written in an era past that era's end (平成31年5月1日, 平成32年4月1日 — old forms and systems
  still print them) is read as the government treats it: as that same day (平成32年4月1日 is 2020-04-01,
  令和2年4月1日). `read_date` says so in its `note`, so an import can tell the person.
- A date before its era began (令和元年4月30日, 平成元年1月7日) is refused with a message that names the text:
  no one writes such a date, so it hides a typing mistake.
- A fiscal year (年度) is named by the 西暦 year in which it starts on April 1. Its era name is the era in
  force on May 1 of that year, which gives the names in use: 1988 → 昭和63年度, 1989 → 平成元年度,
  2019 → 令和元年度.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from saiken.domain.errors import ValidationError


@dataclass(frozen=True)
class Era:
    name: str  # 令和
    letter: str  # R
    start: dt.date
    end: dt.date | None  # last day of the era; None for the current era

    def contains(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def year_of(self, day: dt.date) -> int:
        """The era year of `day` (1 for the first year)."""
        return day.year - self.start.year + 1

    @property
    def last_year(self) -> int | None:
        return None if self.end is None else self.end.year - self.start.year + 1


def _eras() -> tuple[Era, ...]:
    table = [
        ("明治", "M", dt.date(1868, 1, 25)),
        ("大正", "T", dt.date(1912, 7, 30)),
        ("昭和", "S", dt.date(1926, 12, 25)),
        ("平成", "H", dt.date(1989, 1, 8)),
        ("令和", "R", dt.date(2019, 5, 1)),
    ]
    eras = []
    for index, (name, letter, start) in enumerate(table):
        end = table[index + 1][2] - dt.timedelta(days=1) if index + 1 < len(table) else None
        eras.append(Era(name, letter, start, end))
    return tuple(eras)


ERAS: tuple[Era, ...] = _eras()
_BY_NAME = {era.name: era for era in ERAS} | {era.letter: era for era in ERAS}

_ERA_TOKEN = "|".join([era.name for era in ERAS] + [era.letter for era in ERAS])
_SEP = r"\s*[-/.．・]\s*"
_WAREKI_RE = re.compile(
    rf"^(?P<era>{_ERA_TOKEN})\s*(?P<year>元|\d{{1,3}})\s*"
    rf"(?:年\s*(?P<m1>\d{{1,2}})\s*月\s*(?P<d1>\d{{1,2}})\s*日?"
    rf"|{_SEP}(?P<m2>\d{{1,2}}){_SEP}(?P<d2>\d{{1,2}}))$"
)
_SEIREKI_RE = re.compile(
    rf"^(?P<year>\d{{4}})\s*(?:年\s*(?P<m1>\d{{1,2}})\s*月\s*(?P<d1>\d{{1,2}})\s*日?"
    rf"|{_SEP}(?P<m2>\d{{1,2}}){_SEP}(?P<d2>\d{{1,2}})(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?)?)$"
)  # a time after a 西暦 date (2025-09-16 00:00:00, as text cells from Excel carry it) is dropped
_COMPACT_RE = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")
_EXAMPLES = "2025-09-16、2025/9/16、令和7年9月16日、R7.9.16 のように入力してください。"


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().upper()


def era_of(day: dt.date) -> Era:
    """The era in force on `day`. Days before 明治 (1868-01-25) have no era here."""
    if isinstance(day, dt.datetime):
        day = day.date()
    for era in reversed(ERAS):
        if day >= era.start:
            return era
    raise ValidationError(f"{day.isoformat()} は明治より前の日付のため和暦にできません。")


def era_by_name(token: str) -> Era:
    """`令和` or `R` (any width or case) to its era."""
    era = _BY_NAME.get(_normalise(token))
    if era is None:
        raise ValidationError(
            f"「{token}」は元号として読めません。明治・大正・昭和・平成・令和（M・T・S・H・R）のいずれかです。"
        )
    return era


def _era_year(era: Era, year_text: str, original: str) -> int:
    year = 1 if year_text == "元" else int(year_text)
    if year < 1:
        raise ValidationError(f"「{original}」の年が0です。{era.name}は元年（1年）から数えます。")
    return era.start.year + year - 1


@dataclass(frozen=True)
class DateReading:
    day: dt.date
    note: str | None = None  # set when the text named an era past its end (read as the same day)


def _make_date(year: int, month: int, day: int, original: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValidationError(f"「{original}」は存在しない日付です。年月日を確かめてください。") from None


def read_date(value: str | dt.date | dt.datetime) -> DateReading:
    """`parse_date` with a note when the text named an era past its end (see the module docstring)."""
    if isinstance(value, dt.datetime):
        return DateReading(value.date())
    if isinstance(value, dt.date):
        return DateReading(value)
    if not isinstance(value, str):
        raise ValidationError(f"「{value}」は日付として読めません。{_EXAMPLES}")
    text = _normalise(value)
    if not text:
        raise ValidationError(f"日付が空です。{_EXAMPLES}")
    match = _WAREKI_RE.match(text)
    if match:
        era = _BY_NAME[match["era"]]
        shown = value.strip()
        year = _era_year(era, match["year"], shown)
        month = int(match["m1"] or match["m2"])
        day = int(match["d1"] or match["d2"])
        result = _make_date(year, month, day, shown)
        if result < era.start:
            raise ValidationError(
                f"「{shown}」は{era.name}が始まる前の日付です（{era.name}は{format_wareki(era.start)}から）。"
                "元号と年を確かめてください。"
            )
        if era.end is not None and result > era.end:
            note = (
                f"「{shown}」は{era.name}の終わり（{format_wareki(era.end)}）より後の日付のため、"
                f"同じ日の{format_wareki(result)}（{result.year}年{result.month}月{result.day}日）として読みました。"
            )
            return DateReading(result, note)
        return DateReading(result)
    match = _SEIREKI_RE.match(text)
    if match:
        month = int(match["m1"] or match["m2"])
        day = int(match["d1"] or match["d2"])
        return DateReading(_make_date(int(match["year"]), month, day, value.strip()))
    match = _COMPACT_RE.match(text)
    if match:
        return DateReading(
            _make_date(int(match["year"]), int(match["month"]), int(match["day"]), value.strip())
        )
    raise ValidationError(f"「{value.strip()}」は日付として読めません。{_EXAMPLES}")


def parse_date(value: str | dt.date | dt.datetime) -> dt.date:
    """A date from ISO, slashes, dots, 和暦 or a date object. Raises ValidationError naming the text.
    A 和暦 date past its era's end is read as that same day (`read_date` also says so)."""
    return read_date(value).day


def format_wareki(day: dt.date, style: str = "long") -> str:
    """`long` 令和7年9月16日 (year 1 as 元年); `long_zero` 令和07年09月16日 (元年 kept); `short` R7.9.16."""
    if isinstance(day, dt.datetime):
        day = day.date()
    era = era_of(day)
    year = era.year_of(day)
    if style == "long":
        year_text = "元" if year == 1 else str(year)
        return f"{era.name}{year_text}年{day.month}月{day.day}日"
    if style == "long_zero":
        year_text = "元" if year == 1 else f"{year:02d}"
        return f"{era.name}{year_text}年{day.month:02d}月{day.day:02d}日"
    if style == "short":
        return f"{era.letter}{year}.{day.month}.{day.day}"
    raise ValueError(f"unknown style {style!r}")


def _fiscal_era(year: int) -> Era:
    return era_of(dt.date(year, 5, 1))


def format_fiscal_year(year: int) -> str:
    """2024 → 令和6年度; 2019 → 令和元年度; 1988 → 昭和63年度."""
    era = _fiscal_era(year)
    number = year - era.start.year + 1
    return f"{era.name}{'元' if number == 1 else number}年度"


_FISCAL_WAREKI_RE = re.compile(rf"^(?P<era>{_ERA_TOKEN})\s*(?P<year>元|\d{{1,3}})\s*年?\s*(?:度)?$")
_FISCAL_SEIREKI_RE = re.compile(r"^(?P<year>\d{4})\s*(?:年\s*度?)?$")


def parse_fiscal_year(value: str | int) -> int:
    """`令和6年度`, `R6年度`, `2024年度` or `2024` → 2024 (the year in which the fiscal year begins)."""
    if isinstance(value, int) and not isinstance(value, bool):
        if 1868 <= value <= 9999:
            return value
        raise ValidationError(
            f"「{value}」は年度として読めません。令和6年度、R6年度、2024年度 のように入力してください。"
        )
    text = _normalise(str(value))
    match = _FISCAL_SEIREKI_RE.match(text)
    if match:
        return int(match["year"])
    match = _FISCAL_WAREKI_RE.match(text)
    if match:
        era = _BY_NAME[match["era"]]
        return _era_year(era, match["year"], str(value).strip())
    raise ValidationError(
        f"「{str(value).strip()}」は年度として読めません。令和6年度、R6年度、2024年度 のように入力してください。"
    )

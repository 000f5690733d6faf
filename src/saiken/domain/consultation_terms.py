"""The vocabulary of the SME consultation records (経営サポート事業, seed 001) and its fiscal calendar.

Forms, categories, kinds of business, industries and loan-mediation states are fixed lists: reports count
by them, so free text would split one category into many. Each `check_*` gives a ValidationError that names
the field and lists the choices.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from saiken.domain.errors import ValidationError

FORMS: tuple[str, ...] = ("窓口", "派遣", "オンライン", "電話")
CATEGORIES: tuple[str, ...] = ("資金繰り", "販路開拓", "事業承継", "創業", "IT化", "人材", "その他")
BUSINESS_KINDS: tuple[str, ...] = ("法人", "個人事業主")
INDUSTRIES: tuple[str, ...] = (
    "製造業",
    "建設業",
    "卸売業",
    "小売業",
    "飲食サービス業",
    "宿泊業",
    "情報通信業",
    "運輸業",
    "不動産業",
    "専門・技術サービス業",
    "生活関連サービス業",
    "医療・福祉",
    "教育・学習支援業",
    "その他",
)
LOAN_STATUSES: tuple[str, ...] = ("相談中", "申込済", "審査中", "実行", "否決", "取下げ")

FISCAL_YEAR_START_MONTH = 4  # 年度: April to March


def check_choice(value: object, label: str, choices: Iterable[str]) -> str:
    options = tuple(choices)
    if not isinstance(value, str) or value not in options:
        raise ValidationError(f"{label}は次のどれかを選んでください: {'、'.join(options)}")
    return value


def check_categories(values: Iterable[object]) -> tuple[str, ...]:
    """One or more categories, in the fixed order of CATEGORIES, without repeats."""
    given = list(values)
    for value in given:
        check_choice(value, "相談分類", CATEGORIES)
    if not given:
        raise ValidationError(f"相談分類を1つ以上選んでください: {'、'.join(CATEGORIES)}")
    return tuple(category for category in CATEGORIES if category in given)


def fiscal_year_of(day: dt.date) -> int:
    """The fiscal year (年度) a day belongs to, named by the year it starts: 2026-03-31 → 2025."""
    return day.year if day.month >= FISCAL_YEAR_START_MONTH else day.year - 1


def fiscal_year_start(year: int) -> dt.date:
    return dt.date(year, FISCAL_YEAR_START_MONTH, 1)


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first day of the month and the first day of the next month."""
    if not 1 <= month <= 12:
        raise ValidationError(f"月は1〜12で指定してください（指定: {month}）。")
    first = dt.date(year, month, 1)
    following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return first, following


def fiscal_months(year: int) -> list[tuple[int, int]]:
    """(year, month) of the twelve months of fiscal year `year`, April first."""
    return [(year, month) for month in range(4, 13)] + [(year + 1, month) for month in range(1, 4)]

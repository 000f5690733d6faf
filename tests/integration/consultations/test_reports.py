"""Reports: month and fiscal-year-to-date counts by category, form, industry and consultant, the monthly
series, and seminar attendance — counted by hand from the records made here."""

from __future__ import annotations

import datetime as dt

import pytest
from consult_testkit import at

from saiken.domain.errors import ValidationError
from saiken.services import consultations as cs
from saiken.services.consultations.reports import consultation_report


@pytest.fixture
def recorded(vault_session, consultants):
    """Two businesses (製造業, 小売業); five consultations in FY2025 (April–September), one corrected,
    one in FY2024 (March 2025) that must not count."""
    maker = cs.add_business(vault_session, name="架空製作所", industry="製造業").row.id
    shop = cs.add_business(vault_session, name="架空商店", industry="小売業").row.id
    a, b = consultants[0], consultants[1]

    def add(business, day, consultant, form, categories, **extra):
        return cs.add_consultation(
            vault_session,
            business,
            at=at(day, 10),
            consultant_id=consultant,
            form=form,
            categories=categories,
            contents="相談。",
            **extra,
        ).row

    add(maker, dt.date(2025, 3, 31), a, "窓口", ["資金繰り"])  # FY2024
    add(maker, dt.date(2025, 4, 1), a, "窓口", ["資金繰り"], loan_bank="架空信用金庫", loan_status="実行")
    add(shop, dt.date(2025, 6, 10), b, "電話", ["販路開拓", "IT化"])
    add(maker, dt.date(2025, 9, 1), a, "派遣", ["事業承継"])
    wrong = add(shop, dt.date(2025, 9, 2), b, "窓口", ["その他"])
    cs.correct_consultation(vault_session, wrong.id, categories=["資金繰り", "人材"], form="オンライン")
    add(shop, dt.date(2025, 9, 12), a, "窓口", ["創業"])
    return maker, shop


def _counts(pairs):
    return {name: count for name, count in pairs if count}


def test_month_and_fiscal_year_to_date(vault_session, recorded, consultants):
    report = consultation_report(vault_session, 2025, 9)
    assert (report.fiscal_year, report.period_from, report.period_to) == (
        2025,
        dt.date(2025, 4, 1),
        dt.date(2025, 9, 30),
    )
    month = report.month_counts
    assert (month.consultations, month.businesses, month.loan_mediations) == (3, 2, 0)
    assert _counts(month.by_category) == {"資金繰り": 1, "事業承継": 1, "創業": 1, "人材": 1}
    assert _counts(month.by_form) == {"派遣": 1, "オンライン": 1, "窓口": 1}
    assert _counts(month.by_industry) == {"製造業": 1, "小売業": 2}
    names = {c.id: c.name for c in cs.list_consultants(vault_session)}
    assert dict(month.by_consultant) == {names[consultants[0]]: 2, names[consultants[1]]: 1}
    year = report.year_counts
    assert (year.consultations, year.businesses, year.loan_mediations) == (5, 2, 1)
    assert _counts(year.by_category) == {
        "資金繰り": 2,
        "販路開拓": 1,
        "IT化": 1,
        "事業承継": 1,
        "創業": 1,
        "人材": 1,
    }
    assert [c for c, _ in year.by_category] == [
        "資金繰り",
        "販路開拓",
        "事業承継",
        "創業",
        "IT化",
        "人材",
        "その他",
    ]
    assert _counts(year.by_form) == {"窓口": 2, "電話": 1, "派遣": 1, "オンライン": 1}
    series = {(p.year, p.month): p.consultations for p in report.series}
    assert series[(2025, 4)] == 1 and series[(2025, 6)] == 1 and series[(2025, 9)] == 3
    assert series[(2025, 5)] == 0 and series[(2025, 10)] is None and series[(2026, 3)] is None
    assert len(report.series) == 12


def test_a_month_in_the_first_quarter_belongs_to_the_previous_fiscal_year(vault_session, recorded):
    report = consultation_report(vault_session, 2025, 3)
    assert report.fiscal_year == 2024 and report.year_counts.consultations == 1
    with pytest.raises(ValidationError, match="月は1〜12"):
        consultation_report(vault_session, 2025, 13)


def test_seminar_attendance(vault_session, recorded):
    maker, shop = recorded
    held = cs.add_seminar(
        vault_session, title="資金繰り表づくり", held_on=dt.date(2025, 9, 16), capacity=2
    ).row.id
    a = cs.apply(vault_session, held, business_id=maker, attendee="架空　一郎").row
    b = cs.apply(vault_session, held, business_id=shop, attendee="架空　花子").row
    cs.apply(vault_session, held, business_id=shop, attendee="架空　次郎")  # waiting
    cs.record_attendance(vault_session, held, {a.id: True, b.id: False})
    [row] = consultation_report(vault_session, 2025, 9).seminars
    assert (row.capacity, row.confirmed, row.attended, row.waiting, row.cancelled) == (2, 2, 1, 1, 0)
    assert row.attendance_rate == "50%"


def test_a_business_that_changes_industry_is_counted_under_the_new_one(vault_session, recorded):
    maker, _shop = recorded
    cs.update_business(vault_session, maker, industry="建設業")
    year = consultation_report(vault_session, 2025, 9).year_counts
    assert _counts(year.by_industry) == {"建設業": 2, "小売業": 3}  # the maker 2 (Apr, Sep), the shop 3

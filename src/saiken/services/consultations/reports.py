"""Consultation reports (issue 10 item 4): counts of a month and of the fiscal year to the end of that month,
by category, form, industry and consultant, a month-by-month series for the charts, and seminar attendance.

Only current versions count (a corrected record once). A consultation with two categories counts under
each of them, so the category counts add up to more than the number of consultations; the report says so.
The whole fiscal year to date is read in one grouped query over the `(superseded, day)` index.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from saiken.domain.consultation_terms import (
    CATEGORIES,
    FORMS,
    INDUSTRIES,
    fiscal_months,
    fiscal_year_of,
    fiscal_year_start,
    month_bounds,
)
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services.consultations.common import mask_categories
from saiken.services.context import VaultSession, read_session
from saiken.store.models import Business, Consultant, Consultation, Seminar, SeminarApplication


@dataclass(frozen=True)
class Counts:
    """Counts of one period. Each tuple lists every choice in its fixed order (zero included), except
    `by_consultant`, which lists the consultants who recorded any, by reading."""

    consultations: int
    businesses: int  # distinct businesses consulted
    loan_mediations: int  # consultations with a loan mediation
    by_category: tuple[tuple[str, int], ...]
    by_form: tuple[tuple[str, int], ...]
    by_industry: tuple[tuple[str, int], ...]
    by_consultant: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class MonthPoint:
    year: int
    month: int
    consultations: int | None  # None for a month after the report's month
    by_form: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class SeminarAttendance:
    seminar_id: int
    title: str
    held_on: dt.date
    status: str
    capacity: int
    confirmed: int
    attended: int
    waiting: int
    cancelled: int

    @property
    def attendance_rate(self) -> str:
        """出席率 of the confirmed, as a whole percent rounded down ("" before attendance is taken)."""
        return "" if self.confirmed == 0 else f"{self.attended * 100 // self.confirmed}%"


@dataclass(frozen=True)
class ConsultationReport:
    year: int
    month: int
    fiscal_year: int
    month_counts: Counts
    year_counts: Counts  # the fiscal year from April 1 to the end of the report's month
    series: tuple[MonthPoint, ...]  # the twelve months of the fiscal year
    seminars: tuple[SeminarAttendance, ...]  # the fiscal year's seminars to the end of the month

    @property
    def period_from(self) -> dt.date:
        return fiscal_year_start(self.fiscal_year)

    @property
    def period_to(self) -> dt.date:
        return month_bounds(self.year, self.month)[1] - dt.timedelta(days=1)


Group = tuple[str, int, str, int, int, bool]  # form, consultant id, industry, categories mask, count, loan


def _counts(groups: list[Group], businesses: int, readings: dict[int, str], labels: dict[int, str]) -> Counts:
    by_category: Counter[str] = Counter()
    by_form: Counter[str] = Counter()
    by_industry: Counter[str] = Counter()
    by_consultant: Counter[int] = Counter()
    total = loans = 0
    for form, consultant_id, industry, mask, count, loan in groups:
        total += count
        loans += count if loan else 0
        by_form[form] += count
        by_industry[industry] += count
        by_consultant[consultant_id] += count
        for category in mask_categories(mask):
            by_category[category] += count
    consultants = sorted(by_consultant, key=lambda cid: (readings.get(cid, ""), cid))
    return Counts(
        consultations=total,
        businesses=businesses,
        loan_mediations=loans,
        by_category=tuple((c, by_category[c]) for c in CATEGORIES),
        by_form=tuple((f, by_form[f]) for f in FORMS),
        by_industry=tuple((i, by_industry[i]) for i in INDUSTRIES),
        by_consultant=tuple((labels.get(cid, f"相談員{cid}"), by_consultant[cid]) for cid in consultants),
    )


def _distinct_businesses(session: Session, first: dt.date, following: dt.date) -> int:
    return int(
        session.scalar(
            select(func.count(func.distinct(Consultation.business_id))).where(
                Consultation.superseded.is_(False), Consultation.day >= first, Consultation.day < following
            )
        )
        or 0
    )


def _seminars(session: Session, first: dt.date, following: dt.date) -> tuple[SeminarAttendance, ...]:
    seminars = session.execute(
        select(Seminar)
        .where(Seminar.held_on >= first, Seminar.held_on < following)
        .order_by(Seminar.held_on, Seminar.id)
    ).scalars()
    found = []
    for seminar in seminars:
        counts: Counter[str] = Counter()
        attended = 0
        for status, present, count in session.execute(
            select(SeminarApplication.status, SeminarApplication.attended, func.count())
            .where(SeminarApplication.seminar_id == seminar.id)
            .group_by(SeminarApplication.status, SeminarApplication.attended)
        ):
            counts[status] += count
            if status == "参加確定" and present:
                attended += count
        found.append(
            SeminarAttendance(
                seminar_id=seminar.id,
                title=seminar.title,
                held_on=seminar.held_on,
                status=seminar.status,
                capacity=seminar.capacity,
                confirmed=counts["参加確定"],
                attended=attended,
                waiting=counts["キャンセル待ち"],
                cancelled=counts["取消"],
            )
        )
    return tuple(found)


def report_in(session: Session, year: int, month: int) -> ConsultationReport:
    """The report, read inside a session the caller holds (the exports audit in the same one)."""
    first, following = month_bounds(year, month)
    fiscal_year = fiscal_year_of(first)
    year_first = fiscal_year_start(fiscal_year)
    month_key = func.substr(Consultation.day, 1, 7)
    has_loan = Consultation.loan_status != ""
    rows = session.execute(
        select(
            month_key,
            Consultation.form,
            Consultation.consultant_id,
            Business.industry,
            Consultation.categories,
            has_loan,
            func.count(),
        )
        .join(Business, Business.id == Consultation.business_id)
        .where(
            Consultation.superseded.is_(False), Consultation.day >= year_first, Consultation.day < following
        )
        .group_by(
            month_key,
            Consultation.form,
            Consultation.consultant_id,
            Business.industry,
            Consultation.categories,
            has_loan,
        )
    ).all()
    readings = dict(session.execute(select(Consultant.id, Consultant.name_kana)).tuples().all())
    labels = dict(session.execute(select(Consultant.id, Consultant.name)).tuples().all())
    this_month = f"{year:04d}-{month:02d}"
    by_month: dict[str, list[Group]] = {}
    for key, form, consultant_id, industry, mask, loan, count in rows:
        by_month.setdefault(str(key), []).append((form, consultant_id, industry, mask, count, bool(loan)))
    all_groups = [group for groups in by_month.values() for group in groups]

    series = []
    for point_year, point_month in fiscal_months(fiscal_year):
        key = f"{point_year:04d}-{point_month:02d}"
        later = (point_year, point_month) > (year, month)
        groups = by_month.get(key, [])
        forms: Counter[str] = Counter()
        for form, _, _, _, count, _ in groups:
            forms[form] += count
        series.append(
            MonthPoint(
                point_year,
                point_month,
                None if later else sum(forms.values()),
                tuple((f, forms[f]) for f in FORMS),
            )
        )
    return ConsultationReport(
        year=year,
        month=month,
        fiscal_year=fiscal_year,
        month_counts=_counts(
            by_month.get(this_month, []), _distinct_businesses(session, first, following), readings, labels
        ),
        year_counts=_counts(
            all_groups, _distinct_businesses(session, year_first, following), readings, labels
        ),
        series=tuple(series),
        seminars=_seminars(session, year_first, following),
    )


def consultation_report(s: VaultSession, year: int, month: int) -> ConsultationReport:
    """The report of `year`/`month` (counts only: no personal data; not audited)."""
    s.require(Capability.READ)
    if isinstance(year, bool) or not isinstance(year, int) or not 1990 <= year <= 2200:
        raise ValidationError("年を正しく指定してください（例: 2025）。")
    with read_session(s) as session:
        return report_in(session, year, month)

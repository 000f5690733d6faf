"""Consultation reports (issue 10 item 4): counts of a month and of the fiscal year to the end of that month,
by category, form, industry and consultant, a month-by-month series for the charts, and seminar attendance.

Only current versions count (a corrected record once). A consultation with two categories counts under
each of them, so the category counts add up to more than the number of consultations; the report says so.
The fiscal year to date is read in one grouped query that streams over the covering `ix_consultations_report`
(grouped in its column order: no sort on an encrypted vault) and is folded into months here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select, text
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
from saiken.store.models import Consultant, Consultation, Seminar, SeminarApplication


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


Group = tuple[
    str, str, int, str, int, bool, int
]  # month, form, consultant, industry, categories, loan, count


def _groups(session: Session, first: dt.date, following: dt.date) -> list[Group]:
    """Counts of current consultations by day and every breakdown, GROUP BY in the order of the covering
    `ix_consultations_report` (so SQLite streams the groups and never sorts), folded into months here."""
    rows = session.execute(
        text(
            "SELECT day, form, consultant_id, industry, categories, loan_status, count(*) FROM consultations "
            "WHERE superseded = 0 AND day >= :first AND day < :following "
            "GROUP BY day, form, consultant_id, industry, categories, loan_status"
        ),
        {"first": first.isoformat(), "following": following.isoformat()},
    )
    return [
        (str(day)[:7], form, consultant, industry, mask, loan != "", count)
        for day, form, consultant, industry, mask, loan, count in rows
    ]


def _counts(
    groups: list[Group],
    months: list[str] | None,
    businesses: int,
    readings: dict[int, str],
    labels: dict[int, str],
) -> Counts:
    forms: Counter[str] = Counter()
    industries: Counter[str] = Counter()
    consultants: Counter[int] = Counter()
    categories: Counter[str] = Counter()
    loans = 0
    for month, form, consultant, industry, mask, loan, count in groups:
        if months is not None and month not in months:
            continue
        forms[form] += count
        industries[industry] += count
        consultants[consultant] += count
        loans += count if loan else 0
        for category in mask_categories(mask):
            categories[category] += count
    order = sorted(consultants, key=lambda cid: (readings.get(cid, ""), cid))
    return Counts(
        consultations=sum(forms.values()),
        businesses=businesses,
        loan_mediations=loans,
        by_category=tuple((c, categories[c]) for c in CATEGORIES),
        by_form=tuple((f, forms[f]) for f in FORMS),
        by_industry=tuple((i, industries[i]) for i in INDUSTRIES),
        by_consultant=tuple((labels.get(cid, f"相談員{cid}"), consultants[cid]) for cid in order),
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
    groups = _groups(session, year_first, following)
    readings = dict(session.execute(select(Consultant.id, Consultant.name_kana)).tuples().all())
    labels = dict(session.execute(select(Consultant.id, Consultant.name)).tuples().all())
    this_month = [f"{year:04d}-{month:02d}"]
    series = []
    for point_year, point_month in fiscal_months(fiscal_year):
        key = f"{point_year:04d}-{point_month:02d}"
        forms: Counter[str] = Counter()
        for month_key, form, *_rest, count in groups:
            if month_key == key:
                forms[form] += count
        later = (point_year, point_month) > (year, month)
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
            groups, this_month, _distinct_businesses(session, first, following), readings, labels
        ),
        year_counts=_counts(
            groups, None, _distinct_businesses(session, year_first, following), readings, labels
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

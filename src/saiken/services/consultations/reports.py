"""Consultation reports (issue 10 item 4): counts of a month and of the fiscal year to the end of that month,
by category, form, industry and consultant, a month-by-month series for the charts, and seminar attendance.

Only current versions count (a corrected record once). A consultation with two categories counts under
each of them, so the category counts add up to more than the number of consultations; the report says so.
The fiscal year to date is read in a few small grouped queries over the covering `ix_consultations_report`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

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


Tally = dict[str, Counter[Any]]  # month ("2025-09") -> value -> count


def _tally(session: Session, column: Any, first: dt.date, following: dt.date, *, join: bool = False) -> Tally:
    """Counts of current consultations by month and by `column`, over the covering report index (and the
    businesses for the industry): small results, one short scan each."""
    month_key = func.substr(Consultation.day, 1, 7)
    query = select(month_key, column, func.count()).where(
        Consultation.superseded.is_(False), Consultation.day >= first, Consultation.day < following
    )
    if join:
        query = query.join(Business, Business.id == Consultation.business_id)
    found: Tally = {}
    for key, value, count in session.execute(query.group_by(month_key, column)):
        found.setdefault(str(key), Counter())[value] += count
    return found


def _sum(tally: Tally, months: list[str] | None) -> Counter[Any]:
    total: Counter[Any] = Counter()
    for key, counts in tally.items():
        if months is None or key in months:
            total.update(counts)
    return total


def _counts(
    tallies: dict[str, Tally],
    months: list[str] | None,
    businesses: int,
    readings: dict[int, str],
    labels: dict[int, str],
) -> Counts:
    forms, industries = _sum(tallies["form"], months), _sum(tallies["industry"], months)
    consultants, loans = _sum(tallies["consultant"], months), _sum(tallies["loan"], months)
    categories: Counter[str] = Counter()
    for mask, count in _sum(tallies["categories"], months).items():
        for category in mask_categories(mask):
            categories[category] += count
    order = sorted(consultants, key=lambda cid: (readings.get(cid, ""), cid))
    return Counts(
        consultations=sum(forms.values()),
        businesses=businesses,
        loan_mediations=sum(count for value, count in loans.items() if value),
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
    tallies = {
        "form": _tally(session, Consultation.form, year_first, following),
        "consultant": _tally(session, Consultation.consultant_id, year_first, following),
        "categories": _tally(session, Consultation.categories, year_first, following),
        "loan": _tally(session, Consultation.loan_status != "", year_first, following),
        "industry": _tally(session, Business.industry, year_first, following, join=True),
    }
    readings = dict(session.execute(select(Consultant.id, Consultant.name_kana)).tuples().all())
    labels = dict(session.execute(select(Consultant.id, Consultant.name)).tuples().all())
    this_month = [f"{year:04d}-{month:02d}"]
    series = []
    for point_year, point_month in fiscal_months(fiscal_year):
        forms = tallies["form"].get(f"{point_year:04d}-{point_month:02d}", Counter())
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
            tallies, this_month, _distinct_businesses(session, first, following), readings, labels
        ),
        year_counts=_counts(
            tallies, None, _distinct_businesses(session, year_first, following), readings, labels
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

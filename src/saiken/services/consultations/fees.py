"""Fee standards by period and the advisors' monthly fee statements (謝金・旅費 支払明細).

A fee standard is a `saiken.domain.advisor_fees.FeeProfile` in force from `valid_from`; the one in force
on a day is the newest on or before it, and seed 004's figures (`SEED_004`) before the first. Changing the
figures never rewrites a past month: a new standard starts on a given day. Setting one needs the
supervisor's right that approves templates (`Capability.APPROVE_TEMPLATES`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.advisor_fees import (
    SEED_004,
    DispatchInput,
    FeeProfile,
    monthly_statement,
    profile_from_dict,
    support_minutes,
)
from saiken.domain.consultation_terms import month_bounds
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services.checks import check_date
from saiken.services.consultations.common import advisor_or_404, metres_to_km, names_of
from saiken.services.consultations.convert import advisor_row, nights_of
from saiken.services.consultations.rows import (
    AdvisorStatement,
    Change,
    FeeStandardRow,
    StatementDayRow,
    StatementLine,
    change,
)
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.store.models import Business, Dispatch, FeeStandard


class Standards:
    """The fee standards of a vault, to look up the one in force on a day."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(select(FeeStandard).order_by(FeeStandard.valid_from)).scalars().all()
        self.rows = [(row.id, row.valid_from, _profile(row.figures)) for row in rows]
        self._days = [valid_from for _, valid_from, _ in self.rows]

    def on(self, day: dt.date) -> FeeProfile:
        index = bisect.bisect_right(self._days, day) - 1
        return self.rows[index][2] if index >= 0 else SEED_004


def _profile(figures: str) -> FeeProfile:
    try:
        data = json.loads(figures)
    except ValueError:
        raise ValidationError(
            "保存された謝金・旅費の基準を読めません。基準を設定し直してください。"
        ) from None
    if not isinstance(data, dict):
        raise ValidationError("保存された謝金・旅費の基準を読めません。基準を設定し直してください。")
    return profile_from_dict(data)


def list_fee_standards(s: VaultSession) -> list[FeeStandardRow]:
    """The built-in seed 004 standard first, then each configured one in date order."""
    s.require(Capability.READ)
    with read_session(s) as session:
        standards = Standards(session)
        return [FeeStandardRow(None, None, SEED_004)] + [
            FeeStandardRow(row_id, valid_from, profile) for row_id, valid_from, profile in standards.rows
        ]


def fee_standard_on(s: VaultSession, day: dt.date) -> FeeProfile:
    s.require(Capability.READ)
    with read_session(s) as session:
        return Standards(session).on(check_date(day, "日付"))


def set_fee_standard(s: VaultSession, *, valid_from: dt.date, **figures: object) -> Change[FeeStandardRow]:
    """A fee standard from `valid_from` with `figures` over seed 004's (e.g. hourly_yen=5500). Replaces a
    standard that starts on the same day."""
    s.require(Capability.APPROVE_TEMPLATES)
    day = check_date(valid_from, "適用開始日")
    profile = profile_from_dict({"name": "custom", "label": f"{day.isoformat()} からの基準", **figures})
    with unit_of_work(s) as work:
        found = work.session.scalar(select(FeeStandard).where(FeeStandard.valid_from == day))
        payload = json.dumps(profile.as_dict(), ensure_ascii=False, sort_keys=True)
        if found is None:
            found = FeeStandard(
                valid_from=day, figures=payload, created_by=s.user.name, created_at=s.clock.now()
            )
            work.session.add(found)
        else:
            found.figures = payload
        work.session.flush()
        entry = work.audit(
            "fee_standard.set", target_type="fee_standard", target_id=found.id, valid_from=day.isoformat()
        )
        row = FeeStandardRow(found.id, day, profile)
        return change("fee_standard", "fee_standard.set", (found.id,), entry.seq, row)


def statement_for(session: Session, advisor_id: int, year: int, month: int) -> AdvisorStatement:
    """The statement, read inside a session the caller holds (the exports audit in the same one)."""
    advisor = advisor_or_404(session, advisor_id)
    first, following = month_bounds(year, month)
    dispatches = (
        session.execute(
            select(Dispatch)
            .where(
                Dispatch.advisor_id == advisor.id,
                Dispatch.day >= first,
                Dispatch.day < following,
                Dispatch.status == "実施",
            )
            .order_by(Dispatch.day, Dispatch.start_time, Dispatch.id)
        )
        .scalars()
        .all()
    )
    standards = Standards(session)
    nights = nights_of(session, [d.id for d in dispatches])
    businesses = names_of(session, Business, [d.business_id for d in dispatches])
    inputs = []
    lines = []
    used: list[str] = []
    for d in dispatches:
        minutes = support_minutes(d.start_time, d.end_time, d.break_minutes)
        profile = standards.on(d.day)
        if profile.label not in used:
            used.append(profile.label)
        inputs.append(
            (
                DispatchInput(
                    day=d.day,
                    minutes=minutes,
                    car_km=metres_to_km(d.car_m),
                    transport_yen=d.transport_yen,
                    route_km=None if d.route_m is None else metres_to_km(d.route_m),
                    nights=nights.get(d.id, ()),
                ),
                profile,
            )
        )
        lines.append(
            StatementLine(d.id, d.day, businesses.get(d.business_id, ""), d.start_time, d.end_time, minutes)
        )
    statement = monthly_statement(year, month, inputs)
    days = tuple(
        StatementDayRow(
            day=item.day,
            dispatches=item.dispatches,
            minutes=item.fee.minutes,
            honorarium=item.fee.honorarium,
            capped=item.fee.capped,
            car_km=item.fee.car_km,
            travel=item.fee.travel,
            day_allowance=item.fee.day_allowance,
            lodging=item.fee.lodging,
            nights=item.fee.nights,
            total=item.fee.total,
        )
        for item in statement.days
    )
    return AdvisorStatement(
        advisor=advisor_row(advisor),
        year=year,
        month=month,
        lines=tuple(lines),
        days=days,
        honorarium=statement.honorarium,
        travel=statement.travel,
        day_allowance=statement.day_allowance,
        lodging=statement.lodging,
        total=statement.total,
        profiles=tuple(used) or (SEED_004.label,),
    )


def fee_statement(s: VaultSession, advisor_id: int, year: int, month: int) -> AdvisorStatement:
    """An advisor's month: the dispatches carried out (実施), day by day, under the standard of each day."""
    s.require(Capability.READ)
    with read_session(s) as session:
        return statement_for(session, advisor_id, year, month)


def monthly_totals(s: VaultSession, year: int, month: int) -> list[AdvisorStatement]:
    """Every advisor with a dispatch carried out in the month, by reading."""
    s.require(Capability.READ)
    first, following = month_bounds(year, month)
    with read_session(s) as session:
        ids = session.scalars(
            select(Dispatch.advisor_id)
            .where(Dispatch.day >= first, Dispatch.day < following, Dispatch.status == "実施")
            .distinct()
        ).all()
        statements = [statement_for(session, advisor_id, year, month) for advisor_id in ids]
    return sorted(statements, key=lambda item: (item.advisor.name_kana, item.advisor.id))

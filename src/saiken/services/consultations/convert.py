"""ORM → row conversion for the consultation services (rows never carry ORM objects out)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from saiken.domain.advisor_fees import FeeProfile, dispatch_fee
from saiken.services.consultations.common import km_text, mask_categories, metres_to_km
from saiken.services.consultations.rows import (
    AdvisorRow,
    ApplicationRow,
    BookingRow,
    BusinessRow,
    ConsultantRow,
    ConsultationRow,
    DispatchRow,
)
from saiken.store.models import (
    Advisor,
    Booking,
    Business,
    Consultant,
    Consultation,
    Dispatch,
    DispatchNight,
    SeminarApplication,
)


def business_row(business: Business) -> BusinessRow:
    return BusinessRow(
        id=business.id,
        kind=business.kind,
        name=business.name,
        name_kana=business.name_kana,
        industry=business.industry,
        employees=business.employees,
        postal_code=business.postal_code,
        address=business.address,
        phone=business.phone,
        email=business.email,
        representative=business.representative,
        representative_kana=business.representative_kana,
        representative_born=business.representative_born,
        notes=business.notes,
        updated_at=business.updated_at,
    )


def consultant_row(consultant: Consultant) -> ConsultantRow:
    return ConsultantRow(
        consultant.id, consultant.name, consultant.name_kana, consultant.user_name, consultant.active
    )


def advisor_row(advisor: Advisor) -> AdvisorRow:
    return AdvisorRow(
        advisor.id,
        advisor.name,
        advisor.name_kana,
        advisor.specialty,
        advisor.qualification,
        advisor.base,
        advisor.active,
    )


def version_counts(session: Session, keys: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    unique = sorted(set(keys))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        counts.update(
            session.execute(
                select(Consultation.record_key, func.count())
                .where(Consultation.record_key.in_(chunk))
                .group_by(Consultation.record_key)
            )
            .tuples()
            .all()
        )
    return counts


def consultation_rows(session: Session, records: Sequence[Any]) -> list[ConsultationRow]:
    """`records`: Consultation objects, or rows of the consultations table (same attribute names)."""
    if not records:
        return []
    businesses = {
        row[0]: (row[1], row[2])
        for row in session.execute(
            select(Business.id, Business.name, Business.name_kana).where(
                Business.id.in_(sorted({r.business_id for r in records}))
            )
        )
    }
    consultants = dict(
        session.execute(
            select(Consultant.id, Consultant.name).where(
                Consultant.id.in_(sorted({r.consultant_id for r in records}))
            )
        )
        .tuples()
        .all()
    )
    # a current version is the newest, so its number is the count; only superseded ones need a query
    counts = version_counts(session, [r.record_key for r in records if r.superseded])
    return [
        ConsultationRow(
            id=r.id,
            record_key=r.record_key,
            version=r.version,
            versions=counts.get(r.record_key, r.version),
            superseded=r.superseded,
            business_id=r.business_id,
            business_name=businesses.get(r.business_id, ("", ""))[0],
            business_kana=businesses.get(r.business_id, ("", ""))[1],
            at=r.at,
            consultant_id=r.consultant_id,
            consultant=consultants.get(r.consultant_id, ""),
            form=r.form,
            categories=mask_categories(r.categories),
            contents=r.contents,
            loan_bank=r.loan_bank,
            loan_amount=r.loan_amount,
            loan_status=r.loan_status,
            follow_up_on=r.follow_up_on,
            dispatch_id=r.dispatch_id,
            created_by=r.created_by,
            created_at=r.created_at,
        )
        for r in records
    ]


def booking_rows(session: Session, bookings: Sequence[Booking]) -> list[BookingRow]:
    if not bookings:
        return []
    consultants = dict(
        session.execute(
            select(Consultant.id, Consultant.name).where(
                Consultant.id.in_(sorted({b.consultant_id for b in bookings}))
            )
        )
        .tuples()
        .all()
    )
    businesses = dict(
        session.execute(
            select(Business.id, Business.name).where(
                Business.id.in_(sorted({b.business_id for b in bookings}))
            )
        )
        .tuples()
        .all()
    )
    return [
        BookingRow(
            id=b.id,
            consultant_id=b.consultant_id,
            consultant=consultants.get(b.consultant_id, ""),
            business_id=b.business_id,
            business_name=businesses.get(b.business_id, ""),
            starts_at=b.starts_at,
            ends_at=b.ends_at,
            form=b.form,
            purpose=b.purpose,
            status=b.status,
            cancelled_at=b.cancelled_at,
            cancel_reason=b.cancel_reason,
            consultation_id=b.consultation_id,
        )
        for b in bookings
    ]


def application_rows(session: Session, applications: Sequence[SeminarApplication]) -> list[ApplicationRow]:
    if not applications:
        return []
    businesses = dict(
        session.execute(
            select(Business.id, Business.name).where(
                Business.id.in_(sorted({a.business_id for a in applications}))
            )
        )
        .tuples()
        .all()
    )
    positions: dict[int, int] = {}
    waiting_by_seminar: dict[int, list[SeminarApplication]] = {}
    for application in applications:
        if application.status == "キャンセル待ち":
            waiting_by_seminar.setdefault(application.seminar_id, []).append(application)
    for seminar_id in waiting_by_seminar:
        ahead = session.execute(
            select(SeminarApplication.id)
            .where(SeminarApplication.seminar_id == seminar_id, SeminarApplication.status == "キャンセル待ち")
            .order_by(SeminarApplication.queue_no)
        ).scalars()
        positions.update({app_id: place for place, app_id in enumerate(ahead, start=1)})
    return [
        ApplicationRow(
            id=a.id,
            seminar_id=a.seminar_id,
            business_id=a.business_id,
            business_name=businesses.get(a.business_id, ""),
            attendee=a.attendee,
            attendee_kana=a.attendee_kana,
            status=a.status,
            queue_no=a.queue_no,
            waiting_position=positions.get(a.id),
            applied_at=a.applied_at,
            confirmed_at=a.confirmed_at,
            cancelled_at=a.cancelled_at,
            attended=a.attended,
        )
        for a in applications
    ]


def nights_of(session: Session, dispatch_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
    found: dict[int, list[int]] = {}
    for start in range(0, len(dispatch_ids), 500):
        chunk = list(dispatch_ids[start : start + 500])
        for dispatch_id, amount in session.execute(
            select(DispatchNight.dispatch_id, DispatchNight.amount)
            .where(DispatchNight.dispatch_id.in_(chunk))
            .order_by(DispatchNight.night_on, DispatchNight.id)
        ):
            found.setdefault(dispatch_id, []).append(amount)
    return {key: tuple(value) for key, value in found.items()}


def dispatch_rows(
    session: Session, dispatches: Sequence[Dispatch], profile_for: dict[int, FeeProfile]
) -> list[DispatchRow]:
    """Rows of `dispatches`, each with its fee computed alone under `profile_for[dispatch.id]`."""
    if not dispatches:
        return []
    ids = [d.id for d in dispatches]
    nights = nights_of(session, ids)
    advisors = dict(
        session.execute(
            select(Advisor.id, Advisor.name).where(Advisor.id.in_(sorted({d.advisor_id for d in dispatches})))
        )
        .tuples()
        .all()
    )
    businesses = dict(
        session.execute(
            select(Business.id, Business.name).where(
                Business.id.in_(sorted({d.business_id for d in dispatches}))
            )
        )
        .tuples()
        .all()
    )
    pairs = sorted({(d.advisor_id, d.day) for d in dispatches})
    shared: set[tuple[int, object]] = set()
    for advisor_id, day in pairs:
        count = session.scalar(
            select(func.count())
            .select_from(Dispatch)
            .where(Dispatch.advisor_id == advisor_id, Dispatch.day == day, Dispatch.status != "取消")
        )
        if (count or 0) > 1:
            shared.add((advisor_id, day))
    rows = []
    for d in dispatches:
        fee = dispatch_fee(
            d.start_time,
            d.end_time,
            km=metres_to_km(d.car_m),
            transport=d.transport_yen,
            lodging_nights=nights.get(d.id, ()),
            route_km=None if d.route_m is None else metres_to_km(d.route_m),
            break_minutes=d.break_minutes,
            profile=profile_for[d.id],
        )
        rows.append(
            DispatchRow(
                id=d.id,
                advisor_id=d.advisor_id,
                advisor=advisors.get(d.advisor_id, ""),
                business_id=d.business_id,
                business_name=businesses.get(d.business_id, ""),
                day=d.day,
                start_time=d.start_time,
                end_time=d.end_time,
                break_minutes=d.break_minutes,
                car_km=km_text(d.car_m),
                transport_yen=d.transport_yen,
                route_km=km_text(d.route_m),
                nights=nights.get(d.id, ()),
                status=d.status,
                summary=d.summary,
                fee=fee,
                shares_day=d.status != "取消" and (d.advisor_id, d.day) in shared,
            )
        )
    return rows

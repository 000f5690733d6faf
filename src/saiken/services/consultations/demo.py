"""The demo vault's consultation area: fictional businesses, consultations, bookings, seminars and
dispatches from `saiken.domain.fictional_consult`, anchored to the clock's today so the demo looks current
whenever it is made.

`populate(work, seed)` runs inside the demo's one transaction (`saiken.services.demo`), writes rows directly,
keeps both search indexes right, and records one audit entry `demo.consultations` whose sequence number
stamps every row (so `changes_since(0)` sees the demo's records as changes).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from saiken.domain.clock import JST
from saiken.domain.consultation_terms import fiscal_year_of, fiscal_year_start
from saiken.domain.fictional_consult import (
    generate_advisors,
    generate_businesses,
    generate_consultants,
    generate_consultations,
    generate_dispatches,
    generate_seminars,
)
from saiken.services.consultations.common import categories_mask, jst_day, owner_of, stamp
from saiken.services.consultations.search_index import index_consultations, write_business_keys
from saiken.services.context import Work
from saiken.store.models import (
    Advisor,
    Booking,
    Business,
    Consultant,
    Consultation,
    Dispatch,
    DispatchNight,
    Seminar,
    SeminarApplication,
)

DEMO_BUSINESSES = 40
DEMO_CONSULTATIONS = 420
DAY = dt.timedelta(days=1)


def _weekday_on_or_after(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += DAY
    return day


def populate(work: Work, seed: int = 7) -> dict[str, int]:
    """Fill the consultation area of the demo vault. Returns the number of rows by kind."""
    db, vault = work.session, work.vault
    rng = random.Random(f"demo-consult:{seed}")
    now, today, owner, who = vault.clock.now(), vault.clock.today(), owner_of(vault), vault.user.name

    consultants = [
        Consultant(name=p.name, name_kana=p.name_kana, owner=owner, created_at=now)
        for p in generate_consultants(4, seed)
    ]
    advisors = [
        Advisor(
            name=a.name,
            name_kana=a.name_kana,
            specialty=a.specialty,
            qualification=a.qualification,
            base=a.base,
            owner=owner,
            created_at=now,
        )
        for a in generate_advisors()
    ]
    businesses = [
        Business(
            kind=b.kind,
            name=b.name,
            name_kana=b.name_kana,
            industry=b.industry,
            employees=b.employees,
            postal_code=b.postal_code,
            address=b.address,
            phone=b.phone,
            email=b.email,
            representative=b.representative,
            representative_kana=b.representative_kana,
            representative_born=b.representative_born,
            owner=owner,
            created_by=who,
            created_at=now,
            updated_at=now,
        )
        for b in generate_businesses(DEMO_BUSINESSES, seed)
    ]
    db.add_all([*consultants, *advisors, *businesses])
    db.flush()
    write_business_keys(db, businesses, fresh=True)

    # consultations from the start of last fiscal year to today
    start = fiscal_year_start(fiscal_year_of(today) - 1)
    items = generate_consultations(
        DEMO_CONSULTATIONS,
        businesses=len(businesses),
        consultants=len(consultants),
        start=start,
        end=today,
        seed=seed,
    )
    records = []
    for item in items:
        if item.at.date() >= today and item.at > now:
            continue  # nothing later than now
        record = Consultation(
            record_key=uuid.uuid4().hex,
            version=1,
            superseded=False,
            business_id=businesses[item.business].id,
            at=item.at,
            day=jst_day(item.at),
            industry=businesses[item.business].industry,
            consultant_id=consultants[item.consultant].id,
            form=item.form,
            categories=categories_mask(item.categories),
            contents=item.contents,
            loan_bank=item.loan_bank,
            loan_amount=item.loan_amount,
            loan_status=item.loan_status,
            follow_up_on=item.follow_up_on,
            owner=owner,
            created_by=who,
            created_at=now,
        )
        records.append(record)
    db.add_all(records)
    db.flush()
    # a few corrections: the loan mediation moved on (a new version; the first stays, superseded)
    corrected = []
    for record in [r for r in records if r.loan_status == "相談中"][:3]:
        record.superseded = True
        newer = Consultation(
            record_key=record.record_key,
            version=2,
            superseded=False,
            business_id=record.business_id,
            at=record.at,
            day=record.day,
            industry=record.industry,
            consultant_id=record.consultant_id,
            form=record.form,
            categories=record.categories,
            contents=record.contents,
            loan_bank=record.loan_bank,
            loan_amount=record.loan_amount,
            loan_status="申込済",
            follow_up_on=record.follow_up_on,
            owner=owner,
            created_by=who,
            created_at=now,
        )
        corrected.append(newer)
    db.add_all(corrected)
    db.flush()
    index_consultations(db, [(r.id, r.contents) for r in [*records, *corrected] if not r.superseded])

    # bookings: this week and next, two cancelled
    monday = today - dt.timedelta(days=today.weekday())
    bookings = []
    taken: set[tuple[int, dt.datetime]] = set()
    for index in range(30):
        day = _weekday_on_or_after(monday + dt.timedelta(days=rng.randrange(12)))
        hour = rng.choice((9, 10, 11, 13, 14, 15, 16))
        consultant = consultants[rng.randrange(len(consultants))]
        starts = dt.datetime(day.year, day.month, day.day, hour, tzinfo=JST)
        if (consultant.id, starts) in taken:
            continue
        taken.add((consultant.id, starts))
        cancelled = index in (3, 11, 20)
        done = starts < now and not cancelled
        bookings.append(
            Booking(
                consultant_id=consultant.id,
                business_id=businesses[rng.randrange(len(businesses))].id,
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=1),
                day=day,
                form=rng.choice(("窓口", "窓口", "オンライン", "電話")),
                purpose=rng.choice(
                    ("資金繰りの相談", "補助金の申請について", "販路開拓の相談", "事業承継の相談", "")
                ),
                status="取消" if cancelled else ("完了" if done else "予約"),
                cancelled_at=now if cancelled else None,
                cancel_reason="先方の都合" if cancelled else "",
                owner=owner,
                created_by=who,
                created_at=now,
            )
        )
    db.add_all(bookings)

    # seminars: three held (attendance taken), three to come (one full, with a waiting list)
    seminars = []
    for index, planned in enumerate(generate_seminars(6, first_day=today - dt.timedelta(days=45), seed=seed)):
        held = (
            planned.held_on
            if index < 3
            else _weekday_on_or_after(today + dt.timedelta(days=5 + 9 * (index - 3)))
        )
        capacity = 12 if index == 3 else planned.capacity
        seminars.append(
            Seminar(
                title=planned.title,
                held_on=held,
                starts_at=planned.starts_at,
                ends_at=planned.ends_at,
                venue=planned.venue,
                capacity=capacity,
                status="予定",
                owner=owner,
                created_by=who,
                created_at=now,
            )
        )
    db.add_all(seminars)
    db.flush()
    applications = []
    for index, seminar in enumerate(seminars):
        wanted = seminar.capacity + 3 if index == 3 else rng.randint(seminar.capacity // 2, seminar.capacity)
        for queue_no in range(1, wanted + 1):
            business = businesses[(index * 7 + queue_no * 3) % len(businesses)]
            seat = queue_no <= seminar.capacity
            applied = now - dt.timedelta(days=40 - queue_no % 30)
            attended = None
            if seminar.held_on < today and seat:
                attended = rng.random() < 0.85
            cancelled = seat and queue_no == 2 and index == 4
            applications.append(
                SeminarApplication(
                    seminar_id=seminar.id,
                    business_id=business.id,
                    attendee=business.representative,
                    attendee_kana=business.representative_kana,
                    status="取消" if cancelled else ("参加確定" if seat else "キャンセル待ち"),
                    queue_no=queue_no,
                    applied_at=applied,
                    confirmed_at=applied if seat else None,
                    cancelled_at=now if cancelled else None,
                    attended=None if cancelled else attended,
                    owner=owner,
                    created_by=who,
                )
            )
    db.add_all(applications)

    # dispatches over the last three months, two planned
    dispatches = []
    nights = []
    for visit in generate_dispatches(
        26, businesses=len(businesses), start=today - dt.timedelta(days=90), end=today - DAY, seed=seed
    ):
        dispatches.append(
            Dispatch(
                advisor_id=advisors[visit.advisor].id,
                business_id=businesses[visit.business].id,
                day=visit.day,
                start_time=visit.start,
                end_time=visit.end,
                break_minutes=visit.break_minutes,
                car_m=int(visit.car_km * 1000),
                transport_yen=visit.transport_yen,
                route_m=int(visit.route_km * 1000),
                status="実施",
                summary=visit.summary,
                owner=owner,
                created_by=who,
                created_at=now,
                updated_at=now,
            )
        )
        nights.append(visit.nights)
    for offset in (4, 11):
        day = _weekday_on_or_after(today + dt.timedelta(days=offset))
        dispatches.append(
            Dispatch(
                advisor_id=advisors[offset % len(advisors)].id,
                business_id=businesses[offset].id,
                day=day,
                start_time=dt.time(10),
                end_time=dt.time(12),
                status="予定",
                summary="事前の打合せ済み。",
                owner=owner,
                created_by=who,
                created_at=now,
                updated_at=now,
            )
        )
        nights.append(())
    db.add_all(dispatches)
    db.flush()
    for dispatch, amounts in zip(dispatches, nights, strict=True):
        for index, amount in enumerate(amounts):
            db.add(
                DispatchNight(
                    dispatch_id=dispatch.id,
                    night_on=dispatch.day - DAY + dt.timedelta(days=index),
                    amount=amount,
                )
            )
    db.flush()
    counts = {
        "businesses": len(businesses),
        "consultations": len(records) + len(corrected),
        "bookings": len(bookings),
        "seminars": len(seminars),
        "applications": len(applications),
        "dispatches": len(dispatches),
    }
    entry = work.audit("demo.consultations", seed=seed, counts=counts)
    stamped = [
        *consultants,
        *advisors,
        *businesses,
        *records,
        *corrected,
        *bookings,
        *seminars,
        *applications,
        *dispatches,
    ]
    stamp(entry, *stamped)  # type: ignore[arg-type]
    return counts

"""What the consultation services return: plain frozen dataclasses, never ORM objects.

Amounts are integer yen, dates `datetime.date`, times `datetime.time`, moments aware `datetime.datetime`.
A write returns a `Change` (convention 4): which area and records it touched, the audit entry that
records it, and the new state of its main record; screens refresh from the shell's one `dataChanged`
signal and look only at the areas that concern them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from saiken.domain.advisor_fees import FeeBreakdown, FeeProfile
from saiken.services.changes import Area, Changed, Changes

AREAS = (
    "business",
    "consultation",
    "booking",
    "seminar",
    "dispatch",
    "advisor",
    "consultant",
    "fee_standard",
)


# The consultation area's names for its kinds of record, and the shell's change areas they map to.
AREA_OF: dict[str, Area] = {
    "business": Area.BUSINESSES,
    "consultation": Area.CONSULTATIONS,
    "booking": Area.BOOKINGS,
    "seminar": Area.SEMINARS,
    "seminar_application": Area.SEMINARS,
    "dispatch": Area.DISPATCHES,
    "advisor": Area.ADVISORS,
    "consultant": Area.CONSULTANTS,
    "fee_standard": Area.FEE_STANDARDS,
}


@dataclass(frozen=True)
class Change[T](Changed[T]):
    """What one user action changed: a `Changed` (its `value` the new state of the main record, `changes` the
    areas for the screens) that also says which records: `area` one of AREAS, `ids` the records written
    (main first), `also` other records changed as a consequence, as (area, id) — e.g. a waiting applicant
    moved up — and `audit_seq`, the sequence number of the audit entry that records the action."""

    area: str = ""
    action: str = ""
    ids: tuple[int, ...] = ()
    audit_seq: int = 0
    also: tuple[tuple[str, int], ...] = ()

    @property
    def row(self) -> T:
        return self.value

    @property
    def areas(self) -> frozenset[str]:
        return frozenset({self.area, *(area for area, _ in self.also)})


def change[T](
    area: str,
    action: str,
    ids: tuple[int, ...],
    audit_seq: int,
    row: T,
    also: tuple[tuple[str, int], ...] = (),
) -> Change[T]:
    """A Change whose `changes` name the shell's areas of `area` and of everything in `also`."""
    areas = frozenset({AREA_OF[area], *(AREA_OF[kind] for kind, _ in also)})
    return Change(
        value=row,
        changes=Changes.of(*areas),
        area=area,
        action=action,
        ids=ids,
        audit_seq=audit_seq,
        also=also,
    )


@dataclass(frozen=True)
class BusinessRow:
    id: int
    kind: str
    name: str
    name_kana: str
    industry: str
    employees: int | None
    postal_code: str
    address: str
    phone: str
    email: str
    representative: str
    representative_kana: str
    representative_born: dt.date | None
    notes: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class BusinessListRow:
    id: int
    kind: str
    name: str
    name_kana: str
    industry: str
    representative: str
    phone: str
    last_consulted_on: dt.date | None
    consultations: int


@dataclass(frozen=True)
class BusinessPage:
    rows: list[BusinessListRow]
    total: int


@dataclass(frozen=True)
class ConsultantRow:
    id: int
    name: str
    name_kana: str
    user_name: str
    active: bool


@dataclass(frozen=True)
class ConsultationRow:
    id: int
    record_key: str
    version: int
    versions: int
    superseded: bool
    business_id: int
    business_name: str
    business_kana: str
    at: dt.datetime
    consultant_id: int
    consultant: str
    form: str
    categories: tuple[str, ...]
    contents: str
    loan_bank: str
    loan_amount: int | None
    loan_status: str
    follow_up_on: dt.date | None
    dispatch_id: int | None
    created_by: str
    created_at: dt.datetime


@dataclass(frozen=True)
class ConsultationPage:
    rows: list[ConsultationRow]
    total: int


@dataclass(frozen=True)
class BookingRow:
    id: int
    consultant_id: int
    consultant: str
    business_id: int
    business_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    form: str
    purpose: str
    status: str
    cancelled_at: dt.datetime | None
    cancel_reason: str
    consultation_id: int | None


@dataclass(frozen=True)
class WeekView:
    """A week of bookings from Monday `first_day`, for the calendar."""

    first_day: dt.date
    days: tuple[dt.date, ...]
    consultants: tuple[ConsultantRow, ...]
    bookings: tuple[BookingRow, ...]


@dataclass(frozen=True)
class SeminarRow:
    id: int
    title: str
    held_on: dt.date
    starts_at: dt.time | None
    ends_at: dt.time | None
    venue: str
    capacity: int
    status: str
    notes: str
    confirmed: int
    waiting: int
    attended: int


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    seminar_id: int
    business_id: int
    business_name: str
    attendee: str
    attendee_kana: str
    status: str  # 参加確定 / キャンセル待ち / 取消
    queue_no: int
    waiting_position: int | None  # 1 for the first on the waiting list
    applied_at: dt.datetime
    confirmed_at: dt.datetime | None
    cancelled_at: dt.datetime | None
    attended: bool | None


@dataclass(frozen=True)
class SeminarRoster:
    seminar: SeminarRow
    confirmed: tuple[ApplicationRow, ...]
    waiting: tuple[ApplicationRow, ...]
    cancelled: tuple[ApplicationRow, ...]

    @property
    def seats_left(self) -> int:
        return max(self.seminar.capacity - len(self.confirmed), 0)


@dataclass(frozen=True)
class AdvisorRow:
    id: int
    name: str
    name_kana: str
    specialty: str
    qualification: str
    base: str
    active: bool


@dataclass(frozen=True)
class DispatchRow:
    id: int
    advisor_id: int
    advisor: str
    business_id: int
    business_name: str
    day: dt.date
    start_time: dt.time
    end_time: dt.time
    break_minutes: int
    car_km: str  # exact decimal text of the private-car distance ("123.7"), "" when none
    transport_yen: int
    route_km: str  # whole-route distance for the day allowance, "" when not given
    nights: tuple[int, ...]
    status: str
    summary: str
    fee: FeeBreakdown  # this dispatch computed as a day of its own
    shares_day: bool  # the advisor has another dispatch that day: the statement computes them together


@dataclass(frozen=True)
class FeeStandardRow:
    id: int | None  # None: the built-in seed 004 figures (no row)
    valid_from: dt.date | None
    profile: FeeProfile


@dataclass(frozen=True)
class StatementLine:
    dispatch_id: int
    day: dt.date
    business_name: str
    start_time: dt.time
    end_time: dt.time
    minutes: int


@dataclass(frozen=True)
class StatementDayRow:
    day: dt.date
    dispatches: int
    minutes: int
    honorarium: int
    capped: bool
    car_km: int
    travel: int
    day_allowance: int
    lodging: int
    nights: int
    total: int


@dataclass(frozen=True)
class AdvisorStatement:
    """An advisor's monthly fee statement (謝金・旅費 支払明細)."""

    advisor: AdvisorRow
    year: int
    month: int
    lines: tuple[StatementLine, ...]
    days: tuple[StatementDayRow, ...]
    honorarium: int
    travel: int
    day_allowance: int
    lodging: int
    total: int
    profiles: tuple[str, ...]  # labels of the fee standards used


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a business card's timeline: a consultation, booking, dispatch or seminar application."""

    kind: str  # consultation / booking / dispatch / seminar
    id: int
    at: dt.datetime
    title: str
    detail: str
    status: str = ""


@dataclass(frozen=True)
class BusinessCard:
    business: BusinessRow
    consultations: tuple[ConsultationRow, ...]  # current versions, newest first
    bookings: tuple[BookingRow, ...]
    dispatches: tuple[DispatchRow, ...]
    applications: tuple[ApplicationRow, ...]
    timeline: tuple[TimelineEntry, ...] = field(default_factory=tuple)

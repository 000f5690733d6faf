"""What a handover package of consultation records needs (issue 10 item 6): the records this side owns
that changed after a point, read in one transaction.

The point is an audit sequence number — the `seq` of the signed checkpoint that the previous package
carried — and every consultation-area row keeps in `change_seq` the sequence number of the last action
that changed it. `changes_since(s, after_seq)` returns each row with `change_seq > after_seq` whose `owner`
is `owner` (default: this vault's side, so a contractor's package carries the contractor's records), every
version of a corrected consultation (the superseded one too: corrections are history), and `through_seq`,
the newest audit sequence number when it was read — the point of the next package. Nothing is ever
deleted in this area (cancellations and corrections are rows), so no deletions need to travel.
Needs Capability.EXPORT; it writes no audit entry of its own: the package export that sends the records
audits what it sends.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services.consultations.common import km_text, mask_categories, owner_of
from saiken.services.context import VaultSession, read_session
from saiken.store.models import (
    Advisor,
    AuditEntry,
    Booking,
    Business,
    Consultant,
    Consultation,
    Dispatch,
    DispatchNight,
    Seminar,
    SeminarApplication,
)
from saiken.store.models.businesses import OWNERS

Record = dict[str, Any]


@dataclass(frozen=True)
class ConsultationChanges:
    """Rows as plain dicts of their columns (dates as `datetime.date`, moments aware), by kind."""

    after_seq: int
    through_seq: int
    owner: str
    businesses: tuple[Record, ...]
    consultants: tuple[Record, ...]
    consultations: tuple[Record, ...]
    bookings: tuple[Record, ...]
    seminars: tuple[Record, ...]
    applications: tuple[Record, ...]
    advisors: tuple[Record, ...]
    dispatches: tuple[Record, ...]

    def counts(self) -> dict[str, int]:
        """Rows by kind (for a package manifest or an audit entry)."""
        return {
            item.name: len(getattr(self, item.name))
            for item in fields(self)
            if isinstance(getattr(self, item.name), tuple)
        }

    @property
    def empty(self) -> bool:
        return not any(self.counts().values())


def _columns(row: Any) -> Record:
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}


def _changed(session: Session, model: Any, after_seq: int, owner: str) -> list[Any]:
    return list(
        session.execute(
            select(model)
            .where(model.change_seq > after_seq, model.owner == owner)
            .order_by(model.change_seq, model.id)
        ).scalars()
    )


def changes_since(s: VaultSession, after_seq: int = 0, *, owner: str | None = None) -> ConsultationChanges:
    """The consultation-area records owned by `owner` changed after audit sequence `after_seq`."""
    s.require(Capability.EXPORT)
    side = owner or owner_of(s)
    if side not in OWNERS:
        raise ValidationError(f"所有者は {'、'.join(OWNERS)} のどちらかで指定してください。")
    if isinstance(after_seq, bool) or not isinstance(after_seq, int) or after_seq < 0:
        raise ValidationError("起点の監査番号は0以上の整数で指定してください。")
    with read_session(s) as session:
        return read_changes(session, after_seq, side)


def read_changes(
    session: Session, after_seq: int, side: str, *, only: str | None = None
) -> ConsultationChanges:
    """`changes_since` inside a session the caller holds (a package export reads them in its own);
    `only`: read that kind alone (the others come back empty)."""
    through = int(session.scalar(select(func.max(AuditEntry.seq))) or 0)

    def changed(kind: str, model: Any) -> list[Any]:
        return _changed(session, model, after_seq, side) if only in (None, kind) else []

    consultations = []
    for row in changed("consultations", Consultation):
        record = _columns(row)
        record["categories"] = list(mask_categories(row.categories))
        consultations.append(record)
    dispatches = []
    changed_dispatches = changed("dispatches", Dispatch)
    nights: dict[int, list[tuple[dt.date, int]]] = {}
    if changed_dispatches:
        for night in session.execute(
            select(DispatchNight)
            .where(DispatchNight.dispatch_id.in_([d.id for d in changed_dispatches]))
            .order_by(DispatchNight.night_on)
        ).scalars():
            nights.setdefault(night.dispatch_id, []).append((night.night_on, night.amount))
    for row in changed_dispatches:
        record = _columns(row)
        record["car_km"] = km_text(row.car_m)
        record["route_km"] = km_text(row.route_m)
        record["nights"] = nights.get(row.id, [])
        dispatches.append(record)
    return ConsultationChanges(
        after_seq=after_seq,
        through_seq=through,
        owner=side,
        businesses=tuple(_columns(r) for r in changed("businesses", Business)),
        consultants=tuple(_columns(r) for r in changed("consultants", Consultant)),
        consultations=tuple(consultations),
        bookings=tuple(_columns(r) for r in changed("bookings", Booking)),
        seminars=tuple(_columns(r) for r in changed("seminars", Seminar)),
        applications=tuple(_columns(r) for r in changed("applications", SeminarApplication)),
        advisors=tuple(_columns(r) for r in changed("advisors", Advisor)),
        dispatches=tuple(dispatches),
    )

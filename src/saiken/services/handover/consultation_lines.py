"""The consultation area in a contractor's `report` package (issue 10 item 6): which rows, as which lines.

The consultation area (経営サポート事業: businesses, consultants, consultation records with every version,
bookings, seminars and their applications, advisors and dispatches with their nights) is not part of a
debtor engagement: it is the programme the contractor runs for the ward it reports to. Its rows therefore
travel with whichever engagement's `report` package goes next to that ward (the counterpart organisation),
and "what changed" is counted per ward, not per engagement: every row this side owns whose `change_seq` is
greater than the audit sequence number of the signed checkpoint that the previous `report` package to the
same ward carried (a voided package does not count: it never left). Nothing in this area is ever deleted
(cancellations and corrections are rows), so no deletions travel.

A row is keyed by its owner's key (`c17`: the contractor's row 17), a consultation by its record key and
version; references between rows use the same keys. The receiving side is `apply_consultations`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.exchange.package.contents import encode
from saiken.services.consultations.handover import ConsultationChanges, Record, read_changes
from saiken.store.models import Consultation, Engagement, HandoverPackage
from saiken.store.models.packages import DIRECTION_OUT

ENTITIES: tuple[str, ...] = (
    "businesses",
    "consultants",
    "advisors",
    "seminars",
    "dispatches",
    "consultations",
    "bookings",
    "applications",
)
OWNER_OF_SIDE = {"c": "contractor", "w": "ward"}


def checkpoint_seq(checkpoint_json: str) -> int:
    """The audit sequence number of a package's signed checkpoint as stored with it (0 when it has none)."""
    try:
        stored = json.loads(checkpoint_json or "{}")
    except ValueError:
        return 0
    inner = stored.get("checkpoint", stored) if isinstance(stored, dict) else None
    seq = inner.get("seq") if isinstance(inner, dict) else None
    return seq if isinstance(seq, int) and not isinstance(seq, bool) and seq > 0 else 0


def after_seq(session: Session, engagement_id: int) -> int:
    """The point the next `report` package to this engagement's ward starts from: the checkpoint sequence
    number the previous (not voided) `report` package to that ward carried; 0 before the first."""
    counterpart = session.scalar(select(Engagement.counterpart_id).where(Engagement.id == engagement_id))
    if counterpart is None:
        return 0
    stored = session.scalar(
        select(HandoverPackage.sender_checkpoint)
        .where(
            HandoverPackage.counterpart_id == counterpart,
            HandoverPackage.direction == DIRECTION_OUT,
            HandoverPackage.kind == "report",
            HandoverPackage.voided_at.is_(None),
        )
        .order_by(HandoverPackage.handled_at.desc(), HandoverPackage.id.desc())
        .limit(1)
    )
    return checkpoint_seq(stored) if stored is not None else 0


def _key(side: str, row_id: int | None) -> str | None:
    return None if row_id is None else f"{side}{row_id}"


def _business(r: Record, side: str) -> dict[str, Any]:
    fields = ("kind", "name", "name_kana", "industry", "employees", "postal_code", "address", "phone")
    more = ("email", "representative", "representative_kana", "representative_born", "notes")
    stamps = ("created_by", "created_at", "updated_at")
    return {"key": _key(side, r["id"])} | {name: r[name] for name in (*fields, *more, *stamps)}


def _consultant(r: Record, side: str) -> dict[str, Any]:
    names = ("name", "name_kana", "user_name", "active", "created_at")
    return {"key": _key(side, r["id"])} | {name: r[name] for name in names}


def _advisor(r: Record, side: str) -> dict[str, Any]:
    names = ("name", "name_kana", "specialty", "qualification", "base", "active", "created_at")
    return {"key": _key(side, r["id"])} | {name: r[name] for name in names}


def _seminar(r: Record, side: str) -> dict[str, Any]:
    names = ("title", "held_on", "starts_at", "ends_at", "venue", "capacity", "status", "notes")
    return {"key": _key(side, r["id"])} | {name: r[name] for name in (*names, "created_by", "created_at")}


def _dispatch(r: Record, side: str) -> dict[str, Any]:
    names = ("day", "start_time", "end_time", "break_minutes", "car_m", "transport_yen", "route_m", "status")
    return {
        "key": _key(side, r["id"]),
        "advisor": _key(side, r["advisor_id"]),
        "business": _key(side, r["business_id"]),
        "summary": r["summary"],
        "nights": [list(night) for night in r["nights"]],
        "created_by": r["created_by"],
        "created_at": r["created_at"],
        "updated_at": r["updated_at"],
    } | {name: r[name] for name in names}


def _consultation(r: Record, side: str) -> dict[str, Any]:
    names = ("version", "superseded", "at", "form", "categories", "contents", "loan_bank", "loan_amount")
    return {
        "key": r["record_key"],
        "business": _key(side, r["business_id"]),
        "consultant": _key(side, r["consultant_id"]),
        "dispatch": _key(side, r["dispatch_id"]),
        "loan_status": r["loan_status"],
        "follow_up_on": r["follow_up_on"],
        "created_by": r["created_by"],
        "created_at": r["created_at"],
    } | {name: r[name] for name in names}


def _booking(r: Record, side: str, versions: dict[int, str]) -> dict[str, Any]:
    names = ("starts_at", "ends_at", "form", "purpose", "status", "cancelled_at", "cancel_reason")
    consultation = r["consultation_id"]
    return {
        "key": _key(side, r["id"]),
        "consultant": _key(side, r["consultant_id"]),
        "business": _key(side, r["business_id"]),
        "consultation": None if consultation is None else versions[consultation],
        "created_by": r["created_by"],
        "created_at": r["created_at"],
    } | {name: r[name] for name in names}


def _application(r: Record, side: str) -> dict[str, Any]:
    names = ("attendee", "attendee_kana", "status", "queue_no", "applied_at", "confirmed_at", "cancelled_at")
    return {
        "key": _key(side, r["id"]),
        "seminar": _key(side, r["seminar_id"]),
        "business": _key(side, r["business_id"]),
        "attended": r["attended"],
        "created_by": r["created_by"],
    } | {name: r[name] for name in names}


def _version_keys(session: Session, changes: ConsultationChanges) -> dict[int, str]:
    """ "record key.version" of the consultations the changed bookings were completed by."""
    wanted = sorted({b["consultation_id"] for b in changes.bookings if b["consultation_id"] is not None})
    found: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        rows = session.execute(
            select(Consultation.id, Consultation.record_key, Consultation.version).where(
                Consultation.id.in_(wanted[start : start + 500])
            )
        )
        found.update({row_id: f"{key}.{version}" for row_id, key, version in rows})
    return found


_SIMPLE: dict[str, Callable[[Record, str], dict[str, Any]]] = {
    "businesses": _business,
    "consultants": _consultant,
    "advisors": _advisor,
    "seminars": _seminar,
    "dispatches": _dispatch,
    "consultations": _consultation,
    "applications": _application,
}


def lines(session: Session, engagement_id: int, entity: str, side: str) -> Iterator[tuple[str, bytes]]:
    """(key, line) of each row of `entity` this side owns changed since the previous `report` package."""
    changes = read_changes(session, after_seq(session, engagement_id), OWNER_OF_SIDE[side], only=entity)
    rows: tuple[Record, ...] = getattr(changes, entity)
    if entity == "bookings":
        versions = _version_keys(session, changes)
        for r in rows:
            yield _key(side, r["id"]) or "", encode(entity, _booking(r, side, versions))
        return
    make = _SIMPLE[entity]
    for r in rows:
        line = make(r, side)
        key = f"{line['key']}.{line['version']}" if entity == "consultations" else str(line["key"])
        yield key, encode(entity, line)

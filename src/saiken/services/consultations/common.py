"""Pieces shared by the consultation services: input checks (the debtor services' own, shared), lookups,
ownership and change stamps, the category bit set, and ORM → row conversion."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.advisor_fees import parse_km
from saiken.domain.clock import JST
from saiken.domain.consultation_terms import CATEGORIES
from saiken.domain.errors import ValidationError
from saiken.services.audit_writer import PendingEntry
from saiken.services.checks import get_or_404
from saiken.services.context import VaultSession
from saiken.store.models import (
    Advisor,
    Booking,
    Business,
    Consultant,
    Consultation,
    Dispatch,
    Seminar,
    SeminarApplication,
)
from saiken.store.models.businesses import OWNERS

Stamped = Business | Consultation | Consultant | Booking | Seminar | SeminarApplication | Advisor | Dispatch


def owner_of(s: VaultSession) -> str:
    """The side of the engagement this vault belongs to: its records are owned by it."""
    return s.org_role if s.org_role in OWNERS else "contractor"


OWNER_LABELS = {"contractor": "受託者", "ward": "区"}


def check_own(s: VaultSession, row: Stamped, label: str) -> None:
    """Only the side that made a record changes it (DESIGN §6): a record that came in a package from the
    other side is read here, and changed by its owner, whose next package brings the change."""
    if row.owner != owner_of(s):
        owner = OWNER_LABELS.get(row.owner, row.owner)
        raise ValidationError(
            f"この{label}は{owner}の記録です。ここでは変更できません。",
            hint=f"変更は{owner}が行い、次の受渡しのパッケージで届きます。",
        )


def stamp(entry: PendingEntry, *rows: Stamped) -> None:
    """Mark `rows` as changed by the action `entry` records (their `change_seq`)."""
    for row in rows:
        row.change_seq = entry.seq


def categories_mask(categories: Iterable[str]) -> int:
    mask = 0
    for category in categories:
        mask |= 1 << CATEGORIES.index(category)
    return mask


def mask_categories(mask: int) -> tuple[str, ...]:
    return tuple(category for bit, category in enumerate(CATEGORIES) if mask & (1 << bit))


def jst_day(at: dt.datetime) -> dt.date:
    return at.astimezone(JST).date()


def km_to_metres(value: object, label: str) -> int:
    """An exact distance in whole metres (123.7 km → 123,700). Finer than a metre is refused."""
    km = parse_km(value, label)
    metres = km * 1000
    if metres.denominator != 1:
        raise ValidationError(f"{label}は小数第3位（1 m）までで入力してください。")
    return int(metres)


def metres_to_km(metres: int | None) -> Fraction:
    return Fraction(metres or 0, 1000)


def km_text(metres: int | None) -> str:
    """123,700 → "123.7"; 0 or None → ""."""
    if not metres:
        return ""
    whole, rest = divmod(metres, 1000)
    return f"{whole}" if rest == 0 else f"{whole}.{rest:03d}".rstrip("0")


def business_or_404(session: Session, business_id: object) -> Business:
    return get_or_404(session, Business, business_id, "事業者")


def consultant_or_404(session: Session, consultant_id: object) -> Consultant:
    return get_or_404(session, Consultant, consultant_id, "相談員")


def advisor_or_404(session: Session, advisor_id: object) -> Advisor:
    return get_or_404(session, Advisor, advisor_id, "専門家")


def names_of[T: (Business, Consultant, Advisor)](
    session: Session, model: type[T], ids: Iterable[int | None]
) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    found: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(session.execute(select(model.id, model.name).where(model.id.in_(chunk))).tuples().all())
    return found


def check_ids(values: Sequence[object], label: str) -> list[int]:
    ids = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"{label}の番号は整数で指定してください。")
        ids.append(value)
    return ids

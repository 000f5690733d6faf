"""Helpers for the consultation tests: fictional businesses into a vault, another user, counts of rows."""

from __future__ import annotations

import datetime as dt

from members import as_user as as_user  # re-exported for the consultation tests
from sqlalchemy import func, select, text

from saiken.domain.clock import JST
from saiken.domain.fictional_consult import FictionalBusiness, generate_businesses
from saiken.services import consultations as cs
from saiken.services.context import VaultSession
from saiken.store.models import AuditEntry

TODAY = dt.date(2025, 9, 16)  # the fixed clock's day in Japan (a Tuesday)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=JST)


def business_fields(b: FictionalBusiness) -> dict[str, object]:
    return {
        "kind": b.kind,
        "name_kana": b.name_kana,
        "industry": b.industry,
        "employees": b.employees,
        "postal_code": b.postal_code,
        "address": b.address,
        "phone": b.phone,
        "email": b.email,
        "representative": b.representative,
        "representative_kana": b.representative_kana,
        "representative_born": b.born_wareki,
    }


def add_fictional_businesses(session: VaultSession, n: int, seed: int = 0):
    made = generate_businesses(n, seed=seed)
    ids = [cs.add_business(session, name=b.name, **business_fields(b)).row.id for b in made]
    return ids, made


def audit_count(session: VaultSession) -> int:
    with session.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def audit_details(session: VaultSession) -> list[tuple[str, str]]:
    with session.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(select(AuditEntry.action, AuditEntry.details))]


def table_dump(session: VaultSession, table: str) -> list[tuple]:
    """Every row of `table`, in id order — to show that a refused action changed nothing."""
    with session.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))]

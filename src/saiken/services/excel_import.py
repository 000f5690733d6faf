"""Import of the ward's extraction workbook (区の抽出データの取込み).

All or nothing: the workbook is read and checked first (`saiken.exchange.excel.read_ward_workbook`); with
any bad row nothing is stored and the report lists every bad row. Otherwise ONE transaction creates the new
debtors (debtor, claim, receipt tranche, and the workbook's 既納付額 as one payment confirmed by the ward,
dated the import day), updates the debtors already in the vault by management number (reporting each
changed field, old → new) and never duplicates one. `dry_run` computes the same report and stores nothing.

An Office-encrypted workbook (the ward's extraction with Excel's own password) is opened with the password
the caller passes, decrypted in memory (saiken.exchange.protected_files) and then read with every limit and
check of a plain one; nothing decrypted is ever written to a file.

On re-import the contractor's own work is kept: status, handler, tags, notes, records and the payments
the contractor entered are not touched. A changed 既納付額 is a correction, kept as history (DESIGN §4
convention 5): each earlier ward-confirmed import entry is reversed (a negative entry naming it, dated as
it was) and one new entry of the workbook's figure is added, so the paid total again equals the workbook.
The new entry is dated the import day when the figure went up (the ward has booked new payments), and
keeps the earlier entry's day when it went down (the earlier figure was wrong, nothing was paid today).

Text fields are held to `domain.text_limits` (and a cell longer than Excel's own 32,767 characters is
refused), dates past their era's end are read as the same day and listed in the report's `notes`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from saiken.domain.debtor_status import NOT_STARTED, PAID_IN_FULL
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.exchange.excel import DebtorRow, RowError, read_ward_workbook
from saiken.services.changes import NOTHING, Area, Changed, Changes
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.services.debtors.common import default_engagement, refresh_totals
from saiken.services.debtors.search_index import clear_fold_cache, keys_of, search_keys, write_keys
from saiken.store.bulk import insert_rows
from saiken.store.models import Claim, Debtor, Engagement, Payment, ReceiptTranche

IMPORT_SOURCE = "区抽出データ（既納付額）"
IMPORT_ADJUST_SOURCE = "区抽出データ（既納付額の訂正）"

# Debtor fields compared and updated on re-import, with the labels a person reads in the report.
DEBTOR_FIELDS: dict[str, str] = {
    "kind": "区分",
    "name": "事業者名",
    "name_kana": "フリガナ",
    "representative": "代表者氏名",
    "representative_kana": "代表者フリガナ",
    "postal_code": "郵便番号",
    "address": "住所",
    "mailing_postal_code": "送付先郵便番号",
    "mailing_address": "送付先住所",
    "phone": "電話番号",
    "email": "メールアドレス",
}
CLAIM_FIELDS: dict[str, str] = {
    "fiscal_year": "交付年度",
    "decision_date": "交付決定日",
    "grant_amount": "交付額",
    "order_date": "返還命令日",
    "due_date": "納期限",
    "principal": "返還金額",
}
FIELD_LABELS: dict[str, str] = {
    **DEBTOR_FIELDS,
    **CLAIM_FIELDS,
    "received_date": "受領日",
    "paid": "既納付額",
}


@dataclass(frozen=True)
class DebtorChange:
    management_no: str
    fields: dict[str, tuple[Any, Any]]  # field name (see FIELD_LABELS) -> (old, new)


@dataclass(frozen=True)
class ImportReport:
    imported: int
    updated: int
    unchanged: int
    changes: list[DebtorChange] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    skipped_rows: list[int] = field(default_factory=list)
    protected: bool = False  # the workbook was Office-encrypted (opened with its password, in memory)
    notes: list[RowError] = field(default_factory=list)  # read, but worth telling (a date past its era)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Existing:
    debtor: Debtor
    claim: Claim | None
    tranche: ReceiptTranche | None
    imported_paid: int


def _debtor_values(row: DebtorRow) -> dict[str, Any]:
    return {key: getattr(row, key) or "" for key in DEBTOR_FIELDS}


def _claim_values(row: DebtorRow) -> dict[str, Any]:
    return {key: getattr(row, key) for key in CLAIM_FIELDS}


def _load_existing(session: Session, engagement_id: int | None, numbers: list[str]) -> dict[str, _Existing]:
    if engagement_id is None or not numbers:
        return {}
    found: dict[str, _Existing] = {}
    for start in range(0, len(numbers), 500):
        chunk = numbers[start : start + 500]
        debtors = session.scalars(
            select(Debtor).where(Debtor.engagement_id == engagement_id, Debtor.management_no.in_(chunk))
        ).all()
        if not debtors:
            continue
        ids = [debtor.id for debtor in debtors]
        claims: dict[int, Claim] = {}
        for first in session.scalars(select(Claim).where(Claim.debtor_id.in_(ids)).order_by(Claim.id.desc())):
            claims[first.debtor_id] = first  # the first (lowest id) claim: the one the import made
        tranches: dict[int, ReceiptTranche] = {}
        claim_ids = [claim.id for claim in claims.values()]
        for tranche in session.scalars(
            select(ReceiptTranche)
            .where(ReceiptTranche.claim_id.in_(claim_ids))
            .order_by(ReceiptTranche.id.desc())
        ):
            tranches[tranche.claim_id] = tranche
        paid = {
            debtor_id: total
            for debtor_id, total in session.execute(
                select(Payment.debtor_id, func.sum(Payment.amount))
                .where(Payment.debtor_id.in_(ids), Payment.source.in_((IMPORT_SOURCE, IMPORT_ADJUST_SOURCE)))
                .group_by(Payment.debtor_id)
            )
        }
        for debtor in debtors:
            claim = claims.get(debtor.id)
            found[debtor.management_no] = _Existing(
                debtor=debtor,
                claim=claim,
                tranche=tranches.get(claim.id) if claim is not None else None,
                imported_paid=int(paid.get(debtor.id) or 0),
            )
    return found


def _diff(row: DebtorRow, existing: _Existing) -> dict[str, tuple[Any, Any]]:
    changes: dict[str, tuple[Any, Any]] = {}
    for key, new in _debtor_values(row).items():
        old = getattr(existing.debtor, key)
        if old != new:
            changes[key] = (old, new)
    claim = existing.claim
    for key, new in _claim_values(row).items():
        old = getattr(claim, key) if claim is not None else None
        if old != new:
            changes[key] = (old, new)
    old_received = existing.tranche.received_on if existing.tranche is not None else None
    if row.received_date is not None and old_received != row.received_date:
        changes["received_date"] = (old_received, row.received_date)
    if existing.imported_paid != row.paid:
        changes["paid"] = (existing.imported_paid, row.paid)
    return changes


def _target_engagement(session: Session) -> int | None:
    """The engagement an import goes to: the newest, as `debtors_common.default_engagement` picks it."""
    return session.scalar(select(Engagement.id).order_by(Engagement.id.desc()).limit(1))


def import_ward_workbook(
    s: VaultSession, path: Path | str, *, dry_run: bool = False, password: str | None = None
) -> Changed[ImportReport]:
    """Import (or with `dry_run`, preview) the ward's extraction at `path`. See the module docstring. The
    change names every debtor added or updated (nothing for a dry run or a refused workbook).

    An Office-encrypted workbook needs `password`: PasswordRequiredError without one, WrongPasswordError
    for a wrong one (nothing is stored either way). It is decrypted in memory only and then read exactly
    as a plain workbook; the report's `protected` says so and the audit entry records it."""
    s.require(Capability.EDIT)
    extraction = read_ward_workbook(path, password=password)
    protected = extraction.protection is not None
    if extraction.errors:
        refused = ImportReport(
            0,
            0,
            0,
            errors=list(extraction.errors),
            dry_run=dry_run,
            skipped_rows=list(extraction.skipped_rows),
            protected=protected,
            notes=list(extraction.notes),
        )
        return Changed(refused, NOTHING)
    if not extraction.rows:
        raise ValidationError(
            f"ファイル「{Path(path).name}」に取り込める債務者の行がありません。"
            "見出しの下にデータの行があるか確かめてください。"
        )
    numbers = [row.management_no for row in extraction.rows]
    if dry_run:
        with read_session(s) as session:
            existing = _load_existing(session, _target_engagement(session), numbers)
            report = _report(extraction.rows, existing, dry_run=True)
        return Changed(
            replace(
                report,
                skipped_rows=list(extraction.skipped_rows),
                protected=protected,
                notes=list(extraction.notes),
            ),
            NOTHING,
        )
    with unit_of_work(s) as work:
        engagement = default_engagement(work)
        existing = _load_existing(work.session, engagement.id, numbers)
        report = _report(extraction.rows, existing, dry_run=False)
        new_rows = [row for row in extraction.rows if row.management_no not in existing]
        new_ids = _insert_new(work.session, engagement.id, new_rows, s)
        changed = {change.management_no: change.fields for change in report.changes}
        updated_ids = _apply_updates(work.session, extraction.rows, existing, changed, s)
        _reindex(work.session, new_rows, new_ids, [existing[no].debtor for no in changed])
        work.audit(
            "import.excel",
            target_type="engagement",
            target_id=engagement.id,
            rows=len(extraction.rows),
            imported=report.imported,
            updated=report.updated,
            unchanged=report.unchanged,
            skipped=len(extraction.skipped_rows),
            protected=protected,
            protection=extraction.protection or "none",
        )
        assert len(updated_ids) == report.updated
    touched = frozenset([*new_ids, *updated_ids])
    changes = Changes(frozenset({Area.DEBTORS, Area.PAYMENTS}), touched) if touched else NOTHING
    return Changed(
        replace(
            report,
            skipped_rows=list(extraction.skipped_rows),
            protected=protected,
            notes=list(extraction.notes),
        ),
        changes,
    )


def _report(rows: list[DebtorRow], existing: dict[str, _Existing], *, dry_run: bool) -> ImportReport:
    imported = unchanged = 0
    changes: list[DebtorChange] = []
    for row in rows:
        known = existing.get(row.management_no)
        if known is None:
            imported += 1
            continue
        fields = _diff(row, known)
        if fields:
            changes.append(DebtorChange(row.management_no, fields))
        else:
            unchanged += 1
    return ImportReport(imported, len(changes), unchanged, changes=changes, dry_run=dry_run)


def _insert_new(session: Session, engagement_id: int, rows: list[DebtorRow], s: VaultSession) -> list[int]:
    """Bulk INSERTs of the new debtors and their claim, tranche and payment; returns the ids in row order."""
    if not rows:
        return []
    now, today, user = s.clock.now(), s.clock.today(), s.user.name
    # Ids are given here (the transaction holds the write lock), so the inserts are plain executemany
    # batches (saiken.store.bulk): RETURNING in row order would make SQLAlchemy send one statement per row.
    session.flush()  # the engagement (and anything else pending) first: these INSERTs bypass the ORM
    connection = session.connection()
    first_debtor = (session.scalar(select(func.max(Debtor.id))) or 0) + 1
    first_claim = (session.scalar(select(func.max(Claim.id))) or 0) + 1
    debtor_ids = list(range(first_debtor, first_debtor + len(rows)))
    claim_ids = list(range(first_claim, first_claim + len(rows)))
    insert_rows(
        connection,
        cast(Table, Debtor.__table__),
        [
            {
                **_debtor_values(row),
                "id": debtor_id,
                "engagement_id": engagement_id,
                "management_no": row.management_no,
                "status": PAID_IN_FULL if row.paid >= row.principal else NOT_STARTED,
                "notes": row.notes or "",
                "principal_total": row.principal,
                "paid_total": row.paid,
                "created_at": now,
                "updated_at": now,
            }
            for row, debtor_id in zip(rows, debtor_ids, strict=True)
        ],
    )
    insert_rows(
        connection,
        cast(Table, Claim.__table__),
        [
            {**_claim_values(row), "id": claim_id, "debtor_id": debtor_id}
            for row, debtor_id, claim_id in zip(rows, debtor_ids, claim_ids, strict=True)
        ],
    )
    tranches = [
        {"claim_id": claim_id, "received_on": row.received_date, "amount": row.grant_amount or row.principal}
        for row, claim_id in zip(rows, claim_ids, strict=True)
        if row.received_date is not None
    ]
    insert_rows(connection, cast(Table, ReceiptTranche.__table__), tranches)
    payments = [
        _payment(debtor_id, claim_id, row.paid, IMPORT_SOURCE, today, now, user)
        for row, debtor_id, claim_id in zip(rows, debtor_ids, claim_ids, strict=True)
        if row.paid
    ]
    insert_rows(connection, cast(Table, Payment.__table__), payments)
    return debtor_ids


def _payment(
    debtor_id: int, claim_id: int | None, amount: int, source: str, day: dt.date, now: dt.datetime, user: str
) -> dict[str, Any]:
    return {
        "debtor_id": debtor_id,
        "claim_id": claim_id,
        "paid_on": day,
        "amount": amount,
        "source": source,
        "confirmed_by_ward": True,
        "created_by": user,
        "created_at": now,
    }


def _apply_updates(
    session: Session,
    rows: list[DebtorRow],
    existing: dict[str, _Existing],
    changed: dict[str, dict[str, tuple[Any, Any]]],
    s: VaultSession,
) -> list[int]:
    now, today, user = s.clock.now(), s.clock.today(), s.user.name
    updated: list[int] = []
    for row in rows:
        fields = changed.get(row.management_no)
        if not fields:
            continue
        known = existing[row.management_no]
        debtor = known.debtor
        for key in DEBTOR_FIELDS:
            if key in fields:
                setattr(debtor, key, fields[key][1])
        claim = known.claim
        if claim is None:
            claim = Claim(debtor_id=debtor.id, principal=row.principal)
            session.add(claim)
        for key in CLAIM_FIELDS:
            setattr(claim, key, getattr(row, key))
        session.flush()
        if "received_date" in fields:
            if known.tranche is None:
                session.add(
                    ReceiptTranche(
                        claim_id=claim.id,
                        received_on=row.received_date,
                        amount=row.grant_amount or row.principal,
                    )
                )
            else:
                known.tranche.received_on = row.received_date  # type: ignore[assignment]
        if "paid" in fields:
            _correct_paid(session, debtor.id, claim.id, row.paid, known.imported_paid, today, now, user)
        session.flush()
        refresh_totals(session, debtor, now)
        updated.append(debtor.id)
    return updated


def _correct_paid(
    session: Session,
    debtor_id: int,
    claim_id: int | None,
    new_paid: int,
    old_paid: int,
    today: dt.date,
    now: dt.datetime,
    user: str,
) -> None:
    """The workbook's 既納付額 changed: reverse every earlier import entry still in force, then book the new
    figure as one entry (module docstring: its day)."""
    entries = list(
        session.scalars(
            select(Payment)
            .where(Payment.debtor_id == debtor_id, Payment.source.in_((IMPORT_SOURCE, IMPORT_ADJUST_SOURCE)))
            .order_by(Payment.id)
        )
    )
    reversed_ids = {p.reverses_id for p in entries if p.reverses_id is not None}
    in_force = [p for p in entries if p.amount > 0 and p.id not in reversed_ids]
    rows = [
        {
            **_payment(debtor_id, p.claim_id, -p.amount, p.source, p.paid_on, now, user),
            "reverses_id": p.id,
        }
        for p in in_force
    ]
    if new_paid > 0:
        day = today if new_paid > old_paid or not in_force else min(p.paid_on for p in in_force)
        rows.append(_payment(debtor_id, claim_id, new_paid, IMPORT_SOURCE, day, now, user))
    if rows:
        session.execute(insert(Payment), rows)


def _reindex(session: Session, rows: Iterable[DebtorRow], new_ids: list[int], updated: list[Debtor]) -> None:
    session.flush()
    clear_fold_cache()  # each import folds its own workbook: the cache serves repeats within it
    batch = [
        search_keys(
            debtor_id,
            management_no=row.management_no,
            name=row.name,
            name_kana=row.name_kana or "",
            representative=row.representative or "",
            representative_kana=row.representative_kana or "",
            postal_code=row.postal_code or "",
            address=row.address or "",
            mailing_postal_code=row.mailing_postal_code or "",
            mailing_address=row.mailing_address or "",
            phone=row.phone or "",
        )
        for row, debtor_id in zip(rows, new_ids, strict=True)
    ]
    for start in range(0, len(batch), 2000):
        write_keys(session, batch[start : start + 2000], fresh=True)
    write_keys(session, [keys_of(debtor) for debtor in updated])
    clear_fold_cache()

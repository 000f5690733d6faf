"""Excel exports: the negotiation report (交渉記録報告書) for a period and the debtor list.

Both need Capability.EXPORT, are audited with counts only (`export.negotiation_report`,
`export.debtor_list`) and are made in memory by the exchange layer (cells beginning with = + - @ are
neutralised there), then saved by `services.file_protection.save_personal_file`: protected with the
password given (Office encryption), written atomically, and described in the audit entry (protected or
not, how, size, SHA-256; never the password). The data is read in the same transaction as the audit entry:
if writing the file fails, no audit entry claims it was made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.exchange.excel.debtor_list import DebtorSheetRow, debtor_list_bytes
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.debtors.listing import filter_summary
from saiken.services.debtors.search import MAX_PAGE, DebtorFilter, DebtorListRow, check_filter, query_page
from saiken.services.file_protection import FilePassword, SavedFile, save_personal_file
from saiken.store.models import Claim, Debtor

MAX_PERIOD_DAYS = 3 * 366


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    saved: SavedFile | None = None  # what was written: protected or not, size, SHA-256, check code

    @property
    def protected(self) -> bool:
        return self.saved is not None and self.saved.protected


def _check_target(path: Path | str) -> Path:
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ValidationError(f"保存先「{target.name}」は .xlsx のファイル名にしてください。")
    if not target.parent.is_dir():
        raise ValidationError(
            f"保存先のフォルダ「{target.parent}」がありません。フォルダを確かめてください。"
        )
    return target


def export_negotiation_report(
    s: VaultSession,
    path: Path | str,
    *,
    period_from: dt.date,
    period_to: dt.date,
    password: FilePassword | None = None,
    handler: str | None = None,
) -> ExportResult:
    """Write the 交渉記録報告書 of every current negotiation record dated within the period (JST days; one
    handler's when `handler` names one), protected with `password` when given. The records stream from the
    database into the workbook (`services.records.report`)."""
    from saiken.services.records.report import write_report

    target = _check_target(path)
    saved, rows = write_report(s, target, period_from, period_to, handler, password=password)
    return ExportResult(path=target, rows=rows, saved=saved)


def _list_rows(session: Session, flt: DebtorFilter, today: dt.date) -> list[DebtorListRow]:
    rows: list[DebtorListRow] = []
    while True:
        page = query_page(session, flt, today, offset=len(rows), limit=MAX_PAGE)
        rows.extend(page.rows)
        if not page.rows or len(rows) >= page.total:
            return rows


def _sheet_rows(session: Session, listed: list[DebtorListRow]) -> list[DebtorSheetRow]:
    """The listed debtors with every column of the ward's format (first claim) and the list's figures."""
    debtors: dict[int, Debtor] = {}
    claims: dict[int, Claim] = {}
    ids = [row.id for row in listed]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        debtors.update((d.id, d) for d in session.scalars(select(Debtor).where(Debtor.id.in_(chunk))))
        for first in session.scalars(
            select(Claim).where(Claim.debtor_id.in_(chunk)).order_by(Claim.id.desc())
        ):
            claims[first.debtor_id] = first  # the first claim wins
    result = []
    for row in listed:
        debtor, claim = debtors[row.id], claims.get(row.id)
        result.append(
            DebtorSheetRow(
                management_no=row.management_no,
                name=row.name,
                principal=row.principal,
                paid=row.paid,
                kind=debtor.kind,
                name_kana=debtor.name_kana,
                representative=debtor.representative,
                representative_kana=debtor.representative_kana,
                postal_code=debtor.postal_code,
                address=debtor.address,
                mailing_postal_code=debtor.mailing_postal_code,
                mailing_address=debtor.mailing_address,
                phone=debtor.phone,
                email=debtor.email,
                fiscal_year=claim.fiscal_year if claim else None,
                decision_date=claim.decision_date if claim else None,
                grant_amount=claim.grant_amount if claim else None,
                order_date=claim.order_date if claim else None,
                due_date=claim.due_date if claim else None,
                status=row.status,
                handler=row.handler,
                next_action_on=row.next_action_on,
                tags="、".join(row.tags) or None,
                balance=row.balance,
            )
        )
    return result


def export_debtor_list(
    s: VaultSession,
    path: Path | str,
    flt: DebtorFilter | None = None,
    *,
    password: FilePassword | None = None,
) -> ExportResult:
    """Write the debtors matching `flt` (all when None), in the list's order, with their balances,
    protected with `password` when given."""
    s.require(Capability.EXPORT)
    target = _check_target(path)
    flt = flt or DebtorFilter()
    check_filter(flt)
    with unit_of_work(s) as work:
        rows = _sheet_rows(work.session, _list_rows(work.session, flt, s.clock.today()))
        data = debtor_list_bytes(rows, created_on=s.clock.today())
        saved = save_personal_file(s, target, data, title="債務者一覧", password=password)
        work.audit(
            "export.debtor_list",
            rows=len(rows),
            filtered=not flt.is_empty(),
            **filter_summary(flt),
            **saved.audit_details(),
        )
    return ExportResult(path=target, rows=len(rows), saved=saved)

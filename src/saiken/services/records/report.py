"""交渉記録報告書 (the negotiation report to the ward) for a period and, if chosen, one handler.

- `report_document` makes the PDF in memory for the preview (READ; audited `report.preview`, counts only).
- `record_report_printed` audits that it went to a printer (`document.print`).
- `save_negotiation_report` writes it to the file the person chose, .xlsx or .pdf by its name (EXPORT;
  audited `export.negotiation_report` with the counts and how the file was protected).

The records are read from the database as a stream (`yield_per`) in the report's order and go straight
into the streaming writers (`exchange.excel.negotiation_report`, `exchange.pdf.negotiation_report`); the
counts the header states are taken first, in the same transaction, so they and the rows agree.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.domain.wareki import format_wareki
from saiken.exchange.excel.negotiation_report import NegotiationReportRow, negotiation_report_bytes
from saiken.exchange.pdf.negotiation_report import render_negotiation_report
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.records.search import day_start
from saiken.store.models import Debtor, Engagement, NegotiationRecord, User

MAX_PERIOD_DAYS = 3 * 366
STREAM_BATCH = 2000


@dataclass(frozen=True)
class ReportScope:
    period_from: dt.date
    period_to: dt.date
    handler: str | None = None  # account name; None: every handler

    def file_name(self, suffix: str) -> str:
        """交渉記録報告書_令和7年9月1日-令和7年9月30日.xlsx (no personal data in the name)."""
        return f"交渉記録報告書_{format_wareki(self.period_from)}-{format_wareki(self.period_to)}{suffix}"


@dataclass(frozen=True)
class ReportDocument:
    scope: ReportScope
    records: int
    debtors: int
    pdf: bytes
    pages: int


def check_scope(period_from: dt.date, period_to: dt.date) -> None:
    for label, value in (("期間の開始日", period_from), ("期間の終了日", period_to)):
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise ValidationError(f"{label}を日付で指定してください。")
    if period_from > period_to:
        raise ValidationError("期間の開始日が終了日より後になっています。開始日を終了日以前にしてください。")
    if (period_to - period_from).days > MAX_PERIOD_DAYS:
        raise ValidationError("期間が長すぎます（3 年まで）。期間を分けて出力してください。")


def _where(session: Session, scope: ReportScope) -> list[Any]:
    where = [
        NegotiationRecord.superseded.is_(False),
        NegotiationRecord.at >= day_start(scope.period_from),
        NegotiationRecord.at < day_start(scope.period_to + dt.timedelta(days=1)),
    ]
    if scope.handler:
        user_id = session.scalar(select(User.id).where(User.name == scope.handler))
        if user_id is None:
            raise ValidationError(
                f"対応者「{scope.handler}」は登録されていません。対応者を選び直してください。"
            )
        where.append(NegotiationRecord.handler_user_id == user_id)
    return where


def _counts(session: Session, where: list[Any]) -> tuple[int, int]:
    records, debtors = session.execute(
        select(func.count(), func.count(distinct(NegotiationRecord.debtor_id))).where(*where)
    ).one()
    return int(records), int(debtors)


def report_rows(session: Session, where: list[Any]) -> Iterator[NegotiationReportRow]:
    """The records in the report's order (管理番号, then time), read from the database in batches."""
    handlers = {
        user_id: display or name
        for user_id, name, display in session.execute(select(User.id, User.name, User.display_name))
    }
    query = (
        select(
            NegotiationRecord.at,
            NegotiationRecord.channel,
            NegotiationRecord.direction,
            NegotiationRecord.person,
            NegotiationRecord.handler_user_id,
            NegotiationRecord.created_by,
            NegotiationRecord.summary,
            NegotiationRecord.promise_amount,
            NegotiationRecord.promise_date,
            NegotiationRecord.next_action_on,
            Debtor.management_no,
            Debtor.name,
        )
        .join(Debtor, Debtor.id == NegotiationRecord.debtor_id)
        .where(*where)
        .order_by(Debtor.management_no, NegotiationRecord.at, NegotiationRecord.id)
        .execution_options(yield_per=STREAM_BATCH)
    )
    for row in session.execute(query):
        (
            at,
            channel,
            direction,
            person,
            handler_id,
            created_by,
            summary,
            amount,
            promised,
            next_on,
            no,
            name,
        ) = row
        yield NegotiationReportRow(
            management_no=no,
            debtor_name=name,
            at=at.astimezone(JST),
            channel=channel,
            direction=direction,
            person=person,
            handler=handlers.get(handler_id, "") if handler_id is not None else created_by,
            summary=summary,
            promise_amount=amount,
            promise_date=promised,
            next_action_on=next_on,
        )


def _parties(session: Session, vault: VaultSession) -> tuple[str, str]:
    engagement = session.scalar(select(Engagement).order_by(Engagement.id.desc()).limit(1))
    ward = engagement.ward if engagement is not None else ""
    contractor = engagement.contractor if engagement is not None else ""
    if vault.org_role == "ward":
        ward = ward or vault.org_name
    else:
        contractor = contractor or vault.org_name
    return ward, contractor


def _handler_label(session: Session, handler: str | None) -> str | None:
    if not handler:
        return None
    found = session.execute(select(User.display_name).where(User.name == handler)).scalar_one_or_none()
    return found or handler


def _fields(session: Session, vault: VaultSession, scope: ReportScope) -> tuple[dict[str, Any], int, int]:
    where = _where(session, scope)
    records, debtors = _counts(session, where)
    ward, contractor = _parties(session, vault)
    fields = {
        "period_from": scope.period_from,
        "period_to": scope.period_to,
        "ward_name": ward,
        "contractor_name": contractor,
        "rows": report_rows(session, where),
        "created_on": vault.clock.today(),
        "handler_name": _handler_label(session, scope.handler),
        "record_count": records,
        "debtor_count": debtors,
    }
    return fields, records, debtors


def report_document(
    s: VaultSession, *, period_from: dt.date, period_to: dt.date, handler: str | None = None
) -> ReportDocument:
    """The report's PDF for the preview, in memory."""
    s.require(Capability.READ)
    check_scope(period_from, period_to)
    scope = ReportScope(period_from, period_to, handler or None)
    with unit_of_work(s) as work:
        fields, records, debtors = _fields(work.session, s, scope)
        pdf = render_negotiation_report(**fields)
        work.audit(
            "report.preview",
            document="negotiation_report",
            period_from=period_from.isoformat(),
            period_to=period_to.isoformat(),
            handler=scope.handler or "",
            rows=records,
        )
    return ReportDocument(scope, records, debtors, pdf, len(PdfReader(io.BytesIO(pdf)).pages))


def record_report_printed(s: VaultSession, scope: ReportScope, *, pages: int) -> None:
    s.require(Capability.READ)
    if isinstance(pages, bool) or not isinstance(pages, int) or pages < 1:
        raise ValidationError("印刷したページ数が正しくありません。")
    with unit_of_work(s) as work:
        work.audit(
            "document.print",
            document="negotiation_report",
            period_from=scope.period_from.isoformat(),
            period_to=scope.period_to.isoformat(),
            handler=scope.handler or "",
            pages=pages,
        )


def save_negotiation_report(
    s: VaultSession,
    path: Path | str,
    period_from: dt.date,
    period_to: dt.date,
    handler: str | None = None,
    *,
    password: Any = None,
) -> Any:
    """Write the report to `path` (.xlsx or .pdf by its name), protected with `password` (a
    `file_protection.FilePassword`) unless None; returns the `file_protection.SavedFile`. Needs the export
    right; audited with the number of records."""
    return write_report(s, path, period_from, period_to, handler, password=password)[0]


def write_report(
    s: VaultSession,
    path: Path | str,
    period_from: dt.date,
    period_to: dt.date,
    handler: str | None = None,
    *,
    password: Any = None,
) -> tuple[Any, int]:
    """`save_negotiation_report`, also returning how many records the report holds."""
    from saiken.services.file_protection import file_type_of, save_personal_file

    s.require(Capability.EXPORT)
    check_scope(period_from, period_to)
    file_type = file_type_of(path)
    scope = ReportScope(period_from, period_to, handler or None)
    with unit_of_work(s) as work:
        fields, records, _debtors = _fields(work.session, s, scope)
        data = (
            negotiation_report_bytes(**fields) if file_type == "xlsx" else render_negotiation_report(**fields)
        )
        saved = save_personal_file(s, path, data, title="交渉記録報告書", password=password)
        work.audit(
            "export.negotiation_report",
            file_type=file_type,
            period_from=period_from.isoformat(),
            period_to=period_to.isoformat(),
            handler=scope.handler or "",
            rows=records,
            **saved.audit_details(),
        )
    return saved, records

"""The 交渉記録報告書 of one month out of 1,000,000 negotiation records (issue 7 Must hold): the whole service
(`services.records.report.write_report`: the records streamed from the SQLCipher vault in the report's order,
the streaming .xlsx writer, the atomic save and the audit entry) against openpyxl writing the same rows in
write-only mode, in the same run, alternating.

The vault is `bench_search`'s (100,000 fictional debtors, 10 records each, built once and cached). The month
is the calendar month whose record count is nearest 20,000; its actual count is in the note. A second row
compares the writers alone on the same rows already in memory (our stream writer vs openpyxl write-only),
and a third gives the PDF of the same month for information.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.bench_search import CLOCK, RECORDS_PER_DEBTOR, cached_vault
from benchmarks.harness import Report, measure, measure_pair
from saiken.domain.roles import Role
from saiken.services.context import SignedInUser, VaultSession, read_session
from saiken.store.engine import connect_raw, make_engine

TARGET = 20_000


def _month(raw: Any) -> tuple[dt.date, dt.date, int]:
    """The calendar month (Japan time) whose record count is nearest TARGET."""
    months = raw.execute(
        "SELECT strftime('%Y-%m', datetime(at, '+9 hours')) AS m, count(*) FROM negotiation_records "
        "WHERE superseded = 0 GROUP BY m"
    ).fetchall()
    month, count = min(months, key=lambda item: abs(item[1] - TARGET))
    first = dt.date.fromisoformat(f"{month}-01")
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return first, last, count


def _openpyxl_write_only(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("交渉記録報告書")
    sheet.append(["管理番号", "債務者名", "日時", "方法", "相手方", "対応者", "内容", "約束", "次回予定"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def run(report: Report) -> None:
    from saiken.exchange.excel.negotiation_report import method_text, negotiation_report_bytes, promise_text
    from saiken.services.records.report import _fields, write_report

    n_debtors = report.size(100_000, 500)
    per_debtor = report.size(RECORDS_PER_DEBTOR, 2)
    out_dir = Path(tempfile.mkdtemp(prefix="saiken-bench-records-"))
    with cached_vault(n_debtors, per_debtor, cache=not report.quick) as (db_path, key, _debtors):
        raw = connect_raw(db_path, key)
        try:
            period_from, period_to, month_count = _month(raw)
        finally:
            raw.close()
        vault = VaultSession(
            folder=db_path.parent,
            engine=make_engine(db_path, key),
            clock=CLOCK,
            user=SignedInUser(id=1, name="admin", role=Role.ADMIN, is_supervisor=True),
        )
        try:
            with read_session(vault) as session:
                fields, records, debtors = _fields(session, vault, _scope(period_from, period_to))
                items = list(fields.pop("rows"))
            rows = [
                [
                    r.management_no,
                    r.debtor_name,
                    r.at.replace(tzinfo=None),
                    method_text(r),
                    r.person,
                    r.handler,
                    r.summary,
                    promise_text(r),
                    r.next_action_on,
                ]
                for r in items
            ]
            size = (
                f"{records:,} records of {debtors:,} debtors in {period_from:%Y-%m} "
                f"(of {n_debtors * per_debtor:,}; the month's count {month_count:,})"
            )
            repeat = report.size(3, 1)
            target = out_dir / "交渉記録報告書.xlsx"
            ours, base = measure_pair(
                lambda: write_report(vault, target, period_from, period_to),
                lambda: _openpyxl_write_only(rows),
                repeat=repeat,
            )
            report.ratio(
                "negotiation report of a month (service, from the vault) vs openpyxl write-only of the same rows",
                ours,
                base,
                unit="s",
                note=size,
            )
            report.value("negotiation report of a month (service, .xlsx)", ours, "s", note=size)
            writer, base_writer = measure_pair(
                lambda: negotiation_report_bytes(**fields, rows=iter(items)),  # in order, as streamed
                lambda: _openpyxl_write_only(rows),
                repeat=repeat,
            )
            report.ratio(
                "report writer alone (rows in memory) vs openpyxl write-only",
                writer,
                base_writer,
                unit="s",
                note=f"{records:,} rows × 9 columns, with styles, merged header and autofilter",
            )
            pdf = measure(
                lambda: write_report(vault, out_dir / "交渉記録報告書.pdf", period_from, period_to),
                repeat=1,
                warmup=0,
            )
            report.value("negotiation report of a month as PDF (information)", pdf, "s", note=size)
        finally:
            vault.close()
            shutil.rmtree(out_dir, ignore_errors=True)


def _scope(period_from: dt.date, period_to: dt.date) -> Any:
    from saiken.services.records.report import ReportScope

    return ReportScope(period_from, period_to)

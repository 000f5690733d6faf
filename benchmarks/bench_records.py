"""The 交渉記録報告書 of one month out of 1,000,000 negotiation records (issue 7 Must hold): the whole service
(`services.records.report.write_report`: the records streamed from the SQLCipher vault in the report's order,
the streaming .xlsx writer, the atomic save and the audit entry) against openpyxl writing the same rows in
write-only mode, in the same run, alternating.

The vault is built as `bench_search` builds its own (100,000 fictional debtors, 10 records each), then records
of other months are moved into January 2026 until it holds 20,000 (a busy month); it is cached under
`bench-results/cache/records-…`. The note gives the month's actual count. A second row
compares the writers alone on the same rows already in memory (our stream writer vs openpyxl write-only),
and a third gives the PDF of the same month for information.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.bench_search import RECORDS_PER_DEBTOR, _iso, build_vault
from benchmarks.harness import DEFAULT_OUT, Report, measure, measure_pair
from saiken.domain.clock import JST, FixedClock
from saiken.domain.fictional import generate_debtors
from saiken.domain.roles import Role
from saiken.services.context import SignedInUser, VaultSession, read_session
from saiken.store.engine import connect_raw, make_engine

TARGET = 20_000


MONTH = (dt.date(2026, 1, 1), dt.date(2026, 1, 31))  # the generator's last, quietest month
CLOCK = FixedClock(dt.datetime(2026, 2, 2, 1, 0, tzinfo=dt.UTC))  # the report is made after the month
BUILD_VERSION = 1  # bump when the data of the cached vault changes


def _month_count(raw: Any) -> int:
    start = dt.datetime.combine(MONTH[0], dt.time(), JST)
    end = dt.datetime.combine(MONTH[1] + dt.timedelta(days=1), dt.time(), JST)
    return int(
        raw.execute(
            "SELECT count(*) FROM negotiation_records WHERE superseded = 0 AND at >= ? AND at < ?",
            (_iso(start), _iso(end)),
        ).fetchone()[0]
    )


def _fill_the_month(raw: Any, target: int) -> None:
    """Move records of other months into MONTH (spread over it, in step) until it holds TARGET: a busy
    month of a large office, the month the report is made for. A no-op once it does."""
    need = target - _month_count(raw)
    if need <= 0:
        return
    start = dt.datetime.combine(MONTH[0], dt.time(8, 30), JST)
    span = (MONTH[1] - MONTH[0]).days * 86_400 + 9 * 3600
    end = dt.datetime.combine(MONTH[1] + dt.timedelta(days=1), dt.time(), JST)
    ids = [
        row[0]
        for row in raw.execute(
            "SELECT id FROM negotiation_records WHERE id % ? = 0 AND NOT (at >= ? AND at < ?) ORDER BY id",
            (3 if need < 1000 else 37, _iso(start.replace(hour=0, minute=0)), _iso(end)),
        )
    ][:need]
    assert len(ids) == need, "not enough records to move into the month"
    raw.execute("BEGIN")
    raw.executemany(
        "UPDATE negotiation_records SET at = ? WHERE id = ?",
        [
            (_iso(start + dt.timedelta(seconds=n * span // need)), record_id)
            for n, record_id in enumerate(ids)
        ],
    )
    raw.execute("COMMIT")


@contextmanager
def records_vault(quick: bool) -> Iterator[tuple[Path, bytes]]:
    """bench_search's vault (100,000 debtors × 10 records) with a month of TARGET records, cached apart."""
    n_debtors, per_debtor = (500, 2) if quick else (100_000, RECORDS_PER_DEBTOR)
    debtors = generate_debtors(n_debtors, seed=42)
    folder = (
        Path(tempfile.mkdtemp(prefix="saiken-bench-records-vault-"))
        if quick
        else DEFAULT_OUT / "cache" / f"records-v{BUILD_VERSION}-{n_debtors}-{n_debtors * per_debtor}"
    )
    key_file = folder / "bench-key.hex"  # fictional data only: the key may sit beside it
    try:
        if not key_file.exists():
            shutil.rmtree(folder, ignore_errors=True)
            key_file.write_text(build_vault(folder, debtors, per_debtor).hex())
        key = bytes.fromhex(key_file.read_text())
        raw = connect_raw(folder / "vault.db", key)
        try:
            _fill_the_month(raw, 300 if quick else TARGET)
        finally:
            raw.close()
        yield folder / "vault.db", key
    finally:
        if quick:
            shutil.rmtree(folder, ignore_errors=True)


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

    total = report.size(100_000 * RECORDS_PER_DEBTOR, 1000)
    out_dir = Path(tempfile.mkdtemp(prefix="saiken-bench-records-"))
    with records_vault(report.quick) as (db_path, key):
        period_from, period_to = MONTH
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
            size = f"{records:,} records of {debtors:,} debtors in {period_from:%Y-%m} (of {total:,} records)"
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

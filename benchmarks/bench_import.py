"""Importing a 10,000-row ward workbook with our service against openpyxl's read-only pass over the same
file (issue 3 Must hold: ≤ 2×).

The workbook is written by the project's ward-format writer from fictional debtors. Ours is the whole
service: read and check every cell, then store debtors, claims, tranches, payments, the search index and
the audit entry in one transaction of a real SQLCipher vault (a fresh one for each sample, made untimed).
The baseline opens the same file with `openpyxl.load_workbook(read_only=True, data_only=True)` and reads
every cell value once.
"""

from __future__ import annotations

import datetime as dt
import gc
import secrets
import shutil
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

from benchmarks.harness import Report
from saiken.domain.clock import FixedClock
from saiken.domain.fictional import generate_debtors
from saiken.domain.roles import Role
from saiken.exchange.excel.ward_writer import write_ward_workbook
from saiken.services.context import SignedInUser, VaultSession, unit_of_work
from saiken.services.excel_import import import_ward_workbook
from saiken.store import migrate
from saiken.store.engine import make_engine
from saiken.store.models import User

CLOCK = FixedClock(dt.datetime(2025, 10, 1, 1, 0, tzinfo=dt.UTC))


def fresh_vault(folder: Path) -> VaultSession:
    folder.mkdir(parents=True)
    engine = make_engine(folder / "vault.db", secrets.token_bytes(32))
    migrate.upgrade(engine)
    session = VaultSession(folder=folder, engine=engine, clock=CLOCK,
                           user=SignedInUser(id=1, name="tantou", role=Role.HANDLER))
    with unit_of_work(session) as work:
        work.session.add(User(name="tantou", display_name="担当", role="handler", created_at=CLOCK.now()))
    return session


def openpyxl_pass(path: Path) -> int:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        cells = 0
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                cells += len(row)
        return cells
    finally:
        workbook.close()


def _timed(fn) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(report: Report) -> None:
    rows = report.size(10_000, 200)
    repeat = report.size(3, 1)
    work = Path(tempfile.mkdtemp(prefix="saiken-bench-import-"))
    try:
        path = work / "ward.xlsx"
        write_ward_workbook(path, generate_debtors(rows, seed=9))
        openpyxl_pass(path)  # warm the file cache and the imports
        ours: list[float] = []
        base: list[float] = []
        again: list[float] = []
        for index in range(repeat):
            vault = fresh_vault(work / f"vault{index}")
            try:
                base.append(_timed(lambda: openpyxl_pass(path)))
                gc.collect()
                start = time.perf_counter()
                result = import_ward_workbook(vault, path)
                ours.append(time.perf_counter() - start)
                if result.imported != rows or result.errors:
                    raise RuntimeError(f"import stored {result.imported} of {rows} rows")
                again.append(_timed(lambda vault=vault: import_ward_workbook(vault, path)))
            finally:
                vault.close()
        size = f"{rows:,} rows, {path.stat().st_size / 1024:,.0f} KiB"
        report.ratio(f"import {rows:,}-row workbook vs openpyxl read-only pass", ours, base, goal=2.0, note=size)
        report.value(f"re-import of the same {rows:,} rows (all unchanged)", again, "s", note=size)
    finally:
        shutil.rmtree(work, ignore_errors=True)

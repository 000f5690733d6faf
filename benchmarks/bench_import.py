"""Importing a 10,000-row ward workbook with our service against openpyxl's read-only pass over the same
file (issue 3 Must hold: ≤ 2×).

The workbook is written by the project's ward-format writer from fictional debtors. Ours is the whole
service: read and check every cell, then store debtors, claims, tranches, payments, the search index and
the audit entry in one transaction of a real SQLCipher vault (a fresh one for each sample, made untimed).
The baseline opens the same file with `openpyxl.load_workbook(read_only=True, data_only=True)` and reads
every cell value once.

The product runs with `PRAGMA cipher_memory_security = OFF` (DESIGN §5: SQLCipher's default; the reason is
in `saiken.store.engine.pragmas`). An information row shows what ON would cost (SQLCipher wipes and locks
every heap allocation): the same import in a SUBPROCESS whose connections run the engine's own
`pragmas(memory_security=True)`. The setting is process-wide and cannot be turned off once on, so only a
process of its own may turn it on. The product has no such switch.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlcipher3
from openpyxl import load_workbook
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from benchmarks.harness import Report
from saiken.domain.clock import FixedClock
from saiken.domain.fictional import generate_debtors
from saiken.domain.roles import Role
from saiken.exchange.excel.ward_writer import write_ward_workbook
from saiken.security.member_keys import MemberKeys
from saiken.services.context import SignedInUser, Signer, VaultSession, unit_of_work
from saiken.services.excel_import import import_ward_workbook
from saiken.store import migrate
from saiken.store.engine import BUSY_TIMEOUT_MS, READ_ONLY, make_engine, pragmas
from saiken.store.models import User

CLOCK = FixedClock(dt.datetime(2025, 10, 1, 1, 0, tzinfo=dt.UTC))


REPO = Path(__file__).resolve().parents[1]
MEMORY_SECURITY_ON_FLAG = "--memory-security-on"


def engine_with_memory_security(db_path: Path, key: bytes) -> Engine:
    """BENCHMARK ONLY, in a process of its own: `make_engine` with `cipher_memory_security = ON` (the engine's
    `pragmas(True)`, otherwise the same settings, WAL, synchronous FULL and BEGIN IMMEDIATE)."""

    def creator() -> Any:
        connection = sqlcipher3.connect(
            str(db_path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        for statement in pragmas(memory_security=True):
            connection.execute(statement)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.execute("PRAGMA journal_mode = WAL").fetchone()
        connection.execute("PRAGMA synchronous = FULL")
        return connection

    engine = create_engine(
        "sqlite://",
        module=sqlcipher3,
        creator=creator,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        pool_pre_ping=False,
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def run_with_memory_security(module: str, *args: str) -> Any:
    """Run `python -m benchmarks.<module> --memory-security-on ARGS` and return the JSON it prints."""
    done = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{module}", MEMORY_SECURITY_ON_FLAG, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{module} subprocess failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def fresh_vault(folder: Path, *, memory_security: bool = False) -> VaultSession:
    folder.mkdir(parents=True)
    key = secrets.token_bytes(32)
    if memory_security:
        engine = engine_with_memory_security(folder / "vault.db", key)
    else:
        engine = make_engine(folder / "vault.db", key)
    migrate.upgrade(engine)
    session = VaultSession(
        folder=folder,
        engine=engine,
        clock=CLOCK,
        user=SignedInUser(id=1, name="tantou", role=Role.HANDLER),
        signer=Signer("u1", MemberKeys.generate()),  # audit entries are signed, as in a real session
    )
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
                result = import_ward_workbook(vault, path).value
                ours.append(time.perf_counter() - start)
                if result.imported != rows or result.errors:
                    raise RuntimeError(f"import stored {result.imported} of {rows} rows")
                again.append(_timed(lambda vault=vault: import_ward_workbook(vault, path)))
            finally:
                vault.close()
        size = f"{rows:,} rows, {path.stat().st_size / 1024:,.0f} KiB"
        report.ratio(
            f"import {rows:,}-row workbook vs openpyxl read-only pass", ours, base, goal=2.0, note=size
        )
        report.value(f"re-import of the same {rows:,} rows (all unchanged)", again, "s", note=size)
        on = run_with_memory_security("bench_import", str(path), str(work / "on"), str(repeat))
        report.ratio(
            f"import {rows:,} rows with cipher_memory_security ON vs openpyxl (information only)",
            on["import"],
            on["openpyxl"],
            note="measured in a subprocess; the product keeps it OFF (DESIGN §5)",
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _main_with_memory_security(path: Path, folder: Path, repeat: int) -> None:
    """The subprocess: the same import into fresh vaults whose connections turn memory security on."""
    imports: list[float] = []
    base: list[float] = []
    openpyxl_pass(path)
    for index in range(repeat):
        vault = fresh_vault(folder / f"vault{index}", memory_security=True)
        try:
            base.append(_timed(lambda: openpyxl_pass(path)))
            imports.append(_timed(lambda vault=vault: import_ward_workbook(vault, path)))
        finally:
            vault.close()
    print(json.dumps({"import": imports, "openpyxl": base}))


if __name__ == "__main__" and sys.argv[1:2] == [MEMORY_SECURITY_ON_FLAG]:
    _main_with_memory_security(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))

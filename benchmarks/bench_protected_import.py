"""Importing the ward's 10,000-row workbook when it arrives Office-encrypted (issue 11 Must hold): the whole
service — bounded checks, key derivation (Agile, 100,000 SHA-512 spins), HMAC check, decryption in memory,
then the same read, checks and one-transaction import as a plain workbook — against importing the plain
workbook, in the same run, into fresh real vaults (made untimed), alternating so noise hits both alike.

The encrypted copy is made by msoffcrypto-tool (as Excel would make it) from the file the plain import reads.
Information rows: the decryption alone (`unprotect_workbook`), and the protected save of the same workbook
(`protect_workbook`: encryption plus the check that it decrypts again).
"""

from __future__ import annotations

import gc
import io
import shutil
import tempfile
import time
from pathlib import Path

from msoffcrypto.format.ooxml import OOXMLFile

from benchmarks.bench_import import fresh_vault
from benchmarks.harness import Report, measure
from saiken.domain.fictional import generate_debtors
from saiken.exchange.excel.ward_writer import write_ward_workbook
from saiken.exchange.protected_files import protect_workbook, unprotect_workbook
from saiken.services.excel_import import import_ward_workbook

PASSWORD = "Kasou-Bench-Pass-2025"  # fictional


def _import_seconds(folder: Path, path: Path, password: str | None, rows: int) -> float:
    vault = fresh_vault(folder)
    try:
        gc.collect()
        start = time.perf_counter()
        result = import_ward_workbook(vault, path, password=password).value
        elapsed = time.perf_counter() - start
    finally:
        vault.close()
    if result.imported != rows or result.errors:
        raise RuntimeError(f"import stored {result.imported} of {rows} rows")
    return elapsed


def run(report: Report) -> None:
    rows = report.size(10_000, 200)
    repeat = report.size(3, 1)
    work = Path(tempfile.mkdtemp(prefix="saiken-bench-protected-"))
    try:
        plain = work / "ward.xlsx"
        write_ward_workbook(plain, generate_debtors(rows, seed=9))
        data = plain.read_bytes()
        out = io.BytesIO()
        OOXMLFile(io.BytesIO(data)).encrypt(PASSWORD, out)
        locked = work / "ward-protected.xlsx"
        locked.write_bytes(out.getvalue())
        ours: list[float] = []
        base: list[float] = []
        for index in range(repeat):
            base.append(_import_seconds(work / f"plain{index}", plain, None, rows))
            ours.append(_import_seconds(work / f"locked{index}", locked, PASSWORD, rows))
        size = f"{rows:,} rows, {len(data) / 1024:,.0f} KiB plain, {locked.stat().st_size / 1024:,.0f} KiB encrypted"
        report.ratio(
            f"decrypt-and-import {rows:,}-row encrypted workbook vs importing the plain one",
            ours,
            base,
            note=size,
        )
        encrypted = locked.read_bytes()
        decrypt = measure(
            lambda: unprotect_workbook(encrypted, PASSWORD, name="ward.xlsx", max_bytes=20 * 1024 * 1024),
            repeat=report.size(5, 1),
        )
        report.value(f"decryption alone ({rows:,} rows, Agile, 100,000 spins)", decrypt, "s", note=size)
        protect = measure(lambda: protect_workbook(data, PASSWORD), repeat=report.size(5, 1))
        report.value(f"protected save of the same workbook (encrypt + check, {rows:,} rows)", protect, "s")
    finally:
        shutil.rmtree(work, ignore_errors=True)

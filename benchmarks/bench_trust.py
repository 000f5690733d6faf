"""Vault trust (issue 6 Must hold): the price of signing and of real revocation, against baselines measured
in the same run.

- Audit: 10,000 signed, chained entries appended in one unit of work (`work.audit`: Ed25519 and the SHA-256
  chain per entry, the stored head checked once before the first; `debtor.view` changes no record, so no
  record digests) vs 10,000 plain INSERTs of the same rows into a table of the same shape in the same
  database, one transaction — the ratio is the price of signing and chaining.
- Revocation: removing a member from a vault with 100,000 fictional debtors (`users.remove_user`: a new
  master key, the database and every backup exported under it, keys.json re-sealed, the commit rename),
  in seconds and MB/s of database re-encrypted, vs one bare `sqlcipher_export` of the same database.
The unlock time (Argon2id + unseal + open + first query) is bench_unlock's.
"""

from __future__ import annotations

import datetime as dt
import secrets
import shutil
import tempfile
import time
from pathlib import Path

import keyring

from benchmarks.bench_search import build_vault
from benchmarks.bench_unlock import _MemoryKeyring
from benchmarks.harness import Report, measure_pair
from saiken.domain.clock import FixedClock
from saiken.domain.fictional import generate_debtors
from saiken.security.audit_chain import canonical_json
from saiken.services import users, vault
from saiken.services.context import unit_of_work
from saiken.store.copies import export_copy
from saiken.store.engine import connect_raw, engine_key

PASSWORD = "ベンチマーク用の長い合言葉"
HANDLER_PW = "取扱者のベンチマーク用の合言葉"
CLOCK = FixedClock(dt.datetime(2025, 9, 16, 1, 0, tzinfo=dt.UTC))
_COPY_TABLES = ("engagements", "debtors", "claims", "negotiation_records")


def _vault(folder: Path) -> None:
    vault.create_vault(
        folder,
        org_role="contractor",
        org_name="架空法律事務所",
        admin_user="bench",
        admin_password=PASSWORD,
        device_binding=False,
        clock=CLOCK,
    )


def _signed(session, n: int) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(session) as work:
        for i in range(n):
            work.audit("debtor.view", target_type="debtor", target_id=i)


def _unsigned(db_path: Path, key: bytes, n: int, round_: int) -> None:
    db = connect_raw(db_path, key)
    try:
        db.execute("BEGIN IMMEDIATE")
        db.executemany(
            "INSERT INTO bench_plain(seq, at, actor, action, target_type, target_id, details, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    round_ * n + i,
                    "2025-09-16T01:00:00.000000+00:00",
                    "bench",
                    "debtor.view",
                    "debtor",
                    str(i),
                    canonical_json({}),
                    "0" * 64,
                    secrets.token_hex(32),
                )
                for i in range(n)
            ],
        )
        db.execute("COMMIT")
    finally:
        db.close()


def _audit(report: Report, tmp: Path) -> None:
    n = report.size(10_000, 300)
    folder = tmp / "audit"
    _vault(folder)
    session = vault.open_vault(folder, "bench", PASSWORD, clock=CLOCK)
    key = engine_key(session.engine)
    db = connect_raw(folder / "vault.db", key)
    # the same shape as audit_log: its columns and its indexes (at, actor, action, unique hash)
    db.execute(
        "CREATE TABLE bench_plain (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, "
        "action TEXT NOT NULL, target_type TEXT, target_id TEXT, details TEXT NOT NULL, prev_hash TEXT NOT NULL, "
        "hash TEXT NOT NULL UNIQUE, signer TEXT, signature TEXT, records TEXT)"
    )
    for column in ("at", "actor", "action"):
        db.execute(f"CREATE INDEX ix_bench_plain_{column} ON bench_plain ({column})")
    db.close()
    rounds = iter(range(1000))
    ours, base = measure_pair(
        lambda: _signed(session, n),
        lambda: _unsigned(folder / "vault.db", key, n, next(rounds)),
        repeat=report.size(5, 2),
    )
    session.close()
    report.ratio(
        f"append {n:,} signed audit entries vs {n:,} unsigned inserts",
        ours,
        base,
        unit="s",
        note="one unit of work each; Ed25519 + SHA-256 chain per entry, the head checked once",
    )


def _populate(folder: Path, n_debtors: int, tmp: Path) -> None:
    """Copy `n_debtors` fictional debtors (bench_search's builder) into the real vault at `folder`."""
    source = tmp / "source"
    source_key = build_vault(source, generate_debtors(n_debtors, seed=42), 1)
    session = vault.open_vault(folder, "bench", PASSWORD, clock=CLOCK)
    key = engine_key(session.engine)
    session.close()
    db = connect_raw(folder / "vault.db", key)
    try:
        db.execute(f"ATTACH DATABASE ? AS src KEY \"x'{source_key.hex()}'\"", (str(source / "vault.db"),))
        db.execute("BEGIN")
        for table in _COPY_TABLES:  # stored columns only (table_info leaves generated ones out)
            names = [row[1] for row in db.execute(f"PRAGMA main.table_info({table})")]
            values = ", ".join("NULL" if n == "handler_user_id" else n for n in names)  # the source's users
            db.execute(f"INSERT INTO main.{table} ({', '.join(names)}) SELECT {values} FROM src.{table}")
        db.execute("COMMIT")
        db.execute("DETACH DATABASE src")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    shutil.rmtree(source, ignore_errors=True)


def _revocation(report: Report, tmp: Path) -> None:
    n_debtors = report.size(100_000, 500)
    folder = tmp / "revoke"
    _vault(folder)
    _populate(folder, n_debtors, tmp)
    session = vault.open_vault(folder, "bench", PASSWORD, clock=CLOCK)
    users.add_user(session, "tanto", role="handler", password=HANDLER_PW)
    vault.create_backup(session)  # one backup beside the vault, as a real vault keeps
    size_mb = (folder / "vault.db").stat().st_size / 1e6
    started = time.perf_counter()
    result = users.remove_user(session, "tanto")
    removal = time.perf_counter() - started
    session.close()
    reencrypted_mb = result.bytes_reencrypted / 1e6
    again = vault.open_vault(folder, "bench", PASSWORD, clock=CLOCK)
    key = engine_key(again.engine)
    again.close()
    samples = []
    for _ in range(report.size(3, 1)):
        target = tmp / f"export-{secrets.token_hex(4)}.db"
        begun = time.perf_counter()
        export_copy(folder / "vault.db", key, target, target_key=secrets.token_bytes(32))
        samples.append(time.perf_counter() - begun)
        target.unlink()
    export = sorted(samples)[len(samples) // 2]
    report.ratio(
        f"remove a member, {n_debtors:,} debtors ({size_mb:.0f} MB) vs one sqlcipher_export",
        [removal],
        [export],
        unit="s",
        note=f"{reencrypted_mb:.0f} MB re-encrypted ({result.backups_reencrypted} backups + the vault) at "
        f"{reencrypted_mb / removal:.1f} MB/s; sqlcipher_export alone {size_mb / export:.1f} MB/s",
    )
    report.value("remove a member: re-encryption throughput", reencrypted_mb / removal, "MB/s")


def run(report: Report) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(_MemoryKeyring())  # anchors go to the credential store: never the real one here
    tmp = Path(tempfile.mkdtemp(prefix="saiken-bench-trust-"))
    try:
        _audit(report, tmp)
        _revocation(report, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        keyring.set_keyring(previous)

"""Consultation search and the monthly report at the service level, on a vault of 200,000 consultation
records of 5,000 businesses (issue 10 Must hold: search p95 and the monthly report's time, each against a
plain indexed query in the same run).

The vault is a real SQLCipher file with the project's schema (Alembic), filled with bulk inserts of the
project's fictional data (never one ORM object per row): businesses with their search keys, consultations
over five fiscal years with their folded contents in the trigram index. It is built once and kept under
`bench-results/cache/consultations-v<N>-<count>/` (key beside it: fictional data only).

Baselines on the same file in the same run: for the search, a plain indexed `SELECT … WHERE business_id = ?
ORDER BY at DESC LIMIT 100` (one business's newest records, by the business index); for the report, a plain
indexed `count(*)` of the fiscal year to date by the `(superseded, day)` index.
"""

from __future__ import annotations

import datetime as dt
import secrets
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from benchmarks.harness import DEFAULT_OUT, Report, measure, measure_pair
from saiken.domain.clock import FixedClock
from saiken.domain.fictional_consult import (
    FictionalBusiness,
    generate_businesses,
    generate_consultants,
    generate_consultations,
)
from saiken.domain.roles import Role
from saiken.security.member_keys import MemberKeys
from saiken.services.consultations.common import categories_mask, jst_day
from saiken.services.consultations.reports import consultation_report
from saiken.services.consultations.search import ConsultationFilter, search_consultations
from saiken.services.consultations.search_index import index_consultations, write_business_keys
from saiken.services.context import SignedInUser, Signer, VaultSession
from saiken.store import migrate
from saiken.store.engine import connect_raw, make_engine
from saiken.store.models import Business, Consultant, Consultation

CLOCK = FixedClock(dt.datetime(2025, 10, 15, 1, 0, tzinfo=dt.UTC))
BUILD_VERSION = 3  # bump when the data or schema of the cached vault changes
FIRST_DAY = dt.date(2021, 4, 1)
LAST_DAY = dt.date(2025, 10, 14)
REPORT_MONTH = (2025, 9)


def build_vault(folder: Path, n_businesses: int, n_consultations: int) -> bytes:
    """A keyed vault at folder/vault.db with the businesses and consultations; returns the key."""
    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    engine = make_engine(folder / "vault.db", key)
    migrate.upgrade(engine)
    now = CLOCK.now()
    people = generate_consultants(8)
    businesses = generate_businesses(n_businesses, seed=42)
    with Session(engine) as session, session.begin():
        session.execute(
            insert(Consultant),
            [
                {"id": i + 1, "name": p.name, "name_kana": p.name_kana, "created_at": now}
                for i, p in enumerate(people)
            ],
        )
        rows = [_business_row(index, b, now) for index, b in enumerate(businesses, start=1)]
        session.execute(insert(Business), rows)
        stored = session.query(Business).order_by(Business.id).all()
        for start in range(0, len(stored), 1000):
            write_business_keys(session, stored[start : start + 1000], fresh=True)
    items = generate_consultations(
        n_consultations,
        businesses=n_businesses,
        consultants=len(people),
        start=FIRST_DAY,
        end=LAST_DAY,
        seed=42,
    )
    with Session(engine) as session, session.begin():
        for start in range(0, len(items), 5000):
            batch = []
            for number, item in enumerate(items[start : start + 5000], start=start + 1):
                batch.append(
                    {
                        "id": number,
                        "record_key": uuid.UUID(int=number).hex,
                        "version": 1,
                        "superseded": False,
                        "business_id": item.business + 1,
                        "at": item.at,
                        "day": jst_day(item.at),
                        "consultant_id": item.consultant + 1,
                        "form": item.form,
                        "categories": categories_mask(item.categories),
                        "industry": businesses[item.business].industry,
                        "contents": item.contents,
                        "loan_bank": item.loan_bank,
                        "loan_amount": item.loan_amount,
                        "loan_status": item.loan_status,
                        "follow_up_on": item.follow_up_on,
                        "created_by": "admin",
                        "created_at": now,
                    }
                )
            session.execute(insert(Consultation), batch)
            index_consultations(session, [(row["id"], row["contents"]) for row in batch])
    engine.dispose()
    db = connect_raw(folder / "vault.db", key)
    for table in ("business_fts", "business_grams", "consultation_fts"):
        db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return key


def _business_row(index: int, b: FictionalBusiness, now: dt.datetime) -> dict[str, object]:
    return {
        "id": index,
        "kind": b.kind,
        "name": b.name,
        "name_kana": b.name_kana,
        "industry": b.industry,
        "employees": b.employees,
        "postal_code": b.postal_code,
        "address": b.address,
        "phone": b.phone,
        "email": b.email,
        "representative": b.representative,
        "representative_kana": b.representative_kana,
        "representative_born": b.representative_born,
        "created_by": "admin",
        "created_at": now,
        "updated_at": now,
    }


@contextmanager
def cached_vault(n_businesses: int, n_consultations: int, *, cache: bool) -> Iterator[tuple[Path, bytes]]:
    if not cache:
        folder = Path(tempfile.mkdtemp(prefix="saiken-bench-consult-"))
        try:
            yield folder / "vault.db", build_vault(folder, n_businesses, n_consultations)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    folder = DEFAULT_OUT / "cache" / f"consultations-v{BUILD_VERSION}-{n_businesses}-{n_consultations}"
    key_file = folder / "bench-key.hex"  # fictional data only: the key may sit beside it
    if not key_file.exists():
        shutil.rmtree(folder, ignore_errors=True)
        key = build_vault(folder, n_businesses, n_consultations)
        key_file.write_text(key.hex())
    yield folder / "vault.db", bytes.fromhex(key_file.read_text())


def queries(businesses: list[FictionalBusiness]) -> list[ConsultationFilter]:
    """What a coordinator types: a surname in hiragana, half-width kana or a variant kanji, a phone number
    without hyphens, a business name, words of the contents (short and long), two terms, and filters."""
    sample = businesses[len(businesses) // 3]
    texts = [
        "たかはし",
        "ﾜﾀﾅﾍﾞ",
        "髙橋",
        "齋藤",
        sample.phone.replace("-", ""),
        sample.name,
        "資金繰り表",
        "事業承継",
        "通販",
        "融資",
        "さいとう 補助金",
        "ネット通販 写真",
        "ｲﾝﾎﾞｲｽ",
    ]
    filters = [ConsultationFilter(text=t) for t in texts]
    filters += [
        ConsultationFilter(text="資金", form="窓口", date_from=dt.date(2025, 4, 1)),
        ConsultationFilter(category="事業承継", date_from=dt.date(2025, 4, 1), date_to=dt.date(2025, 9, 30)),
        ConsultationFilter(),
    ]
    return filters


def run(report: Report) -> None:
    n_businesses = report.size(5_000, 200)
    n_consultations = report.size(200_000, 2_000)
    started = time.perf_counter()
    with cached_vault(n_businesses, n_consultations, cache=not report.quick) as (db_path, key):
        build_seconds = time.perf_counter() - started
        vault = VaultSession(
            signer=Signer("u1", MemberKeys.generate()),
            folder=db_path.parent,
            engine=make_engine(db_path, key),
            clock=CLOCK,
            user=SignedInUser(id=1, name="admin", role=Role.HANDLER),
        )
        raw = connect_raw(db_path, key)
        try:
            _measure(report, vault, raw, generate_businesses(n_businesses, seed=42), n_consultations)
        finally:
            raw.close()
            vault.close()
        report.value(
            "consultation vault ready (built or from cache)",
            build_seconds,
            "s",
            note=f"{n_businesses:,} businesses, {n_consultations:,} consultations",
        )


def _measure(report: Report, vault: VaultSession, raw, businesses: list[FictionalBusiness], n: int) -> None:
    size = f"{n:,} consultations / {len(businesses):,} businesses"
    rounds = report.size(5, 1)
    probe = len(businesses) // 3 + 1

    def baseline_page() -> None:
        raw.execute(
            "SELECT id, at, form, categories, contents FROM consultations "
            "WHERE business_id = ? AND superseded = 0 ORDER BY at DESC LIMIT 100",
            (probe,),
        ).fetchall()

    ours: list[float] = []
    base: list[float] = []
    slowest = ("", 0.0)
    for flt in queries(businesses):
        mine, theirs = measure_pair(
            lambda flt=flt: search_consultations(vault, flt, limit=100), baseline_page, repeat=rounds
        )
        ours += mine
        base += theirs
        if max(mine) > slowest[1]:
            slowest = (flt.text or "(filters)", max(mine))
    report.ratio(
        "consultation search, first page (service) vs indexed SELECT of one business's page",
        ours,
        base,
        note=f"{size}; {len(queries(businesses))} queries x {rounds}",
    )
    report.value(
        "consultation search p95 (service level)",
        ours,
        "s",
        goal=0.100,
        goal_on="p95",
        note=f"{size}; slowest query: {len(slowest[0])} characters, {slowest[1] * 1000:.0f} ms",
    )
    year, month = REPORT_MONTH

    def baseline_count() -> None:
        raw.execute(
            "SELECT count(*) FROM consultations WHERE superseded = 0 AND day >= ? AND day < ?",
            ("2025-04-01", "2025-10-01"),
        ).fetchone()

    reports, counts = measure_pair(
        lambda: consultation_report(vault, year, month), baseline_count, repeat=report.size(7, 2)
    )
    report.ratio(
        "monthly report (month + fiscal year to date, every breakdown) vs indexed count(*) of the period",
        reports,
        counts,
        note=size,
    )
    report.value("monthly report (service level)", reports, "s", goal=1.0, note=size)
    first = measure(
        lambda: search_consultations(vault, ConsultationFilter(), limit=100), repeat=report.size(10, 2)
    )
    report.value(
        "newest consultations, first page (no filter)", first, "s", goal=0.100, goal_on="p95", note=size
    )

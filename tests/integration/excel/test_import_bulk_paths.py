"""The import's bulk paths (issue 7: import speed) store what the per-row paths would: every record digest
as `row_digest` defines it, so `audit verify --records` and `vault check` pass; the search index exactly as
rebuilding it debtor by debtor makes it, so searches find the rows; and a row changed by hand afterwards is
still named."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select, text

from saiken.domain.fictional import generate_debtors
from saiken.exchange.excel.ward_writer import write_ward_workbook
from saiken.services import audit, vault
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.services.debtors.search import DebtorFilter, search_debtors
from saiken.services.debtors.search_index import rebuild_search_index
from saiken.services.demo import DEMO_PASSWORD, DEMO_USER, create_demo_vault
from saiken.services.excel_import import import_ward_workbook
from saiken.services.record_digests import raw_connection, row_digest, tracked_tables
from saiken.store.engine import connect_raw, engine_key
from saiken.store.models import Debtor, DebtorSearch, Payment

ROWS = 150


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "ward.xlsx"
    write_ward_workbook(path, generate_debtors(ROWS, seed=21))
    return path


def _stored_digests_match_the_definition(session: VaultSession) -> int:
    """Every tracked row's newest stored digest equals `row_digest` (the per-row definition) of the row
    as it is; returns how many rows were compared."""
    with unit_of_work(session) as work:  # a unit of work without an entry writes nothing
        raw = raw_connection(work.session)
        latest = {
            (str(table), int(row_id)): str(digest)
            for table, row_id, digest in raw.execute(
                "SELECT tbl, row_id, digest FROM record_digests ORDER BY seq"
            )
        }
        compared = 0
        for table in tracked_tables(raw):
            cursor = raw.execute(f'SELECT rowid, * FROM main."{table}" ORDER BY rowid')
            columns = [d[0] for d in cursor.description][1:]
            for row in cursor.fetchall():
                if table == "settings" and row[1] == "audit_head":
                    continue
                assert latest[(table, int(row[0]))] == row_digest(columns, row[1:]), (table, row[0])
                compared += 1
    return compared


def _index(session: VaultSession) -> list[tuple]:
    with read_session(session) as s:
        columns = [column for column in DebtorSearch.__table__.columns]
        return [tuple(row) for row in s.execute(select(*columns).order_by(DebtorSearch.debtor_id)).all()]


def _hits(session: VaultSession, query: str) -> set[str]:
    rows = search_debtors(session, DebtorFilter(text=query), limit=ROWS + 10).rows
    return {row.management_no for row in rows}


def test_a_bulk_import_stores_every_digest_as_the_definition_makes_it(vault_session, workbook):
    report = import_ward_workbook(vault_session, workbook).value
    assert report.imported == ROWS and not report.errors
    compared = _stored_digests_match_the_definition(vault_session)
    assert compared > 3 * ROWS  # debtors, claims, tranches (and the payments of those who paid)
    verified = audit.verify(vault_session, records=True)
    assert verified.ok and verified.problems == []


def test_the_bulk_index_equals_the_index_rebuilt_debtor_by_debtor(vault_session, workbook):
    import_ward_workbook(vault_session, workbook)
    with read_session(vault_session) as s:
        debtors = s.execute(
            select(Debtor.name, Debtor.name_kana, Debtor.management_no, Debtor.phone).order_by(Debtor.id)
        ).all()
    first, last = debtors[0], debtors[-1]
    queries = [
        first.name[:3],  # trigram table
        first.name[:2],  # gram table
        last.name[-1],  # a one-character prefix
        first.name_kana[:4].translate({code: code - 0x60 for code in range(0x30A1, 0x30F7)}),  # in hiragana
        first.management_no,
        last.phone.replace("-", ""),
    ]
    bulk_index = _index(vault_session)
    bulk_hits = {query: _hits(vault_session, query) for query in queries}
    assert first.management_no in bulk_hits[first.management_no]
    assert all(bulk_hits.values()), bulk_hits
    with unit_of_work(vault_session) as work:
        rebuilt = rebuild_search_index(work.session)  # the per-row path: keys_of(debtor) for each debtor
    assert rebuilt == ROWS
    assert _index(vault_session) == bulk_index
    assert {query: _hits(vault_session, query) for query in queries} == bulk_hits


def test_a_row_changed_by_hand_after_a_bulk_import_is_named_and_still_found(vault_session, workbook):
    import_ward_workbook(vault_session, workbook)
    with read_session(vault_session) as s:
        debtor = s.execute(
            select(Debtor.id, Debtor.name, Debtor.management_no).order_by(Debtor.id.desc()).limit(1)
        ).one()
        payment_id, payer = s.execute(
            select(Payment.id, Debtor.management_no).join(Debtor, Debtor.id == Payment.debtor_id).limit(1)
        ).one()
    connection = connect_raw(vault_session.folder / "vault.db", engine_key(vault_session.engine))
    try:  # a connection of its own, as a script would use: none of our triggers
        connection.execute("UPDATE debtors SET phone = '0000000000' WHERE id = ?", (debtor.id,))
        connection.execute("UPDATE payments SET amount = amount + 1 WHERE id = ?", (payment_id,))
    finally:
        connection.close()
    report = audit.verify(vault_session, records=True)
    assert not report.ok
    assert f"債務者 {debtor.management_no}: アプリの外で変更されています。" in report.problems
    assert f"入金（債務者 {payer}、記録番号 {payment_id}）: アプリの外で変更されています。" in report.problems
    assert debtor.management_no in _hits(vault_session, debtor.name)


def test_a_re_import_with_corrections_after_a_bulk_import_verifies(vault_session, workbook, tmp_path):
    import_ward_workbook(vault_session, workbook)
    changed = generate_debtors(ROWS, seed=21)
    changed[0] = replace(changed[0], paid=changed[0].paid + 1_000)  # 既納付額 up: a correction entry
    changed[1] = replace(changed[1], address="東京都架空区架空町1丁目2番3号")
    later = tmp_path / "ward-later.xlsx"
    write_ward_workbook(later, changed)
    report = import_ward_workbook(vault_session, later).value
    assert report.updated == 2 and report.imported == 0
    assert changed[1].management_no in _hits(vault_session, "架空町")
    verified = audit.verify(vault_session, records=True)
    assert verified.ok and verified.problems == []
    _stored_digests_match_the_definition(vault_session)


def test_vault_check_passes_after_a_bulk_import(tmp_path, fixed_clock, workbook):
    folder = tmp_path / "demo"
    create_demo_vault(folder, clock=fixed_clock)
    session = vault.open_vault(folder, DEMO_USER, DEMO_PASSWORD, clock=fixed_clock)
    try:
        fresh = tmp_path / "other-ward.xlsx"
        write_ward_workbook(fresh, generate_debtors(60, seed=5, prefix="T9"))
        fixed_clock.advance(dt.timedelta(minutes=1))
        assert import_ward_workbook(session, fresh).value.imported == 60
        with read_session(session) as s:
            assert s.scalar(text("SELECT count(*) FROM debtors WHERE management_no LIKE 'T9-%'")) == 60
    finally:
        session.close()
    report = vault.check_vault(folder, user=DEMO_USER, password=DEMO_PASSWORD, clock=fixed_clock)
    assert report.ok and not report.damaged, report.problems

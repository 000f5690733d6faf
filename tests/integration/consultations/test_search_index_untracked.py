"""The consultations' search index is derived data, like the debtor index: record digests track the
businesses themselves, not their `business_search` rows, so an index rebuilt or changed outside the
application is not a tampered record, while a business changed outside it is named."""

from __future__ import annotations

from sqlalchemy import text

from saiken.services import audit
from saiken.services import consultations as cs
from saiken.store.engine import connect_raw, engine_key


def _script(session, statement, params=()):
    connection = connect_raw(session.folder / "vault.db", engine_key(session.engine))  # none of our triggers
    try:
        connection.execute(statement, params)
    finally:
        connection.close()


def test_business_search_rows_get_no_digests_and_a_hand_change_to_them_is_not_a_finding(vault_session):
    business = cs.add_business(vault_session, name="架空商店").row
    with vault_session.require_open().connect() as c:
        tables = {row[0] for row in c.execute(text("SELECT DISTINCT tbl FROM record_digests"))}
    assert "businesses" in tables and "business_search" not in tables
    assert audit.verify(vault_session, records=True).ok
    _script(vault_session, "UPDATE business_search SET reading = 'ｶｸｳ' WHERE business_id = ?", (business.id,))
    assert audit.verify(vault_session, records=True).ok  # derived data: rebuilt, not evidence
    _script(vault_session, "UPDATE businesses SET name = '別の商店' WHERE id = ?", (business.id,))
    report = audit.verify(vault_session, records=True)
    assert f"事業者（記録番号 {business.id}）: アプリの外で変更されています。" in report.problems

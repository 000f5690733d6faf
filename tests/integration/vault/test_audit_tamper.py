"""Audit verification catches every kind of tampering done through a real keyed connection."""

from __future__ import annotations

import json

import pytest

from saiken.security.audit_chain import canonical_json, entry_hash
from saiken.services import audit
from saiken.services.context import unit_of_work
from saiken.store.engine import connect_raw, engine_key


def _fill(session, n=6):
    for i in range(n):
        with unit_of_work(session) as work:
            work.audit("debtor.view", target_type="debtor", target_id=i + 1)
    report = audit.verify(session)
    assert report.ok and report.count == n + 1  # + vault.create
    return report


def _raw(session):
    return connect_raw(session.folder / "vault.db", engine_key(session.engine))


def _row(connection, seq):
    return connection.execute(
        "SELECT seq, at, actor, action, target_type, target_id, details, prev_hash, hash "
        "FROM audit_log WHERE seq = ?",
        (seq,),
    ).fetchone()


def _forged(connection, seq, prev_hash, action="debtor.view"):
    """A well-formed entry an intruder with the key could write."""
    at = _row(connection, 2)[1]
    import datetime as dt

    fields = dict(
        seq=seq,
        at=dt.datetime.fromisoformat(at),
        actor="admin",
        action=action,
        target_type="debtor",
        target_id="999",
        details=canonical_json({}),
        prev_hash=prev_hash,
    )
    digest = entry_hash(**fields)
    connection.execute(
        "INSERT INTO audit_log(seq, at, actor, action, target_type, target_id, details, prev_hash, "
        "hash) VALUES (?,?,?,?,?,?,?,?,?)",
        (seq, at, "admin", action, "debtor", "999", fields["details"], prev_hash, digest),
    )
    return digest


def _edit(connection):
    connection.execute("UPDATE audit_log SET target_id = '42' WHERE seq = 3")


def _insert_middle(connection):
    last = connection.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    for seq in range(last, 3, -1):
        connection.execute("UPDATE audit_log SET seq = seq + 1 WHERE seq = ?", (seq,))
    _forged(connection, 4, _row(connection, 3)[8])


def _delete_middle(connection):
    connection.execute("DELETE FROM audit_log WHERE seq = 4")


def _delete_tail(connection):
    connection.execute("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")


def _reorder(connection):
    connection.execute("UPDATE audit_log SET seq = -1 WHERE seq = 3")
    connection.execute("UPDATE audit_log SET seq = 3 WHERE seq = 4")
    connection.execute("UPDATE audit_log SET seq = 4 WHERE seq = -1")


def _append_tail(connection):
    last = connection.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    _forged(connection, last + 1, _row(connection, last)[8])


@pytest.mark.parametrize(
    "tamper, expected",
    [
        (_edit, "通番 3: 内容が書き換えられています"),
        (_insert_middle, "つながりが切れています"),
        (_delete_middle, "通番 4 の後が 5"),
        (_delete_tail, "1 件足りません"),
        (_reorder, "つながりが切れています"),
        (_append_tail, "1 件多く"),
    ],
)
def test_each_kind_of_tampering_is_reported(vault_session, tamper, expected):
    _fill(vault_session)
    connection = _raw(vault_session)
    try:
        tamper(connection)
    finally:
        connection.close()
    report = audit.verify(vault_session)
    assert not report.ok
    assert any(expected in problem for problem in report.problems), report.problems


def test_a_consistent_forgery_of_the_head_too_is_caught_by_an_earlier_checkpoint(vault_session):
    """An intruder who deletes the tail AND rewrites audit_head passes the chain walk, but the checkpoint
    printed earlier (in a backup manifest, a package, a certificate) no longer matches."""
    checkpoint = _fill(vault_session).checkpoint
    connection = _raw(vault_session)
    try:
        _delete_tail(connection)
        count, head = connection.execute(
            "SELECT count(*), (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) FROM audit_log"
        ).fetchone()
        connection.execute(
            "UPDATE settings SET value = ? WHERE key = 'audit_head'",
            (json.dumps({"count": count, "hash": head}),),
        )
    finally:
        connection.close()
    report = audit.verify(vault_session)
    assert report.ok and report.checkpoint != checkpoint


def test_list_filters_by_actor_action_and_day(vault_session, fixed_clock):
    import datetime as dt

    _fill(vault_session, 3)
    fixed_clock.advance(dt.timedelta(days=2))
    with unit_of_work(vault_session) as work:
        work.audit("debtor.edit", target_type="debtor", target_id=1, actor="tanto")
    assert [r.action for r in audit.list_entries(vault_session, actor="tanto")] == ["debtor.edit"]
    assert len(audit.list_entries(vault_session, action="debtor.view")) == 3
    today = fixed_clock.today()
    assert [r.seq for r in audit.list_entries(vault_session, since=today)] == [5]
    assert len(audit.list_entries(vault_session, until=today - dt.timedelta(days=1))) == 4
    assert len(audit.list_entries(vault_session, limit=2, offset=1)) == 2
    assert audit.actions(vault_session) == ["debtor.edit", "debtor.view", "vault.create"]

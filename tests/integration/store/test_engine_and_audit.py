"""The SQLCipher engine, the schema and the audit chain written in the same transaction as the action."""

from __future__ import annotations

import datetime as dt
import secrets
import sqlite3

import pytest
from sqlalchemy import select, text

from saiken.domain.errors import WrongPasswordError
from saiken.security.audit_chain import ChainEntry
from saiken.security.audit_verify import verify_audit
from saiken.services.context import read_session, unit_of_work
from saiken.services.vault.roster import read_statements
from saiken.store import migrate
from saiken.store.engine import make_engine
from saiken.store.models import AuditEntry, Setting


def _chain(session) -> list[ChainEntry]:
    with session.engine.connect() as connection:
        rows = connection.execute(select(AuditEntry).order_by(AuditEntry.seq)).all()
    return [
        ChainEntry(
            r.seq,
            dt.datetime.fromisoformat(r.at) if isinstance(r.at, str) else r.at,
            r.actor,
            r.action,
            r.target_type,
            r.target_id,
            r.details,
            r.prev_hash,
            r.hash,
            signer=r.signer,
            signature=None if r.signature is None else __import__("base64").b64decode(r.signature),
            records=r.records,
        )
        for r in rows
    ]


def verify_chain(entries, *, session=None, expected_count=None):
    """The real verification (chain, signatures, signers' rights) over `entries` of `session`'s vault."""
    with read_session(session) as db:
        statements = read_statements(db)
    report, _ = verify_audit(entries, statements, vault_id=session.vault_id, expected_count=expected_count)
    return report


def test_file_is_encrypted_and_unreadable_without_key(tmp_path):
    key = secrets.token_bytes(32)
    engine = make_engine(tmp_path / "vault.db", key)
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO settings(key, value) VALUES ('probe', '架空太郎の秘密')"))
    engine.dispose()
    raw = (tmp_path / "vault.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "架空太郎の秘密".encode() not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "vault.db").execute("SELECT * FROM sqlite_master").fetchall()
    with pytest.raises(WrongPasswordError):
        make_engine(tmp_path / "vault.db", secrets.token_bytes(32)).connect()
    reopened = make_engine(tmp_path / "vault.db", key)
    with reopened.connect() as connection:
        assert (
            connection.execute(text("SELECT value FROM settings WHERE key='probe'")).scalar()
            == "架空太郎の秘密"
        )
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    reopened.dispose()
    assert not migrate.needs_upgrade(make_engine(tmp_path / "vault.db", key))


def test_audit_entry_rolls_back_with_its_action(vault_session):
    before = len(_chain(vault_session))
    with pytest.raises(RuntimeError), unit_of_work(vault_session) as work:
        work.session.add(Setting(key="x", value="1"))
        work.audit("settings.change", target_type="setting", target_id="x")
        raise RuntimeError("the action failed")
    assert len(_chain(vault_session)) == before
    with unit_of_work(vault_session) as work:
        work.audit("settings.change", target_type="setting", target_id="x")
    report = verify_chain(_chain(vault_session), session=vault_session)
    assert report.ok and report.count == before + 1


def test_chain_detects_an_edited_entry(vault_session):
    for i in range(3):
        with unit_of_work(vault_session) as work:
            work.audit("debtor.view", target_type="debtor", target_id=i)
    entries = _chain(vault_session)
    check = lambda chosen, **kw: verify_chain(chosen, session=vault_session, **kw)  # noqa: E731
    assert check(entries).ok
    import dataclasses

    edited = entries[:]
    edited[1] = dataclasses.replace(entries[1], action="debtor.edit")
    assert not check(edited).ok
    assert not check([entries[0], entries[2], entries[3]]).ok  # deletion
    assert not check([entries[0], entries[2], entries[1], entries[3]]).ok  # reordering
    report = check(entries[:-1], expected_count=len(entries))
    assert not report.ok  # tail deleted


def test_a_read_session_does_not_wait_behind_a_writer(vault_session):
    """A list or search in the GUI must not block while an import holds the write lock."""
    from saiken.services.context import read_session

    writer = vault_session.engine.connect()
    transaction = writer.begin()  # BEGIN IMMEDIATE: holds the write lock
    writer.execute(text("INSERT INTO settings(key, value) VALUES ('pending', '1')"))
    try:
        with read_session(vault_session) as session:
            assert session.execute(text("SELECT count(*) FROM settings WHERE key='pending'")).scalar() == 0
    finally:
        transaction.rollback()
        writer.close()


def test_connections_leave_cipher_memory_security_off_and_keep_the_other_settings(vault_session):
    # DESIGN §5: OFF (SQLCipher's default) — decrypted values live in Python and Qt memory anyway; the
    # deployment guide asks for full-disk encryption and hibernation off instead.
    with vault_session.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA cipher_memory_security").scalar() in (0, "0")
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1

"""Backups: consistent encrypted copies, generations, verification, restore, backup before migration."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from vault_people import ADMIN, ADMIN_PW, HANDLER, HANDLER_PW

from saiken.domain.errors import CorruptFileError, WrongPasswordError
from saiken.services import audit, backup, settings, users, vault
from saiken.store import migrate
from saiken.store.engine import make_engine


def test_backup_is_an_encrypted_verified_copy_with_the_key_file(admin, made_vault):
    info = backup.create_backup(admin)
    assert sorted(p.name for p in info.path.iterdir()) == ["keys.json", "manifest.json", "vault.db"]
    assert not (info.path / "vault.db").read_bytes().startswith(b"SQLite format 3")
    assert (info.path / "keys.json").read_bytes() == (made_vault.folder / "keys.json").read_bytes()
    manifest = json.loads((info.path / "manifest.json").read_text())
    assert manifest["vault_id"] == made_vault.vault_id and manifest["checkpoint"] == info.checkpoint
    report = backup.verify_backup(info.path, session=admin)
    assert report.ok and report.checkpoint == info.checkpoint and report.audit_count == info.audit_count
    assert [e.action for e in audit.list_entries(admin, limit=2)] == ["backup.verify", "backup.create"]
    # the copy opens on its own with the recovery key, as after a lost PC
    assert backup.verify_backup(info.path, recovery_key=made_vault.recovery_key).ok


def test_generations_are_kept_as_configured(admin, fixed_clock):
    settings.update_settings(admin, backup_generations=2)
    made = []
    for _ in range(3):
        made.append(backup.create_backup(admin).name)
        fixed_clock.advance(dt.timedelta(minutes=1))
    assert [b.name for b in backup.list_backups(admin.folder)] == made[:0:-1]


def test_damage_in_a_backup_is_reported(admin, made_vault):
    info = backup.create_backup(admin)
    db = info.path / "vault.db"
    data = bytearray(db.read_bytes())
    data[4096 + 200] ^= 0xFF  # one byte of the second page
    db.write_bytes(bytes(data))
    report = backup.verify_backup(info.path, session=admin)
    assert not report.ok and any("cipher_integrity_check" in p or "検査" in p for p in report.problems)
    db.write_bytes(b"\x00" * 100)  # not a database at all
    with pytest.raises(CorruptFileError, match="壊れています"):
        backup.verify_backup(info.path, session=admin)


def test_restore_replaces_the_vault_and_keeps_the_replaced_copy(admin, made_vault, fixed_clock):
    info = backup.create_backup(admin)
    users.add_user(admin, HANDLER, role="handler", password=HANDLER_PW)
    admin.close()
    with pytest.raises(WrongPasswordError):
        backup.restore_backup(
            made_vault.folder, info.path, user=ADMIN, password="ちがう長い合言葉です", clock=fixed_clock
        )
    restored = backup.restore_backup(
        made_vault.folder, info.path, user=ADMIN, password=ADMIN_PW, clock=fixed_clock
    )
    assert (restored.replaced_copy / "vault.db").is_file() and (
        restored.replaced_copy / "keys.json"
    ).is_file()
    assert HANDLER not in vault.read_vault_info(made_vault.folder).user_names
    session = vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    assert [u.name for u in users.list_users(session)] == [ADMIN]
    assert audit.list_entries(session, action="backup.restore")[0].target_id == info.path.name
    assert audit.verify(session).ok
    assert info.path.name in [b.name for b in backup.list_backups(made_vault.folder)]
    session.close()
    # the replaced vault is intact and still opens (its own keys.json came along); it is not the history
    # this OS account last saw (the restored one is), so only an admin who accepts it opens it
    assert HANDLER in vault.read_vault_info(restored.replaced_copy).user_names
    with pytest.raises(vault.OlderThanAnchorError):
        vault.open_vault(restored.replaced_copy, HANDLER, HANDLER_PW, clock=fixed_clock)
    vault.open_vault(
        restored.replaced_copy, ADMIN, ADMIN_PW, clock=fixed_clock, accept_older_state=True
    ).close()


def test_a_damaged_backup_is_not_restored(admin, made_vault, fixed_clock):
    info = backup.create_backup(admin)
    manifest = json.loads((info.path / "manifest.json").read_text())
    manifest["checkpoint"] = "1:" + "0" * 64
    (info.path / "manifest.json").write_text(json.dumps(manifest))
    admin.close()
    before = (made_vault.folder / "keys.json").read_bytes()
    with pytest.raises(CorruptFileError, match="戻しませんでした"):
        backup.restore_backup(made_vault.folder, info.path, user=ADMIN, password=ADMIN_PW, clock=fixed_clock)
    assert (made_vault.folder / "keys.json").read_bytes() == before


def test_opening_a_vault_with_a_pending_migration_makes_a_backup_first(made_vault, fixed_clock):
    session = vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    from saiken.store.engine import engine_key

    key = engine_key(session.engine)
    session.close()
    # Downgrading below 0004_trust would drop the membership log and the signatures (a vault without them
    # does not open); a vault of format 2 meets later revisions only. The upgrade from format 1 (revision
    # 0003) makes its backup first too: test_legacy_upgrade.py.
    from alembic import command

    engine = make_engine(made_vault.folder / "vault.db", key)
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004_trust")
    assert migrate.needs_upgrade(engine)
    engine.dispose()
    assert backup.list_backups(made_vault.folder) == []
    session = vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    assert not migrate.needs_upgrade(session.engine)
    made = backup.list_backups(made_vault.folder)
    assert [b.reason for b in made] == ["migration"]
    assert backup.verify_backup(made[0].path, session=session).ok
    migrated = audit.list_entries(session, action="vault.migrate")
    assert [e.details["from_revision"] for e in migrated] == ["0004_trust"]
    session.close()


def test_backup_of_a_vault_session_without_key_slots(vault_session):
    """Test vaults made by make_raw_vault have no keys.json; backups still work on them via the session."""
    info = backup.create_backup(vault_session)
    assert not (info.path / "keys.json").exists()
    assert backup.verify_backup(info.path, session=vault_session).ok

"""Restoring a backup: verify it, keep the replaced files, put the copy in place, and audit the restore by
signing in to the restored vault with the same credentials (its keys.json came with it)."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import CorruptFileError, PermissionDeniedError, VaultError
from saiken.fsutil import atomic_write_bytes, create_private_file
from saiken.security.membership import parse_statement, replay
from saiken.services.context import unit_of_work
from saiken.services.vault import hold
from saiken.services.vault import slots as ks
from saiken.services.vault.backup import REPLACED_PREFIX, backup_key, new_backup_dir, verify_backup
from saiken.services.vault.signin import open_vault, open_with_recovery_key
from saiken.store.copies import open_read_only


@dataclass(frozen=True)
class RestoreInfo:
    restored_from: Path
    replaced_copy: Path


def restore_backup(
    folder: Path,
    backup: Path,
    *,
    user: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
    clock: Clock = system_clock,
) -> RestoreInfo:
    """Replace the (closed) vault with `backup` after verifying it. The replaced files are kept. The vault's
    lock is held throughout (VaultInUseError while another process has it open)."""
    folder, backup = Path(folder), Path(backup)
    with hold.held(folder, clock):
        return _restore(folder, backup, user=user, password=password, recovery_key=recovery_key, clock=clock)


def _restore(
    folder: Path,
    backup: Path,
    *,
    user: str | None,
    password: str | None,
    recovery_key: str | None,
    clock: Clock,
) -> RestoreInfo:
    if not (backup / ks.KEYS_NAME).is_file():
        raise CorruptFileError(f"バックアップ {backup.name} に keys.json がないため、戻せません。")
    report = verify_backup(backup, user=user, password=password, recovery_key=recovery_key, clock=clock)
    if report.ok and not recovery_key:
        key = backup_key(backup, session=None, user=user, password=password, recovery_key=None, clock=clock)
        _require_admin(backup, key, user or "")
    if not report.ok:
        raise CorruptFileError(
            "バックアップの検査で問題が見つかったため、戻しませんでした: " + " ".join(report.problems)
        )
    replaced = new_backup_dir(folder, clock, prefix=REPLACED_PREFIX)
    for name in (ks.DB_NAME, f"{ks.DB_NAME}-wal", f"{ks.DB_NAME}-shm", ks.KEYS_NAME):
        if (folder / name).exists():
            os.replace(folder / name, replaced / name)
    try:
        tmp = create_private_file(folder / f".{ks.DB_NAME}.restore.tmp")  # 0600 before any byte is copied
        shutil.copyfile(backup / ks.DB_NAME, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, folder / ks.DB_NAME)
        atomic_write_bytes(folder / ks.KEYS_NAME, (backup / ks.KEYS_NAME).read_bytes())
    except OSError as error:
        raise VaultError(f"戻す途中で失敗しました。元のファイルは {replaced} にあります。") from error
    _audit_restore(
        folder, backup, replaced, user=user, password=password, recovery_key=recovery_key, clock=clock
    )
    return RestoreInfo(restored_from=backup, replaced_copy=replaced)


def _require_admin(backup: Path, key: bytes, user: str) -> None:
    """Only an admin (of the backup's time) restores: restoring rolls the audit log back too."""
    name = ks.normalise_user_name(user)
    connection = open_read_only(backup / ks.DB_NAME, key)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        rows = (
            connection.execute("SELECT seq, statement, signature FROM membership_log ORDER BY seq").fetchall()
            if "membership_log" in tables
            else []
        )
        if rows:
            vault_id = connection.execute("SELECT value FROM settings WHERE key = 'vault_id'").fetchone()[0]
            state = replay([parse_statement(text, sig) for _, text, sig in rows], vault_id=str(vault_id))
            member = state.by_name(name)
            admin = member is not None and member.is_admin
        else:
            row = connection.execute("SELECT role, active FROM users WHERE name = ?", (name,)).fetchone()
            admin = row is not None and row[0] == "admin" and bool(row[1])
    finally:
        connection.close()
    if not admin:
        raise PermissionDeniedError(
            "バックアップから戻せるのは管理者だけです（戻すと監査ログも当時の状態に戻るため）。管理者に依頼してください。"
        )


def _audit_restore(
    folder: Path,
    backup: Path,
    replaced: Path,
    *,
    user: str | None,
    password: str | None,
    recovery_key: str | None,
    clock: Clock,
) -> None:
    """Sign in to the restored vault (same credentials: its keys.json came with it) and record the restore."""
    # Restoring is the admin's explicit acceptance of the older state: the anchor is replaced (audited).
    if recovery_key:
        session = open_with_recovery_key(folder, recovery_key, clock=clock, accept_older_state=True)
    else:
        session = open_vault(folder, user or "", password or "", clock=clock, accept_older_state=True)
    try:
        with unit_of_work(session) as work:
            work.audit("backup.restore", target_type="backup", target_id=backup.name, replaced=replaced.name)
    finally:
        session.close()

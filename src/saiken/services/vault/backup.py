"""Backups: consistent encrypted copies of vault.db (sqlcipher_export) with a copy of keys.json.

    <vault>/backups/<YYYYmmdd-HHMMSS>/vault.db, keys.json, manifest.json

The copy is keyed with the same master key, so the same passwords (as of the backup) and the recovery key
open it. `manifest.json` holds no personal data: vault id, time, reason, the audit checkpoint. The newest
`backup_generations` backups are kept (default 3). `restore_backup` first verifies the backup, then moves
the current files to `backups/replaced-<time>/` (never deleted) and puts the backup in place.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import CorruptFileError, ValidationError, VaultError
from saiken.domain.roles import Capability
from saiken.fsutil import atomic_write_bytes, atomic_write_text
from saiken.security.keyfile import load_keyfile
from saiken.services.audit import verify_rows
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.vault import slots as ks
from saiken.store.copies import DatabaseError, check_database, export_copy, open_read_only
from saiken.store.engine import engine_key

BACKUPS_DIR = "backups"
MANIFEST = "manifest.json"
REPLACED_PREFIX = "replaced-"
DEFAULT_GENERATIONS = 3


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    name: str
    created_at: str
    reason: str
    audit_count: int
    checkpoint: str
    size_bytes: int


@dataclass
class BackupReport:
    path: Path
    ok: bool
    audit_count: int = 0
    checkpoint: str = ""
    problems: list[str] = field(default_factory=list)


def backups_dir(folder: Path) -> Path:
    return Path(folder) / BACKUPS_DIR


def new_backup_dir(folder: Path, clock: Clock, prefix: str = "") -> Path:
    root = backups_dir(folder)
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = clock.now().astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        candidate = root / f"{prefix}{stamp}{'' if n == 0 else f'-{n}'}"
        try:
            candidate.mkdir(mode=0o700)
            return candidate
        except FileExistsError:
            continue
    raise VaultError("バックアップ用のフォルダを作れません。backups フォルダを整理してください。")


def _check_copy(db_path: Path, key: bytes) -> BackupReport:
    connection = open_read_only(db_path, key)
    try:
        check = check_database(connection)
        report = BackupReport(path=db_path.parent, ok=check.ok, problems=list(check.problems))
        try:
            chain = verify_rows(lambda sql: connection.execute(sql))
        except DatabaseError:
            report.problems.append("監査ログを読めません（ファイルの破損）。")
        else:
            report.audit_count, report.checkpoint = chain.count, chain.checkpoint
            report.problems += chain.problems
        report.ok = not report.problems
        return report
    finally:
        connection.close()


def write_backup(folder: Path, key: bytes, *, clock: Clock, reason: str, generations: int) -> BackupInfo:
    """Copy the vault (no session needed: also used before migrations and rekeys) and prune old ones."""
    folder = Path(folder)
    target = new_backup_dir(folder, clock)
    try:
        export_copy(folder / ks.DB_NAME, key, target / ks.DB_NAME)
        vault_id = ""
        if (folder / ks.KEYS_NAME).is_file():  # always, except for test vaults made without key slots
            atomic_write_bytes(target / ks.KEYS_NAME, (folder / ks.KEYS_NAME).read_bytes())
            vault_id = load_keyfile(folder).vault_id
        report = _check_copy(target / ks.DB_NAME, key)
        if not report.ok:
            raise VaultError("作成したバックアップの検査に失敗しました: " + " ".join(report.problems))
        manifest = {
            "format": 1,
            "vault_id": vault_id,
            "created_at": ks.iso(clock.now()),
            "reason": reason,
            "audit_count": report.audit_count,
            "checkpoint": report.checkpoint,
        }
        atomic_write_text(target / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    prune_backups(folder, generations)
    return _info(target)


def _info(path: Path) -> BackupInfo:
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        size = sum(p.stat().st_size for p in path.iterdir() if p.is_file())
        return BackupInfo(
            path=path,
            name=path.name,
            created_at=str(manifest["created_at"]),
            reason=str(manifest["reason"]),
            audit_count=int(manifest["audit_count"]),
            checkpoint=str(manifest["checkpoint"]),
            size_bytes=size,
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise CorruptFileError(
            f"バックアップ {path.name} の説明ファイル（manifest.json）が読めません。"
        ) from error


def list_backups(folder: Path) -> list[BackupInfo]:
    """Regular backups, newest first (folders whose manifest cannot be read are left out)."""
    root = backups_dir(folder)
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.iterdir(), reverse=True):
        if path.is_dir() and not path.name.startswith(REPLACED_PREFIX):
            try:
                found.append(_info(path))
            except CorruptFileError:
                continue
    return found


def prune_backups(folder: Path, generations: int) -> None:
    for old in list_backups(folder)[max(1, generations) :]:
        shutil.rmtree(old.path, ignore_errors=True)


def _generations(s: VaultSession) -> int:
    from saiken.services.settings import get_settings

    return get_settings(s).backup_generations


def create_backup(s: VaultSession, *, reason: str = "manual") -> BackupInfo:
    s.require(Capability.BACKUP)
    info = write_backup(
        s.folder, engine_key(s.require_open()), clock=s.clock, reason=reason, generations=_generations(s)
    )
    with unit_of_work(s) as work:
        work.audit(
            "backup.create",
            target_type="backup",
            target_id=info.name,
            reason=reason,
            audit_count=info.audit_count,
        )
    return info


def _backup_key(
    path: Path,
    *,
    session: VaultSession | None,
    user: str | None,
    password: str | None,
    recovery_key: str | None,
    clock: Clock,
) -> bytes:
    if session is not None and not session.closed:
        key = engine_key(session.require_open())
        try:
            open_read_only(path / ks.DB_NAME, key).close()
            return key
        except CorruptFileError:
            if not (password or recovery_key):
                raise CorruptFileError(
                    "このバックアップは今の鍵では開けません（鍵の更新より前のものか、壊れています）。",
                    hint="当時のパスワードか当時の復旧キーで検査してください。",
                ) from None
    keyfile = load_keyfile(path)
    vault_folder = path.parent.parent  # failures are counted in the vault folder
    if recovery_key:
        return ks.unlock_recovery(keyfile, vault_folder, recovery_key, clock).master_key
    if user and password:
        return ks.unlock_user(keyfile, vault_folder, user, password, clock).master_key
    raise ValidationError("バックアップを開くには、パスワードか復旧キーが必要です。")


def verify_backup(
    path: Path,
    *,
    session: VaultSession | None = None,
    user: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
    clock: Clock = system_clock,
) -> BackupReport:
    """Open the copy read-only: integrity_check, cipher_integrity_check, the audit chain and the manifest."""
    path = Path(path)
    if not (path / ks.DB_NAME).is_file() or not (path / MANIFEST).is_file():
        raise CorruptFileError(
            f"{path.name} はバックアップのフォルダではありません（vault.db と manifest.json が要ります）。"
        )
    key = _backup_key(
        path, session=session, user=user, password=password, recovery_key=recovery_key, clock=clock
    )
    report = _check_copy(path / ks.DB_NAME, key)
    try:
        info = _info(path)
        if info.checkpoint != report.checkpoint:
            report.problems.append("監査ログの最新記録が、バックアップ作成時の控えと一致しません。")
    except CorruptFileError as error:
        report.problems.append(str(error))
    report.ok = not report.problems
    if session is not None and not session.closed:
        with unit_of_work(session) as work:
            work.audit("backup.verify", target_type="backup", target_id=path.name, ok=report.ok)
    return report

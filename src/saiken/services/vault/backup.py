"""Backups: consistent encrypted copies of vault.db (sqlcipher_export) with a copy of keys.json.

    <vault>/backups/<YYYYmmdd-HHMMSS>/vault.db, keys.json, manifest.json

The copy is keyed with the master key, so the members of the time (their keys.json came with it) and the
recovery key open it; a rotation re-encrypts every backup under the new key and gives it the new keys.json
(saiken.services.vault.rotation). `manifest.json` (format 2) holds no personal data: vault id, time,
reason, the audit checkpoint, the key epoch and a checkpoint signed by the member who made the backup
(saiken.security.anchor). The newest `backup_generations` backups are kept (default 3).
Restoring: saiken.services.vault.restore.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import CorruptFileError, ValidationError, VaultError
from saiken.domain.roles import Capability
from saiken.fsutil import atomic_write_text
from saiken.security.anchor import Anchor
from saiken.security.keyfile_document import load_document
from saiken.security.membership import MembershipError, parse_statement, replay
from saiken.services.audit import verify_raw
from saiken.services.context import Signer, VaultSession, unit_of_work
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
    key_epoch: int = 0
    signed_checkpoint: dict[str, Any] | None = None  # saiken.security.anchor.Anchor.to_json()


@dataclass
class BackupReport:
    path: Path
    ok: bool
    audit_count: int = 0
    checkpoint: str = ""
    problems: list[str] = field(default_factory=list)


def backups_dir(folder: Path) -> Path:
    return Path(folder) / BACKUPS_DIR


def unused_backup_name(folder: Path, clock: Clock, prefix: str = "") -> str:
    root = backups_dir(folder)
    stamp = clock.now().astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        name = f"{prefix}{stamp}{'' if n == 0 else f'-{n}'}"
        if not (root / name).exists():
            return name
    raise VaultError("バックアップ用のフォルダを作れません。backups フォルダを整理してください。")


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


def _check_copy(db_path: Path, key: bytes) -> tuple[BackupReport, Anchor | None]:
    """Check the copy and read its checkpoint (unsigned: `signer` is left empty)."""
    connection = open_read_only(db_path, key)
    try:
        check = check_database(connection)
        report = BackupReport(path=db_path.parent, ok=check.ok, problems=list(check.problems))
        try:
            chain = verify_raw(connection)
            membership = (
                connection.execute(
                    "SELECT seq, hash FROM membership_log ORDER BY seq DESC LIMIT 1"
                ).fetchone()
                if _has_table(connection, "membership_log")
                else None
            )
            genesis = (
                connection.execute("SELECT hash FROM membership_log WHERE seq = 1").fetchone()
                if membership
                else None
            )
            vault_row = connection.execute("SELECT value FROM settings WHERE key = 'vault_id'").fetchone()
        except DatabaseError:
            report.problems.append("監査ログを読めません（ファイルの破損）。")
            report.ok = False
            return report, None
        report.audit_count, report.checkpoint = chain.count, chain.checkpoint
        report.problems += chain.problems
        report.ok = not report.problems
        anchor = None
        if membership is not None and genesis is not None and vault_row is not None:
            anchor = Anchor(
                vault_id=str(vault_row[0]),
                seq=chain.count,
                head=chain.head_hash,
                membership_seq=int(membership[0]),
                membership_head=str(membership[1]),
                genesis=str(genesis[0]),
                at="",
                signer="",
            )
        return report, anchor
    finally:
        connection.close()


def _has_table(connection: Any, name: str) -> bool:
    row = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def write_manifest(
    target: Path,
    *,
    vault_id: str,
    key: bytes,
    clock: Clock,
    reason: str,
    keys_text: str | None,
    epoch: int,
    signer: Signer | None = None,
) -> BackupInfo:
    """keys.json and manifest.json for the copy at `target/vault.db`, after checking it."""
    if keys_text is not None:
        atomic_write_text(target / ks.KEYS_NAME, keys_text)
    report, anchor = _check_copy(target / ks.DB_NAME, key)
    if not report.ok:
        raise VaultError("作成したバックアップの検査に失敗しました: " + " ".join(report.problems))
    signed = None
    if anchor is not None and signer is not None:
        at = ks.iso(clock.now())
        signed = Anchor(**{**anchor.__dict__, "at": at, "signer": signer.principal}).signed_by(signer.keys)
    manifest = {
        "format": 2,
        "vault_id": vault_id,
        "created_at": ks.iso(clock.now()),
        "reason": reason,
        "audit_count": report.audit_count,
        "checkpoint": report.checkpoint,
        "key_epoch": epoch,
        "signed_checkpoint": signed.to_json() if signed else None,
    }
    atomic_write_text(target / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return backup_info(target)


def write_backup(
    folder: Path, key: bytes, *, clock: Clock, reason: str, generations: int, signer: Signer | None = None
) -> BackupInfo:
    """Copy the vault (no session needed: also used before migrations) and prune old ones."""
    folder = Path(folder)
    target = new_backup_dir(folder, clock)
    try:
        export_copy(folder / ks.DB_NAME, key, target / ks.DB_NAME)
        vault_id, epoch, keys_text = "", 0, None
        if (folder / ks.KEYS_NAME).is_file():  # always, except for test vaults made without key slots
            keys_text = (folder / ks.KEYS_NAME).read_text(encoding="utf-8")
            document = load_document(folder)
            vault_id, epoch = document.vault_id, int(document.header.get("epoch", 0))
        info = write_manifest(
            target,
            vault_id=vault_id,
            key=key,
            clock=clock,
            reason=reason,
            keys_text=keys_text,
            epoch=epoch,
            signer=signer,
        )
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    prune_backups(folder, generations)
    return info


def backup_info(path: Path) -> BackupInfo:
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
            key_epoch=int(manifest.get("key_epoch", 0)),
            signed_checkpoint=manifest.get("signed_checkpoint"),
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
                found.append(backup_info(path))
            except CorruptFileError:
                continue
    return found


def prune_backups(folder: Path, generations: int) -> None:
    for old in list_backups(folder)[max(1, generations) :]:
        shutil.rmtree(old.path, ignore_errors=True)


def generations_of(s: VaultSession) -> int:
    from saiken.services.settings import get_settings

    return get_settings(s).backup_generations


def create_backup(s: VaultSession, *, reason: str = "manual") -> BackupInfo:
    s.require(Capability.BACKUP)
    info = write_backup(
        s.folder,
        engine_key(s.require_open()),
        clock=s.clock,
        reason=reason,
        generations=generations_of(s),
        signer=s.signer,
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


def backup_key(
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
    keyfile = ks.load_any_keyfile(path)
    vault_folder = path.parent.parent  # failures are counted in the vault folder
    if recovery_key:
        return ks.unlock_recovery(keyfile, vault_folder, recovery_key, clock).master_key
    if user and password:
        return ks.unlock_user(keyfile, vault_folder, user, password, clock).master_key
    raise ValidationError("バックアップを開くには、パスワードか復旧キーが必要です。")


def _signed_checkpoint_problems(
    db_path: Path, key: bytes, data: dict[str, Any], report: BackupReport
) -> list[str]:
    """The manifest's signed checkpoint: the copy's own head, signed by a member of the copy's log."""
    try:
        anchor = Anchor.from_json(data)
    except ValueError:
        return ["バックアップの署名付きチェックポイントが読めません。"]
    if anchor.checkpoint != report.checkpoint:
        return ["バックアップの署名付きチェックポイントが、中身の監査ログと一致しません。"]
    connection = open_read_only(db_path, key)
    try:
        rows = connection.execute(
            "SELECT seq, statement, signature FROM membership_log ORDER BY seq"
        ).fetchall()
        state = replay(
            [parse_statement(text, signature) for _, text, signature in rows], vault_id=anchor.vault_id
        )
    except (DatabaseError, ValueError, KeyError, TypeError, MembershipError):
        return ["バックアップの利用者名簿を確かめられません。"]
    finally:
        connection.close()
    signer = state.member(anchor.signer)
    if signer is None or signer.public is None or not anchor.verify(signer.public.ed25519):
        return ["バックアップの署名付きチェックポイントの署名が正しくありません（書き換えの疑い）。"]
    return []


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
    key = backup_key(
        path, session=session, user=user, password=password, recovery_key=recovery_key, clock=clock
    )
    report, _ = _check_copy(path / ks.DB_NAME, key)
    try:
        info = backup_info(path)
        if info.checkpoint != report.checkpoint:
            report.problems.append("監査ログの最新記録が、バックアップ作成時の控えと一致しません。")
        if info.signed_checkpoint is not None:
            report.problems += _signed_checkpoint_problems(
                path / ks.DB_NAME, key, info.signed_checkpoint, report
            )
    except CorruptFileError as error:
        report.problems.append(str(error))
    report.ok = not report.problems
    if session is not None and not session.closed:
        with unit_of_work(session) as work:
            work.audit("backup.verify", target_type="backup", target_id=path.name, ok=report.ok)
    return report

"""`saiken vault check`: is the live vault whole? (DESIGN §9)

The check opens the member's slot (the brake counts a wrong password as at sign-in), then looks at the
database itself before signing in, so a vault too damaged to sign in to is still diagnosed:
- the key file (`keys.json`) reads and the slot opens the database;
- `PRAGMA integrity_check` (SQLite's structure) and `PRAGMA cipher_integrity_check` (every page's HMAC:
  a page changed or damaged on disk is named);
- then, on a healthy database, a normal sign-in, which checks what the sign-in checks, and the audit
  entry `vault.check` (ok, number of problems, damaged pages).
A damaged vault gives 「金庫が壊れています。バックアップから復元してください」 and names the newest backup
that opens with the vault's key and passes the same two checks — never an internal error.
The check holds the vault's lock (saiken.store.vault_lock) while it runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy.exc

from saiken.domain.clock import JST, Clock, system_clock
from saiken.domain.errors import (
    CorruptFileError,
    SaikenError,
    ValidationError,
    VaultError,
    WrongPasswordError,
)
from saiken.security.keyfile import load_keyfile
from saiken.services.context import unit_of_work
from saiken.services.vault import signin
from saiken.services.vault import slots as ks
from saiken.services.vault.backup import BackupInfo, list_backups
from saiken.store import vault_lock
from saiken.store.copies import DatabaseError, check_database, open_read_only
from saiken.store.engine import connect_raw

DAMAGED = "金庫が壊れています。バックアップから復元してください。"


@dataclass(frozen=True)
class CheckItem:
    name: str  # keys | database | integrity_check | cipher_integrity_check | sign_in
    ok: bool
    detail: str = ""


@dataclass
class VaultCheckReport:
    folder: Path
    ok: bool = True
    damaged: bool = False
    items: list[CheckItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    damaged_pages: list[int] = field(default_factory=list)
    latest_good_backup: BackupInfo | None = None

    def add(self, name: str, ok: bool, detail: str = "", *, damage: bool = True) -> None:
        self.items.append(CheckItem(name, ok, detail))
        if not ok:
            self.ok = False
            self.damaged = self.damaged or damage
            if detail:
                self.problems.append(detail)

    @property
    def message(self) -> str:
        """The one line a person reads."""
        if self.ok:
            return "OK: 金庫を検査しました（鍵ファイル・整合性・暗号ページ・サインイン）。問題はありません。"
        if not self.damaged:
            return "NG: 金庫の検査で問題が見つかりました: " + " ".join(self.problems)
        good = self.latest_good_backup
        if good is None:
            return DAMAGED + "ただし、正常なバックアップが見つかりません。すぐに管理者に連絡してください。"
        return DAMAGED + f"最新の正常なバックアップ: {good.name}（{_when(good.created_at)} 作成）。"

    @property
    def hint(self) -> str:
        if self.damaged and self.latest_good_backup is not None:
            return (
                f"saiken backup restore --vault {self.folder} {self.latest_good_backup.name} で戻せます"
                "（今の金庫は backups/replaced-… に残ります）。"
            )
        return ""


def _when(iso: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(iso).astimezone(JST)
    except ValueError:
        return iso
    return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"


def _master_key(folder: Path, user: str | None, password: str | None, recovery_key: str | None, clock: Clock):
    keyfile = load_keyfile(folder)
    if recovery_key:
        return ks.unlock_recovery(keyfile, folder, recovery_key, clock).master_key
    if user and password:
        return ks.unlock_user(keyfile, folder, user, password, clock).master_key
    raise ValidationError("金庫を検査するには、利用者名とパスワードか、復旧キーが必要です。")


def _check_database(report: VaultCheckReport, db_path: Path, key: bytes) -> bool:
    try:
        connection = connect_raw(db_path, key)
    except WrongPasswordError:
        report.add(
            "database",
            False,
            "データベースの最初のページが読めません（破損しているか、別の金庫のものです）。",
        )
        return False
    try:
        check = check_database(connection)
    finally:
        connection.close()
    integrity = [p for p in check.problems if p.startswith("integrity_check")]
    cipher = [p for p in check.problems if p.startswith("cipher_integrity_check")]
    report.add("integrity_check", not integrity, " ".join(integrity))
    report.add("cipher_integrity_check", not cipher, " ".join(cipher))
    report.damaged_pages = list(check.damaged_pages)
    return check.ok


def _backup_key(info: BackupInfo, user, password, recovery_key, clock: Clock) -> bytes | None:
    """The key of a backup from its own keys.json (when the vault's key file cannot be read)."""
    keyfile = load_keyfile(info.path)
    vault_folder = info.path.parent.parent
    if recovery_key:
        return ks.unlock_recovery(keyfile, vault_folder, recovery_key, clock).master_key
    return ks.unlock_user(keyfile, vault_folder, user or "", password or "", clock).master_key


def _good_backup(folder: Path, key: bytes | None, user, password, recovery_key, clock) -> BackupInfo | None:
    """The newest backup that opens with the vault's key (or, when keys.json is damaged, with the member's
    password in the backup's own key file) and passes both database checks."""
    for info in list_backups(folder):
        try:
            backup_key = key if key is not None else _backup_key(info, user, password, recovery_key, clock)
            if backup_key is None:
                continue
            connection = open_read_only(info.path / ks.DB_NAME, backup_key)
        except WrongPasswordError:
            return None  # the password of that time differs: do not spend the brake on older ones
        except SaikenError:
            continue  # made under an older key, or damaged itself
        try:
            if check_database(connection).ok:
                return info
        finally:
            connection.close()
    return None


def _sign_in_and_audit(report: VaultCheckReport, folder: Path, user, password, recovery_key, clock) -> None:
    try:
        if recovery_key:
            session = signin.open_with_recovery_key(folder, recovery_key, clock=clock)
        else:
            session = signin.open_vault(folder, user or "", password or "", clock=clock)
    except (DatabaseError, sqlalchemy.exc.DatabaseError):
        report.add("sign_in", False, "サインインの途中でデータベースが読めなくなりました（ファイルの破損）。")
        return
    except SaikenError as error:
        report.add("sign_in", False, str(error), damage=False)
        return
    try:
        report.add("sign_in", True)
        with unit_of_work(session) as work:
            work.audit(
                "vault.check",
                target_type="vault",
                ok=report.ok,
                problems=len(report.problems),
                damaged_pages=len(report.damaged_pages),
            )
    except (DatabaseError, sqlalchemy.exc.DatabaseError):
        report.add("sign_in", False, "検査の記録を書けません（データベースの破損）。")
    finally:
        session.close()


def check_vault(
    folder: Path,
    *,
    user: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
    clock: Clock = system_clock,
) -> VaultCheckReport:
    """Check the live vault in `folder` as `user`/`password` (or with the recovery key)."""
    folder = Path(folder)
    if not (folder / ks.KEYS_NAME).is_file() and not (folder / ks.DB_NAME).is_file():
        raise VaultError(f"{folder} に金庫が見つかりません。フォルダを確かめてください。")
    report = VaultCheckReport(folder=folder)
    handle = vault_lock.acquire(folder, now=clock.now(), program="saiken vault check")
    try:
        if (folder / ks.PENDING_KEYS_NAME).is_file():
            _finish_rekey(folder, user, password, recovery_key, clock)
        key: bytes | None = None
        if not (folder / ks.DB_NAME).is_file():
            report.add("database", False, "データベース（vault.db）がありません。")
        else:
            try:
                key = _master_key(folder, user, password, recovery_key, clock)
            except CorruptFileError as error:
                report.add("keys", False, f"鍵ファイル（keys.json）が壊れています: {error}")
            else:
                report.add("keys", True)
                if _check_database(report, folder / ks.DB_NAME, key):
                    _sign_in_and_audit(report, folder, user, password, recovery_key, clock)
        if report.damaged:
            report.latest_good_backup = _good_backup(folder, key, user, password, recovery_key, clock)
        return report
    finally:
        handle.release()


def _finish_rekey(folder: Path, user, password, recovery_key, clock: Clock) -> None:
    """A re-key stopped half-way: the normal sign-in finishes it before the database is looked at."""
    try:
        if recovery_key:
            signin.open_with_recovery_key(folder, recovery_key, clock=clock).close()
        else:
            signin.open_vault(folder, user or "", password or "", clock=clock).close()
    except (DatabaseError, sqlalchemy.exc.DatabaseError, VaultError, CorruptFileError):
        return  # the checks below say what is wrong

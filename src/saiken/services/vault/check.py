"""`saiken vault check`: is the live vault whole? (DESIGN §9)

The check opens the member's slot (the brake counts a wrong password as at sign-in), then looks at the
database itself before signing in, so a vault too damaged to sign in to is still diagnosed:
- the key file (`keys.json`) reads and the slot opens the database;
- `PRAGMA integrity_check` (SQLite's structure) and `PRAGMA cipher_integrity_check` (every page's HMAC:
  a page changed or damaged on disk is named);
- the signed membership log (chain, signatures, founding statement) and the `users` table against it
  (`roster.users_mismatch`: a role or user edited directly with the master key), one line per difference;
- the slot list in keys.json against its slots and the log (`notices.slot_lines`: a deleted recovery slot,
  a slot added or put back by hand), one line per problem;
- then, on a healthy database whose users match the log, a normal sign-in, which checks what the sign-in
  checks, and the audit entry `vault.check` (ok, number of problems, damaged pages). A format-1 vault or
  one with a pending migration is upgraded by that sign-in first; its log and slots are checked after it.
A damaged vault gives 「金庫が壊れています。バックアップから復元してください」 and names the newest backup
that opens with the vault's key and passes the same two checks — never an internal error.
The check holds the vault's lock (saiken.store.vault_lock) while it runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy.exc
from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.clock import JST, Clock, system_clock
from saiken.domain.errors import (
    CorruptFileError,
    SaikenError,
    ValidationError,
    VaultError,
    WrongPasswordError,
)
from saiken.security.keyfile import KeyFile
from saiken.security.membership import MembershipError
from saiken.services.context import unit_of_work
from saiken.services.vault import roster, signin
from saiken.services.vault import slots as ks
from saiken.services.vault.backup import BackupInfo, list_backups
from saiken.services.vault.notices import slot_lines
from saiken.store import migrate, vault_lock
from saiken.store.copies import DatabaseError, check_database, open_read_only
from saiken.store.engine import connect_raw, make_engine
from saiken.store.models import User

DAMAGED = "金庫が壊れています。バックアップから復元してください。"
SLOTS_HINT = (
    "復旧キーの鍵スロットは saiken rekey --new-recovery-key で作り直せます。利用者の鍵スロットは、管理者が"
    "パスワードを設定し直すと作られます。"
)


@dataclass(frozen=True)
class CheckItem:
    name: str  # keys | database | integrity_check | cipher_integrity_check | membership | slots | sign_in
    ok: bool
    detail: str = ""
    lines: tuple[str, ...] = ()  # one problem each (membership, slots)


@dataclass
class VaultCheckReport:
    folder: Path
    ok: bool = True
    damaged: bool = False
    items: list[CheckItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    damaged_pages: list[int] = field(default_factory=list)
    latest_good_backup: BackupInfo | None = None
    hints: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, detail: str = "", *, damage: bool = True) -> None:
        self.items.append(CheckItem(name, ok, detail))
        if not ok:
            self.ok = False
            self.damaged = self.damaged or damage
            if detail:
                self.problems.append(detail)

    def add_lines(self, name: str, lines: list[str], hint: str) -> None:
        """A check whose problems are listed one per line (not damage: the database itself is whole)."""
        self.items.append(CheckItem(name, not lines, lines=tuple(lines)))
        if lines:
            self.ok = False
            self.problems.extend(lines)
            self.hints.append(hint)

    @property
    def message(self) -> str:
        """The one line a person reads."""
        if self.ok:
            return "OK: 金庫を検査しました（鍵ファイル・整合性・暗号ページ・利用者名簿・鍵スロット・サインイン）。問題はありません。"
        if not self.damaged:
            return f"NG: 金庫の検査で問題が {len(self.problems)} 件見つかりました（上の各行）。"
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
        return " ".join(self.hints)


def _when(iso: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(iso).astimezone(JST)
    except ValueError:
        return iso
    return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"


def _master_key(folder: Path, user: str | None, password: str | None, recovery_key: str | None, clock: Clock):
    keyfile = ks.load_any_keyfile(folder)
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


def _trust_lines(folder: Path, key: bytes) -> tuple[list[str], list[str]] | None:
    """(membership lines, slot lines) of the live vault, read with the master key before any sign-in;
    None for a format-1 vault or a pending migration (the check's sign-in upgrades those first)."""
    keyfile = ks.load_any_keyfile(folder)
    if not isinstance(keyfile, KeyFile):
        return None
    engine = make_engine(folder / ks.DB_NAME, key)
    try:
        if migrate.needs_upgrade(engine):
            return None
        with Session(engine) as db:
            try:
                state = roster.membership(db, keyfile.vault_id)
                members: list[str] = []
                if keyfile.genesis != state.genesis:
                    members.append("鍵ファイルの創設の記録が、利用者名簿のものと違います（差し替えの疑い）。")
                members += roster.users_mismatch(state, db.scalars(select(User).order_by(User.id)))
            except MembershipError as error:
                return [error.message], []
            except sqlalchemy.exc.DatabaseError:  # a table dropped or altered by hand
                return ["利用者名簿か利用者の表が読めません（データベースが直接書き換えられた疑い）。"], []
            finally:
                db.rollback()
        return members, slot_lines(keyfile, state)
    finally:
        engine.dispose()


def _add_trust(report: VaultCheckReport, lines: tuple[list[str], list[str]]) -> None:
    members, slots = lines
    report.add_lines("membership", members, roster.ROSTER_REFUSED_HINT)
    report.add_lines("slots", slots, SLOTS_HINT)


def _backup_key(info: BackupInfo, user, password, recovery_key, clock: Clock) -> bytes | None:
    """The key of a backup from its own keys.json (when the vault's key file cannot be read)."""
    keyfile = ks.load_any_keyfile(info.path)
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


def _sign_in_and_audit(
    report: VaultCheckReport,
    folder: Path,
    user,
    password,
    recovery_key,
    clock,
    *,
    key: bytes,
    trust_done: bool,
) -> None:
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
        if not trust_done:  # upgraded or migrated by this sign-in: now the log and slots can be read
            _add_trust(report, _trust_lines(folder, key) or ([], []))
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
        if (folder / ks.PENDING_KEYS_NAME).is_file() or (folder / ".rotation").is_dir():
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
                    _check_trust_and_sign_in(report, folder, user, password, recovery_key, clock, key)
        if report.damaged:
            report.latest_good_backup = _good_backup(folder, key, user, password, recovery_key, clock)
        return report
    finally:
        handle.release()


def _check_trust_and_sign_in(
    report: VaultCheckReport, folder: Path, user, password, recovery_key, clock, key
):
    trust = _trust_lines(folder, key)
    if trust is not None:
        _add_trust(report, trust)
        if trust[0]:  # the sign-in would be refused for the same reasons: say so once
            report.add(
                "sign_in",
                False,
                "利用者の表が署名された利用者名簿と合わないため、サインインしていません。",
                damage=False,
            )
            return
    _sign_in_and_audit(
        report, folder, user, password, recovery_key, clock, key=key, trust_done=trust is not None
    )


def _finish_rekey(folder: Path, user, password, recovery_key, clock: Clock) -> None:
    """A re-key stopped half-way: the normal sign-in finishes it before the database is looked at."""
    try:
        if recovery_key:
            signin.open_with_recovery_key(folder, recovery_key, clock=clock).close()
        else:
            signin.open_vault(folder, user or "", password or "", clock=clock).close()
    except (DatabaseError, sqlalchemy.exc.DatabaseError, VaultError, CorruptFileError):
        return  # the checks below say what is wrong

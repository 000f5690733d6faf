"""Creating, opening and locking a vault (DESIGN §5; contract in docs/services.md).

A vault is a folder: `vault.db` (SQLCipher 4, raw random 256-bit master key), `keys.json` (one Argon2id /
AES-256-GCM key slot per user plus a recovery slot; see saiken.security.keyfile), `backups/` and
`signin_failures.json` (the failed sign-in brake; no personal data).

Device binding: when the OS account has a keyring backend, a 32-byte device secret is kept there (service
"saiken-desk", user = vault id) and mixed into every user slot's Argon2id, so a copied folder cannot be
opened on another PC with a password alone; the recovery slot is never bound. With no keyring backend
(headless Linux) the vault is made unbound and `VaultCreated.device_bound` is False, which the CLI and
GUI say plainly. A bound vault opened on an OS account without the secret raises VaultError telling the
user to enrol this account with the recovery key (`enrol_device`). Binding can be switched per vault
(`set_device_binding`); each user's slot follows at their next sign-in. Re-keying: saiken.services.rekey.
"""

from __future__ import annotations

import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import SaikenError, ValidationError, VaultError, WrongPasswordError
from saiken.domain.roles import Capability, Role
from saiken.security import device_secret as devsec
from saiken.security.keyfile import RECOVERY_SLOT, KeyFile, load_keyfile, new_keyfile, user_slot_id
from saiken.security.password_policy import problems as password_problems
from saiken.security.recovery_key import generate_recovery_key
from saiken.security.signin_failures import FailureLog, principal_hash
from saiken.services import _keyslots as ks
from saiken.services.backup import DEFAULT_GENERATIONS, write_backup
from saiken.services.context import SignedInUser, VaultSession, read_session, unit_of_work
from saiken.services.vault_info import (
    APP_NAME,
    VaultInfo,
    default_demo_dir,
    default_vault_dir,
    read_vault_info,
    vault_exists,
)
from saiken.store import migrate
from saiken.store.engine import make_engine
from saiken.store.models import Setting, User

ORG_ROLES = ("ward", "contractor")
keyring_available = devsec.keyring_available


@dataclass(frozen=True)
class VaultCreated:
    folder: Path
    vault_id: str
    recovery_key: str
    device_bound: bool


def _check_new_password(password: str, user_name: str) -> None:
    found = password_problems(password, user_name=user_name)
    if found:
        raise ValidationError(" ".join(found))


def create_vault(
    folder: Path,
    *,
    org_role: str,
    org_name: str,
    admin_user: str,
    admin_password: str,
    device_binding: bool | None = None,
    clock: Clock = system_clock,
    demo: bool = False,
) -> VaultCreated:
    """Make a new vault with its first admin (also supervisor) and a recovery key shown once."""
    folder = Path(folder)
    if org_role not in ORG_ROLES:
        raise ValidationError("組織の種類は ward（区）か contractor（受託者）を指定してください。")
    org_name = (org_name or "").strip()
    if not org_name or len(org_name) > 100:
        raise ValidationError("組織名を 1〜100 文字で入力してください。")
    admin = ks.normalise_user_name(admin_user)
    if admin in ks.RESERVED_NAMES:
        raise ValidationError(f"「{admin}」は利用者名には使えません。")
    _check_new_password(admin_password, admin)
    if vault_exists(folder):
        raise VaultError(f"{folder} にはすでに金庫があります。別のフォルダを指定してください。")
    automatic = device_binding is None
    if device_binding is None:
        device_binding = devsec.keyring_available()
    if device_binding and not devsec.keyring_available():
        raise VaultError("この PC には鍵の保管場所（キーリング）がないため、端末に結び付けられません。")
    master, vault_id, recovery = secrets.token_bytes(32), uuid.uuid4().hex, generate_recovery_key()
    secret = devsec.new_device_secret() if device_binding else None
    if secret is not None:
        try:
            devsec.store_device_secret(vault_id, secret)
        except VaultError:
            if not automatic:
                raise
            secret, device_binding = None, False  # a keyring that refuses to store: the unbound state
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    keyfile = new_keyfile(
        vault_id=vault_id,
        created_at=ks.iso(clock.now()),
        org_name=org_name,
        org_role=org_role,
        device_bound=bool(device_binding),
        demo=demo,
    )
    engine = make_engine(folder / ks.DB_NAME, master)
    try:
        migrate.upgrade(engine)
        session = VaultSession(
            folder=folder,
            engine=engine,
            user=SignedInUser(0, admin, Role.ADMIN, True),
            clock=clock,
            org_name=org_name,
            org_role=org_role,
            demo=demo,
        )
        with unit_of_work(session) as work:
            row = User(
                name=admin, display_name="", role=Role.ADMIN.value, is_supervisor=True, created_at=clock.now()
            )
            work.session.add(row)
            work.session.flush()
            settings = {
                "org_name": org_name,
                "org_role": org_role,
                "vault_id": vault_id,
                "demo": "1" if demo else "0",
                "device_binding": "1" if device_binding else "0",
                "backup_generations": str(DEFAULT_GENERATIONS),
            }
            if secret is not None:
                settings["device_secret"] = devsec.encode_secret(secret)
            for key, value in settings.items():
                work.session.merge(Setting(key=key, value=value))
            work.audit(
                "vault.create",
                target_type="user",
                target_id=row.id,
                org_role=org_role,
                device_bound=bool(device_binding),
            )
            keyfile.put_slot(
                ks.new_recovery_slot(keyfile, recovery_key=recovery, master_key=master, clock=clock), master
            )
            keyfile.put_slot(
                ks.new_user_slot(
                    keyfile,
                    user_id=row.id,
                    user_name=admin,
                    password=admin_password,
                    master_key=master,
                    clock=clock,
                    device_secret=secret,
                ),
                master,
            )
            keyfile.save(folder)  # last: if it fails, the transaction rolls back
    except BaseException:
        engine.dispose()
        if secret is not None:
            devsec.forget_device_secret(vault_id)
        for name in (ks.KEYS_NAME, ks.DB_NAME, f"{ks.DB_NAME}-wal", f"{ks.DB_NAME}-shm"):
            (folder / name).unlink(missing_ok=True)
        raise
    engine.dispose()
    return VaultCreated(
        folder=folder, vault_id=vault_id, recovery_key=recovery, device_bound=bool(device_binding)
    )


def _require_vault(folder: Path) -> None:
    if not (folder / ks.KEYS_NAME).is_file() and not (folder / ks.DB_NAME).is_file():
        raise VaultError(
            f"{folder} に金庫が見つかりません。フォルダを確かめるか、saiken init で作成してください。"
        )
    if not (folder / ks.DB_NAME).is_file():
        raise VaultError("金庫のデータベース（vault.db）が見つかりません。バックアップから戻してください。")


def _engine_for(folder: Path, keyfile: KeyFile, unlocked: ks.Unlocked, retry) -> tuple:
    """A keyed engine; finishes an interrupted rekey (keys.next.json) when the DB is already re-keyed."""
    engine = make_engine(folder / ks.DB_NAME, unlocked.master_key)
    try:
        engine.connect().close()
    except WrongPasswordError:
        engine.dispose()
        pending = folder / ks.PENDING_KEYS_NAME
        if not pending.is_file():
            raise VaultError(
                "鍵ファイルとデータベースが合いません。バックアップから戻してください。"
            ) from None
        next_file = load_keyfile(folder, ks.PENDING_KEYS_NAME)
        unlocked = retry(next_file)
        engine = make_engine(folder / ks.DB_NAME, unlocked.master_key)
        engine.connect().close()
        next_file.save(folder)  # the rekey had finished the database: promote the new key file
        ks.remove_stale_pending(folder)
        return engine, next_file, unlocked
    ks.remove_stale_pending(folder)  # a rekey that stopped before touching the database
    return engine, keyfile, unlocked


def _prepare(folder: Path, engine, key: bytes, clock: Clock) -> dict[str, str] | None:
    """Run pending migrations, after a backup. Returns the revisions for the audit log, or None."""
    if not migrate.needs_upgrade(engine):
        return None
    before = migrate.current_revision(engine)
    if before is not None:
        write_backup(folder, key, clock=clock, reason="migration", generations=DEFAULT_GENERATIONS + 1)
    migrate.upgrade(engine)
    return {"from_revision": before or "", "to_revision": migrate.head_revision()}


def _settings(engine) -> dict[str, str]:
    with engine.connect() as connection:
        return {k: v for k, v in connection.execute(select(Setting.key, Setting.value))}


def _flush_failures(work, folder: Path, keyfile: KeyFile, principal: str, names: list[str]) -> None:
    by_hash = {principal_hash(keyfile.vault_id, n): n for n in [*names, ks.RECOVERY_PRINCIPAL]}
    for failure in FailureLog(folder, keyfile.vault_id).record_success(principal):
        work.audit(
            "auth.sign_in_failed",
            actor=by_hash.get(failure.principal, "unknown"),
            target_type="user",
            at=failure.at.isoformat(timespec="seconds"),
        )


def _session(folder: Path, keyfile: KeyFile, unlocked: ks.Unlocked, clock: Clock, retry) -> VaultSession:
    engine, keyfile, unlocked = _engine_for(folder, keyfile, unlocked, retry)
    try:
        migrated = _prepare(folder, engine, unlocked.master_key, clock)
        values = _settings(engine)
        slot = unlocked.slot
        if slot.kind == "recovery":
            user = SignedInUser(id=0, name=ks.RECOVERY_PRINCIPAL, role=Role.ADMIN, is_supervisor=False)
        else:
            with engine.connect() as connection:
                row = connection.execute(select(User).where(User.id == slot.user_id)).first()
            if row is None or row.name != slot.user_name or not row.active:
                raise VaultError("この利用者は削除されているか無効です。管理者に連絡してください。")
            user = SignedInUser(
                id=row.id, name=row.name, role=Role(row.role), is_supervisor=row.is_supervisor
            )
        session = VaultSession(
            folder=folder,
            engine=engine,
            user=user,
            clock=clock,
            org_name=values.get("org_name", ""),
            org_role=values.get("org_role", ""),
            demo=values.get("demo") == "1",
        )
        with read_session(session) as db:
            names = list(db.scalars(select(User.name)))
        with unit_of_work(session) as work:
            if migrated:
                work.audit("vault.migrate", target_type="vault", target_id=keyfile.vault_id, **migrated)
            _flush_failures(work, folder, keyfile, user.name, names)
            method = "recovery_key" if slot.kind == "recovery" else "password"
            work.audit("auth.sign_in", target_type="user", target_id=user.id, method=method)
    except BaseException:
        engine.dispose()
        raise
    return session


def _rebind(folder: Path, keyfile: KeyFile, unlocked: ks.Unlocked, password: str, clock: Clock) -> None:
    """Bring a user's slot in line with the vault's binding setting, now that we have the password."""
    slot = unlocked.slot
    if slot.kind != "user" or slot.bound == keyfile.device_bound:
        return
    secret = devsec.load_device_secret(keyfile.vault_id) if keyfile.device_bound else None
    if keyfile.device_bound and secret is None:
        return
    fresh = load_keyfile(folder)
    fresh.put_slot(
        ks.new_user_slot(
            fresh,
            user_id=slot.user_id,
            user_name=slot.user_name,
            password=password,
            master_key=unlocked.master_key,
            clock=clock,
            must_change=slot.must_change,
            device_secret=secret,
        ),
        unlocked.master_key,
    )
    try:
        fresh.save(folder)
    except VaultError:
        pass  # read-only folder: the slot keeps working as it is; the next sign-in tries again


def open_vault(folder: Path, user: str, password: str, *, clock: Clock = system_clock) -> VaultSession:
    """Sign in. WrongPasswordError (counted), LockedOutError, CorruptFileError, VaultError."""
    folder = Path(folder)
    _require_vault(folder)
    keyfile = load_keyfile(folder)

    def unlock(kf: KeyFile) -> ks.Unlocked:
        return ks.unlock_user(kf, folder, user, password, clock)

    unlocked = unlock(keyfile)
    session = _session(folder, keyfile, unlocked, clock, unlock)
    _rebind(folder, load_keyfile(folder), unlocked, password, clock)
    return session


def open_with_recovery_key(folder: Path, recovery_key: str, *, clock: Clock = system_clock) -> VaultSession:
    """Sign in as the `recovery` principal (admin rights) with the recovery key, on any PC."""
    folder = Path(folder)
    _require_vault(folder)
    keyfile = load_keyfile(folder)

    def unlock(kf: KeyFile) -> ks.Unlocked:
        return ks.unlock_recovery(kf, folder, recovery_key, clock)

    return _session(folder, keyfile, unlock(keyfile), clock, unlock)


def lock(session: VaultSession) -> None:
    """Close the database and drop the key material (idle lock, Ctrl+L, sign-out)."""
    session.close()


def password_change_required(session: VaultSession) -> bool:
    """True when the signed-in user holds a temporary password (after a reset or a rekey)."""
    if session.user.id == 0:
        return False
    try:
        slot = load_keyfile(session.folder).slot(slot_id=user_slot_id(session.user.id))
    except SaikenError:
        return False
    return bool(slot and slot.must_change)


def record_recovery_sheet_saved(session: VaultSession, *, size: int) -> None:
    """Audit `vault.recovery_sheet_saved` after the UI wrote the printable recovery sheet to a file
    (admin, the only one shown a recovery key). The entry holds the vault id and the file's size in bytes:
    never the key, never the path."""
    session.require(Capability.MANAGE_USERS)
    if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
        raise ValidationError(
            "復旧キーの用紙の大きさ（バイト数）が正しくありません。用紙をもう一度保存してください。"
        )
    with unit_of_work(session) as work:
        vault_id = work.session.scalar(select(Setting.value).where(Setting.key == "vault_id"))
        work.audit("vault.recovery_sheet_saved", target_type="vault", target_id=vault_id, size=size)


def remove_vault_files(folder: Path) -> None:
    """Delete a vault's files (used for the demo vault only; never called on a real vault by the app)."""
    import shutil

    folder = Path(folder)
    for name in (
        ks.KEYS_NAME,
        ks.DB_NAME,
        f"{ks.DB_NAME}-wal",
        f"{ks.DB_NAME}-shm",
        "signin_failures.json",
        ks.PENDING_KEYS_NAME,
    ):
        (folder / name).unlink(missing_ok=True)
    shutil.rmtree(folder / "backups", ignore_errors=True)
    if folder.is_dir() and not any(folder.iterdir()):
        os.rmdir(folder)


__all__ = [
    "APP_NAME",
    "RECOVERY_SLOT",
    "VaultCreated",
    "VaultInfo",
    "create_vault",
    "default_demo_dir",
    "default_vault_dir",
    "enrol_device",
    "keyring_available",
    "lock",
    "open_vault",
    "open_with_recovery_key",
    "password_change_required",
    "read_vault_info",
    "record_recovery_sheet_saved",
    "set_device_binding",
    "vault_exists",
]

# Re-exported: part of the vault API (kept in their own modules to stay small).
from saiken.services._device import (  # noqa: E402
    device_enrolment_code,
    enrol_device,
    set_device_binding,
)
from saiken.services._rekey import RekeyResult, rekey  # noqa: E402

__all__ += ["RekeyResult", "device_enrolment_code", "rekey"]

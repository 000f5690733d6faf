"""Creating a vault (and removing the demo vault's files); the recovery sheet's save is audited here.

A vault is a folder: `vault.db` (SQLCipher 4, raw random 256-bit master key), `keys.json` (one Argon2id /
AES-256-GCM key slot per user plus a recovery slot; see saiken.security.keyfile), `backups/` and
`signin_failures.json` (the failed sign-in brake; no personal data).

Device binding: when the OS account has a keyring backend, a 32-byte device secret is kept there (service
"saiken-desk", user = vault id) and mixed into every user slot's Argon2id, so a copied folder cannot be
opened on another PC with a password alone; the recovery slot is never bound. With no keyring backend
(headless Linux) the vault is made unbound and `VaultCreated.device_bound` is False, which the CLI and
GUI say plainly.
"""

from __future__ import annotations

import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import ValidationError, VaultError
from saiken.domain.roles import Capability, Role
from saiken.fsutil import private_dir
from saiken.security import device_secret as devsec
from saiken.security import org_signature
from saiken.security.fingerprint import readable
from saiken.security.keyfile import new_keyfile, user_slot_id
from saiken.security.member_keys import MemberKeys
from saiken.security.password_policy import problems as password_problems
from saiken.security.recovery_key import generate_recovery_key
from saiken.services.context import SignedInUser, Signer, VaultSession, unit_of_work
from saiken.services.vault import slots as ks
from saiken.services.vault.anchors import record_anchor
from saiken.services.vault.backup import DEFAULT_GENERATIONS
from saiken.services.vault.founding import found
from saiken.services.vault_info import vault_exists
from saiken.store import migrate, vault_lock
from saiken.store.engine import make_engine
from saiken.store.models import Setting, User

ORG_ROLES = ("ward", "contractor")


@dataclass(frozen=True)
class VaultCreated:
    folder: Path
    vault_id: str
    recovery_key: str
    device_bound: bool
    genesis_fingerprint: str = ""  # the founding statement's, in readable groups (recovery sheet)
    org_fingerprint: str = ""  # the organisation key's, in readable groups


def _check_new_password(password: str, user_name: str) -> None:
    found = password_problems(password, user_name=user_name)
    if found:
        raise ValidationError(" ".join(found))


def _device_secret(vault_id: str, device_binding: bool | None) -> bytes | None:
    automatic = device_binding is None
    if device_binding is None:
        device_binding = devsec.keyring_available()
    if device_binding and not devsec.keyring_available():
        raise VaultError("この PC には鍵の保管場所（キーリング）がないため、端末に結び付けられません。")
    if not device_binding:
        return None
    secret = devsec.new_device_secret()
    try:
        devsec.store_device_secret(vault_id, secret)
    except VaultError:
        if not automatic:
            raise
        return None  # a keyring that refuses to store: the unbound state
    return secret


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
    """Make a new vault with its first admin (also supervisor) and a recovery key shown once.

    The founding admin and the recovery principal each get a key pair; the founding statement (self-signed)
    names them and the organisation's first public key; the master key and the organisation key are sealed
    into both slots."""
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
    master, vault_id, recovery = secrets.token_bytes(32), uuid.uuid4().hex, generate_recovery_key()
    secret = _device_secret(vault_id, device_binding)
    private_dir(folder)
    handle = vault_lock.acquire(folder, now=clock.now())  # VaultInUseError: another process is here
    if vault_exists(folder):  # made by another process while this one was getting ready
        handle.release()
        if secret is not None:
            devsec.forget_device_secret(vault_id)
        raise VaultError(f"{folder} にはすでに金庫があります。別のフォルダを指定してください。")
    founder_keys, recovery_keys = MemberKeys.generate(), MemberKeys.generate()
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
            vault_id=vault_id,
        )
        with unit_of_work(session) as work:
            row = User(
                name=admin, display_name="", role=Role.ADMIN.value, is_supervisor=True, created_at=clock.now()
            )
            work.session.add(row)
            work.session.flush()
            session.signer = Signer(user_slot_id(row.id), founder_keys)
            settings = {
                "org_name": org_name,
                "org_role": org_role,
                "vault_id": vault_id,
                "demo": "1" if demo else "0",
                "device_binding": "1" if secret is not None else "0",
                "backup_generations": str(DEFAULT_GENERATIONS),
            }
            if secret is not None:
                settings["device_secret"] = devsec.encode_secret(secret)
            for key, value in settings.items():
                work.session.merge(Setting(key=key, value=value))
            founded = found(
                work,
                founder=row,
                founder_keys=founder_keys,
                recovery=recovery_keys,
                others=[],
                org_name=org_name,
                org_role=org_role,
            )
            work.audit(
                "vault.create",
                target_type="user",
                target_id=row.id,
                org_role=org_role,
                device_bound=secret is not None,
                statement=founded.genesis,
            )
            keyfile = new_keyfile(
                vault_id=vault_id,
                created_at=ks.iso(clock.now()),
                org_name=org_name,
                org_role=org_role,
                device_bound=secret is not None,
                demo=demo,
                genesis=founded.genesis,
            )
            recovery_slot = ks.new_member_slot(
                keyfile,
                user_id=0,
                user_name="",
                secret_text=recovery,
                keys=recovery_keys,
                recovery=True,
                master_key=master,
                clock=clock,
                org=founded.org,
                holder=True,
            )
            keyfile.put_slot(recovery_slot, master)
            admin_slot = ks.new_member_slot(
                keyfile,
                user_id=row.id,
                user_name=admin,
                secret_text=admin_password,
                keys=founder_keys,
                device_secret=secret,
                master_key=master,
                clock=clock,
                org=founded.org,
                holder=True,
            )
            keyfile.put_slot(admin_slot, master)
            keyfile.save(folder)  # last: if it fails, the transaction rolls back
        record_anchor(session)
    except BaseException:
        engine.dispose()
        if secret is not None:
            devsec.forget_device_secret(vault_id)
        for name in (ks.KEYS_NAME, ks.DB_NAME, f"{ks.DB_NAME}-wal", f"{ks.DB_NAME}-shm"):
            (folder / name).unlink(missing_ok=True)
        handle.release()
        raise
    engine.dispose()
    handle.release()
    return VaultCreated(
        folder=folder,
        vault_id=vault_id,
        recovery_key=recovery,
        device_bound=secret is not None,
        genesis_fingerprint=readable(founded.genesis),
        org_fingerprint=org_signature.fingerprint(founded.org_public),
    )


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

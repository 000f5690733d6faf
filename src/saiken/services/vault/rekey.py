"""Re-keying the vault: a new master key, like LUKS (whose slots also cannot be re-wrapped without their
passphrases).

DECIDED DESIGN. An admin re-keys with their own password (or the recovery principal with the recovery
key). Steps: a backup is made first; a new random 256-bit master key is chosen; a new keys.json is built —
the admin's own slot under their password, a NEW recovery slot with a new recovery key (shown once), and
for every other active user a slot under a one-time temporary password that the admin receives and hands
over, flagged `must_change` so the user sets their own at next sign-in. The new file is written as
keys.next.json, the database is re-encrypted with `PRAGMA rekey`, and keys.next.json replaces keys.json.
If the process dies in between, the next sign-in finishes the job (saiken.services.vault). Afterwards the
old slots, old passwords of other users and the old recovery key no longer open the vault; the backup made
first still opens with them (keep or delete it as policy requires).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from sqlalchemy import select

from saiken.domain.errors import PermissionDeniedError, VaultError
from saiken.domain.roles import Capability
from saiken.security import device_secret as devsec
from saiken.security.keyfile import KeyFile, load_keyfile, new_keyfile
from saiken.security.recovery_key import ALPHABET, generate_recovery_key
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.services.vault import slots as ks
from saiken.services.vault.backup import BackupInfo, create_backup
from saiken.store.copies import rekey_database
from saiken.store.engine import make_engine
from saiken.store.models import User


@dataclass(frozen=True)
class RekeyResult:
    recovery_key: str
    temporary_passwords: dict[str, str] = field(default_factory=dict)  # user name -> one-time password
    backup: BackupInfo | None = None


def temporary_password() -> str:
    """12 symbols of the recovery alphabet in groups of four (≈ 59 bits), e.g. `K7PQ-2MXR-9TWA`."""
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return "-".join(symbols[i : i + 4] for i in range(0, 12, 4))


def rekey(s: VaultSession, password: str) -> RekeyResult:
    """Rotate the master key. `password` is the signed-in admin's (the recovery key for `recovery`)."""
    s.require(Capability.MANAGE_USERS)
    if s.demo:
        raise PermissionDeniedError("デモの金庫では鍵の更新はできません。")
    folder, clock = s.folder, s.clock
    keyfile = load_keyfile(folder)
    if s.user.id == 0:
        unlocked = ks.unlock_recovery(keyfile, folder, password, clock)
    else:
        unlocked = ks.unlock_user(keyfile, folder, s.user.name, password, clock)
    old_key = ks.session_master_key(s)
    if unlocked.master_key != old_key:
        raise VaultError("鍵ファイルと開いている金庫が合いません。サインインし直してください。")
    backup = create_backup(s, reason="rekey")
    with read_session(s) as db:
        users = [
            (u.id, u.name) for u in db.scalars(select(User).where(User.active.is_(True)).order_by(User.id))
        ]

    new_key = secrets.token_bytes(32)
    header = keyfile.header
    fresh: KeyFile = new_keyfile(
        vault_id=keyfile.vault_id,
        created_at=str(header["created_at"]),
        org_name=str(header["org_name"]),
        org_role=str(header["org_role"]),
        device_bound=keyfile.device_bound,
        demo=bool(header["demo"]),
    )
    secret = devsec.load_device_secret(keyfile.vault_id) if keyfile.device_bound else None
    recovery = generate_recovery_key()
    fresh.put_slot(
        ks.new_recovery_slot(fresh, recovery_key=recovery, master_key=new_key, clock=clock), new_key
    )
    temporary: dict[str, str] = {}
    for user_id, name in users:
        own = user_id == s.user.id
        secret_text = password if own else temporary.setdefault(name, temporary_password())
        fresh.put_slot(
            ks.new_user_slot(
                fresh,
                user_id=user_id,
                user_name=name,
                password=secret_text,
                master_key=new_key,
                clock=clock,
                must_change=not own,
                device_secret=secret,
            ),
            new_key,
        )
    fresh.save(folder, ks.PENDING_KEYS_NAME)

    s.require_open().dispose()
    s.engine = None
    rekey_database(folder / ks.DB_NAME, old_key, new_key)
    fresh.save(folder)
    ks.remove_stale_pending(folder)
    s.engine = make_engine(folder / ks.DB_NAME, new_key)
    with unit_of_work(s) as work:
        work.audit(
            "vault.rekey",
            target_type="vault",
            target_id=keyfile.vault_id,
            users=len(users),
            temporary_passwords=len(temporary),
            backup=backup.name,
        )
    return RekeyResult(recovery_key=recovery, temporary_passwords=temporary, backup=backup)

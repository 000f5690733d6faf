"""Rotating the master key (DESIGN §5 "Revocation is real"): removing a member and `rekey` both come here.

Nothing in the live vault changes until one atomic rename, so a killed process leaves a vault that opens:

 1. staging: `<vault>/.rotation/` receives
      vault.db                   the live database exported under the NEW key (sqlcipher_export), then the
                                 change itself (a member removed, the recovery key replaced …) written into
                                 it in one unit of work, signed and audited like any other
      backups/<name>/vault.db    every backup (and every replaced copy) re-exported under the new key; the
                                 backup made first (the vault as it was) is written straight under it
      keys.json                  every remaining member's slot with the new key sealed to their public key
                                 (no passwords needed, no temporary passwords), the removed member's gone
      journal.json               what to do with each backup folder (replace or remove)
 2. commit: the live database is settled (WAL folded in, no -wal/-shm left) and `.rotation/vault.db`
    replaces `vault.db` — the commit point — then keys.json, then the backups, then `.rotation` is removed.
 3. `finish_interrupted(folder)` at the next sign-in: a `.rotation/vault.db` still there means the commit
    never happened (the staging is discarded: the change did not take place); otherwise the remaining steps
    of 2 are done.
Afterwards nothing in the folder opens with the old master key: not the database, not a backup, not the
removed member's saved keys.json with their password (their slot held only the old key).
Members whose slot is still the format-1 one from before the upgrade cannot receive the new key (it has no
public key): they are listed in `needs_reset` for an admin to reset.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from saiken.domain.errors import CorruptFileError, VaultError, WrongPasswordError
from saiken.domain.roles import Capability
from saiken.fsutil import atomic_write_bytes, atomic_write_text
from saiken.security.keyfile import KeyFile, Slot, load_keyfile, new_keyfile
from saiken.security.member_keys import MemberKeys
from saiken.security.membership import RECOVERY_ID, Membership, org_key_body, public_body
from saiken.security.recovery_key import generate_recovery_key
from saiken.services.context import VaultSession, Work, read_session, unit_of_work
from saiken.services.vault import roster
from saiken.services.vault import slots as ks
from saiken.services.vault.anchors import record_anchor
from saiken.services.vault.backup import (
    MANIFEST,
    BackupInfo,
    backup_info,
    backups_dir,
    generations_of,
    list_backups,
    unused_backup_name,
    write_manifest,
)
from saiken.services.vault.org import deliver, new_org_key, org_key_id, session_org_key
from saiken.store.copies import export_copy, settle
from saiken.store.engine import make_engine

STAGING = ".rotation"
JOURNAL = "journal.json"
NEW_BACKUP = "new-backup"
Change = Callable[[Work, Membership], None]


@dataclass(frozen=True)
class RotationResult:
    epoch: int
    backup: BackupInfo | None
    backups_reencrypted: int = 0
    backups_removed: list[str] = field(default_factory=list)
    needs_reset: list[str] = field(default_factory=list)
    recovery_key: str | None = None
    org_key_replaced: bool = False
    bytes_reencrypted: int = 0


def staging_dir(folder: Path) -> Path:
    return Path(folder) / STAGING


def _copy_backups(
    folder: Path, stage: Path, old_key: bytes, new_key: bytes, keep: set[str]
) -> dict[str, str]:
    """Re-export every backup folder under the new key; those beyond `keep` or unreadable are removed."""
    plan: dict[str, str] = {}
    root = backups_dir(folder)
    if not root.is_dir():
        return plan
    for path in sorted(root.iterdir()):
        if not path.is_dir():
            continue
        if not path.name.startswith("replaced-") and path.name not in keep:
            plan[path.name] = "remove"
            continue
        target = stage / "backups" / path.name
        target.mkdir(mode=0o700, parents=True)
        try:
            export_copy(path / ks.DB_NAME, old_key, target / ks.DB_NAME, target_key=new_key)
        except (WrongPasswordError, CorruptFileError, VaultError, OSError):
            plan[path.name] = "remove"  # it does not open with the current key: it must not stay either
            shutil.rmtree(target, ignore_errors=True)
            continue
        plan[path.name] = "replace"
    return plan


def _new_keyfile(
    old: KeyFile,
    state: Membership,
    *,
    epoch: int,
    master: bytes,
    org: ks.OrgKey,
    fresh_slots: dict[str, Slot],
) -> tuple[KeyFile, list[str]]:
    header = old.header
    keyfile = new_keyfile(
        vault_id=old.vault_id,
        created_at=str(header["created_at"]),
        org_name=str(header["org_name"]),
        org_role=str(header["org_role"]),
        device_bound=old.device_bound,
        demo=bool(header["demo"]),
        genesis=old.genesis,
        epoch=epoch,
    )
    needs_reset: list[str] = []
    for member in sorted(state.active_members(), key=lambda m: m.user_id):
        slot = fresh_slots.get(member.id) or old.slot(slot_id=member.id)
        if not isinstance(slot, Slot) or member.public is None or slot.public != member.public:
            if member.id != RECOVERY_ID:
                needs_reset.append(member.name)
            continue
        sealed = ks.seal_into(
            keyfile.vault_id, slot, epoch=epoch, master_key=master, org=org, holder=member.holds_org_key
        )
        keyfile.put_slot(sealed, master)
    return keyfile, needs_reset


def _replace_recovery(work: Work, state: Membership) -> tuple[str, MemberKeys]:
    recovery_key, keys = generate_recovery_key(), MemberKeys.generate()
    digest = roster.append_statement(work, "reset", public_body(RECOVERY_ID, keys.public), state=state)
    work.audit(
        "vault.recovery_key_replaced", target_type="vault", target_id=work.vault.vault_id, statement=digest
    )
    return recovery_key, keys


def rotate(
    s: VaultSession,
    *,
    reason: str,
    change: Change | None = None,
    rotate_org: bool = False,
    new_recovery: bool = False,
) -> RotationResult:
    """A new master key for the vault, with `change` (membership statements, users rows, its audit entry)
    applied to the re-encrypted copy before it replaces the vault. Admins only."""
    s.require(Capability.MANAGE_USERS)
    if s.signer is None:
        raise VaultError("署名の鍵がありません。もう一度サインインしてください。")
    folder = s.folder
    old = load_keyfile(folder)
    old_key, new_key, epoch = ks.session_master_key(s), secrets.token_bytes(32), old.epoch + 1
    org = session_org_key(s, old)
    recovery_slot = old.slot(slot_id=RECOVERY_ID)
    new_recovery = new_recovery or not isinstance(recovery_slot, Slot)
    rotate_org = rotate_org or org is None  # an admin without the old key can only pass on a new one

    stage = staging_dir(folder)
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(mode=0o700)
    export_copy(folder / ks.DB_NAME, old_key, stage / ks.DB_NAME, target_key=new_key)

    first_name = unused_backup_name(folder, s.clock)
    first = stage / NEW_BACKUP  # the vault as it was, written straight under the new key
    first.mkdir(mode=0o700)
    export_copy(folder / ks.DB_NAME, old_key, first / ks.DB_NAME, target_key=new_key)
    keep = {info.name for info in list_backups(folder)[: max(0, generations_of(s) - 1)]}
    plan = _copy_backups(folder, stage, old_key, new_key, keep)

    staged = replace(s, engine=make_engine(stage / ks.DB_NAME, new_key), on_close=[], notices=[])
    recovery_key: str | None = None
    fresh: dict[str, Slot] = {}
    try:
        with unit_of_work(staged) as work:
            state = roster.membership(work.session, s.vault_id)
            if change is not None:
                change(work, state)
            if rotate_org or org is None:
                org, org_public = new_org_key()
                previous = org_key_id(state.org_key)
                digest = roster.append_statement(
                    work, "org_key", org_key_body(org_public, previous), state=state
                )
                work.audit(
                    "org.key_rotated",
                    target_type="vault",
                    target_id=s.vault_id,
                    statement=digest,
                    previous=previous[:16],
                )
            if new_recovery:
                recovery_key, recovery_keys = _replace_recovery(work, state)
            work.audit(
                "vault.rekey",
                target_type="vault",
                target_id=s.vault_id,
                epoch=epoch,
                reason=reason,
                backups=sum(1 for a in plan.values() if a == "replace") + 1,
                backups_removed=sum(1 for a in plan.values() if a == "remove"),
            )
        with read_session(staged) as db:
            final = roster.membership(db, s.vault_id)
        scratch = replace(old, header=dict(old.header), raw_slots=list(old.raw_slots))
        scratch.header["epoch"] = epoch
        if recovery_key is not None:
            fresh[RECOVERY_ID] = ks.new_member_slot(
                scratch,
                user_id=0,
                user_name="",
                secret_text=recovery_key,
                keys=recovery_keys,
                master_key=new_key,
                clock=s.clock,
                org=org,
                holder=True,
                recovery=True,
            )
        assert org is not None
        keyfile, needs_reset = _new_keyfile(
            old, final, epoch=epoch, master=new_key, org=org, fresh_slots=fresh
        )
        deliver(keyfile, final, org, new_key)
        keyfile.save(stage, ks.KEYS_NAME)
    finally:
        staged.require_open().dispose()
    settle(stage / ks.DB_NAME, new_key)
    write_manifest(
        first,
        vault_id=s.vault_id,
        key=new_key,
        clock=s.clock,
        reason=reason,
        keys_text=keyfile.to_text(),
        epoch=epoch,
    )
    journal = {"epoch": epoch, "backups": plan, "new_backup": first_name}
    atomic_write_text(stage / JOURNAL, json.dumps(journal, indent=1) + "\n")

    s.require_open().dispose()
    s.engine = None
    settle(folder / ks.DB_NAME, old_key)
    os.replace(stage / ks.DB_NAME, folder / ks.DB_NAME)  # the commit point
    finish_interrupted(folder)
    s.engine = make_engine(folder / ks.DB_NAME, new_key)
    record_anchor(s)
    moved = [name for name, action in plan.items() if action == "replace"]
    size = (folder / ks.DB_NAME).stat().st_size + sum(
        (backups_dir(folder) / name / ks.DB_NAME).stat().st_size for name in [*moved, first_name]
    )
    return RotationResult(
        epoch=epoch,
        backup=backup_info(backups_dir(folder) / first_name),
        backups_reencrypted=len(moved) + 1,
        backups_removed=sorted(n for n, a in plan.items() if a == "remove"),
        needs_reset=needs_reset,
        recovery_key=recovery_key,
        org_key_replaced=rotate_org,
        bytes_reencrypted=size,
    )


def finish_interrupted(folder: Path) -> str | None:
    """Complete or discard a rotation left by a stopped process. Returns "finished", "discarded" or None."""
    stage = staging_dir(folder)
    if not stage.is_dir():
        return None
    if (stage / ks.DB_NAME).exists():
        shutil.rmtree(stage)  # never committed: the vault is as it was before, the change did not happen
        return "discarded"
    if (stage / ks.KEYS_NAME).exists():
        os.replace(stage / ks.KEYS_NAME, folder / ks.KEYS_NAME)
    journal: dict[str, Any] = {}
    try:
        journal = dict(json.loads((stage / JOURNAL).read_text(encoding="utf-8")))
        plan: dict[str, Any] = dict(journal["backups"])
    except (OSError, ValueError, KeyError, TypeError):
        plan = {}
    keys_bytes = (folder / ks.KEYS_NAME).read_bytes()
    root = backups_dir(folder)
    new_backup = stage / NEW_BACKUP
    if new_backup.is_dir() and isinstance(journal.get("new_backup"), str):
        root.mkdir(mode=0o700, exist_ok=True)
        os.replace(new_backup, root / journal["new_backup"])
    for name, action in sorted(plan.items()):
        target = root / str(name)
        if action == "remove":
            shutil.rmtree(target, ignore_errors=True)
            continue
        staged = stage / "backups" / str(name) / ks.DB_NAME
        if staged.exists() and target.is_dir():
            for suffix in ("-wal", "-shm"):
                Path(f"{target / ks.DB_NAME}{suffix}").unlink(missing_ok=True)
            os.replace(staged, target / ks.DB_NAME)
        if target.is_dir():
            atomic_write_bytes(target / ks.KEYS_NAME, keys_bytes)
            _mark_manifest(target, int(journal.get("epoch", 0)))
    shutil.rmtree(stage, ignore_errors=True)
    return "finished"


def _mark_manifest(target: Path, epoch: int) -> None:
    path = target / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(manifest, dict):
        manifest["key_epoch"] = epoch
        atomic_write_text(path, json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


__all__ = ["RotationResult", "finish_interrupted", "rotate", "staging_dir"]

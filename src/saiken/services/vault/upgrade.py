"""Upgrading a format-1 vault (one shared master key wrapped per user, plain roles) at its admin's next
sign-in: a backup first, migration 0004, then — in one transaction — the founding statement signed by the
upgrading admin (or the recovery principal), listing every other member (and the recovery key) as pending,
each named by the hash of their format-1 slot, and recording the legacy audit log's last sequence number and
head hash (the unsigned part ends there); the upgrading principal's new slot; and a baseline of every
record's digest. Other members keep their format-1 slots and bind key pairs of their own at their next
sign-in (saiken.services.vault.signin). Until the admin has signed in, other members are told so.

The upgrade trusts the vault as it is: roles written into a format-1 vault by hand cannot be told from real
ones (that is why format 2 exists). Docs: docs/security.md.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.clock import Clock
from saiken.domain.errors import VaultError
from saiken.domain.roles import Role
from saiken.security import keyfile_v1
from saiken.security.keyfile import LEGACY_MARK, new_keyfile
from saiken.security.member_keys import MemberKeys
from saiken.security.membership import RECOVERY_ID, Member
from saiken.services.audit_writer import chain_tail
from saiken.services.context import SignedInUser, Signer, VaultSession, unit_of_work
from saiken.services.vault import slots as ks
from saiken.services.vault.backup import DEFAULT_GENERATIONS, write_backup
from saiken.services.vault.founding import found, legacy_slot_hash, member_of
from saiken.store import migrate
from saiken.store.engine import make_engine
from saiken.store.models import User

WAITING = (
    "この金庫は新しい形式（利用者ごとの鍵と署名された利用者名簿）への更新を待っています。"
    "管理者が一度サインインすると更新され、その後はこれまでのパスワードでサインインできます。"
)


def _legacy_engine(folder: Path, unlocked: ks.Unlocked):
    """The format-1 vault's engine; a format-1 rekey interrupted after the database is finished first."""
    engine = make_engine(folder / ks.DB_NAME, unlocked.master_key)
    try:
        engine.connect().close()
    except Exception:
        engine.dispose()
        raise VaultError(
            "鍵ファイルとデータベースが合いません。バックアップから戻してください。",
            hint="旧形式の鍵の更新が途中で止まった場合は、更新前の版で一度サインインしてください。",
        ) from None
    ks.remove_stale_pending(folder)
    return engine


def upgrade_legacy(
    folder: Path, keyfile: keyfile_v1.KeyFile, unlocked: ks.Unlocked, secret_text: str, clock: Clock
) -> None:
    """Upgrade when `unlocked` is an admin's (or the recovery key's) slot; VaultError (WAITING) otherwise."""
    engine = _legacy_engine(folder, unlocked)
    try:
        slot = unlocked.slot
        recovery = slot.kind == "recovery"
        with Session(engine) as db:
            rows = list(db.scalars(select(User).order_by(User.id)))
        founder_row = None if recovery else next((u for u in rows if u.id == slot.user_id), None)
        if not recovery and (
            founder_row is None or not founder_row.active or founder_row.role != Role.ADMIN.value
        ):
            raise VaultError(WAITING, hint="管理者に連絡してください。")
        write_backup(
            folder, unlocked.master_key, clock=clock, reason="upgrade", generations=DEFAULT_GENERATIONS + 1
        )
        migrate.upgrade(engine)
        _found(folder, engine, keyfile, unlocked, secret_text, clock, rows, founder_row)
    finally:
        engine.dispose()


def _pending(keyfile: keyfile_v1.KeyFile, rows: list[User], founder: User | None) -> list[Member]:
    others: list[Member] = []
    for user in rows:
        if founder is not None and user.id == founder.id:
            continue
        raw = keyfile.find_raw(slot_id=f"u{user.id}")
        legacy = legacy_slot_hash(raw) if isinstance(raw, dict) else "none"
        others.append(member_of(user, None, legacy_slot=legacy))
    return others


def _found(
    folder: Path,
    engine,
    keyfile: keyfile_v1.KeyFile,
    unlocked: ks.Unlocked,
    secret_text: str,
    clock: Clock,
    rows: list[User],
    founder_row: User | None,
) -> None:
    master, keys = unlocked.master_key, MemberKeys.generate()
    header = keyfile.header
    recovery_raw = keyfile.find_raw(slot_id=RECOVERY_ID)
    if founder_row is None:  # the recovery key upgrades: it founds, every user is pending
        principal, name, user = (
            RECOVERY_ID,
            ks.RECOVERY_PRINCIPAL,
            SignedInUser(0, ks.RECOVERY_PRINCIPAL, Role.ADMIN),
        )
    else:
        principal, name = f"u{founder_row.id}", founder_row.name
        user = SignedInUser(founder_row.id, name, Role.ADMIN, bool(founder_row.is_supervisor))
    session = VaultSession(
        folder=folder,
        engine=engine,
        user=user,
        clock=clock,
        org_name=str(header["org_name"]),
        org_role=str(header["org_role"]),
        demo=bool(header["demo"]),
        signer=Signer(principal, keys),
        vault_id=keyfile.vault_id,
    )
    with unit_of_work(session) as work:
        seq, head = chain_tail(work.session)
        others = _pending(keyfile, rows, founder_row)
        founded = found(
            work,
            founder=founder_row,
            founder_keys=keys,
            recovery=keys if founder_row is None else legacy_slot_hash(recovery_raw or {}),
            others=others,
            org_name=str(header["org_name"]),
            org_role=str(header["org_role"]),
            upgraded={"audit_seq": seq, "audit_head": head},
        )
        work.audit(
            "vault.upgrade",
            target_type="vault",
            target_id=keyfile.vault_id,
            statement=founded.genesis,
            from_format=1,
            pending=len([m for m in others if m.active]),
        )
        work.baseline = True
        fresh = new_keyfile(
            vault_id=keyfile.vault_id,
            created_at=str(header["created_at"]),
            org_name=str(header["org_name"]),
            org_role=str(header["org_role"]),
            device_bound=keyfile.device_bound,
            demo=bool(header["demo"]),
            genesis=founded.genesis,
        )
        own = ks.new_member_slot(
            fresh,
            user_id=0 if founder_row is None else founder_row.id,
            user_name=name,
            secret_text=secret_text,
            keys=keys,
            master_key=master,
            clock=clock,
            org=founded.org,
            holder=True,
            must_change=bool(getattr(unlocked.slot, "must_change", False)),
            device_secret=unlocked.device_secret if unlocked.slot.bound else None,
            recovery=founder_row is None,
        )
        fresh.put_slot(own, master)
        for raw_slot in keyfile.raw_slots:
            if not isinstance(raw_slot, dict) or raw_slot.get("id") == principal:
                continue
            member = next((m for m in [*others] if m.id == raw_slot.get("id")), None)
            if raw_slot.get("id") != RECOVERY_ID and (member is None or not member.active):
                continue  # a removed user's slot (there should be none) is not carried over
            legacy = keyfile_v1.parse_slot(
                raw_slot, who=str(raw_slot.get("user_name"))
            )  # checked, kept as it is
            fresh.put_raw(legacy.id, {**raw_slot, LEGACY_MARK: 1}, legacy.salt, master)
        fresh.save(folder)  # last in the transaction: a failed write leaves the format-1 vault as it was

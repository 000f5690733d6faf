"""Putting the `users` table back in line with the signed membership log (`saiken user repair`).

Sign-in refuses a vault whose users or roles differ from the signed statements (someone wrote into the
database directly). An admin — by the log, not by the table — repairs it: every member's row gets the
name, role, supervisor flag and state the log gives; a row the log does not know (an account added by a
script) is removed, after the debtors and records naming it as handler are set to no handler. One
transaction, audited `vault.membership_repaired` with the account ids changed and removed. The log itself
is never changed here: a log that does not verify cannot be repaired, only restored from a backup.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import PermissionDeniedError, VaultError
from saiken.domain.roles import Role
from saiken.security.keyfile import KeyFile, Slot
from saiken.services.context import SignedInUser, Signer, VaultSession, unit_of_work
from saiken.services.vault import roster
from saiken.services.vault import slots as ks
from saiken.services.vault.anchors import record_anchor
from saiken.services.vault.signin import open_engine
from saiken.store.models import Debtor, NegotiationRecord, User


@dataclass(frozen=True)
class RepairResult:
    changed: list[str]  # account names whose row was put back as the log says
    removed: list[int]  # ids of rows the log does not know


def repair_members(folder: Path, user: str, password: str, *, clock: Clock = system_clock) -> RepairResult:
    """Rewrite the users table from the verified membership log. The signer must be an admin by the log."""
    folder = Path(folder)
    keyfile = ks.load_any_keyfile(folder)
    if not isinstance(keyfile, KeyFile):
        raise VaultError("この金庫はまだ新しい形式になっていません。先に管理者がサインインしてください。")
    unlocked = ks.unlock_user(keyfile, folder, user, password, clock)
    if not isinstance(unlocked.slot, Slot) or unlocked.keys is None:
        raise VaultError("先に一度サインインして、自分の鍵を作ってください。")
    engine = open_engine(folder, unlocked.master_key)
    try:
        with Session(engine) as db:
            state = roster.membership(db, keyfile.vault_id)
            db.rollback()
        member = state.member(unlocked.slot.id)
        if member is None or not member.is_admin or member.public != unlocked.slot.public:
            raise PermissionDeniedError("利用者名簿を直せるのは、署名された名簿で管理者の人だけです。")
        session = VaultSession(
            folder=folder,
            engine=engine,
            user=SignedInUser(member.user_id, member.name, Role.ADMIN, member.supervisor),
            clock=clock,
            signer=Signer(member.id, unlocked.keys),
            vault_id=keyfile.vault_id,
        )
        changed: list[str] = []
        removed: list[int] = []
        with unit_of_work(session) as work:
            known = {m.user_id: m for m in state.members.values() if m.id != "recovery"}
            for row in list(work.session.scalars(select(User))):
                wanted = known.get(row.id)
                if wanted is None:
                    for model in (Debtor, NegotiationRecord):
                        work.session.execute(
                            update(model).where(model.handler_user_id == row.id).values(handler_user_id=None)
                        )
                    work.session.delete(row)
                    removed.append(row.id)
                    continue
                target = (wanted.name, wanted.role, wanted.supervisor, wanted.active)
                if (row.name, row.role, bool(row.is_supervisor), bool(row.active)) != target:
                    row.name, row.role, row.is_supervisor, row.active = target
                    changed.append(wanted.name)
            present = {row.id for row in work.session.scalars(select(User))} | set(removed)
            for user_id, wanted in known.items():
                if user_id not in present:
                    work.session.add(
                        User(
                            id=user_id,
                            name=wanted.name,
                            role=wanted.role,
                            is_supervisor=wanted.supervisor,
                            active=wanted.active,
                            created_at=clock.now(),
                        )
                    )
                    changed.append(wanted.name)
            work.session.flush()
            work.audit(
                "vault.membership_repaired",
                target_type="vault",
                target_id=keyfile.vault_id,
                changed=len(changed),
                removed_ids=removed,
            )
        record_anchor(session)
        session.close()
        return RepairResult(changed=changed, removed=removed)
    finally:
        engine.dispose()

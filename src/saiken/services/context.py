"""The signed-in vault session and the unit of work every user action runs in.

A service function takes a `VaultSession`, opens ONE transaction with `unit_of_work`, does its work,
records its audit entry in that same transaction with `work.audit(...)`, and returns what changed.
Widgets never hold SQLAlchemy sessions or ORM objects: services return plain dataclasses.

Audit entries are written when the block ends, still inside the transaction: chained, signed with the
signed-in member's Ed25519 key (`VaultSession.signer`), the last one carrying the digest of every record
the transaction changed (saiken.services.audit_writer). A session without a signer cannot write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import PermissionDeniedError, SaikenError, SessionClosedError
from saiken.domain.roles import ROLE_LABELS, Capability, Role, capabilities
from saiken.security.member_keys import MemberKeys
from saiken.services import audit_writer
from saiken.services.audit_writer import AUDIT_HEAD_KEY as AUDIT_HEAD_KEY  # re-exported
from saiken.services.audit_writer import PendingEntry
from saiken.store.engine import READ_ONLY


@dataclass(frozen=True)
class SignedInUser:
    id: int
    name: str
    role: Role
    is_supervisor: bool = False

    @property
    def role_label(self) -> str:
        label = ROLE_LABELS[self.role]
        return (
            f"{label}・{ROLE_LABELS[Role.SUPERVISOR]}"
            if self.is_supervisor and self.role != Role.SUPERVISOR
            else label
        )

    def can(self, capability: Capability) -> bool:
        return capability in capabilities(self.role, is_supervisor=self.is_supervisor)


@dataclass(frozen=True)
class Signer:
    """The signed-in member's principal id ("u3", "recovery") and private keys, held while the vault is open."""

    principal: str
    keys: MemberKeys


@dataclass
class VaultSession:
    """An open vault for one signed-in user. `close()` drops the engine and the key material.

    `signer` signs every audit entry and membership statement; `notices` are what sign-in found for an admin
    to act on (a deleted recovery slot, members who have not signed in since the upgrade …); `on_close` runs
    at close and lock, before the engine is dropped (the keyring anchor is written there)."""

    folder: Path
    engine: Engine | None
    user: SignedInUser
    clock: Clock = field(default_factory=lambda: system_clock)
    org_name: str = ""
    org_role: str = ""  # "ward" or "contractor"
    demo: bool = False
    signer: Signer | None = None
    vault_id: str = ""
    genesis: str = ""  # the founding statement pinned in the signed-in member's own slot
    notices: list[str] = field(default_factory=list)
    on_close: list[Callable[[VaultSession], object]] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return self.engine is None

    def require_open(self) -> Engine:
        if self.engine is None:
            raise SessionClosedError("金庫は閉じられています。もう一度サインインしてください。")
        return self.engine

    def require(self, capability: Capability) -> None:
        if not self.user.can(capability):
            raise PermissionDeniedError(
                f"この操作の権限がありません（現在の役割: {self.user.role_label}）。",
                hint="取扱責任者または管理者に依頼してください。",
            )

    def close(self) -> None:
        if self.engine is not None:
            hooks, self.on_close = self.on_close, []
            for hook in hooks:
                try:
                    hook(self)
                except SaikenError:
                    pass  # closing never fails because an anchor could not be written
            self.engine.dispose()
            self.engine = None
        self.signer = None


@dataclass
class Work:
    """One transaction: `session` for the ORM, `audit()` to record the action in the same transaction."""

    session: Session
    vault: VaultSession
    pending: list[PendingEntry] = field(default_factory=list)
    baseline: bool = False  # set after a migration or an upgrade: the last entry carries every record

    def audit(
        self,
        action: str,
        *,
        target_type: str | None = None,
        target_id: str | int | None = None,
        actor: str | None = None,
        **details: Any,
    ) -> None:
        """Record `action` in this transaction. `details` hold record ids and counts, never personal data.
        The entry is chained and signed when the block ends (so its record digests see the final state)."""
        self.pending.append(
            PendingEntry(
                at=self.vault.clock.now(),
                actor=actor if actor is not None else self.vault.user.name,
                action=action,
                target_type=target_type,
                target_id=None if target_id is None else str(target_id),
                details=details,
            )
        )


@contextmanager
def unit_of_work(vault: VaultSession) -> Iterator[Work]:
    """One user action = one transaction (BEGIN IMMEDIATE), committed when the block ends without error."""
    engine = vault.require_open()
    with Session(engine, expire_on_commit=False) as session, session.begin():
        audit_writer.begin(session)
        work = Work(session=session, vault=vault)
        yield work
        audit_writer.write_pending(work)


@contextmanager
def read_session(vault: VaultSession) -> Iterator[Session]:
    """A read-only session for lists and lookups that are not themselves audited actions."""
    engine = vault.require_open()
    with Session(engine, expire_on_commit=False) as session:
        session.connection(execution_options={READ_ONLY: True})
        try:
            yield session
        finally:
            session.rollback()

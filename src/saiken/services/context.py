"""The signed-in vault session and the unit of work every user action runs in.

A service function takes a `VaultSession`, opens ONE transaction with `unit_of_work`, does its work,
records its audit entry in that same transaction with `work.audit(...)`, and returns what changed.
Widgets never hold SQLAlchemy sessions or ORM objects: services return plain dataclasses.

Audit entries are written when the block ends, still inside the transaction: chained, signed with the
signed-in member's Ed25519 key (`VaultSession.signer`), the last one carrying the digest of every record
the transaction changed (saiken.services.audit_writer). A session without a signer cannot write.
"""

from __future__ import annotations

from collections import Counter
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
from saiken.store.vault_lock import VaultLockHandle


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


TALLY_KEY = "count"  # the counter every tallied action carries
TALLY_FLUSH = 200


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
    vault_lock: VaultLockHandle | None = None  # this session's share of the vault's OS lock
    # Actions audited as one summary per session (searches: how many, never the text), see `tally`.
    tallies: dict[str, Counter[str]] = field(default_factory=dict)

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

    def tally(self, action: str, **counts: int) -> None:
        """Count an action that is audited as one summary entry per session (DESIGN §5: searches are
        summarised — how many, never the text typed). Written when the session closes, or every
        `TALLY_FLUSH` of them so a crash loses few."""
        counter = self.tallies.setdefault(action, Counter())
        counter.update(counts)
        if counter[TALLY_KEY] >= TALLY_FLUSH:
            self.flush_tallies()

    def flush_tallies(self) -> None:
        """Write the summaries counted so far (one audit entry per action) and start counting afresh."""
        if self.engine is None or not self.tallies:
            return
        pending, self.tallies = self.tallies, {}
        with unit_of_work(self) as work:
            for action, counter in sorted(pending.items()):
                counts: dict[str, Any] = dict(sorted(counter.items()))  # only counts: never target/actor
                work.audit(action, target_type="session", **counts)

    def close(self) -> None:
        if self.engine is not None:
            try:
                self.flush_tallies()
            except Exception:  # closing must never fail (a damaged page, a full disk)
                self.tallies = {}
            hooks, self.on_close = self.on_close, []
            for hook in hooks:  # the anchor: after the last entry, before the engine goes
                try:
                    hook(self)
                except SaikenError:
                    pass  # closing never fails because an anchor could not be written
            self.engine.dispose()
            self.engine = None
        self.signer = None
        if self.vault_lock is not None:
            self.vault_lock.release()  # after the database is closed: another process may open it now
            self.vault_lock = None

    def __enter__(self) -> VaultSession:
        """`with vault.open_vault(...) as session:` closes the session however the block ends."""
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@dataclass
class Work:
    """One transaction: `session` for the ORM, `audit()` to record the action in the same transaction."""

    session: Session
    vault: VaultSession
    pending: list[PendingEntry] = field(default_factory=list)
    baseline: bool = False  # set after a migration or an upgrade: the last entry carries every record
    tail: tuple[int, str] = (0, "")  # the chain's end when the first entry was added

    def audit(
        self,
        action: str,
        *,
        target_type: str | None = None,
        target_id: str | int | None = None,
        actor: str | None = None,
        **details: Any,
    ) -> PendingEntry:
        """Record `action` in this transaction. `details` hold record ids and counts, never personal data.
        The entry's sequence number is known at once (`.seq`); it is chained and signed when the block ends,
        so that its record digests see the records' final state."""
        return audit_writer.add_pending(
            self,
            at=self.vault.clock.now(),
            actor=actor if actor is not None else self.vault.user.name,
            action=action,
            target_type=target_type,
            target_id=None if target_id is None else str(target_id),
            details=details,
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

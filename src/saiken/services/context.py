"""The signed-in vault session and the unit of work every user action runs in.

A service function takes a `VaultSession`, opens ONE transaction with `unit_of_work`, does its work,
records its audit entry in that same transaction with `work.audit(...)`, and returns what changed.
Widgets never hold SQLAlchemy sessions or ORM objects: services return plain dataclasses.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import PermissionDeniedError, SessionClosedError
from saiken.domain.roles import ROLE_LABELS, Capability, Role, capabilities
from saiken.security.audit_chain import GENESIS, canonical_json, entry_hash
from saiken.store.engine import READ_ONLY
from saiken.store.models import AuditEntry, Setting
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


TALLY_KEY = "count"  # the counter every tallied action carries
TALLY_FLUSH = 200


@dataclass
class VaultSession:
    """An open vault for one signed-in user. `close()` drops the engine and the key material."""

    folder: Path
    engine: Engine | None
    user: SignedInUser
    clock: Clock = field(default_factory=lambda: system_clock)
    org_name: str = ""
    org_role: str = ""  # "ward" or "contractor"
    demo: bool = False
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
                work.audit(action, target_type="session", **dict(sorted(counter.items())))

    def close(self) -> None:
        if self.engine is not None:
            try:
                self.flush_tallies()
            except Exception:  # closing must never fail (a damaged page, a full disk)
                self.tallies = {}
            self.engine.dispose()
            self.engine = None
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

    def audit(
        self,
        action: str,
        *,
        target_type: str | None = None,
        target_id: str | int | None = None,
        actor: str | None = None,
        **details: Any,
    ) -> AuditEntry:
        """Append a chained audit entry. `details` must hold record ids and counts, never personal data."""
        return append_audit(
            self.session,
            at=self.vault.clock.now(),
            actor=actor if actor is not None else self.vault.user.name,
            action=action,
            target_type=target_type,
            target_id=None if target_id is None else str(target_id),
            details=details,
        )


AUDIT_HEAD_KEY = "audit_head"


def append_audit(
    session: Session,
    *,
    at: Any,
    actor: str,
    action: str,
    target_type: str | None,
    target_id: str | None,
    details: dict[str, Any],
) -> AuditEntry:
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    fields = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "target_type": target_type,
        "target_id": target_id,
        "details": canonical_json(details),
        "prev_hash": prev,
    }
    digest = entry_hash(**fields)
    entry = AuditEntry(**fields, hash=digest)
    session.add(entry)
    session.merge(Setting(key=AUDIT_HEAD_KEY, value=json.dumps({"count": seq, "hash": digest})))
    session.flush()
    return entry


@contextmanager
def unit_of_work(vault: VaultSession) -> Iterator[Work]:
    """One user action = one transaction (BEGIN IMMEDIATE), committed when the block ends without error."""
    engine = vault.require_open()
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield Work(session=session, vault=vault)


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

"""Holding the vault's OS file lock (one process per vault, DESIGN §5; saiken.store.vault_lock).

Creating, signing in (password or recovery key), checking and restoring take the lock before anything
else touches the folder; a session keeps its share until `VaultSession.close()` (sign-out, idle lock, end
of a CLI command). A second process is refused with VaultInUseError naming the holder. A lock left by a
process that ended without closing the vault (killed, crashed, power cut) is free for the operating
system; the next sign-in takes it and writes `vault.lock_recovered` (who held it, on which PC, since
when) into the audit log in the same transaction as its own `auth.sign_in`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from saiken.domain.clock import Clock
from saiken.services.context import VaultSession, Work
from saiken.store import vault_lock
from saiken.store.vault_lock import VaultLockHandle


@contextmanager
def held(folder: Path, clock: Clock) -> Iterator[VaultLockHandle]:
    """The lock for the length of the block (create, restore, check)."""
    handle = vault_lock.acquire(Path(folder), now=clock.now())
    try:
        yield handle
    finally:
        handle.release()


@contextmanager
def held_for_session(folder: Path, clock: Clock) -> Iterator[VaultLockHandle]:
    """The lock for a session being opened: released if opening fails, else handed to the session."""
    handle = vault_lock.acquire(Path(folder), now=clock.now())
    try:
        yield handle
    except BaseException:
        handle.release()
        raise


def attach(session: VaultSession, handle: VaultLockHandle) -> VaultSession:
    session.vault_lock = handle
    handle.set_account(session.user.name)
    return session


def audit_takeover(work: Work, handle: VaultLockHandle | None) -> None:
    """`vault.lock_recovered` when this sign-in took over from a process that never closed the vault."""
    if handle is None or handle.taken_over is None:
        return
    before = handle.taken_over
    work.audit(
        "vault.lock_recovered",
        target_type="vault",
        previous_account=before.account,
        previous_host=before.host,
        previous_since=before.since.isoformat(timespec="seconds"),
    )

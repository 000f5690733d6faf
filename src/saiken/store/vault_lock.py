"""One process per vault (DESIGN §5): an OS file lock held while the vault is open.

`vault.lock` in the vault folder is locked with the operating system's own file lock (flock on POSIX,
LockFileEx on Windows, through the `filelock` library). The operating system drops the lock the moment
the holding process ends, however it ends — closed, crashed, killed with SIGKILL, the PC switched off —
so a lock is never left behind by a dead process and taking a free lock is always safe. Next to it,
`vault.lock.json` says who holds it, for the message a second process shows (as KeePassXC and LibreOffice
name the holder of a database or document): the account once signed in, the OS account, the PC, the
process id and since when. It holds no personal data and is written after the lock is taken and removed
before it is let go; one found while the lock is free was left by a process that ended without closing
the vault, and the next holder reports it (`VaultLockHandle.taken_over`). The holder file is only a
description — it is never trusted for anything but the message.

Inside one process the lock is shared: every session of the same vault folder holds the same lock (a
reference count), so the sign-in, the demo and the services that open a second session for a moment never
lock themselves out. The lock is taken before a slot is opened and dropped by `VaultSession.close()` (sign
out, idle lock), so a locked window does not keep the vault from another PC.
"""

from __future__ import annotations

import atexit
import datetime as dt
import getpass
import json
import os
import platform
import sys
import threading
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from saiken.domain.clock import JST
from saiken.domain.errors import VaultError, VaultInUseError
from saiken.fsutil import atomic_write_text

LOCK_NAME = "vault.lock"
HOLDER_NAME = "vault.lock.json"
WAIT_SECONDS = 1.0  # how long a second opener waits (a peek by a sign-in window holds it for microseconds)
_FIELD_MAX = 64


def _clean(value: Any) -> str:
    """A holder field fit for a one-line message: printable, short (the file may have been edited)."""
    text = "".join(ch for ch in str(value or "") if ch.isprintable())
    return text[:_FIELD_MAX]


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container): the message says less
        return ""


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or last held) a vault: as written in `vault.lock.json`."""

    account: str  # the Saiken account signed in ("" while signing in)
    os_user: str
    host: str
    pid: int
    since: dt.datetime
    program: str = ""

    @property
    def on_this_pc(self) -> bool:
        return self.host == platform.node()

    def where(self) -> str:
        """`利用者 kanri・PC「WS-021」・2025年9月16日 10:00 から` (Japan time)."""
        who = f"利用者 {self.account}" if self.account else "サインイン中の利用者"
        if self.os_user and self.os_user != self.account:
            who += f"（OS アカウント {self.os_user}）"
        place = "この PC の別のウィンドウ" if self.on_this_pc else f"PC「{self.host or '不明'}」"
        local = self.since.astimezone(JST)
        when = f"{local.year}年{local.month}月{local.day}日 {local:%H:%M} から"
        return f"{who}・{place}・{when}"

    def to_json(self) -> str:
        data = asdict(self)
        data["since"] = self.since.isoformat(timespec="seconds")
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def read_holder(folder: Path) -> LockHolder | None:
    """What `vault.lock.json` says (None when there is none or it cannot be read)."""
    try:
        data = json.loads((Path(folder) / HOLDER_NAME).read_text(encoding="utf-8"))
        since = dt.datetime.fromisoformat(str(data["since"]))
        pid = int(data.get("pid", 0))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if since.tzinfo is None:
        return None
    return LockHolder(
        account=_clean(data.get("account")),
        os_user=_clean(data.get("os_user")),
        host=_clean(data.get("host")),
        pid=pid,
        since=since,
        program=_clean(data.get("program")),
    )


def in_use_error(holder: LockHolder | None) -> VaultInUseError:
    if holder is None:
        message = "この金庫は別のウィンドウか別の PC で開かれています（開いている人の情報は読めません）。"
    else:
        message = f"この金庫は別の場所で開かれています: {holder.where()}。"
    return VaultInUseError(
        message,
        hint="そちらでサインアウトするか閉じてから、もう一度開いてください。同時に開けるのは一か所だけです。",
        holder=holder,
    )


@dataclass
class _Held:
    lock: FileLock
    holder: LockHolder
    count: int
    taken_over: LockHolder | None


_HELD: dict[Path, _Held] = {}
_GUARD = threading.RLock()


def _key(folder: Path) -> Path:
    return Path(folder).resolve()


class VaultLockHandle:
    """One session's share of the process's lock on a vault folder. `release()` may be called twice."""

    def __init__(self, folder: Path, taken_over: LockHolder | None) -> None:
        self.folder = _key(folder)
        self.taken_over = taken_over
        self._released = False

    @property
    def released(self) -> bool:
        return self._released

    @property
    def holder(self) -> LockHolder | None:
        with _GUARD:
            held = _HELD.get(self.folder)
            return held.holder if held is not None else None

    def set_account(self, account: str) -> None:
        """Name the signed-in account in the holder file (after the slot opened)."""
        with _GUARD:
            held = _HELD.get(self.folder)
            if held is None or self._released or held.holder.account:
                return
            held.holder = replace(held.holder, account=_clean(account))
            _write_holder(self.folder, held.holder)

    def release(self) -> None:
        with _GUARD:
            if self._released:
                return
            self._released = True
            held = _HELD.get(self.folder)
            if held is None:
                return
            held.count -= 1
            if held.count > 0:
                return
            del _HELD[self.folder]
            try:
                (self.folder / HOLDER_NAME).unlink(missing_ok=True)
            except OSError:
                pass  # a read-only folder: the next holder finds it and says the vault was not closed
            held.lock.release()


def _write_holder(folder: Path, holder: LockHolder) -> None:
    try:
        atomic_write_text(folder / HOLDER_NAME, holder.to_json())
    except OSError:
        pass  # the lock is what protects the vault; without the file the message just says less


def acquire(
    folder: Path, *, now: dt.datetime, program: str = "", wait: float = WAIT_SECONDS
) -> VaultLockHandle:
    """Take (or share, within this process) the vault folder's lock. VaultInUseError when another process
    holds it; VaultError when the folder cannot hold a lock file."""
    key = _key(folder)
    with _GUARD:
        held = _HELD.get(key)
        if held is not None:
            held.count += 1
            return VaultLockHandle(key, None)
        lock = FileLock(key / LOCK_NAME, mode=0o600, thread_local=False, timeout=wait)
        try:
            lock.acquire(timeout=wait)
        except Timeout:
            raise in_use_error(read_holder(key)) from None
        except OSError as error:
            raise VaultError(
                f"金庫のフォルダ {key} に使用中の印（{LOCK_NAME}）を作れません。",
                hint="フォルダの権限と空き容量を確かめてください。",
            ) from error
        taken_over = read_holder(key)  # left by a process that ended without closing the vault
        holder = LockHolder(
            account="",
            os_user=_clean(_os_user()),
            host=_clean(platform.node()),
            pid=os.getpid(),
            since=now,
            program=_clean(program or Path(sys.argv[0] if sys.argv else "").name),
        )
        _write_holder(key, holder)
        _HELD[key] = _Held(lock=lock, holder=holder, count=1, taken_over=taken_over)
        return VaultLockHandle(key, taken_over)


@dataclass(frozen=True)
class LockStatus:
    """What a start-up screen shows before signing in. `in_use`: another process holds the vault now
    (`holder` says who, when the file can be read); otherwise `stale` is the holder of a process that ended
    without closing it (the next sign-in takes over safely)."""

    in_use: bool
    holder: LockHolder | None = None
    stale: LockHolder | None = None


def status(folder: Path) -> LockStatus:
    """Whether another process holds the vault folder now. Takes the free lock for an instant to find out
    (`acquire` waits `WAIT_SECONDS`, so an opener that meets this probe is not turned away)."""
    key = _key(folder)
    with _GUARD:
        if key in _HELD:
            return LockStatus(in_use=False)
        if not (key / LOCK_NAME).exists():
            return LockStatus(in_use=False, stale=read_holder(key))
        probe = FileLock(key / LOCK_NAME, mode=0o600, thread_local=False, timeout=0)
        try:
            probe.acquire(timeout=0)
        except Timeout:
            return LockStatus(in_use=True, holder=read_holder(key))
        except OSError:
            return LockStatus(in_use=False)
        try:
            return LockStatus(in_use=False, stale=read_holder(key))
        finally:
            probe.release()


@atexit.register
def _release_all() -> None:
    """At a normal exit (window closed, command ended, sys.exit) every lock this process still holds is
    let go and its holder file removed, so the next opener does not report a vault left open."""
    with _GUARD:
        for key, held in list(_HELD.items()):
            del _HELD[key]
            try:
                (key / HOLDER_NAME).unlink(missing_ok=True)
            except OSError:
                pass
            held.lock.release(force=True)


def held_here(folder: Path) -> bool:
    """True while a session of this process holds the vault folder."""
    with _GUARD:
        return _key(folder) in _HELD

"""Failed sign-ins: the brake (`signin_failures.json` in the vault folder) and what reaches the audit log.

**The brake.** Without the password there is no key to write into the encrypted vault, so failures are
counted in a small plaintext file, per account, under a hash of the vault id and the account name (no
names, no personal data). After `FREE_TRIES` failures every further try must wait 30 s, 60 s, 120 s … up
to `MAX_DELAY_SECONDS`; the count survives restarts and is reset by a successful sign-in. Nothing is ever
destroyed. A damaged file counts as empty and a time in the future as now, so a hand-edited file can
neither lift the brake for long (deleting it does, which is why the key derivation cost is the real
protection) nor lock anyone out for longer than `MAX_DELAY_SECONDS`.

**The audit log (DESIGN §5: the brake's state is not trusted for audit).** Anybody who can write the folder
can write this file, and before sign-in the application holds no secret that such a person could not also
use (a MAC key derivable without the password would be derivable by them too), so nothing in the file is
copied into the audit log as if it were a fact:
- failures this process saw itself (the sign-in window, a CLI retry loop) are kept in memory with the time
  the application's clock gave them, and written one entry each at the next successful sign-in in this
  process (`Settled.seen`);
- failures the file reports beyond those (other processes, other PCs — or a forger) become ONE number for
  the account that signs in (`Settled.elsewhere`, capped at `MAX_REPORTED`), which the audit entry labels
  as reported by the file. No time, account or other field written in the file reaches the audit log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from saiken.fsutil import atomic_write_text
from saiken.security.kdf import normalise_password

FILE_NAME = "signin_failures.json"
FORMAT = 2
FREE_TRIES = 5
FIRST_DELAY_SECONDS = 30
MAX_DELAY_SECONDS = 15 * 60
MAX_REPORTED = 10_000  # a larger count in the file is reported as this
MAX_SEEN = 500  # failures remembered in memory per vault until the next successful sign-in


def principal_hash(vault_id: str, name: str) -> str:
    text = f"{vault_id}\0{normalise_password(name).casefold()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def delay_after(failures: int) -> int:
    """Seconds to wait after `failures` consecutive failures (0 while under the free tries)."""
    if failures < FREE_TRIES:
        return 0
    return int(min(FIRST_DELAY_SECONDS * 2 ** min(failures - FREE_TRIES, 20), MAX_DELAY_SECONDS))


@dataclass(frozen=True)
class PendingFailure:
    """A failure this process saw: whose (the principal hash) and when, by the application's clock."""

    principal: str
    at: dt.datetime


@dataclass(frozen=True)
class Settled:
    """What a successful sign-in hands to the audit log: the failures seen here, and how many more the
    brake file reports for the account signing in (unverified)."""

    seen: list[PendingFailure]
    elsewhere: int


# Failures seen by this process, per vault id, until a successful sign-in there writes them down.
_SEEN: dict[str, list[PendingFailure]] = {}
_SEEN_LOCK = threading.Lock()


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return 0
    return min(value, MAX_REPORTED)


def _moment(value: Any) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


class FailureLog:
    def __init__(self, folder: Path, vault_id: str) -> None:
        self.path = Path(folder) / FILE_NAME
        self.vault_id = vault_id

    def _read(self) -> dict[str, dict[str, Any]]:
        """{principal hash: {"count", "last", "audited"}}; anything unreadable counts as nothing."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError, OSError):
            return {}
        principals = data.get("principals") if isinstance(data, dict) else None
        if not isinstance(principals, dict):
            return {}
        return {str(k): v for k, v in principals.items() if isinstance(v, dict)}

    def _write(self, principals: dict[str, dict[str, Any]]) -> None:
        document = {"format": FORMAT, "principals": principals}
        atomic_write_text(self.path, json.dumps(document, sort_keys=True, indent=1) + "\n")

    def retry_after(self, name: str, now: dt.datetime) -> float:
        """Seconds until `name` may try again (0 = now); never more than MAX_DELAY_SECONDS."""
        entry = self._read().get(principal_hash(self.vault_id, name))
        if entry is None:
            return 0.0
        last = _moment(entry.get("last"))
        if last is None:
            return 0.0
        elapsed = max(0.0, (now - last).total_seconds())  # a time in the future counts as now
        return max(0.0, delay_after(_count(entry.get("count"))) - elapsed)

    def record_failure(self, name: str, now: dt.datetime) -> int:
        """Count one failure (in the file, and in this process's memory); returns the consecutive count."""
        principals = self._read()
        key = principal_hash(self.vault_id, name)
        entry = principals.get(key, {})
        count = min(_count(entry.get("count")) + 1, MAX_REPORTED)
        principals[key] = {
            "count": count,
            "last": now.isoformat(),
            "audited": min(_count(entry.get("audited")), count),
        }
        self._write(principals)
        with _SEEN_LOCK:
            seen = _SEEN.setdefault(self.vault_id, [])
            seen.append(PendingFailure(key, now))
            del seen[:-MAX_SEEN]
        return count

    def failures(self, name: str) -> int:
        entry = self._read().get(principal_hash(self.vault_id, name))
        return _count(entry.get("count")) if entry is not None else 0

    def settle(self, name: str) -> Settled:
        """After `name` signed in: reset their count and hand back what the audit log may record."""
        key = principal_hash(self.vault_id, name)
        with _SEEN_LOCK:
            seen = _SEEN.pop(self.vault_id, [])
        principals = self._read()
        entry = principals.pop(key, None)
        seen_for_name = sum(1 for failure in seen if failure.principal == key)
        elsewhere = 0
        if entry is not None:
            count = _count(entry.get("count"))
            elsewhere = max(0, count - min(_count(entry.get("audited")), count) - seen_for_name)
        for failure in seen:  # other accounts' failures seen here are in the audit now: not reported again
            other = principals.get(failure.principal)
            if other is not None:
                other["audited"] = min(_count(other.get("audited")) + 1, _count(other.get("count")))
        if entry is not None or seen:
            self._write(principals)
        return Settled(seen=seen, elsewhere=elsewhere)

    def record_success(self, name: str) -> list[PendingFailure]:
        """`settle(name).seen`: the failures this process saw, for the audit log."""
        return self.settle(name).seen


def forget_seen() -> None:
    """Drop the failures remembered in memory (tests simulate a new process with this)."""
    with _SEEN_LOCK:
        _SEEN.clear()

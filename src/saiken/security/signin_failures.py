"""Failed sign-ins, counted in a small plaintext file in the vault folder (`signin_failures.json`).

Without the password there is no key to write into the encrypted vault, so failures are kept here, per
account, under a hash of the vault id and the account name (no names, no personal data). After
`FREE_TRIES` failures every further try must wait 30 s, 60 s, 120 s … up to `MAX_DELAY_SECONDS`; the
count survives restarts and is reset by a successful sign-in. Nothing is ever destroyed. Each failure
is also queued (`pending`) so the next successful sign-in writes it into the audit log.
If the file is damaged it is treated as empty (and rewritten on the next failure) — the delay is a brake,
the key derivation cost is the real protection.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from saiken.fsutil import atomic_write_text
from saiken.security.kdf import normalise_password

FILE_NAME = "signin_failures.json"
FREE_TRIES = 5
FIRST_DELAY_SECONDS = 30
MAX_DELAY_SECONDS = 15 * 60
MAX_PENDING = 500


def principal_hash(vault_id: str, name: str) -> str:
    text = f"{vault_id}\0{normalise_password(name).casefold()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def delay_after(failures: int) -> int:
    """Seconds to wait after `failures` consecutive failures (0 while under the free tries)."""
    if failures < FREE_TRIES:
        return 0
    return min(FIRST_DELAY_SECONDS * 2 ** (failures - FREE_TRIES), MAX_DELAY_SECONDS)


@dataclass(frozen=True)
class PendingFailure:
    principal: str
    at: dt.datetime


class FailureLog:
    def __init__(self, folder: Path, vault_id: str) -> None:
        self.path = Path(folder) / FILE_NAME
        self.vault_id = vault_id

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError, UnicodeDecodeError, OSError):
            return {"format": 1, "principals": {}, "pending": []}
        if not isinstance(data, dict) or not isinstance(data.get("principals"), dict):
            return {"format": 1, "principals": {}, "pending": []}
        if not isinstance(data.get("pending"), list):
            data["pending"] = []
        return data

    def _write(self, data: dict) -> None:
        atomic_write_text(self.path, json.dumps(data, sort_keys=True, indent=1) + "\n")

    def retry_after(self, name: str, now: dt.datetime) -> float:
        """Seconds until `name` may try again (0 = now)."""
        entry = self._read()["principals"].get(principal_hash(self.vault_id, name))
        if not isinstance(entry, dict):
            return 0.0
        try:
            failures = int(entry["count"])
            last = dt.datetime.fromisoformat(entry["last"])
        except (KeyError, TypeError, ValueError):
            return 0.0
        wait = delay_after(failures) - (now - last).total_seconds()
        return max(0.0, wait)

    def record_failure(self, name: str, now: dt.datetime) -> int:
        """Count one failure; returns the consecutive count."""
        data = self._read()
        key = principal_hash(self.vault_id, name)
        entry = data["principals"].get(key)
        count = (int(entry.get("count", 0)) if isinstance(entry, dict) else 0) + 1
        data["principals"][key] = {"count": count, "last": now.isoformat()}
        data["pending"] = [*data["pending"], {"principal": key, "at": now.isoformat()}][-MAX_PENDING:]
        self._write(data)
        return count

    def failures(self, name: str) -> int:
        entry = self._read()["principals"].get(principal_hash(self.vault_id, name))
        return int(entry.get("count", 0)) if isinstance(entry, dict) else 0

    def record_success(self, name: str) -> list[PendingFailure]:
        """Reset `name`'s count; hand back (and clear) every queued failure for the audit log."""
        data = self._read()
        pending: list[PendingFailure] = []
        for item in data["pending"]:
            try:
                pending.append(PendingFailure(str(item["principal"]), dt.datetime.fromisoformat(item["at"])))
            except (KeyError, TypeError, ValueError):
                continue
        key = principal_hash(self.vault_id, name)
        if key in data["principals"] or data["pending"]:
            data["principals"].pop(key, None)
            data["pending"] = []
            self._write(data)
        return pending

"""Unlock time (issues 2 and 6 Must hold: ≤ 0.6 s median on a 2-core machine), through
`saiken.services.vault.open_vault`: Argon2id key derivation of the member's slot + unsealing their private
keys and the master key + opening the SQLCipher database + checking the signed membership log and this OS
account's anchor + the signed sign-in audit entry + a first query (the lock afterwards is not timed).

The vault is made in a temp folder with fictional names; device binding is on, with an in-memory keyring
backend installed through keyring's own API (so the real credential store is never touched). The key
derivation alone is reported beside it, and the Argon2id parameters are in the row names.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend

from benchmarks.harness import Report, measure
from saiken.security.kdf import DEFAULT_PARAMS, derive_key, new_salt
from saiken.services import users, vault

PASSWORD = "ベンチマーク用の長い合言葉"


class _MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def _params() -> str:
    p = DEFAULT_PARAMS
    return f"Argon2id m={p.memory_kib // 1024} MiB, t={p.iterations}, p={p.lanes}"


def unlock_once(folder: Path) -> float:
    """Seconds from password to the answer of the first query, then lock."""
    started = time.perf_counter()
    session = vault.open_vault(folder, "bench", PASSWORD)
    users.list_users(session)
    elapsed = time.perf_counter() - started
    vault.lock(session)
    return elapsed


def run(report: Report) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(_MemoryKeyring())
    try:
        with tempfile.TemporaryDirectory(prefix="saiken-bench-unlock-") as tmp:
            folder = Path(tmp) / "vault"
            created = vault.create_vault(
                folder,
                org_role="contractor",
                org_name="架空法律事務所",
                admin_user="bench",
                admin_password=PASSWORD,
                device_binding=True,
            )
            repeat = report.size(7, 3)
            unlock_once(folder)  # warm-up: imports, first-use caches
            own = [unlock_once(folder) for _ in range(repeat)]
            note = f"{_params()}; device binding {'on' if created.device_bound else 'off'}; {os.cpu_count()} CPUs"
            report.value(
                f"unlock: derivation + open + first query ({_params()})", own, "s", goal=0.6, note=note
            )
            salt = new_salt()
            kdf = measure(
                lambda: derive_key(PASSWORD, salt, DEFAULT_PARAMS, device_secret=b"d" * 32),
                repeat=repeat,
                warmup=1,
            )
            report.value(f"key derivation alone ({_params()})", kdf, "s")
    finally:
        keyring.set_keyring(previous)

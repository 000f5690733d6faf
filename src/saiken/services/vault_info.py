"""What the start-up screens need before anyone signs in, cheap to import (DESIGN §5; docs/services.md).

Where the vault lives, whether there is one, and what keys.json says about it (organisation, account
names, binding and demo flags; no personal data, no password needed). This module imports only the
standard library, platformdirs and saiken.security.keyfile_document — no SQLAlchemy, Alembic, SQLCipher,
cryptography or keyring — so the sign-in window can be shown at once; the heavy `saiken.services.vault`
(which re-exports all of this) is imported when the user actually signs in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from saiken.security.keyfile_document import FILE_NAME, load_document

APP_NAME = "SaikenDesk"
DB_NAME = "vault.db"
KEYS_NAME = FILE_NAME


@dataclass(frozen=True)
class VaultInfo:
    org_name: str
    org_role: str
    vault_id: str
    device_bound: bool
    user_names: list[str]
    created_at: str
    demo: bool = False


def default_vault_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "vault"


def default_demo_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "demo-vault"


def vault_exists(folder: Path) -> bool:
    folder = Path(folder)
    return (folder / KEYS_NAME).is_file() or (folder / DB_NAME).is_file()


def read_vault_info(folder: Path) -> VaultInfo:
    """What the sign-in screen shows, from keys.json (no password needed, no personal data).
    CorruptFileError (Japanese, with a hint) when keys.json is missing, unreadable or not one of ours."""
    document = load_document(Path(folder))
    header = document.header
    return VaultInfo(
        org_name=str(header["org_name"]),
        org_role=str(header["org_role"]),
        vault_id=document.vault_id,
        device_bound=document.device_bound,
        user_names=document.user_names(),
        created_at=str(header["created_at"]),
        demo=bool(header["demo"]),
    )


@dataclass(frozen=True)
class VaultUse:
    """Whether the vault is open somewhere else right now (`where`: who, which PC, since when, in
    Japanese), or was left open by a process that ended without closing it (`left_open`)."""

    in_use: bool
    where: str = ""
    left_open: str = ""


def vault_use(folder: Path) -> VaultUse:
    """For the sign-in screen, before anyone types a password (saiken.store.vault_lock; loads filelock)."""
    from saiken.store import vault_lock

    status = vault_lock.status(Path(folder))
    return VaultUse(
        in_use=status.in_use,
        where=status.holder.where() if status.holder is not None else "",
        left_open=status.stale.where() if status.stale is not None else "",
    )


def keyring_available() -> bool:
    """True when this OS account has a keyring backend that can store the device secret.
    Cheap to import, not to call: the first call imports keyring and probes its backends (tens of ms)."""
    from saiken.security.device_secret import keyring_available as probe

    return probe()


__all__ = [
    "APP_NAME",
    "DB_NAME",
    "KEYS_NAME",
    "VaultInfo",
    "VaultUse",
    "default_demo_dir",
    "default_vault_dir",
    "keyring_available",
    "read_vault_info",
    "vault_exists",
    "vault_use",
]

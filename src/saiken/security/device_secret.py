"""The device secret: 32 random bytes kept in the OS credential store (keyring), one per vault.

Service "saiken-desk", user name = the vault id. Stored as base64 text (44 characters). With no usable
keyring backend (headless Linux: keyring.backends.fail.Keyring, or a backend that raises) vaults are made
without device binding; that is a documented state, not an error.
"""

from __future__ import annotations

import base64
import binascii
import secrets

import keyring
import keyring.errors
from keyring.backends import fail

from saiken.domain.errors import VaultError

SERVICE = "saiken-desk"
SECRET_BYTES = 32


def keyring_available() -> bool:
    """True when keyring has a backend that can store secrets on this OS account."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # keyring raises various errors while probing backends
        return False
    if isinstance(backend, fail.Keyring):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:
        return False


def new_device_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)


def encode_secret(secret: bytes) -> str:
    return base64.b64encode(secret).decode("ascii")


def decode_secret(text: str) -> bytes | None:
    try:
        value = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    return value if 16 <= len(value) <= 64 else None


def load_device_secret(vault_id: str) -> bytes | None:
    """The secret for `vault_id` on this OS account, or None when there is none (or no keyring)."""
    if not keyring_available():
        return None
    try:
        text = keyring.get_password(SERVICE, vault_id)
    except keyring.errors.KeyringError:
        return None
    return decode_secret(text) if text else None


def store_device_secret(vault_id: str, secret: bytes) -> None:
    if not keyring_available():
        raise VaultError(
            "この PC には鍵の保管場所（キーリング）がありません。端末への結び付けを使わずに金庫を作成してください。"
        )
    try:
        keyring.set_password(SERVICE, vault_id, encode_secret(secret))
    except keyring.errors.KeyringError as error:
        raise VaultError(
            "端末の鍵を OS の資格情報ストアに保存できませんでした。管理者に連絡してください。"
        ) from error


def forget_device_secret(vault_id: str) -> None:
    try:
        keyring.delete_password(SERVICE, vault_id)
    except keyring.errors.KeyringError:
        pass

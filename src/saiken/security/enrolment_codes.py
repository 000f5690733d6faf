"""One-time enrolment codes for another OS account or PC (issue 6 item 8).

A bound vault's slots need the vault's device secret, kept in each OS account's credential store; a new
account gets it from an admin's enrolment code. The code is NOT the device secret (as it was before): it is
a fresh random code of 100 bits (`ABCD-EFGH-JKLM-NPQR-STUV`, the alphabet of generated passwords), which
opens one sealed copy of the device secret kept in `device_enrolment.json` in the vault folder (AES-256-GCM
under HKDF-SHA256 of the code; the copy's id, expiry and intended account are the associated data, so they
cannot be changed without the code). The copy is deleted when the code is used or found expired, and the
vault's database keeps the authoritative record (issued, expires, used) which the application checks after
the sign-in — so a code, once used or expired, opens nothing in the live vault.

What a one-time code cannot do (said in README): a person who saved a copy of the folder while the code was
valid, and knows the code, can open that copy's sealed secret with a program of their own. Treat the code
like a password and hand it only to the person who enrols; it also needs that person's own password.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from saiken.domain.errors import ValidationError
from saiken.domain.generated_passwords import ALPHABET
from saiken.fsutil import atomic_write_text

FILE_NAME = "device_enrolment.json"
FORMAT = 1
SYMBOLS = 20  # 20 symbols of 32 = 100 bits
GROUP = 4
_SEPARATORS = frozenset(" -_\u3000ー‐−\t\n")


def new_code() -> str:
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(SYMBOLS))
    return "-".join(symbols[i : i + GROUP] for i in range(0, SYMBOLS, GROUP))


def normalise_code(text: str) -> str:
    """The canonical form of a typed code (case, width, spaces and hyphens forgiven); never echoes it."""
    symbols = "".join(ch for ch in unicodedata.normalize("NFKC", text or "").upper() if ch not in _SEPARATORS)
    if len(symbols) != SYMBOLS or any(ch not in ALPHABET for ch in symbols):
        raise ValidationError(
            f"端末登録コードの形が正しくありません（{SYMBOLS // GROUP} 組 {SYMBOLS} 文字。"
            "数字の 0・1 と英字の I・O は使われていません）。管理者が表示したコードをもう一度確かめてください。"
        )
    return "-".join(symbols[i : i + GROUP] for i in range(0, SYMBOLS, GROUP))


@dataclass(frozen=True)
class SealedSecret:
    """One code's sealed copy of the device secret, as kept in device_enrolment.json."""

    code_id: str
    expires_at: dt.datetime
    for_user: str  # "" = any account of the vault
    salt: bytes
    nonce: bytes
    sealed: bytes

    def expired(self, now: dt.datetime) -> bool:
        return now >= self.expires_at

    def to_dict(self) -> dict[str, str]:
        return {
            "id": self.code_id,
            "expires_at": self.expires_at.isoformat(timespec="seconds"),
            "for_user": self.for_user,
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "nonce": base64.b64encode(self.nonce).decode("ascii"),
            "sealed": base64.b64encode(self.sealed).decode("ascii"),
        }


def _key(vault_id: str, code: str, salt: bytes) -> bytes:
    kdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=f"saiken-enrolment\0{vault_id}".encode())
    return kdf.derive(normalise_code(code).encode("ascii"))


def _associated(vault_id: str, code_id: str, expires_at: dt.datetime, for_user: str) -> bytes:
    return json.dumps(
        [vault_id, code_id, expires_at.isoformat(timespec="seconds"), for_user], ensure_ascii=False
    ).encode("utf-8")


def seal(
    vault_id: str, code: str, device_secret: bytes, *, expires_at: dt.datetime, for_user: str = ""
) -> SealedSecret:
    code_id = secrets.token_hex(8)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    expires_at = expires_at.replace(microsecond=0)
    sealed = AESGCM(_key(vault_id, code, salt)).encrypt(
        nonce, device_secret, _associated(vault_id, code_id, expires_at, for_user)
    )
    return SealedSecret(code_id, expires_at, for_user, salt, nonce, sealed)


def unseal(vault_id: str, code: str, entry: SealedSecret) -> bytes | None:
    """The device secret when `code` is the entry's code (and nothing in it was changed), else None."""
    try:
        return AESGCM(_key(vault_id, code, entry.salt)).decrypt(
            entry.nonce, entry.sealed, _associated(vault_id, entry.code_id, entry.expires_at, entry.for_user)
        )
    except InvalidTag:
        return None


def _entry(item: Any) -> SealedSecret | None:
    try:
        expires = dt.datetime.fromisoformat(str(item["expires_at"]))
        if expires.tzinfo is None:
            return None
        return SealedSecret(
            code_id=str(item["id"]),
            expires_at=expires,
            for_user=str(item.get("for_user", "")),
            salt=base64.b64decode(item["salt"], validate=True),
            nonce=base64.b64decode(item["nonce"], validate=True),
            sealed=base64.b64decode(item["sealed"], validate=True),
        )
    except (KeyError, TypeError, ValueError):
        return None


class SealedSecrets:
    """device_enrolment.json: the sealed copies of codes not yet used. A damaged file counts as empty."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / FILE_NAME

    def entries(self) -> list[SealedSecret]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            return []
        items = data.get("codes") if isinstance(data, dict) else None
        if not isinstance(items, list):
            return []
        return [entry for entry in map(_entry, items) if entry is not None]

    def _save(self, entries: list[SealedSecret]) -> None:
        if not entries:
            self.path.unlink(missing_ok=True)
            return
        document = {"format": FORMAT, "codes": [e.to_dict() for e in entries]}
        atomic_write_text(self.path, json.dumps(document, indent=1, sort_keys=True) + "\n")

    def add(self, entry: SealedSecret, *, now: dt.datetime) -> None:
        self._save([e for e in self.entries() if not e.expired(now)] + [entry])

    def remove(self, code_ids: set[str], *, now: dt.datetime) -> None:
        """Drop the given entries and every expired one."""
        kept = [e for e in self.entries() if e.code_id not in code_ids and not e.expired(now)]
        if len(kept) != len(self.entries()):
            self._save(kept)

    def find(self, vault_id: str, code: str) -> tuple[SealedSecret, bytes] | None:
        for entry in self.entries():
            secret = unseal(vault_id, code, entry)
            if secret is not None:
                return entry, secret
        return None

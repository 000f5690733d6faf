"""keys.json format 1 (commit 9130a90 and before), read to open and upgrade an existing vault: key slots that
each wrap the vault's 256-bit master key directly. The writing half stays for tests that build such files and
for the legacy slots a format-2 file keeps until their members sign in (saiken.security.keyfile).

    {"format": 1,
     "header": {"vault_id", "created_at", "org_name", "org_role", "device_bound", "demo",
                "slots": {slot_id: salt}},               # the current slot of every principal
     "header_mac": hex,                                   # HMAC-SHA256, key = HKDF(master key)
     "slots": [{"id": "u3" | "recovery", "kind": "user" | "recovery", "user_id", "user_name", "bound",
                "must_change", "created_at", "kdf": {...}, "salt", "nonce", "wrapped", "check"}]}

Why this shape:
- Every slot is openable on its own. Its AES-256-GCM tag authenticates the wrapped key together with the
  associated data: the format, the vault id, the user id and every other field of the slot (so no field
  can be altered without the tag failing). A damaged slot therefore affects only its own user.
- `check` is a plain SHA-256 of the slot's fields. It is not security (anyone can recompute it); it lets
  us tell a damaged slot ("this slot is broken") from a wrong password (the tag fails but the check holds).
- The header is authenticated with an HMAC keyed from the master key and verified after any slot opens.
  It lists the salt of each principal's current slot, so an old slot copied back in (a removed user, an
  old password) is refused, and organisation, binding and demo flags cannot be edited unnoticed.
- Nothing personal is stored: account names, no display names; organisation name and role.
The file is written atomically (saiken.fsutil). Loading never rewrites it. Reading and the structural
check live in saiken.security.keyfile_document (no cryptography, cheap to import before sign-in).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from saiken.domain.errors import CorruptFileError, VaultError, WrongPasswordError
from saiken.fsutil import atomic_write_text
from saiken.security.audit_chain import canonical_json
from saiken.security.kdf import DEFAULT_PARAMS, KEY_BYTES, KdfParams, derive_key, new_salt
from saiken.security.keyfile_document import (
    BROKEN_HINT,
    FILE_NAME,
    LEGACY_FORMAT,
    RECOVERY_SLOT,
    KeyDocument,
    parse_document,
    read_document_bytes,
)

FORMAT = LEGACY_FORMAT

_SLOT_FIELDS = ("id", "kind", "user_id", "user_name", "bound", "must_change", "created_at", "kdf", "salt")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def user_slot_id(user_id: int) -> str:
    return f"u{user_id}"


@dataclass(frozen=True)
class Slot:
    """A parsed, structurally sound slot (its tag is only checked when opened)."""

    id: str
    kind: str
    user_id: int
    user_name: str
    bound: bool
    must_change: bool
    created_at: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes

    legacy = True  # a format-1 slot: it wraps the master key itself, no key pairs

    def fields(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "user_id": self.user_id,
            "user_name": self.user_name,
            "bound": self.bound,
            "must_change": self.must_change,
            "created_at": self.created_at,
            "kdf": self.kdf.as_dict(),
            "salt": _b64(self.salt),
        }

    def to_json(self) -> dict[str, Any]:
        data = self.fields()
        data["nonce"] = _b64(self.nonce)
        data["wrapped"] = _b64(self.wrapped)
        data["check"] = _check(data)
        return data


def _check(data: dict[str, Any]) -> str:
    body = {k: data[k] for k in (*_SLOT_FIELDS, "nonce", "wrapped")}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def _aad(vault_id: str, fields: dict[str, Any]) -> bytes:
    return canonical_json({"format": FORMAT, "vault_id": vault_id, "slot": fields}).encode("utf-8")


def parse_slot(raw: object, *, who: str) -> Slot:
    """Check one slot's structure and checksum; CorruptFileError names the principal, not the content."""
    broken = CorruptFileError(
        f"鍵ファイルの「{who}」の鍵スロットが壊れています。",
        hint="復旧キーで開いたうえで、管理者がこの利用者のパスワードを設定し直してください。",
    )
    if not isinstance(raw, dict):
        raise broken
    try:
        if raw.get("check") != _check(raw):
            raise broken
        kind = raw["kind"]
        if kind not in ("user", "recovery") or not isinstance(raw["user_name"], str):
            raise broken
        if not all(isinstance(raw[k], bool) for k in ("bound", "must_change")):
            raise broken
        slot = Slot(
            id=str(raw["id"]),
            kind=kind,
            user_id=int(raw["user_id"]),
            user_name=raw["user_name"],
            bound=raw["bound"],
            must_change=raw["must_change"],
            created_at=str(raw["created_at"]),
            kdf=KdfParams.from_dict(raw["kdf"]),
            salt=_unb64(raw["salt"]),
            nonce=_unb64(raw["nonce"]),
            wrapped=_unb64(raw["wrapped"]),
        )
    except (KeyError, TypeError, ValueError, binascii.Error, CorruptFileError) as error:
        raise broken from error
    if len(slot.nonce) != 12 or len(slot.wrapped) != KEY_BYTES + 16:
        raise broken
    return slot


def make_slot(
    vault_id: str,
    *,
    slot_id: str,
    kind: str,
    user_id: int,
    user_name: str,
    secret_text: str,
    master_key: bytes,
    created_at: str,
    device_secret: bytes | None = None,
    must_change: bool = False,
    params: KdfParams = DEFAULT_PARAMS,
) -> Slot:
    salt = new_salt()
    probe = Slot(
        slot_id,
        kind,
        user_id,
        user_name,
        device_secret is not None,
        must_change,
        created_at,
        params,
        salt,
        b"",
        b"",
    )
    wrapping_key = derive_key(secret_text, salt, params, device_secret=device_secret)
    nonce = os.urandom(12)
    wrapped = AESGCM(wrapping_key).encrypt(nonce, master_key, _aad(vault_id, probe.fields()))
    return Slot(**{**probe.__dict__, "nonce": nonce, "wrapped": wrapped})


def open_slot(vault_id: str, slot: Slot, secret_text: str, *, device_secret: bytes | None) -> bytes:
    """The master key, or WrongPasswordError when the password (or device secret) does not fit."""
    wrapping_key = derive_key(
        secret_text, slot.salt, slot.kdf, device_secret=device_secret if slot.bound else None
    )
    try:
        return AESGCM(wrapping_key).decrypt(slot.nonce, slot.wrapped, _aad(vault_id, slot.fields()))
    except InvalidTag as error:
        raise WrongPasswordError("利用者名またはパスワードが違います。") from error


def _mac_key(master_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"saiken keys.json header v1").derive(
        master_key
    )


@dataclass
class KeyFile(KeyDocument):
    """keys.json with its slots opened, changed and sealed (the reading itself: keyfile_document)."""

    def slot(self, *, user_name: str | None = None, slot_id: str | None = None) -> Slot | None:
        raw = self.find_raw(user_name=user_name, slot_id=slot_id)
        if raw is None:
            return None
        return parse_slot(raw, who=user_name or ("復旧キー" if slot_id == RECOVERY_SLOT else str(slot_id)))

    # --- changes (the caller holds the master key and saves the file afterwards) ---------------------
    def put_slot(self, slot: Slot, master_key: bytes) -> None:
        self.raw_slots = [
            raw for raw in self.raw_slots if not (isinstance(raw, dict) and raw.get("id") == slot.id)
        ]
        self.raw_slots.append(slot.to_json())
        self.header["slots"][slot.id] = _b64(slot.salt)
        self.seal(master_key)

    def drop_slot(self, slot_id: str, master_key: bytes) -> None:
        self.raw_slots = [
            raw for raw in self.raw_slots if not (isinstance(raw, dict) and raw.get("id") == slot_id)
        ]
        self.header["slots"].pop(slot_id, None)
        self.seal(master_key)

    def seal(self, master_key: bytes) -> None:
        body = canonical_json({"format": FORMAT, "header": self.header}).encode("utf-8")
        self.header_mac = hmac.new(_mac_key(master_key), body, hashlib.sha256).hexdigest()

    def verify(self, master_key: bytes, slot: Slot) -> None:
        """After a slot opened: the header is authentic and the slot is its principal's current one."""
        body = canonical_json({"format": FORMAT, "header": self.header}).encode("utf-8")
        expected = hmac.new(_mac_key(master_key), body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, self.header_mac):
            raise CorruptFileError(
                "鍵ファイル（keys.json）の見出しが書き換えられています。", hint=BROKEN_HINT
            )
        if self.header["slots"].get(slot.id) != _b64(slot.salt):
            raise CorruptFileError(
                "この鍵スロットは現在のものではありません（古いスロットが戻された疑い）。", hint=BROKEN_HINT
            )

    def to_text(self) -> str:
        return (
            json.dumps(
                {
                    "format": FORMAT,  # (format 1)
                    "header": self.header,
                    "header_mac": self.header_mac,
                    "slots": self.raw_slots,
                },
                ensure_ascii=False,
                indent=1,
                sort_keys=True,
            )
            + "\n"
        )

    def save(self, folder: Path, name: str = FILE_NAME) -> None:
        """Atomic write; on failure the old file is untouched and VaultError says what to check."""
        try:
            atomic_write_text(Path(folder) / name, self.to_text())
        except OSError as error:
            raise VaultError(
                "鍵ファイル（keys.json）を書き込めませんでした。変更は取り消しました。",
                hint="ディスクの空き容量と、金庫のフォルダへの書き込み権限を確かめてください。",
            ) from error


def new_keyfile(
    *, vault_id: str, created_at: str, org_name: str, org_role: str, device_bound: bool, demo: bool
) -> KeyFile:
    header = {
        "vault_id": vault_id,
        "created_at": created_at,
        "org_name": org_name,
        "org_role": org_role,
        "device_bound": device_bound,
        "demo": demo,
        "slots": {},
    }
    return KeyFile(header=header, header_mac="", format=FORMAT)


def parse_keyfile(data: bytes) -> KeyFile:
    document = parse_document(data)
    if document.format != FORMAT:
        raise CorruptFileError("鍵ファイル（keys.json）が旧形式（形式 1）ではありません。", hint=BROKEN_HINT)
    return KeyFile(
        header=document.header, header_mac=document.header_mac, raw_slots=document.raw_slots, format=FORMAT
    )


def load_keyfile(folder: Path, name: str = FILE_NAME) -> KeyFile:
    return parse_keyfile(read_document_bytes(folder, name))


__all__ = [
    "FILE_NAME",
    "FORMAT",
    "RECOVERY_SLOT",
    "KeyFile",
    "Slot",
    "load_keyfile",
    "make_slot",
    "new_keyfile",
    "open_slot",
    "parse_keyfile",
    "parse_slot",
    "user_slot_id",
]

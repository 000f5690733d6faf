"""keys.json format 2: one slot per member holding that member's key pairs, the master key sealed to them.

    {"format": 2,
     "header": {"vault_id", "created_at", "org_name", "org_role", "device_bound", "demo",
                "genesis",                 # fingerprint of the signed founding statement (membership log)
                "epoch",                   # generation of the master key: +1 at every rotation
                "slots": {slot_id: salt}}, # the slot list: every principal's current slot
     "header_mac": hex,                    # HMAC-SHA256, key = HKDF(master key, "... header v2")
     "slots": [slot, ...]}

    slot = {"id": "u3" | "recovery", "kind": "user" | "recovery", "user_id", "user_name", "bound",
            "must_change", "created_at", "kdf": {...}, "salt",
            "genesis",                     # the founding statement this member joined (a pin, see below)
            "x25519", "ed25519",           # the member's public keys
            "nonce", "wrapped",            # AES-256-GCM(X25519 private || Ed25519 seed)
            "master": {"epoch", "box"},    # the master key sealed to x25519 (saiken.security.sealed_box)
            "org": {"key", "box"} | null,  # the organisation key sealed to x25519 (supervisors, admins)
            "check"}                       # plain SHA-256 of all the above: damage, not security

How it holds together:
- The slot key is Argon2id over the NFKC password (or recovery key) and, for a bound slot, the device
  secret, with the slot's own stored parameters (bounded: saiken.security.kdf). AES-256-GCM binds the
  wrapped private keys to the format, the vault id, the user id and every authenticated field (id … ed25519),
  so the public keys and the genesis pin can only be changed by someone who knows that member's password.
- The sealed boxes are NOT under the member's password: an admin re-seals a new master key (rotation) or the
  organisation key (promotion) to the member's public key without it. Each box's context names the vault,
  the purpose, the epoch or key id and the slot, so a box copied from elsewhere does not open here.
- The header MAC proves the header was written by someone holding the master key (any member). It is not
  the authority on who is a member — the signed membership log in the database is (saiken.security.
  membership); sign-in checks the slots against it. The slot list (`header.slots`) is compared with the
  slots themselves (`slot_list_problems`): a deleted, added or copied-back slot is reported.
- A format-1 slot of a member who has not signed in since the upgrade stays as it was, marked
  `"slot_format": 1` (saiken.security.keyfile_v1). It wraps the master key directly and dies at the next
  rotation.
Written atomically (saiken.fsutil); loading never rewrites it; `parse_keyfile(to_text())` round-trips.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from saiken.domain.errors import CorruptFileError, VaultError, WrongPasswordError
from saiken.fsutil import atomic_write_text
from saiken.security import keyfile_v1
from saiken.security.audit_chain import canonical_json
from saiken.security.kdf import DEFAULT_PARAMS, KEY_BYTES, KdfParams, derive_key, new_salt
from saiken.security.keyfile_document import (
    BROKEN_HINT,
    FILE_NAME,
    FORMAT,
    RECOVERY_SLOT,
    KeyDocument,
    parse_document,
    read_document_bytes,
)
from saiken.security.member_keys import PRIVATE_BYTES, MemberKeys, MemberPublic
from saiken.security.sealed_box import SealedBoxError, seal, unseal

LEGACY_MARK = "slot_format"
_AUTH_FIELDS = (
    "id",
    "kind",
    "user_id",
    "user_name",
    "bound",
    "must_change",
    "created_at",
    "kdf",
    "salt",
    "genesis",
    "x25519",
    "ed25519",
)
_ALL_FIELDS = (*_AUTH_FIELDS, "nonce", "wrapped", "master", "org")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def user_slot_id(user_id: int) -> str:
    return f"u{user_id}"


@dataclass(frozen=True)
class SealedMaster:
    epoch: int
    box: bytes


@dataclass(frozen=True)
class SealedOrg:
    key: str  # fingerprint (hex) of the organisation public key inside
    box: bytes


@dataclass(frozen=True)
class Slot:
    """A parsed, structurally sound format-2 slot (its tag is only checked when opened)."""

    id: str
    kind: str
    user_id: int
    user_name: str
    bound: bool
    must_change: bool
    created_at: str
    kdf: KdfParams
    salt: bytes
    genesis: str
    public: MemberPublic
    nonce: bytes
    wrapped: bytes
    master: SealedMaster | None = None
    org: SealedOrg | None = None

    legacy = False

    def fields(self) -> dict[str, Any]:
        """The fields the slot's AES-GCM tag authenticates."""
        return {
            "id": self.id,
            "kind": self.kind,
            "user_id": self.user_id,
            "user_name": self.user_name,
            "bound": self.bound,
            "must_change": self.must_change,
            "created_at": self.created_at,
            "kdf": self.kdf.as_dict(),
            "salt": b64(self.salt),
            "genesis": self.genesis,
            "x25519": b64(self.public.x25519),
            "ed25519": b64(self.public.ed25519),
        }

    def to_json(self) -> dict[str, Any]:
        data = self.fields()
        data["nonce"] = b64(self.nonce)
        data["wrapped"] = b64(self.wrapped)
        data["master"] = (
            None if self.master is None else {"epoch": self.master.epoch, "box": b64(self.master.box)}
        )
        data["org"] = None if self.org is None else {"key": self.org.key, "box": b64(self.org.box)}
        data["check"] = _check(data)
        return data


AnySlot = Slot | keyfile_v1.Slot


def _check(data: dict[str, Any]) -> str:
    body = {k: data[k] for k in _ALL_FIELDS}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def _aad(vault_id: str, fields: dict[str, Any]) -> bytes:
    return canonical_json({"format": FORMAT, "vault_id": vault_id, "slot": fields}).encode("utf-8")


def master_context(vault_id: str, epoch: int, slot_id: str) -> bytes:
    return canonical_json(
        {"purpose": "master key", "vault_id": vault_id, "epoch": epoch, "slot": slot_id}
    ).encode()


def org_context(vault_id: str, key_id: str, slot_id: str) -> bytes:
    return canonical_json(
        {"purpose": "organisation key", "vault_id": vault_id, "key": key_id, "slot": slot_id}
    ).encode()


def _broken(who: str) -> CorruptFileError:
    return CorruptFileError(
        f"鍵ファイルの「{who}」の鍵スロットが壊れています。",
        hint="復旧キーで開いたうえで、管理者がこの利用者のパスワードを設定し直してください。",
    )


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("not a whole number")
    return value


def _sealed_master(raw: object) -> SealedMaster | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ValueError("master")
    return SealedMaster(epoch=_int(raw["epoch"]), box=unb64(raw["box"]))


def _sealed_org(raw: object) -> SealedOrg | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw["key"], str):
        raise ValueError("org")
    return SealedOrg(key=raw["key"], box=unb64(raw["box"]))


def parse_slot(raw: object, *, who: str) -> Slot:
    """Check one slot's structure and checksum; CorruptFileError names the principal, not the content."""
    if not isinstance(raw, dict):
        raise _broken(who)
    try:
        if raw.get("check") != _check(raw):
            raise _broken(who)
        kind = raw["kind"]
        if kind not in ("user", "recovery") or not isinstance(raw["user_name"], str):
            raise _broken(who)
        if not all(isinstance(raw[k], bool) for k in ("bound", "must_change")):
            raise _broken(who)
        if not isinstance(raw["genesis"], str) or not isinstance(raw["id"], str):
            raise _broken(who)
        slot = Slot(
            id=raw["id"],
            kind=kind,
            user_id=_int(raw["user_id"]),
            user_name=raw["user_name"],
            bound=raw["bound"],
            must_change=raw["must_change"],
            created_at=str(raw["created_at"]),
            kdf=KdfParams.from_dict(raw["kdf"]),
            salt=unb64(raw["salt"]),
            genesis=raw["genesis"],
            public=MemberPublic(unb64(raw["x25519"]), unb64(raw["ed25519"])),
            nonce=unb64(raw["nonce"]),
            wrapped=unb64(raw["wrapped"]),
            master=_sealed_master(raw["master"]),
            org=_sealed_org(raw["org"]),
        )
    except CorruptFileError as error:
        if "鍵導出" in error.message:
            raise  # parameters outside the ceiling: say so, it is not ordinary damage
        raise _broken(who) from error
    except (KeyError, TypeError, ValueError, binascii.Error) as error:
        raise _broken(who) from error
    if len(slot.nonce) != 12 or len(slot.wrapped) != PRIVATE_BYTES + 16 or len(slot.salt) < 16:
        raise _broken(who)
    return slot


def parse_any_slot(raw: object, *, who: str) -> AnySlot:
    """A format-2 slot, or a format-1 slot kept from before the upgrade (marked `slot_format: 1`)."""
    if isinstance(raw, dict) and raw.get(LEGACY_MARK) == 1:
        body = {k: v for k, v in raw.items() if k != LEGACY_MARK}
        return keyfile_v1.parse_slot(body, who=who)
    return parse_slot(raw, who=who)


def make_slot(
    vault_id: str,
    *,
    slot_id: str,
    kind: str,
    user_id: int,
    user_name: str,
    secret_text: str,
    keys: MemberKeys,
    genesis: str,
    created_at: str,
    device_secret: bytes | None = None,
    must_change: bool = False,
    params: KdfParams = DEFAULT_PARAMS,
) -> Slot:
    """A new slot wrapping `keys` under `secret_text` (+ the device secret). Nothing sealed in it yet."""
    probe = Slot(
        id=slot_id,
        kind=kind,
        user_id=user_id,
        user_name=user_name,
        bound=device_secret is not None,
        must_change=must_change,
        created_at=created_at,
        kdf=params,
        salt=new_salt(),
        genesis=genesis,
        public=keys.public,
        nonce=os.urandom(12),
        wrapped=b"",
    )
    wrapping_key = derive_key(secret_text, probe.salt, params, device_secret=device_secret)
    wrapped = AESGCM(wrapping_key).encrypt(probe.nonce, keys.to_bytes(), _aad(vault_id, probe.fields()))
    return replace(probe, wrapped=wrapped)


def open_slot(vault_id: str, slot: Slot, secret_text: str, *, device_secret: bytes | None) -> MemberKeys:
    """The member's private keys, or WrongPasswordError when the password (or device secret) does not fit."""
    wrapping_key = derive_key(
        secret_text, slot.salt, slot.kdf, device_secret=device_secret if slot.bound else None
    )
    try:
        private = AESGCM(wrapping_key).decrypt(slot.nonce, slot.wrapped, _aad(vault_id, slot.fields()))
    except InvalidTag as error:
        raise WrongPasswordError("利用者名またはパスワードが違います。") from error
    keys = MemberKeys.from_bytes(private)
    if keys.public != slot.public:  # cannot happen unless the writer was broken: the tag covers both
        raise _broken(slot.user_name)
    return keys


def seal_master(vault_id: str, slot: Slot, *, epoch: int, master_key: bytes) -> Slot:
    box = seal(slot.public.x25519, master_key, context=master_context(vault_id, epoch, slot.id))
    return replace(slot, master=SealedMaster(epoch, box))


def unseal_master(vault_id: str, slot: Slot, keys: MemberKeys, *, epoch: int) -> bytes:
    """The master key of `epoch` sealed in the slot. CorruptFileError when there is none or it is forged."""
    if slot.master is None or slot.master.epoch != epoch:
        raise CorruptFileError(
            "あなたの鍵スロットには今の金庫の鍵が入っていません（鍵の更新に加わっていないか、古いスロットです）。",
            hint="管理者に連絡して、パスワードを設定し直してもらってください。",
        )
    try:
        master = unseal(keys.receive, slot.master.box, context=master_context(vault_id, epoch, slot.id))
    except SealedBoxError as error:
        raise _broken(slot.user_name) from error
    if len(master) != KEY_BYTES:
        raise _broken(slot.user_name)
    return master


def seal_org(vault_id: str, slot: Slot, *, key_id: str, org_private: bytes) -> Slot:
    box = seal(slot.public.x25519, org_private, context=org_context(vault_id, key_id, slot.id))
    return replace(slot, org=SealedOrg(key_id, box))


def unseal_org(vault_id: str, slot: Slot, keys: MemberKeys, *, key_id: str) -> bytes | None:
    """The organisation private key sealed in the slot when it is the one named `key_id`, else None."""
    if slot.org is None or slot.org.key != key_id:
        return None
    try:
        return unseal(keys.receive, slot.org.box, context=org_context(vault_id, key_id, slot.id))
    except SealedBoxError:
        return None


def _mac_key(master_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"saiken keys.json header v2").derive(
        master_key
    )


@dataclass(frozen=True)
class SlotListProblem:
    """A disagreement between the header's slot list and the slots (`kind`: missing, unlisted, stale, broken)."""

    slot_id: str
    kind: str


@dataclass
class KeyFile(KeyDocument):
    """keys.json format 2 with its slots opened, changed and sealed (the reading itself: keyfile_document)."""

    @property
    def epoch(self) -> int:
        return int(self.header["epoch"])

    @property
    def genesis(self) -> str:
        return str(self.header["genesis"])

    def slot(self, *, user_name: str | None = None, slot_id: str | None = None) -> AnySlot | None:
        raw = self.find_raw(user_name=user_name, slot_id=slot_id)
        if raw is None:
            return None
        return parse_any_slot(
            raw, who=user_name or ("復旧キー" if slot_id == RECOVERY_SLOT else str(slot_id))
        )

    def slots(self) -> list[AnySlot]:
        """Every slot that parses (damaged ones are reported by `slot_list_problems`)."""
        found: list[AnySlot] = []
        for raw in self.raw_slots:
            try:
                found.append(parse_any_slot(raw, who="?"))
            except CorruptFileError:
                continue
        return found

    # --- changes (the caller holds the master key and saves the file afterwards) ---------------------
    def put_raw(self, slot_id: str, raw: dict[str, Any], salt: bytes, master_key: bytes) -> None:
        self.raw_slots = [r for r in self.raw_slots if not (isinstance(r, dict) and r.get("id") == slot_id)]
        self.raw_slots.append(raw)
        self.header["slots"][slot_id] = b64(salt)
        self.seal(master_key)

    def put_slot(self, slot: Slot, master_key: bytes) -> None:
        self.put_raw(slot.id, slot.to_json(), slot.salt, master_key)

    def put_legacy_slot(self, slot: keyfile_v1.Slot, master_key: bytes) -> None:
        self.put_raw(slot.id, {**slot.to_json(), LEGACY_MARK: 1}, slot.salt, master_key)

    def drop_slot(self, slot_id: str, master_key: bytes) -> None:
        self.raw_slots = [r for r in self.raw_slots if not (isinstance(r, dict) and r.get("id") == slot_id)]
        self.header["slots"].pop(slot_id, None)
        self.seal(master_key)

    def seal(self, master_key: bytes) -> None:
        self.header_mac = hmac.new(_mac_key(master_key), self._header_body(), hashlib.sha256).hexdigest()

    def _header_body(self) -> bytes:
        return canonical_json({"format": FORMAT, "header": self.header}).encode("utf-8")

    # --- checks after a slot opened -------------------------------------------------------------------
    def verify_header(self, master_key: bytes) -> None:
        expected = hmac.new(_mac_key(master_key), self._header_body(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, self.header_mac):
            raise CorruptFileError(
                "鍵ファイル（keys.json）の見出しが書き換えられています。", hint=BROKEN_HINT
            )

    def verify(self, master_key: bytes, slot: AnySlot) -> None:
        """The header is authentic and `slot` is its principal's current one (not an old one copied back)."""
        self.verify_header(master_key)
        if self.header["slots"].get(slot.id) != b64(slot.salt):
            raise CorruptFileError(
                "この鍵スロットは現在のものではありません（古いスロットが戻された疑い）。", hint=BROKEN_HINT
            )

    def slot_list_problems(self) -> list[SlotListProblem]:
        """The header's slot list against the slots: listed but absent (a deleted slot), present but not
        listed, a different salt (an old slot put back), or present but damaged."""
        listed: dict[str, Any] = dict(self.header["slots"])
        problems: list[SlotListProblem] = []
        seen: set[str] = set()
        for raw in self.raw_slots:
            slot_id = str(raw.get("id")) if isinstance(raw, dict) else "?"
            try:
                slot = parse_any_slot(raw, who=slot_id)
            except CorruptFileError:
                problems.append(SlotListProblem(slot_id, "broken"))
                seen.add(slot_id)
                continue
            seen.add(slot.id)
            if slot.id not in listed:
                problems.append(SlotListProblem(slot.id, "unlisted"))
            elif listed[slot.id] != b64(slot.salt):
                problems.append(SlotListProblem(slot.id, "stale"))
        problems += [SlotListProblem(slot_id, "missing") for slot_id in sorted(listed) if slot_id not in seen]
        return problems

    # --- writing ------------------------------------------------------------------------------------------
    def to_text(self) -> str:
        document = {
            "format": FORMAT,
            "header": self.header,
            "header_mac": self.header_mac,
            "slots": self.raw_slots,
        }
        return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

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
    *,
    vault_id: str,
    created_at: str,
    org_name: str,
    org_role: str,
    device_bound: bool,
    demo: bool,
    genesis: str,
    epoch: int = 1,
) -> KeyFile:
    header: dict[str, Any] = {
        "vault_id": vault_id,
        "created_at": created_at,
        "org_name": org_name,
        "org_role": org_role,
        "device_bound": device_bound,
        "demo": demo,
        "genesis": genesis,
        "epoch": epoch,
        "slots": {},
    }
    return KeyFile(header=header, header_mac="", format=FORMAT)


def parse_keyfile(data: bytes) -> KeyFile:
    """A format-2 keys.json. A format-1 file raises CorruptFileError here: read it with keyfile_v1."""
    document = parse_document(data)
    if document.format != FORMAT:
        raise CorruptFileError(
            "鍵ファイル（keys.json）が旧形式です。管理者がサインインすると新しい形式になります。"
        )
    return KeyFile(header=document.header, header_mac=document.header_mac, raw_slots=document.raw_slots)


def load_keyfile(folder: Path, name: str = FILE_NAME) -> KeyFile:
    return parse_keyfile(read_document_bytes(folder, name))


__all__ = [
    "FILE_NAME",
    "FORMAT",
    "RECOVERY_SLOT",
    "AnySlot",
    "KeyFile",
    "SealedMaster",
    "SealedOrg",
    "Slot",
    "SlotListProblem",
    "load_keyfile",
    "make_slot",
    "new_keyfile",
    "open_slot",
    "parse_any_slot",
    "parse_keyfile",
    "parse_slot",
    "seal_master",
    "seal_org",
    "unseal_master",
    "unseal_org",
    "user_slot_id",
]

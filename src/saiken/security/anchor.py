"""Signed checkpoints ("anchors") of a vault's state, kept outside the database (DESIGN §5).

    {"v": 1, "vault_id", "seq", "head",              # the audit log: last sequence number and its hash
     "membership_seq", "membership_head", "genesis",   # the membership log's head and its founding statement
     "at", "signer", "signature"}                      # who signed (principal id), Ed25519 over the rest

Written to the OS credential store at every close and lock (`AnchorStore`), into every backup manifest, and
handed to packages and printed documents. At sign-in the vault is compared with the stored anchor: a vault
whose audit log is shorter than the anchor's, or whose entry at the anchor's sequence number has another
hash, is older than (or different from) what this OS account last saw — a backup copied back, a deleted
WAL file, a rewritten history. Without a usable keyring (headless Linux) the anchor is kept in a file in
the user's state folder (platformdirs), which is outside the vault folder but, like the keyring, belongs to
the same OS account: it protects against a copied-back folder, not against that account itself.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import platformdirs

from saiken.fsutil import atomic_write_text
from saiken.security.audit_chain import canonical_json
from saiken.security.device_secret import keyring_available
from saiken.security.member_keys import MemberKeys, verify_signature

VERSION = 1
SERVICE = "saiken-desk-anchor"
_LABEL = b"saiken anchor v1\x00"
_FIELDS = ("vault_id", "seq", "head", "membership_seq", "membership_head", "genesis", "at", "signer")


@dataclass(frozen=True)
class Anchor:
    vault_id: str
    seq: int
    head: str
    membership_seq: int
    membership_head: str
    genesis: str
    at: str
    signer: str
    signature: bytes = b""

    def payload(self) -> dict[str, Any]:
        return {"v": VERSION, **{name: getattr(self, name) for name in _FIELDS}}

    def signing_bytes(self) -> bytes:
        return _LABEL + canonical_json(self.payload()).encode("utf-8")

    def signed_by(self, keys: MemberKeys) -> Anchor:
        unsigned = Anchor(**{name: getattr(self, name) for name in _FIELDS})
        return Anchor(**{**unsigned.__dict__, "signature": keys.sign(unsigned.signing_bytes())})

    def verify(self, ed25519_public: bytes) -> bool:
        return verify_signature(ed25519_public, self.signing_bytes(), self.signature)

    @property
    def checkpoint(self) -> str:
        """`SEQ:HASH`, as printed and as `saiken audit verify --checkpoint` takes it."""
        return f"{self.seq}:{self.head}"

    def to_json(self) -> dict[str, Any]:
        return {**self.payload(), "signature": base64.b64encode(self.signature).decode("ascii")}

    def to_text(self) -> str:
        return canonical_json(self.to_json())

    @classmethod
    def from_json(cls, data: object) -> Anchor:
        """ValueError when `data` is not an anchor (its signature is checked separately)."""
        if not isinstance(data, dict) or data.get("v") != VERSION:
            raise ValueError("not an anchor")
        for name in ("seq", "membership_seq"):
            if isinstance(data.get(name), bool) or not isinstance(data.get(name), int):
                raise ValueError(name)
        for name in ("vault_id", "head", "membership_head", "genesis", "at", "signer", "signature"):
            if not isinstance(data.get(name), str):
                raise ValueError(name)
        try:
            signature = base64.b64decode(str(data["signature"]).encode("ascii"), validate=True)
        except (binascii.Error, ValueError) as error:
            raise ValueError("signature") from error
        return cls(**{name: data[name] for name in _FIELDS}, signature=signature)

    @classmethod
    def parse(cls, text: str) -> Anchor:
        return cls.from_json(json.loads(text))


class AnchorStore:
    """Where this OS account keeps the latest anchor of each vault: the keyring, else a state file."""

    def __init__(self, state_dir: Path | None = None) -> None:
        self._state_dir = state_dir

    def _file(self, vault_id: str) -> Path:
        folder = self._state_dir or platformdirs.user_state_path("SaikenDesk", appauthor=False) / "anchors"
        return folder / f"{vault_id}.json"

    def load(self, vault_id: str) -> Anchor | None:
        """The stored anchor, or None (none yet, or unreadable: an unreadable one is treated as absent)."""
        text: str | None = None
        if keyring_available():
            try:
                text = keyring.get_password(SERVICE, vault_id)
            except keyring.errors.KeyringError:
                text = None
        else:
            try:
                text = self._file(vault_id).read_text(encoding="utf-8")
            except OSError:
                text = None
        if not text:
            return None
        try:
            anchor = Anchor.parse(text)
        except (ValueError, KeyError):
            return None
        return anchor if anchor.vault_id == vault_id else None

    def save(self, anchor: Anchor) -> bool:
        """Keep `anchor` (True), or False when this OS account has nowhere to keep it."""
        text = anchor.to_text()
        if keyring_available():
            try:
                keyring.set_password(SERVICE, anchor.vault_id, text)
                return True
            except keyring.errors.KeyringError:
                return False
        path = self._file(anchor.vault_id)
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            atomic_write_text(path, text + "\n")
        except OSError:
            return False
        return True

    def forget(self, vault_id: str) -> None:
        if keyring_available():
            try:
                keyring.delete_password(SERVICE, vault_id)
            except keyring.errors.KeyringError:
                pass
        self._file(vault_id).unlink(missing_ok=True)

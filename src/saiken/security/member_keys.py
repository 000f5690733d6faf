"""A member's key pairs (DESIGN §5): X25519 to receive sealed keys, Ed25519 to sign statements and audit
entries. Kept together as 64 private bytes (X25519 private || Ed25519 seed) wrapped in the member's slot.
The organisation key is an Ed25519 key of the same kind (`new_signing_key`)."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

PRIVATE_BYTES = 64
PUBLIC_BYTES = 32
SIGNATURE_BYTES = 64
_RAW = serialization.Encoding.Raw


def public_bytes_x25519(key: X25519PublicKey) -> bytes:
    return key.public_bytes(_RAW, serialization.PublicFormat.Raw)


def public_bytes_ed25519(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(_RAW, serialization.PublicFormat.Raw)


def _private_raw(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())


@dataclass(frozen=True)
class MemberPublic:
    """What everyone may know about a member's keys (in the slot and in the signed membership log)."""

    x25519: bytes
    ed25519: bytes

    def __post_init__(self) -> None:
        if len(self.x25519) != PUBLIC_BYTES or len(self.ed25519) != PUBLIC_BYTES:
            raise ValueError("a public key is 32 bytes")

    def verify(self, signature: bytes, data: bytes) -> bool:
        return verify_signature(self.ed25519, data, signature)


@dataclass(frozen=True)
class MemberKeys:
    """A member's two private keys. Never written anywhere except wrapped in the member's own slot."""

    receive: X25519PrivateKey
    sign_key: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> MemberKeys:
        return cls(X25519PrivateKey.generate(), Ed25519PrivateKey.generate())

    @classmethod
    def from_bytes(cls, data: bytes) -> MemberKeys:
        if len(data) != PRIVATE_BYTES:
            raise ValueError("member private keys are 64 bytes")
        return cls(
            X25519PrivateKey.from_private_bytes(data[:32]), Ed25519PrivateKey.from_private_bytes(data[32:])
        )

    def to_bytes(self) -> bytes:
        return _private_raw(self.receive) + _private_raw(self.sign_key)

    @property
    def public(self) -> MemberPublic:
        return MemberPublic(
            public_bytes_x25519(self.receive.public_key()), public_bytes_ed25519(self.sign_key.public_key())
        )

    def sign(self, data: bytes) -> bytes:
        return self.sign_key.sign(data)


def new_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def signing_key_from_bytes(data: bytes) -> Ed25519PrivateKey:
    if len(data) != 32:
        raise ValueError("an Ed25519 private key is 32 bytes")
    return Ed25519PrivateKey.from_private_bytes(data)


def signing_key_bytes(key: Ed25519PrivateKey) -> bytes:
    return _private_raw(key)


def signing_public_bytes(key: Ed25519PrivateKey) -> bytes:
    return public_bytes_ed25519(key.public_key())


def verify_signature(public_key: bytes, data: bytes, signature: bytes) -> bool:
    """True when `signature` is `public_key`'s Ed25519 signature of `data` (False for anything malformed)."""
    if len(public_key) != PUBLIC_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True

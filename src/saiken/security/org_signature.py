"""Signatures by the organisation key (handover packages, ledgers, certificates; DESIGN §5 and §6).

    signature = Ed25519(organisation key, "saiken organisation v1" 0x00 || data)

The label keeps an organisation signature from ever being mistaken for a member's statement, audit entry
or checkpoint signed with the same kind of key. Verification needs only the public key (32 bytes) that
the counterpart registered after comparing its fingerprint (saiken.security.fingerprint) on paper.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from saiken.security.fingerprint import key_fingerprint, readable
from saiken.security.member_keys import verify_signature

LABEL = b"saiken organisation v1\x00"


def sign(private: Ed25519PrivateKey, data: bytes) -> bytes:
    return private.sign(LABEL + data)


def verify(public_key: bytes, data: bytes, signature: bytes) -> bool:
    """True when `signature` is the organisation key `public_key`'s signature of `data`."""
    return verify_signature(public_key, LABEL + data, signature)


def fingerprint(public_key: bytes) -> str:
    """The organisation key's fingerprint as people read it aloud: 8 groups of 5 digits."""
    return readable(key_fingerprint(public_key))

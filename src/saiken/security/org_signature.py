"""Signatures by the organisation key (handover packages, ledgers, certificates; DESIGN §5 and §6).

    signature = Ed25519(organisation key, data)          plain Ed25519 (RFC 8032) over the caller's bytes

The organisation key signs nothing else (statements, audit entries and checkpoints are signed with members'
own keys, each with a label of its own), so no label is needed and any Ed25519 implementation verifies a
package manifest. Callers sign structured data that names what it is (a manifest's kind and format).
Verification needs only the public key (32 bytes) that the counterpart registered after comparing its
fingerprint (`fingerprint`) on paper or by telephone.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from saiken.security.fingerprint import key_fingerprint, readable
from saiken.security.member_keys import verify_signature


def sign(private: Ed25519PrivateKey, data: bytes) -> bytes:
    return private.sign(data)


def verify(public_key: bytes, data: bytes, signature: bytes) -> bool:
    """True when `signature` is the organisation key `public_key`'s signature of `data`."""
    return verify_signature(public_key, data, signature)


def fingerprint(public_key: bytes) -> str:
    """The organisation key's fingerprint as people read it aloud: 8 groups of 5 digits."""
    return readable(key_fingerprint(public_key))

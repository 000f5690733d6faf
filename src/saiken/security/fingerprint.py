"""Fingerprints people compare aloud or on paper: the organisation key's and the founding statement's.

The machine form is a SHA-256 hex digest over a label and the bytes (`hex_digest`, `key_fingerprint`). The
form people read is derived from it: SHA-512 of it, whose first 40 bytes become 8 groups of 5 decimal
digits (each group is 5 bytes modulo 100,000, as Signal's safety numbers), about 132 bits: easy to read
out over the telephone in Japanese or English, hard to match by chance or by search."""

from __future__ import annotations

import hashlib

GROUPS = 8
DIGITS = 5
_CHUNK = 5  # bytes per group (40 bits, reduced to 5 digits)


def hex_digest(label: str, data: bytes) -> str:
    return hashlib.sha256(label.encode("ascii") + b"\x00" + data).hexdigest()


def readable(hex_text: str) -> str:
    """The 64-hex-digit digest as `12345 67890 …` (8 groups of 5 digits)."""
    raw = hashlib.sha512(b"saiken readable v1\x00" + bytes.fromhex(hex_text)).digest()
    groups = [
        f"{int.from_bytes(raw[i * _CHUNK : (i + 1) * _CHUNK], 'big') % 10**DIGITS:0{DIGITS}d}"
        for i in range(GROUPS)
    ]
    return " ".join(groups)


def key_fingerprint(public_key: bytes) -> str:
    """The hex digest that names a public key (organisation key, member key)."""
    return hex_digest("saiken public key v1", public_key)

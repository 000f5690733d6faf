"""Sealed boxes: a secret encrypted to a member's X25519 public key, as age's X25519 recipients and
libsodium's crypto_box_seal do, built from `cryptography`'s primitives only (no cipher of our own).

    box = 0x01 || ephemeral X25519 public key (32) || nonce (12) || AES-256-GCM(ciphertext || tag 16)
    key = HKDF-SHA256(ikm = X25519(ephemeral private, recipient public),
                      salt = ephemeral public || recipient public,
                      info = "saiken sealed box v1" || 0x00 || context)

Anyone may seal to a public key; only the holder of the private key can open. `context` (the vault id, the
purpose, the key epoch, the slot) is bound twice, in the HKDF info and as AES-GCM associated data, so a box
made for one slot, vault or purpose does not open as another. A fresh ephemeral key per box makes the AES
key unique per box; the random nonce costs nothing and is kept for clarity.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from saiken.security.member_keys import public_bytes_x25519

VERSION = 1
_INFO = b"saiken sealed box v1\x00"
_OVERHEAD = 1 + 32 + 12 + 16


class SealedBoxError(Exception):
    """The box does not open with this private key and context (wrong recipient, damaged or forged)."""


def _key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes, context: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public, info=_INFO + context
    ).derive(shared)


def seal(recipient_public: bytes, secret: bytes, *, context: bytes) -> bytes:
    """Encrypt `secret` so that only the holder of `recipient_public`'s private key can read it."""
    recipient = X25519PublicKey.from_public_bytes(recipient_public)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = public_bytes_x25519(ephemeral.public_key())
    shared = ephemeral.exchange(recipient)
    nonce = os.urandom(12)
    key = _key(shared, ephemeral_public, recipient_public, context)
    return bytes([VERSION]) + ephemeral_public + nonce + AESGCM(key).encrypt(nonce, secret, context)


def unseal(recipient: X25519PrivateKey, box: bytes, *, context: bytes) -> bytes:
    """The secret in `box`, or SealedBoxError."""
    if len(box) < _OVERHEAD or box[0] != VERSION:
        raise SealedBoxError("not a sealed box")
    ephemeral_public, nonce, ciphertext = box[1:33], box[33:45], box[45:]
    try:
        shared = recipient.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError as error:  # a low-order point gives an all-zero secret, which OpenSSL refuses
        raise SealedBoxError("bad ephemeral key") from error
    key = _key(shared, ephemeral_public, public_bytes_x25519(recipient.public_key()), context)
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, context)
    except InvalidTag as error:
        raise SealedBoxError("the box does not open") from error

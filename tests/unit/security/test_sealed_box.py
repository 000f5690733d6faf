"""Sealed boxes (ephemeral X25519 + HKDF-SHA256 + AES-256-GCM): only the recipient opens, the context is
bound, tampering is found; member keys round-trip through their 64 private bytes and sign."""

from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from saiken.security.member_keys import MemberKeys, verify_signature
from saiken.security.sealed_box import SealedBoxError, seal, unseal

SECRET = os.urandom(32)


def test_only_the_recipient_opens_and_only_in_its_context():
    alice, bob = MemberKeys.generate(), MemberKeys.generate()
    box = seal(alice.public.x25519, SECRET, context=b"vault A / epoch 1 / u1")
    assert unseal(alice.receive, box, context=b"vault A / epoch 1 / u1") == SECRET
    with pytest.raises(SealedBoxError):
        unseal(bob.receive, box, context=b"vault A / epoch 1 / u1")
    with pytest.raises(SealedBoxError):
        unseal(alice.receive, box, context=b"vault A / epoch 2 / u1")


def test_two_boxes_of_the_same_secret_differ_and_any_flipped_byte_is_refused():
    alice = MemberKeys.generate()
    first = seal(alice.public.x25519, SECRET, context=b"c")
    assert first != seal(alice.public.x25519, SECRET, context=b"c")
    for index in (0, 1, 20, 40, len(first) - 1):
        damaged = bytearray(first)
        damaged[index] ^= 0x01
        with pytest.raises(SealedBoxError):
            unseal(alice.receive, bytes(damaged), context=b"c")
    with pytest.raises(SealedBoxError):
        unseal(alice.receive, first[:40], context=b"c")


def test_a_low_order_ephemeral_point_is_refused():
    alice = MemberKeys.generate()
    box = bytes([1]) + bytes(32) + os.urandom(12) + os.urandom(48)  # the all-zero point
    with pytest.raises(SealedBoxError):
        unseal(alice.receive, box, context=b"c")


def test_member_keys_round_trip_and_sign():
    keys = MemberKeys.generate()
    again = MemberKeys.from_bytes(keys.to_bytes())
    assert again.public == keys.public and len(keys.to_bytes()) == 64
    signature = again.sign(b"statement")
    assert verify_signature(keys.public.ed25519, b"statement", signature)
    assert not verify_signature(keys.public.ed25519, b"statement!", signature)
    assert not verify_signature(keys.public.ed25519, b"statement", signature[:-1])
    assert not verify_signature(b"short", b"statement", signature)
    other = X25519PrivateKey.generate()
    assert keys.receive.exchange(other.public_key()) == other.exchange(keys.receive.public_key())

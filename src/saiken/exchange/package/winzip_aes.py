"""WinZip AES encryption of one ZIP entry (the "AE-1"/"AE-2" scheme 7-Zip and WinZip read), AES-256 only.

An encrypted entry's data is `salt (16) | password verifier (2) | ciphertext | authentication code (10)`:
- PBKDF2-HMAC-SHA1 with 1000 iterations over the password and the entry's own random salt gives 66 bytes:
  the AES-256 key, the HMAC-SHA1 key and the 2-byte password verifier, in that order.
- The (compressed) data is encrypted with AES in counter mode whose 128-bit counter is little-endian and
  starts at 1. `cryptography` offers only big-endian counters, so the key stream is made from OpenSSL's
  AES-ECB over little-endian counter blocks (saiken.exchange.package.le_ctr).
- The authentication code is HMAC-SHA1 over the ciphertext, truncated to 10 bytes.
AE-2 (what we write) sets the entry's CRC-32 to zero and relies on the authentication code; AE-1 (which we
also read) keeps the CRC-32 of the plaintext.

The low iteration count is the format's, fixed by the spec; it is safe here because package passwords are
generated with at least 128 bits of entropy and never chosen by a person.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import struct

from saiken.exchange.package.le_ctr import LittleEndianCtr

EXTRA_ID = 0x9901
VENDOR_ID = b"AE"
AE_1 = 1
AE_2 = 2
STRENGTH_AES256 = 3
METHOD_AES = 99

SALT_SIZE = 16
KEY_SIZE = 32
VERIFIER_SIZE = 2
MAC_SIZE = 10
HEADER_SIZE = SALT_SIZE + VERIFIER_SIZE
OVERHEAD = HEADER_SIZE + MAC_SIZE
PBKDF2_ITERATIONS = 1000


def derive_keys(password: bytes, salt: bytes) -> tuple[bytes, bytes, bytes]:
    """(AES key, HMAC key, verifier) for one entry."""
    material = hashlib.pbkdf2_hmac("sha1", password, salt, PBKDF2_ITERATIONS, 2 * KEY_SIZE + VERIFIER_SIZE)
    return material[:KEY_SIZE], material[KEY_SIZE : 2 * KEY_SIZE], material[2 * KEY_SIZE :]


def aes_extra(version: int, actual_method: int) -> bytes:
    """The 0x9901 extra field: vendor version, "AE", strength 3 (AES-256), the real compression method."""
    return struct.pack("<HHH2sBH", EXTRA_ID, 7, version, VENDOR_ID, STRENGTH_AES256, actual_method)


def _ctr(key: bytes) -> LittleEndianCtr:
    """AES-256 in counter mode with WinZip's little-endian counter starting at 1."""
    return LittleEndianCtr(key, initial_value=1)


class EntryEncryptor:
    """Encrypts one entry's data stream; `header` goes first, then every `encrypt` result, then `finish()`."""

    def __init__(self, password: bytes, *, salt: bytes | None = None) -> None:
        salt = secrets.token_bytes(SALT_SIZE) if salt is None else salt
        key, mac_key, verifier = derive_keys(password, salt)
        self.header = salt + verifier
        self._cipher = _ctr(key)
        self._mac = hmac.new(mac_key, digestmod="sha1")

    def encrypt(self, data: bytes) -> bytes:
        encrypted = self._cipher.encrypt(data)
        self._mac.update(encrypted)
        return encrypted

    def finish(self) -> bytes:
        return self._mac.digest()[:MAC_SIZE]


class EntryDecryptor:
    """Decrypts one entry's data stream after its 18-byte header, with the keys `derive_keys` gave for
    the password and the header's salt. `password_ok` is False when the verifier
    does not match (then nothing should be decrypted); `matches(code)` checks the authentication code at
    the end, over every byte given to `decrypt`."""

    def __init__(self, keys: tuple[bytes, bytes, bytes], header: bytes) -> None:
        if len(header) != HEADER_SIZE:
            raise ValueError("short AES header")
        key, mac_key, verifier = keys
        self.password_ok = hmac.compare_digest(verifier, header[SALT_SIZE:])
        self._cipher = _ctr(key)
        self._mac = hmac.new(mac_key, digestmod="sha1")

    def decrypt(self, data: bytes) -> bytes:
        self._mac.update(data)
        return self._cipher.decrypt(data)

    def decrypt_only(self, data: bytes) -> bytes:
        """Decrypt without the authentication code: the caller gives the same bytes to `authenticate`."""
        return self._cipher.decrypt(data)

    def authenticate(self, data: bytes) -> None:
        self._mac.update(data)

    def matches(self, code: bytes) -> bool:
        return hmac.compare_digest(self._mac.digest()[:MAC_SIZE], code)

"""Office-encrypted workbooks for the tests, made with msoffcrypto-tool itself (never with our own code),
and the hostile variants a reviewer would try.

- `encrypt_agile(plain, password)`: what Excel 2010+ writes (msoffcrypto-tool's own encryptor);
- `encrypt_standard(plain, password)`: ECMA-376 Standard encryption as Excel 2007 writes it (AES-128-ECB,
  SHA-1, 50,000 iterations; MS-OFFCRYPTO 2.3.4.5-2.3.4.9), using msoffcrypto-tool's key derivation and
  OLE container writer, so that only the record layout is written here;
- `truncated`, `with_declared_size`, `with_stream_size`, `with_spin_count`, `renamed`: damaged or crafted
  copies, edited at the byte offsets the OLE directory gives.
"""

from __future__ import annotations

import hashlib
import io
import secrets
import struct

import olefile
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from msoffcrypto.format.ooxml import OOXMLFile
from msoffcrypto.method.container.ecma376_encrypted import ECMA376Encrypted
from msoffcrypto.method.ecma376_standard import ECMA376Standard

_AES_128, _SHA1, _PROV_AES = 0x660E, 0x8004, 0x18
_CSP = "Microsoft Enhanced RSA and AES Cryptographic Provider\0".encode("utf-16-le")


def encrypt_agile(plain: bytes, password: str) -> bytes:
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt(password, out)
    return out.getvalue()


def decrypt_with_msoffcrypto(data: bytes, password: str) -> bytes:
    office = OOXMLFile(io.BytesIO(data))
    office.load_key(password=password, verify_password=True)
    out = io.BytesIO()
    office.decrypt(out)
    return out.getvalue()


def _ecb(key: bytes, data: bytes) -> bytes:
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def encrypt_standard(plain: bytes, password: str) -> bytes:
    salt = secrets.token_bytes(16)
    key = ECMA376Standard.makekey_from_password(password, _AES_128, _SHA1, _PROV_AES, 128, 16, salt)
    verifier = secrets.token_bytes(16)
    verifier_hash = hashlib.sha1(verifier).digest() + b"\0" * 12
    header = struct.pack("<IIIIIIII", 0x24, 0, _AES_128, _SHA1, 128, _PROV_AES, 0, 0) + _CSP
    info = (
        struct.pack("<HHI", 3, 2, 0x24)
        + struct.pack("<I", len(header))
        + header
        + struct.pack("<I", 16)
        + salt
        + _ecb(key, verifier)
        + struct.pack("<I", 20)
        + _ecb(key, verifier_hash)
    )
    padded = plain + b"\0" * (-len(plain) % 16)
    package = struct.pack("<Q", len(plain)) + _ecb(key, padded)
    out = io.BytesIO()
    ECMA376Encrypted(package, info).write_to(out)
    return out.getvalue()


def truncated(data: bytes, keep: float = 0.5) -> bytes:
    return data[: int(len(data) * keep)]


def _entry(data: bytes, name: str) -> tuple[olefile.OleFileIO, int]:
    ole = olefile.OleFileIO(io.BytesIO(data))
    index = next(i for i, entry in enumerate(ole.direntries) if entry is not None and entry.name == name)
    return ole, index


def _stream_offset(data: bytes, name: str) -> int:
    """File offset of the first sector of stream `name` (a regular stream, not in the mini stream)."""
    ole, index = _entry(data, name)
    entry = ole.direntries[index]
    assert entry.size >= ole.minisectorcutoff, "stream is in the mini stream"
    return (entry.isectStart + 1) * ole.sectorsize


def _entry_offset(data: bytes, name: str) -> int:
    """File offset of directory entry `name` (128 bytes each, in the directory's sector chain)."""
    ole, index = _entry(data, name)
    per_sector = ole.sectorsize // 128
    sector = ole.first_dir_sector
    for _ in range(index // per_sector):
        sector = ole.fat[sector]
    return (sector + 1) * ole.sectorsize + (index % per_sector) * 128


def with_declared_size(data: bytes, size: int) -> bytes:
    """The EncryptedPackage's own 8-byte StreamSize field set to `size` (e.g. 2**62)."""
    offset = _stream_offset(data, "EncryptedPackage")
    return data[:offset] + struct.pack("<Q", size) + data[offset + 8 :]


def with_stream_size(data: bytes, name: str, size: int) -> bytes:
    """The directory's size of stream `name` set to `size` (low 32 bits; version 3 files)."""
    offset = _entry_offset(data, name) + 120
    return data[:offset] + struct.pack("<I", size) + data[offset + 4 :]


def renamed(data: bytes, old: str, new: str) -> bytes:
    """Directory entry `old` renamed to `new` (at most 31 characters)."""
    offset = _entry_offset(data, old)
    raw = (new + "\0").encode("utf-16-le")
    field = raw + b"\0" * (64 - len(raw))
    return data[:offset] + field + struct.pack("<H", len(raw)) + data[offset + 66 :]


def with_spin_count(data: bytes, spin: int) -> bytes:
    """An Agile file whose EncryptionInfo asks for `spin` iterations (same length: digits padded)."""
    ole = olefile.OleFileIO(io.BytesIO(data))
    info = ole.openstream("EncryptionInfo").read()
    start = info.index(b'spinCount="') + len(b'spinCount="')
    end = info.index(b'"', start)
    digits = str(spin).encode().rjust(end - start, b"0")
    assert len(digits) == end - start, "the spin count must fit in the original's digits (100000)"
    changed = info[:start] + digits + info[end:]
    position = data.index(info)
    return data[:position] + changed + data[position + len(info) :]


def with_flipped_payload(data: bytes, at: int = 5000) -> bytes:
    """16 bytes of the encrypted payload changed, `at` bytes into the EncryptedPackage stream (a sector
    chain written in order by msoffcrypto's container writer)."""
    offset = _stream_offset(data, "EncryptedPackage") + at
    return data[:offset] + bytes(b ^ 0x5A for b in data[offset : offset + 16]) + data[offset + 16 :]

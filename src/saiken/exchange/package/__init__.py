"""Handover package format v1 (DESIGN §6): an AES-256 (WinZip AE-2) ZIP with opaque entry names, a
manifest signed by the sending organisation, streamed in and out. No database here: the services decide
who may write, which key signs, which counterpart's key verifies and what an import changes."""

from saiken.exchange.package.aes_zip import AesZipArchive, EntryStream, Limits
from saiken.exchange.package.errors import CD_R_BYTES, PackageTooLargeError, megabytes
from saiken.exchange.package.manifest import (
    FORMAT_VERSION,
    KIND_LABELS,
    KINDS,
    EngagementInfo,
    Manifest,
    Organisation,
    PackageFile,
    Signature,
)
from saiken.exchange.package.reader import PackageReader
from saiken.exchange.package.writer import PackageWriter, WrittenPackage, file_sha256

__all__ = [
    "CD_R_BYTES",
    "FORMAT_VERSION",
    "KINDS",
    "KIND_LABELS",
    "AesZipArchive",
    "EngagementInfo",
    "EntryStream",
    "Limits",
    "Manifest",
    "Organisation",
    "PackageFile",
    "PackageReader",
    "PackageTooLargeError",
    "PackageWriter",
    "Signature",
    "WrittenPackage",
    "file_sha256",
    "megabytes",
]

"""Reading a handover package (format v1): password, structure, manifest, signature, then the files.

    with PackageReader.open_path(path, password) as package:       # structure + manifest + every header byte
        who = package.manifest.sender.fingerprint              # pick the registered key of that sender
        package.verify_signature(public_key_bytes)             # IntegrityError unless signed by that key
        package.verify_contents(keep_max=64 << 20, defer=big)  # one pass: every file but the deferred ones
        with package.open("debtors.jsonl") as stream: ...      # kept plaintext: not read a second time
        data = package.read_bytes("attachment-W1.bin")         # a deferred file: one authenticated pass
        package.copy_to("scan.pdf", sink)                      # or streamed to a sink, discarded if bad
        package.verify_rest()                                  # every file not read yet, before keeping any

`open` refuses, with one Japanese line and before anything is decrypted beyond the manifest: a file that
is not a package, is cut short, is too large, asks for ZIP64 or other media, holds an entry that is not
AES-256 or whose name is not one of ours, duplicate or overlapping entries, declared sizes no deflate
could give, and any header byte that differs from what the writer lays out for the same entries (so a
flipped byte anywhere in the file is found: in a header by the layout check, in a salt or in the data by
the entry's authentication code). A wrong password is told apart from a damaged first entry by the second
entry's verifier.

No byte of a data file is given to a caller before the signature has been verified and that file has been
read to its end and found intact (its AE-2 authentication code, its size and the SHA-256 the signed
manifest gives). Each file is decrypted, authenticated and hashed in one pass: `verify_contents` keeps the
plaintext of the files of at most `keep_max` bytes in memory for `open`/`read_bytes` (so they are not
read twice), drains the larger ones (read again, and checked again, by `open`), and leaves the `defer`red
ones to `read_bytes` (returns only after the check) or `copy_to` (chunks go to a sink as they are
decrypted; the sink is told to discard them when the check fails, and must neither parse nor keep them
before `copy_to` returns). A caller that keeps anything (an import's transaction) calls `verify_rest` first,
so a damaged or altered package changes nothing, wherever the damage is.
"""

from __future__ import annotations

import io
import types
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, Self

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from saiken.domain.errors import IntegrityError, WrongPasswordError
from saiken.exchange.package.aes_zip import DEFAULT_LIMITS, AesZipArchive, Entry, EntryStream, Limits
from saiken.exchange.package.errors import not_a_package, tampered, wrong_password
from saiken.exchange.package.manifest import (
    MANIFEST_ENTRY,
    SIGNATURE_ENTRY,
    Manifest,
    PackageFile,
    Signature,
    parse_manifest,
    parse_signature,
)
from saiken.exchange.package.writer import PACKAGE_COMMENT, WrittenEntry, entry_headers
from saiken.exchange.package.zip_layout import dos_timestamp

MAX_MANIFEST = 32 << 20
MAX_SIGNATURE = 4096
KEEP_MAX = 4 << 20  # by default `verify_contents` keeps the plaintext of files up to this size
KEEP_TOTAL = 256 << 20  # and never more than this in all


class Sink(Protocol):
    """Where `copy_to` puts a file's plaintext as it is decrypted: `write` each chunk (store it, do not parse
    it), `discard` everything written when the file turns out damaged (then `copy_to` raises)."""

    def write(self, data: bytes) -> object: ...

    def discard(self) -> None: ...


class PackageReader:
    def __init__(self, archive: AesZipArchive) -> None:
        self._archive = archive
        self.label = archive.label
        self.file_size = archive.file_size
        if archive.end.comment != PACKAGE_COMMENT:
            raise not_a_package(self.label, "債権デスクの受渡パッケージの印がありません")
        names = {entry.name for entry in archive.entries}
        if MANIFEST_ENTRY not in names or SIGNATURE_ENTRY not in names:
            raise not_a_package(self.label, "目録か署名が入っていません")
        self.manifest_bytes = self._read_control(MANIFEST_ENTRY, MAX_MANIFEST)
        self.manifest: Manifest = parse_manifest(self.manifest_bytes, self.label)
        self.signature: Signature = parse_signature(
            self._read_control(SIGNATURE_ENTRY, MAX_SIGNATURE), self.label
        )
        self._check_files()
        self._check_layout()
        self.signature_verified = False
        self.contents_verified = False
        self.verified: set[str] = set()  # logical names of the data files read to their checked end
        self._kept: dict[str, bytes] = {}  # authenticated plaintext kept by verify_contents

    @classmethod
    def open_path(cls, path: Path | str, password: str, *, limits: Limits = DEFAULT_LIMITS) -> PackageReader:
        archive = AesZipArchive.open_path(path, password.encode("utf-8"), limits=limits)
        try:
            return cls(archive)
        except BaseException:
            archive.close()
            raise

    def close(self) -> None:
        self._kept.clear()
        self._archive.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: object, tb: types.TracebackType | None
    ) -> None:
        self.close()

    def _read_control(self, name: str, max_size: int) -> bytes:
        if not self._archive.password_matches(name):
            other = SIGNATURE_ENTRY if name == MANIFEST_ENTRY else MANIFEST_ENTRY
            raise tampered(self.label) if self._archive.password_matches(other) else wrong_password()
        try:
            return self._archive.read(name, max_size=max_size)
        except IntegrityError:
            raise tampered(self.label) from None

    def _check_files(self) -> None:
        data = {entry.name: entry for entry in self._archive.entries}
        data.pop(MANIFEST_ENTRY)
        data.pop(SIGNATURE_ENTRY)
        listed = {item.entry: item for item in self.manifest.files}
        if set(data) != set(listed):
            raise not_a_package(self.label, "目録と中身のファイルが一致しません")
        for name, item in listed.items():
            if data[name].size != item.size:
                raise tampered(self.label)

    def _check_layout(self) -> None:
        """Every header, the directory and the end record are byte for byte what the writer makes."""
        archive = self._archive
        dos = dos_timestamp(self.manifest.created_at)
        in_directory = [entry.name for entry in archive.entries]
        if in_directory != sorted(in_directory):
            raise tampered(self.label)
        control = [archive.entry(MANIFEST_ENTRY), archive.entry(SIGNATURE_ENTRY)]
        physical: list[Entry] = [archive.entry(item.entry) for item in self.manifest.files] + control
        position = 0
        for entry in physical:
            written = WrittenEntry(entry.name, entry.method, entry.info.compressed_size, entry.size, position)
            local, central = entry_headers(written, dos)
            if entry.info.offset != position or entry.local_header != local or entry.info.raw != central:
                raise tampered(self.label)
            position = entry.end
        end = archive.end
        if end.directory_offset != position or end.offset != end.directory_offset + end.directory_size:
            raise tampered(self.label)

    def verify_signature(self, public_key: bytes) -> None:
        """Check the manifest's Ed25519 signature against `public_key` (32 raw bytes): IntegrityError unless
        it was made with the matching private key over exactly these manifest bytes."""
        try:
            Ed25519PublicKey.from_public_bytes(public_key).verify(self.signature.value, self.manifest_bytes)
        except (InvalidSignature, ValueError):
            raise IntegrityError(
                f"「{self.label}」の署名が、登録されている送り手の組織の鍵と一致しません。何も取り込んでいません。",
                hint="送り手の組織と鍵の指紋を紙で確かめてください。偽造の疑いがあれば取扱責任者に報告してください。",
            ) from None
        self.signature_verified = True

    def open(self, name: str) -> io.RawIOBase | io.BytesIO:
        """The plaintext of the data file with this logical name: from memory when `verify_contents` kept
        it, else (once the file was found intact) streamed again, its code, size and SHA-256 checked again at
        its end (the file could change between the two readings)."""
        if name in self._kept:
            return io.BytesIO(self._kept[name])
        if not self.contents_verified and name not in self.verified:
            raise RuntimeError("verify_contents first")
        return self._stream(name)

    def _stream(self, name: str) -> EntryStream:
        if not self.signature_verified:
            raise RuntimeError("verify_signature first")
        item = self.manifest.file(name)
        try:
            return self._archive.open_entry(
                item.entry, sha256=item.sha256, on_verified=lambda _: self.verified.add(name)
            )
        except WrongPasswordError:  # the manifest's code proved the password: this entry was changed
            raise tampered(self.label) from None

    def read_bytes(self, name: str, *, max_size: int = 64 << 20) -> bytes:
        """The whole plaintext of one data file: kept by `verify_contents`, or read now in one pass and
        returned only once its code, size and SHA-256 have been checked."""
        if name in self._kept:
            return self._kept[name]
        item = self.manifest.file(name)
        if item.size > max_size:
            raise not_a_package(self.label, f"「{name}」が大きすぎます")
        with self._stream(name) as stream:
            return stream.read()

    def copy_to(self, name: str, sink: Sink) -> int:
        """Stream one data file's plaintext into `sink` in one pass as it is decrypted; its code, size and
        SHA-256 are checked at its end: if they fail, `sink.discard()` is called and IntegrityError raised
        (so a sink must hold what it gets, unparsed, until this returns). Returns the size."""
        if name in self._kept:
            sink.write(self._kept[name])
            return len(self._kept[name])
        stream = self._stream(name)
        try:
            with stream:
                for part in stream.chunks():
                    sink.write(part)
        except BaseException:
            sink.discard()
            raise
        return self.manifest.file(name).size

    def verify_contents(
        self,
        *,
        keep_max: int = KEEP_MAX,
        defer: Callable[[PackageFile], bool] | None = None,
    ) -> int:
        """Read every data file that `defer` does not name to its end (authentication code, size, SHA-256)
        before any of it is used, in one pass each: the plaintext of a file of at most `keep_max` bytes is
        kept for `open`/`read_bytes` (up to KEEP_TOTAL in all). Deferred files are read later, once, by
        `read_bytes`/`copy_to`, and `verify_rest` authenticates whatever was not. Returns the bytes read.
        IntegrityError (damaged or altered) names no content."""
        total = kept = 0
        for item in self.manifest.files:
            if defer is not None and defer(item):
                continue
            with self._stream(item.name) as stream:
                if item.size <= keep_max and kept + item.size <= KEEP_TOTAL:
                    self._kept[item.name] = stream.read()
                    kept += item.size
                    total += item.size
                else:
                    total += stream.drain()
        if defer is None:
            self.contents_verified = True
        return total

    def verify_rest(self) -> int:
        """Authenticate every data file not read to its checked end yet (deferred and never read, e.g. an
        attachment the vault already has); after it, every file of the package has been found intact.
        Returns the bytes read."""
        total = 0
        for item in self.manifest.files:
            if item.name not in self.verified:
                with self._stream(item.name) as stream:
                    total += stream.drain()
        self.contents_verified = True
        return total

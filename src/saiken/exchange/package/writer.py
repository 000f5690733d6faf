"""Writing a handover package (format v1): streamed, encrypted entry by entry, signed, atomic.

    with PackageWriter(path, password, created_at=now) as package:
        with package.open("debtors.jsonl") as out:      # streamed: never held whole in memory
            for row in rows:
                out.write(line(row))
        package.add_bytes("交渉記録報告書.xlsx", workbook_bytes)
        written = package.finish(manifest_without_files, sign=sign_as_organisation, signer_fingerprint=fp)

Every entry is AES-256 (WinZip AE-2) with its own salt, deflated unless its first bytes show it does not
compress (then stored), under an opaque name (`0003.bin` …); the manifest (`0001.bin`) lists each file's
logical name, size and SHA-256 and is signed (`0002.bin`). The layout is fully determined by the entries
and the manifest's creation time, so the reader can check every header byte. The file appears at `path`
only when `finish` succeeded (temp file in the same folder, fsync, rename); a package that would not fit
on one CD-R (700 MB) is refused with the size it came to (`PackageTooLargeError`) and nothing is left.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import types
import zlib
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Self

from saiken.exchange.package import winzip_aes, zip_layout
from saiken.exchange.package.errors import CD_R_BYTES, PackageTooLargeError
from saiken.exchange.package.manifest import (
    MANIFEST_ENTRY,
    SIGNATURE_ALGORITHM,
    SIGNATURE_ENTRY,
    Manifest,
    PackageFile,
    Signature,
    data_entry_name,
)
from saiken.fsutil import atomic_file

PACKAGE_COMMENT = b"Saiken Desk handover package v1"
ENTRY_FLAGS = zip_layout.FLAG_ENCRYPTED
BUFFER = 1 << 20
PROBE = 256 << 10  # bytes looked at to decide whether an entry compresses
STORE_ABOVE = 0.92  # compressed/plain ratio of the probe above which an entry is stored
DEFAULT_LEVEL = 6


@dataclass(frozen=True)
class WrittenEntry:
    name: str  # opaque entry name
    method: int
    compressed_size: int  # including the AES header and code
    size: int
    offset: int


@dataclass(frozen=True)
class WrittenPackage:
    path: Path
    size: int
    sha256: str
    manifest: Manifest


def entry_headers(entry: WrittenEntry, dos: tuple[int, int]) -> tuple[bytes, bytes]:
    """(local header, central directory header) exactly as the writer lays them out."""
    extra = winzip_aes.aes_extra(winzip_aes.AE_2, entry.method)
    name = entry.name.encode("ascii")
    sizes = (entry.compressed_size, entry.size)
    method = winzip_aes.METHOD_AES
    local = zip_layout.pack_local(
        name, flags=ENTRY_FLAGS, method=method, dos=dos, crc=0, sizes=sizes, extra=extra
    )
    central = zip_layout.pack_central(
        name, flags=ENTRY_FLAGS, method=method, dos=dos, crc=0, sizes=sizes, extra=extra, offset=entry.offset
    )
    return local, central


class _Sink:
    """The package file, or — once the package has grown past what fits on a medium — only a counter,
    so that the size it would have had can still be told without filling the disk."""

    def __init__(self, handle: BinaryIO, limit: int) -> None:
        self.handle = handle
        self.limit = limit
        self.position = 0
        self.over = False

    def write(self, data: bytes) -> None:
        if not self.over and self.position + len(data) > self.limit:
            self.over = True
            self.handle.seek(0)
            self.handle.truncate()
        if not self.over:
            self.handle.write(data)
        self.position += len(data)

    def patch(self, offset: int, data: bytes) -> None:
        if not self.over:
            self.handle.seek(offset)
            self.handle.write(data)
            self.handle.seek(self.position)


class EntryWriter:
    """A writable stream into one entry (use as a context manager; `close` completes the entry)."""

    def __init__(
        self, package: PackageWriter, name: str, logical_name: str, *, compress: bool | None
    ) -> None:
        self._package = package
        self.name = name
        self.logical_name = logical_name
        self._compress = compress
        self._buffer = bytearray()
        self._started = False
        self._closed = False
        self._sha256 = hashlib.sha256()
        self._size = 0
        self._compressed = 0
        self._deflater: zlib._Compress | None = None
        self._encryptor = winzip_aes.EntryEncryptor(package.password)
        self._offset = 0
        self._method = zip_layout.METHOD_DEFLATED

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: object, tb: types.TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
        else:
            self._closed = True

    def write(self, data: bytes) -> int:
        if self._closed:
            raise ValueError("entry closed")
        self._buffer += data
        if len(self._buffer) >= (BUFFER if self._started else PROBE):
            self._flush()
        return len(data)

    def _start(self) -> None:
        compress = self._compress
        if compress is None:
            sample = bytes(self._buffer[:PROBE])
            compress = bool(sample) and len(zlib.compress(sample, 1)) < STORE_ABOVE * len(sample)
        self._method = zip_layout.METHOD_DEFLATED if compress else zip_layout.METHOD_STORED
        if compress:
            self._deflater = zlib.compressobj(self._package.level, zlib.DEFLATED, -15)
        self._offset = self._package.sink.position
        placeholder = WrittenEntry(self.name, self._method, 0, 0, self._offset)
        local, _ = entry_headers(placeholder, self._package.dos)
        self._package.sink.write(local)
        self._emit(self._encryptor.header, encrypt=False)
        self._started = True

    def _emit(self, data: bytes, *, encrypt: bool = True) -> None:
        if data:
            out = self._encryptor.encrypt(data) if encrypt else data
            self._package.sink.write(out)
            self._compressed += len(out)

    def _flush(self) -> None:
        if not self._started:
            self._start()
        chunk = bytes(self._buffer)
        self._buffer.clear()
        self._sha256.update(chunk)
        self._size += len(chunk)
        self._emit(self._deflater.compress(chunk) if self._deflater is not None else chunk)

    def close(self) -> PackageFile:
        if self._closed:
            raise ValueError("entry closed")
        self._flush()
        if self._deflater is not None:
            self._emit(self._deflater.flush())
        self._emit(self._encryptor.finish(), encrypt=False)
        self._closed = True
        if self._size > 0xFFFF_FFFE or self._compressed > 0xFFFF_FFFE:
            raise PackageTooLargeError(self._package.sink.position, self._package.sink.limit)
        entry = WrittenEntry(self.name, self._method, self._compressed, self._size, self._offset)
        local, _ = entry_headers(entry, self._package.dos)
        self._package.sink.patch(self._offset, local)
        file = PackageFile(self.name, self.logical_name, self._size, self._sha256.hexdigest())
        self._package.completed(entry, file)
        return file


class PackageWriter:
    def __init__(
        self,
        path: Path | str,
        password: str,
        *,
        created_at: dt.datetime,
        max_size: int = CD_R_BYTES,
        level: int = DEFAULT_LEVEL,
    ) -> None:
        self.path = Path(path)
        self.password = password.encode("utf-8")
        self.created_at = created_at
        self.dos = zip_layout.dos_timestamp(created_at)
        self.level = level
        self._max_size = max_size
        self._stack = ExitStack()
        self._entries: list[WrittenEntry] = []
        self._files: list[PackageFile] = []
        self._open: EntryWriter | None = None
        self._result: WrittenPackage | None = None
        self.sink: _Sink

    def __enter__(self) -> Self:
        handle = self._stack.enter_context(atomic_file(self.path))
        self.sink = _Sink(handle, self._max_size)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: object) -> None:
        if kind is None and self._result is None:
            error = RuntimeError("PackageWriter left without finish()")
            self._stack.__exit__(RuntimeError, error, None)
            raise error
        self._stack.__exit__(kind, error, None)

    def open(self, logical_name: str, *, compress: bool | None = None) -> EntryWriter:
        """A new data file; `compress=None` decides from its first bytes, False stores (already-compressed
        files such as JPEG), True always deflates."""
        if self._open is not None:
            raise RuntimeError("one entry at a time")
        if logical_name in {item.name for item in self._files}:
            raise ValueError(f"duplicate file {logical_name!r}")
        self._open = EntryWriter(self, data_entry_name(len(self._files)), logical_name, compress=compress)
        return self._open

    def add_chunks(
        self, logical_name: str, chunks: Iterable[bytes], *, compress: bool | None = None
    ) -> PackageFile:
        with self.open(logical_name, compress=compress) as out:
            for chunk in chunks:
                out.write(chunk)
        return self._files[-1]

    def add_bytes(self, logical_name: str, data: bytes, *, compress: bool | None = None) -> PackageFile:
        return self.add_chunks(logical_name, [data], compress=compress)

    def completed(self, entry: WrittenEntry, file: PackageFile) -> None:
        self._entries.append(entry)
        if file.entry not in (MANIFEST_ENTRY, SIGNATURE_ENTRY):
            self._files.append(file)
        self._open = None

    @property
    def files(self) -> tuple[PackageFile, ...]:
        return tuple(self._files)

    def _write_control(self, name: str, data: bytes) -> None:
        entry = EntryWriter(self, name, name, compress=True)
        entry.write(data)
        entry.close()

    def finish(
        self, manifest: Manifest, *, sign: Callable[[bytes], bytes], signer_fingerprint: str
    ) -> WrittenPackage:
        """Write the manifest (with the files written so far), its signature and the directory.
        `manifest.files` is replaced; `sign(manifest_bytes)` returns the 64-byte Ed25519 signature."""
        if self._open is not None:
            raise RuntimeError("an entry is still open")
        manifest = dataclasses.replace(manifest, files=tuple(self._files))
        manifest_bytes = manifest.to_bytes()
        signature = Signature(SIGNATURE_ALGORITHM, signer_fingerprint, sign(manifest_bytes))
        self._write_control(MANIFEST_ENTRY, manifest_bytes)
        self._write_control(SIGNATURE_ENTRY, signature.to_bytes())
        directory_offset = self.sink.position
        directory = b"".join(
            entry_headers(entry, self.dos)[1] for entry in sorted(self._entries, key=_by_name)
        )
        self.sink.write(directory)
        self.sink.write(
            zip_layout.pack_end(
                count=len(self._entries),
                directory_size=len(directory),
                directory_offset=directory_offset,
                comment=PACKAGE_COMMENT,
            )
        )
        if self.sink.over:
            raise PackageTooLargeError(self.sink.position, self.sink.limit)
        self.sink.handle.flush()
        self._result = WrittenPackage(self.path, self.sink.position, _sha256_of(self.sink.handle), manifest)
        return self._result


def _by_name(entry: WrittenEntry) -> str:
    return entry.name


def _sha256_of(handle: BinaryIO) -> str:
    digest = hashlib.sha256()
    handle.seek(0)
    for chunk in iter(lambda: handle.read(BUFFER), b""):
        digest.update(chunk)
    return digest.hexdigest()


def file_sha256(path: Path | str) -> str:
    """SHA-256 of a file read in chunks (verifying a burned medium against the ledger)."""
    with Path(path).open("rb") as handle:
        return _sha256_of(handle)

"""A strict, streaming reader of AES-256 encrypted ZIP archives (WinZip AE-1/AE-2, as 7-Zip writes them).

Before any entry is decrypted the whole structure is checked against the bytes really in the file: one
end record, a central directory that fits, entries that are all AES-256, names that are plain file names
(no folders, no `..`, no drive letters, no control characters) and unique, local headers that agree with
the directory, data regions inside the file that never overlap (the classic zip bomb shares one region
between many entries), declared sizes within `Limits` and within what deflate can produce from the bytes
present. Reading an entry streams it in chunks: nothing is ever held whole in memory, the output can never
exceed the declared size, and at its end the authentication code, the size, the CRC (AE-1) and the SHA-256
the caller expects are all checked; any difference raises before the stream reports its end.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import re
import zlib
from collections.abc import Buffer, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from saiken.exchange.package import winzip_aes, zip_layout
from saiken.exchange.package.errors import (
    CD_R_BYTES,
    not_a_package,
    tampered,
    too_big_to_read,
    truncated,
    wrong_password,
)
from saiken.exchange.package.hash_beside import HashBeside
from saiken.exchange.package.zip_layout import CentralEntry, EndRecord

CHUNK = 1 << 20
DEFLATE_MAX_RATIO = 1032  # the most deflate can expand: 258 bytes from every 2 bits, roughly
_NAME = re.compile(r"[^\x00-\x1f\x7f/\\:*?\"<>|]{1,255}")


@dataclass(frozen=True)
class Limits:
    max_file: int = CD_R_BYTES
    max_entries: int = 20_000
    max_entry_size: int = 0xFFFF_FFFE
    max_total_size: int = 8 * (1 << 30)


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Entry:
    """One entry with its checked layout: data (`salt|verifier|ciphertext|code`) is [start, end)."""

    info: CentralEntry
    local_header: bytes
    start: int
    end: int

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def size(self) -> int:
        return self.info.size

    @property
    def method(self) -> int:
        assert self.info.aes is not None
        return self.info.aes.method


class AesZipArchive:
    """An opened archive. `entries` in directory order; `entry(name)`; `open_entry(name)` streams one."""

    def __init__(
        self, handle: BinaryIO, password: bytes, *, label: str, limits: Limits = DEFAULT_LIMITS
    ) -> None:
        self._handle = handle
        self._password = password
        self._keys: dict[bytes, tuple[bytes, bytes, bytes]] = {}
        self.label = label
        self.limits = limits
        self.file_size = handle.seek(0, os.SEEK_END)
        if self.file_size > limits.max_file:
            raise too_big_to_read(label, self.file_size, limits.max_file)
        self.end = self._read_end()
        self.entries = [self._checked(info) for info in self._read_directory()]
        self._by_name = {entry.name: entry for entry in self.entries}
        self._check_regions()

    @classmethod
    def open_path(
        cls, path: Path | str, password: bytes, *, limits: Limits = DEFAULT_LIMITS
    ) -> AesZipArchive:
        path = Path(path)
        try:
            handle = path.open("rb")
        except OSError:
            raise not_a_package(path.name, "ファイルを開けません") from None
        try:
            return cls(handle, password, label=path.name, limits=limits)
        except BaseException:
            handle.close()
            raise

    def close(self) -> None:
        self._keys.clear()
        self._handle.close()

    def __enter__(self) -> AesZipArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read_at(self, offset: int, size: int) -> bytes:
        self._handle.seek(offset)
        data = self._handle.read(size)
        if len(data) != size:
            raise truncated(self.label)
        return data

    def entry(self, name: str) -> Entry:
        try:
            return self._by_name[name]
        except KeyError:
            raise not_a_package(self.label, f"「{name}」が入っていません") from None

    def open_entry(
        self, name: str, *, sha256: str | None = None, on_verified: Callable[[str], None] | None = None
    ) -> EntryStream:
        """Stream one entry; `on_verified(name)` is called once its end has been reached and checked."""
        return EntryStream(self, self.entry(name), expected_sha256=sha256, on_verified=on_verified)

    def read(self, name: str, *, max_size: int, sha256: str | None = None) -> bytes:
        entry = self.entry(name)
        if entry.size > max_size:
            raise not_a_package(self.label, f"「{name}」が大きすぎます")
        with self.open_entry(name, sha256=sha256) as stream:
            return stream.read()

    def password_matches(self, name: str) -> bool:
        """Whether the password's verifier matches this entry's (2 bytes: a hint, not a proof)."""
        entry = self.entry(name)
        header = self.read_at(entry.start, winzip_aes.HEADER_SIZE)
        return winzip_aes.EntryDecryptor(self.keys(header), header).password_ok

    def keys(self, header: bytes) -> tuple[bytes, bytes, bytes]:
        """The keys for an entry's salt (derived once per salt while the archive is open)."""
        salt = header[: winzip_aes.SALT_SIZE]
        if salt not in self._keys:
            self._keys[salt] = winzip_aes.derive_keys(self._password, salt)
        return self._keys[salt]

    # -- structure ---------------------------------------------------------------------------------------

    def _read_end(self) -> EndRecord:
        tail_size = min(self.file_size, zip_layout.EOCD_SIZE + zip_layout.MAX_COMMENT)
        tail = self.read_at(self.file_size - tail_size, tail_size)
        head = self.read_at(0, min(4, self.file_size))
        end = zip_layout.find_end(
            tail, self.file_size - tail_size, self.label, looks_like_zip=head == b"PK\x03\x04"
        )
        if end.count > self.limits.max_entries:
            raise not_a_package(self.label, f"ファイルが {end.count} 個と多すぎます")
        if end.count == 0:
            raise not_a_package(self.label, "空のアーカイブです")
        return end

    def _read_directory(self) -> list[CentralEntry]:
        data = self.read_at(self.end.directory_offset, self.end.directory_size)
        entries = zip_layout.parse_directory(data, self.end.count, self.label)
        names: set[str] = set()
        total = 0
        for info in entries:
            if not _NAME.fullmatch(info.name) or info.name in (".", "..") or info.name.strip() != info.name:
                raise not_a_package(self.label, "ファイル名が不正です")
            if info.name.casefold() in names:
                raise not_a_package(self.label, f"同じ名前「{info.name}」が重複しています")
            names.add(info.name.casefold())
            total += info.size
            self._check_sizes(info, total)
        return entries

    def _check_sizes(self, info: CentralEntry, total: int) -> None:
        aes = info.aes
        if not info.flags & zip_layout.FLAG_ENCRYPTED or info.method != winzip_aes.METHOD_AES or aes is None:
            raise not_a_package(self.label, "暗号化されていないファイルが含まれています")
        if aes.strength != winzip_aes.STRENGTH_AES256:
            raise not_a_package(self.label, "AES-256 以外の暗号化です")
        if aes.method not in (zip_layout.METHOD_STORED, zip_layout.METHOD_DEFLATED):
            raise not_a_package(self.label, "対応していない圧縮方式です")
        payload = info.compressed_size - winzip_aes.OVERHEAD
        if payload < 0:
            raise not_a_package(self.label, "ファイルの大きさが壊れています")
        if info.size > self.limits.max_entry_size or total > self.limits.max_total_size:
            raise too_big_to_read(self.label, total, self.limits.max_total_size)
        if aes.method == zip_layout.METHOD_STORED and info.size != payload:
            raise not_a_package(self.label, "ファイルの大きさが壊れています")
        if aes.method == zip_layout.METHOD_DEFLATED and info.size > max(payload, 1) * DEFLATE_MAX_RATIO:
            raise not_a_package(self.label, "展開後の大きさが不自然です（圧縮爆弾の疑い）")

    def _checked(self, info: CentralEntry) -> Entry:
        if info.offset + zip_layout.LOCAL_SIZE > self.end.directory_offset:
            raise truncated(self.label)
        fixed = self.read_at(info.offset, zip_layout.LOCAL_SIZE)
        fields = zip_layout.LOCAL_STRUCT.unpack(fixed)
        signature, _version, flags, method, _t, _d, crc, csize, size, name_len, extra_len = fields
        if signature != zip_layout.LOCAL_SIGNATURE:
            raise not_a_package(self.label, "ファイルの見出しが壊れています")
        start = info.offset + zip_layout.LOCAL_SIZE + name_len + extra_len
        if start > self.end.directory_offset:
            raise truncated(self.label)
        variable = self.read_at(info.offset + zip_layout.LOCAL_SIZE, name_len + extra_len)
        raw_name, extra = variable[:name_len], variable[name_len:]
        aes = zip_layout.parse_aes_extra(extra, self.label)
        same_name = (
            raw_name.decode("utf-8" if flags & zip_layout.FLAG_UTF8 else "cp437", "replace") == info.name
        )
        described = bool(flags & zip_layout.FLAG_DATA_DESCRIPTOR)
        sizes_agree = described or (crc, csize, size) == (info.crc, info.compressed_size, info.size)
        if (
            not same_name
            or method != info.method
            or aes != info.aes
            or flags != info.flags
            or not sizes_agree
        ):
            raise not_a_package(self.label, "見出しと目録が一致しません")
        end = start + info.compressed_size
        if end > self.end.directory_offset:
            raise truncated(self.label)
        return Entry(info, fixed + variable, start, end)

    def _check_regions(self) -> None:
        """Every entry's bytes (header, data, any data descriptor) lie before the directory, apart."""
        spans = sorted((entry.info.offset, entry.end) for entry in self.entries)
        for (_, previous_end), (start, _) in itertools.pairwise(spans):
            if start < previous_end:
                raise not_a_package(self.label, "ファイルの領域が重なっています（圧縮爆弾の疑い）")


class EntryStream(io.RawIOBase):
    """One entry's plaintext, decrypted and inflated chunk by chunk, verified at its end."""

    def __init__(
        self,
        archive: AesZipArchive,
        entry: Entry,
        *,
        expected_sha256: str | None,
        on_verified: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self._on_verified = on_verified
        self._archive = archive
        self._entry = entry
        self._expected_sha256 = expected_sha256
        header = archive.read_at(entry.start, winzip_aes.HEADER_SIZE)
        self._decryptor = winzip_aes.EntryDecryptor(archive.keys(header), header)
        if not self._decryptor.password_ok:
            raise wrong_password()
        self._position = entry.start + winzip_aes.HEADER_SIZE
        self._cipher_end = entry.end - winzip_aes.MAC_SIZE
        self._inflater = zlib.decompressobj(-15) if entry.method == zip_layout.METHOD_DEFLATED else None
        self._pending = b""
        self._offset = 0
        self._tail = b""  # compressed bytes the inflater has not taken yet (bounded output)
        self._produced = 0
        self._crc = 0
        self._sha256 = hashlib.sha256()
        self._hashing = HashBeside()  # the authentication code and the SHA-256, beside the decryption
        self._finished = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Buffer) -> int:
        view = memoryview(buffer).cast("B")
        while self._offset >= len(self._pending) and not self._finished:
            self._pending, self._offset = self._produce(), 0
        count = min(len(view), len(self._pending) - self._offset)
        view[:count] = self._pending[self._offset : self._offset + count]
        self._offset += count
        return count

    def _produce(self) -> bytes:
        if self._tail and self._inflater is not None:
            return self._take(self._inflater.decompress(self._tail, CHUNK))
        if self._position >= self._cipher_end:
            self._finish()
            return b""
        size = min(CHUNK, self._cipher_end - self._position)
        encrypted = self._archive.read_at(self._position, size)
        self._hashing.update(self._decryptor.authenticate, encrypted)
        plain = self._decryptor.decrypt_only(encrypted)
        self._position += size
        if self._inflater is None:
            return self._take_plain(plain)
        if self._inflater.eof:
            raise tampered(self._archive.label)
        try:
            return self._take(self._inflater.decompress(plain, CHUNK))
        except zlib.error:
            raise tampered(self._archive.label) from None

    def _take(self, out: bytes) -> bytes:
        assert self._inflater is not None
        self._tail = self._inflater.unconsumed_tail
        return self._take_plain(out)

    def _take_plain(self, out: bytes) -> bytes:
        self._produced += len(out)
        if self._produced > self._entry.size:
            raise tampered(self._archive.label)
        self._hashing.update(self._sha256.update, out)
        if self._entry.info.aes is not None and self._entry.info.aes.version == winzip_aes.AE_1:
            self._crc = zlib.crc32(out, self._crc)
        return out

    def _finish(self) -> None:
        code = self._archive.read_at(self._cipher_end, winzip_aes.MAC_SIZE)
        self._hashing.wait()
        if not self._decryptor.matches(code):
            raise tampered(self._archive.label)
        if self._inflater is not None and (not self._inflater.eof or self._inflater.unused_data):
            raise tampered(self._archive.label)
        aes = self._entry.info.aes
        crc_ok = aes is None or aes.version != winzip_aes.AE_1 or self._crc == self._entry.info.crc
        sha_ok = self._expected_sha256 is None or self._sha256.hexdigest() == self._expected_sha256
        if self._produced != self._entry.size or not crc_ok or not sha_ok:
            raise tampered(self._archive.label)
        self._finished = True
        if self._on_verified is not None:
            self._on_verified(self._entry.name)

    def readall(self) -> bytes:
        parts = [bytes(self._pending[self._offset :])]
        self._pending, self._offset = b"", 0
        while not self._finished:
            parts.append(self._produce())
        return b"".join(parts)

    def chunks(self) -> Iterator[bytes]:
        """The plaintext chunk by chunk as decrypted; the last step checks everything (raises instead of
        ending when anything differs), so a consumer keeps nothing until the iteration has ended."""
        if self._offset < len(self._pending):
            yield bytes(self._pending[self._offset :])
        self._pending, self._offset = b"", 0
        while not self._finished:
            part = self._produce()
            if part:
                yield part

    def drain(self) -> int:
        """Read to the end (verifying everything) and return the size."""
        self._pending, self._offset = b"", 0
        while not self._finished:
            self._produce()
        return self._produced

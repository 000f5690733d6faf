"""ZIP records (local header, central directory header, end of central directory), packed and parsed.

Only the classic 32-bit ZIP is used: a package is at most one CD-R (700 MB), so ZIP64 is never needed and
an archive that asks for it is refused. Parsing checks every length against the bytes really present, so a
truncated or hostile file fails here with one clear line instead of deeper down.
"""

from __future__ import annotations

import datetime as dt
import struct
from dataclasses import dataclass

from saiken.domain.clock import JST
from saiken.exchange.package import winzip_aes
from saiken.exchange.package.errors import not_a_package, truncated

LOCAL_SIGNATURE = 0x04034B50
CENTRAL_SIGNATURE = 0x02014B50
EOCD_SIGNATURE = 0x06054B50
LOCAL_STRUCT = struct.Struct("<IHHHHHIIIHH")
CENTRAL_STRUCT = struct.Struct("<IHHHHHHIIIHHHHHII")
EOCD_STRUCT = struct.Struct("<IHHHHIIH")
LOCAL_SIZE = LOCAL_STRUCT.size  # 30
CENTRAL_SIZE = CENTRAL_STRUCT.size  # 46
EOCD_SIZE = EOCD_STRUCT.size  # 22
MAX_COMMENT = 0xFFFF

FLAG_ENCRYPTED = 0x0001
FLAG_DATA_DESCRIPTOR = 0x0008
FLAG_UTF8 = 0x0800
METHOD_STORED = 0
METHOD_DEFLATED = 8
VERSION_AES = 51  # "version needed to extract" for AES entries
UNIX_HOST = 3
FILE_MODE_0600 = 0o100600


@dataclass(frozen=True)
class AesInfo:
    version: int  # AE-1 or AE-2
    strength: int  # 3 = AES-256
    method: int  # the real compression method: stored or deflated


@dataclass(frozen=True)
class CentralEntry:
    name: str
    flags: int
    method: int
    dos_time: int
    dos_date: int
    crc: int
    compressed_size: int
    size: int
    extra: bytes
    offset: int
    aes: AesInfo | None
    raw: bytes  # the whole central header, name, extra and comment, as found


@dataclass(frozen=True)
class EndRecord:
    count: int
    directory_size: int
    directory_offset: int
    comment: bytes
    offset: int  # where the record itself starts


def dos_timestamp(at: dt.datetime) -> tuple[int, int]:
    """(DOS time, DOS date) of `at` on the Japanese clock (what 7-Zip shows as "Modified")."""
    local = at.astimezone(JST)
    year = min(max(local.year, 1980), 2107)
    return (
        (local.hour << 11) | (local.minute << 5) | (local.second // 2),
        ((year - 1980) << 9) | (local.month << 5) | local.day,
    )


def pack_local(
    name: bytes,
    *,
    flags: int,
    method: int,
    dos: tuple[int, int],
    crc: int,
    sizes: tuple[int, int],
    extra: bytes,
) -> bytes:
    compressed, size = sizes
    return (
        LOCAL_STRUCT.pack(
            LOCAL_SIGNATURE,
            VERSION_AES,
            flags,
            method,
            dos[0],
            dos[1],
            crc,
            compressed,
            size,
            len(name),
            len(extra),
        )
        + name
        + extra
    )


def pack_central(
    name: bytes,
    *,
    flags: int,
    method: int,
    dos: tuple[int, int],
    crc: int,
    sizes: tuple[int, int],
    extra: bytes,
    offset: int,
) -> bytes:
    compressed, size = sizes
    return (
        CENTRAL_STRUCT.pack(
            CENTRAL_SIGNATURE,
            (UNIX_HOST << 8) | VERSION_AES,
            VERSION_AES,
            flags,
            method,
            dos[0],
            dos[1],
            crc,
            compressed,
            size,
            len(name),
            len(extra),
            0,  # comment length
            0,  # disk number start
            0,  # internal attributes
            FILE_MODE_0600 << 16,  # external attributes: a private regular file when 7-Zip extracts it
            offset,
        )
        + name
        + extra
    )


def pack_end(*, count: int, directory_size: int, directory_offset: int, comment: bytes) -> bytes:
    return (
        EOCD_STRUCT.pack(EOCD_SIGNATURE, 0, 0, count, count, directory_size, directory_offset, len(comment))
        + comment
    )


def find_end(tail: bytes, tail_offset: int, label: str, *, looks_like_zip: bool) -> EndRecord:
    """The end-of-central-directory record, searched backwards in the last bytes of the file
    (`tail` starts at `tail_offset`). `looks_like_zip`: the file starts as a ZIP does (then a missing
    record means the file was cut short)."""
    signature = struct.pack("<I", EOCD_SIGNATURE)
    at = tail.rfind(signature)
    while at >= 0:
        if len(tail) - at >= EOCD_SIZE:
            _sig, disk, cd_disk, on_disk, count, cd_size, cd_offset, comment_len = EOCD_STRUCT.unpack_from(
                tail, at
            )
            if at + EOCD_SIZE + comment_len == len(tail):
                if disk != 0 or cd_disk != 0 or on_disk != count:
                    raise not_a_package(label, "複数の媒体に分かれた形式です")
                if count == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
                    raise not_a_package(label, "ZIP64 形式には対応していません")
                offset = tail_offset + at
                if cd_offset + cd_size > offset:
                    raise truncated(label)
                return EndRecord(count, cd_size, cd_offset, tail[at + EOCD_SIZE :], offset)
        at = tail.rfind(signature, 0, at)
    raise truncated(label) if looks_like_zip else not_a_package(label)


def parse_aes_extra(extra: bytes, label: str) -> AesInfo | None:
    """The 0x9901 field of an extra block, or None. Every field's length is checked against the block."""
    found: AesInfo | None = None
    at = 0
    while at < len(extra):
        if at + 4 > len(extra):
            raise not_a_package(label, "拡張フィールドが壊れています")
        kind, length = struct.unpack_from("<HH", extra, at)
        body = extra[at + 4 : at + 4 + length]
        if len(body) != length:
            raise not_a_package(label, "拡張フィールドが壊れています")
        if kind == 0x0001:
            raise not_a_package(label, "ZIP64 形式には対応していません")
        if kind == winzip_aes.EXTRA_ID:
            if found is not None or length != 7:
                raise not_a_package(label, "暗号化の情報が壊れています")
            version, vendor, strength, method = struct.unpack("<H2sBH", body)
            if vendor != winzip_aes.VENDOR_ID or version not in (winzip_aes.AE_1, winzip_aes.AE_2):
                raise not_a_package(label, "暗号化の情報が壊れています")
            found = AesInfo(version, strength, method)
        at += 4 + length
    return found


def parse_directory(data: bytes, count: int, label: str) -> list[CentralEntry]:
    entries: list[CentralEntry] = []
    at = 0
    for _ in range(count):
        if at + CENTRAL_SIZE > len(data):
            raise not_a_package(label, "目録が壊れています")
        fields = CENTRAL_STRUCT.unpack_from(data, at)
        if fields[0] != CENTRAL_SIGNATURE:
            raise not_a_package(label, "目録が壊れています")
        flags, method, dos_time, dos_date, crc, csize, size = fields[3:10]
        name_len, extra_len, comment_len, disk, offset = (
            fields[10],
            fields[11],
            fields[12],
            fields[13],
            fields[16],
        )
        end = at + CENTRAL_SIZE + name_len + extra_len + comment_len
        if end > len(data) or disk != 0:
            raise not_a_package(label, "目録が壊れています")
        raw_name = data[at + CENTRAL_SIZE : at + CENTRAL_SIZE + name_len]
        extra = data[at + CENTRAL_SIZE + name_len : at + CENTRAL_SIZE + name_len + extra_len]
        try:
            name = raw_name.decode("utf-8" if flags & FLAG_UTF8 else "cp437")
        except UnicodeDecodeError:
            raise not_a_package(label, "ファイル名が壊れています") from None
        aes = parse_aes_extra(extra, label)
        entries.append(
            CentralEntry(
                name, flags, method, dos_time, dos_date, crc, csize, size, extra, offset, aes, data[at:end]
            )
        )
        at = end
    if at != len(data):
        raise not_a_package(label, "目録の大きさが合いません")
    return entries

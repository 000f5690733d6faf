"""Hostile and damaged packages are refused with one clear Japanese line, before anything is trusted."""

from __future__ import annotations

import os
import struct
import time
import zlib

import pytest
from package_kit import PASSWORD, SMALL_FILES, ForgedEntry, forge_zip, write_package

from saiken.domain.errors import (
    CorruptFileError,
    IntegrityError,
    SaikenError,
    ValidationError,
    WrongPasswordError,
)
from saiken.exchange.package import AesZipArchive, Limits, PackageReader


def read_fully(path, signer, password=PASSWORD):
    with PackageReader.open_path(path, password) as package:
        package.verify_signature(signer.public)
        package.verify_contents()


def one_line(error: BaseException) -> str:
    text = str(error)
    assert "\n" not in text and text.strip()
    return text


def test_a_flipped_byte_anywhere_in_the_file_is_refused(tmp_path, signer):
    """Every single byte position: a header byte by the layout check, a salt or data byte by the code."""
    written = write_package(tmp_path / "p.zip", {"debtors.jsonl": b'{"no":"R7-1"}\n' * 3}, signer)
    original = written.path.read_bytes()
    target = tmp_path / "flipped.zip"
    for position in range(len(original)):
        damaged = bytearray(original)
        damaged[position] ^= 0x01
        target.write_bytes(bytes(damaged))
        with pytest.raises((CorruptFileError, IntegrityError)) as caught:
            read_fully(target, signer)
        assert not isinstance(caught.value, WrongPasswordError), position
        one_line(caught.value)
    assert len(original) > 1000


def test_a_flipped_data_byte_names_the_file_and_says_nothing_was_taken(tmp_path, signer):
    written = write_package(tmp_path / "p.zip", {"debtors.jsonl": os.urandom(5000)}, signer)
    data = bytearray(written.path.read_bytes())
    data[2500] ^= 0x80  # inside the data entry's ciphertext
    written.path.write_bytes(bytes(data))
    with pytest.raises(IntegrityError) as caught:
        read_fully(written.path, signer)
    assert "p.zip" in one_line(caught.value) and "一致しません" in str(caught.value)
    assert "何も取り込んでいません" in str(caught.value)


def test_a_wrong_password_is_told_as_such(small_package, signer):
    with pytest.raises(WrongPasswordError) as caught:
        read_fully(small_package.path, signer, password="K7QM-XR4T-9WHZ-3NCF-P2VD-6JBL-8Z")
    assert "パスワードが違います" in one_line(caught.value) and "パスワード通知書" in str(caught.value)


def test_a_truncated_file_is_refused_at_every_length(small_package, signer, tmp_path):
    original = small_package.path.read_bytes()
    target = tmp_path / "cut.zip"
    for length in [*range(0, len(original), 37), len(original) - 1]:
        target.write_bytes(original[:length])
        with pytest.raises((CorruptFileError, IntegrityError)) as caught:
            read_fully(target, signer)
        one_line(caught.value)
    target.write_bytes(original[: len(original) // 2])
    with pytest.raises(CorruptFileError) as caught:
        read_fully(target, signer)
    assert "途中で切れています" in str(caught.value)


def test_trailing_bytes_after_the_package_are_refused(small_package, signer):
    small_package.path.write_bytes(small_package.path.read_bytes() + b"\0")
    with pytest.raises(SaikenError):
        read_fully(small_package.path, signer)


def test_a_file_that_is_not_a_zip(tmp_path, signer):
    path = tmp_path / "名簿.zip"
    path.write_text("管理番号,事業者名\nR7-0001,架空商店\n", encoding="utf-8")
    with pytest.raises(CorruptFileError) as caught:
        read_fully(path, signer)
    assert "名簿.zip" in one_line(caught.value) and "受渡パッケージではない" in str(caught.value)
    assert "架空商店" not in str(caught.value)


def test_a_file_larger_than_a_cd_r_is_refused_before_reading(tmp_path, signer):
    path = tmp_path / "huge.zip"
    with path.open("wb") as handle:
        handle.truncate(700_000_001)  # sparse: no disk used
    started = time.perf_counter()
    with pytest.raises(ValidationError) as caught:
        read_fully(path, signer)
    assert time.perf_counter() - started < 2
    assert "700.0 MB" in one_line(caught.value)


def open_forged(tmp_path, entries, **kw):
    path = tmp_path / "forged.zip"
    path.write_bytes(forge_zip(entries, **kw))
    archive = AesZipArchive.open_path(path, PASSWORD.encode())
    try:
        for entry in archive.entries:
            with archive.open_entry(entry.name) as stream:
                stream.drain()
    finally:
        archive.close()


@pytest.mark.parametrize(
    "name", ["../0003.bin", "sub/0003.bin", "C:0003.bin", "\\0003.bin", "a\x01.bin", ".."]
)
def test_path_names_are_refused(tmp_path, name):
    with pytest.raises(CorruptFileError) as caught:
        open_forged(tmp_path, [ForgedEntry(name)])
    assert "ファイル名が不正" in one_line(caught.value)


def test_duplicate_entries_are_refused(tmp_path):
    with pytest.raises(CorruptFileError) as caught:
        open_forged(tmp_path, [ForgedEntry("0003.bin"), ForgedEntry("0003.bin", data=b"other")])
    assert "重複" in one_line(caught.value)


def test_a_decompression_bomb_stops_at_the_declared_size(tmp_path):
    """50 MB of zeros claiming to be 1 KB: inflating stops past 1 KB and the entry is refused."""
    bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload = bomb.compress(b"\0" * (50 << 20)) + bomb.flush()
    started = time.perf_counter()
    with pytest.raises(IntegrityError):
        open_forged(tmp_path, [ForgedEntry("0003.bin", data=b"\0" * 1024, raw_payload=payload)])
    assert time.perf_counter() - started < 3


def test_a_huge_declared_size_is_refused_before_inflating(tmp_path):
    with pytest.raises(CorruptFileError) as caught:
        open_forged(tmp_path, [ForgedEntry("0003.bin", data=b"x" * 100, declared_size=4_000_000_000)])
    assert "圧縮爆弾" in one_line(caught.value)


def test_declared_sizes_beyond_the_total_limit_are_refused(tmp_path):
    path = tmp_path / "forged.zip"
    path.write_bytes(forge_zip([ForgedEntry("0003.bin", data=b"y" * 5000)]))
    with pytest.raises(ValidationError) as caught:
        AesZipArchive.open_path(path, PASSWORD.encode(), limits=Limits(max_total_size=1000))
    assert "超えています" in one_line(caught.value)


def test_overlapping_entries_are_refused(tmp_path):
    inner = forge_zip([ForgedEntry("0004.bin", deflate=False)])
    inner_entry = inner[: inner.index(b"PK\x01\x02")]
    outer = ForgedEntry("0003.bin", data=inner_entry, deflate=False)
    # 0004.bin's directory entry points inside 0003.bin's stored data
    local_size = 30 + len("0003.bin") + 11 + 18
    pointing_inside = ForgedEntry("0004.bin", deflate=False, offset=local_size)
    with pytest.raises(CorruptFileError) as caught:
        open_forged(tmp_path, [outer, pointing_inside])
    assert one_line(caught.value)


def test_an_unencrypted_entry_is_refused(tmp_path):
    with pytest.raises(CorruptFileError) as caught:
        open_forged(tmp_path, [ForgedEntry("0003.bin", encrypted=False)])
    assert "暗号化されていない" in one_line(caught.value)


def test_aes_128_is_refused(tmp_path):
    with pytest.raises(CorruptFileError) as caught:
        open_forged(tmp_path, [ForgedEntry("0003.bin", strength=1)])
    assert "AES-256 以外" in one_line(caught.value)


def test_zip64_is_refused(tmp_path):
    zip64 = struct.pack("<HHQQ", 0x0001, 16, 5, 5)
    with pytest.raises(CorruptFileError) as caught:
        open_forged(tmp_path, [ForgedEntry("0003.bin", extra_fields=zip64)])
    assert "ZIP64" in one_line(caught.value)


def test_a_plain_aes_zip_is_not_a_package(tmp_path, signer):
    path = tmp_path / "plain.zip"
    path.write_bytes(forge_zip([ForgedEntry("0001.bin"), ForgedEntry("0002.bin")]))
    with pytest.raises(CorruptFileError) as caught:
        read_fully(path, signer)
    assert "受渡パッケージ" in one_line(caught.value)


def test_an_extra_entry_not_in_the_manifest_is_refused(tmp_path, signer):
    """Re-packing a real package with one more entry (same password, every header canonical)."""
    written = write_package(tmp_path / "p.zip", SMALL_FILES, signer)
    with PackageReader.open_path(written.path, PASSWORD) as package:
        manifest_bytes, signature = package.manifest_bytes, package.signature.to_bytes()
    forged = forge_zip(
        [
            ForgedEntry("0001.bin", data=manifest_bytes),
            ForgedEntry("0002.bin", data=signature),
            ForgedEntry("0003.bin", data=SMALL_FILES["debtors.jsonl"]),
            ForgedEntry("0004.bin", data=SMALL_FILES["notes.txt"]),
            ForgedEntry("0005.bin", data=b"smuggled"),
        ],
        comment=b"Saiken Desk handover package v1",
    )
    written.path.write_bytes(forged)
    with pytest.raises(CorruptFileError) as caught:
        read_fully(written.path, signer)
    assert "目録と中身" in one_line(caught.value)

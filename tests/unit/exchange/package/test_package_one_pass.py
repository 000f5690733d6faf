"""The reader decrypts, authenticates and hashes every data file in one pass: small files' plaintext is kept
from that pass, large (deferred) ones are read once when used, and nothing of a file reaches its user
before the file was found intact. The bytes really read from the package file are counted."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from package_kit import PASSWORD, write_package

from saiken.domain.errors import IntegrityError
from saiken.exchange.package import AesZipArchive, PackageReader

MB = 1 << 20
RECORDS = b'{"key":"R7-000001","name":"\xe6\x9e\xb6\xe7\xa9\xba\xe5\x95\x86\xe5\xba\x97"}\n' * 4000
SCANS = {"scan-1.bin": os.urandom(3 * MB), "scan-2.bin": os.urandom(3 * MB + 12345)}


class CountingFile(io.FileIO):
    """A real file that counts the bytes read from it."""

    read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        data = super().read(size)
        self.read_bytes += len(data)
        return data


def opened(path: Path) -> tuple[PackageReader, CountingFile]:
    handle = CountingFile(path, "rb")
    archive = AesZipArchive(handle, PASSWORD.encode(), label=path.name)  # type: ignore[arg-type]
    return PackageReader(archive), handle


class ListSink:
    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.discarded = False

    def write(self, data: bytes) -> None:
        self.parts.append(data)

    def discard(self) -> None:
        self.parts.clear()
        self.discarded = True


def is_scan(item) -> bool:
    return item.name.startswith("scan-")


@pytest.fixture
def package_path(tmp_path, signer):
    return write_package(tmp_path / "p.zip", {"records.jsonl": RECORDS, **SCANS}, signer).path


def test_every_file_is_read_once_and_kept_files_are_not_read_again(package_path, signer):
    package, handle = opened(package_path)
    with package:
        package.verify_signature(signer.public)
        assert package.verify_contents(keep_max=MB, defer=is_scan) == len(RECORDS)
        with pytest.raises(RuntimeError, match="verify_contents"):
            package.open("scan-1.bin")  # deferred and not read yet: nothing of it is given out
        before = handle.read_bytes
        with package.open("records.jsonl") as stream:
            assert stream.read() == RECORDS
        assert package.read_bytes("records.jsonl") == RECORDS
        assert handle.read_bytes == before  # from the one authenticated pass, kept in memory
        assert package.read_bytes("scan-1.bin", max_size=8 * MB) == SCANS["scan-1.bin"]
        scan_1 = handle.read_bytes - before
        assert len(SCANS["scan-1.bin"]) <= scan_1 < len(SCANS["scan-1.bin"]) + 4096
        assert package.verify_rest() == len(SCANS["scan-2.bin"])  # only what was not read yet
        assert package.verify_rest() == 0 and package.contents_verified
        # the whole package once (and its tail, read when it was opened)
        assert handle.read_bytes < package.file_size + 128 * 1024


def test_copy_to_streams_one_pass_into_a_sink(package_path, signer):
    package, _ = opened(package_path)
    with package:
        package.verify_signature(signer.public)
        package.verify_contents(defer=is_scan)
        sink = ListSink()
        assert package.copy_to("scan-2.bin", sink) == len(SCANS["scan-2.bin"])
        assert b"".join(sink.parts) == SCANS["scan-2.bin"] and not sink.discarded
        assert package.verify_rest() == len(SCANS["scan-1.bin"])


def test_a_byte_flipped_in_the_last_mb_of_a_large_file_is_found_and_the_sink_discards(
    package_path, tmp_path, signer
):
    probe, _ = opened(package_path)
    with probe:
        entry = probe._archive.entry(probe.manifest.file("scan-2.bin").entry)
    data = bytearray(package_path.read_bytes())
    data[entry.end - 10 - MB // 2] ^= 0x40  # in the last MB of the ciphertext, before the code
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    package, _ = opened(damaged)
    with package:
        package.verify_signature(signer.public)
        package.verify_contents(defer=is_scan)  # the records file and scan-1 are intact
        sink = ListSink()
        with pytest.raises(IntegrityError, match=r"damaged\.zip"):
            package.copy_to("scan-2.bin", sink)
        assert sink.discarded and sink.parts == []
        with pytest.raises(IntegrityError):
            package.read_bytes("scan-2.bin", max_size=8 * MB)
        with pytest.raises(IntegrityError):
            package.verify_rest()
        assert not package.contents_verified

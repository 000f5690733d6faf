"""Package format v1: what is written is read back exactly, streamed, signed, atomically."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from package_kit import CREATED, PASSWORD, SMALL_FILES, make_signer, manifest, write_package

from saiken.domain.errors import IntegrityError
from saiken.exchange.package import PackageReader, PackageTooLargeError, PackageWriter, file_sha256
from saiken.exchange.package.zip_layout import METHOD_DEFLATED, METHOD_STORED

logical_names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters='/\\:*?"<>|'),
    min_size=1,
    max_size=40,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    files=st.dictionaries(logical_names, st.binary(max_size=3000), min_size=0, max_size=5),
    repeat=st.integers(min_value=1, max_value=300),
    records=st.dictionaries(
        st.sampled_from(["debtors", "claims", "payments", "records"]), st.integers(0, 10**6)
    ),
    kind=st.sampled_from(["debtors", "report", "answers", "templates", "erasure"]),
)
def test_round_trip_gives_back_every_file_and_the_manifest(tmp_path_factory, files, repeat, records, kind):
    folder = tmp_path_factory.mktemp("rt")
    signer = make_signer()
    contents = {name: data * repeat for name, data in files.items()}
    written = write_package(folder / "p.zip", contents, signer, records=records, kind=kind)
    assert written.sha256 == file_sha256(written.path)
    with PackageReader.open_path(written.path, PASSWORD) as package:
        assert package.manifest == written.manifest
        assert package.manifest.kind == kind and dict(package.manifest.records) == records
        assert package.manifest.names() == list(contents)
        package.verify_signature(signer.public)
        assert package.verify_contents() == sum(len(data) for data in contents.values())
        for name, data in contents.items():
            assert package.read_bytes(name) == data
            item = package.manifest.file(name)
            assert (item.size, item.sha256) == (len(data), hashlib.sha256(data).hexdigest())


def test_each_entry_is_deflated_or_stored_by_what_its_first_bytes_show(tmp_path, signer):
    files = {
        "records.jsonl": '{"summary":"電話で納付を約束"}\n'.encode() * 20000,
        "photo.jpg": os.urandom(400_000),
    }
    written = write_package(tmp_path / "p.zip", files, signer)
    assert written.size < 400_000 + 20_000  # the text shrank, the random bytes did not grow
    with PackageReader.open_path(written.path, PASSWORD) as package:
        archive = package._archive
        assert archive.entry("0003.bin").method == METHOD_DEFLATED
        assert archive.entry("0004.bin").method == METHOD_STORED
        package.verify_signature(signer.public)
        package.verify_contents()
        assert package.read_bytes("photo.jpg") == files["photo.jpg"]


def test_a_stream_reads_in_small_pieces_and_lines(tmp_path, signer):
    lines = [f'{{"seq":{i},"name":"架空商店{i}"}}\n'.encode() for i in range(30000)]
    with PackageWriter(tmp_path / "p.zip", PASSWORD, created_at=CREATED) as writer:
        with writer.open("debtors.jsonl") as out:
            for line in lines:
                out.write(line)
        written = writer.finish(manifest(), sign=signer.sign, signer_fingerprint=signer.fingerprint)
    with PackageReader.open_path(written.path, PASSWORD) as package:
        package.verify_signature(signer.public)
        package.verify_contents()
        with package.open("debtors.jsonl") as raw, io.BufferedReader(raw, 4096) as stream:
            assert list(stream) == lines


def test_data_files_cannot_be_read_before_the_signature_is_verified(small_package):
    with PackageReader.open_path(small_package.path, PASSWORD) as package, pytest.raises(RuntimeError):
        package.open("debtors.jsonl")


def test_data_files_cannot_be_read_before_every_file_was_found_intact(small_package, signer):
    with PackageReader.open_path(small_package.path, PASSWORD) as package:
        package.verify_signature(signer.public)
        with pytest.raises(RuntimeError, match="verify_contents"):
            package.open("debtors.jsonl")
        package.verify_contents()
        with package.open("debtors.jsonl") as stream:
            assert stream.read()


def test_a_signature_by_another_key_is_refused(small_package):
    with PackageReader.open_path(small_package.path, PASSWORD) as package:
        with pytest.raises(IntegrityError) as caught:
            package.verify_signature(make_signer().public)
        assert "署名" in str(caught.value) and "一致しません" in str(caught.value)
        assert not package.signature_verified


def test_a_300_mb_package_is_never_held_in_memory_whole(tmp_path, signer):
    """Streams of 48 MB in and out with a traced peak far below the data's size (scaled from 300 MB)."""
    size = 48 << 20
    block = hashlib.sha256(b"seed").digest() * 32768  # 1 MiB that deflates a little
    tracemalloc.start()
    try:
        with PackageWriter(tmp_path / "big.zip", PASSWORD, created_at=CREATED, level=1) as writer:
            with writer.open("attachments.bin", compress=False) as out:
                for _ in range(size // len(block)):
                    out.write(block)
            written = writer.finish(manifest(), sign=signer.sign, signer_fingerprint=signer.fingerprint)
        _, write_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        with PackageReader.open_path(written.path, PASSWORD) as package:
            package.verify_signature(signer.public)
            assert package.verify_contents() == size
        _, read_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert write_peak < 12 << 20 and read_peak < 12 << 20, (write_peak, read_peak)


def test_a_package_over_one_cd_r_is_refused_with_its_size_and_leaves_nothing(tmp_path, signer):
    limit = 200_000
    with pytest.raises(PackageTooLargeError) as caught:
        with PackageWriter(tmp_path / "p.zip", PASSWORD, created_at=CREATED, max_size=limit) as writer:
            writer.add_bytes("photo.jpg", os.urandom(500_000))
            writer.finish(manifest(), sign=signer.sign, signer_fingerprint=signer.fingerprint)
    error = caught.value
    assert error.size > 500_000 and error.limit == limit
    assert "0.5 MB" in str(error) and "分割" in str(error) and "何も書き出していません" in str(error)
    assert list(tmp_path.iterdir()) == []


def test_the_default_limit_is_one_700_mb_cd_r():
    from saiken.exchange.package import CD_R_BYTES

    assert CD_R_BYTES == 700_000_000


def test_a_failed_write_leaves_no_file_and_keeps_an_older_one(tmp_path, signer):
    target = tmp_path / "p.zip"
    target.write_bytes(b"older package")

    class Broken(Exception):
        pass

    with pytest.raises(Broken):
        with PackageWriter(target, PASSWORD, created_at=CREATED) as writer:
            with writer.open("debtors.jsonl") as out:
                out.write(b"x" * 1000)
                raise Broken
    assert target.read_bytes() == b"older package"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.zip"]


def test_leaving_the_writer_without_finish_is_an_error_and_leaves_nothing(tmp_path):
    with pytest.raises(RuntimeError):
        with PackageWriter(tmp_path / "p.zip", PASSWORD, created_at=CREATED) as writer:
            writer.add_bytes("a.txt", b"a")
    assert list(tmp_path.iterdir()) == []


def test_the_package_file_is_private(tmp_path, signer):
    written = write_package(tmp_path / "p.zip", SMALL_FILES, signer)
    assert (written.path.stat().st_mode & 0o777) == 0o600


def test_duplicate_logical_names_are_refused_by_the_writer(tmp_path, signer):
    with pytest.raises(ValueError), PackageWriter(tmp_path / "p.zip", PASSWORD, created_at=CREATED) as writer:
        writer.add_bytes("a.txt", b"1")
        writer.add_bytes("a.txt", b"2")


def test_the_manifest_lists_logical_names_only_inside_the_encryption(tmp_path, signer):
    written = write_package(tmp_path / "p.zip", {"債務者一覧.jsonl": "架空商店".encode() * 50}, signer)
    raw = Path(written.path).read_bytes()
    for plain in (
        "債務者一覧".encode(),
        "架空".encode(),
        b"debtors",
        b"manifest",
        b"sato",
        "架空区役所".encode(),
    ):
        assert plain not in raw
    assert dataclasses.replace(written.manifest).files[0].entry == "0003.bin"

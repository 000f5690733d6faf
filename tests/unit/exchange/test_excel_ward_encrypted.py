"""The ward's extraction read from an Office-encrypted workbook: the same rows as the plain one, and one
clear line for every file that cannot be read (through `read_ward_workbook`, as the import uses it)."""

from __future__ import annotations

import pytest

from office_files import encrypt_agile, encrypt_standard, renamed, truncated, with_declared_size
from saiken.domain.errors import CorruptFileError, PasswordRequiredError, ValidationError, WrongPasswordError
from saiken.domain.fictional import generate_debtors
from saiken.exchange.excel import read_ward_workbook
from saiken.exchange.excel.ward_writer import write_ward_workbook

PASSWORD = "Kasou-Ward-Pass-2025"  # fictional


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    path = tmp_path_factory.mktemp("ward") / "plain.xlsx"
    write_ward_workbook(path, generate_debtors(30, seed=11), variant="messy")
    return path


@pytest.mark.parametrize("encrypt", [encrypt_agile, encrypt_standard], ids=["agile", "standard"])
def test_an_encrypted_extraction_reads_exactly_as_the_plain_one(plain, tmp_path, encrypt):
    locked = tmp_path / "抽出.xlsx"
    locked.write_bytes(encrypt(plain.read_bytes(), PASSWORD))
    expected = read_ward_workbook(plain)
    got = read_ward_workbook(locked, password=PASSWORD)
    assert got.rows == expected.rows and len(got.rows) == 30
    assert (got.errors, got.skipped_rows, got.sheet_name, got.columns) == (
        expected.errors,
        expected.skipped_rows,
        expected.sheet_name,
        expected.columns,
    )
    assert got.skipped_rows  # the messy layout's total and note rows are skipped alike
    with pytest.raises(PasswordRequiredError):
        read_ward_workbook(locked)
    with pytest.raises(WrongPasswordError, match=r"「抽出\.xlsx」のパスワードが違います"):
        read_ward_workbook(locked, password="Kasou-Ward-Pass-2026")


def test_the_size_limit_applies_to_the_workbook_inside(plain, tmp_path):
    locked = tmp_path / "抽出.xlsx"
    locked.write_bytes(encrypt_agile(plain.read_bytes(), PASSWORD))
    with pytest.raises(ValidationError, match="上限"):
        read_ward_workbook(locked, password=PASSWORD, max_bytes=plain.stat().st_size - 1)


def test_a_plain_workbook_ignores_a_password(plain):
    assert len(read_ward_workbook(plain, password="anything-at-all").rows) == 30


@pytest.mark.parametrize(
    ("damage", "fragment"),
    [
        (lambda data: truncated(data, 0.6), "途中で切れているか壊れている"),
        (lambda data: truncated(data, 0.001), "途中で切れているか壊れている"),
        (lambda data: with_declared_size(data, 2**62), "大きさの記録"),
        (lambda data: renamed(data, "EncryptedPackage", "Workbook"), "古い形式（.xls）"),
        (
            lambda data: renamed(renamed(data, "EncryptionInfo", "Summary"), "EncryptedPackage", "Contents"),
            "Excel ブックではありません（パスワード付きの Excel ブックでもありません）",
        ),
    ],
    ids=["truncated", "header-only", "huge-declared-size", "old-xls", "other-ole"],
)
def test_broken_or_foreign_files_are_refused_in_one_line(plain, tmp_path, damage, fragment):
    bad = tmp_path / "抽出.xlsx"
    bad.write_bytes(damage(encrypt_agile(plain.read_bytes(), PASSWORD)))
    with pytest.raises(CorruptFileError) as raised:
        read_ward_workbook(bad, password=PASSWORD)
    assert fragment in str(raised.value) and "「抽出.xlsx」" in str(raised.value)
    assert "\n" not in str(raised.value)

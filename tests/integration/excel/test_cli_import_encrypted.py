"""`saiken import-excel` on a workbook with Excel's own password, as a user runs it: the password from
SAIKEN_WORKBOOK_PASSWORD (never an argument), one clear line and nothing stored when it is wrong or missing,
and the hostile files refused in one line (their 5 s bound is shown in tests/unit/exchange)."""

from __future__ import annotations

import json

import pytest

from office_files import encrypt_agile, truncated, with_declared_size
from saiken.cli import main
from saiken.domain.fictional import generate_debtors
from saiken.exchange.excel.ward_writer import write_ward_workbook
from saiken.services.vault import create_vault

PASSWORD = "kasou-Pass-2025-tsuru!"  # fictional
BOOK_PASSWORD = "Kasou-Ward-Pass-2025"  # fictional


@pytest.fixture
def cli_vault(tmp_path, monkeypatch):
    folder = tmp_path / "vault"
    create_vault(
        folder,
        org_role="contractor",
        org_name="架空法律事務所",
        admin_user="kanri",
        admin_password=PASSWORD,
        device_binding=False,
    )
    monkeypatch.setenv("SAIKEN_USER", "kanri")
    monkeypatch.setenv("SAIKEN_PASSWORD", PASSWORD)
    monkeypatch.delenv("SAIKEN_WORKBOOK_PASSWORD", raising=False)
    return folder


@pytest.fixture
def locked(tmp_path):
    plain = tmp_path / "plain.xlsx"
    write_ward_workbook(plain, generate_debtors(25, seed=8))
    path = tmp_path / "抽出.xlsx"
    path.write_bytes(encrypt_agile(plain.read_bytes(), BOOK_PASSWORD))
    return path


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _debtors(capsys, vault) -> list:
    status, out, _ = run(capsys, "debtors", "--vault", str(vault), "--json")
    assert status == 0
    return json.loads(out)


def test_the_password_from_the_environment_opens_the_workbook(cli_vault, locked, capsys, monkeypatch):
    monkeypatch.setenv("SAIKEN_WORKBOOK_PASSWORD", BOOK_PASSWORD)
    status, out, err = run(
        capsys, "import-excel", "--vault", str(cli_vault), str(locked), "--dry-run", "--json"
    )
    assert status == 0, err
    assert (json.loads(out)["imported"], json.loads(out)["protected"], json.loads(out)["dry_run"]) == (
        25,
        True,
        True,
    )
    assert _debtors(capsys, cli_vault) == []
    status, out, err = run(capsys, "import-excel", "--vault", str(cli_vault), str(locked))
    assert status == 0, err
    assert "新規 25 件" in out and "メモリ上で開きました" in out
    assert BOOK_PASSWORD not in out + err
    assert len(_debtors(capsys, cli_vault)) == 25


@pytest.mark.parametrize("password", ["Kasou-Ward-Pass-2024", None])
def test_a_wrong_or_missing_password_is_one_line_and_stores_nothing(
    cli_vault, locked, capsys, monkeypatch, password
):
    if password is not None:
        monkeypatch.setenv("SAIKEN_WORKBOOK_PASSWORD", password)
    status, out, err = run(capsys, "import-excel", "--vault", str(cli_vault), str(locked), "--json")
    assert status == 3 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    if password is None:
        assert "パスワードで保護されています" in err and "SAIKEN_WORKBOOK_PASSWORD" in err
    else:
        assert "「抽出.xlsx」のパスワードが違います" in err and password not in err
    assert _debtors(capsys, cli_vault) == []


@pytest.mark.parametrize(
    ("damage", "fragment"),
    [
        (lambda d: truncated(d, 0.5), "途中で切れているか壊れている"),
        (lambda d: with_declared_size(d, 2**62), "大きさの記録"),
    ],
    ids=["truncated", "huge-declared-size"],
)
def test_hostile_workbooks_are_refused_in_one_line(cli_vault, locked, capsys, monkeypatch, damage, fragment):
    monkeypatch.setenv("SAIKEN_WORKBOOK_PASSWORD", BOOK_PASSWORD)
    locked.write_bytes(damage(locked.read_bytes()))
    status, _out, err = run(capsys, "import-excel", "--vault", str(cli_vault), str(locked))
    assert status == 7 and fragment in err and len(err.strip().splitlines()) == 1
    assert _debtors(capsys, cli_vault) == []

"""`saiken import-excel` as a user runs it, on a vault made by the vault service and signed in with
SAIKEN_USER / SAIKEN_PASSWORD."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from saiken.cli import main
from saiken.services.vault import create_vault

PASSWORD = "kasou-Pass-2025-tsuru!"  # fictional


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
    return folder


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_dry_run_then_import_then_reimport(cli_vault, sample, capsys):
    status, out, err = run(
        capsys, "import-excel", "--vault", str(cli_vault), str(sample), "--dry-run", "--json"
    )
    assert status == 0, err
    data = json.loads(out)
    assert {"imported", "updated", "errors"} <= set(data)
    assert (data["imported"], data["updated"], data["errors"]) == (58, 0, [])
    status, out, _ = run(capsys, "debtors", "--vault", str(cli_vault), "--json")
    assert (status, json.loads(out)) == (0, [])  # the dry run stored nothing
    status, out, err = run(capsys, "import-excel", "--vault", str(cli_vault), str(sample), "--json")
    assert status == 0, err
    assert (json.loads(out)["imported"], json.loads(out)["errors"]) == (58, [])
    status, out, err = run(capsys, "import-excel", "--vault", str(cli_vault), str(sample))
    assert status == 0, err
    assert "新規 0 件、更新 0 件、変更なし 58 件" in out


def test_broken_workbook_exits_non_zero_and_lists_every_bad_row(cli_vault, sample, capsys):
    workbook = load_workbook(sample)
    sheet = workbook.worksheets[0]
    sheet["P3"] = "百万円"  # 返還金額 of row 3
    sheet["Q8"] = "2025-13-45"  # 納期限 of row 8
    workbook.save(sample)
    status, out, _err = run(capsys, "import-excel", "--vault", str(cli_vault), str(sample), "--json")
    assert status != 0
    data = json.loads(out)
    assert data["imported"] == 0
    assert {(e["row"], e["column"]) for e in data["errors"]} >= {(3, "返還金額"), (8, "納期限")}
    assert all(set(e) == {"row", "column", "value", "message"} for e in data["errors"])
    assert next(e for e in data["errors"] if e["row"] == 3)["value"] == "百万円"
    status, out, _ = run(capsys, "import-excel", "--vault", str(cli_vault), str(sample))
    assert status != 0 and "3行目" in out and "8行目" in out and "何も保存していません" in out
    status, out, _ = run(capsys, "debtors", "--vault", str(cli_vault), "--json")
    assert json.loads(out) == []


def test_missing_file_and_wrong_password_give_one_clear_line(
    cli_vault, sample, tmp_path, capsys, monkeypatch
):
    status, _out, err = run(capsys, "import-excel", "--vault", str(cli_vault), str(tmp_path / "nai.xlsx"))
    assert status != 0 and "nai.xlsx" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    monkeypatch.setenv("SAIKEN_PASSWORD", "wrong-password-xx")
    status, _, err = run(capsys, "import-excel", "--vault", str(cli_vault), str(sample))
    assert status != 0 and len(err.strip().splitlines()) == 1 and "Traceback" not in err

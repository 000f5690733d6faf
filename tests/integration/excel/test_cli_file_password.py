"""The shared `--protect` option of the command line (saiken.cli.file_password), on a parser built as every
command builds its own, driving the real debtor-list export into a real vault; the files are opened again
with msoffcrypto-tool."""

from __future__ import annotations

import argparse
import io
import json

import openpyxl
import pytest
from excel_helpers import SAMPLE

from office_files import decrypt_with_msoffcrypto
from saiken.cli.common import print_json
from saiken.cli.file_password import add_protect_argument, file_password, report_file_password
from saiken.domain.errors import ValidationError
from saiken.services.excel_export import export_debtor_list
from saiken.services.excel_import import import_ward_workbook


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="saiken export debtors")
    parser.add_argument("--out", required=True)
    parser.add_argument("--json", action="store_true")
    add_protect_argument(parser)  # the one line a command adds
    return parser


def _export(session, argv: list[str], capsys) -> tuple[dict, str, str]:
    """What a command's run() does: password, service, report — and what the user sees."""
    args = _parser().parse_args(argv)
    password = file_password(args, args.out)
    result = export_debtor_list(session, args.out, password=password)
    payload = {"rows": result.rows, "out": args.out}
    report_file_password(args, password, payload)
    if args.json:
        print_json(payload)
    out, err = capsys.readouterr()
    return payload, out, err


@pytest.fixture
def filled(vault_session, monkeypatch):
    monkeypatch.delenv("SAIKEN_FILE_PASSWORD", raising=False)
    import_ward_workbook(vault_session, SAMPLE)
    return vault_session


def _numbers(data: bytes) -> set:
    """The management numbers the list holds (the sample's 58 debtors are R7-0001 …)."""
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return {
        v
        for row in sheet.iter_rows(values_only=True)
        for v in row
        if isinstance(v, str) and v.startswith("R7-")
    }


def test_help_says_where_the_password_comes_from():
    text = _parser().format_help()
    assert "--protect" in text and "SAIKEN_FILE_PASSWORD" in text and "一度だけ表示" in text


def test_without_protect_nothing_changes(filled, tmp_path, capsys):
    target = tmp_path / "一覧.xlsx"
    payload, out, _ = _export(filled, ["--out", str(target), "--json"], capsys)
    assert json.loads(out)["protected"] is False and json.loads(out)["file_password"] is None
    assert payload["rows"] == 58 and len(_numbers(target.read_bytes())) == 58


def test_a_generated_password_is_printed_once_in_json_and_opens_the_file(filled, tmp_path, capsys):
    target = tmp_path / "一覧.xlsx"
    _, out, err = _export(filled, ["--out", str(target), "--protect", "--json"], capsys)
    data = json.loads(out)
    assert data["protected"] is True and err == ""
    password = data["file_password"]
    assert len(password) == 34 and out.count(password) == 1
    with pytest.raises(Exception, match=r"(?i)verification failed"):
        decrypt_with_msoffcrypto(target.read_bytes(), "x" + password)
    assert len(_numbers(decrypt_with_msoffcrypto(target.read_bytes(), password))) == 58


def test_in_text_mode_the_generated_password_is_shown_once_with_what_to_do(filled, tmp_path, capsys):
    target = tmp_path / "一覧.xlsx"
    _, out, _ = _export(filled, ["--out", str(target), "--protect"], capsys)
    line = next(line for line in out.splitlines() if line.startswith("ファイルのパスワード: "))
    password = line.removeprefix("ファイルのパスワード: ")
    assert out.count(password) == 1 and "別の機会に渡して" in out
    decrypt_with_msoffcrypto(target.read_bytes(), password)


def test_the_password_from_the_environment_is_used_and_never_printed(filled, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SAIKEN_FILE_PASSWORD", "kasou no madoguchi 2025")
    target = tmp_path / "一覧.xlsx"
    _, out, _ = _export(filled, ["--out", str(target), "--protect", "--json"], capsys)
    assert json.loads(out) | {"rows": 0} == {
        "rows": 0,
        "out": str(target),
        "protected": True,
        "file_password": None,
    }
    assert "kasou no madoguchi" not in out
    decrypt_with_msoffcrypto(target.read_bytes(), "kasou no madoguchi 2025")
    _, text, _ = _export(filled, ["--out", str(target), "--protect"], capsys)
    assert "環境変数 SAIKEN_FILE_PASSWORD のパスワード" in text and "kasou no madoguchi" not in text


def test_a_weak_password_in_the_environment_is_refused_before_anything_is_written(
    filled, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("SAIKEN_FILE_PASSWORD", "password")
    target = tmp_path / "一覧.xlsx"
    with pytest.raises(ValidationError, match="10 文字以上"):
        _export(filled, ["--out", str(target), "--protect"], capsys)
    assert not target.exists()

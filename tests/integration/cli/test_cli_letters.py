"""`saiken template` and `saiken letters` as an administrator drives them (DESIGN §9, issue 8)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from saiken.cli import main

PW = "ながい管理者の合言葉"
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "ward_extraction_R7.xlsx"


@pytest.fixture
def env(monkeypatch):
    for name in ("SAIKEN_PASSWORD", "SAIKEN_NEW_PASSWORD", "SAIKEN_USER", "SAIKEN_FILE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SAIKEN_USER", "kanri")
    monkeypatch.setenv("SAIKEN_PASSWORD", PW)
    return monkeypatch


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def vault(tmp_path, env, capsys) -> Path:
    folder = tmp_path / "vault"
    assert (
        run(
            capsys,
            "init",
            "--vault",
            folder,
            "--role",
            "contractor",
            "--org",
            "架空法律事務所",
            "--admin",
            "kanri",
        )[0]
        == 0
    )
    assert run(capsys, "import-excel", "--vault", folder, SAMPLE)[0] == 0
    return folder


def test_template_list_show_and_approve(vault, capsys):
    code, out, _ = run(capsys, "template", "list", "--vault", vault, "--json")
    assert code == 0
    items = json.loads(out)
    assert [i["kind"] for i in items] == ["demand", "notice", "agreement", "pledge", "reissue"]
    assert all(i["versions"][0]["state"] == "draft" for i in items)
    code, out, _ = run(capsys, "template", "show", "--vault", vault, "--kind", "督促状")
    assert code == 0 and "（教示）" in out and "{{請求内訳}}" in out
    code, out, _ = run(capsys, "template", "approve", "--vault", vault, "--kind", "demand")
    assert code == 0 and "承認しました" in out
    code, out, _ = run(capsys, "template", "list", "--vault", vault, "--kind", "demand", "--json")
    assert json.loads(out)[0]["versions"][0]["approved_by"] == "kanri"


def test_letters_for_the_whole_sample_with_mail_list_and_labels(vault, tmp_path, capsys):
    assert run(capsys, "template", "approve", "--vault", vault, "--kind", "demand")[0] == 0
    out_pdf, mail_list, labels = tmp_path / "督促状.pdf", tmp_path / "差出票.xlsx", tmp_path / "ラベル.pdf"
    code, out, err = run(
        capsys, "letters", "--vault", vault, "--kind", "demand", "--out", out_pdf, "--mail-list", mail_list,
        "--labels", labels, "--method", "書留", "--json",
    )  # fmt: skip
    assert code == 0, err
    summary = json.loads(out)
    assert set(summary) == {"letters", "pages", "skipped", "document_numbers"}
    assert summary["letters"] == 58 and summary["pages"] >= 58 and summary["skipped"] == []
    assert len(summary["document_numbers"]) == 58 and re.fullmatch(
        r"\d+債第1号", summary["document_numbers"][0]
    )
    assert len(PdfReader(out_pdf).pages) == summary["pages"]
    sheet = openpyxl.load_workbook(mail_list).active
    assert sheet.max_row == 4 + 58 and sheet["E5"].value == "一般書留"
    assert len(PdfReader(labels).pages) == 5  # 58 labels, 12 a sheet
    assert "差出人情報の「区名」が未登録" in err  # what is still to fill in is said, on stderr


def test_letters_for_named_debtors_and_the_skipped_list(vault, tmp_path, capsys):
    assert run(capsys, "template", "approve", "--vault", vault, "--kind", "notice")[0] == 0
    code, out, err = run(
        capsys, "letters", "--vault", vault, "--kind", "notice", "--debtor", "R7-0001", "--debtor", "R7-0002",
        "--out", tmp_path / "n.pdf", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["letters"] == 2


def test_errors_are_one_line_and_change_nothing(vault, tmp_path, capsys):
    target = tmp_path / "x.pdf"
    code, _, err = run(capsys, "letters", "--vault", vault, "--kind", "demand", "--out", target)
    assert code != 0 and err.count("\n") == 1 and "承認済みの督促状のひな形がない" in err
    assert not target.exists()
    code, _, err = run(capsys, "letters", "--vault", vault, "--kind", "はがき", "--out", target)
    assert code != 0 and "文書の種類「はがき」はありません" in err
    code, _, err = run(capsys, "letters", "--vault", vault, "--kind", "demand", "--out", tmp_path / "x.txt")
    assert code != 0 and ".pdf" in err
    assert run(capsys, "template", "approve", "--vault", vault, "--kind", "demand")[0] == 0
    code, _, err = run(
        capsys, "letters", "--vault", vault, "--kind", "demand", "--debtor", "R9-9999", "--out", target
    )
    assert code != 0 and "管理番号「R9-9999」の債務者はいません" in err and not target.exists()
    bad = tmp_path / "bad.txt"
    bad.write_text("種類: 督促状\n名称: 試し\n表題: 督促状\n[本文]\n{{振込口座}}へ\n", encoding="utf-8")
    code, _, err = run(capsys, "template", "save", "--vault", vault, bad)
    assert code != 0 and "「{{振込口座}}」はありません" in err and "第5行" in err


def test_the_letterhead_command_sets_what_letters_print(vault, tmp_path, capsys):
    code, out, err = run(
        capsys, "letterhead", "--vault", vault, "--set", "ward=架空区", "--set", "ward_head_name=山本　一郎",
        "--set", "pay_by_days=10", "--json",
    )  # fmt: skip
    assert code == 0, err
    values = json.loads(out)
    assert values["ward"] == "架空区" and values["pay_by_days"] == 10 and values["firm"] == "架空法律事務所"
    assert run(capsys, "template", "approve", "--vault", vault, "--kind", "demand")[0] == 0
    code, out, err = run(
        capsys,
        "letters",
        "--vault",
        vault,
        "--kind",
        "demand",
        "--debtor",
        "R7-0001",
        "--out",
        tmp_path / "a.pdf",
    )
    assert code == 0
    text = re.sub(r"\s+", "", PdfReader(tmp_path / "a.pdf").pages[0].extract_text())
    assert "架空区長山本一郎" in text and "区名" not in err

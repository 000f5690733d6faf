"""The handover commands of the `saiken` CLI on a real ward vault (init, the sample imported): organisations,
engagements, the ledger and its documents, `package verify`, and what a user sees where the organisation key
is needed. (The ward → firm → ward round trip runs through the services in tests/integration/handover; the
CLI one follows as soon as the vault holds its organisation key — branch trust.)"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import openpyxl
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from saiken.cli import main
from saiken.services.handover.keys import OrganisationIdentity
from saiken.services.handover.organisations import key_document

PW = "ながい管理者の合言葉"
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "ward_extraction_R7.xlsx"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ward(tmp_path, monkeypatch, capsys):
    for name in ("SAIKEN_PASSWORD", "SAIKEN_USER", "SAIKEN_PACKAGE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SAIKEN_USER", "kanri")
    monkeypatch.setenv("SAIKEN_PASSWORD", PW)
    folder = tmp_path / "ward"
    assert (
        run(capsys, "init", "--vault", folder, "--role", "ward", "--org", "架空区", "--admin", "kanri")[0]
        == 0
    )
    copy = tmp_path / "extraction.xlsx"
    copy.write_bytes(SAMPLE.read_bytes())
    assert run(capsys, "import-excel", "--vault", folder, copy)[0] == 0
    return folder


def firm_key_file(tmp_path: Path) -> Path:
    public = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    path = tmp_path / "事務所の鍵.json"
    path.write_text(
        key_document(OrganisationIdentity("架空法律事務所", "contractor", public)), encoding="utf-8"
    )
    return path


def test_pairing_engagements_and_the_ledger_from_the_command_line(ward, tmp_path, capsys):
    code, out, _ = run(capsys, "org", "add", "--vault", ward, "--key", firm_key_file(tmp_path), "--json")
    assert code == 0
    org = json.loads(out)
    assert org["role"] == "contractor" and len(org["fingerprint"].split("-")) == 8
    code, out, _ = run(capsys, "org", "list", "--vault", ward, "--json")
    assert json.loads(out) == [{**org, "confirmed": False}]
    code, _, err = run(capsys, "org", "confirm", "--vault", ward, str(org["id"]))
    assert code != 0 and "--yes" in err and "\n" not in err.strip()
    assert run(capsys, "org", "confirm", "--vault", ward, str(org["id"]), "--yes")[0] == 0
    assert json.loads(run(capsys, "org", "list", "--vault", ward, "--json")[1])[0]["confirmed"] is True

    code, out, _ = run(capsys, "engagements", "--vault", ward, "--json")
    [engagement] = json.loads(out)
    assert (
        engagement["debtors"] == 58 and engagement["status"] == "active" and engagement["counterpart"] == ""
    )
    code, out, _ = run(
        capsys,
        "engagement",
        "set",
        "--vault",
        ward,
        str(engagement["id"]),
        "--title",
        "補助金返還金 督促等業務",
        "--counterpart",
        str(org["id"]),
        "--from",
        "2025-09-16",
        "--to",
        "2026-03-31",
    )
    assert code == 0 and "架空法律事務所" in out
    [engagement] = json.loads(run(capsys, "engagements", "--vault", ward, "--json")[1])
    assert engagement["counterpart"] == "架空法律事務所" and engagement["period_to"] == "2026-03-31"
    code, _, err = run(
        capsys, "engagement", "set", "--vault", ward, "1", "--from", "2026-04-01", "--to", "2026-03-31"
    )
    assert code == 2 and "開始日が終了日より後" in err

    assert json.loads(run(capsys, "ledger", "--vault", ward, "--json")[1]) == []
    code, out, _ = run(capsys, "ledger", "verify", "--vault", ward)
    assert code == 0 and "0 件" in out
    assert "済んでいない媒体はありません" in run(capsys, "ledger", "media", "--vault", ward)[1]
    pdf, xlsx = tmp_path / "管理簿.pdf", tmp_path / "管理簿.xlsx"
    assert run(capsys, "ledger", "export", "--vault", ward, "--out", pdf)[0] == 0
    assert run(capsys, "ledger", "export", "--vault", ward, "--out", xlsx)[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF") and openpyxl.load_workbook(xlsx)["管理簿"]["A1"].value
    code, _, err = run(
        capsys, "ledger", "record", "--vault", ward, "--medium", "区-R7-404", "--event", "returned"
    )
    assert code == 8 and "管理簿にありません" in err


def test_commands_that_sign_say_the_organisation_key_is_not_there_yet(ward, tmp_path, capsys):
    out_dir = tmp_path / "burn"
    out_dir.mkdir()
    run(capsys, "org", "add", "--vault", ward, "--key", firm_key_file(tmp_path))
    run(capsys, "org", "confirm", "--vault", ward, "1", "--yes")
    run(capsys, "engagement", "set", "--vault", ward, "1", "--counterpart", "1")
    code, _, err = run(
        capsys,
        "package",
        "export",
        "--vault",
        ward,
        "--kind",
        "debtors",
        "--to",
        "架空法律事務所",
        "--media-id",
        "区-R7-001",
        "--out",
        out_dir,
        "--notice",
        tmp_path / "notice.pdf",
    )
    assert code == 6 and "まだ組織の鍵がありません" in err and len(err.strip().splitlines()) == 1, err
    assert list(out_dir.iterdir()) == [] and not (tmp_path / "notice.pdf").exists()
    code, _, err = run(
        capsys,
        "package",
        "export",
        "--vault",
        ward,
        "--kind",
        "debtors",
        "--to",
        "架空法律事務所",
        "--media-id",
        "区-R7-001",
        "--out",
        out_dir,
        "--notice",
        out_dir / "notice.pdf",
    )
    assert code == 2 and "別の機会" in err


def test_package_verify_compares_the_burned_copy(tmp_path, capsys):
    copy = tmp_path / "SAIKEN-debtors-001-1a2b3c4d.zip"
    copy.write_bytes(b"PK\x03\x04 fictional package bytes")
    digest = hashlib.sha256(copy.read_bytes()).hexdigest()
    code, out, _ = run(capsys, "package", "verify", copy, "--sha256", digest.upper())
    assert code == 0 and "一致しました" in out
    code, _, err = run(capsys, "package", "verify", copy, "--sha256", "0" * 64)
    assert code == 9 and "一致しません" in err
    code, _, err = run(capsys, "package", "verify", copy, "--sha256", "xyz")
    assert code == 2 and "64 桁" in err

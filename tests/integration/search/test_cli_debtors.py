"""`saiken debtors` as a user runs it: the list with its amounts, and `--search` with the GUI's search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saiken.cli import main
from saiken.services.vault import create_vault

PASSWORD = "kasou-Pass-2025-kame!"  # fictional
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "ward_extraction_R7.xlsx"
ITEM_KEYS = {"id", "name", "kana", "representative", "address", "phone", "principal", "paid", "balance"}


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A vault with the sample imported through the CLI (module-wide: sign-in runs the real KDF)."""
    folder = tmp_path_factory.mktemp("cli") / "vault"
    create_vault(
        folder,
        org_role="contractor",
        org_name="架空法律事務所",
        admin_user="kanri",
        admin_password=PASSWORD,
        device_binding=False,
    )
    return folder


def run(capsys, monkeypatch, *argv):
    monkeypatch.setenv("SAIKEN_USER", "kanri")
    monkeypatch.setenv("SAIKEN_PASSWORD", PASSWORD)
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def vault(imported, capsys, monkeypatch):
    status, _, err = run(capsys, monkeypatch, "import-excel", "--vault", str(imported), str(SAMPLE))
    assert status == 0, err
    return imported


def test_list_json_has_every_debtor_with_amounts(vault, capsys, monkeypatch):
    status, out, err = run(capsys, monkeypatch, "debtors", "--vault", str(vault), "--json")
    assert status == 0, err
    items = json.loads(out)
    assert len(items) == 58
    assert all(ITEM_KEYS <= set(item) for item in items)
    assert len({item["id"] for item in items}) == 58
    assert all(item["balance"] == item["principal"] - item["paid"] for item in items)
    assert all(isinstance(item["principal"], int) for item in items)
    first = next(item for item in items if item["id"] == "R7-0001")
    assert (first["name"], first["representative"], first["phone"]) == (
        "株式会社四谷美容室",
        "佐藤\u3000大輔",
        "03-5344-6650",
    )


@pytest.mark.parametrize("text", ["たかはし", "ﾀｶﾊｼ", "髙橋"])
def test_search_finds_both_takahashi(vault, capsys, monkeypatch, text):
    status, out, err = run(capsys, monkeypatch, "debtors", "--vault", str(vault), "--search", text, "--json")
    assert status == 0, err
    reps = {item["representative"].split("\u3000")[0] for item in json.loads(out)}
    assert reps == {"高橋", "髙橋"}


def test_search_phone_without_hyphens_and_text_output(vault, capsys, monkeypatch):
    status, out, _ = run(
        capsys, monkeypatch, "debtors", "--vault", str(vault), "--search", "0353446650", "--json"
    )
    assert [item["id"] for item in json.loads(out)] == ["R7-0001"]
    status, out, _ = run(capsys, monkeypatch, "debtors", "--vault", str(vault), "--search", "四谷美容室")
    assert status == 0 and "R7-0001" in out and "計" in out
    status, out, err = run(capsys, monkeypatch, "debtors", "--vault", str(vault), "--status", "未定義")
    assert status != 0 and "状況" in err

"""`saiken init` never loses the recovery key (issue 6 item 8): a sheet that cannot be saved either stops
everything before the vault is made, or the key has been printed already and the message says so."""

from __future__ import annotations

import re

import pytest

from saiken.cli import main
from saiken.services import audit, vault

KEY_RE = re.compile(r"\b[2-9A-Z]{5}(?:-[2-9A-Z]{5}){5}\b")
INIT = ("init", "--role", "contractor", "--org", "架空法律事務所", "--admin", "kanri")


@pytest.fixture(autouse=True)
def env(monkeypatch):
    for name in ("SAIKEN_PASSWORD", "SAIKEN_NEW_PASSWORD", "SAIKEN_RECOVERY_KEY", "SAIKEN_USER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SAIKEN_NEW_PASSWORD", "ながい管理者の合言葉")


def init(capsys, folder, sheet, *extra):
    code = main([*INIT, "--vault", str(folder), "--recovery-sheet", str(sheet), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_sheet_folder_that_does_not_exist_creates_nothing(tmp_path, capsys):
    folder = tmp_path / "vault"
    code, out, err = init(capsys, folder, tmp_path / "no-such-folder" / "sheet.pdf")
    assert code == 2 and "金庫は作成していません" in err and err.count("\n") == 1
    assert not vault.vault_exists(folder) and KEY_RE.search(out + err) is None


def test_a_sheet_that_fails_after_the_vault_exists_leaves_the_key_on_screen(tmp_path, capsys):
    folder, sheet = tmp_path / "vault", tmp_path / "sheet.pdf"
    sheet.mkdir()
    (sheet / "something").write_text("x")  # a folder where the file should go: only the final rename fails
    code, out, err = init(capsys, folder, sheet)
    assert code == 6
    key = KEY_RE.search(out).group(0)
    assert "保存できませんでした" in err and "金庫は作成済みです" in err and "書き写して" in err
    vault.open_with_recovery_key(folder, key).close()  # the key shown is the vault's
    code, out, _ = init(capsys, tmp_path / "v2", tmp_path / "v2-sheet.pdf", "--json")
    assert code == 0 and '"recovery_sheet":' in out


def test_a_saved_sheet_is_the_one_shown_and_its_save_is_audited(tmp_path, capsys):
    folder, sheet = tmp_path / "vault", tmp_path / "sheet.pdf"
    code, out, _err = init(capsys, folder, sheet)
    assert code == 0 and sheet.read_bytes().startswith(b"%PDF")
    assert f"復旧キーの用紙を保存しました: {sheet}" in out
    session = vault.open_vault(folder, "kanri", "ながい管理者の合言葉")
    try:
        saved = audit.list_entries(session, action="vault.recovery_sheet_saved")
        assert len(saved) == 1 and saved[0].details == {"size": sheet.stat().st_size}
    finally:
        session.close()


def _pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def test_the_saved_sheet_carries_this_vaults_own_fingerprints(tmp_path, capsys, monkeypatch):
    """Read back with pypdf: the organisation key's and the founding statement's fingerprints on the sheet
    are the ones `saiken org fingerprint` reads aloud for this vault (and a new recovery key's sheet too)."""
    import json

    folder, sheet = tmp_path / "vault", tmp_path / "sheet.pdf"
    code, _out, _err = init(capsys, folder, sheet)
    assert code == 0
    monkeypatch.setenv("SAIKEN_PASSWORD", "ながい管理者の合言葉")
    assert main(["org", "fingerprint", "--vault", str(folder), "--user", "kanri", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    text = _pdf_text(sheet.read_bytes())
    assert "組織の鍵の指紋" in text and "創設の記録の指紋" in text
    for fingerprint in (printed["org_fingerprint"], printed["genesis_fingerprint"]):
        assert len(fingerprint.split()) == 8 and fingerprint in text  # the groups, in order

    session = vault.open_vault(folder, "kanri", "ながい管理者の合言葉")
    try:
        renewed = vault.rekey(session, new_recovery_key=True)
        again = _pdf_text(vault.recovery_sheet(session, renewed.recovery_key))
        assert vault.org_fingerprint(session) in again and printed["genesis_fingerprint"] in again
    finally:
        session.close()
    other = tmp_path / "other"
    assert init(capsys, other, tmp_path / "other.pdf")[0] == 0
    assert printed["org_fingerprint"] not in _pdf_text((tmp_path / "other.pdf").read_bytes())

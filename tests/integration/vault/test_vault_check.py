"""`saiken vault check` on a live vault whose pages are really damaged (issue 6 item 8)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from saiken.cli import main
from saiken.services import audit, backup, vault
from saiken.services.demo import DEMO_PASSWORD, DEMO_USER, create_demo_vault

PAGE = 4096  # SQLCipher 4's page size
CLI = (sys.executable, "-c", "import sys; from saiken.cli import main; sys.exit(main())")


@pytest.fixture
def filled(tmp_path, fixed_clock):
    """A demo vault (fictional debtors: ~100 pages) with two backups, the newer one itself damaged."""
    folder = tmp_path / "vault"
    create_demo_vault(folder, clock=fixed_clock)
    session = vault.open_vault(folder, DEMO_USER, DEMO_PASSWORD, clock=fixed_clock)
    good = backup.create_backup(session)
    fixed_clock.advance(dt.timedelta(minutes=5))
    newer = backup.create_backup(session)
    session.close()
    damage(newer.path / "vault.db", page=pages(newer.path / "vault.db") // 2)
    return folder, good, newer


def pages(db: Path) -> int:
    return db.stat().st_size // PAGE


def damage(db: Path, *, page: int) -> None:
    """Overwrite 32 bytes inside page `page` (1-based), as a failing disk or a hand edit would."""
    data = bytearray(db.read_bytes())
    offset = (page - 1) * PAGE + 200
    data[offset : offset + 32] = os.urandom(32)
    db.write_bytes(bytes(data))


def test_a_healthy_vault_passes_and_the_check_is_audited(filled, fixed_clock):
    folder, _good, _newer = filled
    report = vault.check_vault(folder, user=DEMO_USER, password=DEMO_PASSWORD, clock=fixed_clock)
    assert report.ok and not report.damaged, report.problems
    assert [item.name for item in report.items] == [
        "keys",
        "integrity_check",
        "cipher_integrity_check",
        "membership",
        "slots",
        "sign_in",
    ]
    session = vault.open_vault(folder, DEMO_USER, DEMO_PASSWORD, clock=fixed_clock)
    try:
        entry = audit.list_entries(session, action="vault.check")[0]
        assert entry.details == {"ok": True, "problems": 0, "damaged_pages": 0}
    finally:
        session.close()


def test_a_damaged_page_names_the_latest_good_backup(filled, fixed_clock, capsys, monkeypatch):
    folder, good, newer = filled
    middle = pages(folder / "vault.db") // 2
    damage(folder / "vault.db", page=middle)
    report = vault.check_vault(folder, user=DEMO_USER, password=DEMO_PASSWORD, clock=fixed_clock)
    assert not report.ok and report.damaged
    assert middle in report.damaged_pages
    assert report.latest_good_backup is not None and report.latest_good_backup.name == good.name != newer.name
    assert report.message.startswith("金庫が壊れています。バックアップから復元してください。")
    assert good.name in report.message
    monkeypatch.setenv("SAIKEN_PASSWORD", DEMO_PASSWORD)
    code = main(["vault", "check", "--vault", str(folder), "--user", DEMO_USER])
    out, err = capsys.readouterr()
    assert code == 9 and err == ""
    assert "金庫が壊れています。バックアップから復元してください。" in out and good.name in out
    assert f"ページ {middle}" in out
    assert f"saiken backup restore --vault {folder} {good.name}" in out


def test_a_vault_too_damaged_to_sign_in_is_still_diagnosed(filled, fixed_clock):
    folder, good, _newer = filled
    for page in (2, 3):  # the schema's first pages: today's sign-in fails on them with an internal error
        damage(folder / "vault.db", page=page)
    report = vault.check_vault(folder, user=DEMO_USER, password=DEMO_PASSWORD, clock=fixed_clock)
    assert report.damaged and report.latest_good_backup.name == good.name
    assert report.message.startswith("金庫が壊れています。")


def test_a_damaged_first_page_is_damage_not_a_wrong_password(filled, fixed_clock):
    folder, good, _newer = filled
    damage(folder / "vault.db", page=1)
    report = vault.check_vault(folder, user=DEMO_USER, password=DEMO_PASSWORD, clock=fixed_clock)
    assert report.damaged and report.latest_good_backup.name == good.name
    assert [i.name for i in report.items if not i.ok] == ["database"]


def test_the_command_in_a_real_process_prints_no_traceback(filled):
    folder, good, _newer = filled
    damage(folder / "vault.db", page=2)
    result = subprocess.run(
        [*CLI, "vault", "check", "--vault", str(folder), "--user", DEMO_USER],
        capture_output=True,
        text=True,
        env={**os.environ, "SAIKEN_PASSWORD": DEMO_PASSWORD},
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode == 9, result.stderr
    assert "Traceback" not in result.stderr + result.stdout and "内部エラー" not in result.stderr
    assert (
        "金庫が壊れています。バックアップから復元してください。" in result.stdout
        and good.name in result.stdout
    )


def test_any_command_on_a_damaged_vault_says_so_and_points_to_the_check(filled, capsys, monkeypatch):
    folder, _good, _newer = filled
    damage(folder / "vault.db", page=2)
    monkeypatch.setenv("SAIKEN_PASSWORD", DEMO_PASSWORD)
    code = main(["debtors", "--vault", str(folder), "--user", DEMO_USER])
    _out, err = capsys.readouterr()
    assert code == 7 and "内部エラー" not in err
    assert "ファイルの破損" in err and "saiken vault check" in err and err.count("\n") == 1

"""`saiken vault check` checks the signed membership log and the slot list on the live vault (issue 6 item 8):
a role edited directly with the master key and a recovery slot deleted from keys.json are each named on a
line of their own, before anyone relies on the vault."""

from __future__ import annotations

import json

import pytest
from vault_people import ADMIN, ADMIN_PW, HANDLER, HANDLER_PW, VIEWER, VIEWER_PW

from saiken.cli import main
from saiken.services import audit, users, vault
from saiken.store.engine import connect_raw, engine_key


@pytest.fixture
def team(made_vault, fixed_clock):
    session = vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    users.add_user(session, HANDLER, role="handler", password=HANDLER_PW)
    users.add_user(session, VIEWER, role="viewer", password=VIEWER_PW)
    master = engine_key(session.engine)  # what every member holds once signed in
    session.close()
    return made_vault.folder, master


def _sql(folder, master, statement, params=()):
    connection = connect_raw(folder / "vault.db", master)  # a script's own connection, none of ours
    try:
        connection.execute("BEGIN")
        connection.execute(statement, params)
        connection.execute("COMMIT")
    finally:
        connection.close()


def _check(capsys, folder, monkeypatch, *extra):
    monkeypatch.setenv("SAIKEN_PASSWORD", ADMIN_PW)
    code = main(["vault", "check", "--vault", str(folder), "--user", ADMIN, *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_healthy_vault_reports_the_log_and_slots_as_checked(team, fixed_clock, capsys, monkeypatch):
    folder, _master = team
    report = vault.check_vault(folder, user=ADMIN, password=ADMIN_PW, clock=fixed_clock)
    assert report.ok, report.problems
    assert [i.name for i in report.items] == [
        "keys",
        "integrity_check",
        "cipher_integrity_check",
        "membership",
        "slots",
        "sign_in",
    ]
    code, out, _err = _check(capsys, folder, monkeypatch)
    assert code == 0
    assert "利用者名簿（署名と利用者の表）: OK" in out and "鍵スロット（keys.json の一覧）: OK" in out


def test_a_role_edited_with_the_master_key_is_one_line_naming_the_user(
    team, fixed_clock, capsys, monkeypatch
):
    folder, master = team
    _sql(folder, master, "UPDATE users SET role = 'admin' WHERE name = ?", (VIEWER,))
    report = vault.check_vault(folder, user=ADMIN, password=ADMIN_PW, clock=fixed_clock)
    assert not report.ok and not report.damaged  # the pages are whole: no backup is proposed
    membership = next(i for i in report.items if i.name == "membership")
    assert membership.lines == (f"利用者「{VIEWER}」の役割が名簿（viewer）と違います（表では admin）。",)
    assert next(i for i in report.items if i.name == "slots").ok
    assert "repair-members" in report.hint

    code, out, err = _check(capsys, folder, monkeypatch)
    assert code == 9 and err == ""
    lines = out.splitlines()
    assert "利用者名簿（署名と利用者の表）: NG" in lines
    assert f"　・利用者「{VIEWER}」の役割が名簿（viewer）と違います（表では admin）。" in lines
    assert any("サインイン: NG" in line and "サインインしていません" in line for line in lines)
    assert "Traceback" not in out

    code, out, _err = _check(capsys, folder, monkeypatch, "--json")
    data = json.loads(out)
    assert code == 9 and data["ok"] is False
    item = next(i for i in data["items"] if i["name"] == "membership")
    assert item["lines"] == [f"利用者「{VIEWER}」の役割が名簿（viewer）と違います（表では admin）。"]

    vault.repair_members(folder, ADMIN, ADMIN_PW, clock=fixed_clock)  # what the hint says to do
    assert vault.check_vault(folder, user=ADMIN, password=ADMIN_PW, clock=fixed_clock).ok


def test_an_added_user_row_and_a_removed_one_are_each_a_line(team, fixed_clock):
    folder, master = team
    _sql(folder, master, "DELETE FROM users WHERE name = ?", (HANDLER,))
    _sql(
        folder,
        master,
        "INSERT INTO users (name, display_name, role, is_supervisor, active, created_at) "
        "SELECT 'nise-kanri', '', 'admin', 0, 1, created_at FROM users WHERE name = ?",
        (ADMIN,),
    )
    report = vault.check_vault(folder, user=ADMIN, password=ADMIN_PW, clock=fixed_clock)
    membership = next(i for i in report.items if i.name == "membership")
    assert set(membership.lines) == {
        "利用者「nise-kanri」は署名された名簿にありません（追加された疑い）。",
        f"利用者「{HANDLER}」が表から消えています。",
    }


def test_a_deleted_recovery_slot_is_reported_and_the_check_is_audited(team, fixed_clock, capsys, monkeypatch):
    folder, _master = team
    document = json.loads((folder / "keys.json").read_text())
    document["slots"] = [s for s in document["slots"] if s["id"] != "recovery"]
    (folder / "keys.json").write_text(json.dumps(document))
    report = vault.check_vault(folder, user=HANDLER, password=HANDLER_PW, clock=fixed_clock)
    slots = next(i for i in report.items if i.name == "slots")
    assert slots.lines == ("復旧キーの鍵スロットが鍵ファイルから消されています。",)
    assert not report.ok and not report.damaged
    assert next(i for i in report.items if i.name == "sign_in").ok  # the members can still sign in

    code, out, _err = _check(capsys, folder, monkeypatch)
    assert code == 9
    assert "鍵スロット（keys.json の一覧）: NG" in out
    assert "　・復旧キーの鍵スロットが鍵ファイルから消されています。" in out.splitlines()
    assert "saiken rekey --new-recovery-key" in out
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    try:
        entries = audit.list_entries(session, action="vault.check")
        assert entries[0].details == {"ok": False, "problems": 1, "damaged_pages": 0}
    finally:
        session.close()


def test_a_member_slot_deleted_from_keys_json_names_the_member(team, fixed_clock):
    folder, _master = team
    document = json.loads((folder / "keys.json").read_text())
    document["slots"] = [s for s in document["slots"] if s.get("user_name") != VIEWER]
    (folder / "keys.json").write_text(json.dumps(document))
    report = vault.check_vault(folder, user=ADMIN, password=ADMIN_PW, clock=fixed_clock)
    slots = next(i for i in report.items if i.name == "slots")
    assert slots.lines == (f"「{VIEWER}」の鍵スロットが鍵ファイルから消されています。",)


def test_a_format_1_vault_is_upgraded_by_the_check_and_its_new_log_and_slots_are_checked(
    tmp_path, fixed_clock
):
    from legacy_fixture import copy_legacy_vault, person

    folder = copy_legacy_vault(tmp_path / "legacy")
    admin = person("admin")
    report = vault.check_vault(folder, user=admin.name, password=admin.password, clock=fixed_clock)
    names = [i.name for i in report.items]
    assert names == ["keys", "integrity_check", "cipher_integrity_check", "sign_in", "membership", "slots"]
    assert next(i for i in report.items if i.name == "membership").ok
    assert json.loads((folder / "keys.json").read_text())["format"] == 2


def test_any_cli_sign_in_tells_an_admin_of_a_deleted_recovery_slot_and_nobody_else(team, capsys, monkeypatch):
    folder, _master = team
    document = json.loads((folder / "keys.json").read_text())
    document["slots"] = [s for s in document["slots"] if s["id"] != "recovery"]
    (folder / "keys.json").write_text(json.dumps(document))
    monkeypatch.setenv("SAIKEN_PASSWORD", HANDLER_PW)
    assert main(["engagements", "--vault", str(folder), "--user", HANDLER]) == 0
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("SAIKEN_PASSWORD", ADMIN_PW)
    assert main(["user", "list", "--vault", str(folder), "--user", ADMIN]) == 0
    out, err = capsys.readouterr()
    assert "注意: 復旧キーの鍵スロットが鍵ファイルから消されています。" in err.splitlines()
    assert any("saiken rekey --new-recovery-key" in line for line in err.splitlines())
    assert ADMIN in out  # the command still did its work


def test_a_dropped_membership_table_is_a_line_not_an_internal_error(team, fixed_clock, capsys, monkeypatch):
    folder, master = team
    _sql(folder, master, "DROP TABLE membership_log")
    report = vault.check_vault(folder, user=ADMIN, password=ADMIN_PW, clock=fixed_clock)
    membership = next(i for i in report.items if i.name == "membership")
    assert membership.lines == (
        "利用者名簿か利用者の表が読めません（データベースが直接書き換えられた疑い）。",
    )
    code, out, err = _check(capsys, folder, monkeypatch)
    assert code == 9 and "内部エラー" not in err and "Traceback" not in out + err

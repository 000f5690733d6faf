"""A vault made by commit 9130a90 (tests/fixtures/legacy_v1_vault: keys.json format 1, one shared master
key, plain roles; made by tests/fixtures/make_legacy_v1_vault.py with that commit's own code) opens and is
upgraded at its admin's next sign-in, after a backup; other members before that get a clear message, and
after it each member binds a key pair of their own at their next sign-in with their old password."""

from __future__ import annotations

import json

import pytest
from legacy_fixture import LEGACY, LEGACY_DIR, copy_legacy_vault, person

from saiken.domain.errors import CorruptFileError, PermissionDeniedError, VaultError, WrongPasswordError
from saiken.services import audit, backup, debtors, users, vault
from saiken.store.copies import open_read_only
from saiken.store.engine import engine_key


def _format(folder) -> int:
    return json.loads((folder / "keys.json").read_text(encoding="utf-8"))["format"]


def _sign_in(folder, role, clock):
    someone = person(role)
    return vault.open_vault(folder, someone.name, someone.password, clock=clock)


@pytest.fixture
def legacy(tmp_path):
    return copy_legacy_vault(tmp_path / "legacy")


@pytest.fixture
def upgraded(legacy, fixed_clock):
    _sign_in(legacy, "admin", fixed_clock).close()
    return legacy


def test_the_fixture_is_a_format_1_vault_without_device_binding():
    keys = json.loads((LEGACY_DIR / "keys.json").read_text(encoding="utf-8"))
    assert keys["format"] == 1
    assert keys["header"]["device_bound"] is False
    assert sorted(s["user_name"] for s in keys["slots"]) == sorted(
        [*(LEGACY["people"][r]["name"] for r in ("admin", "supervisor", "handler", "viewer")), "recovery"]
    )


def test_other_members_before_the_upgrade_are_told_to_wait_for_the_admin(legacy, fixed_clock):
    before = (legacy / "keys.json").read_bytes()
    for role in ("handler", "viewer", "supervisor"):
        with pytest.raises(VaultError, match="管理者が一度サインインすると更新され"):
            _sign_in(legacy, role, fixed_clock)
    assert (legacy / "keys.json").read_bytes() == before
    assert [b.name for b in backup.list_backups(legacy)] == [LEGACY["backup"]]
    with pytest.raises(WrongPasswordError):  # a wrong password is still a wrong password
        vault.open_vault(legacy, person("handler").name, "ちがう長い合言葉です", clock=fixed_clock)


def test_the_admin_upgrades_it_after_a_backup_and_everything_is_still_there(legacy, fixed_clock):
    session = _sign_in(legacy, "admin", fixed_clock)
    try:
        assert _format(legacy) == 2
        page = debtors.search_debtors(session, debtors.DebtorFilter(), limit=200)
        assert page.total == LEGACY["debtors"]
        report = audit.verify(session, records=True)
        assert report.ok, report.problems
        assert 0 < report.signed < report.count  # the legacy entries unsigned, everything since signed
        upgrade = audit.list_entries(session, action="vault.upgrade")[0]
        assert upgrade.details["from_format"] == 1 and upgrade.details["pending"] == 3
        assert any("まだサインインしていません" in notice for notice in session.notices)
        assert any("復旧キーを作り直して" in notice for notice in session.notices)
        assert vault.genesis_fingerprint(session) and vault.org_fingerprint(session)
    finally:
        session.close()
    made_first = [b for b in backup.list_backups(legacy) if b.reason == "upgrade"]
    assert len(made_first) == 1
    assert _format(made_first[0].path) == 1  # the vault as it was, with its own format-1 key file
    admin = person("admin")
    assert backup.verify_backup(
        made_first[0].path, user=admin.name, password=admin.password, clock=fixed_clock
    ).ok


def test_each_member_binds_their_own_keys_with_their_old_password(upgraded, fixed_clock):
    for role in ("handler", "viewer", "supervisor"):
        session = _sign_in(upgraded, role, fixed_clock)
        assert session.user.role == role
        session.close()
    keys = json.loads((upgraded / "keys.json").read_text(encoding="utf-8"))
    legacy_slots = [s["user_name"] for s in keys["slots"] if s.get("slot_format") == 1]
    assert legacy_slots == ["recovery"]  # only the recovery key has not been used since
    viewer = _sign_in(upgraded, "viewer", fixed_clock)
    with pytest.raises(PermissionDeniedError):
        audit.verify(viewer)
    viewer.close()

    supervisor = _sign_in(upgraded, "supervisor", fixed_clock)
    with pytest.raises(VaultError, match="まだ組織の鍵"):
        vault.sign_as_organisation(supervisor, b"x")  # bound, but nobody holding the key has signed in since
    supervisor.close()
    _sign_in(upgraded, "admin", fixed_clock).close()  # the admin passes the organisation key on
    supervisor = _sign_in(upgraded, "supervisor", fixed_clock)
    signature = vault.sign_as_organisation(supervisor, b"x")
    assert vault.verify_organisation_signature(vault.org_public_key(supervisor), b"x", signature)
    supervisor.close()

    recovery = vault.open_with_recovery_key(upgraded, LEGACY["recovery_key"], clock=fixed_clock)
    report = audit.verify(recovery, records=True)
    assert report.ok, report.problems
    assert [e.actor for e in audit.list_entries(recovery, action="member.bind")].count("recovery") == 1
    recovery.close()
    with pytest.raises(WrongPasswordError):  # removed before the upgrade: stays removed
        _sign_in(upgraded, "removed", fixed_clock)


def test_a_removal_after_the_upgrade_reencrypts_the_legacy_backups_too(upgraded, fixed_clock):
    handler = _sign_in(upgraded, "handler", fixed_clock)
    handler.close()
    admin = _sign_in(upgraded, "admin", fixed_clock)
    old_master = engine_key(admin.engine)
    result = users.remove_user(admin, person("handler").name)
    assert sorted(result.needs_reset) == sorted([person("viewer").name, person("supervisor").name])
    assert audit.verify(admin).ok
    admin.close()
    databases = list(upgraded.rglob("*.db"))
    assert len(databases) == 4  # the vault, the fixture's own backup, the upgrade's, the removal's
    for path in databases:
        with pytest.raises(CorruptFileError):
            open_read_only(path, old_master)
    with pytest.raises(WrongPasswordError):
        _sign_in(upgraded, "handler", fixed_clock)
    # the recovery key had no key pair yet (its old slot cannot receive the new key): a new one was made
    assert result.recovery_key
    with pytest.raises(WrongPasswordError):
        vault.open_with_recovery_key(upgraded, LEGACY["recovery_key"], clock=fixed_clock)
    vault.open_with_recovery_key(upgraded, result.recovery_key, clock=fixed_clock).close()

"""The vault made by commit 9130a90 (tests/fixtures/legacy_v1_vault, made by tests/fixtures/
make_legacy_v1_vault.py with that commit's own code) opens with this code: every member, the recovery key."""

from __future__ import annotations

import json

from legacy_fixture import LEGACY, LEGACY_DIR, copy_legacy_vault, person

from saiken.services import audit, search, vault


def test_the_fixture_is_a_format_1_vault_without_device_binding():
    keys = json.loads((LEGACY_DIR / "keys.json").read_text(encoding="utf-8"))
    assert keys["format"] == 1
    assert keys["header"]["device_bound"] is False
    assert sorted(s["user_name"] for s in keys["slots"]) == sorted(
        [*(LEGACY["people"][r]["name"] for r in ("admin", "supervisor", "handler", "viewer")), "recovery"]
    )


def test_the_legacy_admin_opens_it_and_finds_the_debtors_and_audit(tmp_path, fixed_clock):
    folder = copy_legacy_vault(tmp_path / "legacy")
    admin = person("admin")
    session = vault.open_vault(folder, admin.name, admin.password, clock=fixed_clock)
    try:
        report = audit.verify(session)
        assert report.ok, report.problems
        page = search.search_debtors(session, search.DebtorFilter(), limit=200)
        assert page.total == LEGACY["debtors"]
    finally:
        session.close()


def test_the_recovery_key_opens_the_legacy_vault(tmp_path, fixed_clock):
    folder = copy_legacy_vault(tmp_path / "legacy")
    vault.open_with_recovery_key(folder, LEGACY["recovery_key"], clock=fixed_clock).close()

"""Rekey (the LUKS-like design in saiken.services.vault.rekey): new master key, new recovery key, temporary
passwords for the others; old slots and the old recovery key stop working; a backup comes first."""

from __future__ import annotations

import json
import shutil

import pytest
from vault_people import ADMIN, ADMIN_PW, HANDLER, HANDLER_PW, VIEWER, VIEWER_PW

from saiken.domain.errors import VaultError, WrongPasswordError
from saiken.services import audit, backup, users, vault
from saiken.services.context import unit_of_work
from saiken.store.engine import engine_key


def _with_team(admin):
    users.add_user(admin, HANDLER, role="handler", password=HANDLER_PW)
    users.add_user(admin, VIEWER, role="viewer", password=VIEWER_PW)


@pytest.mark.slow  # ~20 Argon2id derivations: 3-8 s depending on load
def test_rekey_rotates_everything_and_old_secrets_stop_working(admin, made_vault, fixed_clock):
    _with_team(admin)
    folder = made_vault.folder
    old_keys = (folder / "keys.json").read_bytes()
    old_master = engine_key(admin.engine)
    with pytest.raises(WrongPasswordError):
        vault.rekey(admin, "ちがう長い合言葉です")
    assert (folder / "keys.json").read_bytes() == old_keys

    result = vault.rekey(admin, ADMIN_PW)
    assert engine_key(admin.engine) != old_master
    assert sorted(result.temporary_passwords) == sorted([HANDLER, VIEWER])
    assert result.recovery_key != made_vault.recovery_key
    with unit_of_work(admin) as work:  # the admin's session goes on under the new key
        work.audit("probe.after_rekey")
    assert audit.verify(admin).ok
    assert audit.list_entries(admin, action="vault.rekey")[0].details["temporary_passwords"] == 2
    admin.close()

    for name, password in ((HANDLER, HANDLER_PW), (VIEWER, VIEWER_PW)):
        with pytest.raises(WrongPasswordError):
            vault.open_vault(folder, name, password, clock=fixed_clock)
    with pytest.raises(WrongPasswordError):
        vault.open_with_recovery_key(folder, made_vault.recovery_key, clock=fixed_clock)
    vault.open_with_recovery_key(folder, result.recovery_key, clock=fixed_clock).close()
    session = vault.open_vault(folder, HANDLER, result.temporary_passwords[HANDLER], clock=fixed_clock)
    assert vault.password_change_required(session)
    session.close()
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    assert not vault.password_change_required(session)
    session.close()

    # an old slot copied back from the old key file does not open the re-keyed vault
    (folder / "keys.json").write_bytes(old_keys)
    with pytest.raises(VaultError) as caught:
        vault.open_vault(folder, HANDLER, HANDLER_PW, clock=fixed_clock)
    assert "合いません" in str(caught.value)

    # the backup made first is the old vault, opened with the old secrets
    assert result.backup is not None and result.backup.reason == "rekey"
    assert backup.verify_backup(result.backup.path, user=HANDLER, password=HANDLER_PW, clock=fixed_clock).ok


def test_an_interrupted_rekey_is_finished_at_the_next_sign_in(admin, made_vault, fixed_clock):
    """State after a crash between PRAGMA rekey and replacing keys.json: old keys.json + keys.next.json."""
    folder = made_vault.folder
    old_keys = (folder / "keys.json").read_bytes()
    result = vault.rekey(admin, ADMIN_PW)
    admin.close()
    new_keys = (folder / "keys.json").read_bytes()
    (folder / "keys.next.json").write_bytes(new_keys)
    (folder / "keys.json").write_bytes(old_keys)
    vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock).close()
    assert (folder / "keys.json").read_bytes() == new_keys and not (folder / "keys.next.json").exists()
    vault.open_with_recovery_key(folder, result.recovery_key, clock=fixed_clock).close()


def test_a_rekey_that_stopped_before_the_database_leaves_the_old_key_working(
    admin, made_vault, fixed_clock, tmp_path
):
    folder = made_vault.folder
    twin = tmp_path / "twin"
    shutil.copytree(folder, twin)  # a closed copy is fine to copy for the test
    admin_twin = vault.open_vault(twin, ADMIN, ADMIN_PW, clock=fixed_clock)
    vault.rekey(admin_twin, ADMIN_PW)
    admin_twin.close()
    (folder / "keys.next.json").write_bytes((twin / "keys.json").read_bytes())  # never applied here
    admin.close()
    vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock).close()
    assert not (folder / "keys.next.json").exists()
    vault.open_with_recovery_key(folder, made_vault.recovery_key, clock=fixed_clock).close()
    assert json.loads((folder / "keys.json").read_text())["header"]["vault_id"] == made_vault.vault_id

"""The enrolment code for another OS account or PC is really one-time and expires (issue 6 item 8).

Before, the code WAS the vault's device secret in base32: it enrolled any number of accounts, forever.
Each OS account here is this test's in-memory keyring, emptied (`memory_keyring.store.clear()`)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from vault_people import ADMIN, HANDLER, HANDLER_PW, VIEWER, VIEWER_PW

from saiken.domain.errors import SaikenError, ValidationError, VaultError, WrongPasswordError
from saiken.security import anchor
from saiken.security.device_secret import load_device_secret
from saiken.security.enrolment_codes import FILE_NAME
from saiken.services import audit, users, vault


@pytest.fixture
def team(admin):
    users.add_user(admin, HANDLER, role="handler", password=HANDLER_PW)
    users.add_user(admin, VIEWER, role="viewer", password=VIEWER_PW)
    return admin


def _secrets(memory_keyring) -> dict:
    """What the keyring holds besides the audit anchors that closing a session writes (DESIGN §5)."""
    return {key: value for key, value in memory_keyring.store.items() if key[0] != anchor.SERVICE}


def _new_account(memory_keyring, made_vault):
    memory_keyring.store.clear()
    with pytest.raises(VaultError):  # not enrolled here
        vault.open_vault(made_vault.folder, HANDLER, HANDLER_PW)


def _enrol(made_vault, code, user=HANDLER, password=HANDLER_PW, clock=None):
    kwargs = {"clock": clock} if clock is not None else {}
    vault.enrol_device(made_vault.folder, code=code, user=user, password=password, **kwargs)


def test_a_code_enrols_one_account_once(team, made_vault, fixed_clock, memory_keyring):
    issued = vault.device_enrolment_code(team)
    assert issued.expires_at == fixed_clock.now() + dt.timedelta(hours=8)
    team.close()
    _new_account(memory_keyring, made_vault)
    _enrol(made_vault, issued.code, clock=fixed_clock)
    vault.open_vault(made_vault.folder, HANDLER, HANDLER_PW, clock=fixed_clock).close()
    assert not (made_vault.folder / FILE_NAME).exists()  # the sealed copy is gone with its use

    _new_account(memory_keyring, made_vault)  # a second account tries the same code
    with pytest.raises(WrongPasswordError, match="使用済み"):
        _enrol(made_vault, issued.code, clock=fixed_clock)
    assert _secrets(memory_keyring) == {}


def test_a_code_expires(team, made_vault, fixed_clock, memory_keyring):
    issued = vault.device_enrolment_code(team, hours=2)
    team.close()
    _new_account(memory_keyring, made_vault)
    fixed_clock.advance(dt.timedelta(hours=2, seconds=1))
    with pytest.raises(ValidationError, match="期限切れ"):
        _enrol(made_vault, issued.code, clock=fixed_clock)
    assert _secrets(memory_keyring) == {} and not (made_vault.folder / FILE_NAME).exists()


def test_a_saved_copy_of_the_sealed_file_does_not_make_a_used_code_work_again(
    team, made_vault, fixed_clock, memory_keyring
):
    issued = vault.device_enrolment_code(team)
    saved = (made_vault.folder / FILE_NAME).read_bytes()
    team.close()
    _new_account(memory_keyring, made_vault)
    _enrol(made_vault, issued.code, clock=fixed_clock)
    _new_account(memory_keyring, made_vault)
    (made_vault.folder / FILE_NAME).write_bytes(saved)  # put the sealed copy back by hand
    with pytest.raises(WrongPasswordError, match="使用済み"):
        _enrol(made_vault, issued.code, clock=fixed_clock)  # the vault's own record says: used
    assert _secrets(memory_keyring) == {}  # the secret it unsealed was not kept


def test_an_edited_expiry_makes_the_code_wrong(team, made_vault, fixed_clock, memory_keyring):
    issued = vault.device_enrolment_code(team, hours=1)
    team.close()
    document = json.loads((made_vault.folder / FILE_NAME).read_text(encoding="utf-8"))
    document["codes"][0]["expires_at"] = "2999-01-01T00:00:00+00:00"
    (made_vault.folder / FILE_NAME).write_text(json.dumps(document), encoding="utf-8")
    _new_account(memory_keyring, made_vault)
    fixed_clock.advance(dt.timedelta(hours=3))
    with pytest.raises(WrongPasswordError):
        _enrol(made_vault, issued.code, clock=fixed_clock)
    assert _secrets(memory_keyring) == {}


def test_a_code_for_one_member_is_refused_to_another(team, made_vault, fixed_clock, memory_keyring):
    issued = vault.device_enrolment_code(team, for_user=HANDLER)
    assert issued.for_user == HANDLER
    team.close()
    memory_keyring.store.clear()
    with pytest.raises(WrongPasswordError):
        _enrol(made_vault, issued.code, user=VIEWER, password=VIEWER_PW, clock=fixed_clock)
    assert _secrets(memory_keyring) == {}
    _enrol(made_vault, issued.code, clock=fixed_clock)  # the intended member still can


def test_the_code_is_not_the_device_secret_and_its_use_is_audited(
    team, made_vault, fixed_clock, memory_keyring
):
    secret = load_device_secret(made_vault.vault_id)
    issued = vault.device_enrolment_code(team)
    stored = (made_vault.folder / FILE_NAME).read_text(encoding="utf-8")
    assert secret.hex() not in stored and issued.code not in stored
    memory_keyring.store.clear()
    _enrol(made_vault, issued.code, clock=fixed_clock)
    session = vault.open_vault(made_vault.folder, ADMIN, "ながい管理者の合言葉", clock=fixed_clock)
    try:
        code_id = audit.list_entries(session, action="device.enrolment_code")[0].details["code_id"]
        enrol = audit.list_entries(session, action="device.enrol")[0]
        assert enrol.actor == HANDLER and enrol.details == {"method": "code", "code_id": code_id}
    finally:
        session.close()
    with pytest.raises(SaikenError):
        vault.device_enrolment_code(team, hours=100)  # at most 72 hours

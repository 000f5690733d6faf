"""Creating a vault and signing in: info before sign-in, wrong passwords, the growing delay."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from vault_people import ADMIN, ADMIN_PW

from saiken.domain.errors import LockedOutError, ValidationError, VaultError, WrongPasswordError
from saiken.services import audit, vault
from saiken.services.context import unit_of_work


def test_new_vault_opens_for_its_admin_who_is_also_supervisor(made_vault, fixed_clock):
    assert made_vault.device_bound  # the in-memory keyring is a usable backend
    info = vault.read_vault_info(made_vault.folder)
    assert (info.org_name, info.org_role, info.user_names, info.device_bound) == (
        "架空法律事務所",
        "contractor",
        [ADMIN],
        True,
    )
    session = vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    assert session.user.name == ADMIN and session.user.is_supervisor and session.org_name == "架空法律事務所"
    assert not vault.password_change_required(session)
    actions = [row.action for row in audit.list_entries(session)]
    assert actions == ["auth.sign_in", "vault.create"]
    vault.lock(session)
    assert session.closed


def test_full_width_account_name_is_the_same_name(made_vault, fixed_clock):
    vault.open_vault(made_vault.folder, "ｋａｎｒｉ", ADMIN_PW, clock=fixed_clock).close()


def test_refuses_a_second_vault_and_weak_passwords(made_vault, tmp_path, fixed_clock):
    with pytest.raises(VaultError, match="すでに金庫"):
        vault.create_vault(
            made_vault.folder,
            org_role="ward",
            org_name="x",
            admin_user="a2",
            admin_password="another long phrase",
            clock=fixed_clock,
        )
    with pytest.raises(ValidationError, match="10 文字以上"):
        vault.create_vault(
            tmp_path / "v2", org_role="ward", org_name="x", admin_user="a2", admin_password="short"
        )
    with pytest.raises(ValidationError, match="ward"):
        vault.create_vault(
            tmp_path / "v3",
            org_role="city",
            org_name="x",
            admin_user="a2",
            admin_password="another long phrase",
        )
    assert not (tmp_path / "v2").exists() or not any((tmp_path / "v2").iterdir())


def test_wrong_password_and_unknown_user_look_the_same(made_vault, fixed_clock):
    for user in (ADMIN, "nobody"):
        with pytest.raises(WrongPasswordError) as caught:
            vault.open_vault(made_vault.folder, user, "まちがった長い合言葉", clock=fixed_clock)
        assert str(caught.value).startswith("利用者名またはパスワードが違います。")
        assert "まちがった" not in str(caught.value)


def test_growing_delay_after_five_failures_survives_restart_and_destroys_nothing(made_vault, fixed_clock):
    folder = made_vault.folder
    before = {name: (folder / name).read_bytes() for name in ("keys.json", "vault.db")}
    for _ in range(5):
        with pytest.raises(WrongPasswordError):
            vault.open_vault(folder, ADMIN, "まちがった長い合言葉", clock=fixed_clock)
    with pytest.raises(LockedOutError) as caught:
        vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)  # even the right password waits
    assert caught.value.retry_after_seconds == 30
    assert "30 秒" in str(caught.value)
    fixed_clock.advance(dt.timedelta(seconds=31))
    with pytest.raises(WrongPasswordError):
        vault.open_vault(folder, ADMIN, "まちがった長い合言葉", clock=fixed_clock)
    with pytest.raises(LockedOutError) as caught:
        vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    assert caught.value.retry_after_seconds == 60
    assert {name: (folder / name).read_bytes() for name in before} == before
    failures_file = (folder / "signin_failures.json").read_text()
    assert ADMIN not in failures_file
    fixed_clock.advance(dt.timedelta(seconds=61))
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    failed = audit.list_entries(session, action="auth.sign_in_failed")
    assert len(failed) == 6 and {row.actor for row in failed} == {ADMIN}
    assert audit.verify(session).ok
    session.close()
    assert json.loads((folder / "signin_failures.json").read_text())["principals"] == {}
    vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock).close()  # reset: no delay


def test_missing_folder_says_how_to_make_one(tmp_path):
    with pytest.raises(VaultError, match="saiken init"):
        vault.open_vault(tmp_path / "nothing", ADMIN, ADMIN_PW)


def test_settings_defaults_and_validation(admin):
    from saiken.services import settings

    current = settings.get_settings(admin)
    assert (current.idle_lock_minutes, current.clipboard_clear_seconds, current.backup_generations) == (
        10,
        30,
        3,
    )
    assert current.org_role == "contractor" and current.device_binding
    changed = settings.update_settings(admin, idle_lock_minutes=5, backup_generations=4).value
    assert (changed.idle_lock_minutes, changed.backup_generations) == (5, 4)
    with pytest.raises(ValidationError, match="1〜240"):
        settings.update_settings(admin, idle_lock_minutes=0)
    with pytest.raises(ValidationError):
        settings.update_settings(admin, device_secret=1)
    assert audit.list_entries(admin, action="settings.change")[0].details == {
        "changed": ["backup_generations", "idle_lock_minutes"]
    }


def test_device_binding_can_be_turned_off_and_slots_follow_at_sign_in(
    admin, made_vault, fixed_clock, memory_keyring
):
    from saiken.security.keyfile import load_keyfile

    vault.set_device_binding(admin, False)
    assert not vault.read_vault_info(made_vault.folder).device_bound
    assert load_keyfile(made_vault.folder).slot(user_name=ADMIN).bound  # until the next sign-in
    vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock).close()
    assert not load_keyfile(made_vault.folder).slot(user_name=ADMIN).bound
    memory_keyring.store.clear()  # another PC: an unbound slot opens with the password alone
    session = vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    with unit_of_work(session) as work:
        work.audit("probe")
    session.close()

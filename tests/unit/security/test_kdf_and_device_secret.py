"""Argon2id parameters stored in the slot, NFKC input, device secret in keyring."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from saiken.domain.errors import CorruptFileError, VaultError
from saiken.security import device_secret as devsec
from saiken.security.kdf import DEFAULT_PARAMS, MIN_MEMORY_KIB, KdfParams, derive_key, new_salt


def test_default_parameters_use_at_least_64_mib():
    assert DEFAULT_PARAMS.memory_kib >= 64 * 1024 == MIN_MEMORY_KIB


def test_nfkc_forms_derive_the_same_key_and_the_device_secret_changes_it():
    salt = new_salt()
    half = derive_key("ﾊﾟｽﾜｰﾄﾞABC123xyz", salt, DEFAULT_PARAMS)
    full = derive_key("パスワードＡＢＣ１２３ｘｙｚ", salt, DEFAULT_PARAMS)
    assert half == full and len(half) == 32
    assert derive_key("パスワードABC123xyz", salt, DEFAULT_PARAMS, device_secret=b"s" * 32) != half
    assert derive_key("パスワードABC123xyz", new_salt(), DEFAULT_PARAMS) != half


@pytest.mark.parametrize(
    "change", [{"memory_kib": 1024}, {"iterations": 0}, {"algorithm": "scrypt"}, {"lanes": "many"}]
)
def test_weakened_or_unknown_parameters_in_the_file_are_refused(change):
    data = {**DEFAULT_PARAMS.as_dict(), **change}
    with pytest.raises(CorruptFileError):
        KdfParams.from_dict(data)


def test_parameters_round_trip():
    assert KdfParams.from_dict(DEFAULT_PARAMS.as_dict()) == DEFAULT_PARAMS


def test_device_secret_is_kept_per_vault_under_saiken_desk(memory_keyring):
    assert devsec.keyring_available()
    secret = devsec.new_device_secret()
    devsec.store_device_secret("vault-a", secret)
    stored = memory_keyring.store[("saiken-desk", "vault-a")]
    assert len(stored.encode()) <= 64
    assert devsec.load_device_secret("vault-a") == secret
    assert devsec.load_device_secret("vault-b") is None
    devsec.forget_device_secret("vault-a")
    assert devsec.load_device_secret("vault-a") is None


def test_no_backend_is_a_state_not_a_crash():
    keyring.set_keyring(fail.Keyring())
    assert not devsec.keyring_available()
    assert devsec.load_device_secret("vault-a") is None
    with pytest.raises(VaultError):
        devsec.store_device_secret("vault-a", b"x" * 32)


@pytest.mark.parametrize(
    "change",
    [
        {"memory_kib": 2 * 1024 * 1024},  # 2 GiB: accepted before the ceiling (up to 4 GiB)
        {"iterations": 40},  # 40 passes of 64 MiB: minutes on an office PC
        {"lanes": 32},
        {"memory_kib": 256 * 1024, "iterations": 10},  # each under its own ceiling, 2.5 GiB·pass together
        {"memory_kib": True},
    ],
)
def test_parameters_above_the_ceiling_are_refused_before_any_work(change):
    """A forged keys.json cannot make sign-in take minutes or gigabytes (issue 6 item 8)."""
    data = {**DEFAULT_PARAMS.as_dict(), **change}
    with pytest.raises(CorruptFileError, match="鍵導出の設定"):
        KdfParams.from_dict(data)


def test_derive_key_itself_refuses_parameters_above_the_ceiling():
    with pytest.raises(CorruptFileError):
        derive_key("ながい合言葉です", new_salt(), KdfParams(memory_kib=64 * 1024, iterations=40))


def test_the_ceiling_leaves_room_above_the_default():
    assert KdfParams(memory_kib=256 * 1024, iterations=4, lanes=8).within_limits()
    assert DEFAULT_PARAMS.within_limits()

"""Before sign-in: the light saiken.services.vault_info reads a real vault's keys.json without loading the
database stack; the sign-in screen's questions get the same answers as through saiken.services.vault."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from vault_people import ADMIN, ADMIN_PW, HANDLER, HANDLER_PW

from saiken.domain.errors import CorruptFileError
from saiken.services import users, vault, vault_info

HEAVY = (
    "sqlalchemy",
    "alembic",
    "sqlcipher3",
    "cryptography",
    "keyring",
    "argon2",
    "openpyxl",
    "reportlab",
    "PySide6",
)


def test_importing_vault_info_loads_no_database_crypto_or_keyring_module():
    code = (
        "import sys, saiken.services.vault_info; "
        f"print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))"
    )
    child = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert child.stdout.strip() == ""


def test_what_the_sign_in_screen_reads_from_a_real_vault(admin, made_vault):
    users.add_user(admin, HANDLER, role="handler", password=HANDLER_PW)
    info = vault_info.read_vault_info(made_vault.folder)
    assert (info.org_name, info.org_role, info.vault_id, info.user_names, info.device_bound, info.demo) == (
        "架空法律事務所",
        "contractor",
        made_vault.vault_id,
        sorted([ADMIN, HANDLER]),
        True,
        False,
    )
    assert info == vault.read_vault_info(made_vault.folder)
    assert vault_info.vault_exists(made_vault.folder)
    assert not vault_info.vault_exists(made_vault.folder.parent / "nothing-here")


def test_a_vault_with_only_its_database_left_still_counts_as_a_vault(made_vault):
    """The wizard must never offer to make a new vault over a folder whose keys.json went missing."""
    (made_vault.folder / "keys.json").unlink()
    assert vault_info.vault_exists(made_vault.folder)
    with pytest.raises(CorruptFileError, match="見つかりません"):
        vault_info.read_vault_info(made_vault.folder)


@pytest.mark.parametrize(
    "damage",
    [b"{not json", json.dumps({"format": 1}).encode(), b"\xff\xfe", json.dumps({"format": 99}).encode()],
)
def test_a_damaged_key_file_gives_one_clear_japanese_line_and_is_left_alone(made_vault, damage):
    path = made_vault.folder / "keys.json"
    path.write_bytes(damage)
    with pytest.raises(CorruptFileError) as caught:
        vault_info.read_vault_info(made_vault.folder)
    message = str(caught.value)
    assert ("keys.json" in message or "更新して" in message) and "\n" not in message
    assert path.read_bytes() == damage


def test_signing_in_after_reading_the_info_still_works(made_vault, fixed_clock):
    vault_info.read_vault_info(made_vault.folder)
    session = vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    assert session.user.name == ADMIN
    session.close()


def test_keyring_probe_is_the_same_answer_as_the_vault_service():
    assert vault_info.keyring_available() and vault.keyring_available()  # the in-memory backend
    keyring.set_keyring(fail.Keyring())
    assert not vault_info.keyring_available() and not vault.keyring_available()


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are the Linux convention")
def test_default_folders_are_in_the_user_data_folder():
    data_home = Path(os.environ["XDG_DATA_HOME"])  # a per-test folder (tests/conftest.py)
    assert vault_info.default_vault_dir() == data_home / "SaikenDesk" / "vault"
    assert vault_info.default_demo_dir() == data_home / "SaikenDesk" / "demo-vault"
    assert vault.default_vault_dir() == vault_info.default_vault_dir()

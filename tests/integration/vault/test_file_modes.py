"""POSIX modes of a vault (issue 6 item 8, DESIGN §5): folders 0700, every file 0600 — even under a loose
umask, for an existing folder that was too open, and for backups."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from vault_people import ADMIN, ADMIN_PW

from saiken.services import backup, vault

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")


@pytest.fixture
def loose_umask():
    old = os.umask(0o002)  # what a shared-desktop account often has: group may write
    yield
    os.umask(old)


def _modes(folder: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        if not path.is_symlink():
            found[str(path.relative_to(folder))] = stat.S_IMODE(path.stat().st_mode)
    return found


def _loose(modes: dict[str, int], folder: Path) -> dict[str, str]:
    wrong = {}
    for name, mode in modes.items():
        want = 0o700 if (folder / name).is_dir() else 0o600
        if mode != want:
            wrong[name] = oct(mode)
    return wrong


def test_a_new_vault_its_wal_and_its_backups_are_private(tmp_path, fixed_clock, loose_umask):
    folder = tmp_path / "vault"
    vault.create_vault(
        folder,
        org_role="contractor",
        org_name="架空法律事務所",
        admin_user=ADMIN,
        admin_password=ADMIN_PW,
        clock=fixed_clock,
    )
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    try:
        assert (folder / "vault.db-wal").exists() and (folder / "vault.db-shm").exists()
        backup.create_backup(session)
        modes = _modes(folder)
        assert {"vault.db", "vault.db-wal", "vault.db-shm", "keys.json", "backups"} <= set(modes)
        assert any(name.endswith("/vault.db") for name in modes)
        assert _loose(modes, folder) == {}
    finally:
        session.close()


def test_an_existing_folder_and_files_that_are_too_open_are_tightened(made_vault, fixed_clock):
    folder = made_vault.folder
    os.chmod(folder, 0o755)
    os.chmod(folder / "vault.db", 0o644)
    os.chmod(folder / "keys.json", 0o664)
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    try:
        assert _loose(_modes(folder), folder) == {}
    finally:
        session.close()

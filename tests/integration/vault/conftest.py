"""A real vault made through the service (keys.json, SQLCipher, keyring in memory) for these tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from vault_people import ADMIN, ADMIN_PW

from saiken.services import vault


@dataclass
class MadeVault:
    folder: Path
    recovery_key: str
    vault_id: str
    device_bound: bool


@pytest.fixture
def made_vault(tmp_path, fixed_clock) -> MadeVault:
    created = vault.create_vault(
        tmp_path / "signed-vault",
        org_role="contractor",
        org_name="架空法律事務所",
        admin_user=ADMIN,
        admin_password=ADMIN_PW,
        clock=fixed_clock,
    )
    return MadeVault(created.folder, created.recovery_key, created.vault_id, created.device_bound)


@pytest.fixture
def admin(made_vault, fixed_clock):
    session = vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    yield session
    session.close()

"""The demo vault: fictional, marked DEMO, recreated, never over a real vault."""

from __future__ import annotations

import importlib.util

import pytest
from vault_people import ADMIN, ADMIN_PW

from saiken.domain.errors import PermissionDeniedError, VaultError
from saiken.services import audit, settings, vault
from saiken.services.demo import DEMO_PASSWORD, DEMO_USER, create_demo_vault


def test_demo_vault_is_marked_and_recreated(tmp_path, fixed_clock, memory_keyring):
    folder = tmp_path / "demo"
    credentials = create_demo_vault(folder, clock=fixed_clock)
    assert (credentials.user, credentials.password) == (DEMO_USER, DEMO_PASSWORD)
    assert memory_keyring.store == {}  # the demo never touches the OS credential store
    session = vault.open_vault(folder, credentials.user, credentials.password, clock=fixed_clock)
    assert session.demo and settings.get_settings(session).demo and vault.read_vault_info(folder).demo
    populated = "demo.populate" in audit.actions(session)
    assert populated == (importlib.util.find_spec("saiken.services.debtors.demo") is not None)
    with pytest.raises(PermissionDeniedError):
        vault.rekey(session, DEMO_PASSWORD)
    session.close()
    first_id = vault.read_vault_info(folder).vault_id
    create_demo_vault(folder, org_role="ward", clock=fixed_clock)
    info = vault.read_vault_info(folder)
    assert info.vault_id != first_id and info.org_role == "ward"


def test_demo_refuses_to_replace_a_real_vault(made_vault, fixed_clock):
    with pytest.raises(VaultError, match="本番"):
        create_demo_vault(made_vault.folder, clock=fixed_clock)
    vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock).close()

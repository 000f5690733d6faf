"""Saving the printable recovery sheet is audited by the service (one entry, no key, no path)."""

from __future__ import annotations

import pytest
from vault_people import HANDLER, HANDLER_PW

from saiken.domain.errors import PermissionDeniedError, ValidationError
from saiken.services import audit, users, vault


def test_a_saved_sheet_is_one_chained_audit_entry_with_the_vault_and_size(admin, made_vault):
    before = audit.count_entries(admin)
    vault.record_recovery_sheet_saved(admin, size=48_213)
    entries = audit.list_entries(admin, action="vault.recovery_sheet_saved")
    assert len(entries) == 1 and audit.count_entries(admin) == before + 1
    entry = entries[0]
    assert (entry.actor, entry.target_type, entry.target_id, entry.details) == (
        admin.user.name,
        "vault",
        made_vault.vault_id,
        {"size": 48_213},
    )
    assert made_vault.recovery_key not in repr(entry) and str(made_vault.folder) not in repr(entry)
    report = audit.verify(admin)
    assert report.ok and report.count == before + 1


def test_the_recovery_principal_may_record_it_too(made_vault, fixed_clock):
    session = vault.open_with_recovery_key(made_vault.folder, made_vault.recovery_key, clock=fixed_clock)
    try:
        vault.record_recovery_sheet_saved(session, size=1)
        assert audit.list_entries(session, action="vault.recovery_sheet_saved")[0].actor == "recovery"
    finally:
        session.close()


@pytest.mark.parametrize("size", [0, -5, True, 3.5, "100"])
def test_a_nonsense_size_is_refused_and_nothing_is_written(admin, size):
    before = audit.count_entries(admin)
    with pytest.raises(ValidationError, match="保存してください"):
        vault.record_recovery_sheet_saved(admin, size=size)
    assert audit.count_entries(admin) == before


def test_a_handler_cannot_record_it(admin, made_vault, fixed_clock):
    users.add_user(admin, HANDLER, role="handler", password=HANDLER_PW)
    before = audit.count_entries(admin)
    handler = vault.open_vault(made_vault.folder, HANDLER, HANDLER_PW, clock=fixed_clock)
    try:
        with pytest.raises(PermissionDeniedError):
            vault.record_recovery_sheet_saved(handler, size=1000)
    finally:
        handler.close()
    assert audit.list_entries(admin, action="vault.recovery_sheet_saved") == []
    assert audit.count_entries(admin) == before + 1  # only the handler's sign-in

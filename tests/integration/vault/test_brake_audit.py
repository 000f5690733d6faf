"""Failed sign-ins reach the audit log only as the application saw them (issue 6 item 8)."""

from __future__ import annotations

import json

import pytest
from vault_people import ADMIN, ADMIN_PW

from saiken.domain.errors import WrongPasswordError
from saiken.security.signin_failures import FILE_NAME, principal_hash
from saiken.services import audit, vault


def test_a_hand_written_brake_file_puts_no_entries_in_the_audit_log(made_vault, fixed_clock):
    key = principal_hash(made_vault.vault_id, ADMIN)
    forged = {
        "format": 1,
        "principals": {key: {"count": 1, "last": "2020-01-01T09:00:00+09:00"}},
        "pending": [{"principal": key, "at": "2020-01-01T09:00:00+09:00"}] * 50,
    }
    (made_vault.folder / FILE_NAME).write_text(json.dumps(forged), encoding="utf-8")
    session = vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    try:
        failed = audit.list_entries(session, action="auth.sign_in_failed")
        assert [row.details.get("at") for row in failed] == []
        assert audit.verify(session).ok
    finally:
        session.close()


def test_failures_this_process_saw_are_audited_with_the_applications_time(made_vault, fixed_clock):
    with pytest.raises(WrongPasswordError):
        vault.open_vault(made_vault.folder, ADMIN, "まちがった長い合言葉", clock=fixed_clock)
    session = vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    try:
        failed = audit.list_entries(session, action="auth.sign_in_failed")
        assert [(row.actor, row.details["at"]) for row in failed] == [
            (ADMIN, fixed_clock.now().isoformat(timespec="seconds"))
        ]
    finally:
        session.close()

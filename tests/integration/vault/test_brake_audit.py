"""Failed sign-ins reach the audit log only as the application saw them (issue 6 item 8)."""

from __future__ import annotations

import json
import subprocess
import sys

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


def test_failures_of_other_processes_are_one_unverified_count(tmp_path, fixed_clock):
    """A real second process fails twice (the brake file counts them); this process only reports the count."""
    folder = vault.create_vault(
        tmp_path / "unbound",
        org_role="contractor",
        org_name="架空法律事務所",
        admin_user=ADMIN,
        admin_password=ADMIN_PW,
        device_binding=False,  # the second process has no access to this test's keyring
        clock=fixed_clock,
    ).folder
    script = (
        "import sys; from pathlib import Path; from saiken.services import vault\n"
        "for _ in range(2):\n"
        "    try: vault.open_vault(Path(sys.argv[1]), sys.argv[2], 'まちがった長い合言葉')\n"
        "    except Exception as error: print(type(error).__name__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(folder), ADMIN],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.split() == ["WrongPasswordError"] * 2, done.stderr
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    try:
        assert audit.list_entries(session, action="auth.sign_in_failed") == []
        reported = audit.list_entries(session, action="auth.sign_in_failures_reported")
        assert [(row.actor, row.details) for row in reported] == [
            (ADMIN, {"count": 2, "source": "signin_failures.json", "verified": False})
        ]
    finally:
        session.close()

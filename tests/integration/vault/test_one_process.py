"""One process per vault (issue 6 item 7), with a real second process holding a real vault."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap

import pytest
from vault_people import ADMIN, ADMIN_PW

from saiken.cli import main
from saiken.domain.errors import VaultInUseError
from saiken.security.signin_failures import FailureLog
from saiken.services import audit, vault
from saiken.store import vault_lock

OPENER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from saiken.services import vault
    session = vault.open_vault(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
    print("open", flush=True)
    command = sys.stdin.readline().strip()
    if command == "close":
        session.close()
    print("done", flush=True)
    """  # "exit": end without closing (atexit lets the lock go); SIGKILL: nothing runs at all
)


@pytest.fixture
def unbound_vault(tmp_path, fixed_clock):
    """A vault a second process can open too (not bound to this test's in-memory keyring)."""
    created = vault.create_vault(
        tmp_path / "vault",
        org_role="contractor",
        org_name="架空法律事務所",
        admin_user=ADMIN,
        admin_password=ADMIN_PW,
        device_binding=False,
        clock=fixed_clock,
    )
    return created.folder


class OtherProcess:
    def __init__(self, folder) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", OPENER, str(folder), ADMIN, ADMIN_PW],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout.readline().strip() == "open", self.process.stderr.read()

    def send(self, command: str) -> None:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "done"
        assert self.process.wait(timeout=60) == 0

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=60)


@pytest.fixture
def other(unbound_vault):
    started: list[OtherProcess] = []

    def start() -> OtherProcess:
        started.append(OtherProcess(unbound_vault))
        return started[-1]

    yield start
    for one in started:
        if one.process.poll() is None:
            one.process.kill()
            one.process.wait(timeout=60)


def test_a_second_cli_writer_gets_one_line_naming_the_holder(unbound_vault, other, capsys, monkeypatch):
    other()
    monkeypatch.setenv("SAIKEN_PASSWORD", ADMIN_PW)
    code = main(["debtors", "--vault", str(unbound_vault), "--user", ADMIN])
    out, err = capsys.readouterr()
    assert code == 6 and out == "" and err.count("\n") == 1
    assert re.match(
        r"エラー: この金庫は別の場所で開かれています: 利用者 kanri(（OS アカウント [^）]+）)?・"
        r"この PC の別のウィンドウ・\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d から。",
        err,
    ), err
    assert "閉じてから、もう一度開いてください" in err
    with pytest.raises(VaultInUseError):
        vault.open_with_recovery_key(unbound_vault, "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA")
    assert FailureLog(unbound_vault, vault.read_vault_info(unbound_vault).vault_id).failures(ADMIN) == 0


def test_after_a_clean_close_the_vault_opens_without_a_report(unbound_vault, other, fixed_clock):
    other().send("close")
    session = vault.open_vault(unbound_vault, ADMIN, ADMIN_PW, clock=fixed_clock)
    try:
        assert session.vault_lock.taken_over is None
        assert audit.list_entries(session, action="vault.lock_recovered") == []
    finally:
        session.close()
    assert not vault_lock.held_here(unbound_vault)


def test_a_process_that_exits_without_closing_leaves_no_lock_behind(unbound_vault, other, fixed_clock):
    other().send("exit")
    session = vault.open_vault(unbound_vault, ADMIN, ADMIN_PW, clock=fixed_clock)
    try:
        assert session.vault_lock.taken_over is None
    finally:
        session.close()


def test_a_lock_left_by_a_killed_process_is_taken_over_and_audited(unbound_vault, other, fixed_clock):
    killed = other()
    killed.kill()  # SIGKILL while the vault is open: no clean-up at all
    status = vault_lock.status(unbound_vault)
    assert not status.in_use and status.stale.pid == killed.process.pid
    session = vault.open_vault(unbound_vault, ADMIN, ADMIN_PW, clock=fixed_clock)
    try:
        assert session.vault_lock.taken_over.account == ADMIN
        recovered = audit.list_entries(session, action="vault.lock_recovered")
        assert len(recovered) == 1 and recovered[0].details["previous_account"] == ADMIN
        assert audit.verify(session).ok
        with pytest.raises(subprocess.CalledProcessError):  # and now it is this process's
            subprocess.run(
                [sys.executable, "-c", OPENER, str(unbound_vault), ADMIN, ADMIN_PW],
                check=True,
                capture_output=True,
                text=True,
                input="close\n",
                timeout=120,
            )
    finally:
        session.close()

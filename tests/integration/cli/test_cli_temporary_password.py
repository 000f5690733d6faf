"""A temporary password (an admin's reset) must be changed at the next sign-in in the CLI too (issue 6
item 8): without a terminal the command stops and says how; at a terminal it asks for the new one."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from saiken.cli import main
from saiken.services import users, vault

ADMIN, ADMIN_PW = "kanri", "ながい管理者の合言葉"
TEMPORARY = "管理者が決めた仮の合言葉"
OWN = "本人が決めた長い合言葉"
CLI = "import sys; from saiken.cli import main; sys.exit(main())"


@pytest.fixture
def reset_handler(tmp_path, monkeypatch, fixed_clock):
    """A vault where admin `kanri` added `tanto` and then reset their password to a temporary one."""
    for name in ("SAIKEN_PASSWORD", "SAIKEN_NEW_PASSWORD", "SAIKEN_RECOVERY_KEY", "SAIKEN_USER"):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "vault"
    vault.create_vault(
        folder,
        org_role="contractor",
        org_name="架空法律事務所",
        admin_user=ADMIN,
        admin_password=ADMIN_PW,
        device_binding=False,  # the terminal test runs in a process without this test's keyring
    )
    admin = vault.open_vault(folder, ADMIN, ADMIN_PW)
    try:
        users.add_user(admin, "tanto", role="handler", password="取扱者の最初の長い合言葉")
        users.change_password(admin, "tanto", old_password=None, new_password=TEMPORARY)
    finally:
        admin.close()
    monkeypatch.setenv("SAIKEN_USER", "tanto")
    monkeypatch.setenv("SAIKEN_PASSWORD", TEMPORARY)
    return folder


def test_a_command_signed_in_with_a_temporary_password_stops_and_says_how(reset_handler, capsys):
    code = main(["debtors", "--vault", str(reset_handler)])
    out, err = capsys.readouterr()
    assert code == 5 and out == ""
    assert "仮のパスワード" in err and "saiken user passwd" in err and err.count("\n") == 1


def test_user_passwd_changes_it_and_then_commands_work(reset_handler, capsys, monkeypatch):
    monkeypatch.setenv("SAIKEN_NEW_PASSWORD", OWN)
    assert main(["user", "passwd", "--vault", str(reset_handler)]) == 0
    monkeypatch.setenv("SAIKEN_PASSWORD", OWN)
    monkeypatch.delenv("SAIKEN_NEW_PASSWORD")
    capsys.readouterr()
    # A command whose output is not personal data: `saiken debtors` here would print into pytest's capture
    # (not a terminal), which is an export a handler may not make (issue 6 item 8); the terminal case of
    # `debtors` is the pseudo-terminal test below.
    assert main(["engagements", "--vault", str(reset_handler)]) == 0
    out, err = capsys.readouterr()
    assert "業務はまだありません" in out and "仮のパスワード" not in err


def test_at_a_terminal_the_new_password_is_asked_for_on_the_spot(reset_handler):
    """A real pseudo-terminal: the command asks twice, changes the password, then does its work."""
    primary, secondary = os.openpty()
    env = {k: v for k, v in os.environ.items() if k != "SAIKEN_NEW_PASSWORD"}
    process = subprocess.Popen(
        [sys.executable, "-c", CLI, "debtors", "--vault", str(reset_handler)],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        start_new_session=True,
    )
    os.close(secondary)
    seen = b""

    def wait_for(text: str) -> None:
        nonlocal seen
        deadline = time.monotonic() + 120
        while text.encode() not in seen:
            assert time.monotonic() < deadline, seen.decode(errors="replace")
            try:
                chunk = os.read(primary, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk

    try:
        wait_for("新しいパスワード: ")
        os.write(primary, (OWN + "\n").encode())
        wait_for("もう一度: ")
        os.write(primary, (OWN + "\n").encode())
        wait_for("該当する債務者はいません")
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(primary)
    assert "パスワードを変更しました" in seen.decode()
    vault.open_vault(reset_handler, "tanto", OWN).close()  # the new password is the one that works now

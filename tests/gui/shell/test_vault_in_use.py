"""What a clerk sees when the vault is open in another window or on another PC, and when it was left
open by a window that was killed (issue 6 item 7) — a real second process, real widgets."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from shell_gui_data import ADMIN, ADMIN_PASSWORD

from saiken.services import audit, vault

HOLD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from saiken.services import vault
    session = vault.open_vault(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
    print("open", flush=True)
    sys.stdin.readline()
    session.close()
    print("closed", flush=True)
    """
)


@pytest.fixture
def shared_folder(tmp_path, fixed_clock):
    """A vault another process can open too (not bound to this test's in-memory keyring)."""
    folder = tmp_path / "vault"
    vault.create_vault(
        folder,
        org_role="contractor",
        org_name="架空法律事務所",
        admin_user=ADMIN,
        admin_password=ADMIN_PASSWORD,
        device_binding=False,
        clock=fixed_clock,
    )
    return folder


@pytest.fixture
def other_window(shared_folder):
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(shared_folder), ADMIN, ADMIN_PASSWORD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "open", process.stderr.read()
    yield process
    if process.poll() is None:
        process.kill()
        process.wait(timeout=60)


def _dialog(qtbot, ops, folder):
    from saiken.ui.shell.sign_in import SignInDialog

    dialog = SignInDialog(ops, folder, org_name="架空法律事務所", org_role="contractor", user_names=[ADMIN])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_clerk_is_told_where_the_vault_is_open_and_can_open_it_once_closed(
    qtbot, ops, shared_folder, other_window
):
    dialog = _dialog(qtbot, ops, shared_folder)
    form = dialog.form
    qtbot.waitUntil(lambda: form.in_use.isVisible(), timeout=10_000)
    text = form.in_use.text()
    assert (
        "別の場所で開かれています" in text
        and f"利用者 {ADMIN}" in text
        and "この PC の別のウィンドウ" in text
    )
    assert form.check_again.isVisible()
    form.select_user(ADMIN)
    form.password.insert(ADMIN_PASSWORD)
    form.sign_in_button.click()
    qtbot.waitUntil(lambda: form.error.isVisible(), timeout=20_000)
    assert "この金庫は別の場所で開かれています" in form.error.text() and "Traceback" not in form.error.text()
    assert not ops.signed_in

    other_window.stdin.write("\n")
    other_window.stdin.flush()
    assert other_window.stdout.readline().strip() == "closed"
    form.check_again.click()
    assert not form.in_use.isVisible()
    form.password.insert(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        form.sign_in_button.click()
    assert ops.signed_in


def test_a_vault_left_open_by_a_killed_window_is_explained_and_taken_over(
    qtbot, ops, shared_folder, other_window, fixed_clock
):
    os.kill(other_window.pid, signal.SIGKILL)
    other_window.wait(timeout=60)
    dialog = _dialog(qtbot, ops, shared_folder)
    form = dialog.form
    qtbot.waitUntil(lambda: form.in_use.isVisible(), timeout=10_000)
    assert "正しく閉じられませんでした" in form.in_use.text() and f"利用者 {ADMIN}" in form.in_use.text()
    assert not form.check_again.isVisible()
    form.select_user(ADMIN)
    form.password.insert(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        form.sign_in_button.click()
    session = vault.open_vault(shared_folder, ADMIN, ADMIN_PASSWORD, clock=fixed_clock)  # same process
    try:
        assert [
            e.details["previous_account"] for e in audit.list_entries(session, action="vault.lock_recovered")
        ] == [ADMIN]
    finally:
        session.close()

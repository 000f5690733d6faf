"""The OS file lock that keeps a vault in one process (issue 6 item 7), tried with real second processes."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from saiken.domain.errors import VaultInUseError
from saiken.store import vault_lock

SINCE = dt.datetime(2025, 9, 16, 1, 30, tzinfo=dt.UTC)  # 10:30 in Japan

HOLDER_SCRIPT = textwrap.dedent(
    """
    import datetime as dt, sys
    from pathlib import Path
    from saiken.store import vault_lock
    handle = vault_lock.acquire(Path(sys.argv[1]), now=dt.datetime(2025, 9, 16, 1, 30, tzinfo=dt.UTC),
                                program="saiken")
    handle.set_account("kanri")
    print("locked", flush=True)
    sys.stdin.readline()
    handle.release()
    print("released", flush=True)
    """
)


class Holder:
    """A second Python process that takes the vault lock and keeps it until told (or killed)."""

    def __init__(self, folder: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER_SCRIPT, str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline()
        assert line.strip() == "locked", self.process.stderr.read()

    def release(self) -> None:
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "released"
        self.process.wait(timeout=30)

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        assert self.process.returncode == -signal.SIGKILL

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


@pytest.fixture
def holder(tmp_path):
    folder = tmp_path / "vault"
    folder.mkdir()
    made: list[Holder] = []

    def start() -> Holder:
        made.append(Holder(folder))
        return made[-1]

    yield folder, start
    for one in made:
        one.stop()


def test_a_second_process_is_told_who_holds_the_vault(holder):
    folder, start = holder
    other = start()
    with pytest.raises(VaultInUseError) as caught:
        vault_lock.acquire(folder, now=SINCE, wait=0.2)
    message = str(caught.value)
    assert "この金庫は別の場所で開かれています" in message
    assert "利用者 kanri" in message and "2025年9月16日 10:30 から" in message
    assert "この PC の別のウィンドウ" in message  # same host
    assert "\n" not in message
    assert caught.value.holder.account == "kanri" and caught.value.holder.pid == other.process.pid
    status = vault_lock.status(folder)
    assert status.in_use and status.holder.account == "kanri"
    other.release()
    assert not vault_lock.status(folder).in_use
    handle = vault_lock.acquire(folder, now=SINCE)
    assert handle.taken_over is None  # closed properly: nothing to report
    handle.release()


def test_a_lock_left_by_a_killed_process_is_taken_over_and_reported(holder):
    folder, start = holder
    other = start()
    other.kill()  # SIGKILL: no clean-up ran, the holder file is still there
    assert (folder / vault_lock.HOLDER_NAME).exists()
    status = vault_lock.status(folder)
    assert not status.in_use and status.stale is not None and status.stale.pid == other.process.pid
    handle = vault_lock.acquire(folder, now=SINCE + dt.timedelta(hours=1))
    try:
        assert handle.taken_over is not None and handle.taken_over.account == "kanri"
        holder_now = json.loads((folder / vault_lock.HOLDER_NAME).read_text(encoding="utf-8"))
        assert holder_now["pid"] == os.getpid()
        with pytest.raises(subprocess.CalledProcessError):  # and it is really ours now
            subprocess.run(
                [sys.executable, "-c", HOLDER_SCRIPT, str(folder)],
                check=True,
                capture_output=True,
                text=True,
                input="\n",
                timeout=60,
            )
    finally:
        handle.release()
    assert not (folder / vault_lock.HOLDER_NAME).exists()


def test_sessions_of_one_process_share_the_lock(holder, tmp_path):
    folder, start = holder
    first = vault_lock.acquire(folder, now=SINCE)
    second = vault_lock.acquire(folder, now=SINCE)
    first.set_account("kanri")
    first.release()
    first.release()  # twice is harmless
    assert vault_lock.held_here(folder)
    second.release()
    assert not vault_lock.held_here(folder)
    start().release()  # another process can take it now


def test_an_edited_holder_file_only_changes_the_words_of_the_message(holder):
    folder, start = holder
    other = start()
    forged = {
        "account": "x" * 500 + "\n\x1b[31m",
        "host": "PC\r\nrm",
        "pid": "7",
        "since": "2025-09-16T01:30:00+00:00",
    }
    (folder / vault_lock.HOLDER_NAME).write_text(json.dumps(forged), encoding="utf-8")
    with pytest.raises(VaultInUseError) as caught:
        vault_lock.acquire(folder, now=SINCE, wait=0.1)
    message = str(caught.value)
    assert "\n" not in message and "\r" not in message and "\x1b" not in message
    assert len(caught.value.holder.account) <= 64
    (folder / vault_lock.HOLDER_NAME).write_text("not json", encoding="utf-8")
    with pytest.raises(VaultInUseError, match="開いている人の情報は読めません"):
        vault_lock.acquire(folder, now=SINCE, wait=0.1)
    other.stop()

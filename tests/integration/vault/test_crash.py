"""Crash test: a writer process is SIGKILLed at >= 50 random points during a loop of acknowledged commits.

The child commits one audited action per transaction through the real engine and unit of work
(WAL, synchronous=FULL) and prints its id only after the commit has returned. After every kill the parent
reopens the file: `PRAGMA integrity_check` must be ok and every acknowledged id must be there; at the end the
audit chain must verify. Children are started one ahead so their import time overlaps the previous run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time

import pytest

from saiken.services.audit import verify_raw
from saiken.store.engine import connect_raw, engine_key

KILLS = 50
AHEAD = 3
CHILD = r"""
import sys
from pathlib import Path

from saiken.domain.roles import Role
from saiken.security.member_keys import MemberKeys
from saiken.services.context import SignedInUser, Signer, VaultSession, unit_of_work
from saiken.store.engine import make_engine

folder, start = Path(sys.argv[1]), int(sys.argv[2])
key, member_keys, vault_id = sys.stdin.readline().split()
session = VaultSession(folder=folder, engine=make_engine(folder / "vault.db", bytes.fromhex(key)),
                       user=SignedInUser(1, "admin", Role.ADMIN, True), vault_id=vault_id,
                       signer=Signer("u1", MemberKeys.from_bytes(bytes.fromhex(member_keys))))
with session.engine.connect() as connection:  # a reader may open while another process writes (WAL)
    connection.exec_driver_sql("SELECT count(*) FROM audit_log").fetchall()
print("loaded", flush=True)
sys.stdin.readline()  # "go": the previous writer has been killed
i = start
while True:
    with unit_of_work(session) as work:
        work.audit("crash.probe", target_type="probe", target_id=i, pad="p" * (i % 7 * 300))
    print(i, flush=True)  # acknowledged: the commit has returned
    i += 1
"""


class Child:
    def __init__(self, script, folder, start, key: bytes, signer: str = ""):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, str(script), str(folder), str(start)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        self.proc.stdin.write(f"{key.hex()} {signer}\n")
        self.proc.stdin.flush()
        self.lines: list[str] = []
        self.loaded = threading.Event()
        self.first_ack = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stdout:
            if line.strip() == "loaded":
                self.loaded.set()
            elif line.endswith("\n"):
                self.lines.append(line.strip())
                self.first_ack.set()
        self.loaded.set()
        self.first_ack.set()

    def go(self):
        assert self.loaded.wait(60), "child did not start"
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def kill(self) -> set[int]:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)
        self.reader.join(10)
        return {int(line) for line in self.lines if line.isdigit()}


@pytest.mark.slow
def test_no_acknowledged_commit_is_lost_when_the_writer_is_killed(vault_session, tmp_path):
    folder = vault_session.folder
    key = engine_key(vault_session.engine)
    signer = f"{vault_session.signer.keys.to_bytes().hex()} {vault_session.vault_id}"
    vault_session.close()
    script = tmp_path / "writer.py"
    script.write_text(CHILD)
    rng = random.Random(20250916)
    acknowledged: set[int] = set()
    ahead = [Child(script, folder, n * 1_000_000, key, signer) for n in range(AHEAD)]  # imports overlap
    for kill in range(KILLS):
        child = ahead.pop(0)
        if kill + AHEAD < KILLS:
            ahead.append(Child(script, folder, (kill + AHEAD) * 1_000_000, key, signer))
        child.go()
        if kill % 5 != 4:  # most kills land inside the commit loop; every fifth may hit the start-up
            child.first_ack.wait(30)
        time.sleep(rng.uniform(0.0, 0.25))  # a random point: mid-commit, between commits, while opening
        acknowledged |= child.kill()
        connection = connect_raw(folder / "vault.db", key)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"kill {kill}"
            stored = {
                int(r[0])
                for r in connection.execute("SELECT target_id FROM audit_log WHERE action = 'crash.probe'")
            }
        finally:
            connection.close()
        missing = acknowledged - stored
        assert not missing, f"kill {kill}: {len(missing)} acknowledged commits lost"
    connection = connect_raw(folder / "vault.db", key)
    try:
        report = verify_raw(connection)
    finally:
        connection.close()
    assert report.ok, report.problems
    assert len(acknowledged) >= KILLS * 4 // 5  # the loop really ran

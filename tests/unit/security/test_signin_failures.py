"""The failed sign-in brake: growing delays after 5 failures, kept in a file, no names in it."""

from __future__ import annotations

import datetime as dt
import json

from saiken.security.signin_failures import (
    FILE_NAME,
    MAX_DELAY_SECONDS,
    FailureLog,
    delay_after,
    forget_seen,
    principal_hash,
)

T0 = dt.datetime(2025, 9, 16, 1, 0, tzinfo=dt.UTC)


def test_delay_schedule_grows_and_is_capped():
    assert [delay_after(n) for n in range(1, 9)] == [0, 0, 0, 0, 30, 60, 120, 240]
    assert delay_after(40) == 15 * 60


def test_count_survives_a_restart_and_success_resets_it(tmp_path):
    log = FailureLog(tmp_path, "vault-1")
    for i in range(5):
        log.record_failure("suzuki", T0 + dt.timedelta(seconds=i))
    again = FailureLog(tmp_path, "vault-1")  # a new process reads the same file
    assert again.failures("suzuki") == 5
    assert again.retry_after("suzuki", T0 + dt.timedelta(seconds=4)) == 30
    assert again.retry_after("suzuki", T0 + dt.timedelta(seconds=34)) == 0
    assert again.retry_after("tanaka", T0) == 0
    pending = again.record_success("suzuki")  # this process saw the five failures itself
    assert len(pending) == 5 and again.failures("suzuki") == 0
    assert [p.at for p in pending] == [T0 + dt.timedelta(seconds=i) for i in range(5)]
    assert again.record_success("suzuki") == []


def test_file_holds_no_names_and_a_damaged_file_counts_as_empty(tmp_path):
    log = FailureLog(tmp_path, "vault-1")
    log.record_failure("yamada-hanako", T0)
    text = (tmp_path / FILE_NAME).read_text()
    assert "yamada" not in text and "hanako" not in text
    (tmp_path / FILE_NAME).write_bytes(b"\x00garbage")
    assert log.retry_after("yamada-hanako", T0) == 0
    assert log.record_failure("yamada-hanako", T0) == 1


def test_failures_of_another_process_reach_the_audit_only_as_a_count(tmp_path):
    log = FailureLog(tmp_path, "vault-2")
    for i in range(3):
        log.record_failure("suzuki", T0 + dt.timedelta(seconds=i))
    log.record_failure("tanaka", T0)
    forget_seen()  # what a new process knows: only the file
    settled = FailureLog(tmp_path, "vault-2").settle("suzuki")
    assert settled.seen == [] and settled.elsewhere == 3
    assert FailureLog(tmp_path, "vault-2").failures("tanaka") == 1  # others keep their count


def test_a_hand_written_brake_file_cannot_inject_failures_or_times(tmp_path):
    """Issue 6 item 8: before, every `pending` item of the file became an audit entry with its time."""
    forged_at = "2020-01-01T09:00:00+09:00"
    key = principal_hash("vault-3", "kanri")
    document = {
        "format": 1,
        "principals": {key: {"count": 2, "last": forged_at}},
        "pending": [{"principal": key, "at": forged_at}] * 400,
    }
    (tmp_path / FILE_NAME).write_text(json.dumps(document))
    forget_seen()
    log = FailureLog(tmp_path, "vault-3")
    assert log.record_success("kanri") == []
    (tmp_path / FILE_NAME).write_text(json.dumps({"principals": {key: {"count": 10**12, "last": forged_at}}}))
    assert log.settle("kanri").elsewhere == 10_000  # a number, capped; no times, no other accounts


def test_a_forged_time_in_the_future_locks_nobody_out_for_longer_than_the_cap(tmp_path):
    key = principal_hash("vault-4", "kanri")
    future = {"principals": {key: {"count": 10**9, "last": "2999-01-01T00:00:00+00:00"}}}
    (tmp_path / FILE_NAME).write_text(json.dumps(future))
    assert FailureLog(tmp_path, "vault-4").retry_after("kanri", T0) == MAX_DELAY_SECONDS

"""The failed sign-in brake: growing delays after 5 failures, kept in a file, no names in it."""

from __future__ import annotations

import datetime as dt

from saiken.security.signin_failures import FILE_NAME, FailureLog, delay_after

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
    pending = again.record_success("suzuki")
    assert len(pending) == 5 and again.failures("suzuki") == 0
    assert again.record_success("suzuki") == []


def test_file_holds_no_names_and_a_damaged_file_counts_as_empty(tmp_path):
    log = FailureLog(tmp_path, "vault-1")
    log.record_failure("yamada-hanako", T0)
    text = (tmp_path / FILE_NAME).read_text()
    assert "yamada" not in text and "hanako" not in text
    (tmp_path / FILE_NAME).write_bytes(b"\x00garbage")
    assert log.retry_after("yamada-hanako", T0) == 0
    assert log.record_failure("yamada-hanako", T0) == 1

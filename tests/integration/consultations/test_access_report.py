"""The access report from the audit log: per-user counts, sign-ins outside office hours, bulk views,
exports and failed sign-ins — from entries written with their real times."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from consult_testkit import as_user

from saiken.domain.clock import JST, FixedClock
from saiken.domain.errors import PermissionDeniedError
from saiken.domain.roles import Role
from saiken.services.consultations.access_report import (
    access_report,
    kind_of,
    outside_hours,
    save_access_report,
)
from saiken.services.context import unit_of_work

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "unit" / "pdf"))
from pdf_checks import page_texts


def _write(session, when, actor, action, **details):
    session.clock.set(when)
    with unit_of_work(session) as work:
        work.audit(action, actor=actor, **details)


def test_the_report_finds_what_the_supervisor_must_look_at(vault_session, tmp_path):
    s = vault_session
    s.clock = FixedClock(dt.datetime(2025, 9, 1, tzinfo=dt.UTC))
    monday = dt.datetime(2025, 9, 8, 9, 0, tzinfo=JST)
    _write(s, monday, "tanaka", "auth.sign_in")
    for minute in range(35):  # 35 cards in 35 minutes: a bulk view
        _write(s, monday + dt.timedelta(minutes=1 + minute), "tanaka", "business.view")
    _write(s, monday + dt.timedelta(hours=3), "tanaka", "export.consultations", rows=120)
    _write(s, monday + dt.timedelta(hours=4), "tanaka", "consultation.add")
    late = dt.datetime(2025, 9, 8, 22, 40, tzinfo=JST)
    _write(s, late, "suzuki", "auth.sign_in")
    saturday = dt.datetime(2025, 9, 13, 10, 0, tzinfo=JST)
    failed_at = dt.datetime(2025, 9, 13, 9, 58, tzinfo=JST)
    _write(s, saturday, "suzuki", "auth.sign_in_failed", at=failed_at.isoformat(timespec="seconds"))
    _write(s, saturday, "suzuki", "auth.sign_in")
    for minute in range(10):  # ten views spread over the day: not bulk
        _write(s, monday + dt.timedelta(minutes=40 * minute + 90), "suzuki", "business.view")
    report = access_report(s, since=dt.date(2025, 9, 8), until=dt.date(2025, 9, 14))
    by_user = {u.actor: u for u in report.users}
    assert (by_user["tanaka"].sign_ins, by_user["tanaka"].views, by_user["tanaka"].exports) == (1, 35, 1)
    assert by_user["tanaka"].edits == 1 and by_user["tanaka"].out_of_hours == 0
    assert (by_user["suzuki"].sign_ins, by_user["suzuki"].failed_sign_ins, by_user["suzuki"].views) == (
        2,
        1,
        10,
    )
    assert [(e.actor, e.detail) for e in report.out_of_hours_sign_ins] == [
        ("suzuki", "月曜日 22:40"),
        ("suzuki", "土曜日 10:00"),
    ]
    [bulk] = report.bulk_views
    assert (bulk.actor, bulk.views) == ("tanaka", 35)
    assert bulk.start == monday + dt.timedelta(minutes=1) and bulk.end == monday + dt.timedelta(minutes=35)
    assert [(e.actor, e.action, e.detail) for e in report.exports] == [
        ("tanaka", "export.consultations", "120件")
    ]
    [failure] = report.failed_sign_ins
    assert failure.at == failed_at and failure.detail == "土曜日 09:58"
    # the analysis itself is on the record
    again = access_report(s, since=dt.date(2025, 9, 1), until=dt.date(2025, 9, 30))
    assert any(u.actor == "admin" and u.edits >= 1 for u in again.users)
    # and it prints: staff accounts and times, the flagged lines
    out = tmp_path / "out"
    out.mkdir()
    size = save_access_report(s, report, out / "access.pdf").size
    text = "".join(page_texts((out / "access.pdf").read_bytes())).replace(" ", "").replace("\n", "")
    assert size == (out / "access.pdf").stat().st_size
    for expected in ("アクセス状況報告書", "tanaka", "suzuki", "月曜日22:40", "120件", "取扱責任者確認欄"):
        assert expected in text


def test_only_who_reads_the_audit_log(vault_session):
    with pytest.raises(PermissionDeniedError):
        access_report(
            as_user(vault_session, "tantou", Role.HANDLER),
            since=dt.date(2025, 9, 1),
            until=dt.date(2025, 9, 2),
        )


def test_kinds_and_hours():
    assert [kind_of(a) for a in ("auth.sign_in", "auth.sign_in_failed", "debtor.view", "export.debtor_list", "vault.recovery_sheet_saved", "payment.add")] == [
        "sign_in", "failed", "view", "export", "export", "edit",
    ]  # fmt: skip
    assert not outside_hours(dt.datetime(2025, 9, 8, 8, 30, tzinfo=JST))
    assert outside_hours(dt.datetime(2025, 9, 8, 17, 15, tzinfo=JST))
    assert outside_hours(dt.datetime(2025, 9, 8, 8, 29, tzinfo=JST))

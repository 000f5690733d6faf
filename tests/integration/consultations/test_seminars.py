"""Seminars: an application to a full seminar goes to the waiting list and nothing else changes (Must
hold); a cancelled seat goes to the first on the list; capacity and attendance."""

from __future__ import annotations

import datetime as dt

import pytest
from consult_testkit import TODAY, table_dump

from saiken.domain.errors import ValidationError
from saiken.services import consultations as cs

NEXT_WEEK = TODAY + dt.timedelta(days=7)


@pytest.fixture
def seminar(vault_session) -> int:
    return cs.add_seminar(
        vault_session,
        title="はじめての資金繰り表づくり",
        held_on=NEXT_WEEK,
        capacity=2,
        venue="区役所本庁舎 第一会議室",
        starts_at=dt.time(14),
        ends_at=dt.time(16),
    ).row.id


def _apply(s, seminar, business_id, name):
    return cs.apply(s, seminar, business_id=business_id, attendee=name)


def test_a_full_seminar_puts_the_next_applicant_on_the_waiting_list_and_nothing_else_changes(
    vault_session, seminar, businesses
):
    ids, _ = businesses
    a = _apply(vault_session, seminar, ids[0], "架空　一郎").row
    b = _apply(vault_session, seminar, ids[1], "架空　二郎").row
    assert (a.status, b.status) == ("参加確定", "参加確定")
    before_applications = table_dump(vault_session, "seminar_applications")
    before_seminars = table_dump(vault_session, "seminars")
    c = _apply(vault_session, seminar, ids[2], "架空　三郎")
    assert (c.row.status, c.row.waiting_position, c.row.confirmed_at) == ("キャンセル待ち", 1, None)
    assert c.also == ()
    # the two confirmed applications and the seminar are exactly as before; one row was added
    after = table_dump(vault_session, "seminar_applications")
    assert after[:2] == before_applications and len(after) == 3
    assert table_dump(vault_session, "seminars") == before_seminars
    d = _apply(vault_session, seminar, ids[3], "架空　四郎").row
    roster = cs.seminar_roster(vault_session, seminar)
    assert [x.id for x in roster.confirmed] == [a.id, b.id]
    assert [(x.id, x.waiting_position) for x in roster.waiting] == [(c.row.id, 1), (d.id, 2)]
    assert roster.seats_left == 0 and roster.seminar.waiting == 2


def test_a_cancelled_seat_goes_to_the_first_waiting(vault_session, seminar, businesses):
    ids, _ = businesses
    a = _apply(vault_session, seminar, ids[0], "架空　一郎").row
    _apply(vault_session, seminar, ids[1], "架空　二郎")
    c = _apply(vault_session, seminar, ids[2], "架空　三郎").row
    d = _apply(vault_session, seminar, ids[3], "架空　四郎").row
    change = cs.cancel_application(vault_session, a.id)
    assert change.row.status == "取消" and change.also == (("seminar_application", c.id),)
    roster = cs.seminar_roster(vault_session, seminar)
    assert [x.id for x in roster.confirmed][-1] == c.id and roster.confirmed[-1].confirmed_at is not None
    assert [(x.id, x.waiting_position) for x in roster.waiting] == [(d.id, 1)]
    assert [x.id for x in roster.cancelled] == [a.id]
    # a waiting applicant who cancels frees no seat: nobody moves
    assert cs.cancel_application(vault_session, d.id).also == ()
    with pytest.raises(ValidationError, match="すでに取り消されています"):
        cs.cancel_application(vault_session, d.id)


def test_capacity_changes(vault_session, seminar, businesses):
    ids, _ = businesses
    for index in range(4):
        _apply(vault_session, seminar, ids[index], f"架空　{index}郎")
    with pytest.raises(ValidationError, match="参加確定の人数（2名）より少なく"):
        cs.update_seminar(vault_session, seminar, capacity=1)
    change = cs.update_seminar(vault_session, seminar, capacity=3)
    assert len(change.also) == 1 and change.row.confirmed == 3 and change.row.waiting == 1


def test_no_applications_to_a_cancelled_or_past_seminar_nor_twice(vault_session, seminar, businesses):
    ids, _ = businesses
    _apply(vault_session, seminar, ids[0], "架空　一郎")
    with pytest.raises(ValidationError, match="すでに申し込んでいます"):
        _apply(vault_session, seminar, ids[0], "架空 一郎")
    _apply(vault_session, seminar, ids[0], "架空　花子")  # a colleague from the same business
    cs.cancel_seminar(vault_session, seminar)
    with pytest.raises(ValidationError, match="中止"):
        _apply(vault_session, seminar, ids[1], "架空　二郎")
    past = cs.add_seminar(
        vault_session, title="過去の回", held_on=TODAY - dt.timedelta(days=1), capacity=5
    ).row
    with pytest.raises(ValidationError, match="開催日を過ぎて"):
        _apply(vault_session, past.id, ids[1], "架空　二郎")


def test_attendance_after_the_day(vault_session, businesses, fixed_clock):
    ids, _ = businesses
    today = cs.add_seminar(vault_session, title="当日の回", held_on=TODAY, capacity=5).row.id
    a = _apply(vault_session, today, ids[0], "架空　一郎").row
    b = _apply(vault_session, today, ids[1], "架空　二郎").row
    change = cs.record_attendance(vault_session, today, {a.id: True, b.id: False})
    assert change.row.seminar.attended == 1
    assert [x.attended for x in change.row.confirmed] == [True, False]
    later = cs.add_seminar(vault_session, title="来週の回", held_on=NEXT_WEEK, capacity=5).row.id
    c = _apply(vault_session, later, ids[0], "架空　一郎").row
    with pytest.raises(ValidationError, match="開催日より前"):
        cs.record_attendance(vault_session, later, {c.id: True})
    with pytest.raises(ValidationError, match="参加確定者ではありません"):
        cs.record_attendance(vault_session, today, {c.id: True})

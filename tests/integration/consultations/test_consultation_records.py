"""Consultation records: new versions for corrections, the history, the rules across fields, and a record
made from a booking."""

from __future__ import annotations

import datetime as dt

import pytest
from consult_testkit import TODAY, as_user, at, audit_details, table_dump

from saiken.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from saiken.domain.roles import Role
from saiken.services import consultations as cs


def _add(s, business_id, consultant_id, **extra):
    values = {
        "at": at(TODAY, 9, 30),
        "consultant_id": consultant_id,
        "form": "窓口",
        "categories": ["資金繰り", "人材"],
        "contents": "運転資金と採用の相談。",
    }
    values.update(extra)
    return cs.add_consultation(s, business_id, **values)


def test_a_correction_is_a_new_version_and_the_history_keeps_both(vault_session, businesses, consultants):
    ids, _ = businesses
    first = _add(
        vault_session,
        ids[0],
        consultants[0],
        loan_bank="架空信用金庫",
        loan_amount=3_000_000,
        loan_status="相談中",
    ).row
    assert first.categories == ("資金繰り", "人材") and (first.version, first.versions) == (1, 1)
    change = cs.correct_consultation(
        vault_session, first.id, loan_status="申込済", follow_up_on=TODAY + dt.timedelta(days=14)
    )
    second = change.row
    assert (second.version, second.versions, second.loan_status) == (2, 2, "申込済")
    assert change.ids == (second.id, first.id)
    history = cs.consultation_history(vault_session, first.id)
    assert [(h.version, h.superseded, h.loan_status) for h in history] == [
        (1, True, "相談中"),
        (2, False, "申込済"),
    ]
    card = cs.get_business_card(vault_session, ids[0])
    assert [c.id for c in card.consultations] == [second.id]  # only the current version
    log = audit_details(vault_session)
    assert any(a == "consultation.correct" and '"fields":["follow_up_on","loan_status"]' in d for a, d in log)
    with pytest.raises(ValidationError, match="同じ"):
        cs.correct_consultation(vault_session, second.id, loan_status="申込済")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"at": at(TODAY + dt.timedelta(days=1), 10)}, "未来"),
        ({"form": "訪問"}, "相談形態"),
        ({"categories": []}, "相談分類を1つ以上"),
        ({"categories": ["税務"]}, "相談分類"),
        ({"contents": "  "}, "相談内容を入力"),
        ({"loan_amount": 1_000_000}, "融資あっせんは金融機関と状況"),
        ({"loan_bank": "架空銀行", "loan_status": "保留"}, "融資あっせんの状況"),
        ({"follow_up_on": TODAY - dt.timedelta(days=1)}, "次回フォロー日"),
        ({"consultant_id": 999}, "相談員"),
    ],
)
def test_bad_records_are_refused_and_nothing_is_stored(
    vault_session, businesses, consultants, extra, message
):
    ids, _ = businesses
    consultant = extra.pop("consultant_id", consultants[0])
    with pytest.raises((ValidationError, NotFoundError), match=message):
        _add(vault_session, ids[0], consultant, **extra)
    assert table_dump(vault_session, "consultations") == []


def test_a_record_from_a_booking_completes_it(vault_session, businesses, consultants):
    ids, _ = businesses
    booking = cs.book(
        vault_session, consultant_id=consultants[0], business_id=ids[0], starts_at=at(TODAY, 9)
    ).row
    change = _add(vault_session, ids[0], consultants[0], booking_id=booking.id)
    assert change.also == (("booking", booking.id),) and change.areas == {"consultation", "booking"}
    card = cs.get_business_card(vault_session, ids[0])
    assert card.bookings[0].status == "完了" and card.bookings[0].consultation_id == change.row.id
    with pytest.raises(ValidationError, match="予約"):
        _add(vault_session, ids[0], consultants[0], booking_id=booking.id)  # already completed


def test_a_linked_dispatch_must_be_the_same_business(vault_session, businesses, consultants, advisors):
    ids, _ = businesses
    dispatch = cs.add_dispatch(
        vault_session,
        advisor_id=advisors[0],
        business_id=ids[1],
        day=TODAY,
        start_time="9:00",
        end_time="10:00",
    ).row
    with pytest.raises(ValidationError, match="別の事業者"):
        _add(vault_session, ids[0], consultants[0], form="派遣", dispatch_id=dispatch.id)
    linked = _add(vault_session, ids[1], consultants[0], form="派遣", dispatch_id=dispatch.id).row
    assert linked.dispatch_id == dispatch.id


def test_handlers_write_viewers_do_not(vault_session, businesses, consultants):
    ids, _ = businesses
    handler = as_user(vault_session, "tantou", Role.HANDLER)
    assert _add(handler, ids[0], consultants[0]).row.created_by == "tantou"
    with pytest.raises(PermissionDeniedError):
        _add(as_user(vault_session, "etsuran", Role.VIEWER), ids[0], consultants[0])

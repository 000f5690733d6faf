"""Negotiation records: newest first on the card; a correction is a new version and the history stays."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.services import debtors
from saiken.services.context import read_session
from saiken.store.models import Debtor, NegotiationRecord


def _add(session, debtor_id, day, **extra):
    values = {
        "channel": "電話",
        "direction": "発信",
        "person": "本人",
        "summary": f"{day}に架電。",
        "at": dt.datetime(2025, 9, day, 10, 0, tzinfo=JST),
    }
    values.update(extra)
    return debtors.add_record(session, debtor_id, **values).value


def _next_action(session, debtor_id):
    with read_session(session) as db:
        return db.get(Debtor, debtor_id).next_action_on


def test_records_newest_first_and_next_action_follows_the_latest(vault_session, debtor_id):
    _add(vault_session, debtor_id, 2, next_action_on=dt.date(2025, 9, 20))
    latest = _add(
        vault_session,
        debtor_id,
        9,
        promise_amount=50_000,
        promise_date=dt.date(2025, 9, 30),
        next_action_on=dt.date(2025, 10, 1),
    )
    _add(vault_session, debtor_id, 5)  # entered late, dated earlier: does not move the next action
    card = debtors.get_card(vault_session, debtor_id)
    assert [r.at.astimezone(JST).day for r in card.records] == [9, 5, 2]
    assert card.records[0].id == latest.id and card.records[0].handler == "admin"
    assert _next_action(vault_session, debtor_id) == dt.date(2025, 10, 1)


def test_correction_keeps_history(vault_session, debtor_id):
    original = _add(
        vault_session,
        debtor_id,
        9,
        summary="5万円を9月30日までに納付すると約束。",
        promise_amount=50_000,
        promise_date=dt.date(2025, 9, 30),
        next_action_on=dt.date(2025, 10, 1),
    )
    fixed = debtors.correct_record(
        vault_session,
        original.id,
        promise_amount=30_000,
        summary="3万円を9月30日までに納付すると約束。",
        next_action_on=dt.date(2025, 10, 2),
    ).value
    assert (fixed.version, fixed.versions, fixed.record_key) == (2, 2, original.record_key)
    history = debtors.record_history(vault_session, fixed.id)
    assert [(h.version, h.superseded, h.promise_amount) for h in history] == [
        (1, True, 50_000),
        (2, False, 30_000),
    ]
    assert history[0].summary.startswith("5万円")
    card = debtors.get_card(vault_session, debtor_id)
    assert [(r.id, r.versions, r.promise_amount) for r in card.records] == [(fixed.id, 2, 30_000)]
    assert _next_action(vault_session, debtor_id) == dt.date(2025, 10, 2)
    # Correcting through the old version's id corrects the current one (version 3), never a branch.
    third = debtors.correct_record(vault_session, original.id, person="経理担当者").value
    assert third.version == 3 and third.promise_amount == 30_000
    with read_session(vault_session) as db:
        current = (
            db.execute(select(NegotiationRecord.id).where(NegotiationRecord.superseded.is_(False)))
            .scalars()
            .all()
        )
    assert current == [third.id]


def test_correction_without_change_or_with_unknown_field_is_refused(vault_session, debtor_id):
    r = _add(vault_session, debtor_id, 9)
    with pytest.raises(ValidationError, match="同じ"):
        debtors.correct_record(vault_session, r.id, summary=r.summary)
    with pytest.raises(ValidationError, match="訂正できない項目"):
        debtors.correct_record(vault_session, r.id, debtor_id=2)
    assert len(debtors.record_history(vault_session, r.id)) == 1


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ({"channel": "FAX"}, "手段"),
        ({"direction": "往復"}, "発信・受信"),
        ({"summary": "  "}, "内容を入力"),
        ({"promise_amount": 10_000}, "金額と日付の両方"),
        ({"promise_amount": 0, "promise_date": dt.date(2025, 9, 30)}, "1円以上"),
        ({"at": dt.datetime(2025, 9, 17, 9, 0, tzinfo=JST)}, "未来"),
    ],
)
def test_bad_record_stores_nothing(vault_session, debtor_id, extra, words):
    with pytest.raises(ValidationError, match=words):
        _add(vault_session, debtor_id, 9, **extra)
    assert debtors.get_card(vault_session, debtor_id).records == []


def test_incoming_call_spelling_is_taken_as_received(vault_session, debtor_id):
    assert _add(vault_session, debtor_id, 9, direction="着信").direction == "受信"

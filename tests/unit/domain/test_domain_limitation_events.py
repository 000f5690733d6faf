"""Which events of a debtor file renew or suspend limitation. Worked by hand."""

from __future__ import annotations

import datetime as dt

from saiken.domain.limitation import EventKind, LimitationEvent, compute_limitation
from saiken.domain.limitation_events import LetterSent, Pledge, limitation_events

D = dt.date
DUE = D(2025, 4, 21)


def test_payments_signed_plans_and_delivered_demands_count_and_nothing_else() -> None:
    events = limitation_events(
        DUE,
        payments=[D(2025, 6, 30), D(2025, 3, 1)],  # the second is before the period began: left out
        pledges=[Pledge(D(2025, 8, 1)), Pledge(D(2025, 7, 1), cancelled=True)],  # a replaced plan: left out
        letters=[
            LetterSent("督促状", D(2025, 5, 10)),
            LetterSent("催告書", D(2025, 9, 1), returned=True),  # came back undelivered: no demand
            LetterSent("催告書", D(2025, 10, 1)),
            LetterSent("合意書", D(2025, 8, 1)),  # no effect of its own
        ],
    )
    assert events == [
        LimitationEvent(EventKind.PAYMENT, D(2025, 6, 30)),
        LimitationEvent(EventKind.PLEDGE, D(2025, 8, 1)),
        LimitationEvent(EventKind.STATUTORY_DEMAND, D(2025, 5, 10)),
        LimitationEvent(EventKind.DEMAND, D(2025, 10, 1)),
    ]
    # public-law claim: 督促 05-10 renews (→ 2030-05-10), payment 06-30 renews (→ 2030-06-30), pledge 08-01
    # renews (→ 2030-08-01); the demand of 10-01 suspends only until 2026-04-01, inside the period.
    result = compute_limitation("public", DUE, events)
    assert result.expiry == D(2030, 8, 1)


def test_an_event_on_the_start_day_counts() -> None:
    assert limitation_events(DUE, payments=[DUE]) == [LimitationEvent(EventKind.PAYMENT, DUE)]


def test_only_returned_or_other_letters_leave_no_event() -> None:
    letters = [LetterSent("督促状", D(2025, 5, 1), returned=True), LetterSent("納付書", D(2025, 5, 2))]
    assert limitation_events(DUE, letters=letters) == []
    assert compute_limitation("public", DUE, []).expiry == D(2030, 4, 21)

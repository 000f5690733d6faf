"""What an action would do to limitation (時効) before it is done, so the screen can say so and ask.

A payment is an acknowledgement (承認) and renews limitation from its day; so does a signed instalment plan
(分割納付誓約書) on its agreement day — and a new plan replaces (取消) the one running, whose agreement then
no longer counts. These functions compute the main claim's expiry as it is now and as it would be after
the action, with the same rules as the card (`domain.limitation_events`, `domain.limitation`). They read
only; nothing is stored and nothing is audited (the card they serve was audited when it was opened).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from saiken.domain.allocation import main_claim, payments_by_claim
from saiken.domain.errors import ValidationError
from saiken.domain.limitation import Effect, EventKind, LimitationEvent, compute_limitation
from saiken.domain.limitation_events import LetterSent, Pledge, limitation_events
from saiken.domain.roles import Capability
from saiken.services.context import VaultSession, read_session
from saiken.services.debtors.card import load_claims
from saiken.services.debtors.common import check_date, debtor_or_404
from saiken.services.debtors.inquiries import list_documents
from saiken.services.debtors.payments import list_payments
from saiken.services.debtors.plans import plans_of
from saiken.store.models.instalments import PLAN_ACCELERATED, PLAN_ACTIVE, PLAN_CANCELLED, PLAN_COMPLETED


@dataclass(frozen=True)
class LimitationChange:
    """The main claim's expiry now (`before`) and after the action (`after`); `renews` when the action
    renews limitation to a later day than now (the case the screen asks about)."""

    before: dt.date | None
    after: dt.date | None
    renews: bool


@dataclass(frozen=True)
class _Inputs:
    nature: str
    start: dt.date
    payments: list[dt.date]
    pledges: list[Pledge]
    letters: list[LetterSent]


def _inputs(session: Session, debtor_id: int, today: dt.date, *, replacing_plan: bool) -> _Inputs | None:
    debtor = debtor_or_404(session, debtor_id)
    claims = load_claims(session, debtor.id)
    main = main_claim(claims)
    if main is None or main.due_date is None:
        return None
    payments = list_payments(session, debtor.id)
    counted = payments_by_claim(claims, payments).get(main.id, [])
    pledges = []
    for plan in plans_of(session, debtor.id, payments, today):
        if plan.agreed_on is None:
            continue
        cancelled = plan.status == PLAN_CANCELLED or (
            replacing_plan and plan.status in (PLAN_ACTIVE, PLAN_ACCELERATED, PLAN_COMPLETED)
        )
        pledges.append(Pledge(plan.agreed_on, cancelled))
    letters = [
        LetterSent(d.kind, d.sent_on, d.returned_on is not None) for d in list_documents(session, debtor.id)
    ]
    return _Inputs(main.nature, main.due_date, [p.paid_on for p in counted], pledges, letters)


def _expiry(inputs: _Inputs, extra: list[LimitationEvent]) -> tuple[dt.date | None, list[Effect]]:
    events = limitation_events(
        inputs.start, payments=inputs.payments, pledges=inputs.pledges, letters=inputs.letters
    )
    try:
        result = compute_limitation(inputs.nature, inputs.start, [*events, *extra])
    except ValidationError:
        return None, []
    effects = [e.effect for e in result.effects if e.event in extra]
    return result.expiry, effects


def _change(before_inputs: _Inputs, after_inputs: _Inputs, extra: list[LimitationEvent]) -> LimitationChange:
    before, _ = _expiry(before_inputs, [])
    after, effects = _expiry(after_inputs, extra)
    renews = Effect.RENEWED in effects and after is not None and (before is None or after > before)
    return LimitationChange(before=before, after=after, renews=renews)


def limitation_if_paid(s: VaultSession, debtor_id: int, *, paid_on: dt.date) -> LimitationChange:
    """The main claim's expiry now and after a payment on `paid_on` (to the main claim)."""
    s.require(Capability.READ)
    paid_on = check_date(paid_on, "入金日")
    with read_session(s) as session:
        inputs = _inputs(session, debtor_id, s.clock.today(), replacing_plan=False)
    if inputs is None:
        return LimitationChange(None, None, False)
    extra = [LimitationEvent(EventKind.PAYMENT, paid_on)] if paid_on >= inputs.start else []
    return _change(inputs, inputs, extra)


def limitation_if_pledged(s: VaultSession, debtor_id: int, *, agreed_on: dt.date) -> LimitationChange:
    """The main claim's expiry now and after a new instalment plan agreed on `agreed_on` (it replaces
    the plan running, whose agreement then no longer counts)."""
    s.require(Capability.READ)
    agreed_on = check_date(agreed_on, "合意日")
    today = s.clock.today()
    with read_session(s) as session:
        before = _inputs(session, debtor_id, today, replacing_plan=False)
        after = _inputs(session, debtor_id, today, replacing_plan=True)
    if before is None or after is None:
        return LimitationChange(None, None, False)
    extra = [LimitationEvent(EventKind.PLEDGE, agreed_on)] if agreed_on >= after.start else []
    return _change(before, after, extra)

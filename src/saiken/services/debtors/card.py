"""The debtor card (債務者カード): everything about one debtor as of a date, in plain frozen rows.

Opening a card is an audited action (`debtor.view`, ids only). Figures come from the domain: payment
allocation (`domain.allocation`), the totals (`domain.card_totals`, over `domain.charges`), instalments
(`debtors.plans` over `domain.instalments`) and limitation (`domain.limitation_events`, `domain.limitation`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.allocation import main_claim, payments_by_claim
from saiken.domain.card_totals import claim_charges, compute_totals
from saiken.domain.charges import ChargeResult
from saiken.domain.errors import NotFoundError, ValidationError
from saiken.domain.limitation import compute_limitation
from saiken.domain.limitation_events import LetterSent, Pledge, limitation_events
from saiken.domain.roles import Capability
from saiken.domain.rule_profiles import SUBSIDY, RuleProfile, preset
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.debtors.attachments import list_attachments
from saiken.services.debtors.common import check_date, claim_row, debtor_or_404, user_names
from saiken.services.debtors.inquiries import list_documents, list_inquiries
from saiken.services.debtors.payments import list_payments
from saiken.services.debtors.plans import plans_of
from saiken.services.debtors.records import current_records
from saiken.services.debtors.rows import (
    ClaimRow,
    DebtorCard,
    DocumentSentRow,
    LimitationRow,
    PaymentRow,
    PlanRow,
    TagRow,
)
from saiken.store.models import Claim, DebtorTag, Engagement, ReceiptTranche, Tag
from saiken.store.models.instalments import PLAN_CANCELLED


def profile_named(name: str | None) -> RuleProfile:
    """The engagement's rule profile; the `subsidy` preset when none is named or the name is unknown."""
    if not name:
        return SUBSIDY
    try:
        return preset(name)
    except ValidationError:
        return SUBSIDY


def load_claims(session: Session, debtor_id: int) -> list[ClaimRow]:
    claims = list(
        session.execute(select(Claim).where(Claim.debtor_id == debtor_id).order_by(Claim.id)).scalars()
    )
    if not claims:
        return []
    tranches = list(
        session.execute(
            select(ReceiptTranche).where(ReceiptTranche.claim_id.in_([c.id for c in claims]))
        ).scalars()
    )
    return [claim_row(c, [t for t in tranches if t.claim_id == c.id]) for c in claims]


def load_tags(session: Session, debtor_id: int) -> list[TagRow]:
    rows = session.execute(
        select(Tag.name, Tag.colour, DebtorTag.expires_on)
        .join(DebtorTag, DebtorTag.tag_id == Tag.id)
        .where(DebtorTag.debtor_id == debtor_id)
        .order_by(Tag.name)
    ).all()
    return [TagRow(name, colour, expires_on) for name, colour, expires_on in rows]


def limitation_of(
    claim: ClaimRow | None,
    payments: Sequence[PaymentRow],
    plans: Sequence[PlanRow],
    documents: Sequence[DocumentSentRow],
    today: dt.date,
) -> LimitationRow | None:
    """時効 of the main claim from its due date, with the events `domain.limitation_events` counts (the
    payments given are those allocated to the claim)."""
    if claim is None:
        return None
    if claim.due_date is None:
        return LimitationRow(
            nature=claim.nature,
            start=None,
            expiry=None,
            level="unknown",
            message="納期限が登録されていないため、時効の満了日を計算できません。",
        )
    events = limitation_events(
        claim.due_date,
        payments=[p.paid_on for p in payments],
        pledges=[Pledge(p.agreed_on, p.status == PLAN_CANCELLED) for p in plans if p.agreed_on is not None],
        letters=[LetterSent(d.kind, d.sent_on, d.returned_on is not None) for d in documents],
    )
    try:
        result = compute_limitation(claim.nature, claim.due_date, events)
    except ValidationError as error:
        return LimitationRow(
            nature=claim.nature, start=claim.due_date, expiry=None, level="unknown", message=error.message
        )
    warning = result.warning(today)
    return LimitationRow(
        nature=result.nature.value,
        start=result.start,
        expiry=result.expiry,
        level=warning.level.value,
        events=result.effects,
        message=warning.message,
    )


def build_card(session: Session, debtor_id: int, as_of: dt.date, today: dt.date) -> DebtorCard:
    debtor = debtor_or_404(session, debtor_id)
    engagement = session.get(Engagement, debtor.engagement_id)
    profile = profile_named(engagement.rule_profile if engagement else None)
    claims = load_claims(session, debtor.id)
    payments = list_payments(session, debtor.id)
    totals, charges = compute_totals(claims, payments, profile, as_of)
    plans = plans_of(session, debtor.id, payments, as_of)
    current_plan = next((p for p in plans if p.status != PLAN_CANCELLED), None)
    documents = list_documents(session, debtor.id)
    main = main_claim(claims)
    counted = payments_by_claim(claims, payments).get(main.id, []) if main else []
    handler = user_names(session, [debtor.handler_user_id]).get(debtor.handler_user_id or -1)
    return DebtorCard(
        id=debtor.id,
        engagement_id=debtor.engagement_id,
        management_no=debtor.management_no,
        kind=debtor.kind,
        name=debtor.name,
        name_kana=debtor.name_kana,
        representative=debtor.representative,
        representative_kana=debtor.representative_kana,
        postal_code=debtor.postal_code,
        address=debtor.address,
        mailing_postal_code=debtor.mailing_postal_code,
        mailing_address=debtor.mailing_address,
        phones=tuple(p for p in (debtor.phone, debtor.phone2) if p),
        email=debtor.email,
        status=debtor.status,
        handler=handler,
        tags=load_tags(session, debtor.id),
        notes=debtor.notes,
        claims=claims,
        payments=payments,
        totals=totals,
        charges=charges,
        records=current_records(session, debtor.id),
        plan=current_plan,
        inquiries=list_inquiries(session, debtor.id),
        documents=documents,
        attachments=list_attachments(session, debtor.id),
        limitation=limitation_of(main, counted, plans, documents, today),
        rule_profile=profile.name,
        updated_at=debtor.updated_at,
        plans=plans,
    )


def get_card(s: VaultSession, debtor_id: int, *, as_of: dt.date | None = None) -> DebtorCard:
    """The debtor's card with totals as of `as_of` (default: today). Audited `debtor.view`."""
    s.require(Capability.READ)
    today = s.clock.today()
    as_of = check_date(as_of, "基準日", required=False) or today
    with unit_of_work(s) as work:
        card = build_card(work.session, debtor_id, as_of, today)
        work.audit("debtor.view", target_type="debtor", target_id=card.id)
        return card


def charge_statement(s: VaultSession, debtor_id: int, *, as_of: dt.date | None = None) -> ChargeResult:
    """The charges engine's full result (every segment) for the debtor's main claim as of `as_of` (default:
    today). Audited."""
    s.require(Capability.READ)
    as_of = check_date(as_of, "基準日", required=False) or s.clock.today()
    with unit_of_work(s) as work:
        debtor = debtor_or_404(work.session, debtor_id)
        claims = load_claims(work.session, debtor.id)
        main = main_claim(claims)
        if main is None:
            raise NotFoundError("この債務者には債権が登録されていないため、計算書を作れません。")
        engagement = work.session.get(Engagement, debtor.engagement_id)
        payments = payments_by_claim(claims, list_payments(work.session, debtor.id))[main.id]
        result, _note = claim_charges(
            main, payments, profile_named(engagement.rule_profile if engagement else None), as_of
        )
        work.audit("debtor.charge_statement", target_type="debtor", target_id=debtor.id, claim_id=main.id)
        return result

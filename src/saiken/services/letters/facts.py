"""What a letter needs to know about one debtor, read in the batch's own transaction.

This is the one module of the letter services that reads the debtor files; it uses the debtor services'
own helpers (claims, payments, totals through the charges engine, plans, documents sent), so a letter's
figures are those of the debtor card on the letter date, to the yen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.allocation import main_claim
from saiken.domain.card_totals import compute_totals
from saiken.domain.instalments import Instalment
from saiken.domain.letter_kinds import LetterKind
from saiken.domain.letter_rules import DebtorStanding
from saiken.domain.letter_values import Amounts, Letterhead, LetterInputs
from saiken.domain.limitation import ClaimNature
from saiken.services.debtors.card import load_claims, profile_named
from saiken.services.debtors.common import debtor_or_404
from saiken.services.debtors.payments import list_payments
from saiken.services.debtors.plans import plans_of
from saiken.store.models import DocumentSent, Engagement, User
from saiken.store.models.instalments import PLAN_ACTIVE, PLAN_CANCELLED

UNDELIVERABLE = "宛所不明"


@dataclass(frozen=True)
class DebtorFacts:
    debtor_id: int
    management_no: str
    kind: str
    name: str
    representative: str
    postal_code: str
    address: str
    handler: str
    nature: ClaimNature
    claim_name: str
    fiscal_year: int | None
    decision_date: dt.date | None
    order_date: dt.date | None
    due_date: dt.date | None
    amounts: Amounts
    plan: tuple[Instalment, ...]
    standing: DebtorStanding
    notes: tuple[str, ...]  # why a figure could not be computed (from the totals)

    def inputs(
        self,
        kind: LetterKind,
        *,
        letter_date: dt.date,
        pay_by: dt.date,
        document_number: str,
        letterhead: Letterhead,
        fallback_handler: str,
    ) -> LetterInputs:
        return LetterInputs(
            kind=kind,
            nature=self.nature,
            debtor_kind=self.kind,
            debtor_name=self.name,
            representative=self.representative,
            postal_code=self.postal_code,
            address=self.address,
            management_no=self.management_no,
            claim_name=self.claim_name,
            fiscal_year=self.fiscal_year,
            decision_date=self.decision_date,
            order_date=self.order_date,
            due_date=self.due_date,
            amounts=self.amounts,
            letter_date=letter_date,
            document_number=document_number,
            pay_by=pay_by,
            handler=self.handler or fallback_handler,
            letterhead=letterhead,
            plan=self.plan,
        )


def display_name(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    user = session.get(User, user_id)
    return (user.display_name or user.name) if user else ""


def _latest_returned_undeliverable(session: Session, debtor_id: int) -> bool:
    latest = session.execute(
        select(DocumentSent.returned_reason)
        .where(DocumentSent.debtor_id == debtor_id)
        .order_by(DocumentSent.sent_on.desc(), DocumentSent.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return latest == UNDELIVERABLE


def debtor_facts(session: Session, debtor_id: int, as_of: dt.date, *, claim_name: str = "") -> DebtorFacts:
    """The debtor's letter facts on `as_of` (totals over every claim, as the card shows them)."""
    debtor = debtor_or_404(session, debtor_id)
    engagement = session.get(Engagement, debtor.engagement_id)
    profile = profile_named(engagement.rule_profile if engagement else None)
    claims = load_claims(session, debtor.id)
    payments = list_payments(session, debtor.id)
    totals, _ = compute_totals(claims, payments, profile, as_of)
    main = main_claim(claims)
    plans = [p for p in plans_of(session, debtor.id, payments, as_of) if p.status != PLAN_CANCELLED]
    running = next((p for p in plans if p.status == PLAN_ACTIVE), None)
    schedule = tuple(Instalment(row.seq, row.due_on, row.amount) for row in running.rows) if running else ()
    postal = debtor.mailing_postal_code if debtor.mailing_address else debtor.postal_code
    address = debtor.mailing_address or debtor.address
    amounts = Amounts(
        as_of=as_of,
        principal=totals.principal,
        paid=totals.paid,
        principal_remaining=totals.principal_remaining,
        additional_charge=totals.additional_charge_remaining,
        late_charge=totals.late_charge_remaining,
        total=totals.total,
        annual_rate=profile.additional_rate if profile.additional_applies else profile.late_rate(as_of, 1)[0],
    )
    standing = DebtorStanding(
        status=debtor.status,
        total_remaining=totals.total,
        has_address=bool(address.strip()),
        plan_in_good_standing=running is not None and not running.missed,
        has_plan=running is not None,
        returned_undeliverable=_latest_returned_undeliverable(session, debtor.id),
    )
    programme = main.programme if main else ""
    return DebtorFacts(
        debtor_id=debtor.id,
        management_no=debtor.management_no,
        kind=debtor.kind,
        name=debtor.name,
        representative=debtor.representative,
        postal_code=postal,
        address=address,
        handler=display_name(session, debtor.handler_user_id),
        nature=ClaimNature(main.nature if main else "public"),
        claim_name=f"{programme}返還金"
        if programme and not programme.endswith("返還金")
        else programme or claim_name,
        fiscal_year=main.fiscal_year if main else None,
        decision_date=main.decision_date if main else None,
        order_date=main.order_date if main else None,
        due_date=main.due_date if main else None,
        amounts=amounts,
        plan=schedule,
        standing=standing,
        notes=totals.notes,
    )

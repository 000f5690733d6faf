"""Payments (入金): add, and correct by a reversing entry plus a new one — a payment row is never updated.

Every change keeps the debtor's denormalised `paid_total` right in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services.changes import Area, Changed, Changes
from saiken.services.context import VaultSession, Work, unit_of_work
from saiken.services.debtors.common import (
    check_amount,
    check_date,
    check_text,
    debtor_or_404,
    get_or_404,
    not_after_today,
    payment_row,
    refresh_totals,
)
from saiken.services.debtors.rows import PaymentRow
from saiken.store.models import Claim, Debtor, Payment


def _claim_of(session: Session, debtor: Debtor, claim_id: int | None) -> int | None:
    if claim_id is None:
        return None
    claim = get_or_404(session, Claim, claim_id, "債権")
    if claim.debtor_id != debtor.id:
        raise ValidationError("指定した債権はこの債務者のものではありません。債権を選び直してください。")
    return claim.id


def _insert(
    work: Work,
    debtor: Debtor,
    *,
    paid_on: dt.date,
    amount: int,
    source: str,
    confirmed: bool,
    claim_id: int | None,
    reverses_id: int | None = None,
) -> Payment:
    payment = Payment(
        debtor_id=debtor.id,
        claim_id=claim_id,
        paid_on=paid_on,
        amount=amount,
        source=source,
        confirmed_by_ward=confirmed,
        reverses_id=reverses_id,
        created_by=work.vault.user.name,
        created_at=work.vault.clock.now(),
    )
    work.session.add(payment)
    work.session.flush()
    return payment


def _reversed_ids(session: Session, debtor_id: int) -> set[int]:
    return {
        i
        for i in session.execute(
            select(Payment.reverses_id).where(
                Payment.debtor_id == debtor_id, Payment.reverses_id.is_not(None)
            )
        ).scalars()
        if i is not None
    }


def add_payment(
    s: VaultSession,
    debtor_id: int,
    *,
    paid_on: dt.date,
    amount: int,
    source: str = "",
    confirmed: bool = False,
    claim_id: int | None = None,
) -> Changed[PaymentRow]:
    """Record a payment of `amount` yen on `paid_on` (not in the future)."""
    s.require(Capability.EDIT)
    paid_on = check_date(paid_on, "入金日")
    amount = check_amount(amount, "入金額")
    source = check_text(source, "入金の経路", limit=64)
    with unit_of_work(s) as work:
        debtor = debtor_or_404(work.session, debtor_id)
        not_after_today(work, paid_on, "入金日")
        payment = _insert(
            work,
            debtor,
            paid_on=paid_on,
            amount=amount,
            source=source,
            confirmed=bool(confirmed),
            claim_id=_claim_of(work.session, debtor, claim_id),
        )
        refresh_totals(work.session, debtor, s.clock.now())
        work.audit("payment.add", target_type="debtor", target_id=debtor.id, payment_id=payment.id)
        return Changed(payment_row(payment), Changes.of_debtor(debtor.id, Area.PAYMENTS))


def _reverse(work: Work, payment_id: int) -> tuple[Debtor, Payment, Payment]:
    original = get_or_404(work.session, Payment, payment_id, "入金")
    if original.amount < 0:
        raise ValidationError("取消の記録そのものは取り消せません。元の入金を選んでください。")
    if original.id in _reversed_ids(work.session, original.debtor_id):
        raise ValidationError("この入金は既に取り消されています。一覧を開き直してください。")
    debtor = debtor_or_404(work.session, original.debtor_id)
    reversal = _insert(
        work,
        debtor,
        paid_on=original.paid_on,
        amount=-original.amount,
        source=original.source,
        confirmed=original.confirmed_by_ward,
        claim_id=original.claim_id,
        reverses_id=original.id,
    )
    return debtor, original, reversal


def reverse_payment(s: VaultSession, payment_id: int) -> Changed[PaymentRow]:
    """Cancel a payment entered in error: a reversing entry (negative amount) is added; nothing is deleted."""
    s.require(Capability.EDIT)
    with unit_of_work(s) as work:
        debtor, original, reversal = _reverse(work, payment_id)
        refresh_totals(work.session, debtor, s.clock.now())
        work.audit(
            "payment.reverse",
            target_type="debtor",
            target_id=debtor.id,
            payment_id=original.id,
            reversal_id=reversal.id,
        )
        return Changed(payment_row(reversal), Changes.of_debtor(debtor.id, Area.PAYMENTS))


def correct_payment(
    s: VaultSession,
    payment_id: int,
    *,
    paid_on: dt.date | None = None,
    amount: int | None = None,
    source: str | None = None,
    confirmed: bool | None = None,
    claim_id: int | None = None,
) -> Changed[PaymentRow]:
    """A corrected payment (also how the ward's confirmation is recorded): the original is reversed and a
    new entry with the changes is added, in one transaction. Unchanged fields are carried over."""
    s.require(Capability.EDIT)
    if paid_on is not None:
        check_date(paid_on, "入金日")
    if amount is not None:
        check_amount(amount, "入金額")
    if source is not None:
        source = check_text(source, "入金の経路", limit=64)
    with unit_of_work(s) as work:
        debtor, original, reversal = _reverse(work, payment_id)
        new_values: dict[str, Any] = {
            "paid_on": original.paid_on if paid_on is None else paid_on,
            "amount": original.amount if amount is None else amount,
            "source": original.source if source is None else source,
            "confirmed": original.confirmed_by_ward if confirmed is None else bool(confirmed),
            "claim_id": original.claim_id if claim_id is None else _claim_of(work.session, debtor, claim_id),
        }
        old_values = {
            "paid_on": original.paid_on,
            "amount": original.amount,
            "source": original.source,
            "confirmed": original.confirmed_by_ward,
            "claim_id": original.claim_id,
        }
        changed = sorted(k for k in new_values if new_values[k] != old_values[k])
        if not changed:
            raise ValidationError("訂正する内容が元の入金と同じです。変更してから保存してください。")
        not_after_today(work, new_values["paid_on"], "入金日")
        payment = _insert(
            work,
            debtor,
            paid_on=new_values["paid_on"],
            amount=new_values["amount"],
            source=new_values["source"],
            confirmed=new_values["confirmed"],
            claim_id=new_values["claim_id"],
        )
        refresh_totals(work.session, debtor, s.clock.now())
        work.audit(
            "payment.correct",
            target_type="debtor",
            target_id=debtor.id,
            payment_id=payment.id,
            previous_id=original.id,
            reversal_id=reversal.id,
            fields=changed,
        )
        return Changed(payment_row(payment), Changes.of_debtor(debtor.id, Area.PAYMENTS))


def list_payments(session: Session, debtor_id: int) -> list[PaymentRow]:
    """Every payment entry of the debtor (reversals included), by date then entry order."""
    payments = list(
        session.execute(
            select(Payment).where(Payment.debtor_id == debtor_id).order_by(Payment.paid_on, Payment.id)
        ).scalars()
    )
    cancelled = {p.reverses_id for p in payments if p.reverses_id is not None}
    return [payment_row(p, cancelled) for p in payments]

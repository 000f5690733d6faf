"""Instalment plans (分納): create (equal parts or a custom schedule), status with the missed-instalment
alert, and acceleration (期限の利益の喪失) — through `saiken.domain.instalments`.

Payments count toward a plan from its agreement day on. Acceleration keeps the agreed rows; the
accelerated schedule is computed from them and the acceleration day, so the agreement stays readable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain import debtor_status
from saiken.domain.allocation import counted_toward_plan
from saiken.domain.errors import ValidationError
from saiken.domain.instalments import Instalment, accelerate, custom_schedule, monthly_schedule, plan_status
from saiken.domain.roles import Capability
from saiken.services.changes import Area, Changed, Changes
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.debtors.common import check_amount, check_date, debtor_or_404, get_or_404
from saiken.services.debtors.payments import list_payments
from saiken.services.debtors.rows import PaymentRow, PlanItemRow, PlanRow
from saiken.store.models import Claim, InstalmentPlan, InstalmentRow
from saiken.store.models.instalments import PLAN_ACCELERATED, PLAN_ACTIVE, PLAN_CANCELLED, PLAN_COMPLETED


def _schedule(rows: Sequence[InstalmentRow]) -> tuple[Instalment, ...]:
    return tuple(Instalment(r.seq, r.due_on, r.amount) for r in sorted(rows, key=lambda r: r.seq))


def evaluate_plan(
    plan: InstalmentPlan, rows: Sequence[InstalmentRow], payments: Sequence[PaymentRow], as_of: dt.date
) -> PlanRow:
    """The plan's state on `as_of`: each row's status, what is paid and left, and the alert if any."""
    counted = counted_toward_plan(payments, plan.agreed_on or plan.created_at.date())
    schedule = _schedule(rows)
    if plan.status == PLAN_ACCELERATED and plan.accelerated_on is not None:
        try:
            schedule = accelerate(schedule, counted, plan.accelerated_on).schedule
        except ValidationError:
            pass  # nothing was left to accelerate: the agreed schedule shows it paid
    status = plan_status(schedule, counted, as_of)
    shown = plan.status
    if shown in (PLAN_ACTIVE, PLAN_ACCELERATED) and status.balance == 0:
        shown = PLAN_COMPLETED
    alert = status.alert_message if shown in (PLAN_ACTIVE, PLAN_ACCELERATED) else None
    if (
        plan.status == PLAN_ACCELERATED
        and alert is None
        and status.balance
        and plan.accelerated_on is not None
    ):
        alert = f"期限の利益を喪失しています（{plan.accelerated_on.isoformat()}）。残額 {status.balance:,}円 が一括で納付期限です。"
    return PlanRow(
        id=plan.id,
        claim_id=plan.claim_id,
        status=shown,
        total=plan.total,
        agreed_on=plan.agreed_on,
        accelerated_on=plan.accelerated_on,
        rows=tuple(
            PlanItemRow(
                seq=r.instalment.number,
                due_on=r.instalment.due,
                amount=r.instalment.amount,
                paid=r.paid,
                status=r.state.label,
            )
            for r in status.rows
        ),
        paid=min(status.paid, status.total),
        remaining=status.balance,
        alert=alert,
        missed=tuple(r.instalment.number for r in status.missed),
    )


def plans_of(
    session: Session, debtor_id: int, payments: Sequence[PaymentRow], as_of: dt.date
) -> list[PlanRow]:
    """Every plan of the debtor, newest first."""
    plans = list(
        session.execute(
            select(InstalmentPlan)
            .where(InstalmentPlan.debtor_id == debtor_id)
            .order_by(InstalmentPlan.id.desc())
        ).scalars()
    )
    out = []
    for plan in plans:
        rows = list(session.execute(select(InstalmentRow).where(InstalmentRow.plan_id == plan.id)).scalars())
        out.append(evaluate_plan(plan, rows, payments, as_of))
    return out


def create_instalment_plan(
    s: VaultSession,
    debtor_id: int,
    *,
    total: int,
    count: int | None = None,
    first_due: dt.date | None = None,
    day_of_month: int | None = None,
    schedule: Sequence[tuple[dt.date, int]] | None = None,
    agreed_on: dt.date | None = None,
    claim_id: int | None = None,
) -> Changed[PlanRow]:
    """A plan of equal monthly parts (`count`, `first_due`, `day_of_month`) or a custom `schedule` of
    (date, amount). A plan still running is replaced (marked 取消); the debtor's status becomes 分納中."""
    s.require(Capability.EDIT)
    total = check_amount(total, "分割する金額")
    if schedule is not None:
        instalments = custom_schedule(total, [(check_date(d, "納付日"), a) for d, a in schedule])
    else:
        if count is None or first_due is None:
            raise ValidationError("分割回数と第1回の納付日を入力するか、納付予定の表を入力してください。")
        instalments = monthly_schedule(total, count, check_date(first_due, "第1回の納付日"), day_of_month)
    with unit_of_work(s) as work:
        debtor = debtor_or_404(work.session, debtor_id)
        if claim_id is not None and get_or_404(work.session, Claim, claim_id, "債権").debtor_id != debtor.id:
            raise ValidationError("指定した債権はこの債務者のものではありません。債権を選び直してください。")
        agreed = check_date(agreed_on, "合意日", required=False) or s.clock.today()
        replaced = list(
            work.session.execute(
                select(InstalmentPlan).where(
                    InstalmentPlan.debtor_id == debtor.id,
                    InstalmentPlan.status.in_((PLAN_ACTIVE, PLAN_ACCELERATED)),
                )
            ).scalars()
        )
        for old in replaced:
            old.status = PLAN_CANCELLED
        now = s.clock.now()
        plan = InstalmentPlan(
            debtor_id=debtor.id,
            claim_id=claim_id,
            total=total,
            status=PLAN_ACTIVE,
            agreed_on=agreed,
            created_by=s.user.name,
            created_at=now,
        )
        work.session.add(plan)
        work.session.flush()
        rows = [
            InstalmentRow(plan_id=plan.id, seq=i.number, due_on=i.due, amount=i.amount) for i in instalments
        ]
        work.session.add_all(rows)
        status_changed = (
            debtor.status not in debtor_status.CLOSED_STATUSES and debtor.status != debtor_status.INSTALMENTS
        )
        if status_changed:
            debtor.status = debtor_status.INSTALMENTS
        debtor.updated_at = now
        work.session.flush()
        work.audit(
            "plan.create",
            target_type="debtor",
            target_id=debtor.id,
            plan_id=plan.id,
            count=len(rows),
            replaced_plan_ids=[p.id for p in replaced],
            status_changed=status_changed,
        )
        row = evaluate_plan(plan, rows, list_payments(work.session, debtor.id), s.clock.today())
        return Changed(row, Changes.of_debtor(debtor.id, Area.PLANS, Area.DEBTORS))


def accelerate_plan(s: VaultSession, plan_id: int, *, on: dt.date | None = None) -> Changed[PlanRow]:
    """期限の利益の喪失 on `on` (default: today): the whole unpaid balance of the plan falls due at once."""
    s.require(Capability.EDIT)
    on = check_date(on, "期限の利益喪失日", required=False) or s.clock.today()
    with unit_of_work(s) as work:
        plan = get_or_404(work.session, InstalmentPlan, plan_id, "分納計画")
        if plan.status != PLAN_ACTIVE:
            raise ValidationError(f"この分納計画は「{plan.status}」のため、期限の利益を喪失させられません。")
        if plan.agreed_on is not None and on < plan.agreed_on:
            raise ValidationError("期限の利益喪失日が合意日より前です。日付を確かめてください。")
        rows = list(
            work.session.execute(select(InstalmentRow).where(InstalmentRow.plan_id == plan.id)).scalars()
        )
        payments = list_payments(work.session, plan.debtor_id)
        counted = counted_toward_plan(payments, plan.agreed_on or plan.created_at.date())
        accelerate(_schedule(rows), counted, on)  # refuses a plan with nothing left to pay
        plan.status = PLAN_ACCELERATED
        plan.accelerated_on = on
        debtor = debtor_or_404(work.session, plan.debtor_id)
        debtor.updated_at = s.clock.now()
        work.session.flush()
        work.audit("plan.accelerate", target_type="debtor", target_id=plan.debtor_id, plan_id=plan.id)
        row = evaluate_plan(plan, rows, payments, max(on, s.clock.today()))
        return Changed(row, Changes.of_debtor(plan.debtor_id, Area.PLANS))

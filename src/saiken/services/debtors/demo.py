"""The demo vault's debtor files: ~60 fictional debtors from `saiken.domain.fictional`, in every status.

`populate(work, seed)` runs inside the demo's one transaction (`saiken.services.demo.create_demo_vault`).
It writes rows directly (one audit entry `demo.populate` is the caller's), keeps the denormalised totals and
the search index right, and anchors every date to the clock's today, so the demo looks current whenever it is
made: recent negotiation records, one instalment plan with a missed instalment, corrected records, open and
answered inquiries, one returned letter, payments (some confirmed by the ward), tags.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from sqlalchemy import select

from saiken.domain import debtor_status as st
from saiken.domain.charges import compute_charges
from saiken.domain.fictional import FictionalDebtor, generate_contacts, generate_debtors
from saiken.domain.instalments import monthly_schedule
from saiken.services.context import Work
from saiken.services.debtors.common import refresh_next_action, refresh_totals
from saiken.services.debtors.search_index import index_debtors
from saiken.store.models import (
    Claim,
    Debtor,
    DebtorTag,
    DocumentSent,
    Engagement,
    Inquiry,
    InstalmentPlan,
    InstalmentRow,
    NegotiationRecord,
    Payment,
    ReceiptTranche,
    Tag,
    User,
)
from saiken.store.models.instalments import PLAN_ACTIVE

DEMO_DEBTORS = 60
DAY = dt.timedelta(days=1)
TAGS = (("要訪問", "#E53935"), ("分納相談", "#43A047"), ("転居の可能性", "#FB8C00"), ("書留不達", "#8E24AA"))
PROGRAMME = "新宿区中小企業支援補助金（架空）"
_DIRECTIONS = {"着信": "受信"}


class _Demo:
    def __init__(self, work: Work, seed: int) -> None:
        self.work = work
        self.db = work.session
        self.rng = random.Random(f"demo:{seed}")
        self.seed = seed
        self.now = work.vault.clock.now()
        self.today = work.vault.clock.today()
        self.user_id = self.db.execute(
            select(User.id).where(User.name == work.vault.user.name)
        ).scalar_one_or_none()
        self.tags: dict[str, int] = {}
        self.missed_plan_made = False
        self.returned_made = False

    # --- rows -------------------------------------------------------------------------------------
    def payment(self, debtor: Debtor, claim: Claim, day: dt.date, amount: int, confirmed: bool) -> None:
        self.db.add(
            Payment(
                debtor_id=debtor.id,
                claim_id=claim.id,
                paid_on=min(day, self.today),
                amount=amount,
                source=self.rng.choice(("振込", "納付書", "窓口")),
                confirmed_by_ward=confirmed,
                created_by=self.work.vault.user.name,
                created_at=self.now,
            )
        )

    def document(self, debtor: Debtor, kind: str, sent: dt.date, method: str, returned: bool = False) -> None:
        self.db.add(
            DocumentSent(
                debtor_id=debtor.id,
                kind=kind,
                sent_on=sent,
                method=method,
                tracking_no=f"{self.rng.randrange(1000, 10000)}-{self.rng.randrange(1000, 10000)}-{self.rng.randrange(1000, 10000)}"
                if method != "普通"
                else "",
                returned_on=sent + dt.timedelta(days=6) if returned else None,
                created_by=self.work.vault.user.name,
                created_at=self.now,
            )
        )

    def inquiry(self, debtor: Debtor, kind: str, question: str, asked: dt.date, answer: str | None) -> None:
        self.db.add(
            Inquiry(
                debtor_id=debtor.id,
                kind=kind,
                question=question,
                asked_on=asked,
                answered_on=asked + dt.timedelta(days=3) if answer else None,
                answer=answer,
                created_by=self.work.vault.user.name,
                created_at=self.now,
            )
        )

    def tag(self, debtor: Debtor, name: str, expires: dt.date | None = None) -> None:
        if not self.tags:
            for tag_name, colour in TAGS:
                tag = self.db.execute(select(Tag).where(Tag.name == tag_name)).scalar_one_or_none()
                if tag is None:
                    tag = Tag(name=tag_name, colour=colour)
                    self.db.add(tag)
                    self.db.flush()
                self.tags[tag_name] = tag.id
        self.db.add(DebtorTag(debtor_id=debtor.id, tag_id=self.tags[name], expires_on=expires))

    def records(self, debtor: Debtor, fictional: FictionalDebtor, count: int, correct_one: bool) -> None:
        contacts = generate_contacts(fictional, count, seed=self.seed)
        if not contacts:
            return
        # Shift the contacts so that the latest is a few days before today (the demo always looks current).
        shift = (self.today - dt.timedelta(days=self.rng.randint(1, 12))) - contacts[-1].at.date()
        for index, contact in enumerate(contacts):
            key = uuid.uuid4().hex  # globally unique, like every record key
            summary, promise_date = contact.summary, None
            if contact.promise_date:
                # The summary names the promised day: it moves with the shifted date.
                promise_date = contact.promise_date + shift
                said, now = contact.promise_date, promise_date
                summary = summary.replace(f"{said.month}月{said.day}日", f"{now.month}月{now.day}日")
            values: dict[str, Any] = {
                "debtor_id": debtor.id,
                "record_key": key,
                "at": contact.at + shift,
                "channel": contact.channel,
                "direction": _DIRECTIONS.get(contact.direction, contact.direction),
                "person": contact.person,
                "handler_user_id": self.user_id,
                "summary": summary,
                "promise_amount": contact.promise_amount,
                "promise_date": promise_date,
                "next_action_on": contact.next_action_date + shift if contact.next_action_date else None,
                "created_by": self.work.vault.user.name,
                "created_at": self.now,
            }
            corrected = correct_one and index == len(contacts) - 1
            self.db.add(NegotiationRecord(version=1, superseded=corrected, **values))
            if corrected:
                fixed = dict(
                    values,
                    summary=values["summary"] + "（日付の聞き違いを訂正）",
                    next_action_on=(values["next_action_on"] or self.today) + dt.timedelta(days=7),
                )
                self.db.add(NegotiationRecord(version=2, superseded=False, **fixed))

    # --- one debtor ---------------------------------------------------------------------------------
    def debtor(self, engagement: Engagement, f: FictionalDebtor, status: str, index: int) -> Debtor:
        received, order, due = f.received_date, f.order_date, f.due_date
        if status == st.TIME_BARRED:  # an old claim whose five years have run out
            back = dt.timedelta(days=365 * 6 + self.rng.randint(0, 200))
            received, order, due = received - back, order - back, due - back
        debtor = Debtor(
            engagement_id=engagement.id,
            management_no=f.management_no,
            kind=f.kind,
            name=f.name,
            name_kana=f.name_kana,
            representative=f.representative,
            representative_kana=f.representative_kana,
            postal_code=f.postal_code,
            address=f.address,
            phone=f.phone,
            email=f.email or "",
            status=status,
            handler_user_id=self.user_id if status != st.NOT_STARTED else None,
            notes=f.notes,
            created_at=self.now,
            updated_at=self.now,
        )
        self.db.add(debtor)
        self.db.flush()
        claim = Claim(
            debtor_id=debtor.id,
            programme=PROGRAMME,
            fiscal_year=f.fiscal_year,
            decision_date=f.decision_date if status != st.TIME_BARRED else None,
            grant_amount=f.grant_amount,
            order_date=order,
            due_date=due,
            principal=f.principal,
            nature="public",
        )
        self.db.add(claim)
        self.db.flush()
        self.db.add(ReceiptTranche(claim_id=claim.id, received_on=received, amount=f.grant_amount))
        self.fill(debtor, claim, f, status, index)
        self.db.flush()
        refresh_totals(self.db, debtor, self.now)
        refresh_next_action(self.db, debtor, self.now)
        return debtor

    def fill(self, debtor: Debtor, claim: Claim, f: FictionalDebtor, status: str, index: int) -> None:
        rng, today = self.rng, self.today
        due = claim.due_date or today
        paid = f.paid if f.paid < claim.principal else 0  # a fully paid fictional debtor in another status
        if status == st.NOT_STARTED:
            return
        if status == st.TIME_BARRED:
            self.document(debtor, "催告書", due + dt.timedelta(days=60), "簡易書留")
            return
        self.document(
            debtor, "督促状", max(due + dt.timedelta(days=20), today - dt.timedelta(days=60)), "特定記録"
        )
        if status == st.DEMANDING:
            returned = not self.returned_made
            self.returned_made = True
            self.document(
                debtor, "催告書", today - dt.timedelta(days=rng.randint(10, 30)), "簡易書留", returned
            )
            if returned:
                self.tag(debtor, "書留不達")
                self.inquiry(
                    debtor,
                    "住所調査",
                    "催告書が宛所不明で返戻されました。転居先の調査をお願いします。",
                    today - dt.timedelta(days=2),
                    None,
                )
            self.records(debtor, f, rng.randint(1, 2), correct_one=False)
            return
        if status == st.PAID_IN_FULL:
            paid_on = min(due + dt.timedelta(days=rng.randint(20, 90)), today - dt.timedelta(days=5))
            settle = compute_charges(claim.principal, due=due, as_of=paid_on, received=f.received_date)
            self.payment(debtor, claim, paid_on, settle.total_remaining, confirmed=True)
            self.records(debtor, f, 2, correct_one=False)
            return
        if status == st.DIFFICULT:
            self.tag(debtor, "転居の可能性")
            self.records(debtor, f, rng.randint(3, 5), correct_one=index % 2 == 0)
            self.inquiry(
                debtor,
                "住所調査",
                "住民票上の住所の確認をお願いします。",
                today - dt.timedelta(days=40),
                "住民票上の住所に変更はありません。",
            )
            return
        if status == st.NEGOTIATING:
            if paid:
                self.payment(
                    debtor, claim, today - dt.timedelta(days=rng.randint(20, 50)), paid, rng.random() < 0.6
                )
            self.records(debtor, f, rng.randint(2, 6), correct_one=index % 3 == 0)
            if index % 2:
                self.tag(debtor, "要訪問", today + dt.timedelta(days=30))
            kind, question, answer = rng.choice(
                (
                    ("納付書再発行", "納付書の再発行をお願いします。", "再発行して本日発送しました。"),
                    ("入金確認", "先月末の入金の有無を確認願います。", None),
                    ("その他", "分割納付の可否について区の方針を伺います。", "6回以内であれば可とします。"),
                )
            )
            self.inquiry(debtor, kind, question, today - dt.timedelta(days=rng.randint(3, 20)), answer)
            return
        # 分納中: a plan agreed ~4 months ago, monthly; the first plan made misses its last due instalment.
        self.tag(debtor, "分納相談")
        agreed = today - dt.timedelta(days=125)
        count = 6
        if claim.principal - paid < 60_000:
            paid = 0  # keep the plan's instalments a realistic size
        total = claim.principal - paid
        schedule = monthly_schedule(total, count, agreed + dt.timedelta(days=14))
        plan = InstalmentPlan(
            debtor_id=debtor.id,
            claim_id=claim.id,
            total=total,
            status=PLAN_ACTIVE,
            agreed_on=agreed,
            created_by=self.work.vault.user.name,
            created_at=self.now,
        )
        self.db.add(plan)
        self.db.flush()
        self.db.add_all(
            [InstalmentRow(plan_id=plan.id, seq=i.number, due_on=i.due, amount=i.amount) for i in schedule]
        )
        if paid:  # paid before the settlement; the plan covers the rest
            self.payment(debtor, claim, agreed - dt.timedelta(days=10), paid, confirmed=True)
        passed = [i for i in schedule if i.due < today]
        miss_last = not self.missed_plan_made and len(passed) >= 2
        self.missed_plan_made = self.missed_plan_made or miss_last
        for item in passed[:-1] if miss_last else passed:
            self.payment(debtor, claim, item.due, item.amount, confirmed=rng.random() < 0.7)
        self.records(debtor, f, rng.randint(2, 4), correct_one=index % 2 == 0)
        self.document(debtor, "分割納付誓約書", agreed - dt.timedelta(days=7), "普通")


def _statuses(count: int, rng: random.Random) -> list[str]:
    """Every status at least twice, the rest weighted like a real engagement's files."""
    base = [s for s in st.STATUSES for _ in range(2)]
    weights = {
        st.NOT_STARTED: 3,
        st.DEMANDING: 4,
        st.NEGOTIATING: 5,
        st.INSTALMENTS: 3,
        st.PAID_IN_FULL: 2,
        st.DIFFICULT: 2,
        st.TIME_BARRED: 1,
    }
    rest = rng.choices(list(weights), weights=list(weights.values()), k=max(0, count - len(base)))
    statuses = base + rest
    rng.shuffle(statuses)
    return statuses[:count]


def populate(work: Work, seed: int = 7, *, count: int = DEMO_DEBTORS) -> list[int]:
    """Fill the demo vault with `count` fictional debtor files; returns their ids."""
    demo = _Demo(work, seed)
    engagement = Engagement(
        ward="デモ区 産業振興課（架空）",
        contractor="デモ法律事務所（架空）",
        period_from=demo.today - dt.timedelta(days=150),
        period_to=demo.today + dt.timedelta(days=215),
        rule_profile="subsidy",
        created_at=demo.now,
    )
    work.session.add(engagement)
    work.session.flush()
    fictional = generate_debtors(count, seed=seed, prefix="DEMO")
    statuses = _statuses(count, demo.rng)
    ids = [
        demo.debtor(engagement, f, status, index).id
        for index, (f, status) in enumerate(zip(fictional, statuses, strict=True))
    ]
    index_debtors(work.session, ids)
    return ids

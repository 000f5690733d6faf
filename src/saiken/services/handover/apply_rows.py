"""Applying an incoming package's records to this vault, entity by entity, inside the import's one
transaction. Ownership (DESIGN §6) decides what may change: from the ward, debtors' master data, claims,
payments, attachments and answers; from the contractor, negotiation records, inquiries, documents sent,
instalment plans and statuses. The contractor's own status, handler, tags, notes and records are never
touched by a `debtors` package; the ward's answers are never overwritten by a `report`.

Every record is matched by its key (`sync`); a record that refers to a debtor the engagement does not
have is refused, naming its file and line. `counts` says, per entity, how many records were new, changed
and unchanged (the preview shows them; a second import of the same data changes nothing).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from saiken.domain.debtor_status import NOT_STARTED, STATUSES
from saiken.domain.errors import IntegrityError, ValidationError
from saiken.exchange.package.contents import Row
from saiken.services.debtors_common import refresh_next_action, refresh_totals
from saiken.services.handover import sync
from saiken.services.handover.collect import DEBTOR_FIELDS
from saiken.services.search_index import index_debtors
from saiken.store.models import (
    Attachment,
    Claim,
    Debtor,
    DocumentSent,
    Inquiry,
    InstalmentPlan,
    InstalmentRow,
    NegotiationRecord,
    Payment,
    ReceiptTranche,
)

ReadFile = Callable[[str], bytes]
CLAIM_FIELDS = (
    "programme",
    "fiscal_year",
    "decision_date",
    "grant_amount",
    "order_date",
    "due_date",
    "principal",
    "nature",
)


@dataclass
class Counts:
    new: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.new + self.changed + self.unchanged


def _differs(target: object, values: dict[str, Any]) -> bool:
    return any(getattr(target, name) != value for name, value in values.items())


def _assign(target: object, values: dict[str, Any]) -> None:
    for name, value in values.items():
        setattr(target, name, value)


class Applier:
    def __init__(
        self, session: Session, engagement_id: int, own_side: str, *, now: dt.datetime, user: str
    ) -> None:
        self.session = session
        self.engagement_id = engagement_id
        self.own_side = own_side
        self.now = now
        self.user = user
        self.counts: dict[str, Counts] = {}
        self.touched: set[int] = set()
        self._debtor_ids: dict[str, int] = dict(
            session.execute(
                select(Debtor.management_no, Debtor.id).where(Debtor.engagement_id == engagement_id)
            )
            .tuples()
            .all()
        )
        self._maps: dict[str, sync.KeyMap] = {}

    def keys(self, entity: str) -> sync.KeyMap:
        if entity not in self._maps:
            self._maps[entity] = sync.KeyMap(self.session, self.engagement_id, entity, self.own_side)
        return self._maps[entity]

    def _count(self, entity: str, outcome: str) -> None:
        counts = self.counts.setdefault(entity, Counts())
        setattr(counts, outcome, getattr(counts, outcome) + 1)

    def _debtor_id(self, number: str, where: str) -> int:
        found = self._debtor_ids.get(number)
        if found is None:
            raise ValidationError(
                f"パッケージの{where}は、この業務にない債務者（管理番号 {number}）の記録です。何も取り込んでいません。",
                hint="先に債務者データのパッケージを取り込んでください。",
            )
        return found

    def apply(self, entity: str, row: Row, where: str, read_file: ReadFile | None = None) -> None:
        handler = getattr(self, f"_{entity}")
        outcome = handler(row, where, read_file) if entity == "attachments" else handler(row, where)
        self._count(entity, outcome)

    # -- from the ward -------------------------------------------------------------------------------

    def _debtors(self, row: Row, where: str) -> str:
        values = {name: row[name] for name in DEBTOR_FIELDS}
        known = self._debtor_ids.get(row["key"])
        if known is None:
            debtor = Debtor(
                engagement_id=self.engagement_id,
                management_no=row["key"],
                status=NOT_STARTED,
                created_at=self.now,
                updated_at=self.now,
                **values,
            )
            self.session.add(debtor)
            self.session.flush()
            self._debtor_ids[row["key"]] = debtor.id
            self.touched.add(debtor.id)
            return "new"
        existing = self.session.get(Debtor, known)
        assert existing is not None
        if not _differs(existing, values):
            return "unchanged"
        _assign(existing, values)
        existing.updated_at = self.now
        self.touched.add(existing.id)
        return "changed"

    def _claims(self, row: Row, where: str) -> str:
        debtor_id = self._debtor_id(row["debtor"], where)
        values = {name: row[name] for name in CLAIM_FIELDS}
        keys = self.keys("claims")
        local = keys.local(row["key"])
        claim = self.session.get(Claim, local) if local is not None else None
        tranches = [(day, amount) for day, amount in row["tranches"]]
        if claim is None:
            claim = Claim(debtor_id=debtor_id, **values)
            self.session.add(claim)
            self.session.flush()
            keys.remember(row["key"], claim.id)
            outcome = "new"
        else:
            current = self.session.execute(
                select(ReceiptTranche.received_on, ReceiptTranche.amount)
                .where(ReceiptTranche.claim_id == claim.id)
                .order_by(ReceiptTranche.received_on, ReceiptTranche.id)
            ).all()
            if not _differs(claim, values) and [tuple(t) for t in current] == tranches:
                return "unchanged"
            _assign(claim, values)
            self.session.execute(delete(ReceiptTranche).where(ReceiptTranche.claim_id == claim.id))
            outcome = "changed"
        for day, amount in tranches:
            self.session.add(ReceiptTranche(claim_id=claim.id, received_on=day, amount=amount))
        self.touched.add(debtor_id)
        return outcome

    def _payments(self, row: Row, where: str) -> str:
        debtor_id = self._debtor_id(row["debtor"], where)
        values = {
            "debtor_id": debtor_id,
            "claim_id": self.keys("claims").local(row["claim"]),
            "paid_on": row["paid_on"],
            "amount": row["amount"],
            "source": row["source"],
            "confirmed_by_ward": row["confirmed"],
            "reverses_id": self.keys("payments").local(row["reverses"]),
        }
        keys = self.keys("payments")
        local = keys.local(row["key"])
        payment = self.session.get(Payment, local) if local is not None else None
        if payment is None:
            payment = Payment(created_by=self.user, created_at=self.now, **values)
            self.session.add(payment)
            self.session.flush()
            keys.remember(row["key"], payment.id)
            outcome = "new"
        elif not _differs(payment, values):
            return "unchanged"
        else:
            _assign(payment, values)
            outcome = "changed"
        self.touched.add(debtor_id)
        return outcome

    def _attachments(self, row: Row, where: str, read_file: ReadFile | None) -> str:
        debtor_id = self._debtor_id(row["debtor"], where)
        keys = self.keys("attachments")
        if keys.local(row["key"]) is not None:
            return "unchanged"  # attachments never change: a new paper is a new attachment
        assert read_file is not None
        data = read_file(row["file"])
        if len(data) != row["size"] or hashlib.sha256(data).hexdigest() != row["sha256"]:
            raise IntegrityError(
                f"パッケージの{where}の添付書類が目録と一致しません。何も取り込んでいません。"
            )
        attachment = Attachment(
            debtor_id=debtor_id,
            filename=row["filename"],
            mime=row["mime"],
            size=row["size"],
            sha256=row["sha256"],
            data=data,
            added_by=self.user,
            added_at=self.now,
        )
        self.session.add(attachment)
        self.session.flush()
        keys.remember(row["key"], attachment.id)
        return "new"

    def _answers(self, row: Row, where: str) -> str:
        debtor_id = self._debtor_id(row["debtor"], where)
        local = self.keys("inquiries").local(row["key"])
        inquiry = self.session.get(Inquiry, local) if local is not None else None
        if inquiry is None or inquiry.debtor_id != debtor_id:
            raise ValidationError(
                f"パッケージの{where}は、この金庫にない照会への回答です。何も取り込んでいません。"
            )
        values = {"answered_on": row["answered_on"], "answer": row["answer"]}
        if not _differs(inquiry, values):
            return "unchanged"
        outcome = "new" if inquiry.answered_on is None else "changed"
        _assign(inquiry, values)
        self.touched.add(debtor_id)
        return outcome

    # -- from the contractor -------------------------------------------------------------------------

    def _records(self, row: Row, where: str) -> str:
        debtor_id = self._debtor_id(row["debtor"], where)
        values = {
            "debtor_id": debtor_id,
            "superseded": row["superseded"],
            "at": row["at"],
            "channel": row["channel"],
            "direction": row["direction"],
            "person": row["person"],
            "summary": row["summary"],
            "promise_amount": row["promise_amount"],
            "promise_date": row["promise_date"],
            "next_action_on": row["next_action_on"],
            # the contractor's handler is not one of our users: kept by name in created_by
            "created_by": (row["handler"] or row["created_by"])[:64],
        }
        record = self.session.scalar(
            select(NegotiationRecord).where(
                NegotiationRecord.record_key == row["key"], NegotiationRecord.version == row["version"]
            )
        )
        if record is None:
            record = NegotiationRecord(
                record_key=row["key"], version=row["version"], created_at=row["created_at"], **values
            )
            self.session.add(record)
            outcome = "new"
        elif record.debtor_id != debtor_id:
            raise ValidationError(
                f"パッケージの{where}は別の債務者の交渉記録と重なっています。何も取り込んでいません。"
            )
        elif not _differs(record, values):
            return "unchanged"
        else:
            _assign(record, values)
            outcome = "changed"
        self.touched.add(debtor_id)
        return outcome

    def _inquiries(self, row: Row, where: str) -> str:
        debtor_id = self._debtor_id(row["debtor"], where)
        values = {
            "debtor_id": debtor_id,
            "kind": row["kind"],
            "question": row["question"],
            "asked_on": row["asked_on"],
        }
        keys = self.keys("inquiries")
        local = keys.local(row["key"])
        inquiry = self.session.get(Inquiry, local) if local is not None else None
        if inquiry is None:
            inquiry = Inquiry(created_by=self.user, created_at=self.now, **values)
            self.session.add(inquiry)
            self.session.flush()
            keys.remember(row["key"], inquiry.id)
            outcome = "new"
        elif not _differs(inquiry, values):
            return "unchanged"
        else:
            _assign(inquiry, values)  # the ward's answer stays the ward's
            outcome = "changed"
        self.touched.add(debtor_id)
        return outcome

    def _documents(self, row: Row, where: str) -> str:
        debtor_id = self._debtor_id(row["debtor"], where)
        values = {
            "debtor_id": debtor_id,
            "kind": row["kind"],
            "sent_on": row["sent_on"],
            "method": row["method"],
            "tracking_no": row["tracking_no"],
            "returned_on": row["returned_on"],
        }
        return self._simple(DocumentSent, "documents", row["key"], values, debtor_id)

    def _simple(self, model: Any, entity: str, key: str, values: dict[str, Any], debtor_id: int) -> str:
        keys = self.keys(entity)
        local = keys.local(key)
        target = self.session.get(model, local) if local is not None else None
        if target is None:
            target = model(created_by=self.user, created_at=self.now, **values)
            self.session.add(target)
            self.session.flush()
            keys.remember(key, target.id)
            outcome = "new"
        elif not _differs(target, values):
            return "unchanged"
        else:
            _assign(target, values)
            outcome = "changed"
        self.touched.add(debtor_id)
        return outcome

    def _plans(self, row: Row, where: str) -> str:
        debtor_id = self._debtor_id(row["debtor"], where)
        values = {
            "debtor_id": debtor_id,
            "total": row["total"],
            "status": row["status"],
            "agreed_on": row["agreed_on"],
            "accelerated_on": row["accelerated_on"],
        }
        keys = self.keys("plans")
        local = keys.local(row["key"])
        plan = self.session.get(InstalmentPlan, local) if local is not None else None
        rows = [(seq, due, amount) for seq, due, amount in row["rows"]]
        if plan is not None:
            current = self.session.execute(
                select(InstalmentRow.seq, InstalmentRow.due_on, InstalmentRow.amount)
                .where(InstalmentRow.plan_id == plan.id)
                .order_by(InstalmentRow.seq)
            ).all()
            if not _differs(plan, values) and [tuple(r) for r in current] == rows:
                return "unchanged"
        self._simple(InstalmentPlan, "plans", row["key"], values, debtor_id)
        plan_id = keys.local(row["key"])
        self.session.execute(delete(InstalmentRow).where(InstalmentRow.plan_id == plan_id))
        for seq, due, amount in rows:
            self.session.add(InstalmentRow(plan_id=plan_id, seq=seq, due_on=due, amount=amount))
        self.touched.add(debtor_id)
        return "new" if plan is None else "changed"

    def _statuses(self, row: Row, where: str) -> str:
        debtor_id = self._debtor_id(row["key"], where)
        if row["status"] not in STATUSES:
            raise ValidationError(f"パッケージの{where}の状況「{row['status']}」は使われていない値です。")
        debtor = self.session.get(Debtor, debtor_id)
        assert debtor is not None
        if debtor.status == row["status"]:
            return "unchanged"
        debtor.status = row["status"]
        debtor.updated_at = self.now
        return "changed"

    # -- after every record ------------------------------------------------------------------------

    def finish(self) -> None:
        """Keep the debtors' totals, next action and search index right for every debtor touched."""
        self.session.flush()
        for debtor_id in sorted(self.touched):
            debtor = self.session.get(Debtor, debtor_id)
            assert debtor is not None
            refresh_totals(self.session, debtor, self.now)
            refresh_next_action(self.session, debtor, self.now)
        index_debtors(self.session, sorted(self.touched))

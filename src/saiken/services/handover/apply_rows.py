"""Applying an incoming package's records to this vault, entity by entity, inside the import's one
transaction. Ownership (DESIGN §6) decides what may change: from the ward, debtors' master data, claims,
payments, attachments and answers; from the contractor, negotiation records, inquiries, documents sent,
instalment plans and statuses. The contractor's own status, handler, tags, notes and records are never
touched by a `debtors` package; the ward's answers are never overwritten by a `report`. A `report`'s
consultation area is applied by `apply_consultations` (the contractor's rows, keyed per ward–contractor pair).

Records are matched by their keys (`sync`) and applied in batches of plain INSERT / UPDATE statements
(a package may hold hundreds of thousands of records; one statement per record would take minutes on an
encrypted database). A record that refers to a debtor the engagement does not have is refused, naming its
file. `counts` says, per entity, how many records were new, changed and unchanged; a second import of
the same data changes nothing. `finish` keeps the debtors' totals, next action and search index right.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, select, text, tuple_
from sqlalchemy.orm import Session

from saiken.domain.debtor_status import NOT_STARTED, STATUSES
from saiken.domain.errors import IntegrityError, ValidationError
from saiken.exchange.package.contents import Row
from saiken.services.debtors.search_index import index_debtors
from saiken.services.handover import sync
from saiken.services.handover.apply_consultations import MODELS as CONSULTATION_MODELS
from saiken.services.handover.apply_consultations import ConsultationApplier
from saiken.services.handover.collect import DEBTOR_FIELDS
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
BATCH = 1000
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
RECORD_FIELDS = (
    "debtor_id",
    "superseded",
    "at",
    "channel",
    "direction",
    "person",
    "summary",
    "promise_amount",
    "promise_date",
    "next_action_on",
    "created_by",
)


@dataclass
class Counts:
    new: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.new + self.changed + self.unchanged


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


class Applier:
    def __init__(
        self,
        session: Session,
        engagement_id: int,
        own_side: str,
        *,
        now: dt.datetime,
        user: str,
        verified_sha256: Callable[[str], str | None] | None = None,
    ) -> None:
        """`verified_sha256(file)`: the SHA-256 the package's signed manifest gives a file that `read_file`
        checks at its end (so its data need not be hashed twice); None: hash it here."""
        self.session = session
        self._verified_sha256 = verified_sha256
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
        self._pending: list[tuple[str, Row, str]] = []
        self._entity: str | None = None
        self._read_file: ReadFile | None = None
        self._next_ids: dict[str, int] = {}
        self.consultation_area = ConsultationApplier(self)

    # -- buffering ------------------------------------------------------------------------------------

    def apply(self, entity: str, row: Row, where: str, read_file: ReadFile | None = None) -> None:
        if entity != self._entity:
            self._flush()
            self._entity = entity
        self._read_file = read_file
        self._pending.append((entity, row, where))
        if len(self._pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        entity = self._pending[0][0]
        rows = [(row, where) for _, row, where in self._pending]
        self._pending = []
        counts = self.counts.setdefault(entity, Counts())
        new, changed, unchanged = (
            self.consultation_area.apply(entity, rows)
            if entity in CONSULTATION_MODELS or entity == "consultations"
            else getattr(self, f"_{entity}")(rows)
        )
        counts.new += new
        counts.changed += changed
        counts.unchanged += unchanged

    # -- helpers --------------------------------------------------------------------------------------

    def keys(self, entity: str) -> sync.KeyMap:
        if entity not in self._maps:
            self._maps[entity] = sync.KeyMap(self.session, self.engagement_id, entity, self.own_side)
        return self._maps[entity]

    def _debtor_id(self, number: str, where: str) -> int:
        found = self._debtor_ids.get(number)
        if found is None:
            raise ValidationError(
                f"パッケージの{where}は、この業務にない債務者（管理番号 {number}）の記録です。何も取り込んでいません。",
                hint="先に債務者データのパッケージを取り込んでください。",
            )
        return found

    def _new_ids(self, model: Any, count: int) -> list[int]:
        """Ids for new rows (the import holds the write lock, so they are free): plain executemany inserts."""
        name = model.__tablename__
        if name not in self._next_ids:
            self._next_ids[name] = int(self.session.scalar(select(func.max(model.id))) or 0) + 1
        first = self._next_ids[name]
        self._next_ids[name] = first + count
        return list(range(first, first + count))

    def _insert(self, model: Any, values: list[dict[str, Any]]) -> None:
        for start in range(0, len(values), BATCH):
            self.session.execute(insert(_table(model)), values[start : start + BATCH])

    def _update(self, model: Any, values: list[dict[str, Any]]) -> None:
        """UPDATE … WHERE id = :_id for each dict (its other keys are the columns set)."""
        table = _table(model)
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for value in values:
            by_columns.setdefault(tuple(sorted(k for k in value if k != "_id")), []).append(value)
        for group in by_columns.values():
            self.session.execute(table.update().where(table.c.id == bindparam("_id")), group)

    def _current(self, model: Any, ids: Sequence[int], fields: Sequence[str]) -> dict[int, dict[str, Any]]:
        if not ids:
            return {}
        columns = [getattr(model, name) for name in fields]
        rows = self.session.execute(select(model.id, *columns).where(model.id.in_(list(ids)))).all()
        return {row[0]: dict(zip(fields, row[1:], strict=True)) for row in rows}

    def _upsert(
        self, model: Any, entity: str, items: list[tuple[str, dict[str, Any]]], extra_new: dict[str, Any]
    ) -> tuple[int, int, int, list[int], list[int]]:
        """Insert or update rows of `model` keyed by `entity` keys; returns counts and the new/changed ids."""
        keys = self.keys(entity)
        fields = list(items[0][1]) if items else []
        locals_ = {key: keys.local(key) for key, _ in items}
        current = self._current(model, [i for i in locals_.values() if i is not None], fields)
        new_items = [(key, values) for key, values in items if locals_[key] not in current]
        ids = self._new_ids(model, len(new_items))
        self._insert(
            model, [{"id": i, **extra_new, **values} for i, (_, values) in zip(ids, new_items, strict=True)]
        )
        for i, (key, _) in zip(ids, new_items, strict=True):
            keys.remember(key, i)
        changed: list[dict[str, Any]] = []
        for key, values in items:
            local = locals_[key]
            if local in current and current[local] != values:
                changed.append({"_id": local, **values})
        self._update(model, changed)
        unchanged = len(items) - len(new_items) - len(changed)
        return len(new_items), len(changed), unchanged, ids, [c["_id"] for c in changed]

    # -- from the ward -------------------------------------------------------------------------------

    def _debtors(self, rows: list[tuple[Row, str]]) -> tuple[int, int, int]:
        items = [(row["key"], {name: row[name] for name in DEBTOR_FIELDS}) for row, _ in rows]
        known = {key: self._debtor_ids[key] for key, _ in items if key in self._debtor_ids}
        current = self._current(Debtor, list(known.values()), DEBTOR_FIELDS)
        fresh = [(key, values) for key, values in items if key not in known]
        ids = self._new_ids(Debtor, len(fresh))
        self._insert(
            Debtor,
            [
                {
                    "id": i,
                    "engagement_id": self.engagement_id,
                    "management_no": key,
                    "status": NOT_STARTED,
                    "notes": "",
                    "principal_total": 0,
                    "paid_total": 0,
                    "created_at": self.now,
                    "updated_at": self.now,
                    **values,
                }
                for i, (key, values) in zip(ids, fresh, strict=True)
            ],
        )
        for i, (key, _) in zip(ids, fresh, strict=True):
            self._debtor_ids[key] = i
        changed = [
            {"_id": known[key], "updated_at": self.now, **values}
            for key, values in items
            if key in known and current[known[key]] != values
        ]
        self._update(Debtor, changed)
        self.touched.update(ids)
        self.touched.update(c["_id"] for c in changed)
        return len(fresh), len(changed), len(items) - len(fresh) - len(changed)

    def _claims(self, rows: list[tuple[Row, str]]) -> tuple[int, int, int]:
        items = []
        tranches: dict[str, list[tuple[Any, ...]]] = {}
        for row, where in rows:
            values = {name: row[name] for name in CLAIM_FIELDS} | {
                "debtor_id": self._debtor_id(row["debtor"], where)
            }
            items.append((row["key"], values))
            tranches[row["key"]] = [tuple(t) for t in row["tranches"]]
        keys = self.keys("claims")
        existing = [i for i in (keys.local(k) for k, _ in items) if i is not None]
        stored: dict[int, list[tuple[Any, ...]]] = {i: [] for i in existing}
        if existing:
            for claim_id, day, amount in self.session.execute(
                select(ReceiptTranche.claim_id, ReceiptTranche.received_on, ReceiptTranche.amount)
                .where(ReceiptTranche.claim_id.in_(existing))
                .order_by(ReceiptTranche.claim_id, ReceiptTranche.received_on, ReceiptTranche.id)
            ):
                stored[claim_id].append((day, amount))
        new, changed, unchanged, new_ids, changed_ids = self._upsert(Claim, "claims", items, {})
        tranche_changed = [
            keys.local(key)
            for key, _ in items
            if keys.local(key) in stored
            and keys.local(key) not in changed_ids
            and stored[keys.local(key) or 0] != tranches[key]
        ]
        rewrite = [i for i in (*changed_ids, *tranche_changed) if i is not None]
        if rewrite:
            self.session.execute(delete(ReceiptTranche).where(ReceiptTranche.claim_id.in_(rewrite)))
        by_local = {keys.local(key): key for key, _ in items}
        self._insert(
            ReceiptTranche,
            [
                {"claim_id": claim_id, "received_on": day, "amount": amount}
                for claim_id in (*new_ids, *rewrite)
                for day, amount in tranches[by_local[claim_id]]
            ],
        )
        self.touched.update(v["debtor_id"] for _, v in items)
        return new, changed + len(tranche_changed), unchanged - len(tranche_changed)

    def _payments(self, rows: list[tuple[Row, str]]) -> tuple[int, int, int]:
        claims = self.keys("claims")
        payments = self.keys("payments")
        items = [
            (
                row["key"],
                {
                    "debtor_id": self._debtor_id(row["debtor"], where),
                    "claim_id": claims.local(row["claim"]),
                    "paid_on": row["paid_on"],
                    "amount": row["amount"],
                    "source": row["source"],
                    "confirmed_by_ward": row["confirmed"],
                    "reverses_id": payments.local(row["reverses"]),
                },
            )
            for row, where in rows
        ]
        new, changed, unchanged, _, _ = self._upsert(
            Payment, "payments", items, {"created_by": self.user, "created_at": self.now}
        )
        self.touched.update(v["debtor_id"] for _, v in items)
        return new, changed, unchanged

    def _attachments(self, rows: list[tuple[Row, str]]) -> tuple[int, int, int]:
        keys = self.keys("attachments")
        new = 0
        for row, where in rows:
            if keys.local(row["key"]) is not None:
                continue  # attachments never change: a new paper is a new attachment
            assert self._read_file is not None
            data = self._read_file(row["file"])
            known = self._verified_sha256(row["file"]) if self._verified_sha256 is not None else None
            digest = known if known is not None else hashlib.sha256(data).hexdigest()
            if len(data) != row["size"] or digest != row["sha256"]:
                raise IntegrityError(
                    f"パッケージの{where}の添付書類が目録と一致しません。何も取り込んでいません。"
                )
            (attachment_id,) = self._new_ids(Attachment, 1)
            self.session.execute(
                insert(_table(Attachment)),
                {
                    "id": attachment_id,
                    "debtor_id": self._debtor_id(row["debtor"], where),
                    "filename": row["filename"],
                    "mime": row["mime"],
                    "size": row["size"],
                    "sha256": row["sha256"],
                    "data": data,
                    "added_by": self.user,
                    "added_at": self.now,
                },
            )
            keys.remember(row["key"], attachment_id)
            new += 1
        return new, 0, len(rows) - new

    def _answers(self, rows: list[tuple[Row, str]]) -> tuple[int, int, int]:
        inquiries = self.keys("inquiries")
        wanted = {row["key"]: inquiries.local(row["key"]) for row, _ in rows}
        current = self._current(
            Inquiry, [i for i in wanted.values() if i is not None], ("debtor_id", "answered_on", "answer")
        )
        new = changed = 0
        updates = []
        for row, where in rows:
            local = wanted[row["key"]]
            debtor_id = self._debtor_id(row["debtor"], where)
            if local not in current or current[local]["debtor_id"] != debtor_id:
                raise ValidationError(
                    f"パッケージの{where}は、この金庫にない照会への回答です。何も取り込んでいません。"
                )
            values = {"answered_on": row["answered_on"], "answer": row["answer"]}
            was = current[local]
            if was["answered_on"] == values["answered_on"] and was["answer"] == values["answer"]:
                continue
            new, changed = (new + 1, changed) if was["answered_on"] is None else (new, changed + 1)
            updates.append({"_id": local, **values})
            self.touched.add(debtor_id)
        self._update(Inquiry, updates)
        return new, changed, len(rows) - new - changed

    # -- from the contractor -------------------------------------------------------------------------

    def _records(self, rows: list[tuple[Row, str]]) -> tuple[int, int, int]:
        wanted = [(row["key"], row["version"]) for row, _ in rows]
        current = {
            (r.record_key, r.version): r
            for r in self.session.execute(
                select(
                    NegotiationRecord.id,
                    NegotiationRecord.record_key,
                    NegotiationRecord.version,
                    *[getattr(NegotiationRecord, f) for f in RECORD_FIELDS],
                ).where(tuple_(NegotiationRecord.record_key, NegotiationRecord.version).in_(wanted))
            )
        }
        inserts, updates = [], []
        for row, where in rows:
            values = {
                "debtor_id": self._debtor_id(row["debtor"], where),
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
            found = current.get((row["key"], row["version"]))
            if found is None:
                inserts.append(
                    {
                        "record_key": row["key"],
                        "version": row["version"],
                        "created_at": row["created_at"],
                        **values,
                    }
                )
            elif found.debtor_id != values["debtor_id"]:
                raise ValidationError(
                    f"パッケージの{where}は別の債務者の交渉記録と重なっています。何も取り込んでいません。"
                )
            elif any(getattr(found, f) != values[f] for f in RECORD_FIELDS):
                updates.append({"_id": found.id, **values})
            self.touched.add(values["debtor_id"])
        ids = self._new_ids(NegotiationRecord, len(inserts))
        self._insert(NegotiationRecord, [{"id": i, **v} for i, v in zip(ids, inserts, strict=True)])
        self._update(NegotiationRecord, updates)
        return len(inserts), len(updates), len(rows) - len(inserts) - len(updates)

    def _inquiries(self, rows: list[tuple[Row, str]]) -> tuple[int, int, int]:
        items = [
            (
                row["key"],
                {
                    "debtor_id": self._debtor_id(row["debtor"], where),
                    "kind": row["kind"],
                    "question": row["question"],
                    "asked_on": row["asked_on"],
                },
            )
            for row, where in rows
        ]  # the ward's answer stays the ward's
        new, changed, unchanged, _, _ = self._upsert(
            Inquiry, "inquiries", items, {"created_by": self.user, "created_at": self.now}
        )
        self.touched.update(v["debtor_id"] for _, v in items)
        return new, changed, unchanged

    def _documents(self, rows: list[tuple[Row, str]]) -> tuple[int, int, int]:
        items = [
            (
                row["key"],
                {
                    "debtor_id": self._debtor_id(row["debtor"], where),
                    "kind": row["kind"],
                    "sent_on": row["sent_on"],
                    "method": row["method"],
                    "tracking_no": row["tracking_no"],
                    "returned_on": row["returned_on"],
                },
            )
            for row, where in rows
        ]
        new, changed, unchanged, _, _ = self._upsert(
            DocumentSent, "documents", items, {"created_by": self.user, "created_at": self.now}
        )
        self.touched.update(v["debtor_id"] for _, v in items)
        return new, changed, unchanged

    def _plans(self, rows: list[tuple[Row, str]]) -> tuple[int, int, int]:
        items = []
        schedule: dict[str, list[tuple[Any, ...]]] = {}
        for row, where in rows:
            values = {
                "debtor_id": self._debtor_id(row["debtor"], where),
                "total": row["total"],
                "status": row["status"],
                "agreed_on": row["agreed_on"],
                "accelerated_on": row["accelerated_on"],
            }
            items.append((row["key"], values))
            schedule[row["key"]] = [tuple(r) for r in row["rows"]]
        keys = self.keys("plans")
        new, changed, unchanged, _, _ = self._upsert(
            InstalmentPlan,
            "plans",
            items,
            {"created_by": self.user, "created_at": self.now, "claim_id": None},
        )
        touched_plans = [keys.local(k) for k, _ in items]
        plan_ids = [i for i in touched_plans if i is not None]
        self.session.execute(delete(InstalmentRow).where(InstalmentRow.plan_id.in_(plan_ids)))
        self._insert(
            InstalmentRow,
            [
                {"plan_id": keys.local(key), "seq": seq, "due_on": due, "amount": amount}
                for key, _ in items
                for seq, due, amount in schedule[key]
            ],
        )
        self.touched.update(v["debtor_id"] for _, v in items)
        return new, changed, unchanged

    def _statuses(self, rows: list[tuple[Row, str]]) -> tuple[int, int, int]:
        ids = {row["key"]: self._debtor_id(row["key"], where) for row, where in rows}
        current = self._current(Debtor, list(ids.values()), ("status",))
        updates = []
        for row, where in rows:
            if row["status"] not in STATUSES:
                raise ValidationError(f"パッケージの{where}の状況「{row['status']}」は使われていない値です。")
            if current[ids[row["key"]]]["status"] != row["status"]:
                updates.append({"_id": ids[row["key"]], "status": row["status"], "updated_at": self.now})
        self._update(Debtor, updates)
        return 0, len(updates), len(rows) - len(updates)

    # -- after every record ------------------------------------------------------------------------

    def finish(self) -> None:
        """Save the key maps; set every touched debtor's totals and next action (as `refresh_totals` and
        `refresh_next_action` do, in a few set-based statements) and reindex them for search."""
        self._flush()
        self.consultation_area.finish()
        for keys in self._maps.values():
            keys.save()
        self.session.flush()
        touched = sorted(self.touched)
        for start in range(0, len(touched), 500):
            chunk = ",".join(str(int(i)) for i in touched[start : start + 500])
            self.session.execute(
                text(
                    "UPDATE debtors SET "
                    "principal_total = (SELECT coalesce(sum(principal), 0) FROM claims WHERE claims.debtor_id = debtors.id), "
                    "paid_total = (SELECT coalesce(sum(amount), 0) FROM payments WHERE payments.debtor_id = debtors.id), "
                    "next_action_on = (SELECT r.next_action_on FROM negotiation_records r WHERE r.debtor_id = debtors.id "
                    "AND r.superseded = 0 ORDER BY r.at DESC, r.id DESC LIMIT 1), "
                    f"updated_at = :now WHERE id IN ({chunk})"
                ),
                {"now": self.now.astimezone(dt.UTC).isoformat(timespec="microseconds")},
            )
        index_debtors(self.session, touched)

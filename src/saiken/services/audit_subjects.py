"""What an audit entry was about, for people: the debtor by management number and name, the payment by day
and amount, the record by day and channel … instead of `debtor #57` or `payment_id: 812`.

Entries store ids and counts only (never personal data); the audit viewer, which only a reader of the audit
log opens, resolves them here against the vault at the time it is read. A record that is no longer there
(erased) is said to be gone rather than shown as a number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.clock import JST
from saiken.store.models import (
    Attachment,
    Claim,
    Debtor,
    DocumentSent,
    Inquiry,
    InstalmentPlan,
    NegotiationRecord,
    Payment,
    SavedCondition,
    Tag,
    User,
)


@dataclass(frozen=True)
class Subject:
    """One thing an entry names. `kind`: debtor, user, payment, record, plan, inquiry, document, attachment,
    claim, tag, condition. `missing` when it is no longer in the vault."""

    kind: str
    text: str = ""  # a name, a channel, a kind of document, a file name …
    number: str = ""  # a debtor's management number
    on: dt.date | None = None
    amount: int | None = None
    missing: bool = False


# detail key → kind of the record its id names; `previous_id` depends on the action's family
_DETAIL_KINDS = {
    "payment_id": "payment",
    "reversal_id": "payment",
    "record_id": "record",
    "plan_id": "plan",
    "replaced_plan_ids": "plan",
    "inquiry_id": "inquiry",
    "document_id": "document",
    "attachment_id": "attachment",
    "claim_id": "claim",
    "claim_ids": "claim",
    "tag_ids": "tag",
    "handler_user_id": "user",
    "user_id": "user",
}
_TARGET_KINDS = {"debtor": "debtor", "user": "user", "saved_condition": "condition"}


def detail_kind(action: str, key: str) -> str | None:
    if key == "previous_id":
        return {"payment": "payment", "record": "record"}.get(action.split(".", 1)[0])
    return _DETAIL_KINDS.get(key)


def _ids(value: Any) -> list[int]:
    values = value if isinstance(value, list | tuple) else [value]
    out = []
    for item in values:
        try:
            out.append(int(item))
        except (TypeError, ValueError):
            continue
    return out


def _day(at: dt.datetime) -> dt.date:
    return at.astimezone(JST).date() if at.tzinfo else at.date()


def _load(session: Session, kind: str, ids: set[int]) -> dict[int, Subject]:
    if not ids:
        return {}
    wanted = list(ids)
    found: dict[int, Subject] = {}
    if kind == "debtor":
        for i, no, name in session.execute(
            select(Debtor.id, Debtor.management_no, Debtor.name).where(Debtor.id.in_(wanted))
        ):
            found[i] = Subject("debtor", text=name, number=no)
    elif kind == "user":
        for i, name, display in session.execute(
            select(User.id, User.name, User.display_name).where(User.id.in_(wanted))
        ):
            found[i] = Subject("user", text=display or name, number=name)
    elif kind == "payment":
        for i, on, amount in session.execute(
            select(Payment.id, Payment.paid_on, Payment.amount).where(Payment.id.in_(wanted))
        ):
            found[i] = Subject("payment", on=on, amount=amount)
    elif kind == "record":
        for i, at, channel in session.execute(
            select(NegotiationRecord.id, NegotiationRecord.at, NegotiationRecord.channel).where(
                NegotiationRecord.id.in_(wanted)
            )
        ):
            found[i] = Subject("record", text=channel, on=_day(at))
    elif kind == "plan":
        for i, on, total in session.execute(
            select(InstalmentPlan.id, InstalmentPlan.agreed_on, InstalmentPlan.total).where(
                InstalmentPlan.id.in_(wanted)
            )
        ):
            found[i] = Subject("plan", on=on, amount=total)
    elif kind == "inquiry":
        for i, text, on in session.execute(
            select(Inquiry.id, Inquiry.kind, Inquiry.asked_on).where(Inquiry.id.in_(wanted))
        ):
            found[i] = Subject("inquiry", text=text, on=on)
    elif kind == "document":
        for i, text, on in session.execute(
            select(DocumentSent.id, DocumentSent.kind, DocumentSent.sent_on).where(
                DocumentSent.id.in_(wanted)
            )
        ):
            found[i] = Subject("document", text=text, on=on)
    elif kind == "attachment":
        for i, text in session.execute(
            select(Attachment.id, Attachment.filename).where(Attachment.id.in_(wanted))
        ):
            found[i] = Subject("attachment", text=text)
    elif kind == "claim":
        for i, text, amount in session.execute(
            select(Claim.id, Claim.programme, Claim.principal).where(Claim.id.in_(wanted))
        ):
            found[i] = Subject("claim", text=text, amount=amount)
    elif kind == "tag":
        for i, text in session.execute(select(Tag.id, Tag.name).where(Tag.id.in_(wanted))):
            found[i] = Subject("tag", text=text)
    elif kind == "condition":
        for i, text in session.execute(
            select(SavedCondition.id, SavedCondition.name).where(SavedCondition.id.in_(wanted))
        ):
            found[i] = Subject("condition", text=text)
    return found


def resolve(session: Session, entries: Sequence[Any]) -> list[dict[str, tuple[Subject, ...]]]:
    """For each entry (with `action`, `target_type`, `target_id`, `details`): `target` and each id-bearing
    detail key → the subjects it names."""
    wanted: dict[str, set[int]] = {}
    plans: list[list[tuple[str, str, list[int]]]] = []
    for entry in entries:
        plan: list[tuple[str, str, list[int]]] = []
        target_kind = _TARGET_KINDS.get(entry.target_type or "")
        if target_kind and entry.target_id is not None:
            plan.append(("target", target_kind, _ids(entry.target_id)))
        for key, value in (entry.details or {}).items():
            kind = detail_kind(entry.action, key)
            if kind is not None:
                plan.append((key, kind, _ids(value)))
        for _key, kind, ids in plan:
            wanted.setdefault(kind, set()).update(ids)
        plans.append(plan)
    loaded = {kind: _load(session, kind, ids) for kind, ids in wanted.items()}
    out = []
    for plan in plans:
        out.append(
            {
                key: tuple(loaded[kind].get(i, Subject(kind, missing=True)) for i in ids)
                for key, kind, ids in plan
            }
        )
    return out


def id_keys(details: Iterable[str], action: str) -> set[str]:
    """The detail keys of an entry that hold record ids (shown through their subjects, never as numbers)."""
    return {key for key in details if detail_kind(action, key) is not None}

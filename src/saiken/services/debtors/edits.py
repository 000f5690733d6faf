"""Creating a debtor file and its small edits: a new debtor with its claims, another claim, the debtor's
own fields, status, handler, tags and notes. Each is one transaction with its audit entry (ids only)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, select

from saiken.domain import debtor_status
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services.changes import NOTHING, Area, Changed, Changes
from saiken.services.context import VaultSession, Work, read_session, unit_of_work
from saiken.services.debtors.card import load_claims, load_tags
from saiken.services.debtors.common import (
    MAX_TEXT,
    check_amount,
    check_choice,
    check_date,
    check_text,
    debtor_or_404,
    default_engagement,
    refresh_totals,
    user_id_by_name,
)
from saiken.services.debtors.rows import ClaimRow, DebtorCreated, HandlerChoice, TagRow
from saiken.services.debtors.search_index import reindex_debtor
from saiken.store.models import Claim, Debtor, DebtorTag, Engagement, ReceiptTranche, Tag, User
from saiken.store.models.claims import NATURE_PRIVATE, NATURE_PUBLIC

STATUSES = debtor_status.STATUSES
KINDS = ("法人", "個人")
TAG_PALETTE = ("#1E88E5", "#43A047", "#FB8C00", "#8E24AA", "#E53935", "#00897B", "#6D4C41", "#546E7A")
_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")

# Fields of a debtor a person may set on creation (and their labels for messages).
DEBTOR_FIELDS = {
    "kind": "区分",
    "name_kana": "フリガナ",
    "representative": "代表者",
    "representative_kana": "代表者フリガナ",
    "postal_code": "郵便番号",
    "address": "住所",
    "mailing_postal_code": "送付先郵便番号",
    "mailing_address": "送付先住所",
    "phone": "電話番号",
    "phone2": "電話番号2",
    "email": "メールアドレス",
    "notes": "メモ",
}


# --- creating a debtor file (the GUI's 新規 and the demo; the Excel import writes its own batch) -----


def _new_claim(work: Work, debtor: Debtor, values: dict[str, Any]) -> Claim:
    principal = check_amount(values.get("principal"), "返還金額（元金）")
    nature = check_choice(values.get("nature", NATURE_PUBLIC), "債権の種類", (NATURE_PUBLIC, NATURE_PRIVATE))
    order_date = check_date(values.get("order_date"), "返還命令日", required=False)
    due_date = check_date(values.get("due_date"), "納期限", required=False)
    if order_date and due_date and due_date < order_date:
        raise ValidationError("納期限が返還命令日より前です。日付を確かめてください。")
    claim = Claim(
        debtor_id=debtor.id,
        principal=principal,
        nature=nature,
        order_date=order_date,
        due_date=due_date,
        programme=check_text(values.get("programme", ""), "事業名", limit=128),
        fiscal_year=values.get("fiscal_year"),
        decision_date=check_date(values.get("decision_date"), "交付決定日", required=False),
        grant_amount=check_amount(values.get("grant_amount"), "交付額", required=False),
    )
    work.session.add(claim)
    work.session.flush()
    tranches: Sequence[tuple[dt.date, int]] = values.get("tranches") or ()
    received = check_date(values.get("received_on"), "受領日", required=False)
    if received is not None and not tranches:
        tranches = [(received, claim.grant_amount or principal)]
    for day, amount in tranches:
        work.session.add(
            ReceiptTranche(
                claim_id=claim.id,
                received_on=check_date(day, "受領日"),
                amount=check_amount(amount, "受領額"),
            )
        )
    work.session.flush()
    return claim


def add_debtor(
    s: VaultSession,
    *,
    management_no: str,
    name: str,
    engagement_id: int | None = None,
    status: str = debtor_status.NOT_STARTED,
    handler: str | None = None,
    claims: Iterable[dict[str, Any]] = (),
    **fields: Any,
) -> Changed[DebtorCreated]:
    """A new debtor file with its claims (each a dict: principal, due_date, order_date, received_on or
    tranches [(date, amount)], programme, fiscal_year, decision_date, grant_amount, nature)."""
    s.require(Capability.EDIT)
    unknown = sorted(set(fields) - set(DEBTOR_FIELDS))
    if unknown:
        raise ValidationError(f"登録できない項目があります: {', '.join(unknown)}")
    values = {
        key: check_text(value, DEBTOR_FIELDS[key], limit=MAX_TEXT if key == "notes" else 512)
        for key, value in fields.items()
    }
    values["kind"] = check_choice(values.get("kind", "法人"), "区分", KINDS)
    management_no = check_text(management_no, "管理番号", required=True, limit=32)
    name = check_text(name, "氏名・名称", required=True)
    debtor_status.check_status(status)
    with unit_of_work(s) as work:
        engagement = (
            work.session.get(Engagement, engagement_id)
            if engagement_id is not None
            else default_engagement(work)
        )
        if engagement is None:
            raise ValidationError("指定した委託（案件）が見つかりません。案件を選び直してください。")
        taken = work.session.execute(
            select(Debtor.id).where(
                Debtor.engagement_id == engagement.id, Debtor.management_no == management_no
            )
        ).first()
        if taken:
            raise ValidationError(
                f"管理番号「{management_no}」は既に使われています。別の管理番号を入力してください。"
            )
        now = s.clock.now()
        debtor = Debtor(
            engagement_id=engagement.id,
            management_no=management_no,
            name=name,
            status=status,
            handler_user_id=user_id_by_name(work.session, handler),
            created_at=now,
            updated_at=now,
            **values,
        )
        work.session.add(debtor)
        work.session.flush()
        claim_ids = tuple(_new_claim(work, debtor, dict(c)).id for c in claims)
        refresh_totals(work.session, debtor, now)
        reindex_debtor(work.session, debtor.id)
        work.audit("debtor.add", target_type="debtor", target_id=debtor.id, claim_ids=list(claim_ids))
        created = DebtorCreated(id=debtor.id, management_no=management_no, claim_ids=claim_ids)
        return Changed(created, Changes.of_debtor(debtor.id, Area.DEBTORS))


def update_debtor(s: VaultSession, debtor_id: int, **changes: Any) -> Changed[list[str]]:
    """Change the debtor's own fields (name, readings, addresses, phones, e-mail, kind, notes, management_no);
    returns the names of the fields that changed. The search index follows in the same transaction."""
    s.require(Capability.EDIT)
    allowed = {*DEBTOR_FIELDS, "name", "management_no"}
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise ValidationError(f"変更できない項目があります: {', '.join(unknown)}")
    labels = {**DEBTOR_FIELDS, "name": "氏名・名称", "management_no": "管理番号"}
    values = {
        key: check_text(
            value,
            labels[key],
            required=key in ("name", "management_no"),
            limit=MAX_TEXT if key == "notes" else 32 if key == "management_no" else 512,
        )
        for key, value in changes.items()
    }
    if "kind" in values:
        check_choice(values["kind"], "区分", KINDS)
    with unit_of_work(s) as work:
        debtor = debtor_or_404(work.session, debtor_id)
        changed = sorted(key for key, value in values.items() if getattr(debtor, key) != value)
        if "management_no" in changed:
            taken = work.session.execute(
                select(Debtor.id).where(
                    Debtor.engagement_id == debtor.engagement_id,
                    Debtor.management_no == values["management_no"],
                    Debtor.id != debtor.id,
                )
            ).first()
            if taken:
                raise ValidationError(
                    f"管理番号「{values['management_no']}」は既に使われています。別の管理番号を入力してください。"
                )
        for key in changed:
            setattr(debtor, key, values[key])
        if changed:
            debtor.updated_at = s.clock.now()
            work.session.flush()
            reindex_debtor(work.session, debtor.id)
        work.audit("debtor.update", target_type="debtor", target_id=debtor.id, fields=changed)
        return Changed(changed, Changes.of_debtor(debtor.id, Area.DEBTORS) if changed else NOTHING)


def add_claim(s: VaultSession, debtor_id: int, **claim: Any) -> Changed[ClaimRow]:
    """Another claim for the debtor (see `add_debtor` for the keys)."""
    s.require(Capability.EDIT)
    with unit_of_work(s) as work:
        debtor = debtor_or_404(work.session, debtor_id)
        new = _new_claim(work, debtor, claim)
        refresh_totals(work.session, debtor, s.clock.now())
        work.audit("claim.add", target_type="debtor", target_id=debtor.id, claim_id=new.id)
        row = next(c for c in load_claims(work.session, debtor.id) if c.id == new.id)
        return Changed(row, Changes.of_debtor(debtor.id, Area.DEBTORS))


# --- small edits ---------------------------------------------------------------------------------------


def set_status(s: VaultSession, debtor_id: int, status: str) -> Changed[str]:
    s.require(Capability.EDIT)
    debtor_status.check_status(status)
    with unit_of_work(s) as work:
        debtor = debtor_or_404(work.session, debtor_id)
        old = debtor.status
        debtor.status = status
        debtor.updated_at = s.clock.now()
        work.audit("debtor.status", target_type="debtor", target_id=debtor.id, old=old, new=status)
        return Changed(status, Changes.of_debtor(debtor.id, Area.DEBTORS))


def assign_handler(s: VaultSession, debtor_id: int, user_name: str | None) -> Changed[str | None]:
    """Make `user_name` the debtor's handler (担当者); None removes the handler."""
    s.require(Capability.EDIT)
    with unit_of_work(s) as work:
        debtor = debtor_or_404(work.session, debtor_id)
        debtor.handler_user_id = user_id_by_name(work.session, user_name)
        debtor.updated_at = s.clock.now()
        work.audit(
            "debtor.handler",
            target_type="debtor",
            target_id=debtor.id,
            handler_user_id=debtor.handler_user_id,
        )
        return Changed(user_name or None, Changes.of_debtor(debtor.id, Area.DEBTORS))


def _tag_row(tag: object) -> TagRow:
    if isinstance(tag, TagRow):
        row = tag
    elif isinstance(tag, str):
        row = TagRow(tag, "")
    elif isinstance(tag, tuple | list) and 1 <= len(tag) <= 3:
        row = TagRow(*tag)
    else:
        raise ValidationError("タグは名前（と色・期限）で指定してください。")
    name = check_text(row.name, "タグ名", required=True, limit=64)
    if row.colour and not _COLOUR_RE.match(row.colour):
        raise ValidationError(f"タグ「{name}」の色は #RRGGBB の形で指定してください。")
    return TagRow(name, row.colour, check_date(row.expires_on, "タグの期限", required=False))


def set_tags(
    s: VaultSession, debtor_id: int, tags: Iterable[TagRow | str | tuple[Any, ...]]
) -> Changed[list[TagRow]]:
    """Replace the debtor's tags. A new tag name is created (with the given colour or one from the palette);
    an existing tag keeps its colour unless one is given."""
    s.require(Capability.EDIT)
    rows = [_tag_row(t) for t in tags]
    if len({r.name for r in rows}) != len(rows):
        raise ValidationError("同じタグが2回指定されています。1回にしてください。")
    with unit_of_work(s) as work:
        debtor = debtor_or_404(work.session, debtor_id)
        work.session.execute(delete(DebtorTag).where(DebtorTag.debtor_id == debtor.id))
        tag_ids = []
        for row in rows:
            tag = work.session.execute(select(Tag).where(Tag.name == row.name)).scalar_one_or_none()
            if tag is None:
                count = len(work.session.execute(select(Tag.id)).all())
                tag = Tag(name=row.name, colour=row.colour or TAG_PALETTE[count % len(TAG_PALETTE)])
                work.session.add(tag)
                work.session.flush()
            elif row.colour:
                tag.colour = row.colour
            work.session.add(DebtorTag(debtor_id=debtor.id, tag_id=tag.id, expires_on=row.expires_on))
            tag_ids.append(tag.id)
        debtor.updated_at = s.clock.now()
        work.session.flush()
        work.audit("debtor.tags", target_type="debtor", target_id=debtor.id, tag_ids=tag_ids)
        return Changed(load_tags(work.session, debtor.id), Changes.of_debtor(debtor.id, Area.DEBTORS))


def update_notes(s: VaultSession, debtor_id: int, text: str) -> Changed[str]:
    s.require(Capability.EDIT)
    notes = check_text(text, "メモ", limit=MAX_TEXT)
    with unit_of_work(s) as work:
        debtor = debtor_or_404(work.session, debtor_id)
        debtor.notes = notes
        debtor.updated_at = s.clock.now()
        work.audit("debtor.notes", target_type="debtor", target_id=debtor.id, length=len(notes))
        return Changed(notes, Changes.of_debtor(debtor.id, Area.DEBTORS))


def handler_names(s: VaultSession) -> list[HandlerChoice]:
    """Everyone a debtor or a record may be assigned to: the active accounts with their display names, in
    the order of the account names. A READ-level list (names only, no roles): every user who sees the
    debtors may see who handles them, and the pickers show the names people know each other by."""
    s.require(Capability.READ)
    with read_session(s) as session:
        rows = session.execute(
            select(User.name, User.display_name).where(User.active.is_(True)).order_by(User.name)
        ).all()
    return [HandlerChoice(name=name, display_name=display or name) for name, display in rows]

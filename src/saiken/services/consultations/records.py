"""Consultants (相談員) and consultation records (相談記録): add, correct (a new version; the old one stays,
superseded) and history. A record made from a booking completes that booking in the same transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select

from saiken.domain.clock import JST
from saiken.domain.consultation_terms import FORMS, LOAN_STATUSES, check_categories, check_choice
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.domain.textfold import to_katakana
from saiken.services.checks import (
    MAX_TEXT,
    check_amount,
    check_date,
    check_moment,
    check_text,
    get_or_404,
)
from saiken.services.consultations.common import (
    business_or_404,
    categories_mask,
    check_own,
    consultant_or_404,
    jst_day,
    owner_of,
    stamp,
)
from saiken.services.consultations.convert import consultant_row, consultation_rows
from saiken.services.consultations.rows import Change, ConsultantRow, ConsultationRow, change
from saiken.services.consultations.search_index import index_consultation, unindex_consultation
from saiken.services.context import VaultSession, Work, read_session, unit_of_work
from saiken.store.models import Booking, Consultant, Consultation, Dispatch

CORRECTABLE = (
    "at",
    "consultant_id",
    "form",
    "categories",
    "contents",
    "loan_bank",
    "loan_amount",
    "loan_status",
    "follow_up_on",
    "dispatch_id",
)

# --- consultants ------------------------------------------------------------------------------------------


def list_consultants(s: VaultSession, *, include_inactive: bool = False) -> list[ConsultantRow]:
    s.require(Capability.READ)
    with read_session(s) as session:
        query = select(Consultant).order_by(Consultant.name_kana, Consultant.id)
        if not include_inactive:
            query = query.where(Consultant.active.is_(True))
        return [consultant_row(c) for c in session.scalars(query)]


def add_consultant(
    s: VaultSession, name: str, *, name_kana: str = "", user_name: str = ""
) -> Change[ConsultantRow]:
    s.require(Capability.EDIT)
    cleaned = check_text(name, "相談員の氏名", required=True, limit=128)
    kana = to_katakana(check_text(name_kana, "相談員のフリガナ", limit=128))
    with unit_of_work(s) as work:
        if work.session.scalar(select(Consultant.id).where(Consultant.name == cleaned)) is not None:
            raise ValidationError("同じ氏名の相談員が登録されています。一覧から選んでください。")
        consultant = Consultant(
            name=cleaned,
            name_kana=kana,
            user_name=check_text(user_name, "利用者名", limit=64),
            owner=owner_of(s),
            created_at=s.clock.now(),
        )
        work.session.add(consultant)
        work.session.flush()
        entry = work.audit("consultant.add", target_type="consultant", target_id=consultant.id)
        stamp(entry, consultant)
        return change("consultant", "consultant.add", (consultant.id,), entry.seq, consultant_row(consultant))


def set_consultant_active(s: VaultSession, consultant_id: int, active: bool) -> Change[ConsultantRow]:
    s.require(Capability.EDIT)
    with unit_of_work(s) as work:
        consultant = consultant_or_404(work.session, consultant_id)
        check_own(s, consultant, "相談員")
        consultant.active = bool(active)
        entry = work.audit(
            "consultant.active", target_type="consultant", target_id=consultant.id, active=bool(active)
        )
        stamp(entry, consultant)
        return change(
            "consultant", "consultant.active", (consultant.id,), entry.seq, consultant_row(consultant)
        )


# --- consultation records ------------------------------------------------------------------------------------


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "at" in values:
        out["at"] = check_moment(values["at"], "相談日時")
    if "consultant_id" in values:
        value = values["consultant_id"]
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError("相談員を選んでください。")
        out["consultant_id"] = value
    if "form" in values:
        out["form"] = check_choice(values["form"], "相談形態", FORMS)
    if "categories" in values:
        value = values["categories"]
        if isinstance(value, str):
            value = [value]
        out["categories"] = categories_mask(check_categories(value))
    if "contents" in values:
        out["contents"] = check_text(values["contents"], "相談内容", required=True, limit=MAX_TEXT)
    if "loan_bank" in values:
        out["loan_bank"] = check_text(values["loan_bank"], "融資あっせん先金融機関", limit=128)
    if "loan_amount" in values:
        out["loan_amount"] = check_amount(values["loan_amount"], "融資あっせん額", required=False)
    if "loan_status" in values:
        status = values["loan_status"] or ""
        out["loan_status"] = "" if status == "" else check_choice(status, "融資あっせんの状況", LOAN_STATUSES)
    if "follow_up_on" in values:
        out["follow_up_on"] = check_date(values["follow_up_on"], "次回フォロー日", required=False)
    if "dispatch_id" in values:
        value = values["dispatch_id"]
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise ValidationError("派遣の番号は整数で指定してください。")
        out["dispatch_id"] = value
    return out


def _check_record(work: Work, values: dict[str, Any], business_id: int) -> None:
    """Rules across fields, checked on the complete new state of the record."""
    at: dt.datetime = values["at"]
    if at.astimezone(JST).date() > work.vault.clock.today():
        raise ValidationError("相談日時が未来になっています。相談を行った日時を入力してください。")
    loan = (values.get("loan_bank"), values.get("loan_amount"), values.get("loan_status"))
    if any(loan) and not (values.get("loan_bank") and values.get("loan_status")):
        raise ValidationError("融資あっせんは金融機関と状況を入力してください（なければ3つとも空に）。")
    follow = values.get("follow_up_on")
    if follow is not None and follow < jst_day(at):
        raise ValidationError("次回フォロー日が相談日より前になっています。日付を確かめてください。")
    consultant_or_404(work.session, values["consultant_id"])
    dispatch_id = values.get("dispatch_id")
    if dispatch_id is not None:
        dispatch = get_or_404(work.session, Dispatch, dispatch_id, "専門家派遣")
        if dispatch.business_id != business_id:
            raise ValidationError("紐づける専門家派遣が別の事業者のものです。派遣を選び直してください。")


def add_consultation(
    s: VaultSession,
    business_id: int,
    *,
    at: Any,
    consultant_id: int,
    form: str,
    categories: Any,
    contents: str,
    loan_bank: str = "",
    loan_amount: int | None = None,
    loan_status: str = "",
    follow_up_on: Any = None,
    dispatch_id: int | None = None,
    booking_id: int | None = None,
) -> Change[ConsultationRow]:
    """A new consultation record. With `booking_id`, that booking (of this business) becomes 完了."""
    s.require(Capability.EDIT)
    values = _clean(
        {
            "at": at,
            "consultant_id": consultant_id,
            "form": form,
            "categories": categories,
            "contents": contents,
            "loan_bank": loan_bank,
            "loan_amount": loan_amount,
            "loan_status": loan_status,
            "follow_up_on": follow_up_on,
            "dispatch_id": dispatch_id,
        }
    )
    with unit_of_work(s) as work:
        business = business_or_404(work.session, business_id)
        _check_record(work, values, business.id)
        booking = None
        if booking_id is not None:
            booking = get_or_404(work.session, Booking, booking_id, "予約")
            if booking.business_id != business.id or booking.status != "予約":
                raise ValidationError(
                    "この予約は別の事業者のものか、完了または取消済みです。予約を選び直してください。"
                )
        now = s.clock.now()
        record = Consultation(
            record_key=uuid.uuid4().hex,
            version=1,
            superseded=False,
            business_id=business.id,
            day=jst_day(values["at"]),
            industry=business.industry,
            owner=owner_of(s),
            created_by=s.user.name,
            created_at=now,
            **values,
        )
        work.session.add(record)
        work.session.flush()
        index_consultation(work.session, record)
        also: tuple[tuple[str, int], ...] = ()
        details: dict[str, Any] = {"consultation_id": record.id}
        if booking is not None:
            booking.status = "完了"
            booking.consultation_id = record.id
            details["booking_id"] = booking.id
            also = (("booking", booking.id),)
        entry = work.audit("consultation.add", target_type="business", target_id=business.id, **details)
        stamp(entry, record, *([booking] if booking is not None else []))
        row = consultation_rows(work.session, [record])[0]
        return change("consultation", "consultation.add", (record.id,), entry.seq, row, also)


def correct_consultation(s: VaultSession, consultation_id: int, **changes: Any) -> Change[ConsultationRow]:
    """A corrected version of the record (any of its versions): the current one is kept, superseded."""
    s.require(Capability.EDIT)
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise ValidationError(f"訂正できない項目があります: {', '.join(unknown)}。")
    values = _clean(changes)
    with unit_of_work(s) as work:
        given = get_or_404(work.session, Consultation, consultation_id, "相談記録")
        check_own(s, given, "相談記録")
        current = work.session.execute(
            select(Consultation).where(
                Consultation.record_key == given.record_key, Consultation.superseded.is_(False)
            )
        ).scalar_one()
        new_values = {name: getattr(current, name) for name in CORRECTABLE}
        new_values.update(values)
        changed = sorted(name for name, value in new_values.items() if getattr(current, name) != value)
        if not changed:
            raise ValidationError("訂正する内容が元の記録と同じです。変更してから保存してください。")
        _check_record(work, new_values, current.business_id)
        current.superseded = True
        unindex_consultation(work.session, current.id)
        work.session.flush()
        record = Consultation(
            record_key=current.record_key,
            version=current.version + 1,
            superseded=False,
            business_id=current.business_id,
            day=jst_day(new_values["at"]),
            industry=business_or_404(work.session, current.business_id).industry,
            owner=current.owner,
            created_by=s.user.name,
            created_at=s.clock.now(),
            **new_values,
        )
        work.session.add(record)
        work.session.flush()
        index_consultation(work.session, record)
        entry = work.audit(
            "consultation.correct",
            target_type="business",
            target_id=current.business_id,
            consultation_id=record.id,
            previous_id=current.id,
            version=record.version,
            fields=changed,
        )
        stamp(entry, record, current)
        row = consultation_rows(work.session, [record])[0]
        return change("consultation", "consultation.correct", (record.id, current.id), entry.seq, row)


def consultation_history(s: VaultSession, consultation_id: int) -> list[ConsultationRow]:
    """Every version of the record, oldest first. Audited as a view (`consultation.history`)."""
    s.require(Capability.READ)
    with unit_of_work(s) as work:
        given = get_or_404(work.session, Consultation, consultation_id, "相談記録")
        versions = (
            work.session.execute(
                select(Consultation)
                .where(Consultation.record_key == given.record_key)
                .order_by(Consultation.version)
            )
            .scalars()
            .all()
        )
        work.audit(
            "consultation.history",
            target_type="business",
            target_id=given.business_id,
            consultation_id=given.id,
            versions=len(versions),
        )
        return consultation_rows(work.session, versions)

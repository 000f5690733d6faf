"""Businesses (事業者): register, correct, and the card with its timeline (audited `business.view`).

Fields and checks: name required; readings in any kana (stored as full-width katakana); kind 法人 or
個人事業主; an industry of `INDUSTRIES`; employees a whole number; the representative's date of birth as a
date or as people write it (昭和50年3月2日, S50.3.2, 1975-03-02), not in the future; an e-mail address with
one @; a phone number of digits, hyphens and brackets. A second business with the same name and phone is
refused (it is almost always the same business entered twice).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import func, select, update

from saiken.domain.clock import JST
from saiken.domain.consultation_terms import BUSINESS_KINDS, INDUSTRIES, check_choice
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.domain.textfold import digits_only, fold, to_katakana
from saiken.domain.wareki import parse_date
from saiken.services.checks import MAX_TEXT, check_text
from saiken.services.consultations.common import business_or_404, check_own, owner_of, stamp
from saiken.services.consultations.convert import (
    application_rows,
    booking_rows,
    business_row,
    consultation_rows,
    dispatch_rows,
)
from saiken.services.consultations.fees import Standards
from saiken.services.consultations.rows import (
    ApplicationRow,
    BookingRow,
    BusinessCard,
    BusinessRow,
    Change,
    ConsultationRow,
    DispatchRow,
    TimelineEntry,
    change,
)
from saiken.services.consultations.search_index import reindex_business, write_business_keys
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.store.models import Booking, Business, BusinessSearch, Consultation, Dispatch, SeminarApplication
from saiken.store.models.seminars import Seminar

FIELDS: dict[str, str] = {
    "kind": "区分",
    "name": "事業所名",
    "name_kana": "事業所名フリガナ",
    "industry": "業種",
    "employees": "従業員数",
    "postal_code": "郵便番号",
    "address": "所在地",
    "phone": "電話番号",
    "email": "メールアドレス",
    "representative": "代表者氏名",
    "representative_kana": "代表者フリガナ",
    "representative_born": "代表者生年月日",
    "notes": "メモ",
}
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_RE = re.compile(r"^[0-9０-９\-‐－―ー()（）\s+]*$")
_POSTAL_RE = re.compile(r"^\d{3}-?\d{4}$")
_KANA_RE = re.compile(r"^[\u30a0-\u30ff\u3000・ー]*$")
_EARLIEST_BIRTH = dt.date(1900, 1, 1)


def _reading(value: object, label: str) -> str:
    text = to_katakana(check_text(value, label))
    if not _KANA_RE.match(text):
        raise ValidationError(f"{label}はカタカナまたはひらがなで入力してください。")
    return text


def _born(value: object, today: dt.date) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) or isinstance(value, dt.date):
        try:
            day = parse_date(value)
        except ValidationError as error:
            raise ValidationError(f"代表者生年月日: {error}") from None
    else:
        raise ValidationError("代表者生年月日を 昭和50年3月2日 や 1975-03-02 のように入力してください。")
    if day > today or day < _EARLIEST_BIRTH:
        raise ValidationError("代表者生年月日が正しくありません。和暦の元号と年を確かめてください。")
    return day


def clean_fields(values: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """Checked column values from the user's input (every key optional; unknown keys refused)."""
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise ValidationError(f"事業者にない項目です: {', '.join(unknown)}。")
    out: dict[str, Any] = {}
    for name, value in values.items():
        label = FIELDS[name]
        if name == "kind":
            out[name] = check_choice(value, label, BUSINESS_KINDS)
        elif name == "industry":
            out[name] = check_choice(value, label, INDUSTRIES)
        elif name == "name":
            out[name] = check_text(value, label, required=True)
        elif name in ("name_kana", "representative_kana"):
            out[name] = _reading(value, label)
        elif name == "employees":
            if value is None or value == "":
                out[name] = None
            elif isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000:
                raise ValidationError(f"{label}は0以上の整数で入力してください。")
            else:
                out[name] = value
        elif name == "email":
            text = check_text(value, label)
            if text and not _EMAIL_RE.match(text):
                raise ValidationError(f"{label}の形が正しくありません（例: info@example.jp）。")
            out[name] = text
        elif name == "phone":
            text = check_text(value, label, limit=32)
            if not _PHONE_RE.match(text) or (text and len(digits_only(text)) < 6):
                raise ValidationError(f"{label}は数字とハイフンで入力してください（例: 03-1234-5678）。")
            out[name] = text
        elif name == "postal_code":
            text = digits_only(check_text(value, label, limit=16))
            if text and not _POSTAL_RE.match(text):
                raise ValidationError(f"{label}は7桁で入力してください（例: 160-0022）。")
            out[name] = f"{text[:3]}-{text[3:]}" if text else ""
        elif name == "representative_born":
            out[name] = _born(value, today)
        elif name == "notes":
            out[name] = check_text(value, label, limit=MAX_TEXT)
        else:
            out[name] = check_text(value, label, limit=512 if name == "address" else 256)
    return out


def _duplicate(session: Any, name: str, phone: str, exclude: int | None = None) -> int | None:
    digits = digits_only(phone)
    if not digits:
        return None
    query = select(BusinessSearch.business_id).where(
        BusinessSearch.name_key == fold(name), BusinessSearch.phone_key == digits
    )
    if exclude is not None:
        query = query.where(BusinessSearch.business_id != exclude)
    return session.scalar(query.limit(1))


def add_business(s: VaultSession, *, name: str, **fields: Any) -> Change[BusinessRow]:
    """Register a business. Other fields as in FIELDS (kind defaults to 法人, industry to その他)."""
    s.require(Capability.EDIT)
    values = clean_fields({"name": name, **fields}, s.clock.today())
    with unit_of_work(s) as work:
        same = _duplicate(work.session, values["name"], values.get("phone", ""))
        if same is not None:
            raise ValidationError(
                f"同じ事業所名・電話番号の事業者が登録されています（事業者番号 {same}）。一覧から開いてください。"
            )
        now = s.clock.now()
        business = Business(
            owner=owner_of(s), created_by=s.user.name, created_at=now, updated_at=now, **values
        )
        work.session.add(business)
        work.session.flush()
        write_business_keys(work.session, [business], fresh=True)
        entry = work.audit("business.add", target_type="business", target_id=business.id)
        stamp(entry, business)
        return change("business", "business.add", (business.id,), entry.seq, business_row(business))


def update_business(s: VaultSession, business_id: int, **changes: Any) -> Change[BusinessRow]:
    """Correct a business's fields; the audit entry names the fields changed (never their values)."""
    s.require(Capability.EDIT)
    values = clean_fields(changes, s.clock.today())
    with unit_of_work(s) as work:
        business = business_or_404(work.session, business_id)
        check_own(s, business, "事業者")
        changed = sorted(name for name, value in values.items() if getattr(business, name) != value)
        if not changed:
            raise ValidationError("変更された項目がありません。内容を変えてから保存してください。")
        for name in changed:
            setattr(business, name, values[name])
        if "name" in changed or "phone" in changed:
            same = _duplicate(work.session, business.name, business.phone, exclude=business.id)
            if same is not None:
                raise ValidationError(
                    f"同じ事業所名・電話番号の事業者が登録されています（事業者番号 {same}）。入力を確かめてください。"
                )
        business.updated_at = s.clock.now()
        if "industry" in changed:  # the reports count consultations by the business's industry
            work.session.execute(
                update(Consultation)
                .where(Consultation.business_id == business.id)
                .values(industry=business.industry)
            )
        reindex_business(work.session, business.id)
        entry = work.audit("business.update", target_type="business", target_id=business.id, fields=changed)
        stamp(entry, business)
        return change("business", "business.update", (business.id,), entry.seq, business_row(business))


def get_business_card(s: VaultSession, business_id: int) -> BusinessCard:
    """The business with its consultations (current versions, newest first), bookings, dispatches and
    seminar applications, and one timeline of them all. Audited `business.view`."""
    s.require(Capability.READ)
    with unit_of_work(s) as work:
        db = work.session
        business = business_or_404(db, business_id)
        records = (
            db.execute(
                select(Consultation)
                .where(Consultation.business_id == business.id, Consultation.superseded.is_(False))
                .order_by(Consultation.at.desc(), Consultation.id.desc())
            )
            .scalars()
            .all()
        )
        bookings = (
            db.execute(
                select(Booking).where(Booking.business_id == business.id).order_by(Booking.starts_at.desc())
            )
            .scalars()
            .all()
        )
        dispatches = (
            db.execute(
                select(Dispatch)
                .where(Dispatch.business_id == business.id)
                .order_by(Dispatch.day.desc(), Dispatch.start_time.desc())
            )
            .scalars()
            .all()
        )
        applications = (
            db.execute(
                select(SeminarApplication)
                .where(SeminarApplication.business_id == business.id)
                .order_by(SeminarApplication.applied_at.desc())
            )
            .scalars()
            .all()
        )
        standards = Standards(db)
        consultation_list = consultation_rows(db, records)
        booking_list = booking_rows(db, bookings)
        dispatch_list = dispatch_rows(db, dispatches, {d.id: standards.on(d.day) for d in dispatches})
        application_list = application_rows(db, applications)
        titles = dict(
            db.execute(
                select(Seminar.id, Seminar.title).where(
                    Seminar.id.in_(sorted({a.seminar_id for a in applications}))
                )
            )
            .tuples()
            .all()
        )
        work.audit("business.view", target_type="business", target_id=business.id)
        timeline = _timeline(consultation_list, booking_list, dispatch_list, application_list, titles)
        return BusinessCard(
            business=business_row(business),
            consultations=tuple(consultation_list),
            bookings=tuple(booking_list),
            dispatches=tuple(dispatch_list),
            applications=tuple(application_list),
            timeline=timeline,
        )


def _timeline(
    consultations: list[ConsultationRow],
    bookings: list[BookingRow],
    dispatches: list[DispatchRow],
    applications: list[ApplicationRow],
    titles: dict[int, str],
) -> tuple[TimelineEntry, ...]:
    entries = [
        TimelineEntry(
            "consultation",
            c.id,
            c.at,
            f"相談（{c.form}）{'・'.join(c.categories)}",
            c.contents,
            f"第{c.version}版" if c.versions > 1 else "",
        )
        for c in consultations
    ]
    entries += [
        TimelineEntry("booking", b.id, b.starts_at, f"予約（{b.form}）{b.consultant}", b.purpose, b.status)
        for b in bookings
    ]
    entries += [
        TimelineEntry(
            "dispatch",
            d.id,
            dt.datetime.combine(d.day, d.start_time, tzinfo=JST),
            f"専門家派遣 {d.advisor}",
            d.summary,
            d.status,
        )
        for d in dispatches
    ]
    entries += [
        TimelineEntry(
            "seminar",
            a.id,
            a.applied_at,
            f"セミナー申込「{titles.get(a.seminar_id, '')}」",
            a.attendee,
            a.status,
        )
        for a in applications
    ]
    entries.sort(key=lambda e: (e.at, e.kind, e.id), reverse=True)
    return tuple(entries)


def business_count(s: VaultSession) -> int:
    """How many businesses are registered (a cheap count for empty states)."""
    s.require(Capability.READ)
    with read_session(s) as session:
        return int(session.scalar(select(func.count()).select_from(Business)) or 0)


__all__ = ["FIELDS", "add_business", "business_count", "get_business_card", "update_business"]

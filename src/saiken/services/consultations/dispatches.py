"""Advisors (専門家) and their dispatches to businesses (専門家派遣), with travel and lodging.

A dispatch records the support actually given face to face (start, end, any break), the travel — private
car km over the whole route, or public transport as claimed with the route's km for the day allowance —
and each night's lodging as paid. Its fee is computed, never stored (`fees`). Status: 予定 (planned), 実施
(carried out: on the month's statement), 取消 (cancelled, kept). A dispatch carried out cannot be in the
future.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from saiken.domain.advisor_fees import MAX_NIGHTS, parse_claim, parse_hhmm, support_minutes
from saiken.domain.consultation_terms import month_bounds
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.domain.textfold import to_katakana
from saiken.services.checks import MAX_TEXT, check_choice, check_date, check_text, get_or_404
from saiken.services.consultations.common import (
    advisor_or_404,
    business_or_404,
    check_own,
    km_to_metres,
    owner_of,
    stamp,
)
from saiken.services.consultations.convert import advisor_row, dispatch_rows
from saiken.services.consultations.fees import Standards
from saiken.services.consultations.rows import AdvisorRow, Change, DispatchRow, change
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.store.models import Advisor, Dispatch, DispatchNight
from saiken.store.models.dispatches import DISPATCH_STATUSES

ADVISOR_FIELDS = {
    "name": "氏名",
    "name_kana": "フリガナ",
    "specialty": "専門分野",
    "qualification": "資格",
    "base": "主たる活動拠点",
}
DISPATCH_FIELDS = (
    "advisor_id",
    "business_id",
    "day",
    "start_time",
    "end_time",
    "break_minutes",
    "car_km",
    "transport_yen",
    "route_km",
    "nights",
    "status",
    "summary",
)


# --- advisors -------------------------------------------------------------------------------------------


def _advisor_values(values: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(values) - set(ADVISOR_FIELDS))
    if unknown:
        raise ValidationError(f"専門家にない項目です: {', '.join(unknown)}。")
    out = {}
    for name, value in values.items():
        text = check_text(value, ADVISOR_FIELDS[name], required=name == "name", limit=128)
        out[name] = to_katakana(text) if name == "name_kana" else text
    return out


def list_advisors(s: VaultSession, *, include_inactive: bool = False) -> list[AdvisorRow]:
    s.require(Capability.READ)
    with read_session(s) as session:
        query = select(Advisor).order_by(Advisor.name_kana, Advisor.id)
        if not include_inactive:
            query = query.where(Advisor.active.is_(True))
        return [advisor_row(a) for a in session.scalars(query)]


def add_advisor(s: VaultSession, name: str, **fields: Any) -> Change[AdvisorRow]:
    s.require(Capability.EDIT)
    values = _advisor_values({"name": name, **fields})
    with unit_of_work(s) as work:
        if work.session.scalar(select(Advisor.id).where(Advisor.name == values["name"])) is not None:
            raise ValidationError("同じ氏名の専門家が登録されています。一覧から選んでください。")
        advisor = Advisor(owner=owner_of(s), created_at=s.clock.now(), **values)
        work.session.add(advisor)
        work.session.flush()
        entry = work.audit("advisor.add", target_type="advisor", target_id=advisor.id)
        stamp(entry, advisor)
        return change("advisor", "advisor.add", (advisor.id,), entry.seq, advisor_row(advisor))


def update_advisor(s: VaultSession, advisor_id: int, **changes: Any) -> Change[AdvisorRow]:
    s.require(Capability.EDIT)
    active = changes.pop("active", None)
    values = _advisor_values(changes)
    with unit_of_work(s) as work:
        advisor = advisor_or_404(work.session, advisor_id)
        check_own(s, advisor, "専門家")
        if active is not None:
            values["active"] = bool(active)
        changed = sorted(name for name, value in values.items() if getattr(advisor, name) != value)
        if not changed:
            raise ValidationError("変更された項目がありません。内容を変えてから保存してください。")
        for name in changed:
            setattr(advisor, name, values[name])
        entry = work.audit("advisor.update", target_type="advisor", target_id=advisor.id, fields=changed)
        stamp(entry, advisor)
        return change("advisor", "advisor.update", (advisor.id,), entry.seq, advisor_row(advisor))


# --- dispatches -------------------------------------------------------------------------------------------


def _nights(values: Sequence[object]) -> list[int]:
    if isinstance(values, str | bytes) or not isinstance(values, Sequence):
        raise ValidationError("宿泊費は1泊ごとの金額の一覧で指定してください。")
    if len(values) > MAX_NIGHTS:
        raise ValidationError(f"宿泊は{MAX_NIGHTS}泊までです。")
    return [parse_claim(value, f"宿泊費（{index}泊目）") for index, value in enumerate(values, start=1)]


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ("advisor_id", "business_id"):
        if name in values:
            value = values[name]
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError(f"{'専門家' if name == 'advisor_id' else '事業者'}を選んでください。")
            out[name] = value
    if "day" in values:
        out["day"] = check_date(values["day"], "派遣日")
    if "start_time" in values:
        out["start_time"] = parse_hhmm(values["start_time"], "支援の開始時刻")
    if "end_time" in values:
        out["end_time"] = parse_hhmm(values["end_time"], "支援の終了時刻")
    if "break_minutes" in values:
        value = values["break_minutes"] or 0
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError("休憩時間は0分以上の整数で入力してください。")
        out["break_minutes"] = value
    if "car_km" in values:
        value = values["car_km"]
        out["car_m"] = 0 if value in (None, "") else km_to_metres(value, "私有車の走行距離")
    if "route_km" in values:
        value = values["route_km"]
        out["route_m"] = None if value in (None, "") else km_to_metres(value, "全行程の距離")
    if "transport_yen" in values:
        value = values["transport_yen"]
        out["transport_yen"] = 0 if value in (None, "") else parse_claim(value, "交通費")
    if "nights" in values:
        out["nights"] = _nights(values["nights"] or ())
    if "status" in values:
        out["status"] = check_choice(values["status"], "派遣の状況", DISPATCH_STATUSES)
    if "summary" in values:
        out["summary"] = check_text(values["summary"], "支援内容", limit=MAX_TEXT)
    return out


def _check(s: VaultSession, session: Session, values: dict[str, Any]) -> None:
    support_minutes(values["start_time"], values["end_time"], values["break_minutes"])
    if values["status"] == "実施" and values["day"] > s.clock.today():
        raise ValidationError(
            "実施済みの派遣の日付が未来になっています。予定なら状況を「予定」にしてください。"
        )
    advisor_or_404(session, values["advisor_id"])
    business_or_404(session, values["business_id"])


def _write_nights(session: Session, dispatch: Dispatch, amounts: list[int]) -> None:
    session.execute(delete(DispatchNight).where(DispatchNight.dispatch_id == dispatch.id))
    for index, amount in enumerate(amounts):
        night = dispatch.day - dt.timedelta(days=1) + dt.timedelta(days=index)  # the first is 前泊
        session.add(DispatchNight(dispatch_id=dispatch.id, night_on=night, amount=amount))
    session.flush()


def _row(session: Session, dispatch: Dispatch) -> DispatchRow:
    standards = Standards(session)
    return dispatch_rows(session, [dispatch], {dispatch.id: standards.on(dispatch.day)})[0]


def add_dispatch(
    s: VaultSession,
    *,
    advisor_id: int,
    business_id: int,
    day: dt.date,
    start_time: Any,
    end_time: Any,
    break_minutes: int = 0,
    car_km: Any = None,
    transport_yen: Any = 0,
    route_km: Any = None,
    nights: Sequence[object] = (),
    status: str = "実施",
    summary: str = "",
) -> Change[DispatchRow]:
    """Record a dispatch. `car_km` / `route_km` as exact decimals (123.7 or "123.7"); `nights` each night's
    lodging as paid; the fee is computed under the standard in force on `day`."""
    s.require(Capability.EDIT)
    values = _clean(
        {
            "advisor_id": advisor_id,
            "business_id": business_id,
            "day": day,
            "start_time": start_time,
            "end_time": end_time,
            "break_minutes": break_minutes,
            "car_km": car_km,
            "transport_yen": transport_yen,
            "route_km": route_km,
            "nights": nights,
            "status": status,
            "summary": summary,
        }
    )
    amounts = values.pop("nights")
    with unit_of_work(s) as work:
        _check(s, work.session, values)
        now = s.clock.now()
        dispatch = Dispatch(
            owner=owner_of(s), created_by=s.user.name, created_at=now, updated_at=now, **values
        )
        work.session.add(dispatch)
        work.session.flush()
        _write_nights(work.session, dispatch, amounts)
        entry = work.audit(
            "dispatch.add", target_type="business", target_id=dispatch.business_id, dispatch_id=dispatch.id
        )
        stamp(entry, dispatch)
        return change("dispatch", "dispatch.add", (dispatch.id,), entry.seq, _row(work.session, dispatch))


_COLUMNS = {"car_km": "car_m", "route_km": "route_m"}


def update_dispatch(s: VaultSession, dispatch_id: int, **changes: Any) -> Change[DispatchRow]:
    """Correct a dispatch (any of DISPATCH_FIELDS). The audit entry names the fields changed."""
    s.require(Capability.EDIT)
    unknown = sorted(set(changes) - set(DISPATCH_FIELDS))
    if unknown:
        raise ValidationError(f"専門家派遣にない項目です: {', '.join(unknown)}。")
    values = _clean(changes)
    amounts = values.pop("nights", None)
    with unit_of_work(s) as work:
        dispatch = get_or_404(work.session, Dispatch, dispatch_id, "専門家派遣")
        check_own(s, dispatch, "専門家派遣")
        state = {
            name: getattr(dispatch, name)
            for name in (
                "advisor_id",
                "business_id",
                "day",
                "start_time",
                "end_time",
                "break_minutes",
                "status",
            )
        }
        state.update({k: v for k, v in values.items() if k in state})
        _check(s, work.session, state)
        changed = sorted(name for name, value in values.items() if getattr(dispatch, name) != value)
        old_nights = [
            n.amount
            for n in work.session.scalars(
                select(DispatchNight)
                .where(DispatchNight.dispatch_id == dispatch.id)
                .order_by(DispatchNight.night_on)
            )
        ]
        if amounts is not None and amounts != old_nights:
            changed.append("nights")
        if not changed:
            raise ValidationError("変更された項目がありません。内容を変えてから保存してください。")
        for name, value in values.items():
            setattr(dispatch, name, value)
        dispatch.updated_at = s.clock.now()
        work.session.flush()
        if amounts is not None or "day" in changed:
            _write_nights(work.session, dispatch, amounts if amounts is not None else old_nights)
        labels = sorted({next((k for k, v in _COLUMNS.items() if v == name), name) for name in changed})
        entry = work.audit(
            "dispatch.update",
            target_type="business",
            target_id=dispatch.business_id,
            dispatch_id=dispatch.id,
            fields=labels,
        )
        stamp(entry, dispatch)
        return change("dispatch", "dispatch.update", (dispatch.id,), entry.seq, _row(work.session, dispatch))


def cancel_dispatch(s: VaultSession, dispatch_id: int) -> Change[DispatchRow]:
    """取消: the dispatch is kept and leaves the statements."""
    s.require(Capability.EDIT)
    with unit_of_work(s) as work:
        dispatch = get_or_404(work.session, Dispatch, dispatch_id, "専門家派遣")
        check_own(s, dispatch, "専門家派遣")
        if dispatch.status == "取消":
            raise ValidationError("この派遣はすでに取り消されています。")
        dispatch.status = "取消"
        dispatch.updated_at = s.clock.now()
        entry = work.audit(
            "dispatch.cancel", target_type="business", target_id=dispatch.business_id, dispatch_id=dispatch.id
        )
        stamp(entry, dispatch)
        return change("dispatch", "dispatch.cancel", (dispatch.id,), entry.seq, _row(work.session, dispatch))


def list_dispatches(
    s: VaultSession,
    *,
    year: int | None = None,
    month: int | None = None,
    advisor_id: int | None = None,
    business_id: int | None = None,
) -> list[DispatchRow]:
    """Dispatches by day (newest first), of a month and/or an advisor or business."""
    s.require(Capability.READ)
    query = select(Dispatch).order_by(Dispatch.day.desc(), Dispatch.start_time.desc(), Dispatch.id.desc())
    if year is not None and month is not None:
        first, following = month_bounds(year, month)
        query = query.where(Dispatch.day >= first, Dispatch.day < following)
    if advisor_id is not None:
        query = query.where(Dispatch.advisor_id == advisor_id)
    if business_id is not None:
        query = query.where(Dispatch.business_id == business_id)
    with read_session(s) as session:
        dispatches = session.execute(query.limit(5000)).scalars().all()
        standards = Standards(session)
        return dispatch_rows(session, dispatches, {d.id: standards.on(d.day) for d in dispatches})

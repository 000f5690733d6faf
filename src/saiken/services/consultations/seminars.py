"""Seminars (セミナー), applications with a waiting list, and attendance.

An application takes a seat (参加確定) while confirmed applicants are fewer than the capacity; otherwise it
joins the waiting list (キャンセル待ち) — it is never refused for being full, and no other application
changes. When a confirmed applicant cancels, the first on the waiting list (lowest `queue_no`) moves up in
the same transaction; a capacity raised later moves up as many as the new seats. A capacity cannot fall
below the seats already confirmed. A cancelled seminar (中止) takes no applications; its roster is kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.domain.textfold import fold, to_katakana
from saiken.services.checks import MAX_TEXT, check_date, check_text, get_or_404
from saiken.services.consultations.common import business_or_404, check_own, owner_of, stamp
from saiken.services.consultations.convert import application_rows
from saiken.services.consultations.rows import ApplicationRow, Change, SeminarRoster, SeminarRow, change
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.store.models import Seminar, SeminarApplication

CONFIRMED = "参加確定"
WAITING = "キャンセル待ち"
CANCELLED = "取消"
MAX_CAPACITY = 1000


def _seminar_row(session: Session, seminar: Seminar) -> SeminarRow:
    counts = dict(
        session.execute(
            select(SeminarApplication.status, func.count())
            .where(SeminarApplication.seminar_id == seminar.id)
            .group_by(SeminarApplication.status)
        )
        .tuples()
        .all()
    )
    attended = session.scalar(
        select(func.count())
        .select_from(SeminarApplication)
        .where(
            SeminarApplication.seminar_id == seminar.id,
            SeminarApplication.status == CONFIRMED,
            SeminarApplication.attended.is_(True),
        )
    )
    return SeminarRow(
        id=seminar.id,
        title=seminar.title,
        held_on=seminar.held_on,
        starts_at=seminar.starts_at,
        ends_at=seminar.ends_at,
        venue=seminar.venue,
        capacity=seminar.capacity,
        status=seminar.status,
        notes=seminar.notes,
        confirmed=int(counts.get(CONFIRMED, 0)),
        waiting=int(counts.get(WAITING, 0)),
        attended=int(attended or 0),
    )


def _capacity(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_CAPACITY:
        raise ValidationError(f"定員は1〜{MAX_CAPACITY}の整数で入力してください。")
    return value


def _times(starts: object, ends: object) -> tuple[dt.time | None, dt.time | None]:
    for label, value in (("開始時刻", starts), ("終了時刻", ends)):
        if value is not None and not isinstance(value, dt.time):
            raise ValidationError(f"{label}を時刻で指定してください。")
    if isinstance(starts, dt.time) and isinstance(ends, dt.time) and ends <= starts:
        raise ValidationError("終了時刻が開始時刻より後になっていません。時刻を確かめてください。")
    return starts, ends  # type: ignore[return-value]


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "title" in values:
        out["title"] = check_text(values["title"], "セミナー名", required=True)
    if "held_on" in values:
        out["held_on"] = check_date(values["held_on"], "開催日")
    if "venue" in values:
        out["venue"] = check_text(values["venue"], "会場")
    if "capacity" in values:
        out["capacity"] = _capacity(values["capacity"])
    if "notes" in values:
        out["notes"] = check_text(values["notes"], "メモ", limit=MAX_TEXT)
    return out


def add_seminar(
    s: VaultSession,
    *,
    title: str,
    held_on: dt.date,
    capacity: int,
    venue: str = "",
    starts_at: dt.time | None = None,
    ends_at: dt.time | None = None,
    notes: str = "",
) -> Change[SeminarRow]:
    s.require(Capability.EDIT)
    values = _clean(
        {"title": title, "held_on": held_on, "capacity": capacity, "venue": venue, "notes": notes}
    )
    start, end = _times(starts_at, ends_at)
    with unit_of_work(s) as work:
        seminar = Seminar(
            starts_at=start,
            ends_at=end,
            status="予定",
            owner=owner_of(s),
            created_by=s.user.name,
            created_at=s.clock.now(),
            **values,
        )
        work.session.add(seminar)
        work.session.flush()
        entry = work.audit("seminar.add", target_type="seminar", target_id=seminar.id)
        stamp(entry, seminar)
        return change("seminar", "seminar.add", (seminar.id,), entry.seq, _seminar_row(work.session, seminar))


def _move_up(session: Session, seminar: Seminar, now: dt.datetime) -> list[SeminarApplication]:
    """Fill free seats from the waiting list, first come first served. Returns those moved up."""
    confirmed = session.scalar(
        select(func.count())
        .select_from(SeminarApplication)
        .where(SeminarApplication.seminar_id == seminar.id, SeminarApplication.status == CONFIRMED)
    )
    free = seminar.capacity - int(confirmed or 0)
    if free <= 0:
        return []
    waiting = (
        session.execute(
            select(SeminarApplication)
            .where(SeminarApplication.seminar_id == seminar.id, SeminarApplication.status == WAITING)
            .order_by(SeminarApplication.queue_no)
            .limit(free)
        )
        .scalars()
        .all()
    )
    for application in waiting:
        application.status = CONFIRMED
        application.confirmed_at = now
    return list(waiting)


def update_seminar(s: VaultSession, seminar_id: int, **changes: Any) -> Change[SeminarRow]:
    """Change title, date, venue, times, capacity or notes. More seats move the waiting list up."""
    s.require(Capability.EDIT)
    times = {name: changes.pop(name) for name in ("starts_at", "ends_at") if name in changes}
    unknown = sorted(set(changes) - {"title", "held_on", "venue", "capacity", "notes"})
    if unknown:
        raise ValidationError(f"セミナーにない項目です: {', '.join(unknown)}。")
    values = _clean(changes)
    with unit_of_work(s) as work:
        seminar = get_or_404(work.session, Seminar, seminar_id, "セミナー")
        check_own(s, seminar, "セミナー")
        start, end = _times(times.get("starts_at", seminar.starts_at), times.get("ends_at", seminar.ends_at))
        values.update({"starts_at": start, "ends_at": end})
        if "capacity" in values:
            confirmed = _seminar_row(work.session, seminar).confirmed
            if values["capacity"] < confirmed:
                raise ValidationError(
                    f"定員を参加確定の人数（{confirmed}名）より少なくできません。先に取消の手続きをしてください。"
                )
        changed = sorted(name for name, value in values.items() if getattr(seminar, name) != value)
        if not changed:
            raise ValidationError("変更された項目がありません。内容を変えてから保存してください。")
        for name in changed:
            setattr(seminar, name, values[name])
        moved = _move_up(work.session, seminar, s.clock.now()) if seminar.status == "予定" else []
        work.session.flush()
        entry = work.audit(
            "seminar.update",
            target_type="seminar",
            target_id=seminar.id,
            fields=changed,
            moved_up=[a.id for a in moved],
        )
        stamp(entry, seminar, *moved)
        row = _seminar_row(work.session, seminar)
        also = tuple(("seminar_application", a.id) for a in moved)
        return change("seminar", "seminar.update", (seminar.id,), entry.seq, row, also)


def cancel_seminar(s: VaultSession, seminar_id: int) -> Change[SeminarRow]:
    """The seminar is called off (中止). Applications are kept as they were, for the record."""
    s.require(Capability.EDIT)
    with unit_of_work(s) as work:
        seminar = get_or_404(work.session, Seminar, seminar_id, "セミナー")
        check_own(s, seminar, "セミナー")
        if seminar.status == "中止":
            raise ValidationError("このセミナーはすでに中止になっています。")
        seminar.status = "中止"
        entry = work.audit("seminar.cancel", target_type="seminar", target_id=seminar.id)
        stamp(entry, seminar)
        return change(
            "seminar", "seminar.cancel", (seminar.id,), entry.seq, _seminar_row(work.session, seminar)
        )


def list_seminars(s: VaultSession, *, from_day: dt.date | None = None) -> list[SeminarRow]:
    """Seminars by date (from `from_day` when given), with their counts."""
    s.require(Capability.READ)
    with read_session(s) as session:
        query = select(Seminar).order_by(Seminar.held_on, Seminar.starts_at, Seminar.id)
        if from_day is not None:
            query = query.where(Seminar.held_on >= from_day)
        return [_seminar_row(session, seminar) for seminar in session.scalars(query)]


def apply(
    s: VaultSession, seminar_id: int, *, business_id: int, attendee: str, attendee_kana: str = ""
) -> Change[ApplicationRow]:
    """An application: a seat while there is room, else the waiting list. The same person of the same
    business applying twice is refused."""
    s.require(Capability.EDIT)
    person = check_text(attendee, "参加者氏名", required=True, limit=128)
    reading = to_katakana(check_text(attendee_kana, "参加者フリガナ", limit=128))
    with unit_of_work(s) as work:
        seminar = get_or_404(work.session, Seminar, seminar_id, "セミナー")
        check_own(s, seminar, "セミナー")
        if seminar.status != "予定":
            raise ValidationError("このセミナーは中止になったため、申込みを受け付けられません。")
        if seminar.held_on < s.clock.today():
            raise ValidationError("このセミナーは開催日を過ぎているため、申込みを受け付けられません。")
        business = business_or_404(work.session, business_id)
        live = work.session.execute(
            select(SeminarApplication.attendee).where(
                SeminarApplication.seminar_id == seminar.id,
                SeminarApplication.business_id == business.id,
                SeminarApplication.status != CANCELLED,
            )
        ).scalars()
        if any(fold(name) == fold(person) for name in live):
            raise ValidationError("この参加者はすでに申し込んでいます（参加確定またはキャンセル待ち）。")
        row = _seminar_row(work.session, seminar)
        queue_no = (
            work.session.scalar(
                select(func.max(SeminarApplication.queue_no)).where(
                    SeminarApplication.seminar_id == seminar.id
                )
            )
            or 0
        ) + 1
        now = s.clock.now()
        seat = row.confirmed < seminar.capacity
        application = SeminarApplication(
            seminar_id=seminar.id,
            business_id=business.id,
            attendee=person,
            attendee_kana=reading,
            status=CONFIRMED if seat else WAITING,
            queue_no=queue_no,
            applied_at=now,
            confirmed_at=now if seat else None,
            owner=owner_of(s),
            created_by=s.user.name,
        )
        work.session.add(application)
        work.session.flush()
        entry = work.audit(
            "seminar.apply",
            target_type="seminar",
            target_id=seminar.id,
            application_id=application.id,
            business_id=business.id,
            waiting=not seat,
        )
        stamp(entry, application)
        result = application_rows(work.session, [application])[0]
        return change("seminar", "seminar.apply", (application.id,), entry.seq, result)


def cancel_application(s: VaultSession, application_id: int) -> Change[ApplicationRow]:
    """Cancel an application (kept, with 取消). A seat given up goes to the first on the waiting list."""
    s.require(Capability.EDIT)
    with unit_of_work(s) as work:
        application = get_or_404(work.session, SeminarApplication, application_id, "セミナーの申込み")
        if application.status == CANCELLED:
            raise ValidationError("この申込みはすでに取り消されています。")
        seminar = get_or_404(work.session, Seminar, application.seminar_id, "セミナー")
        check_own(s, seminar, "セミナー")
        had_seat = application.status == CONFIRMED
        now = s.clock.now()
        application.status = CANCELLED
        application.cancelled_at = now
        work.session.flush()
        moved = _move_up(work.session, seminar, now) if had_seat and seminar.status == "予定" else []
        work.session.flush()
        entry = work.audit(
            "seminar.cancel_application",
            target_type="seminar",
            target_id=seminar.id,
            application_id=application.id,
            moved_up=[a.id for a in moved],
        )
        stamp(entry, application, *moved)
        result = application_rows(work.session, [application])[0]
        also = tuple(("seminar_application", a.id) for a in moved)
        return change("seminar", "seminar.cancel_application", (application.id,), entry.seq, result, also)


def _roster(session: Session, seminar: Seminar) -> SeminarRoster:
    applications = (
        session.execute(
            select(SeminarApplication)
            .where(SeminarApplication.seminar_id == seminar.id)
            .order_by(SeminarApplication.queue_no)
        )
        .scalars()
        .all()
    )
    rows = application_rows(session, applications)
    return SeminarRoster(
        seminar=_seminar_row(session, seminar),
        confirmed=tuple(r for r in rows if r.status == CONFIRMED),
        waiting=tuple(r for r in rows if r.status == WAITING),
        cancelled=tuple(r for r in rows if r.status == CANCELLED),
    )


def seminar_roster(s: VaultSession, seminar_id: int) -> SeminarRoster:
    """Confirmed applicants, the waiting list in order, and cancellations. Audited `seminar.roster`."""
    s.require(Capability.READ)
    with unit_of_work(s) as work:
        seminar = get_or_404(work.session, Seminar, seminar_id, "セミナー")
        roster = _roster(work.session, seminar)
        work.audit(
            "seminar.roster",
            target_type="seminar",
            target_id=seminar.id,
            applicants=len(roster.confirmed) + len(roster.waiting) + len(roster.cancelled),
        )
        return roster


def record_attendance(s: VaultSession, seminar_id: int, attended: dict[int, bool]) -> Change[SeminarRoster]:
    """Attendance of confirmed applicants (True present, False absent), on or after the seminar's day."""
    s.require(Capability.EDIT)
    if not attended:
        raise ValidationError("出欠を記録する参加者を選んでください。")
    with unit_of_work(s) as work:
        seminar = get_or_404(work.session, Seminar, seminar_id, "セミナー")
        check_own(s, seminar, "セミナー")
        if seminar.held_on > s.clock.today():
            raise ValidationError("開催日より前のため、出欠はまだ記録できません。")
        changed = []
        for application_id, present in attended.items():
            application = get_or_404(work.session, SeminarApplication, application_id, "セミナーの申込み")
            if application.seminar_id != seminar.id or application.status != CONFIRMED:
                raise ValidationError(
                    f"申込み（番号 {application_id}）はこのセミナーの参加確定者ではありません。一覧を開き直してください。"
                )
            application.attended = bool(present)
            changed.append(application)
        work.session.flush()
        entry = work.audit(
            "seminar.attendance",
            target_type="seminar",
            target_id=seminar.id,
            present=sum(1 for a in changed if a.attended),
            absent=sum(1 for a in changed if not a.attended),
        )
        stamp(entry, *changed)
        roster = _roster(work.session, seminar)
        return change("seminar", "seminar.attendance", tuple(a.id for a in changed), entry.seq, roster)

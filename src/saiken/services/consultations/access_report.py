"""The access report for the supervisor (アクセス状況の分析), from the audit log (issue 10 item 4).

Seed 001's checklist asks that access logs be kept and analysed regularly. For a period this gives, per
user, how many actions of each kind the audit log holds, and lists what deserves a look:

- sign-ins outside office hours (before `office_start`, from `office_end`, or on a Saturday or Sunday —
  public holidays are not known to the application and are counted as working days);
- bulk views: a user opening `bulk_threshold` or more records (cards, histories, rosters, attachments)
  within `window_minutes` — the pattern of someone copying a file by hand;
- exports and saved files (every `export.*` entry and every file saved), with their row counts;
- failed sign-ins, at the time they happened.

Reading it needs Capability.READ_AUDIT; making it is itself audited (`audit.access_report`, counts only),
so the log shows that it was analysed and when.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.domain.wareki import format_wareki
from saiken.exchange.pdf.access_report import AccessSheet, render_access_report
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.file_protection import FilePassword, SavedFile, file_type_of, save_personal_file
from saiken.store.models import AuditEntry

OFFICE_START = dt.time(8, 30)
OFFICE_END = dt.time(17, 15)
BULK_THRESHOLD = 30
WINDOW_MINUTES = 60
MAX_DAYS = 366
VIEW_ACTIONS = frozenset(
    {
        "record.history",
        "consultation.history",
        "seminar.roster",
        "attachment.read",
        "debtor.list",
        "search.summary",
    }
)


@dataclass(frozen=True)
class UserAccess:
    actor: str
    total: int
    sign_ins: int
    failed_sign_ins: int
    views: int
    edits: int
    exports: int
    out_of_hours: int  # actions of any kind outside office hours


@dataclass(frozen=True)
class AccessEvent:
    at: dt.datetime
    actor: str
    action: str
    detail: str = ""


@dataclass(frozen=True)
class BulkView:
    actor: str
    start: dt.datetime
    end: dt.datetime
    views: int


@dataclass(frozen=True)
class AccessReport:
    since: dt.date
    until: dt.date
    office_start: dt.time
    office_end: dt.time
    bulk_threshold: int
    window_minutes: int
    entries: int
    users: tuple[UserAccess, ...]
    out_of_hours_sign_ins: tuple[AccessEvent, ...]
    bulk_views: tuple[BulkView, ...]
    exports: tuple[AccessEvent, ...]
    failed_sign_ins: tuple[AccessEvent, ...]


def kind_of(action: str) -> str:
    """sign_in / failed / view / export / edit — how the report counts an audit action."""
    if action == "auth.sign_in":
        return "sign_in"
    if action in ("auth.sign_in_failed", "auth.sign_in_failures_reported"):
        return "failed"
    if action.endswith(".view") or action in VIEW_ACTIONS:
        return "view"
    if action.startswith("export.") or ".export" in action or action.endswith(("_saved", ".save", ".print")):
        return "export"
    return "edit"


def outside_hours(at: dt.datetime, start: dt.time = OFFICE_START, end: dt.time = OFFICE_END) -> bool:
    local = at.astimezone(JST)
    if local.weekday() >= 5:
        return True
    moment = local.time().replace(tzinfo=None)
    return moment < start or moment >= end


def _details(entry: AuditEntry) -> dict[str, object]:
    try:
        data = json.loads(entry.details)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _failure_time(entry: AuditEntry) -> dt.datetime:
    """A failed sign-in is written at the next sign-in; its own time is in the details."""
    value = _details(entry).get("at")
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        except ValueError:
            pass
    return entry.at


def _bursts(actor: str, times: list[dt.datetime], threshold: int, window: dt.timedelta) -> list[BulkView]:
    """Maximal runs in which every `threshold` consecutive views fall within `window`."""
    found: list[BulkView] = []
    times.sort()
    index = 0
    while index + threshold <= len(times):
        if times[index + threshold - 1] - times[index] <= window:
            end = index + threshold - 1
            while end + 1 < len(times) and times[end + 1] - times[end + 1 - threshold + 1] <= window:
                end += 1
            found.append(BulkView(actor, times[index], times[end], end - index + 1))
            index = end + 1
        else:
            index += 1
    return found


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=JST)


def access_report(
    s: VaultSession,
    *,
    since: dt.date,
    until: dt.date,
    office_start: dt.time = OFFICE_START,
    office_end: dt.time = OFFICE_END,
    bulk_threshold: int = BULK_THRESHOLD,
    window_minutes: int = WINDOW_MINUTES,
) -> AccessReport:
    """The access report of `since`..`until` (Japanese calendar days, both included)."""
    s.require(Capability.READ_AUDIT)
    if since > until:
        raise ValidationError("期間の開始日が終了日より後です。期間を確かめてください。")
    if (until - since).days >= MAX_DAYS:
        raise ValidationError("期間が長すぎます（1年まで）。期間を分けて作成してください。")
    if office_end <= office_start:
        raise ValidationError("勤務時間の終了が開始より後になっていません。")
    if bulk_threshold < 2 or not 1 <= window_minutes <= 24 * 60:
        raise ValidationError("大量閲覧の基準は2件以上、時間幅は1〜1440分で指定してください。")
    window = dt.timedelta(minutes=window_minutes)
    with unit_of_work(s) as work:
        entries = (
            work.session.execute(
                select(AuditEntry)
                .where(
                    AuditEntry.at >= _day_start(since),
                    AuditEntry.at < _day_start(until + dt.timedelta(days=1)),
                )
                .order_by(AuditEntry.seq)
            )
            .scalars()
            .all()
        )
        tallies: dict[str, Counter[str]] = defaultdict(Counter)
        views: dict[str, list[dt.datetime]] = defaultdict(list)
        late_sign_ins, exports, failures = [], [], []
        for entry in entries:
            kind = kind_of(entry.action)
            when = _failure_time(entry) if kind == "failed" else entry.at
            tally = tallies[entry.actor]
            tally["total"] += 1
            tally[kind] += 1
            late = outside_hours(when, office_start, office_end)
            if late:
                tally["out_of_hours"] += 1
            if kind == "sign_in" and late:
                late_sign_ins.append(AccessEvent(when, entry.actor, entry.action, _when_text(when)))
            elif kind == "failed":
                failures.append(
                    AccessEvent(when, entry.actor, entry.action, _when_text(when) if late else "")
                )
            elif kind == "view":
                views[entry.actor].append(entry.at)
            elif kind == "export":
                rows = _details(entry).get("rows")
                exports.append(
                    AccessEvent(
                        entry.at, entry.actor, entry.action, f"{rows}件" if isinstance(rows, int) else ""
                    )
                )
        bulk = [
            burst
            for actor, times in sorted(views.items())
            for burst in _bursts(actor, times, bulk_threshold, window)
        ]
        users = tuple(
            UserAccess(
                actor=actor,
                total=t["total"],
                sign_ins=t["sign_in"],
                failed_sign_ins=t["failed"],
                views=t["view"],
                edits=t["edit"],
                exports=t["export"],
                out_of_hours=t["out_of_hours"],
            )
            for actor, t in sorted(tallies.items())
        )
        report = AccessReport(
            since=since,
            until=until,
            office_start=office_start,
            office_end=office_end,
            bulk_threshold=bulk_threshold,
            window_minutes=window_minutes,
            entries=len(entries),
            users=users,
            out_of_hours_sign_ins=tuple(late_sign_ins),
            bulk_views=tuple(bulk),
            exports=tuple(exports),
            failed_sign_ins=tuple(failures),
        )
        work.audit(
            "audit.access_report",
            since=since.isoformat(),
            until=until.isoformat(),
            entries=len(entries),
            flagged=len(late_sign_ins) + len(bulk) + len(failures),
        )
        return report


_WEEKDAYS = "月火水木金土日"


def _when_text(at: dt.datetime) -> str:
    local = at.astimezone(JST)
    return f"{_WEEKDAYS[local.weekday()]}曜日 {local:%H:%M}"


def access_sheet(s: VaultSession, report: AccessReport) -> AccessSheet:
    """The report as the exchange layer's sheet."""
    period = f"{format_wareki(report.since)}～{format_wareki(report.until)}"
    return AccessSheet(
        organisation=s.org_name,
        period=period,
        office_hours=f"平日 {report.office_start:%H:%M}〜{report.office_end:%H:%M}（土日は時間外。祝日は平日として数えます）",
        bulk_rule=f"{report.window_minutes}分以内に{report.bulk_threshold}件以上の記録を開いたとき",
        entries=report.entries,
        issued_on=s.clock.today(),
        users=[
            (u.actor, u.total, u.sign_ins, u.failed_sign_ins, u.views, u.edits, u.exports, u.out_of_hours)
            for u in report.users
        ],
        out_of_hours=[(e.at, e.actor, e.detail) for e in report.out_of_hours_sign_ins],
        bulk_views=[(b.actor, b.start, b.end, b.views) for b in report.bulk_views],
        exports=[(e.at, e.actor, e.action, e.detail) for e in report.exports],
        failed=[(e.at, e.actor, e.detail or "") for e in report.failed_sign_ins],
    )


def access_report_pdf(s: VaultSession, report: AccessReport) -> bytes:
    """The report as PDF bytes, for a preview or printing from memory."""
    s.require(Capability.READ_AUDIT)
    return render_access_report(access_sheet(s, report))


def save_access_report(
    s: VaultSession, report: AccessReport, path: Path | str, *, password: FilePassword | None = None
) -> SavedFile:
    """Save the report's PDF to `path` (staff accounts and times; audited `export.access_report`)."""
    s.require(Capability.READ_AUDIT)
    if file_type_of(path) != "pdf":
        raise ValidationError(f"保存先「{Path(path).name}」は .pdf のファイル名にしてください。")
    data = render_access_report(access_sheet(s, report))
    with unit_of_work(s) as work:
        saved = save_personal_file(s, path, data, title="アクセス状況報告書", password=password)
        work.audit(
            "export.access_report",
            since=report.since.isoformat(),
            until=report.until.isoformat(),
            **saved.audit_details(),
        )
    return saved

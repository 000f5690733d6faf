"""Files of the consultation area: advisors' monthly fee statements and the consultation report, as PDF
or .xlsx, made in memory; previews stay in memory, and only an explicit save writes a file (audited).

- `fee_statement_document(s, advisor_id, year, month, file_type)` → bytes for a preview (audited
  `fee_statement.view`: the statement names the businesses visited).
- `save_fee_statement(s, advisor_id, year, month, path, *, password=None)` → SavedFile (Capability.EXPORT;
  through `services.file_protection.save_personal_file`; audited `export.fee_statement` with the advisor, the
  month, the row count and `saved.audit_details()` — never the password or the path). A statement holds
  personal data, so the UI offers a password (`ui.kit.protected_save`); it is set in memory first.
- `consultation_report_document(s, year, month, file_type)` / `save_consultation_report(...)` → the same for
  the report (counts only; audited `export.consultation_report`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from sqlalchemy.orm import Session

from saiken.domain.advisor_fees import FeeProfile
from saiken.domain.consultation_terms import fiscal_months
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.domain.wareki import format_fiscal_year, format_wareki
from saiken.exchange.excel.consultation_report import consultation_report_bytes
from saiken.exchange.excel.fee_statement import fee_statement_bytes
from saiken.exchange.pdf.consultation_report import ReportSheet, SeminarLine, render_consultation_report
from saiken.exchange.pdf.fee_statement import (
    FeeStatementSheet,
    StatementDay,
    StatementDispatch,
    render_fee_statement,
)
from saiken.services.consultations.fees import Standards, statement_for
from saiken.services.consultations.reports import ConsultationReport, Counts, report_in
from saiken.services.consultations.rows import AdvisorStatement
from saiken.services.context import VaultSession, Work, unit_of_work
from saiken.services.file_protection import FilePassword, SavedFile, file_type_of, save_personal_file

FileType = Literal["pdf", "xlsx"]
_SUFFIXES: dict[str, FileType] = {".pdf": "pdf", ".xlsx": "xlsx"}


def profile_rules(profile: FeeProfile) -> list[str]:
    """The figures of a fee standard in words, for the statement."""
    return [
        f"謝金は1時間あたり{profile.hourly_yen:,}円（消費税込み）、{profile.unit_minutes}分単位"
        f"（{profile.unit_minutes}分未満は切り捨て）、日額{profile.daily_cap_yen:,}円を上限とします。"
        "対面で支援した時間に限ります（同じ日の派遣は合わせて計算します）。",
        f"交通費は公共交通機関の運賃を請求どおり、私有車は全路程を通算し1kmあたり{profile.car_yen_per_km}円"
        "（1km未満の端数は切り捨て）。",
        f"日当は全行程{profile.allowance_min_km}km以上の移動で、かつ{profile.allowance_min_minutes}分以上の支援があった"
        f"日に{profile.allowance_yen:,}円。",
        f"宿泊費は1泊{profile.lodging_cap_yen:,}円を上限に実費。",
    ]


def _fee_sheet(session: Session, s: VaultSession, statement: AdvisorStatement) -> FeeStatementSheet:
    first_day = dt.date(statement.year, statement.month, 1)
    profile = Standards(session).on(first_day)
    return FeeStatementSheet(
        organisation=s.org_name,
        advisor=statement.advisor.name,
        qualification=statement.advisor.qualification,
        base=statement.advisor.base,
        year=statement.year,
        month=statement.month,
        issued_on=s.clock.today(),
        days=[
            StatementDay(
                d.day,
                d.dispatches,
                d.minutes,
                d.honorarium,
                d.capped,
                d.car_km,
                d.travel,
                d.day_allowance,
                d.lodging,
                d.nights,
                d.total,
            )
            for d in statement.days
        ],
        dispatches=[
            StatementDispatch(line.day, line.business_name, line.start_time, line.end_time, line.minutes)
            for line in statement.lines
        ],
        honorarium=statement.honorarium,
        travel=statement.travel,
        day_allowance=statement.day_allowance,
        lodging=statement.lodging,
        total=statement.total,
        standards=statement.profiles,
        rules=profile_rules(profile),
    )


def _rows3(month: Counts, year: Counts, attribute: str) -> list[tuple[str, int, int]]:
    this = dict(getattr(month, attribute))
    labels = [label for label, _ in getattr(year, attribute)]
    return [
        (label, this.get(label, 0), count) for label, count in getattr(year, attribute) if label in labels
    ]


def report_sheet(s: VaultSession, report: ConsultationReport) -> ReportSheet:
    """The report's figures as the exchange layer's sheet (shared by the PDF and the workbook)."""
    month, year = report.month_counts, report.year_counts
    month_text = format_wareki(dt.date(report.year, report.month, 1))
    consultants = dict(month.by_consultant)
    return ReportSheet(
        organisation=s.org_name,
        month_label=month_text[: month_text.index("月") + 1],
        fiscal_label=format_fiscal_year(report.fiscal_year),
        period=f"{format_wareki(report.period_from)}～{format_wareki(report.period_to)}",
        issued_on=s.clock.today(),
        totals=[
            ("相談件数", month.consultations, year.consultations),
            ("相談した事業者数", month.businesses, year.businesses),
            ("融資あっせん", month.loan_mediations, year.loan_mediations),
        ],
        by_category=_rows3(month, year, "by_category"),
        by_form=_rows3(month, year, "by_form"),
        by_industry=[row for row in _rows3(month, year, "by_industry") if row[2]],
        by_consultant=[(name, consultants.get(name, 0), count) for name, count in year.by_consultant],
        month_names=[f"{m}月" for _, m in fiscal_months(report.fiscal_year)],
        series=[("相談件数", [p.consultations for p in report.series])]
        + [
            (form, [None if p.consultations is None else dict(p.by_form)[form] for p in report.series])
            for form, _ in year.by_form
        ],
        seminars=[
            SeminarLine(
                x.title,
                x.held_on,
                x.status,
                x.capacity,
                x.confirmed,
                x.attended,
                x.waiting,
                x.cancelled,
                x.attendance_rate,
            )
            for x in report.seminars
        ],
    )


def _check_type(file_type: str) -> FileType:
    if file_type not in ("pdf", "xlsx"):
        raise ValidationError("ファイルの種類は PDF か Excel（.xlsx）を選んでください。")
    return file_type  # type: ignore[return-value]


def _fee_bytes(work: Work, advisor_id: int, year: int, month: int, file_type: FileType) -> tuple[bytes, int]:
    statement = statement_for(work.session, advisor_id, year, month)
    sheet = _fee_sheet(work.session, work.vault, statement)
    data = render_fee_statement(sheet) if file_type == "pdf" else fee_statement_bytes(sheet)
    return data, len(statement.lines)


def fee_statement_document(
    s: VaultSession, advisor_id: int, year: int, month: int, file_type: str = "pdf"
) -> bytes:
    """The statement as PDF or .xlsx bytes, for a preview from memory. Audited `fee_statement.view`."""
    s.require(Capability.READ)
    kind = _check_type(file_type)
    with unit_of_work(s) as work:
        data, rows = _fee_bytes(work, advisor_id, year, month, kind)
        work.audit(
            "fee_statement.view",
            target_type="advisor",
            target_id=advisor_id,
            year=year,
            month=month,
            rows=rows,
        )
        return data


def save_fee_statement(
    s: VaultSession,
    advisor_id: int,
    year: int,
    month: int,
    path: Path | str,
    *,
    password: FilePassword | None = None,
) -> SavedFile:
    """Save the statement to `path` (.pdf or .xlsx), protected with `password` when given (the shared
    saver: protected in memory, written atomically; audited with its protection, never the password)."""
    s.require(Capability.EXPORT)
    kind = file_type_of(path)
    with unit_of_work(s) as work:
        data, rows = _fee_bytes(work, advisor_id, year, month, kind)
        saved = save_personal_file(s, path, data, title="謝金・旅費 支払明細書", password=password)
        work.audit(
            "export.fee_statement",
            target_type="advisor",
            target_id=advisor_id,
            year=year,
            month=month,
            file_type=kind,
            rows=rows,
            **saved.audit_details(),
        )
        return saved


def _report_bytes(work: Work, year: int, month: int, file_type: FileType) -> bytes:
    sheet = report_sheet(work.vault, report_in(work.session, year, month))
    return render_consultation_report(sheet) if file_type == "pdf" else consultation_report_bytes(sheet)


def consultation_report_document(s: VaultSession, year: int, month: int, file_type: str = "pdf") -> bytes:
    """The report as PDF or .xlsx bytes (counts only), for a preview from memory. Not audited."""
    s.require(Capability.READ)
    kind = _check_type(file_type)
    with unit_of_work(s) as work:
        return _report_bytes(work, year, month, kind)


def save_consultation_report(
    s: VaultSession, year: int, month: int, path: Path | str, *, password: FilePassword | None = None
) -> SavedFile:
    """Save the report (counts only) to `path`, with a password when given."""
    s.require(Capability.EXPORT)
    kind = file_type_of(path)
    with unit_of_work(s) as work:
        data = _report_bytes(work, year, month, kind)
        saved = save_personal_file(s, path, data, title="相談実績報告書", password=password)
        work.audit(
            "export.consultation_report", year=year, month=month, file_type=kind, **saved.audit_details()
        )
        return saved

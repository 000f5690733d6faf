"""The report screen: a month's and the fiscal year's consultation counts by category, form, industry and
consultant, drawn as bar and line charts (QPainter) beside the tables, seminar attendance, and the exports
(PDF with charts, Excel). A supervisor also gets the access report from the audit log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.consultation_terms import fiscal_months
from saiken.domain.roles import Capability
from saiken.domain.wareki import format_fiscal_year, format_wareki
from saiken.services.consultations import access_report as access
from saiken.services.consultations import exports
from saiken.services.consultations.reports import consultation_report
from saiken.ui.consultations.charts import BarChart, LineChart
from saiken.ui.consultations.dispatch_page import MonthPicker
from saiken.ui.consultations.file_saving import PdfPreview, save_file
from saiken.ui.kit.tables import ReadOnlyTable


def _rows(month: Any, year: Any, attribute: str) -> list[list[str]]:
    this = dict(getattr(month, attribute))
    return [[label, f"{this.get(label, 0):,}", f"{count:,}"] for label, count in getattr(year, attribute)]


class ReportPage(QWidget):
    def __init__(self, context: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportPage")
        self.context = context
        self.report: Any = None
        self.picker = MonthPicker(context.clock.today(), self.refresh)
        self.summary = QLabel("")
        self.summary.setObjectName("reportSummary")
        self.summary.setStyleSheet("font-size: 11pt; color: #243b53;")
        self.pdf_button = QPushButton(self.tr("Report as PDF…"))
        self.pdf_button.setObjectName("reportPdf")
        self.xlsx_button = QPushButton(self.tr("Report as Excel…"))
        self.xlsx_button.setObjectName("reportXlsx")
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("reportPreview")
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(context.can(Capability.EXPORT))
        self.categories = BarChart(self.tr("Consultations by category"))
        self.categories.setObjectName("categoryChart")
        self.months = LineChart(self.tr("Consultations by month"))
        self.months.setObjectName("monthChart")
        self.forms = BarChart(self.tr("Consultations by form"))
        self.forms.setObjectName("formChart")
        headers = [self.tr("This month"), self.tr("Fiscal year to date")]
        self.tables = {
            "by_category": ReadOnlyTable(
                [self.tr("Category"), *headers], right=(1, 2), stretch=0, object_name="categoryTable"
            ),
            "by_form": ReadOnlyTable(
                [self.tr("Form"), *headers], right=(1, 2), stretch=0, object_name="formTable"
            ),
            "by_industry": ReadOnlyTable(
                [self.tr("Industry"), *headers], right=(1, 2), stretch=0, object_name="industryTable"
            ),
            "by_consultant": ReadOnlyTable(
                [self.tr("Consultant"), *headers], right=(1, 2), stretch=0, object_name="consultantTable"
            ),
        }
        self.seminars = ReadOnlyTable(
            [self.tr("Day"), self.tr("Seminar"), self.tr("Capacity"), self.tr("Confirmed"), self.tr("Attended"),
             self.tr("Rate"), self.tr("Waiting")],
            right=(2, 3, 4, 5, 6),
            stretch=1,
            object_name="seminarAttendance",
        )  # fmt: skip
        charts = QGridLayout()
        charts.addWidget(self.categories, 0, 0)
        charts.addWidget(self.months, 0, 1)
        charts.addWidget(self.forms, 1, 0)
        charts.addWidget(self.tables["by_category"], 1, 1)
        tables = QHBoxLayout()
        for key in ("by_form", "by_industry", "by_consultant"):
            tables.addWidget(self.tables[key])
        seminar_box = QGroupBox(self.tr("Seminars this fiscal year"))
        QVBoxLayout(seminar_box).addWidget(self.seminars)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(charts)
        body_layout.addLayout(tables)
        body_layout.addWidget(seminar_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        top.addWidget(self.preview_button)
        top.addWidget(self.pdf_button)
        top.addWidget(self.xlsx_button)
        counts = QWidget()
        counts_layout = QVBoxLayout(counts)
        counts_layout.setContentsMargins(0, 0, 0, 0)
        counts_layout.addLayout(top)
        counts_layout.addWidget(scroll, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTabs")
        self.tabs.addTab(counts, self.tr("Consultation report"))
        self.access: AccessReportPanel | None = None
        if context.can(Capability.READ_AUDIT):
            self.access = AccessReportPanel(context)
            self.tabs.addTab(self.access, self.tr("Access report (supervisor)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))

    def refresh(self) -> None:
        self.context.ops.call(
            consultation_report, self.picker.year, self.picker.month, on_result=self._show, owner=self
        )

    def _show(self, report: Any) -> None:
        self.report = report
        month, year = report.month_counts, report.year_counts
        self.summary.setText(
            self.tr(
                "{month}: {m} consultations ({mb} businesses); {fy} to date: {y} ({yb} businesses)"
            ).format(
                month=self.picker.label.text(),
                m=month.consultations,
                mb=month.businesses,
                fy=format_fiscal_year(report.fiscal_year),
                y=year.consultations,
                yb=year.businesses,
            )
        )
        names = [label for label, _ in year.by_category]
        self.categories.set_data(
            names,
            [
                (self.tr("This month"), [dict(month.by_category)[n] for n in names]),
                (self.tr("Fiscal year to date"), [c for _, c in year.by_category]),
            ],
        )
        forms = [label for label, _ in year.by_form]
        self.forms.set_data(
            forms,
            [
                (self.tr("This month"), [dict(month.by_form)[f] for f in forms]),
                (self.tr("Fiscal year to date"), [c for _, c in year.by_form]),
            ],
        )
        self.months.set_data(
            [f"{m}月" for _, m in fiscal_months(report.fiscal_year)],
            [(self.tr("Consultations"), [p.consultations for p in report.series])]
            + [
                (form, [None if p.consultations is None else dict(p.by_form)[form] for p in report.series])
                for form in forms
            ],
        )
        for key, table in self.tables.items():
            rows = _rows(month, year, key)
            if key == "by_industry":
                rows = [r for r in rows if r[2] != "0"]
            table.set_rows(rows)
        self.seminars.set_rows(
            [
                [format_wareki(s.held_on, "short"), s.title + ("（中止）" if s.status == "中止" else ""), f"{s.capacity}",
                 f"{s.confirmed}", f"{s.attended}", s.attendance_rate, f"{s.waiting}"]
                for s in report.seminars
            ]
        )  # fmt: skip

    def preview(self) -> None:
        self.context.ops.call(
            exports.consultation_report_document,
            self.picker.year,
            self.picker.month,
            "pdf",
            on_result=self._preview,
            owner=self,
        )

    def _preview(self, data: bytes) -> None:
        self.preview_dialog = PdfPreview(self.tr("Consultation report"), data, self)
        self.preview_dialog.open()

    def save(self, kind: str) -> None:
        year, month = self.picker.year, self.picker.month
        save_file(
            self.context,
            self,
            title=self.tr("Save the consultation report"),
            suggested=f"相談実績報告書_{year}{month:02d}.{kind}",
            name_filter="PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)",
            save=exports.save_consultation_report,
            args=(year, month),
            personal=False,
        )


class AccessReportPanel(QWidget):
    """The month's access report (per-user counts and what to look at), printable as PDF."""

    def __init__(self, context: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("accessReport")
        self.context = context
        self.report: Any = None
        self.picker = MonthPicker(context.clock.today(), self.refresh)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("accessPdf")
        self.users = ReadOnlyTable(
            [self.tr("User"), self.tr("Actions"), self.tr("Sign-ins"), self.tr("Failed sign-ins"), self.tr("Views"),
             self.tr("Changes"), self.tr("Exports"), self.tr("Outside office hours")],
            right=(1, 2, 3, 4, 5, 6, 7),
            stretch=0,
            object_name="accessUsers",
        )  # fmt: skip
        self.flags = ReadOnlyTable(
            [self.tr("When"), self.tr("User"), self.tr("What"), self.tr("Details")],
            stretch=3,
            object_name="accessFlags",
        )
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch(1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Actions per user")))
        layout.addWidget(self.users, 1)
        layout.addWidget(
            QLabel(self.tr("To look at: sign-ins outside office hours, bulk views, exports, failed sign-ins"))
        )
        layout.addWidget(self.flags, 2)
        self.save_button.clicked.connect(self.save)

    def _period(self) -> tuple[dt.date, dt.date]:
        first = dt.date(self.picker.year, self.picker.month, 1)
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, min(following - dt.timedelta(days=1), self.context.clock.today())

    def refresh(self) -> None:
        since, until = self._period()
        if since > until:
            self.users.set_rows([])
            self.flags.set_rows([])
            return
        self.context.ops.call(
            access.access_report, since=since, until=until, on_result=self._show, owner=self
        )

    def _show(self, report: Any) -> None:
        self.report = report
        self.users.set_rows(
            [
                [u.actor, f"{u.total:,}", f"{u.sign_ins:,}", f"{u.failed_sign_ins:,}", f"{u.views:,}", f"{u.edits:,}",
                 f"{u.exports:,}", f"{u.out_of_hours:,}"]
                for u in report.users
            ]
        )  # fmt: skip
        rows = [
            [
                format_wareki(e.at.date(), "short") + e.at.strftime(" %H:%M"),
                e.actor,
                self.tr("Sign-in outside office hours"),
                e.detail,
            ]
            for e in report.out_of_hours_sign_ins
        ]
        rows += [
            [
                format_wareki(b.start.date(), "short"),
                b.actor,
                self.tr("Bulk view"),
                self.tr("{n} records").format(n=b.views),
            ]
            for b in report.bulk_views
        ]
        rows += [[format_wareki(e.at.date(), "short"), e.actor, e.action, e.detail] for e in report.exports]
        rows += [
            [format_wareki(e.at.date(), "short"), e.actor, self.tr("Failed sign-in"), e.detail]
            for e in report.failed_sign_ins
        ]
        self.flags.set_rows(rows)

    def save(self) -> None:
        if self.report is None:
            return
        report = self.report
        save_file(
            self.context,
            self,
            title=self.tr("Save the access report"),
            suggested=f"アクセス状況報告書_{self.picker.year}{self.picker.month:02d}.pdf",
            name_filter="PDF (*.pdf)",
            save=lambda session, path: access.save_access_report(session, report, path),
            args=(),
            personal=False,
        )

"""The audit-log viewer (supervisor, admin): entries with filters, and verification of the hash chain."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.ui.admin.audit_labels import action_label, details_text, target_label
from saiken.ui.kit import display
from saiken.ui.kit.fields import DateField, error_label, show_problem
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.page_header import page_header
from saiken.ui.kit.tables import RowsModel

PAGE_LIMIT = 500


def when(at: dt.datetime) -> str:
    """The entry's moment in Japan time, in the user's date display, to the second."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    local = at.astimezone(JST)
    return f"{display.day(local.date())} {local:%H:%M:%S}"


class AuditPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(12)
        page_header(
            layout,
            self,
            self.tr("Audit log"),
            self.tr(
                "Every action is recorded and chained to the one before it, so that any edit, insertion, deletion or reordering is found by the verification."
            ),
        )

        filters = QFrame(self)
        filters.setObjectName("card")
        grid = QGridLayout(filters)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(12)
        self.user = QComboBox(filters)
        self.user.setObjectName("actorFilter")
        self.user.addItem(self.tr("(all users)"), None)
        self.action = QComboBox(filters)
        self.action.setObjectName("actionFilter")
        self.action.addItem(self.tr("(all actions)"), None)
        today = context.clock.today()
        self.since_on = QCheckBox(self.tr("From"), filters)
        self.since = DateField(today.replace(day=1), object_name="auditSince")
        self.until_on = QCheckBox(self.tr("To"), filters)
        self.until = DateField(today, object_name="auditUntil")
        for edit in (self.since, self.until):
            edit.setEnabled(False)
        self.since_on.toggled.connect(self.since.setEnabled)
        self.until_on.toggled.connect(self.until.setEnabled)
        self.filter_error = error_label()
        self.apply_button = QPushButton(self.tr("Filter"), filters)
        self.apply_button.setObjectName("primary")
        self.apply_button.clicked.connect(self.refresh)
        self.reset_button = QPushButton(self.tr("Clear filters"), filters)
        self.reset_button.clicked.connect(self.reset_filters)
        grid.addWidget(QLabel(self.tr("User"), filters), 0, 0)
        grid.addWidget(self.user, 0, 1)
        grid.addWidget(QLabel(self.tr("Action"), filters), 0, 2)
        grid.addWidget(self.action, 0, 3)
        grid.addWidget(self.since_on, 1, 0)
        grid.addWidget(self.since, 1, 1)
        grid.addWidget(self.until_on, 1, 2)
        grid.addWidget(self.until, 1, 3)
        grid.addWidget(self.apply_button, 0, 5)
        grid.addWidget(self.reset_button, 1, 5)
        grid.addWidget(self.filter_error, 2, 0, 1, 6)
        grid.setColumnStretch(4, 1)
        layout.addWidget(filters)

        self.count = QLabel(self)
        self.count.setObjectName("hintText")
        self.model = RowsModel(
            [
                self.tr("No."),
                self.tr("Date and time"),
                self.tr("User"),
                self.tr("Action"),
                self.tr("Target"),
                self.tr("Details"),
            ],
            [
                lambda r: f"{r.seq:,}",
                lambda r: when(r.at),
                lambda r: r.actor,
                lambda r: action_label(r.action),
                target_label,
                details_text,
            ],
            align_right=(0,),
            parent=self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

        verify_row = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("Verify the chain"), self)
        self.verify_button.clicked.connect(self.verify)
        self.verify_result = QLabel(self)
        self.verify_result.setWordWrap(True)
        self.copy_checkpoint = QPushButton(self.tr("Copy checkpoint"), self)
        self.copy_checkpoint.hide()
        self.copy_checkpoint.clicked.connect(self._copy_checkpoint)
        verify_row.addWidget(self.verify_button)
        verify_row.addWidget(self.verify_result, 1)
        verify_row.addWidget(self.copy_checkpoint)
        layout.addLayout(verify_row)
        self._checkpoint = ""
        self._load_choices()
        self.refresh()

    def _load_choices(self) -> None:
        from saiken.services import audit, users

        self.context.ops.call(users.list_users, owner=self, on_result=self._fill_users)
        self.context.ops.call(audit.actions, owner=self, on_result=self._fill_actions)

    def _fill_users(self, rows: list[Any]) -> None:
        for row in rows:
            self.user.addItem(row.name, row.name)

    def _fill_actions(self, codes: list[str]) -> None:
        for code in codes:
            self.action.addItem(action_label(code), code)

    def filters(self) -> dict[str, Any]:
        """The filters as entered; ValidationError naming a date that cannot be read."""
        return {
            "actor": self.user.currentData(),
            "action": self.action.currentData(),
            "since": self.since.date(self.tr("From")) if self.since_on.isChecked() else None,
            "until": self.until.date(self.tr("To")) if self.until_on.isChecked() else None,
        }

    def reset_filters(self) -> None:
        self.user.setCurrentIndex(0)
        self.action.setCurrentIndex(0)
        self.since_on.setChecked(False)
        self.until_on.setChecked(False)
        self.refresh()

    def refresh(self) -> None:
        from saiken.services import audit

        try:
            filters = self.filters()
        except ValidationError as error:
            show_problem(self.filter_error, error)
            return
        self.filter_error.hide()
        self.context.ops.call(
            audit.list_entries, **filters, limit=PAGE_LIMIT, owner=self, on_result=self._show
        )

    def _show(self, rows: list[Any]) -> None:
        rows = sorted(rows, key=lambda r: r.seq, reverse=True)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        if len(rows) >= PAGE_LIMIT:
            self.count.setText(
                self.tr("The newest {n} entries are shown; narrow the filters to see older ones.").format(
                    n=f"{len(rows):,}"
                )
            )
        else:
            self.count.setText(self.tr("{n} entries, newest first").format(n=f"{len(rows):,}"))

    def verify(self) -> None:
        from saiken.services import audit

        self.verify_button.setEnabled(False)
        self.context.ops.call(
            audit.verify,
            owner=self,
            on_result=self._verified,
            on_error=self._verify_failed,
            progress=self.tr("Verifying the audit log…"),
        )

    def _verified(self, report: Any) -> None:
        self.verify_button.setEnabled(True)
        self._checkpoint = str(getattr(report, "checkpoint", "") or getattr(report, "head_hash", "") or "")
        if report.ok:
            self.verify_result.setObjectName("okText")
            self.verify_result.setText(
                self.tr("OK: all {n} entries are intact and in order. Checkpoint {checkpoint}").format(
                    n=f"{report.count:,}", checkpoint=self._checkpoint
                )
            )
            self.copy_checkpoint.setVisible(bool(self._checkpoint))
        else:
            self.verify_result.setObjectName("errorText")
            problems = "\n".join(f"・{problem}" for problem in report.problems)
            self.verify_result.setText(self.tr("Problems were found in the audit log:") + "\n" + problems)
            self.copy_checkpoint.hide()
        self.verify_result.style().unpolish(self.verify_result)
        self.verify_result.style().polish(self.verify_result)

    def _verify_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        from saiken.ui.kit.errors import show_error

        show_error(self, error)

    def _copy_checkpoint(self) -> None:
        self.context.clipboard.copy(self._checkpoint)

"""区の抽出データの取込み: choose the ward's workbook, check it, then import it — all or nothing.

「確認する」 runs the import as a dry run (nothing is stored) and shows what would happen: new, updated and
unchanged debtors, or every bad row (row as Excel shows it, column, value, reason). 「取り込む」 is offered
only for a workbook without errors and imports it in one transaction.

A workbook protected with Excel's own password is recognised by the service (PasswordRequiredError): the
dialog asks for the password (`ui.kit.file_password_prompt`), asks again after a wrong one, and keeps it in
memory only for this dialog (the check and the import), never on disk; it is dropped when another file is
chosen or the dialog closes. The workbook is decrypted in memory by the service.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import PasswordRequiredError, WrongPasswordError
from saiken.ui.kit.errors import show_error
from saiken.ui.kit.file_password_prompt import ask_file_password
from saiken.ui.kit.tables import ReadOnlyTable


def check_workbook(session: Any, path: Path, password: str | None) -> Any:
    from saiken.services.excel_import import import_ward_workbook

    return import_ward_workbook(session, path, dry_run=True, password=password)


def import_workbook(session: Any, path: Path, password: str | None) -> Any:
    """The import's `Changed[ImportReport]`: the shell tells every screen which debtors changed."""
    from saiken.services.excel_import import import_ward_workbook

    return import_ward_workbook(session, path, password=password)


def _changed_fields(change: Any) -> str:
    from saiken.services.excel_import import FIELD_LABELS

    return "、".join(
        f"{FIELD_LABELS.get(name, name)}: {'' if old is None else old} → {'' if new is None else new}"
        for name, (old, new) in change.fields.items()
    )


class ImportDialog(QDialog):
    """Emits `imported(report)` after a successful import."""

    imported = Signal(object)

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import the ward's workbook"))
        self.context = context
        self._password: str | None = None
        self._checked_path: Path | None = None
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        self.path.setPlaceholderText(self.tr("The .xlsx file received from the ward"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        self.check_button = QPushButton(self.tr("Check"), self)
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(self.check_button)
        hint = QLabel(
            self.tr(
                "Nothing is stored until you press Import. A workbook with any bad row imports nothing. A workbook protected with a password is opened in memory, never copied to disk."
            ),
            self,
        )
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.table = ReadOnlyTable(
            [self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem or change")],
            right=(0,),
            stretch=3,
            object_name="importDetails",
        )
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("primary")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Workbook"), self))
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.path.textChanged.connect(self._file_changed)
        self.resize(820, 560)

    # --- choosing and checking ----------------------------------------------------------------------
    def _browse(self) -> None:
        chosen = self.context.dialogs.open_file(
            self, self.tr("Choose the ward's workbook"), self.tr("Excel workbooks (*.xlsx)")
        )
        if chosen is not None:
            self.path.setText(str(chosen))

    def _file_changed(self) -> None:
        self._password = None  # a password belongs to one file
        self._checked_path = None
        self.import_button.setEnabled(False)

    def _target(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text) if text else None

    def check(self) -> None:
        target = self._target()
        if target is None:
            self.summary.setText(self.tr("Choose the workbook first."))
            return
        self._busy(True)
        self.summary.setText(self.tr("Checking…"))
        self.context.ops.call(
            check_workbook,
            target,
            self._password,
            owner=self,
            on_result=lambda report: self._checked(target, report),
            # asking for a password is a modal dialog: never inside the delivery of the result
            on_error=lambda error: QTimer.singleShot(
                0, self, lambda: self._failed(target, error, retry=self.check)
            ),
            progress=self.tr("Checking the workbook…"),
        )

    def _failed(self, target: Path, error: BaseException, *, retry: Any) -> None:
        self._busy(False)
        if isinstance(error, WrongPasswordError):
            problem = "" if isinstance(error, PasswordRequiredError) else str(error)
            password = ask_file_password(self.context.dialogs, self, target.name, problem=problem)
            if password is None:
                self._password = None
                self.summary.setText(
                    self.tr("Not opened: the workbook needs its password. Nothing was imported.")
                )
                return
            self._password = password
            retry()
            return
        self.summary.setText(self.tr("The workbook could not be read. Nothing was imported."))
        self.table.set_rows([])
        show_error(self, error)

    def _checked(self, target: Path, changed: Any) -> None:
        report = changed.value
        self._busy(False)
        protected = self.tr(" (password-protected workbook, opened in memory)") if report.protected else ""
        if report.errors:
            self.summary.setObjectName("errorText")
            self.summary.setText(
                self.tr(
                    "Cannot import: {n} problem(s). Correct the workbook and check again. Nothing was stored."
                ).format(n=len(report.errors))
                + protected
            )
            self.table.set_rows([[str(e.row), e.column, e.value, e.message] for e in report.errors])
            self.import_button.setEnabled(False)
        else:
            self.summary.setObjectName("okText")
            self.summary.setText(
                self.tr("Ready to import: {new} new, {updated} updated, {unchanged} unchanged.").format(
                    new=report.imported, updated=report.updated, unchanged=report.unchanged
                )
                + protected
            )
            self.table.set_rows([["", c.management_no, "", _changed_fields(c)] for c in report.changes])
            self._checked_path = target
            self.import_button.setEnabled(True)
        self._repolish()

    # --- importing ------------------------------------------------------------------------------------
    def run_import(self) -> None:
        target = self._checked_path
        if target is None:
            return
        self._busy(True)
        self.import_button.setEnabled(False)
        self.context.ops.call(
            import_workbook,
            target,
            self._password,
            owner=self,
            on_result=self._imported,
            on_error=lambda error: QTimer.singleShot(
                0, self, lambda: self._failed(target, error, retry=self.run_import)
            ),
            progress=self.tr("Importing…"),
        )

    def _imported(self, changed: Any) -> None:
        report = changed.value  # the list refreshes from the change record Operations emits
        self._busy(False)
        self._checked_path = None
        self.summary.setObjectName("okText")
        self.summary.setText(
            self.tr("Imported: {new} new, {updated} updated, {unchanged} unchanged.").format(
                new=report.imported, updated=report.updated, unchanged=report.unchanged
            )
        )
        self._repolish()
        self.imported.emit(report)

    def _busy(self, busy: bool) -> None:
        self.check_button.setEnabled(not busy)

    def _repolish(self) -> None:
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)

    def done(self, result: int) -> None:
        self._password = None
        super().done(result)

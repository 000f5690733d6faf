"""Making letters: the kind, the debtors (a saved extraction condition, management numbers typed or
pasted, or everyone), the dates and the mailing method; a preview that writes nothing; then 「作成して印刷」,
which records the batch (numbers, sending log, one audit entry) and prints it from memory. Saving the PDF,
the mail list or the labels to a file is an export (a supervisor), offered with a password."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.letter_kinds import MAIL_METHODS, LetterKind
from saiken.domain.roles import Capability
from saiken.ui.documents.pdf_preview import PdfPreview
from saiken.ui.kit.page_context import PageContext

ALL, CONDITION, NUMBERS = "all", "condition", "numbers"


def _qdate(day: dt.date) -> Any:
    from PySide6.QtCore import QDate

    return QDate(day.year, day.month, day.day)


def _pydate(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class BatchTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.result: Any = None
        self.made = False
        today = context.clock.today()
        form_box = QWidget(self)
        form = QFormLayout(form_box)
        self.kind = QComboBox(self)
        self.kind.setObjectName("letterKind")
        for kind in LetterKind:
            self.kind.addItem(kind.label, kind.value)
        self.source = QComboBox(self)
        self.source.addItem(self.tr("Every debtor"), ALL)
        self.source.addItem(self.tr("A saved extraction condition"), CONDITION)
        self.source.addItem(self.tr("Management numbers"), NUMBERS)
        self.condition = QComboBox(self)
        self.numbers = QPlainTextEdit(self)
        self.numbers.setPlaceholderText(self.tr("One management number a line, e.g. R7-0001"))
        self.numbers.setMaximumHeight(90)
        self.letter_date = QDateEdit(_qdate(today), self)
        self.letter_date.setCalendarPopup(True)
        self.pay_by = QDateEdit(_qdate(today + dt.timedelta(days=14)), self)
        self.pay_by.setCalendarPopup(True)
        self.method = QComboBox(self)
        for method in MAIL_METHODS:
            self.method.addItem(method)
        self.method.setCurrentText("特定記録")
        self.include_difficult = QCheckBox(self.tr("Include debtors marked as hard to collect"), self)
        self.include_returned = QCheckBox(self.tr("Include debtors whose last letter came back"), self)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Debtors"), self.source)
        form.addRow(self.tr("Condition"), self.condition)
        form.addRow(self.tr("Management numbers"), self.numbers)
        form.addRow(self.tr("Letter date"), self.letter_date)
        form.addRow(self.tr("Pay by"), self.pay_by)
        form.addRow(self.tr("Mailing"), self.method)
        form.addRow("", self.include_difficult)
        form.addRow("", self.include_returned)
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.make_button = QPushButton(self.tr("Make and print"), self)
        self.make_button.setObjectName("primary")
        self.print_button = QPushButton(self.tr("Print again"), self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.list_button = QPushButton(self.tr("Save the mail list…"), self)
        self.labels_button = QPushButton(self.tr("Save the labels…"), self)
        self.preview_button.clicked.connect(self.preview_batch)
        self.make_button.clicked.connect(self.make_batch)
        self.print_button.clicked.connect(self._print_again)
        self.save_button.clicked.connect(lambda: self.save("letters"))
        self.list_button.clicked.connect(lambda: self.save("mail_list_xlsx"))
        self.labels_button.clicked.connect(lambda: self.save("labels"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("batchStatus")
        self.skipped = QListWidget(self)
        self.skipped.setObjectName("skippedList")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(form_box)
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addWidget(self.make_button)
        left_layout.addLayout(row)
        row2 = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.list_button, self.labels_button):
            row2.addWidget(button)
        left_layout.addLayout(row2)
        left_layout.addWidget(self.status)
        left_layout.addWidget(QLabel(self.tr("Left out"), self))
        left_layout.addWidget(self.skipped, 1)
        self.letters = PdfPreview(self)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.letters)
        splitter.setSizes([420, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.make_button.setEnabled(context.can(Capability.EDIT))
        self._source_changed()
        self._outputs()
        self.refresh()

    def _print_again(self) -> None:
        self.letters.print_document()

    def refresh(self) -> None:
        from saiken.services.debtors.search import list_conditions

        self.context.ops.call(list_conditions, owner=self, on_result=self._conditions)

    def _conditions(self, conditions: list[Any]) -> None:
        self.condition.clear()
        for name, _flt in conditions:
            self.condition.addItem(name)

    def _source_changed(self) -> None:
        source = self.source.currentData()
        self.condition.setEnabled(source == CONDITION)
        self.numbers.setEnabled(source == NUMBERS)

    def set_management_numbers(self, numbers: list[str]) -> None:
        """Start a batch for these debtors (a selection in the list, or one card)."""
        self.source.setCurrentIndex(self.source.findData(NUMBERS))
        self.numbers.setPlainText("\n".join(numbers))

    def request(self) -> Any:
        from saiken.services.letters import BatchRequest

        source = self.source.currentData()
        numbers = tuple(line.strip() for line in self.numbers.toPlainText().splitlines() if line.strip())
        return BatchRequest(
            kind=self.kind.currentData(),
            management_nos=numbers if source == NUMBERS else (),
            condition=self.condition.currentText() if source == CONDITION else None,
            letter_date=_pydate(self.letter_date),
            pay_by=_pydate(self.pay_by),
            method=self.method.currentText(),
            include_difficult=self.include_difficult.isChecked(),
            include_returned=self.include_returned.isChecked(),
        )

    def _call(self, record: bool) -> None:
        from saiken.services import letters

        request = self.request()
        source = self.source.currentData()
        function = letters.make_letters if record else letters.preview_letters

        def run(session: Any) -> Any:
            if source == ALL:
                from dataclasses import replace

                from saiken.services.debtors.search import MAX_PAGE, DebtorFilter, search_debtors

                ids = tuple(row.id for row in search_debtors(session, DebtorFilter(), limit=MAX_PAGE).rows)
                return function(session, replace(request, debtor_ids=ids), mailing=True)
            return function(session, request, mailing=True)

        self.context.ops.call(
            run,
            owner=self,
            on_result=lambda result: self._show(result, record),
            progress=self.tr("Making the letters…") if record else self.tr("Preparing the preview…"),
        )

    def preview_batch(self) -> None:
        self._call(record=False)

    def make_batch(self) -> None:
        if not self.context.dialogs.confirm(
            self,
            self.tr("Make the letters"),
            self.tr(
                "The letters get their document numbers and are recorded as sent today. Make them and print?"
            ),
            self.tr("Make and print"),
        ):
            return
        self._call(record=True)

    def _show(self, result: Any, recorded: bool) -> None:
        self.result = result
        self.made = recorded
        self.letters.set_pdf(result.pdf)
        text = (
            self.tr("%1 letters, %2 pages, recorded as sent (numbers %3 to %4).")
            .replace("%3", result.document_numbers[0])
            .replace("%4", result.document_numbers[-1])
            if recorded
            else self.tr("Preview: %1 letters, %2 pages. Nothing is recorded yet.")
        )
        lines = [text.replace("%1", str(len(result.letters))).replace("%2", str(result.pages))]
        lines += list(result.warnings[:5])
        self.status.setText("\n".join(lines))
        self.skipped.clear()
        for item in result.skipped:
            self.skipped.addItem(f"{item.management_no}　{item.reason}")
        self._outputs()
        if recorded:
            self.letters.print_document()

    def _outputs(self) -> None:
        have = self.result is not None
        can_save = self.context.can(Capability.EXPORT)
        self.print_button.setEnabled(have and self.made)
        for button in (self.save_button, self.list_button, self.labels_button):
            button.setEnabled(have and self.made and can_save)

    def save(self, what: str) -> None:
        """Save the letters, the mail list or the labels: an export, offered with a password (protect's helper)."""
        if self.result is None or not self.made:
            return
        from saiken.services import letters
        from saiken.ui.kit.protected_save import save_with_password

        suffix = "xlsx" if what == "mail_list_xlsx" else "pdf"
        names = {"letters": "文書", "mail_list_xlsx": "差出票", "labels": "宛名ラベル"}
        data = {
            "letters": self.result.pdf,
            "mail_list_xlsx": self.result.mail_list_xlsx,
            "labels": self.result.labels_pdf,
        }[what]
        batch_id = self.result.batch_id

        def save(session: Any, path: Any, payload: bytes, *, password: Any = None) -> Any:
            return letters.save_letters_file(
                session, path, payload, what=what, batch_id=batch_id, password=password
            )

        save_with_password(
            self.context,
            self,
            title=self.tr("Save"),
            suggested=f"{names[what]}.{suffix}",
            save=save,
            save_args=(data,),
            on_saved=lambda saved: self.status.setText(
                self.tr("Saved (%1 bytes).").replace("%1", f"{saved.size:,}")
            ),
        )

"""Tabs 照会 (inquiries to the ward and their answers) and 送付文書 (documents sent, returned undelivered)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import ValidationError
from saiken.services import debtors
from saiken.ui.kit import display
from saiken.ui.kit.fields import DateField, error_label, show_problem
from saiken.ui.kit.form_guard import FormGuard
from saiken.ui.kit.tables import ReadOnlyTable

INQUIRY_KINDS = ("納付書再発行", "入金確認", "住所調査", "その他")
DOCUMENT_KINDS = ("督促状", "催告書", "合意書", "納付書", "その他")
MAIL_METHODS = ("普通", "書留", "簡易書留", "特定記録")


class InquiriesTab(QWidget):
    def __init__(self, card_page: Any):
        super().__init__()
        self.card_page = card_page
        self.context = card_page.context
        self.items: list[Any] = []
        self.table = ReadOnlyTable(
            [self.tr("Asked"), self.tr("Kind"), self.tr("Question"), self.tr("Answered"), self.tr("Answer")],
            stretch=2,
            object_name="inquiriesTable",
        )
        self.open_count = QLabel("")
        self.open_count.setObjectName("openInquiries")

        ask = QGroupBox(self.tr("New inquiry to the ward"))
        self.kind = QComboBox()
        self.kind.setObjectName("inquiryKind")
        self.kind.addItems(INQUIRY_KINDS)
        self.question = QLineEdit()
        self.question.setObjectName("inquiryQuestion")
        self.question.setPlaceholderText(self.tr("What to ask the ward"))
        self.ask_button = QPushButton(self.tr("Record inquiry"))
        self.ask_button.setObjectName("primary")
        row = QHBoxLayout(ask)
        row.addWidget(self.kind)
        row.addWidget(self.question, 1)
        row.addWidget(self.ask_button)

        answer = QGroupBox(self.tr("Answer from the ward (for the selected inquiry)"))
        self.answer = QLineEdit()
        self.answer.setObjectName("inquiryAnswer")
        self.answered_on = DateField(object_name="answeredOn")
        self.answer_button = QPushButton(self.tr("Record answer"))
        row2 = QHBoxLayout(answer)
        row2.addWidget(self.answer, 1)
        row2.addWidget(QLabel(self.tr("Date")))
        row2.addWidget(self.answered_on)
        row2.addWidget(self.answer_button)
        self.error = error_label()

        layout = QVBoxLayout(self)
        layout.addWidget(self.open_count)
        layout.addWidget(self.table, 1)
        layout.addWidget(ask)
        layout.addWidget(answer)
        layout.addWidget(self.error)
        self.ask_button.clicked.connect(self.ask)
        self.question.returnPressed.connect(self.ask)
        self.answer_button.clicked.connect(self.record_answer)
        self.guard = FormGuard([self.kind, self.question, self.answer, self.answered_on])

    def load_form(self, card: Any, *, fresh: bool) -> None:
        if fresh:
            self.kind.setCurrentIndex(0)
            self.question.clear()
            self.answer.clear()
            self.answered_on.setText(display.day(self.context.clock.today()))
            self.error.hide()
            self.guard.mark_clean()

    def has_unsaved_input(self) -> bool:
        return self.guard.dirty()

    def show_card(self, card: Any) -> None:
        self.items = list(card.inquiries)
        self.table.set_rows(
            [
                [
                    display.day(i.asked_on),
                    i.kind,
                    i.question,
                    display.day(i.answered_on),
                    i.answer or self.tr("(waiting)"),
                ]
                for i in self.items
            ],
            keys=[i.id for i in self.items],
        )
        waiting = sum(1 for i in self.items if i.answered_on is None)
        self.open_count.setText(
            self.tr("{n} inquiries waiting for an answer").format(n=waiting)
            if waiting
            else self.tr("No inquiry is waiting for an answer.")
        )

    def ask(self) -> None:
        question = self.question.text().strip()
        if not question:
            show_problem(
                self.error, ValidationError(self.tr("Write the question before recording the inquiry."))
            )
            return
        self.error.hide()
        self.context.ops.call(
            debtors.add_inquiry,
            self.card_page.debtor_id,
            kind=self.kind.currentText(),
            question=question,
            on_result=self._done(
                self.question,
                self.tr("Recorded the inquiry to the ward ({kind}).").format(kind=self.kind.currentText()),
            ),
            on_error=lambda e: show_problem(self.error, e),
            owner=self,
        )

    def record_answer(self) -> None:
        inquiry_id = self.table.current_key()
        try:
            if inquiry_id is None:
                raise ValidationError(self.tr("Select the inquiry in the table first."))
            answer = self.answer.text().strip()
            if not answer:
                raise ValidationError(self.tr("Write the ward's answer first."))
            answered_on = self.answered_on.date(self.tr("Answer date"))
        except ValidationError as error:
            show_problem(self.error, error)
            return
        self.error.hide()
        self.context.ops.call(
            debtors.answer_inquiry,
            inquiry_id,
            answer=answer,
            answered_on=answered_on,
            on_result=self._done(
                self.answer,
                self.tr("Recorded the ward's answer of {day}.").format(day=display.long_day(answered_on)),
            ),
            on_error=lambda e: show_problem(self.error, e),
            owner=self,
        )

    def _done(self, field: QLineEdit, notice: str) -> Any:
        debtor_id = self.card_page.debtor_id

        def done(_row: Any) -> None:
            self.context.notices.say(notice)
            if self.card_page.showing(debtor_id):
                field.clear()
                self.guard.mark_clean()

        return done


class DocumentsTab(QWidget):
    def __init__(self, card_page: Any):
        super().__init__()
        self.card_page = card_page
        self.context = card_page.context
        self.items: list[Any] = []
        self.table = ReadOnlyTable(
            [
                self.tr("Sent"),
                self.tr("Kind"),
                self.tr("Method"),
                self.tr("Tracking no."),
                self.tr("Returned undelivered"),
            ],
            stretch=4,
            object_name="documentsTable",
        )
        box = QGroupBox(self.tr("Record a document sent"))
        self.kind = QComboBox()
        self.kind.setObjectName("documentKind")
        self.kind.setEditable(True)
        self.kind.addItems(DOCUMENT_KINDS)
        self.sent_on = DateField(object_name="sentOn")
        self.method = QComboBox()
        self.method.setObjectName("mailMethod")
        self.method.addItems(MAIL_METHODS)
        self.tracking = QLineEdit()
        self.tracking.setObjectName("trackingNo")
        self.tracking.setPlaceholderText(self.tr("Tracking no. (registered mail)"))
        self.log_button = QPushButton(self.tr("Record"))
        self.log_button.setObjectName("primary")
        row = QHBoxLayout(box)
        for widget in (self.kind, self.sent_on, self.method):
            row.addWidget(widget)
        row.addWidget(self.tracking, 1)
        row.addWidget(self.log_button)
        self.returned_button = QPushButton(self.tr("Mark selected as returned"))
        self.returned_button.setObjectName("markReturned")
        self.error = error_label()
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.returned_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(box)
        layout.addWidget(self.error)
        self.log_button.clicked.connect(self.log)
        self.returned_button.clicked.connect(self.mark_returned)
        self.guard = FormGuard([self.kind, self.sent_on, self.method, self.tracking])

    def load_form(self, card: Any, *, fresh: bool) -> None:
        if fresh:
            self.kind.setCurrentIndex(0)
            self.sent_on.setText(display.day(self.context.clock.today()))
            self.method.setCurrentIndex(0)
            self.tracking.clear()
            self.error.hide()
            self.guard.mark_clean()

    def has_unsaved_input(self) -> bool:
        return self.guard.dirty()

    def show_card(self, card: Any) -> None:
        self.items = list(card.documents)
        self.table.set_rows(
            [
                [display.day(d.sent_on), d.kind, d.method, d.tracking_no, display.day(d.returned_on)]
                for d in self.items
            ],
            keys=[d.id for d in self.items],
        )
        for r, doc in enumerate(self.items):
            if doc.returned_on:
                for c in range(self.table.columnCount()):
                    if (item := self.table.item(r, c)) is not None:
                        item.setForeground(display.status_colour("督促中").darker(250))

    def log(self) -> None:
        try:
            sent_on = self.sent_on.date(self.tr("Date sent"))
        except ValidationError as error:
            show_problem(self.error, error)
            return
        self.error.hide()
        debtor_id = self.card_page.debtor_id
        self.context.ops.call(
            debtors.log_document_sent,
            debtor_id,
            kind=self.kind.currentText().strip(),
            sent_on=sent_on,
            method=self.method.currentText(),
            tracking_no=self.tracking.text().strip(),
            on_result=lambda changed: self._logged(debtor_id, changed.value),
            on_error=lambda e: show_problem(self.error, e),
            owner=self,
        )

    def _logged(self, debtor_id: int, row: Any) -> None:
        self.context.notices.say(
            self.tr("Recorded the {kind} sent on {day}.").format(
                kind=row.kind, day=display.long_day(row.sent_on)
            )
        )
        if self.card_page.showing(debtor_id):
            self.tracking.clear()
            self.guard.mark_clean()

    def mark_returned(self) -> None:
        doc_id = self.table.current_key()
        if doc_id is None:
            show_problem(self.error, ValidationError(self.tr("Select the document in the table first.")))
            return
        self.error.hide()
        self.context.ops.call(
            debtors.mark_document_returned,
            doc_id,
            on_result=lambda changed: self._returned(changed.value),
            on_error=lambda e: show_problem(self.error, e),
            owner=self,
        )

    def _returned(self, row: Any) -> None:
        self.context.notices.say(
            self.tr("Marked the {kind} of {day} as returned undelivered.").format(
                kind=row.kind, day=display.long_day(row.sent_on)
            )
        )

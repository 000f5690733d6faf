"""The consultation form, made for fast entry from the keyboard.

Tab walks the fields in the order they are said at the desk: date, time, consultant, form, categories,
contents, loan mediation, follow-up. The form is chosen with Alt+1…4 (窓口, 派遣, オンライン, 電話, its
number shown in its label) and each category toggled with its Alt+letter (S H J O I N X, shown too); Ctrl+Enter saves (`saveRequested`). After a save the
contents clear and the date, consultant and form stay, ready for the next record.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTimeEdit,
    QWidget,
)

from saiken.domain.clock import JST
from saiken.domain.consultation_terms import CATEGORIES, FORMS, LOAN_STATUSES
from saiken.domain.errors import ValidationError
from saiken.ui.kit import display
from saiken.ui.kit.fields import AmountField, DateField

CATEGORY_KEYS = dict(zip(CATEGORIES, "SHJOINX", strict=True))  # Alt+S 資金繰り, Alt+H 販路開拓 …


class ConsultationForm(QWidget):
    saveRequested = Signal()

    def __init__(self, clock: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.clock = clock
        now = clock.now().astimezone(JST)
        self.day = DateField(now.date(), object_name="consultationDate")
        self.time = QTimeEdit(QTime(now.hour, now.minute))
        self.time.setObjectName("consultationTime")
        self.time.setDisplayFormat("HH:mm")
        self.consultant = QComboBox()
        self.consultant.setObjectName("consultationConsultant")
        self.forms = QButtonGroup(self)
        form_row = QHBoxLayout()
        for index, form in enumerate(FORMS, start=1):
            button = QRadioButton(f"{form}({index})")
            button.setObjectName(f"form_{index}")
            button.setToolTip(f"Alt+{index}")
            self.forms.addButton(button, index - 1)
            form_row.addWidget(button)
        self.forms.button(0).setChecked(True)
        form_row.addStretch(1)
        self.categories: dict[str, QCheckBox] = {}
        category_row = QHBoxLayout()
        for category in CATEGORIES:
            box = QCheckBox(f"{category}({CATEGORY_KEYS[category]})")
            box.setObjectName(f"category_{CATEGORY_KEYS[category]}")
            box.setToolTip(f"Alt+{CATEGORY_KEYS[category]}")
            self.categories[category] = box
            category_row.addWidget(box)
        category_row.addStretch(1)
        self.contents = QPlainTextEdit()
        self.contents.setObjectName("consultationContents")
        self.contents.setTabChangesFocus(True)
        self.contents.setPlaceholderText(self.tr("What was asked and advised"))
        self.contents.setFixedHeight(64)
        self.loan_bank = QLineEdit()
        self.loan_bank.setObjectName("loanBank")
        self.loan_bank.setPlaceholderText(self.tr("Bank (loan mediation)"))
        self.loan_amount = AmountField(object_name="loanAmount")
        self.loan_status = QComboBox()
        self.loan_status.setObjectName("loanStatus")
        self.loan_status.addItems(["", *LOAN_STATUSES])
        self.follow_up = DateField(object_name="followUp")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Date")), 0, 0)
        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addWidget(self.time)
        grid.addLayout(when, 0, 1)
        grid.addWidget(QLabel(self.tr("Consultant")), 0, 2)
        grid.addWidget(self.consultant, 0, 3)
        grid.addWidget(QLabel(self.tr("Form")), 0, 4)
        grid.addLayout(form_row, 0, 5)
        grid.addWidget(QLabel(self.tr("Categories")), 1, 0)
        grid.addLayout(category_row, 1, 1, 1, 5)
        grid.addWidget(QLabel(self.tr("Contents")), 2, 0)
        grid.addWidget(self.contents, 2, 1, 1, 5)
        grid.addWidget(QLabel(self.tr("Loan mediation")), 3, 0)
        loan = QHBoxLayout()
        loan.addWidget(self.loan_bank, 2)
        loan.addWidget(self.loan_amount, 1)
        loan.addWidget(self.loan_status, 1)
        grid.addLayout(loan, 3, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Follow-up")), 3, 4)
        grid.addWidget(self.follow_up, 3, 5)
        grid.setColumnStretch(5, 1)
        # explicit shortcuts, not label mnemonics: the same on every platform (some themes turn mnemonics off)
        for index, form_button in enumerate(self.forms.buttons(), start=1):
            QShortcut(QKeySequence(f"Alt+{index}"), self, form_button.click)
        for category, box in self.categories.items():
            QShortcut(QKeySequence(f"Alt+{CATEGORY_KEYS[category]}"), self, box.toggle)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.saveRequested.emit)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.saveRequested.emit)

    def set_consultants(self, consultants: list[Any], *, keep: int | None = None) -> None:
        current = keep if keep is not None else self.consultant.currentData()
        self.consultant.clear()
        for row in consultants:
            self.consultant.addItem(row.name, row.id)
        if current is not None:
            index = self.consultant.findData(current)
            if index >= 0:
                self.consultant.setCurrentIndex(index)

    def chosen_categories(self) -> list[str]:
        return [c for c, box in self.categories.items() if box.isChecked()]

    def is_dirty(self) -> bool:
        """Whether the person has typed something not yet saved."""
        return bool(
            self.contents.toPlainText().strip()
            or self.loan_bank.text().strip()
            or self.loan_amount.text().strip()
            or self.chosen_categories()
        )

    def values(self) -> dict[str, Any]:
        day = self.day.date(self.tr("Date"))
        assert day is not None
        time = self.time.time()
        at = dt.datetime(day.year, day.month, day.day, time.hour(), time.minute(), tzinfo=JST)
        if self.consultant.currentData() is None:
            raise ValidationError(self.tr("Choose the consultant (register one first if the list is empty)."))
        categories = self.chosen_categories()
        if not categories:
            self.categories[CATEGORIES[0]].setFocus()
            raise ValidationError(self.tr("Tick at least one category (Alt+letter)."))
        contents = self.contents.toPlainText().strip()
        if not contents:
            self.contents.setFocus()
            raise ValidationError(self.tr("Contents: write what was asked and advised (it cannot be empty)."))
        return {
            "at": at,
            "consultant_id": int(self.consultant.currentData()),
            "form": FORMS[self.forms.checkedId()],
            "categories": categories,
            "contents": contents,
            "loan_bank": self.loan_bank.text().strip(),
            "loan_amount": self.loan_amount.amount(self.tr("Loan amount"), required=False),
            "loan_status": self.loan_status.currentText(),
            "follow_up_on": self.follow_up.date(self.tr("Follow-up"), required=False),
        }

    def load(self, record: Any) -> None:
        at = record.at.astimezone(JST)
        self.day.setText(display.day(at.date()))
        self.time.setTime(QTime(at.hour, at.minute))
        index = self.consultant.findData(record.consultant_id)
        if index >= 0:
            self.consultant.setCurrentIndex(index)
        self.forms.button(FORMS.index(record.form)).setChecked(True)
        for category, box in self.categories.items():
            box.setChecked(category in record.categories)
        self.contents.setPlainText(record.contents)
        self.loan_bank.setText(record.loan_bank)
        self.loan_amount.setText("" if record.loan_amount is None else f"{record.loan_amount:,}")
        self.loan_status.setCurrentText(record.loan_status)
        self.follow_up.setText(display.day(record.follow_up_on))

    def clear_for_next(self) -> None:
        """After a save: empty what belongs to one record; keep the date, consultant and form."""
        for box in self.categories.values():
            box.setChecked(False)
        for edit in (self.loan_bank, self.loan_amount, self.follow_up):
            edit.clear()
        self.loan_status.setCurrentIndex(0)
        self.contents.clear()
        now = self.clock.now().astimezone(JST)
        self.time.setTime(QTime(now.hour, now.minute))

    def reset(self) -> None:
        """Another record was opened: nothing typed for the last one is carried over (convention 12)."""
        self.clear_for_next()
        now = self.clock.now().astimezone(JST)
        self.day.setText(display.day(now.date()))
        self.forms.button(0).setChecked(True)

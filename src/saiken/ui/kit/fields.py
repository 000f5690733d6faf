"""Input fields every area's forms use: dates as people write them, amounts in whole yen, a form's error line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QLineEdit

from saiken.domain.errors import ValidationError
from saiken.domain.money import parse_yen
from saiken.domain.wareki import parse_date
from saiken.ui.kit import display
from saiken.ui.kit.tables import RIGHT


class DateField(QLineEdit):
    """A date typed as people write it: 2025-09-16, 2025/9/16, 令和7年9月16日, R7.9.16."""

    def __init__(self, value: dt.date | None = None, *, object_name: str = ""):
        super().__init__(display.day(value))
        if object_name:
            self.setObjectName(object_name)
        self.setPlaceholderText("R7.9.16")
        self.setMinimumWidth(120)

    def date(self, label: str, *, required: bool = True) -> dt.date | None:
        text = self.text().strip()
        if not text:
            if required:
                raise ValidationError(
                    self.tr("Enter {field} (e.g. 2025/09/16, 令和7年9月16日 or R7.9.16).").format(field=label)
                )
            return None
        try:
            return parse_date(text)
        except ValidationError as error:
            raise ValidationError(f"{label}: {error.message}") from error


class AmountField(QLineEdit):
    """An amount in whole yen: 1,234,567 or 1234567円; shown right-aligned."""

    def __init__(self, *, object_name: str = ""):
        super().__init__()
        if object_name:
            self.setObjectName(object_name)
        self.setAlignment(RIGHT)
        self.setPlaceholderText(self.tr("0 yen"))
        self.setMinimumWidth(120)

    def amount(self, label: str, *, required: bool = True, positive: bool = True) -> int | None:
        text = self.text().strip()
        if not text:
            if required:
                raise ValidationError(self.tr("Enter {field} (e.g. 50,000).").format(field=label))
            return None
        try:
            value = parse_yen(text)
        except ValidationError as error:
            raise ValidationError(f"{label}: {error.message}") from error
        if positive and value <= 0:
            raise ValidationError(self.tr("{field} must be at least 1 yen.").format(field=label))
        return value


def error_label() -> QLabel:
    label = QLabel("")
    label.setObjectName("errorText")
    label.setWordWrap(True)
    label.hide()
    return label


def show_problem(label: QLabel, error: BaseException) -> None:
    """A dialog's own error line: the SaikenError's message, or the generic text for a bug."""
    from saiken.ui.kit.errors import user_message

    label.setText(user_message(error))
    label.show()

"""Forms belong to the record they edit (DESIGN §4 convention 12).

A `FormGuard` remembers what a form's fields held when it was last reset or saved (`mark_clean`) and says
whether the user has typed or chosen something since (`dirty`). A screen resets its forms when another
record opens and, before it lets the user leave a form with unsaved input, asks with `confirm_discard`
(「保存していない入力があります」).

The fields are read as plain values (text, the chosen item, a number, a table's cells), never kept as
widgets' own undo state, so the guard works the same for every kind of field.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)


def field_value(widget: QWidget) -> Any:
    """The value a person would say the field holds."""
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QTableWidget):
        return tuple(
            tuple(
                (item.text() if (item := widget.item(r, c)) is not None else "").strip()
                for c in range(widget.columnCount())
            )
            for r in range(widget.rowCount())
        )
    raise TypeError(f"FormGuard cannot read a {type(widget).__name__}")


class FormGuard:
    """The fields of one form and what they held when it was last clean."""

    def __init__(self, fields: Iterable[QWidget]) -> None:
        self.fields = list(fields)
        self._clean: tuple[Any, ...] = self._values()

    def _values(self) -> tuple[Any, ...]:
        return tuple(field_value(widget) for widget in self.fields)

    def mark_clean(self) -> None:
        """The form as it is now counts as saved (after a reset, a load or a successful save)."""
        self._clean = self._values()

    def dirty(self) -> bool:
        return self._values() != self._clean


def unsaved_title() -> str:
    return QCoreApplication.translate("FormGuard", "There is input you have not saved")


def confirm_discard(dialogs: Any, parent: QWidget | None, where: str = "") -> bool:
    """Ask before unsaved input is thrown away; True when the user chose to discard it."""
    text = QCoreApplication.translate(
        "FormGuard", "What you typed has not been saved. If you go on, it will be discarded."
    )
    if where:
        text = f"{where}\n{text}"
    return bool(
        dialogs.confirm(
            parent,
            unsaved_title(),
            text,
            QCoreApplication.translate("FormGuard", "Discard and go on"),
        )
    )

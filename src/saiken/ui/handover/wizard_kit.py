"""What the handover wizards share: the line that tells why something was refused, the facts table of a
package, the password shown once in groups, the PDF shown from memory for printing, and how every wizard
is set up."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QTableWidget, QWidget, QWizard

from saiken.domain.errors import SaikenError
from saiken.ui.kit.errors import user_message
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.pdf_preview import PdfPreviewDialog


def refusal_text(error: BaseException) -> str:
    """The service's own Japanese sentence (with its hint); anything else the generic internal-error line."""
    return str(error) if isinstance(error, SaikenError) else user_message(error)


def message_label(parent: QWidget, object_name: str = "errorText") -> QLabel:
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def set_tone(label: QLabel, *, ok: bool) -> None:
    """Green for done, red for refused (the style sheet keys on the object name; re-polish after a change)."""
    label.setObjectName("okText" if ok else "errorText")
    label.style().unpolish(label)
    label.style().polish(label)


def fit_rows(table: QTableWidget, *, at_most: int = 12) -> None:
    """As tall as its rows (up to `at_most`), so that what follows sits right under the last one."""
    rows = min(table.rowCount(), at_most)
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
    height += sum(table.rowHeight(row) for row in range(rows))
    table.setFixedHeight(height)


def facts_form(parent: QWidget, rows: list[tuple[str, str]]) -> QFormLayout:
    """A two-column form of label → value (values selectable, long ones wrapped)."""
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    fill_form(form, parent, rows)
    return form


def clear_form(form: QFormLayout) -> None:
    while form.rowCount():
        form.removeRow(0)


def fill_form(form: QFormLayout, parent: QWidget, rows: list[tuple[str, str]]) -> None:
    clear_form(form)
    for label, value in rows:
        shown = QLabel(value, parent)
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(QLabel(label, parent), shown)


def password_label(parent: QWidget) -> QLabel:
    """A large, monospaced, selectable label for a password shown once (groups of four)."""
    shown = QLabel(parent)
    shown.setObjectName("shownPassword")
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = QFont(shown.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
    shown.setFont(font)
    shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
    shown.setStyleSheet("border: 2px solid #1f2933; border-radius: 4px; padding: 10px;")
    return shown


def spaced_groups(password: str) -> str:
    """「ABCD-EFGH-…」 shown as 「ABCD - EFGH - …」 so that each group of four stands apart."""
    return " - ".join(part for part in password.split("-") if part)


def preview_pdf(context: PageContext, parent: QWidget, pdf: bytes, *, title: str, note: str) -> int:
    """Show `pdf` from memory with a Print button; returns the pages sent to the printer."""
    preview = PdfPreviewDialog(context.dialogs, pdf, title=title, note=note, parent=parent)
    context.dialogs._run(preview)
    printed = preview.printed_pages
    preview.deleteLater()
    return printed


def prepare_wizard(wizard: QWizard, *, object_name: str, title: str) -> None:
    """What every handover wizard sets alike: its name, title, style, and the buttons' Japanese words
    (no Back or Cancel on the last page: what was done is done)."""
    wizard.setObjectName(object_name)
    wizard.setWindowTitle(title)
    wizard.setWizardStyle(QWizard.WizardStyle.ModernStyle)
    wizard.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
    wizard.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
    buttons = (
        (QWizard.WizardButton.NextButton, QCoreApplication.translate("HandoverWizard", "Next >")),
        (QWizard.WizardButton.BackButton, QCoreApplication.translate("HandoverWizard", "< Back")),
        (QWizard.WizardButton.CancelButton, QCoreApplication.translate("HandoverWizard", "Cancel")),
        (QWizard.WizardButton.FinishButton, QCoreApplication.translate("HandoverWizard", "Close")),
    )
    for button, text in buttons:
        wizard.setButtonText(button, text)

"""「PDFで保存…」 of the charge statement: through the kit's protected save (where, and a password offered
for a file of personal data), then the service writes and audits it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from saiken.services.debtors import statement
from saiken.ui.kit.protected_save import save_with_password


def save_statement_pdf(dialog: Any) -> None:
    """Save the statement shown in `dialog` (a ChargeStatementDialog with its document made)."""
    context, document = dialog.context, dialog.document

    def saved(result: Any) -> None:
        text = QCoreApplication.translate(
            "ChargeStatementDialog", "Saved the charge statement as {name}."
        ).format(name=result.path.name)
        dialog.status.setText(text)
        context.notices.say(text)

    save_with_password(
        context,
        dialog,
        title=QCoreApplication.translate("ChargeStatementDialog", "Save the charge statement as PDF"),
        suggested=document.suggested_name,
        save=statement.save_statement,
        save_args=(dialog.debtor_id, document.as_of),
        on_saved=saved,
    )

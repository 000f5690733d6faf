"""Screenshot views of the debtor screens: `debtors` (the demo vault's list), `debtor` (a card with
payments, an instalment plan and negotiation records), `statement` (its charge statement) and
`statement-preview` (the statement as printed); `export` (the save dialog with 「パスワードを付ける」),
`file-password` (the password shown once) and `import-password` (a protected workbook's password asked
again). Registered with the shell's `ui.screenshots`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget


def _debtors_page(window: QWidget) -> Any:
    from saiken.ui.debtors.page import DebtorsPage

    page = window.findChild(DebtorsPage)
    if page is None:  # pragma: no cover - the navigation always builds it
        raise RuntimeError("debtors page missing")
    return page


def _list(env: Any) -> QWidget:
    window = env.main_window("debtors")
    env.settle()
    page = _debtors_page(window)
    page.list_page.table.setFocus()
    page.list_page.table.selectRow(0)
    return window


def _pick_debtor(session: Any) -> int:
    """A demo debtor whose card shows the most: instalments first, then negotiating, then anyone."""
    from saiken.services import debtors

    for statuses in (frozenset({"分納中"}), frozenset({"交渉中"}), frozenset()):
        page = debtors.search_debtors(session, debtors.DebtorFilter(statuses=statuses), limit=1)
        if page.rows:
            return page.rows[0].id
    raise LookupError("the demo vault has no debtor")


def _card(env: Any) -> QWidget:
    window = env.main_window("debtors")
    env.settle()
    page = _debtors_page(window)
    found: list[int] = []
    env.ops.call(_pick_debtor, on_result=found.append)
    env.settle()
    if found:
        page.open_debtor(found[0])
        env.settle()
        page.card_page.tabs.setCurrentWidget(page.card_page.records_tab)
    return window


def _statement(env: Any) -> QWidget:
    """The charge statement of a demo debtor with payments, on its breakdown."""
    window = _card(env)
    page = _debtors_page(window)
    page.card_page.open_charge_statement()
    env.settle()
    dialog = page.card_page.statement_dialog
    if dialog is None:  # pragma: no cover - the demo debtor always has a claim
        return window
    env.keep.append(window)
    dialog.resize(1100, 700)
    return dialog


def _statement_preview(env: Any) -> QWidget:
    """The same statement on its print preview (the PDF made in memory)."""
    dialog = _statement(env)
    show = getattr(dialog, "show_preview", None)
    if show is not None:
        show()
        env.settle()
    return dialog


def _backdrop(dialog: QWidget) -> QWidget:
    """A dialog shown inside a plain window of the screenshot's size (grab() shows no separate windows)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QVBoxLayout

    width = max(dialog.width(), dialog.sizeHint().width())
    window = QWidget()
    window.setObjectName("screenshotBackdrop")
    window.setStyleSheet("QWidget#screenshotBackdrop { background: #d9dee3; }")
    dialog.setParent(window)
    dialog.setWindowFlags(Qt.WindowType.Widget)
    dialog.setAutoFillBackground(True)
    dialog.setFixedWidth(width)
    layout = QVBoxLayout(window)
    layout.addWidget(dialog, 0, Qt.AlignmentFlag.AlignCenter)
    return window


def _export(env: Any) -> QWidget:
    """The save dialog of the debtor list: 「パスワードを付ける」 on, a generated password."""
    from saiken.ui.kit.errors import dialogs
    from saiken.ui.kit.protected_save import ProtectedSaveDialog

    dialog = ProtectedSaveDialog(dialogs, title="債務者一覧を Excel に書き出す", suggested="債務者一覧.xlsx")
    return _backdrop(dialog)


def _file_password(env: Any) -> QWidget:
    """The password of a file just saved, shown once (a made-up file: nothing is written)."""
    import datetime as dt
    import hashlib
    from pathlib import Path
    from types import SimpleNamespace

    from saiken.services.file_protection import SavedFile, generate_file_password
    from saiken.ui.kit.errors import dialogs
    from saiken.ui.kit.protected_save import PasswordOnceDialog

    saved = SavedFile(
        path=Path("債務者一覧.xlsx"),
        file_type="xlsx",
        title="債務者一覧",
        size=0,
        sha256=hashlib.sha256(b"screenshot").hexdigest(),
        protection="office-agile-aes256",
        saved_at=dt.datetime(2025, 10, 1, 1, 30, tzinfo=dt.UTC),
    )
    context = SimpleNamespace(ops=env.ops, dialogs=dialogs, clipboard=None)
    return _backdrop(PasswordOnceDialog(context, saved, generate_file_password()))


def _import_password(env: Any) -> QWidget:
    """The import asking again for the password of the ward's encrypted workbook."""
    from saiken.ui.kit.file_password_prompt import FilePasswordDialog

    problem = "ファイル「抽出データ_R7.xlsx」のパスワードが違います。パスワード通知書などで確かめて、もう一度入力してください。"
    return _backdrop(FilePasswordDialog("抽出データ_R7.xlsx", problem=problem))


def register(views: dict[str, Callable[[Any], QWidget]]) -> None:
    views["debtors"] = _list
    views["debtor"] = _card
    views["statement"] = _statement
    views["statement-preview"] = _statement_preview
    views["export"] = _export
    views["file-password"] = _file_password
    views["import-password"] = _import_password

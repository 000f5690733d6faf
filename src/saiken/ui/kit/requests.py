"""What one area asks of another through the main window. Areas never import each other: an area emits a
request here and the shell, which knows every area, carries it out."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Requests(QObject):
    # Management numbers: open 文書 › 文書を作る with these debtors (a selection in the list, or one card).
    letters_for = Signal(list)

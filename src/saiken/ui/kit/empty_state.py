"""The honest page of an area that is not built yet: what it will hold, and that nothing works there yet."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

_CARD_WIDTH = 640


class EmptyStatePage(QWidget):
    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyStatePage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 48, 48, 48)
        card = QFrame(self)
        card.setObjectName("card")
        card.setFixedWidth(_CARD_WIDTH)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(14)
        title = QLabel(self.tr("Not available yet"), card)
        title.setObjectName("emptyTitle")
        body = QLabel(QCoreApplication.translate("Navigation", what), card)
        body.setObjectName("emptyBody")
        body.setWordWrap(True)
        note = QLabel(self.tr("Nothing on this page can be used yet, and nothing is stored for it."), card)
        note.setObjectName("hintText")
        note.setWordWrap(True)
        text_width = _CARD_WIDTH - 64
        for label in (title, body, note):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            label.setFixedWidth(text_width)
            if label.wordWrap():  # Japanese has no spaces: give wrapped text the height it needs
                label.setMinimumHeight(label.heightForWidth(text_width))
            inner.addWidget(label)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        outer.addStretch(1)
        self.what = what

"""Fictional debtors for the debtor-screen tests (written out by hand; obviously fictional)."""

from __future__ import annotations

import datetime as dt

# Fictional debtors written out by hand: readings chosen to check the 五十音 order and the 髙/高 folding.
HAND_DEBTORS = [
    ("T-003", "架空商事株式会社", "カクウショウジ", "法人", "高橋 一郎"),
    ("T-001", "高橋工務店", "タカハシコウムテン", "個人", "高橋 次郎"),
    ("T-002", "髙橋製作所", "タカハシセイサクショ", "個人", "髙橋 三郎"),
    ("T-004", "朝日架空運輸合同会社", "アサヒカクウウンユ", "法人", "朝日 花子"),
    ("T-005", "渡辺架空食堂", "ワタナベカクウショクドウ", "個人", "渡辺 四郎"),
]
EXPECTED_ORDER = [
    "アサヒカクウウンユ",
    "カクウショウジ",
    "タカハシコウムテン",
    "タカハシセイサクショ",
    "ワタナベカクウショクドウ",
]


def make_claim(principal: int = 1_000_000) -> dict:
    return {
        "principal": principal,
        "programme": "架空創業支援補助金",
        "fiscal_year": 2024,
        "decision_date": dt.date(2024, 6, 1),
        "grant_amount": principal,
        "received_on": dt.date(2024, 7, 1),
        "order_date": dt.date(2025, 3, 1),
        "due_date": dt.date(2025, 3, 21),
    }


def type_japanese(widget, text: str) -> None:
    """Type `text` the way a Japanese input method commits it (one QInputMethodEvent per character)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)

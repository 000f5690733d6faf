"""The 「組織の鍵 照合用紙」 printed when two organisations pair (issue 9 item 1).

Each side prints its own sheet: its organisation's key fingerprint in large numbered groups, and the
fingerprint it registered for the counterpart. The two people compare the groups on paper, face to face
(or one reads them aloud to the other), tick each group, and both sign. A package is trusted only when
it verifies with the key whose fingerprint was compared this way. No personal data is on the sheet.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from saiken.exchange.pdf.blocks import ConfidentialMark, label_table, seal_box
from saiken.exchange.pdf.document import para, render, wareki
from saiken.exchange.pdf.recovery_sheet import KeyGroupsBox

TITLE = "組織の鍵 照合用紙"
ROLE_LABELS = {"ward": "区（委託者）", "contractor": "受託者"}


@dataclass(frozen=True)
class FingerprintParty:
    name: str
    role: str  # ward / contractor
    fingerprint: str


def fingerprint_groups(fingerprint: str, size: int = 4) -> list[str]:
    """The fingerprint's groups as printed: its own hyphen/space groups, or runs of `size` characters."""
    parts = [p for p in re.split(r"[-\s:]+", fingerprint.strip()) if p]
    if len(parts) > 1:
        return parts
    text = parts[0] if parts else ""
    return [text[i : i + size] for i in range(0, len(text), size)]


def _party(heading: str, party: FingerprintParty) -> list[Flowable]:
    return [
        para(heading, "heading"),
        label_table([("組織", party.name), ("区分", ROLE_LABELS.get(party.role, party.role))]),
        Spacer(1, 2 * mm),
        KeyGroupsBox(fingerprint_groups(party.fingerprint), max_height=36 * mm),
        Spacer(1, 1 * mm),
        para(f"続けて書くと {party.fingerprint}", "note"),
    ]


def render_fingerprint_sheet(
    ours: FingerprintParty, counterpart: FingerprintParty | None, *, printed_at: dt.datetime, printed_by: str
) -> bytes:
    """The sheet as PDF bytes (A4), made in memory. Without a counterpart it shows only our fingerprint
    (to hand to the other side before they register us)."""
    story: list[Flowable] = [
        ConfidentialMark("照合用"),
        para(TITLE, "title"),
        para(
            "受渡パッケージの署名を確かめるための鍵の指紋です。相手方の用紙と一組ずつ見比べ（または読み上げて）、"
            "すべての組が一致したら両者が署名してください。一致しないときは鍵を登録せず、取扱責任者に報告してください。",
            "small",
        ),
        Spacer(1, 2 * mm),
    ]
    story += _party("当方の組織の鍵", ours)
    if counterpart is not None:
        story += [Spacer(1, 3 * mm), *_party("当方に登録した相手方の鍵", counterpart)]
    story += [
        Spacer(1, 5 * mm),
        KeepTogether(
            [
                seal_box(
                    "照合の確認（両者が記入・押印）",
                    [
                        ("照合日", "令和　　年　　月　　日"),
                        (f"{ours.name}", "所属・氏名"),
                        (counterpart.name if counterpart else "相手方", "所属・氏名"),
                    ],
                )
            ]
        ),
        Spacer(1, 2 * mm),
        para(f"印刷: {wareki(printed_at)}（{printed_by}）", "note"),
    ]
    return render(story, title=TITLE, subject="組織の鍵の指紋", footer_text=f"債権デスク　{TITLE}")

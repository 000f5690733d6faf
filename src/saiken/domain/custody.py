"""Custody of personal data on media (seed 000's 管理簿 / 確認記録票): events, media, what is still open.

Every handover is written down with its date and time, handler, content and quantity so its history can
be traced; the medium and its password notice are handed over on separate occasions; at the end the media
come back or are destroyed and the data is erased. These rules are pure: the store keeps the entries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError

PREPARED = "prepared"
HANDED_OVER = "handed_over"
RECEIVED = "received"
NOTICE_HANDED_OVER = "notice_handed_over"
NOTICE_RECEIVED = "notice_received"
RETURNED = "returned"
DESTROYED = "destroyed"
ERASED = "erased"
VERIFIED = "verified"  # the burned medium was read back and its SHA-256 matched

EVENTS = (
    PREPARED,
    VERIFIED,
    HANDED_OVER,
    RECEIVED,
    NOTICE_HANDED_OVER,
    NOTICE_RECEIVED,
    RETURNED,
    DESTROYED,
    ERASED,
)
EVENT_LABELS = {
    PREPARED: "作成",
    VERIFIED: "媒体照合",
    HANDED_OVER: "引渡し",
    RECEIVED: "受領",
    NOTICE_HANDED_OVER: "通知書引渡し",
    NOTICE_RECEIVED: "通知書受領",
    RETURNED: "返却",
    DESTROYED: "廃棄",
    ERASED: "消去",
}
CLOSING_EVENTS = frozenset({RETURNED, DESTROYED, ERASED})
MEDIUM_EVENTS = frozenset({PREPARED, VERIFIED, HANDED_OVER, RECEIVED, RETURNED, DESTROYED, ERASED})
NOTICE_EVENTS = frozenset({NOTICE_HANDED_OVER, NOTICE_RECEIVED})

MEDIA_KINDS = ("CD-R", "DVD-R", "紙")
OPEN = "open"
STATUS_LABELS = {
    PREPARED: "作成済み（未引渡し）",
    HANDED_OVER: "引渡し済み",
    RECEIVED: "受領済み",
    RETURNED: "返却済み",
    DESTROYED: "廃棄済み",
    ERASED: "消去済み",
}

MEDIUM_ID_MAX = 40


def check_medium_id(text: str) -> str:
    """The label written on the disc: 1–40 printable characters, no personal data by convention
    (e.g. 「区-R7-001」). Returns it stripped; ValidationError otherwise."""
    value = " ".join(str(text or "").split())
    if not value:
        raise ValidationError(
            "媒体番号が空です。", hint="ディスクに書いた媒体番号（例: 区-R7-001）を入力してください。"
        )
    if len(value) > MEDIUM_ID_MAX or any(ord(ch) < 32 for ch in value):
        raise ValidationError(
            f"媒体番号は {MEDIUM_ID_MAX} 文字以内の文字で入力してください。", hint="例: 区-R7-001"
        )
    return value


def check_medium_kind(kind: str) -> str:
    if kind not in MEDIA_KINDS:
        raise ValidationError(f"媒体の種類は {'・'.join(MEDIA_KINDS)} のどれかです。")
    return kind


def next_status(current: str, event: str) -> str:
    """The medium's status after `event`, or ValidationError when the event makes no sense now
    (a medium already returned cannot be handed over again)."""
    if current in CLOSING_EVENTS:
        raise ValidationError(
            f"この媒体は既に{EVENT_LABELS[current]}済みです。記録を追加できません。",
            hint="新しい媒体には新しい媒体番号を付けてください。",
        )
    if event in (PREPARED, RECEIVED):
        raise ValidationError("この媒体は既に管理簿に載っています。")
    if event == VERIFIED:
        return current
    if event == HANDED_OVER and current != PREPARED:
        raise ValidationError("引渡しを記録できるのは、作成済みでまだ渡していない媒体です。")
    if event in CLOSING_EVENTS or event == HANDED_OVER:
        return event
    raise ValidationError("媒体の記録ではありません。")


def is_open(status: str) -> bool:
    return status not in CLOSING_EVENTS


def age_days(opened_at: dt.datetime, today: dt.date) -> int:
    """Days the medium has been out, counted on the Japanese calendar."""
    return (today - opened_at.astimezone(JST).date()).days


@dataclass(frozen=True)
class Occasion:
    """When and with whom something was handed over (the unit of the same-occasion rule)."""

    at: dt.datetime
    person: str


def same_occasion(a: Occasion, b: Occasion) -> bool:
    """A medium and its password notice handed over on the same day (Japan), or to the same person within
    an hour, count as one occasion — the checklist wants them on separate occasions."""
    if a.at.astimezone(JST).date() == b.at.astimezone(JST).date():
        return True
    return bool(a.person) and a.person == b.person and abs(a.at - b.at) < dt.timedelta(hours=1)

"""The kinds of letter Saiken Desk prints (DESIGN §7), the states of a template version, and the rules
that depend only on the kind: who it is addressed to, the limitation event a sent letter gives, and the
document number (文書番号) from a sequence that restarts every fiscal year (年度, from April 1)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from saiken.domain.errors import ValidationError
from saiken.domain.limitation import EventKind
from saiken.domain.limitation_events import LetterSent, limitation_events
from saiken.domain.wareki import era_of

MAIL_METHODS = ("普通", "書留", "簡易書留", "特定記録")
RETURN_REASONS = ("宛所不明", "受取拒否", "保管期間経過", "その他")


class LetterKind(StrEnum):
    DEMAND = "demand"  # 督促状
    NOTICE = "notice"  # 催告書
    AGREEMENT = "agreement"  # 合意書 (with an instalment schedule)
    PLEDGE = "pledge"  # 分割納付誓約書
    REISSUE = "reissue"  # 納付書再発行依頼 (to the ward)

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def needs_plan(self) -> bool:
        """An agreement and a pledge print the debtor's instalment plan."""
        return self in (LetterKind.AGREEMENT, LetterKind.PLEDGE)

    @property
    def to_ward(self) -> bool:
        """The reissue request goes to the ward, not to the debtor."""
        return self is LetterKind.REISSUE

    @property
    def is_demand(self) -> bool:
        return self in (LetterKind.DEMAND, LetterKind.NOTICE)


_LABELS = {
    LetterKind.DEMAND: "督促状",
    LetterKind.NOTICE: "催告書",
    LetterKind.AGREEMENT: "合意書",
    LetterKind.PLEDGE: "分割納付誓約書",
    LetterKind.REISSUE: "納付書再発行依頼",
}
_BY_TEXT = {kind.value: kind for kind in LetterKind} | {label: kind for kind, label in _LABELS.items()}


def letter_kind(text: str | LetterKind) -> LetterKind:
    """`demand` or `督促状` (and so on) to its kind; anything else is refused with the choices."""
    if isinstance(text, LetterKind):
        return text
    kind = _BY_TEXT.get(str(text).strip())
    if kind is None:
        choices = "、".join(f"{k.label}（{k.value}）" for k in LetterKind)
        raise ValidationError(f"文書の種類「{text}」はありません。次のどれかを指定してください: {choices}")
    return kind


def limitation_event(kind: LetterKind) -> EventKind | None:
    """The limitation event a letter of `kind` gives when it is sent and not returned undelivered, by the
    rules of `saiken.domain.limitation_events` (a 督促状 is the statutory demand, a 催告書 a demand). Sending an
    agreement or a pledge gives nothing: it counts as an acknowledgement only once the debtor has signed it
    (entered as the plan's agreed date). A reissue request goes to the ward."""
    day = dt.date(2000, 1, 1)
    events = limitation_events(day, letters=[LetterSent(kind.label, day)])
    return events[0].kind if events else None


class TemplateState(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    RETIRED = "retired"

    @property
    def label(self) -> str:
        return {"draft": "下書き", "approved": "承認済み", "retired": "廃止"}[self.value]


# draft → approved (by a supervisor) → retired; a draft nobody wants may be retired too. Approved text is
# never edited: a change is a new draft version, and approving it retires the version it replaces.
_TRANSITIONS: dict[TemplateState, frozenset[TemplateState]] = {
    TemplateState.DRAFT: frozenset({TemplateState.APPROVED, TemplateState.RETIRED}),
    TemplateState.APPROVED: frozenset({TemplateState.RETIRED}),
    TemplateState.RETIRED: frozenset(),
}


def check_transition(current: TemplateState | str, target: TemplateState | str) -> TemplateState:
    """`target` if a version in `current` may move there; otherwise a ValidationError saying why."""
    now, wanted = TemplateState(current), TemplateState(target)
    if wanted not in _TRANSITIONS[now]:
        if now is TemplateState.RETIRED:
            raise ValidationError(
                "廃止したひな形は使えません。", hint="新しい版を作って承認を受けてください。"
            )
        if now is TemplateState.APPROVED and wanted is TemplateState.APPROVED:
            raise ValidationError("この版は既に承認されています。")
        raise ValidationError(f"{now.label}の版を{wanted.label}にはできません。")
    return wanted


def fiscal_year_of(day: dt.date) -> int:
    """The fiscal year (年度) of `day`, named by the year in which it starts on April 1."""
    return day.year if day.month >= 4 else day.year - 1


def format_document_number(fiscal_year: int, prefix: str, number: int) -> str:
    """`7架産債第12号`: the era year of the fiscal year, the prefix, and the number in that year."""
    if number < 1:
        raise ValidationError("文書番号は1から数えます。")
    era = era_of(dt.date(fiscal_year, 5, 1))
    return f"{fiscal_year - era.start.year + 1}{prefix}第{number}号"

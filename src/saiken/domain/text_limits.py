"""The longest text each field of a debtor file may hold (characters, after the input is tidied).

One table for every way text comes in — the screens, the services and the ward's workbook — so a name
that the card accepts is never refused by the import, or the other way round. Anything longer is
refused with the field, its limit and what to do; nothing is ever cut short silently. The database
columns are at least as wide. A workbook cell longer than Excel's own limit (`EXCEL_CELL_MAX`, 32,767
characters) cannot have been typed in Excel and is refused whatever its column.
"""

from __future__ import annotations

EXCEL_CELL_MAX = 32_767

TEXT_LIMITS: dict[str, int] = {
    "management_no": 32,
    "name": 256,
    "name_kana": 256,
    "representative": 128,
    "representative_kana": 128,
    "postal_code": 8,  # 160-0023
    "address": 512,
    "mailing_postal_code": 8,
    "mailing_address": 512,
    "phone": 32,
    "phone2": 32,
    "email": 256,
    "programme": 128,
    "notes": 4000,
    "summary": 4000,  # a negotiation record
    "person": 256,
    "question": 4000,  # an inquiry
    "answer": 4000,
    "tag": 64,
    "tracking_no": 64,
}


def too_long(field: str, text: str) -> str | None:
    """The Japanese reason when `text` is longer than `field` may hold, else None."""
    limit = TEXT_LIMITS.get(field)
    if limit is None or len(text) <= limit:
        return None
    return f"長すぎます（{len(text):,}文字。この項目は{limit:,}文字まで）。短くしてください。"


def cell_too_long(text: str) -> str | None:
    if len(text) <= EXCEL_CELL_MAX:
        return None
    return (
        f"セルの文字数が Excel の上限（{EXCEL_CELL_MAX:,}文字）を超えています（{len(text):,}文字）。"
        "Excel で作ったブックではないか、壊れています。区に確かめてください。"
    )

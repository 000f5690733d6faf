"""Corporate forms (株式会社 …) in a name's reading, and the part of the reading that tells firms apart.

A ward's list of firms reads カブシキガイシャ… on half its rows; what tells one from another is the rest. The
list's reading column shows that part first, with the form after it as people abbreviate it in writing
(「カクウショウジ（株）」 for both 前株 and 後株: the name column beside it has the exact name), and the sort
key drops the form altogether.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# reading of the form → its usual written abbreviation
FORMS: dict[str, str] = {
    "カブシキガイシャ": "（株）",
    "カブシキカイシャ": "（株）",
    "ユウゲンガイシャ": "（有）",
    "ユウゲンカイシャ": "（有）",
    "ゴウドウガイシャ": "（同）",
    "ゴウドウカイシャ": "（同）",
    "ゴウシガイシャ": "（資）",
    "ゴウメイガイシャ": "（名）",
    "イッパンシャダンホウジン": "（一社）",
    "イッパンザイダンホウジン": "（一財）",
    "コウエキシャダンホウジン": "（公社）",
    "コウエキザイダンホウジン": "（公財）",
    "トクテイヒエイリカツドウホウジン": "（特非）",
    "エヌピーオーホウジン": "（特非）",
    "シャカイフクシホウジン": "（福）",
    "イリョウホウジン": "（医）",
    "ガッコウホウジン": "（学）",
    "シュウキョウホウジン": "（宗）",
    "ノウジクミアイホウジン": "（農）",
    "キギョウクミアイ": "（企）",
    "キョウドウクミアイ": "（協）",
    "ショクギョウクミアイ": "（職）",
}
# Longest first, so that e.g. トクテイヒエイリカツドウホウジン wins over a shorter form inside it.
READINGS: tuple[str, ...] = tuple(sorted(FORMS, key=len, reverse=True))


@dataclass(frozen=True)
class ReadingParts:
    distinctive: str  # the reading without the form (the whole reading when it has none)
    form: str = ""  # the abbreviation, e.g. （株）
    form_first: bool = False  # 前株: the form comes before the name


def _katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in text)


def reading_parts(name_kana: str) -> ReadingParts:
    """The reading split into its distinctive part and its corporate form (full-width katakana, no spaces;
    a hiragana or half-width reading is read the same)."""
    text = _katakana(unicodedata.normalize("NFKC", name_kana or "")).replace(" ", "").replace("\u3000", "")
    for form in READINGS:
        if text.startswith(form) and len(text) > len(form):
            return ReadingParts(text[len(form) :], FORMS[form], True)
        if text.endswith(form) and len(text) > len(form):
            return ReadingParts(text[: -len(form)], FORMS[form], False)
    return ReadingParts(text)


def distinctive_reading(name_kana: str) -> str:
    """「カクウショウジ（株）」 for カブシキガイシャカクウショウジ and for カクウショウジカブシキガイシャ; the reading as it is
    for a name with no corporate form."""
    parts = reading_parts(name_kana)
    return parts.distinctive + parts.form

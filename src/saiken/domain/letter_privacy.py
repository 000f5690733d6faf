"""No personal data in a letter template (seed 000 steps ①②: the templates are agreed with no personal data).

A template is checked in two ways before it is saved:

1. Here, by pattern (pure): text outside `{{…}}` that looks like personal data — an e-mail address, a
   telephone number, a postal code, a run of six or more digits (account numbers, amounts, My Number),
   a name with an honorific (`山田太郎様`, `…殿`, `…御中`, except generic words such as 皆様 or
   ご担当者様), or a company name (`株式会社…`, `…有限会社`). Each is reported with its line and column,
   and the message never repeats the text found (error messages carry no personal data).
2. In `saiken.services.letters`, against the vault: no debtor's name, representative, address, phone
   number or management number held in the vault may appear in the template.

Organisational values that a letter needs (the ward, the firm, their telephone numbers, the account to pay
into) are fields too (`{{区電話}}`, `{{振込先}}` …), so a template never needs a number written into it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_PLACEHOLDER = re.compile(r"\{\{[^{}\n]*\}\}")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_PHONE = re.compile(r"(?<![0-9])0\d{1,4}[-(（ー－‐]\d{1,4}[-)）ー－‐]\d{3,4}(?![0-9])")
_POSTAL = re.compile(r"(?:〒\s*\d{3}[-ー－‐]?\d{4}|(?<![0-9-])\d{3}[-ー－‐]\d{4}(?![0-9-]))")
_DIGITS = re.compile(r"\d[\d,，]{5,}")
_HONORIFIC = re.compile(r"([一-龥々〆ヵヶァ-ヴー・]{2,12})\s?(様(?![式子相])|殿(?!堂)|御中)")
_NOT_A_NAME_BEFORE_SAMA = frozenset("同仕模多一異別左")
_COMPANY = re.compile(
    r"(?:株式会社|有限会社|合同会社|合名会社|合資会社)[一-龥々ァ-ヴーA-Za-z]{2,}"
    r"|[一-龥々ァ-ヴーA-Za-z]{2,}(?:株式会社|有限会社|合同会社|合名会社|合資会社)"
)
# Words before 様/殿/御中 that name nobody in particular.
_GENERIC = (
    "皆",
    "皆さ",
    "みなさ",
    "お客",
    "ご担当者",
    "御担当者",
    "担当者",
    "ご担当",
    "関係者",
    "ご家族",
    "ご本人",
    "債務者",
    "納付者",
    "申請者",
    "相続人",
    "貴",
    "各位",
    "誓約者",
    "区長",
    "ご関係者",
)


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based, in the text given
    column: int  # 1-based
    what: str  # Japanese: 電話番号, メールアドレス …


def _blank_placeholders(line: str) -> str:
    return _PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), line)


def _narrow(ch: str) -> str:
    """Full-width digits and letters as ASCII, one character for one (so columns stay where they were)."""
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def _generic(word: str) -> bool:
    return any(word.endswith(g) for g in _GENERIC)


def _line_findings(line: str, number: int) -> list[Finding]:
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []
    candidates: list[tuple[re.Match[str], str]] = []
    candidates += [(m, "メールアドレス") for m in _EMAIL.finditer(line)]
    candidates += [(m, "電話番号") for m in _PHONE.finditer(line)]
    candidates += [(m, "郵便番号") for m in _POSTAL.finditer(line)]
    candidates += [
        (m, "番号・金額（6桁以上の数字）")
        for m in _DIGITS.finditer(line)
        if sum(ch.isdigit() for ch in m.group(0)) >= 6
    ]
    candidates += [(m, "会社名") for m in _COMPANY.finditer(line)]
    for match in _HONORIFIC.finditer(line):
        word, honorific = match.group(1), match.group(2)
        if honorific.startswith("様") and word[-1] in _NOT_A_NAME_BEFORE_SAMA:
            continue
        if not _generic(word):
            candidates.append((match, "敬称付きの氏名・名称"))
    for match, what in candidates:  # the first pattern to claim a stretch of text names it
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        found.append(Finding(number, start + 1, what))
    return found


def find_personal_data(text: str, *, first_line: int = 1) -> list[Finding]:
    """Everything in `text` (outside placeholders) that looks like personal data, in reading order."""
    findings: list[Finding] = []
    for offset, raw in enumerate(text.splitlines()):
        # NFKC maps full-width digits and letters to ASCII one for one, so columns stay where they were.
        line = "".join(_narrow(ch) for ch in _blank_placeholders(raw))
        findings += _line_findings(line, first_line + offset)
    findings.sort(key=lambda f: (f.line, f.column))
    return findings

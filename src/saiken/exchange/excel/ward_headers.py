"""Column headers of the ward's extraction: which field each header means, and where the header row is.

Real workbooks name the same column in many ways (氏名 / 名称 / 事業者名 / 債務者名, 返還金額（円）/ 債権金額 /
返還額 …), put spaces (also full-width) inside headers and sit the header under title rows. A header
is NFKC-normalised, stripped of every space, of a unit in brackets like （円） and of ※/* marks, then
looked up in an exact table and, failing that, in a few ordered rules on the words it contains.
Headers that mean nothing to us (残高, 担当 …) are ignored.
"""

from __future__ import annotations

import re
import unicodedata

MANAGEMENT_NO = "management_no"
KIND = "kind"
NAME = "name"
NAME_KANA = "name_kana"
REPRESENTATIVE = "representative"
REPRESENTATIVE_KANA = "representative_kana"
POSTAL_CODE = "postal_code"
ADDRESS = "address"
MAILING_POSTAL_CODE = "mailing_postal_code"
MAILING_ADDRESS = "mailing_address"
PHONE = "phone"
EMAIL = "email"
FISCAL_YEAR = "fiscal_year"
DECISION_DATE = "decision_date"
GRANT_AMOUNT = "grant_amount"
RECEIVED_DATE = "received_date"
ORDER_DATE = "order_date"
PRINCIPAL = "principal"
DUE_DATE = "due_date"
PAID = "paid"
NOTES = "notes"

# What a person calls each field in messages.
LABELS = {
    MANAGEMENT_NO: "管理番号",
    KIND: "区分",
    NAME: "氏名・名称",
    NAME_KANA: "フリガナ",
    REPRESENTATIVE: "代表者氏名",
    REPRESENTATIVE_KANA: "代表者フリガナ",
    POSTAL_CODE: "郵便番号",
    ADDRESS: "住所",
    MAILING_POSTAL_CODE: "送付先郵便番号",
    MAILING_ADDRESS: "送付先住所",
    PHONE: "電話番号",
    EMAIL: "メールアドレス",
    FISCAL_YEAR: "交付年度",
    DECISION_DATE: "交付決定日",
    GRANT_AMOUNT: "交付額",
    RECEIVED_DATE: "受領日",
    ORDER_DATE: "返還命令日",
    PRINCIPAL: "返還金額",
    DUE_DATE: "納期限",
    PAID: "既納付額",
    NOTES: "経過",
}

_EXACT: dict[str, str] = {}
for _field, _names in {
    MANAGEMENT_NO: "管理番号 管理no 管理no. 管理ナンバー 整理番号 債権番号 債権管理番号 債務者番号 滞納者番号 管理コード",
    KIND: "区分 種別 法人個人区分 法人・個人 法人/個人 法人個人 個人法人 事業者区分 法人・個人区分 事業形態 法人個人の別",
    NAME: "氏名 名称 事業者名 債務者名 滞納者名 商号 氏名又は名称 氏名または名称 氏名・名称 名称・氏名 氏名/名称 "
    "法人名 事業者名称 屋号 事業所名 会社名 商号又は名称 債務者氏名 滞納者氏名 債務者",
    FISCAL_YEAR: "年度 交付年度 補助年度 事業年度 交付決定年度",
    RECEIVED_DATE: "受領日 受領年月日 補助金受領日 交付日 交付年月日 入金日(補助金) 概算払日 支払日",
    EMAIL: "email e-mail eメール mail メール メールアドレス 電子メール 電子メールアドレス",
    PHONE: "tel tel. 電話 電話番号 連絡先電話番号 連絡先 携帯 携帯電話 携帯番号",
}.items():
    for _name in _names.split():
        _EXACT[_name] = _field

_UNIT_RE = re.compile(r"[(\[（【<＜]\s*(?:単位\s*[:：]?\s*)?円\s*[)\]）】>＞]$")
_SPACE_RE = re.compile(r"\s+")
_KANA_MARKS = ("フリガナ", "ふりがな", "カナ", "かな", "ヨミ", "よみ", "読み")
_MAILING_MARKS = ("送付先", "郵送先", "送達先", "通知先", "連絡先住所", "連絡先郵便")
_BALANCE_MARKS = ("未納", "残高", "残額", "滞納額", "未収")


def normalize_header(text: object) -> str:
    """The comparable form of a header cell: NFKC, no spaces, no unit in brackets, no ※/* marks."""
    if text is None:
        return ""
    result = unicodedata.normalize("NFKC", str(text))
    result = _SPACE_RE.sub("", result).strip("※*＊")
    result = _UNIT_RE.sub("", result)
    return result.lower()


def _by_words(n: str) -> str | None:
    if any(mark in n for mark in _KANA_MARKS):
        return REPRESENTATIVE_KANA if "代表" in n else NAME_KANA
    mailing = any(mark in n for mark in _MAILING_MARKS)
    if "郵便番号" in n or "〒" in n:
        return MAILING_POSTAL_CODE if mailing else POSTAL_CODE
    if "住所" in n or "所在地" in n or n in ("送付先", "郵送先"):
        return MAILING_ADDRESS if mailing else ADDRESS
    if "電話" in n or n.startswith("tel"):
        return PHONE
    if "メール" in n or "mail" in n:
        return EMAIL
    if "代表" in n:
        return REPRESENTATIVE
    if any(mark in n for mark in _BALANCE_MARKS):
        return None  # the balance is computed, never read
    if "年度" in n:
        return FISCAL_YEAR
    if "決定" in n and "日" in n:
        return DECISION_DATE
    if "交付" in n and "額" in n:
        return GRANT_AMOUNT
    if "受領" in n:
        return RECEIVED_DATE
    if ("命令" in n or "請求" in n) and "日" in n:
        return ORDER_DATE
    if "期限" in n:
        return DUE_DATE
    if any(mark in n for mark in ("既納", "納付済", "収納済", "入金済", "入金額", "納付額", "収納額")):
        return PAID
    if ("返還" in n and ("額" in n or n.endswith("金"))) or ("債権" in n and "額" in n) or "請求額" in n:
        return PRINCIPAL
    if any(mark in n for mark in ("経過", "備考", "摘要", "メモ", "特記", "交渉記録")):
        return NOTES
    if n.startswith(("氏名", "名称", "事業者名", "債務者名", "滞納者名", "商号")):
        return NAME
    return None


def classify_header(text: object) -> str | None:
    """The field a header cell stands for, or None for a column we do not read."""
    n = normalize_header(text)
    if not n:
        return None
    return _EXACT.get(n) or _by_words(n)


def map_header_row(cells: tuple[object, ...] | list[object]) -> dict[str, int]:
    """field → 0-based column index for one candidate header row; the first column of a field wins."""
    mapping: dict[str, int] = {}
    for index, cell in enumerate(cells):
        if not isinstance(cell, str):
            continue
        field = classify_header(cell)
        if field is not None and field not in mapping:
            mapping[field] = index
    return mapping


def looks_like_header(mapping: dict[str, int]) -> bool:
    return len(mapping) >= 3 and (NAME in mapping or MANAGEMENT_NO in mapping)


def missing_required(mapping: dict[str, int]) -> list[str]:
    """Labels of the required columns this header lacks (empty when it has them all)."""
    missing = [LABELS[field] for field in (MANAGEMENT_NO, NAME, PRINCIPAL) if field not in mapping]
    if ORDER_DATE not in mapping and DUE_DATE not in mapping:
        missing.append("返還命令日または納期限")
    return missing

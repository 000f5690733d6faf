"""The values of every template field for one letter, from plain inputs (pure).

`LetterInputs` is what a letter needs to know about a debtor, the claim, the amounts on the letter date
(from the charges engine), the letter itself and the sender (`Letterhead`, the vault's 差出人情報).
`letter_values` turns it into finished Japanese text for every field of `letter_fields.FIELDS`: dates in
和暦, amounts as 1,234,567円, the representative with the title of the legal form. A value the vault does
not hold prints as 「（未登録）」, and `missing_letterhead` names the sender settings still empty, so the
person making a batch is told before anything is printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields
from fractions import Fraction

from saiken.domain.addressing import SPACE, addressee_lines, representative_title
from saiken.domain.instalments import Instalment
from saiken.domain.letter_kinds import LetterKind
from saiken.domain.limitation import ClaimNature
from saiken.domain.money import format_yen
from saiken.domain.rule_profiles import format_percent
from saiken.domain.wareki import format_fiscal_year, format_wareki

MISSING = "（未登録）"


@dataclass(frozen=True)
class Letterhead:
    """The sender and payment details every letter prints (settings of the vault, no personal data)."""

    ward: str = ""  # 架空区
    ward_head_title: str = ""  # 架空区長
    ward_head_name: str = ""  # 山本　一郎
    ward_department: str = ""  # 文化観光産業部産業振興課
    ward_postal_code: str = ""
    ward_address: str = ""
    ward_phone: str = ""
    firm: str = ""
    firm_postal_code: str = ""
    firm_address: str = ""
    firm_phone: str = ""
    bank_account: str = "同封の納付書により、金融機関の窓口で納付してください。"
    claim_name: str = "補助金返還金"  # used when a claim has no programme name
    number_prefix: str = "債"  # 文書番号: 7債第12号

    @property
    def ward_head(self) -> str:
        title = self.ward_head_title or (f"{self.ward}長" if self.ward else "")
        return SPACE.join(part for part in (title, self.ward_head_name) if part)


LETTERHEAD_LABELS = {
    "ward": "区名",
    "ward_head_title": "区長の職名",
    "ward_head_name": "区長の氏名",
    "ward_department": "担当課",
    "ward_postal_code": "区の郵便番号",
    "ward_address": "区の住所",
    "ward_phone": "区の電話番号",
    "firm": "事務所名",
    "firm_postal_code": "事務所の郵便番号",
    "firm_address": "事務所の住所",
    "firm_phone": "事務所の電話番号",
    "bank_account": "納付の方法・振込先",
    "claim_name": "債権の名称（既定）",
    "number_prefix": "文書番号の記号",
}
# template field → the letterhead settings it prints
_FIELD_SETTINGS = {
    "区名": ("ward",),
    "区長": ("ward", "ward_head_name"),
    "区長職名": ("ward",),
    "担当課": ("ward_department",),
    "区住所": ("ward_postal_code", "ward_address"),
    "区電話": ("ward_phone",),
    "事務所名": ("firm",),
    "事務所住所": ("firm_address",),
    "事務所電話": ("firm_phone",),
    "振込先": ("bank_account",),
}


@dataclass(frozen=True)
class Amounts:
    """What the charges engine gives on the letter date (whole yen); the charges are what remains unpaid."""

    as_of: dt.date
    principal: int
    paid: int
    principal_remaining: int
    additional_charge: int
    late_charge: int
    total: int
    annual_rate: Fraction = Fraction(1095, 10000)


@dataclass(frozen=True)
class LetterInputs:
    kind: LetterKind
    nature: ClaimNature
    debtor_kind: str  # 法人 / 個人
    debtor_name: str
    representative: str
    postal_code: str
    address: str
    management_no: str
    claim_name: str
    fiscal_year: int | None
    decision_date: dt.date | None
    order_date: dt.date | None
    due_date: dt.date | None
    amounts: Amounts
    letter_date: dt.date
    document_number: str
    pay_by: dt.date
    handler: str
    letterhead: Letterhead
    plan: tuple[Instalment, ...] = ()


def _date(day: dt.date | None) -> str:
    return format_wareki(day) if day else MISSING


def _text(value: str) -> str:
    return value if value.strip() else MISSING


def representative_line(inputs: LetterInputs) -> str:
    """`代表取締役　佐藤　大輔` for an organisation, the owner's name for a sole proprietor."""
    person = SPACE.join(inputs.representative.split())
    if not person:
        return ""
    title = representative_title(inputs.debtor_name, is_organisation=inputs.debtor_kind == "法人")
    return f"{title}{SPACE}{person}" if title else person


def letter_values(inputs: LetterInputs) -> dict[str, str]:
    """Finished text for every field name (module docstring)."""
    head = inputs.letterhead
    names = addressee_lines(inputs.debtor_name, inputs.debtor_kind, inputs.representative)
    money = inputs.amounts
    plan = inputs.plan
    values = {
        "宛名": f"{inputs.debtor_name}{SPACE}{names.honorific}",
        "債務者名": inputs.debtor_name,
        "敬称": names.honorific,
        "代表者": representative_line(inputs) or "―",
        "代表者名": SPACE.join(inputs.representative.split()) or "―",
        "郵便番号": _text(inputs.postal_code),
        "住所": _text(inputs.address),
        "管理番号": inputs.management_no,
        "債権名": inputs.claim_name or head.claim_name,
        "交付年度": format_fiscal_year(inputs.fiscal_year) if inputs.fiscal_year else MISSING,
        "交付決定日": _date(inputs.decision_date),
        "返還命令日": _date(inputs.order_date),
        "納期限": _date(inputs.due_date),
        "元金": format_yen(money.principal),
        "納付済額": format_yen(money.paid),
        "元金残額": format_yen(money.principal_remaining),
        "加算金": format_yen(money.additional_charge),
        "延滞金": format_yen(money.late_charge),
        "合計": format_yen(money.total),
        "年率": f"年{format_percent(money.annual_rate)}",
        "文書日付": format_wareki(inputs.letter_date),
        "文書番号": inputs.document_number,
        "納付期限": format_wareki(inputs.pay_by),
        "区名": _text(head.ward),
        "区長": _text(head.ward_head),
        "区長職名": _text(head.ward_head_title or (f"{head.ward}長" if head.ward else "")),
        "担当課": _text(head.ward_department),
        "区住所": _text(
            f"〒{head.ward_postal_code} {head.ward_address}" if head.ward_postal_code else head.ward_address
        ),
        "区電話": _text(head.ward_phone),
        "事務所名": _text(head.firm),
        "事務所住所": _text(
            f"〒{head.firm_postal_code} {head.firm_address}" if head.firm_postal_code else head.firm_address
        ),
        "事務所電話": _text(head.firm_phone),
        "担当者": _text(inputs.handler),
        "振込先": _text(head.bank_account),
        "分納総額": format_yen(sum(i.amount for i in plan)) if plan else MISSING,
        "分納回数": f"{len(plan)}回" if plan else MISSING,
        "初回納付日": _date(plan[0].due) if plan else MISSING,
        "最終納付日": _date(plan[-1].due) if plan else MISSING,
        "初回納付額": format_yen(plan[0].amount) if plan else MISSING,
        "毎回納付額": format_yen(plan[1].amount if len(plan) > 1 else plan[0].amount) if plan else MISSING,
    }
    return values


def missing_letterhead(letterhead: Letterhead, used_fields: Iterable[str]) -> list[str]:
    """The Japanese labels of the letterhead settings still empty that the given fields print."""
    wanted = {key for name in used_fields for key in _FIELD_SETTINGS.get(name, ())}
    order = [f.name for f in fields(Letterhead)]
    return [
        LETTERHEAD_LABELS[key] for key in order if key in wanted and not str(getattr(letterhead, key)).strip()
    ]

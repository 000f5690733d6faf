"""The fixed list of fields a letter template may use (差し込み項目), written `{{名前}}` in a template.

A template names only fields from this list; any other name is refused when the template is saved, with
its name and position (`saiken.domain.letter_template`). The list is the contract between the people who
draft templates (the firm, seed 000 step ①), the ward that agrees them (step ②) and the code that fills
them in (`saiken.services.letters`). `docs/letters.md` prints the same table for template authors.

- An *inline* field stands for a piece of text inside a sentence (`{{納付期限}}` → 令和7年10月15日).
- A *block* field stands for a printed element (a table, a signature box) and must be alone on its line.

Values are filled as finished Japanese text: dates in 和暦 (令和7年9月16日), amounts as 1,234,567円.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FieldGroup(StrEnum):
    DEBTOR = "debtor"
    CLAIM = "claim"
    LETTER = "letter"
    SENDER = "sender"
    PLAN = "plan"

    @property
    def label(self) -> str:
        return {
            "debtor": "債務者",
            "claim": "債権・金額",
            "letter": "文書",
            "sender": "差出人・納付先",
            "plan": "分割納付",
        }[self.value]


@dataclass(frozen=True)
class LetterField:
    name: str  # as written in a template, between {{ and }}
    key: str  # the same field in code and JSON
    group: FieldGroup
    description: str
    example: str  # a fictional example of the filled value
    block: bool = False


def _f(
    name: str, key: str, group: FieldGroup, description: str, example: str, block: bool = False
) -> LetterField:
    return LetterField(name, key, group, description, example, block)


D, C, L, S, P = FieldGroup.DEBTOR, FieldGroup.CLAIM, FieldGroup.LETTER, FieldGroup.SENDER, FieldGroup.PLAN

FIELDS: tuple[LetterField, ...] = (
    # --- the debtor -----------------------------------------------------------------------------------
    _f(
        "宛名",
        "addressee",
        D,
        "名称・氏名に敬称を付けたもの（法人は御中、個人は様）",
        "株式会社四谷美容室 御中",
    ),
    _f("債務者名", "debtor_name", D, "名称・氏名（敬称なし）", "株式会社四谷美容室"),
    _f("敬称", "honorific", D, "法人は「御中」、個人は「様」", "御中"),
    _f("代表者", "representative", D, "代表者の肩書と氏名（法人のみ。個人は氏名）", "代表取締役　佐藤　大輔"),
    _f("代表者名", "representative_name", D, "代表者の氏名", "佐藤　大輔"),
    _f("郵便番号", "postal_code", D, "送付先の郵便番号", "160-0023"),
    _f("住所", "address", D, "送付先の住所（送付先住所がなければ所在地）", "東京都新宿区西新宿2丁目20番16号"),
    _f("管理番号", "management_no", D, "区の管理番号", "R7-0001"),
    # --- the claim and the amounts as of the letter date ------------------------------------------------
    _f("債権名", "claim_name", C, "債権の名称", "経営力強化支援事業補助金返還金"),
    _f("交付年度", "fiscal_year", C, "補助金の交付年度", "令和6年度"),
    _f("交付決定日", "decision_date", C, "交付決定日", "令和6年12月6日"),
    _f("返還命令日", "order_date", C, "返還命令の日", "令和7年4月8日"),
    _f("納期限", "due_date", C, "返還命令の納期限", "令和7年4月28日"),
    _f("元金", "principal", C, "返還を求めた元金", "837,000円"),
    _f("納付済額", "paid", C, "文書日付までに納付された額（元金・加算金・延滞金の合計）", "100,000円"),
    _f("元金残額", "principal_remaining", C, "元金のうち未納の額", "737,000円"),
    _f("加算金", "additional_charge", C, "文書日付現在の加算金の未納額", "51,874円"),
    _f("延滞金", "late_charge", C, "文書日付現在の延滞金の未納額", "34,180円"),
    _f("合計", "total", C, "文書日付現在の未納額の合計（元金残額＋加算金＋延滞金）", "823,054円"),
    _f("年率", "annual_rate", C, "加算金・延滞金の年率", "年10.95％"),
    _f(
        "請求内訳", "breakdown", C, "元金・納付済額・加算金・延滞金・合計の表（文書日付現在）", "（表）", True
    ),
    # --- the letter ---------------------------------------------------------------------------------
    _f("文書日付", "letter_date", L, "文書の日付", "令和7年10月1日"),
    _f("文書番号", "document_number", L, "年度ごとの通し番号による文書番号", "7架産債第12号"),
    _f("納付期限", "pay_by", L, "この文書で指定する納付の期限", "令和7年10月15日"),
    # --- the sender and where to pay ----------------------------------------------------------------------
    _f("区名", "ward", S, "区の名称", "架空区"),
    _f("区長", "ward_head", S, "区長の職名と氏名（処分庁・審査請求先）", "架空区長　山本　一郎"),
    _f("区長職名", "ward_head_title", S, "区長の職名のみ", "架空区長"),
    _f("担当課", "ward_department", S, "区の担当課", "文化観光産業部産業振興課"),
    _f("区住所", "ward_address", S, "区の担当課の住所", "〒160-8484 東京都架空区歌舞伎町1丁目4番1号"),
    _f("区電話", "ward_phone", S, "区の担当課の電話番号", "03-0000-0000"),
    _f("事務所名", "firm", S, "受託者（法律事務所）の名称", "架空法律事務所"),
    _f("事務所住所", "firm_address", S, "受託者の住所", "〒101-0000 東京都千代田区神田1丁目1番1号"),
    _f("事務所電話", "firm_phone", S, "受託者の電話番号", "03-0000-1111"),
    _f("担当者", "handler", S, "この債務者の担当者（未割当てなら作成者）の氏名", "田中　花子"),
    _f(
        "振込先", "bank_account", S, "納付先の口座等の案内", "架空銀行 本店 普通預金 0000000 架空区会計管理者"
    ),
    # --- an instalment plan ---------------------------------------------------------------------------
    _f("分納総額", "plan_total", P, "分割して納付する総額", "823,054円"),
    _f("分納回数", "plan_count", P, "分割の回数", "12回"),
    _f("初回納付日", "plan_first_due", P, "第1回の納付期限", "令和7年10月31日"),
    _f("最終納付日", "plan_last_due", P, "最終回の納付期限", "令和8年9月30日"),
    _f("初回納付額", "plan_first_amount", P, "第1回の納付額（端数は第1回に含めます）", "68,593円"),
    _f("毎回納付額", "plan_amount", P, "第2回以降の1回あたりの納付額", "68,587円"),
    _f("分納予定表", "plan_table", P, "回・納付期限・金額の表", "（表）", True),
    _f("署名欄", "signature", P, "債務者が記名押印する欄（住所・氏名・印）", "（欄）", True),
)

BY_NAME: dict[str, LetterField] = {f.name: f for f in FIELDS}
BY_KEY: dict[str, LetterField] = {f.key: f for f in FIELDS}
BLOCK_NAMES: frozenset[str] = frozenset(f.name for f in FIELDS if f.block)
PLAN_FIELDS: frozenset[str] = frozenset(
    f.name for f in FIELDS if f.group is FieldGroup.PLAN and f.name != "署名欄"
)

assert len(BY_NAME) == len(FIELDS) and len(BY_KEY) == len(FIELDS), "field names and keys are unique"


def field_table() -> list[tuple[str, str, str, str]]:
    """(group, `{{name}}`, description, example) rows, in the order of FIELDS: for the editor and the docs."""
    return [(f.group.label, "{{" + f.name + "}}", f.description, f.example) for f in FIELDS]

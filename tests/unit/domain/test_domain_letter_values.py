"""The value of every field for one letter, and how the addressee is named."""

from __future__ import annotations

from dataclasses import replace

from saiken.domain.addressing import addressee_lines, representative_title
from saiken.domain.charges import compute_charges
from saiken.domain.fictional import generate_debtors
from saiken.domain.fictional_letters import fictional_letter_inputs, fictional_payments
from saiken.domain.letter_fields import FIELDS
from saiken.domain.letter_values import MISSING, Letterhead, letter_values, missing_letterhead


def test_every_field_gets_finished_japanese_text():
    inputs = fictional_letter_inputs("agreement")
    values = letter_values(inputs)
    inline = {f.name for f in FIELDS if not f.block}
    assert inline <= set(values)
    assert values["文書日付"] == "令和7年10月1日" and values["納付期限"] == "令和7年10月15日"
    assert values["年率"] == "年10.95%"
    assert values["合計"] == f"{inputs.amounts.total:,}円"
    assert values["分納回数"] == "12回" and values["分納総額"] == values["合計"]
    assert values["代表者"].startswith("代表取締役\u3000")
    assert values["区長"] == "架空区長\u3000山本\u3000一郎"


def test_the_amounts_are_the_charges_engines_on_the_letter_date():
    debtor = generate_debtors(1, seed=7)[0]
    inputs = fictional_letter_inputs("demand")
    result = compute_charges(
        debtor.principal,
        due=debtor.due_date,
        as_of=inputs.letter_date,
        received=debtor.received_date,
        payments=fictional_payments(debtor),
    )
    money = inputs.amounts
    assert (money.principal_remaining, money.additional_charge, money.late_charge, money.total) == (
        result.principal_remaining,
        result.additional_charge_remaining,
        result.late_charge_remaining,
        result.total_remaining,
    )


def test_values_the_vault_does_not_hold_are_marked_and_the_missing_settings_named():
    inputs = replace(fictional_letter_inputs("demand"), letterhead=Letterhead(), order_date=None, handler="")
    values = letter_values(inputs)
    assert values["区名"] == MISSING and values["返還命令日"] == MISSING and values["担当者"] == MISSING
    assert values["分納回数"] == MISSING  # no plan
    assert missing_letterhead(Letterhead(), ["区長", "区電話", "管理番号"]) == [
        "区名",
        "区長の氏名",
        "区の電話番号",
    ]
    assert missing_letterhead(inputs.letterhead, ["管理番号"]) == []


def test_titles_follow_the_legal_form():
    assert representative_title("株式会社見本") == "代表取締役"
    assert representative_title("見本有限会社") == "代表取締役"
    assert representative_title("見本合同会社") == "代表社員"
    assert representative_title("一般社団法人見本会") == "代表理事"
    assert representative_title("特定非営利活動法人見本") == "理事長"
    assert representative_title("見本組合") == "代表者"
    assert representative_title("見本商店", is_organisation=False) == ""
    assert addressee_lines("見本商店", "個人", "見本　次郎").lines == ("見本商店", "見本\u3000次郎\u3000様")

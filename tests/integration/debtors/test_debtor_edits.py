"""Editing a debtor's own fields: the change is found by search at once; the audit names fields, not values."""

from __future__ import annotations

import json

import pytest
from debtors_testkit import audit_rows

from saiken.domain.errors import ValidationError
from saiken.services import debtors
from saiken.services.debtors.search import DebtorFilter, search_debtors


def test_new_phone_and_address_are_searchable_at_once(vault_session, debtor_id):
    changed = debtors.update_debtor(
        vault_session,
        debtor_id,
        phone="03-5999-0000",
        address="新宿区架空町9丁目9番9号",
        mailing_postal_code="160-0000",
        mailing_address="新宿区架空町1丁目1番1号",
    ).value
    assert changed == ["address", "mailing_address", "mailing_postal_code", "phone"]
    found = search_debtors(vault_session, DebtorFilter(text="0359990000"))
    assert [r.id for r in found.rows] == [debtor_id]
    card = debtors.get_card(vault_session, debtor_id)
    assert (card.phones, card.mailing_address) == (("03-5999-0000",), "新宿区架空町1丁目1番1号")
    entry = next(r for r in reversed(audit_rows(vault_session)) if r.action == "debtor.update")
    assert json.loads(entry.details) == {"fields": changed}


def test_bad_edits_change_nothing(vault_session, debtor_id, fictional):
    other = debtors.add_debtor(vault_session, management_no="Z-9", name="架空の別会社").value
    with pytest.raises(ValidationError, match="既に使われています"):
        debtors.update_debtor(vault_session, other.id, management_no=fictional.management_no)
    with pytest.raises(ValidationError, match="変更できない項目"):
        debtors.update_debtor(vault_session, debtor_id, status="完納")
    with pytest.raises(ValidationError, match="氏名・名称を入力"):
        debtors.update_debtor(vault_session, debtor_id, name=" ")
    assert debtors.get_card(vault_session, debtor_id).name == fictional.name

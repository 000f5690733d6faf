"""Workbooks as real people make them (title rows, synonyms, 和暦, amounts with 円, hiragana readings, total
and note rows …) import with the generator's totals, and searching finds the debtors they hold."""

from __future__ import annotations

import pytest

from saiken.domain.fictional import generate_debtors
from saiken.exchange.excel.ward_writer import WardWorkbookVariant, write_ward_workbook
from saiken.services.debtors.search import DebtorFilter, search_debtors
from saiken.services.excel_import import import_ward_workbook

VARIANTS = {
    "messy": "messy",
    "formulas_halfwidth": WardWorkbookVariant(
        amounts="formula", readings="halfwidth", dates="wareki_short", postal="plain"
    ),
    "fullwidth_slash": WardWorkbookVariant(
        amounts="fullwidth", dates="slash", column_order="reversed", postal="fullwidth"
    ),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_variant_workbooks_import_with_the_generators_totals(vault_session, tmp_path, variant):
    debtors = generate_debtors(30, seed=11)
    path = tmp_path / f"{variant}.xlsx"
    write_ward_workbook(path, debtors, variant=VARIANTS[variant])
    report = import_ward_workbook(vault_session, path).value
    assert report.errors == []
    assert (report.imported, report.updated) == (30, 0)
    page = search_debtors(vault_session, DebtorFilter(), limit=100)
    assert page.total == 30
    assert sum(row.principal for row in page.rows) == sum(d.principal for d in debtors)
    assert sum(row.paid for row in page.rows) == sum(d.paid for d in debtors)
    by_no = {row.management_no: row for row in page.rows}
    for debtor in debtors:
        assert by_no[debtor.management_no].name_kana == debtor.name_kana  # readings folded to katakana
    hits = {row.management_no for row in search_debtors(vault_session, DebtorFilter(text="たかはし")).rows}
    assert hits == {
        d.management_no for d in debtors if "高橋" in d.representative or "髙橋" in d.representative
    }
    assert import_ward_workbook(vault_session, path).value.unchanged == 30

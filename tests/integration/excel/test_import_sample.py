"""Importing the ward's sample extraction: 58 debtors, totals equal to the workbook's, re-import without
duplicates, a changed workbook shows its changes, a broken one stores nothing, a dry run stores nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from excel_helpers import SAMPLE, SHARED_SAMPLE, sheet_totals
from openpyxl import load_workbook
from sqlalchemy import func, select

from saiken.domain.errors import PermissionDeniedError
from saiken.domain.roles import Role
from saiken.services.context import SignedInUser, read_session
from saiken.services.debtors.search import DebtorFilter, search_debtors
from saiken.services.excel_import import IMPORT_SOURCE, import_ward_workbook
from saiken.store.models import AuditEntry, Claim, Debtor, Payment


def counts(vault) -> dict[str, int]:
    with read_session(vault) as session:
        return {
            "debtors": session.scalar(select(func.count()).select_from(Debtor)),
            "claims": session.scalar(select(func.count()).select_from(Claim)),
            "payments": session.scalar(select(func.count()).select_from(Payment)),
            "principal": session.scalar(select(func.coalesce(func.sum(Claim.principal), 0))),
            "paid": session.scalar(select(func.coalesce(func.sum(Payment.amount), 0))),
            "audit": session.scalar(select(func.count()).select_from(AuditEntry)),
        }


def test_the_in_repo_copy_is_the_projects_sample():
    if not SHARED_SAMPLE.exists():
        pytest.skip("shared/samples is not beside this clone; the in-repo copy is tested on its own")
    assert SAMPLE.read_bytes() == SHARED_SAMPLE.read_bytes()


def test_sample_imports_58_debtors_with_the_workbooks_totals(vault_session, sample):
    rows, principal, paid = sheet_totals(sample)
    assert rows == 58
    report = import_ward_workbook(vault_session, sample).value
    assert (report.imported, report.updated, report.unchanged, report.errors) == (58, 0, 0, [])
    stored = counts(vault_session)
    assert stored["debtors"] == 58 and stored["claims"] == 58
    assert stored["principal"] == principal
    assert stored["paid"] == paid
    page = search_debtors(vault_session, DebtorFilter(), limit=100)
    assert page.total == 58
    assert sum(row.principal for row in page.rows) == principal
    assert sum(row.paid for row in page.rows) == paid
    assert sum(row.balance for row in page.rows) == principal - paid


def test_paid_amounts_become_ward_confirmed_payments_dated_the_import_day(vault_session, sample):
    import_ward_workbook(vault_session, sample)
    with read_session(vault_session) as session:
        payments = [(p.confirmed_by_ward, p.source, p.paid_on) for p in session.scalars(select(Payment))]
    assert payments, "the sample has debtors who paid part"
    assert all(confirmed and source == IMPORT_SOURCE for confirmed, source, _ in payments)
    assert {paid_on for _, _, paid_on in payments} == {vault_session.clock.today()}


def test_import_is_audited_with_counts_only(vault_session, sample):
    import_ward_workbook(vault_session, sample)
    with read_session(vault_session) as session:
        text = session.scalars(select(AuditEntry.details).where(AuditEntry.action == "import.excel")).one()
    details = json.loads(text)
    assert details == {
        "rows": 58,
        "imported": 58,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "protected": False,
        "protection": "none",
    }
    workbook = load_workbook(sample, read_only=True)
    names = [row[2] for row in workbook.worksheets[0].iter_rows(min_row=2, values_only=True)]
    workbook.close()
    assert not any(name and name in text for name in names)


def test_reimport_updates_nothing_and_never_duplicates(vault_session, sample):
    import_ward_workbook(vault_session, sample)
    before = counts(vault_session)
    report = import_ward_workbook(vault_session, sample).value
    assert (report.imported, report.updated, report.unchanged, report.changes) == (0, 0, 58, [])
    after = counts(vault_session)
    assert {k: v for k, v in after.items() if k != "audit"} == {
        k: v for k, v in before.items() if k != "audit"
    }


def _edit(path: Path, changes: dict[tuple[str, str], object]) -> None:
    """Change cells addressed by (management number, header) and save (a person editing in Excel)."""
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        for (number, column), value in changes.items():
            if row[0].value == number:
                row[header.index(column)].value = value
    workbook.save(path)


def test_changed_workbook_shows_its_changes_old_to_new(vault_session, sample):
    import_ward_workbook(vault_session, sample)
    _, principal, paid = sheet_totals(sample)
    workbook = load_workbook(sample, read_only=True)
    row3 = next(iter(workbook.worksheets[0].iter_rows(min_row=4, max_row=4, values_only=True)))
    workbook.close()
    old_address, old_principal = row3[7], row3[15]
    _edit(
        sample,
        {
            ("R7-0003", "住所"): "東京都新宿区架空町1丁目2番3号",
            ("R7-0003", "返還金額"): old_principal + 1000,
            ("R7-0005", "既納付額"): 5000,
        },
    )
    preview = import_ward_workbook(vault_session, sample, dry_run=True).value
    report = import_ward_workbook(vault_session, sample).value
    for result in (preview, report):
        assert (result.imported, result.updated, result.unchanged) == (0, 2, 56)
        by_no = {change.management_no: change.fields for change in result.changes}
        assert by_no["R7-0003"] == {
            "address": (old_address, "東京都新宿区架空町1丁目2番3号"),
            "principal": (old_principal, old_principal + 1000),
        }
        assert by_no["R7-0005"] == {"paid": (0, 5000)}
    stored = counts(vault_session)
    assert stored["debtors"] == 58
    assert stored["principal"] == principal + 1000
    assert stored["paid"] == paid + 5000
    hit = search_debtors(vault_session, DebtorFilter(text="架空町")).rows
    assert [row.management_no for row in hit] == ["R7-0003"]
    assert search_debtors(vault_session, DebtorFilter(text="R7-0005")).rows[0].paid == 5000
    again = import_ward_workbook(vault_session, sample).value
    assert (again.updated, again.unchanged) == (0, 58)


def test_dry_run_stores_nothing(vault_session, sample):
    before = counts(vault_session)
    report = import_ward_workbook(vault_session, sample, dry_run=True).value
    assert (report.imported, report.updated, report.errors) == (58, 0, [])
    assert counts(vault_session) == before


def test_broken_workbook_stores_nothing_and_names_every_bad_row(vault_session, sample):
    _edit(
        sample,
        {
            ("R7-0002", "返還金額"): "abc",
            ("R7-0010", "納期限"): "令和7年2月30日",
            ("R7-0020", "既納付額"): -5,
            ("R7-0030", "事業者名"): None,
        },
    )
    before = counts(vault_session)
    report = import_ward_workbook(vault_session, sample).value
    assert (report.imported, report.updated) == (0, 0)
    assert counts(vault_session) == before
    bad = {(error.row, error.column) for error in report.errors}
    assert {(3, "返還金額"), (11, "納期限"), (21, "既納付額"), (31, "事業者名")} <= bad
    assert all(error.message for error in report.errors)
    # the broken file after a good import: still nothing changes
    good = sample.with_name("good.xlsx")
    good.write_bytes(SAMPLE.read_bytes())
    import_ward_workbook(vault_session, good)
    stored = counts(vault_session)
    import_ward_workbook(vault_session, sample)
    assert counts(vault_session) == stored


def test_a_viewer_cannot_import(vault_session, sample):
    vault_session.user = SignedInUser(id=1, name="admin", role=Role.VIEWER)
    with pytest.raises(PermissionDeniedError):
        import_ward_workbook(vault_session, sample)

"""Workbooks we write: made in memory (no plaintext worksheet in the temp folder, as openpyxl's own save
leaves one), and protected with a password when asked — read back with msoffcrypto-tool and openpyxl."""

from __future__ import annotations

import datetime as dt
import io
import tempfile

import openpyxl
import pytest

from office_files import decrypt_with_msoffcrypto
from saiken.domain.fictional import generate_debtors
from saiken.exchange.excel import DebtorSheetRow, write_debtor_list, write_negotiation_report
from saiken.exchange.excel.xlsx_write import workbook_bytes
from saiken.exchange.protected_files import Kind, detect

PASSWORD = "Kasou-Export-Pass-77"  # fictional


def _rows(count: int = 12) -> list[DebtorSheetRow]:
    return [
        DebtorSheetRow(management_no=d.management_no, name=d.name, principal=d.principal, paid=d.paid)
        for d in generate_debtors(count, seed=5)
    ]


@pytest.fixture
def no_temp_folder(tmp_path, monkeypatch):
    """The system temp folder made unusable: anything that tries to write a temp file fails."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    return tmp_path


def test_openpyxl_alone_would_write_the_sheet_to_the_temp_folder(no_temp_folder):
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "架空商店"
    with pytest.raises(FileNotFoundError):  # its worksheet writer needs a NamedTemporaryFile
        workbook.save(io.BytesIO())
    data = workbook_bytes(workbook, title="t", kind="test")  # ours does not
    assert openpyxl.load_workbook(io.BytesIO(data)).active["A1"].value == "架空商店"


def test_the_debtor_list_is_written_without_any_temp_file(no_temp_folder):
    target = no_temp_folder / "list.xlsx"
    rows = _rows()
    size = write_debtor_list(target, rows, created_on=dt.date(2025, 10, 1))
    assert size == target.stat().st_size
    sheet = openpyxl.load_workbook(target).active
    names = {cell.value for (cell,) in sheet.iter_rows(min_col=2, max_col=2)}
    assert {row.name for row in rows} <= names


def test_a_protected_debtor_list_opens_with_its_password_only(no_temp_folder):
    target = no_temp_folder / "list.xlsx"
    rows = _rows()
    write_debtor_list(target, rows, password=PASSWORD)
    data = target.read_bytes()
    assert detect(data).kind is Kind.ENCRYPTED_OFFICE and detect(data).method == "agile"
    with pytest.raises(Exception):  # noqa: B017 — openpyxl cannot read it at all
        openpyxl.load_workbook(target)
    with pytest.raises(Exception, match=r"(?i)verification failed"):
        decrypt_with_msoffcrypto(data, "Kasou-Export-Pass-78")
    sheet = openpyxl.load_workbook(io.BytesIO(decrypt_with_msoffcrypto(data, PASSWORD))).active
    names = {cell.value for (cell,) in sheet.iter_rows(min_col=2, max_col=2)}
    assert {row.name for row in rows} <= names
    assert list(no_temp_folder.iterdir()) == [target]  # no unprotected copy beside it either


def test_a_protected_negotiation_report(no_temp_folder):
    target = no_temp_folder / "report.xlsx"
    write_negotiation_report(
        target,
        period_from=dt.date(2025, 9, 1),
        period_to=dt.date(2025, 9, 30),
        ward_name="架空区産業振興課",
        contractor_name="架空の森法律事務所",
        rows=[],
        password=PASSWORD,
    )
    workbook = openpyxl.load_workbook(io.BytesIO(decrypt_with_msoffcrypto(target.read_bytes(), PASSWORD)))
    assert workbook.properties.keywords == "saiken:negotiation-report:v1"
    assert any("架空の森法律事務所" in str(cell.value) for row in workbook.active.iter_rows() for cell in row)

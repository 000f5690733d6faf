"""The ward's extraction arriving with Excel's own password (issue 11 Must hold): a workbook made from the
project's fictional data by the ward-format writer, encrypted with msoffcrypto-tool (Agile, as Excel 2010+
writes it) or with Standard encryption (Excel 2007), imported through the service into a real vault.

No plaintext copy may appear: while the import runs, the temp folder is a fresh one of the test's, and
afterwards every file in it and in the vault folder is searched for canary strings (debtor names and
management numbers, in UTF-8 and UTF-16) — inside any ZIP too, since a plain .xlsx keeps its text
compressed — and for the signature of an unencrypted workbook."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from excel_helpers import sheet_totals
from sqlalchemy import func, select

from office_files import encrypt_agile, encrypt_standard
from saiken.domain.errors import PasswordRequiredError, WrongPasswordError
from saiken.domain.fictional import generate_debtors
from saiken.exchange.excel.ward_writer import write_ward_workbook
from saiken.services.context import read_session
from saiken.services.excel_import import import_ward_workbook
from saiken.store.models import AuditEntry, Debtor

PASSWORD = "Kasou-Ward-Pass-2025"  # fictional
ROWS = 120
WORKBOOK_MARKERS = (b"[Content_Types].xml", b"xl/worksheets/", b"<sheetData")


def _needles(texts: list[str]) -> list[bytes]:
    return [t.encode(codec) for t in texts for codec in ("utf-8", "utf-16-le", "utf-16-be")]


def plaintext_found(folder: Path, canaries: list[str]) -> list[str]:
    """Every file under `folder` that holds a canary or an unencrypted workbook, with what was found."""
    needles = _needles(canaries)
    found = []
    for path in (p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        blobs = [data]
        if zipfile.is_zipfile(io.BytesIO(data)):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                blobs += [archive.read(info) for info in archive.infolist()]
        for blob in blobs:
            hits = [n for n in needles if n in blob] + [m for m in WORKBOOK_MARKERS if m in blob]
            if hits:
                found.append(f"{path.name}: {hits[0]!r}")
                break
    return found


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ward")
    debtors = generate_debtors(ROWS, seed=17)
    plain = folder / "plain.xlsx"
    write_ward_workbook(plain, debtors)
    data = plain.read_bytes()
    agile, standard = folder / "抽出_agile.xlsx", folder / "抽出_standard.xlsx"
    agile.write_bytes(encrypt_agile(data, PASSWORD))
    standard.write_bytes(encrypt_standard(data, PASSWORD))
    canaries = [d.name for d in debtors[:40]] + [d.management_no for d in debtors[:40]]
    return {"plain": plain, "agile": agile, "standard": standard, "canaries": canaries}


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    """A fresh, empty temp folder for everything the process puts in "the temp folder"."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    for variable in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(variable, str(folder))
    return folder


def _totals(session) -> tuple[int, int, int]:
    with read_session(session) as db:
        count, principal, paid = db.execute(
            select(func.count(Debtor.id), func.sum(Debtor.principal_total), func.sum(Debtor.paid_total))
        ).one()
    return int(count), int(principal or 0), int(paid or 0)


def _imports(session) -> list[str]:
    with read_session(session) as db:
        return list(db.scalars(select(AuditEntry.details).where(AuditEntry.action == "import.excel")))


def test_the_canary_search_finds_a_plain_workbook(workbooks, tmp_path):
    """The check below can fail: a plain copy of the workbook in a folder is found."""
    (tmp_path / "copy.xlsx").write_bytes(workbooks["plain"].read_bytes())
    assert plaintext_found(tmp_path, workbooks["canaries"])
    assert not plaintext_found(workbooks["agile"].parent / "none", workbooks["canaries"])
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / "x.bin").write_bytes(workbooks["agile"].read_bytes())
    assert not plaintext_found(lone, workbooks["canaries"])  # the encrypted file itself shows nothing


@pytest.mark.parametrize("method", ["agile", "standard"])
def test_right_password_imports_every_row_with_the_plain_totals_and_leaves_no_plaintext(
    workbooks, vault_session, private_temp, method
):
    expected = import_ward_workbook(vault_session, workbooks["plain"], dry_run=True).value
    report = import_ward_workbook(vault_session, workbooks[method], password=PASSWORD).value
    assert report.ok and report.protected and not expected.protected
    assert (report.imported, report.updated, report.skipped_rows) == (ROWS, 0, expected.skipped_rows)
    assert _totals(vault_session) == sheet_totals(
        workbooks["plain"]
    )  # rows, 返還金額, 既納付額 as openpyxl reads them
    assert _totals(vault_session)[0] == ROWS
    (details,) = _imports(vault_session)
    assert json.loads(details)["protected"] is True and json.loads(details)["protection"] == method
    assert PASSWORD not in details
    again = import_ward_workbook(vault_session, workbooks["plain"]).value  # the plain one: the very same data
    assert (again.imported, again.updated, again.unchanged) == (0, 0, ROWS)
    vault_session.close()
    assert plaintext_found(private_temp, workbooks["canaries"]) == []
    assert plaintext_found(vault_session.folder, workbooks["canaries"]) == []
    assert sorted(p.name for p in private_temp.iterdir()) == []  # nothing at all went to the temp folder


@pytest.mark.parametrize("method", ["agile", "standard"])
def test_a_wrong_or_missing_password_is_refused_cleanly_and_changes_nothing(
    workbooks, vault_session, private_temp, method
):
    with pytest.raises(WrongPasswordError) as wrong:
        import_ward_workbook(vault_session, workbooks[method], password="Kasou-Ward-Pass-2024")
    assert not isinstance(wrong.value, PasswordRequiredError)
    assert str(wrong.value).startswith(f"ファイル「抽出_{method}.xlsx」のパスワードが違います")
    assert "\n" not in str(wrong.value)
    for dry_run in (False, True):
        with pytest.raises(PasswordRequiredError, match="パスワードで保護されています"):
            import_ward_workbook(vault_session, workbooks[method], dry_run=dry_run)
    assert _totals(vault_session) == (0, 0, 0) and _imports(vault_session) == []
    vault_session.close()
    assert plaintext_found(private_temp, workbooks["canaries"]) == []
    assert plaintext_found(vault_session.folder, workbooks["canaries"]) == []


def test_the_dry_run_previews_an_encrypted_workbook_and_stores_nothing(workbooks, vault_session):
    preview = import_ward_workbook(vault_session, workbooks["agile"], dry_run=True, password=PASSWORD).value
    assert (preview.imported, preview.dry_run, preview.protected) == (ROWS, True, True)
    assert _totals(vault_session) == (0, 0, 0)

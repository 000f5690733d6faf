"""services.file_protection: the helper every saver of personal data calls — real files on disk, opened
again with msoffcrypto-tool, pypdf and pypdfium2, and the audit entries in a real vault."""

from __future__ import annotations

import hashlib
import io
import json

import openpyxl
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from office_files import decrypt_with_msoffcrypto
from saiken.domain.errors import ValidationError
from saiken.domain.fictional import generate_debtors
from saiken.exchange.excel import DebtorSheetRow, debtor_list_bytes
from saiken.exchange.pdf.document import para, render
from saiken.services.context import read_session
from saiken.services.file_protection import (
    FilePassword,
    file_password_problems,
    generate_file_password,
    password_notice_pdf,
    save_personal_file,
    typed_file_password,
)
from saiken.store.models import AuditEntry

DEBTORS = generate_debtors(6, seed=21)


def _workbook() -> bytes:
    rows = [
        DebtorSheetRow(management_no=d.management_no, name=d.name, principal=d.principal, paid=d.paid)
        for d in DEBTORS
    ]
    return debtor_list_bytes(rows)


def _last_audit(session) -> tuple[str, str]:
    with read_session(session) as db:
        entry = db.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        return entry.action, entry.details


def test_a_generated_password_is_grouped_and_never_shown_by_repr():
    password = generate_file_password()
    assert password.generated and len(password.text) == 34 and password.text.count("-") == 6
    assert password.text not in repr(password) and password.text not in str(password)


def test_a_typed_password_follows_the_sign_in_policy():
    assert file_password_problems("short", file_type="xlsx")
    assert any("よく使われる" in p for p in file_password_problems("password123", file_type="xlsx"))
    assert any(
        "利用者名" in p
        for p in file_password_problems("tantou-sato", file_type="pdf", user_name="tantou-sato")
    )
    with pytest.raises(ValidationError, match="10 文字以上"):
        typed_file_password("abc", file_type="xlsx")
    wide = typed_file_password("ｍｉｄｏｒｉ－ｎｏ－ｍａｄｏｇｕｃｈｉ", file_type="xlsx")
    assert wide == FilePassword(
        "midori-no-madoguchi", generated=False
    )  # IME full width, as Excel's box types it
    assert file_password_problems("パスワードの長い文章" * 5, file_type="pdf")  # 150 bytes: over PDF's 127
    assert not file_password_problems("パスワードの長い文章" * 5, file_type="xlsx")


def test_a_protected_workbook_is_saved_encrypted_and_described_without_its_password(vault_session, tmp_path):
    password = generate_file_password()
    target = tmp_path / "一覧.xlsx"
    saved = save_personal_file(vault_session, target, _workbook(), title="債務者一覧", password=password)
    data = target.read_bytes()
    assert saved.protected and saved.protection == "office-agile-aes256" and saved.file_type == "xlsx"
    assert (saved.size, saved.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    assert saved.check_code == "-".join(saved.sha256[i : i + 4].upper() for i in range(0, 16, 4))
    assert DEBTORS[0].name.encode() not in data
    sheet = openpyxl.load_workbook(io.BytesIO(decrypt_with_msoffcrypto(data, password.text))).active
    assert DEBTORS[0].name in [c.value for (c,) in sheet.iter_rows(min_col=2, max_col=2)]
    with pytest.raises(Exception, match=r"(?i)verification failed"):
        decrypt_with_msoffcrypto(data, password.text.lower())  # Excel compares exactly
    details = saved.audit_details()
    assert details == {
        "protected": True,
        "protection": "office-agile-aes256",
        "size": len(data),
        "sha256": saved.sha256,
    }
    assert password.text not in json.dumps(details) and "一覧" not in json.dumps(details)


def test_a_protected_pdf_opens_with_pypdf_and_pdfium_and_holds_the_names(vault_session, tmp_path):
    password = typed_file_password("kasou no madoguchi 2025", file_type="pdf")
    document = render([para(f"{d.name}様") for d in DEBTORS[:3]], title="督促状")
    saved = save_personal_file(
        vault_session, tmp_path / "letters.pdf", document, title="督促状", password=password
    )
    data = saved.path.read_bytes()
    assert saved.protection == "pdf-aes256"
    reader = PdfReader(io.BytesIO(data))
    assert reader.is_encrypted and not reader.decrypt("kasou no madoguchi 2024")
    assert reader.decrypt(password.text)
    assert all(d.name in reader.pages[0].extract_text() for d in DEBTORS[:3])
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(data)
    opened = pdfium.PdfDocument(data, password=password.text)
    try:
        assert DEBTORS[0].name in opened[0].get_textpage().get_text_range()
    finally:
        opened.close()


def test_without_a_password_the_file_is_written_as_it_is(vault_session, tmp_path):
    data = _workbook()
    saved = save_personal_file(
        vault_session, tmp_path / "plain.xlsx", data, title="債務者一覧", password=None
    )
    assert saved.path.read_bytes() == data and not saved.protected
    assert saved.audit_details()["protection"] == "none"
    with pytest.raises(ValidationError, match="パスワードを付けずに"):
        password_notice_pdf(vault_session, saved, generate_file_password())


@pytest.mark.parametrize("name", ["list.csv", "missing-folder/list.xlsx"])
def test_a_bad_target_is_refused_and_nothing_is_written(vault_session, tmp_path, name):
    with pytest.raises(ValidationError):
        save_personal_file(vault_session, tmp_path / name, _workbook(), title="債務者一覧", password=None)
    assert list(tmp_path.rglob("*.xlsx")) == [] and list(tmp_path.rglob("*.csv")) == []


def test_the_password_notice_names_the_file_by_its_check_code_and_is_audited(vault_session, tmp_path):
    password = generate_file_password()
    saved = save_personal_file(
        vault_session, tmp_path / "山田商店.xlsx", _workbook(), title="債務者一覧", password=password
    )
    pdf = password_notice_pdf(vault_session, saved, password)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    compact = text.replace("\n", "").replace(" ", "")
    assert "債務者一覧（Excelファイル）を開くためのパスワード" in compact
    assert saved.check_code in text and password.text in text
    assert (
        "架空法律事務所" in text and "admin" in text and "令和7年9月16日10時00分" in compact
    )  # 01:00 UTC = 10:00 JST
    assert "山田商店" not in text  # the file name may name a debtor: never printed
    assert all(d.name not in text for d in DEBTORS)
    action, details = _last_audit(vault_session)
    assert action == "file.password_notice"
    assert json.loads(details) == {"check_code": saved.check_code, "file_type": "xlsx"}
    assert password.text not in details

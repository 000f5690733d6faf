"""Fee statements and the consultation report as real PDFs (read back with pypdf, rendered with pdfium) and
real workbooks (openpyxl), saved with and without a password, audited without personal data."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest
from consult_testkit import as_user, at, audit_details
from openpyxl import load_workbook

from saiken.domain.errors import PermissionDeniedError, ValidationError
from saiken.domain.roles import Role
from saiken.exchange.protected_files import Kind, detect, unprotect_pdf, unprotect_workbook
from saiken.services import consultations as cs
from saiken.services.consultations import exports
from saiken.services.file_protection import FilePassword

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "unit" / "pdf"))
from pdf_checks import page_texts, render_page_png

PASSWORD = "KAKU-UPAS-SWOR-D123"


@pytest.fixture
def month_of_dispatches(vault_session, advisors, businesses):
    ids, made = businesses
    a = advisors[0]
    for day, start, end, extra in (
        (dt.date(2025, 9, 5), "10:00", "12:40", {"car_km": "123.7"}),
        (dt.date(2025, 9, 8), "9:00", "17:20", {"nights": [12_000]}),
        (dt.date(2025, 9, 12), "13:00", "13:25", {"transport_yen": 1_240}),
    ):
        cs.add_dispatch(
            vault_session, advisor_id=a, business_id=ids[1], day=day, start_time=start, end_time=end, **extra
        )
    return a, made[1]


def _text(pdf: bytes) -> str:
    return "".join(page_texts(pdf)).replace(" ", "").replace("\n", "")


def test_the_statement_pdf_says_what_the_advisor_is_paid(vault_session, month_of_dispatches, tmp_path):
    advisor, business = month_of_dispatches
    pdf = exports.fee_statement_document(vault_session, advisor, 2025, 9, "pdf")
    text = _text(pdf)
    # 18,851 (123.7 km) + 31,680 + 9,800 (cap, lodging) + 1,240 (train, 25 min: no honorarium) = 61,571
    for expected in (
        "謝金・旅費支払明細書",
        "北村浩二様",
        "令和7年9月分",
        "61,571円",
        "18,851円",
        "41,480円",
        "4,551円",
        "123km",
    ):
        assert expected in text
    assert business.name.replace("\u3000", "") in text
    assert "5,280円" in text and "31,680円" in text  # the standard in words
    image = render_page_png(pdf, tmp_path / "statement.png", scale=1.0)
    assert image.getextrema()[0] < 60  # ink on the page
    assert ("fee_statement.view", '{"month":9,"rows":3,"year":2025}') in audit_details(vault_session)


def test_the_statement_saved_as_excel_keeps_numbers(vault_session, month_of_dispatches, tmp_path):
    advisor, _ = month_of_dispatches
    saved = exports.save_fee_statement(vault_session, advisor, 2025, 9, tmp_path / "明細.xlsx")
    assert saved.protection is None and saved.size == (tmp_path / "明細.xlsx").stat().st_size
    sheet = load_workbook(tmp_path / "明細.xlsx").active
    assert sheet["I6"].value == 61_571 and sheet["A6"].value == 31_680 + 13_200
    assert [sheet.cell(row, 4).value for row in (9, 10, 11, 12)] == [13_200, 31_680, 0, 44_880]


def test_a_password_is_set_before_anything_is_written(vault_session, month_of_dispatches, tmp_path):
    advisor, business = month_of_dispatches
    out = tmp_path / "out"
    out.mkdir()
    pdf_path, xlsx_path = out / "明細.pdf", out / "明細.xlsx"
    exports.save_fee_statement(vault_session, advisor, 2025, 9, pdf_path, password=FilePassword(PASSWORD))
    exports.save_fee_statement(vault_session, advisor, 2025, 9, xlsx_path, password=FilePassword(PASSWORD))
    pdf_bytes, xlsx_bytes = pdf_path.read_bytes(), xlsx_path.read_bytes()
    assert detect(pdf_bytes).method == "AES-256"
    assert detect(xlsx_bytes).kind == Kind.ENCRYPTED_OFFICE
    assert "61,571円" in _text(unprotect_pdf(pdf_bytes, PASSWORD, name="明細.pdf"))
    plain = unprotect_workbook(xlsx_bytes, PASSWORD, name="明細.xlsx", max_bytes=10_000_000)
    assert load_workbook(io.BytesIO(plain)).active["I6"].value == 61_571
    log = " ".join(
        details for action, details in audit_details(vault_session) if action == "export.fee_statement"
    )
    assert '"protected":true' in log and "pdf-aes256" in log and "office-agile-aes256" in log
    for secret in (PASSWORD, str(out), business.name, "明細"):
        assert secret not in log
    assert sorted(p.name for p in out.iterdir()) == ["明細.pdf", "明細.xlsx"]  # no temp files left


def test_saving_needs_the_export_right_and_a_proper_name(vault_session, month_of_dispatches, tmp_path):
    advisor, _ = month_of_dispatches
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(PermissionDeniedError):
        exports.save_fee_statement(
            as_user(vault_session, "tantou", Role.HANDLER), advisor, 2025, 9, tmp_path / "a.pdf"
        )
    with pytest.raises(ValidationError, match=r"\.xlsx か \.pdf"):
        exports.save_fee_statement(vault_session, advisor, 2025, 9, tmp_path / "a.docx")
    with pytest.raises(ValidationError, match="フォルダ"):
        exports.save_fee_statement(vault_session, advisor, 2025, 9, tmp_path / "none" / "a.pdf")
    assert list(tmp_path.iterdir()) == []


def test_the_report_pdf_and_workbook(vault_session, businesses, consultants, tmp_path):
    ids, _ = businesses
    for day, form, categories in (
        (dt.date(2025, 4, 3), "窓口", ["資金繰り"]),
        (dt.date(2025, 9, 1), "電話", ["販路開拓", "IT化"]),
        (dt.date(2025, 9, 9), "窓口", ["資金繰り"]),
    ):
        cs.add_consultation(
            vault_session, ids[0], at=at(day, 10), consultant_id=consultants[0], form=form,
            categories=categories, contents="相談。",
        )  # fmt: skip
    pdf = exports.consultation_report_document(vault_session, 2025, 9, "pdf")
    text = _text(pdf)
    for expected in (
        "相談実績報告書（令和7年9月）",
        "相談分類別の件数",
        "月別の相談件数（令和7年度）",
        "令和7年4月1日～令和7年9月30日",
    ):
        assert expected in text
    render_page_png(pdf, tmp_path / "report.png", scale=1.0)
    saved = exports.save_consultation_report(vault_session, 2025, 9, tmp_path / "report.xlsx")
    book = load_workbook(saved.path)
    assert book.sheetnames == ["集計", "月別", "セミナー"]
    counts = book["集計"]
    assert [counts.cell(6, c).value for c in (1, 2, 3)] == ["相談件数", 2, 3]
    months = book["月別"]
    assert [months.cell(r, 2).value for r in range(2, 8)] == [1, 0, 0, 0, 0, 2]
    assert len(months._charts) == 1 and len(counts._charts) == 1

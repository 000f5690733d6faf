"""The ward workbook reader on the shared sample and on real workbooks written with openpyxl."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_factories import WARD_HEADER, ward_values, write_sheet, write_ward_rows
from saiken.domain.fictional import FictionalDebtor, generate_debtors
from saiken.exchange.excel import read_ward_workbook
from saiken.exchange.excel.ward_writer import PRESETS, WardWorkbookVariant, write_ward_workbook

_REPO = Path(__file__).resolve().parents[3]
_SAMPLES = [  # the copy kept in the repository, else the shared folder beside the clone
    _REPO / "tests" / "data" / "ward_extraction_R7.xlsx",
    _REPO / ".." / "shared" / "samples" / "ward_extraction_R7.xlsx",
]
SAMPLE = next((path for path in _SAMPLES if path.exists()), _SAMPLES[-1])
needs_sample = pytest.mark.skipif(
    not SAMPLE.exists(), reason="the ward sample workbook is in neither tests/data nor shared/"
)


def _sample_totals_by_openpyxl() -> tuple[int, int, int]:
    workbook = openpyxl.load_workbook(SAMPLE, data_only=True)
    sheet = workbook["滞納者一覧"]
    header = [cell.value for cell in sheet[1]]
    principal_col, paid_col = header.index("返還金額"), header.index("既納付額")
    rows = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
    return len(rows), sum(row[principal_col] for row in rows), sum(row[paid_col] for row in rows)


@needs_sample
def test_the_ward_sample_reads_completely():
    extraction = read_ward_workbook(SAMPLE)
    count, principal_total, paid_total = _sample_totals_by_openpyxl()
    assert extraction.errors == []
    assert len(extraction.rows) == count == 58
    assert sum(row.principal for row in extraction.rows) == principal_total
    assert sum(row.paid for row in extraction.rows) == paid_total
    assert extraction.sheet_name == "滞納者一覧" and extraction.header_row == 1
    first = extraction.rows[0]
    assert first.source_row == 2
    assert first.management_no == "R7-0001"
    assert first.kind == "法人"
    assert first.name == "株式会社四谷美容室"
    assert first.name_kana == "カブシキガイシャヨツヤビヨウシツ"
    assert first.representative == "佐藤\u3000大輔"
    assert first.postal_code == "160-0023"
    assert first.fiscal_year == 2024
    assert first.decision_date == dt.date(2024, 12, 6)
    assert first.due_date == dt.date(2025, 4, 28) and not first.due_date_derived
    assert first.principal == 837_000 and first.paid == 0 and first.grant_amount == 2_000_000
    assert first.notes.startswith("実績報告書未提出；")  # the ward's own punctuation kept
    assert {row.kind for row in extraction.rows} == {"法人", "個人"}
    assert sum(row.kind == "個人" for row in extraction.rows) == 15  # 個人事業主 in the sample
    assert extraction.rows[-1].source_row == 59


def _expected(debtor: FictionalDebtor) -> dict[str, object]:
    return {
        "management_no": debtor.management_no,
        "kind": debtor.kind,
        "name": debtor.name,
        "name_kana": debtor.name_kana,
        "representative": debtor.representative,
        "representative_kana": debtor.representative_kana,
        "postal_code": debtor.postal_code,
        "address": debtor.address,
        "phone": debtor.phone,
        "email": debtor.email,
        "fiscal_year": debtor.fiscal_year,
        "decision_date": debtor.decision_date,
        "grant_amount": debtor.grant_amount,
        "received_date": debtor.received_date,
        "order_date": debtor.order_date,
        "principal": debtor.principal,
        "due_date": debtor.due_date,
        "paid": debtor.paid,
        "notes": debtor.notes,
    }


VARIANTS = {
    "standard": PRESETS["standard"],
    "messy (everything at once)": PRESETS["messy"],
    "title rows": WardWorkbookVariant(title_rows=4),
    "header synonyms": WardWorkbookVariant(headers="synonyms"),
    "spaces in headers": WardWorkbookVariant(header_spaces=True),
    "columns reversed": WardWorkbookVariant(column_order="reversed"),
    "columns shuffled": WardWorkbookVariant(column_order="shuffled", headers="synonyms"),
    "ISO dates": WardWorkbookVariant(dates="iso"),
    "slash dates": WardWorkbookVariant(dates="slash"),
    "和暦 dates": WardWorkbookVariant(dates="wareki"),
    "R7.9.16 dates": WardWorkbookVariant(dates="wareki_short"),
    "R07/09/16 dates": WardWorkbookVariant(dates="wareki_zero"),
    "amounts with commas": WardWorkbookVariant(amounts="commas"),
    "amounts with 円 and ￥": WardWorkbookVariant(amounts="yen"),
    "full-width amounts": WardWorkbookVariant(amounts="fullwidth"),
    "amounts as formulas": WardWorkbookVariant(amounts="formula"),
    "postal codes without hyphen": WardWorkbookVariant(postal="plain"),
    "postal codes with 〒": WardWorkbookVariant(postal="mark"),
    "full-width postal codes": WardWorkbookVariant(postal="fullwidth"),
    "readings in hiragana": WardWorkbookVariant(readings="hiragana"),
    "readings in half-width kana": WardWorkbookVariant(readings="halfwidth"),
    "padded names": WardWorkbookVariant(padded_names=True),
    "blank rows": WardWorkbookVariant(blank_rows=True),
    "total and note rows": WardWorkbookVariant(total_row=True, note_rows=True),
    "unknown columns": WardWorkbookVariant(extra_columns=True),
    "mailing address columns": WardWorkbookVariant(mailing=True),
}


@pytest.mark.parametrize("variant", VARIANTS.values(), ids=VARIANTS.keys())
def test_every_variation_imports_the_same_debtors(tmp_path, variant):
    debtors = generate_debtors(24, seed=21)
    path = tmp_path / "抽出.xlsx"
    write_ward_workbook(path, debtors, variant=variant)
    extraction = read_ward_workbook(path)
    assert extraction.errors == []
    assert len(extraction.rows) == len(debtors)
    for row, debtor in zip(extraction.rows, debtors, strict=True):
        got = {key: getattr(row, key) for key in _expected(debtor)}
        assert got == _expected(debtor)
    if variant.mailing:
        assert extraction.rows[0].mailing_postal_code == "169-0075"
        assert extraction.rows[0].mailing_address == "東京都新宿区高田馬場1丁目1番1号"
        assert extraction.rows[1].mailing_address is None


def test_row_numbers_are_those_excel_shows(tmp_path):
    variant = WardWorkbookVariant(title_rows=3, blank_rows=True, total_row=True, note_rows=True)
    path = tmp_path / "rows.xlsx"
    write_ward_workbook(path, generate_debtors(10, seed=2), variant=variant)
    extraction = read_ward_workbook(path)
    assert extraction.header_row == 4
    # rows 5..11 are debtors 1..7, row 12 is blank, rows 13..15 debtors 8..10, then 合計 and notes
    assert [row.source_row for row in extraction.rows] == [5, 6, 7, 8, 9, 10, 11, 13, 14, 15]
    sheet = openpyxl.load_workbook(path).active
    for row in extraction.rows:
        assert sheet.cell(row.source_row, 1).value == row.management_no
    assert extraction.skipped_rows == [16, 18, 19]  # 合計, ※ note, 備考 note


def test_missing_due_date_is_order_date_plus_20_days(tmp_path):
    path = tmp_path / "no_due.xlsx"
    debtors = generate_debtors(3, seed=4)
    write_ward_workbook(path, debtors, variant=WardWorkbookVariant(omit_due=True))
    extraction = read_ward_workbook(path)
    assert extraction.errors == []
    for row, debtor in zip(extraction.rows, debtors, strict=True):
        assert row.due_date == debtor.order_date + dt.timedelta(days=20)
        assert row.due_date_derived


def test_a_broken_workbook_reports_every_bad_row(tmp_path):
    bad = [
        {},  # row 2: good
        {"返還金額": "八十万円"},  # row 3: not a number
        {"納期限": "令和7年2月30日"},  # row 4: impossible date
        {"既納付額": -5000},  # row 5: negative amount
        {"返還金額": 100_000, "既納付額": 150_000},  # row 6: paid > principal
        {"管理番号": "R7-0001"},  # row 7: duplicate of row 2
        {"事業者名": "   "},  # row 8: no name
        {"管理番号": None},  # row 9: no management number
        {"返還命令日": dt.date(2025, 5, 1), "納期限": dt.date(2025, 4, 1)},  # row 10: due before order
        {
            "郵便番号": "160-00",
            "交付決定日": "2025/13/01",
            "事業者名フリガナ": "四谷商店",
        },  # row 11: three at once
        {"電話番号": "03-1234", "メールアドレス": "info@", "区分": "団体"},  # row 12
        {"返還金額": 1234.5},  # row 13: a fraction of a yen
    ]
    path, debtors = write_ward_rows(tmp_path / "broken.xlsx", bad)
    extraction = read_ward_workbook(path)
    found = {(e.row, e.column, e.value) for e in extraction.errors}
    assert found == {
        (3, "返還金額", "八十万円"),
        (4, "納期限", "令和7年2月30日"),
        (5, "既納付額", "-5000"),
        (6, "既納付額", "150000"),
        (7, "管理番号", "R7-0001"),
        (8, "事業者名", "   "),
        (9, "管理番号", ""),
        (10, "納期限", "2025-04-01"),
        (11, "事業者名フリガナ", "四谷商店"),
        (11, "郵便番号", "160-00"),
        (11, "交付決定日", "2025/13/01"),
        (12, "区分", "団体"),
        (12, "電話番号", "03-1234"),
        (12, "メールアドレス", "info@"),
        (13, "返還金額", "1234.5"),
    }
    assert [row.source_row for row in extraction.rows] == [2]
    assert not extraction.ok
    messages = {(e.row, e.column): e.message for e in extraction.errors}
    assert "2行目と重複" in messages[(7, "管理番号")]
    assert "超えて" in messages[(6, "既納付額")]
    assert "マイナス" in messages[(5, "既納付額")]
    assert "存在しない日付" in messages[(4, "納期限")]
    assert "返還命令日" in messages[(10, "納期限")]
    assert "端数" in messages[(13, "返還金額")]
    for error in extraction.errors:
        assert error.message and error.message.endswith("。")
    # errors come in sheet order: by row, then left to right
    order = [(e.row, WARD_HEADER.index(e.column)) for e in extraction.errors]
    assert order == sorted(order)
    del debtors


def test_total_and_note_rows_are_skipped_but_an_unnamed_debtor_is_not(tmp_path):
    debtors = generate_debtors(3, seed=8)
    values = [[d.management_no, "法人", d.name, None, None, None, None, None, None, None, None, None, None, None,
               d.order_date, d.principal, None, 0, None] for d in debtors]  # fmt: skip
    rows = [list(WARD_HEADER), *values]
    rows.append([None] * 15 + [sum(d.principal for d in debtors)])  # unlabelled total under the data
    rows.append([None, None, "計", None, None, None, None, None, None, None, None, None, None, None, None, 1])
    rows.append([None, "※ 区の抽出（架空）", None])
    rows.append([None, None, None, None, None, None, None, "東京都新宿区", None, None, None, None, None, None,
                 dt.date(2025, 1, 1), 5000])  # fmt: skip
    path = write_sheet(tmp_path / "totals.xlsx", rows)
    extraction = read_ward_workbook(path)
    assert [row.management_no for row in extraction.rows] == [d.management_no for d in debtors]
    assert extraction.skipped_rows == [5, 6, 7]
    assert {(e.row, e.column) for e in extraction.errors} == {(8, "管理番号"), (8, "事業者名")}


def test_dates_and_codes_typed_into_number_cells(tmp_path):
    debtor = generate_debtors(1, seed=5)[0]
    changes = {
        "返還命令日": 20250916,  # yyyymmdd typed as a number
        "納期限": 45936,  # an Excel serial in a General cell: 2025-10-06
        "郵便番号": 600001,  # 060-0001 lost its leading zero
        "電話番号": 353446650,  # 03-5344-6650 lost its leading zero
        "交付年度": 2024,
        "管理番号": debtor.management_no.replace("-", "－"),  # full-width hyphen
    }
    path, _ = write_ward_rows(tmp_path / "numbers.xlsx", [changes], seed=5)
    extraction = read_ward_workbook(path)
    assert extraction.errors == []
    row = extraction.rows[0]
    assert row.order_date == dt.date(2025, 9, 16)
    assert row.due_date == dt.date(2025, 10, 6)
    assert row.postal_code == "060-0001"
    assert row.phone == "0353446650"
    assert row.fiscal_year == 2024
    assert row.management_no == debtor.management_no


def test_a_formula_without_a_saved_result_names_the_cell(tmp_path):
    path = tmp_path / "formula.xlsx"
    write_ward_workbook(
        path,
        generate_debtors(2, seed=6),
        variant=WardWorkbookVariant(amounts="formula", cache_formulas=False),
    )
    extraction = read_ward_workbook(path)
    assert extraction.rows == []
    principal_errors = [e for e in extraction.errors if e.column == "返還金額"]
    assert [e.row for e in principal_errors] == [2, 3]
    assert all(e.value.startswith("=") and "保存" in e.message for e in principal_errors)
    assert [e.message.split("の数式")[0] for e in principal_errors] == ["セルP2", "セルP3"]


def test_header_synonyms_one_by_one(tmp_path):
    synonyms = {
        "管理番号": "整理番号",
        "事業者名": "債務者名",
        "事業者名フリガナ": "カナ",
        "返還金額": "返還額",
        "既納付額": "納付済額",
        "郵便番号": "〒",
        "納期限": "納付期限",
    }
    header = [synonyms.get(name, name) for name in WARD_HEADER]
    path, debtors = write_ward_rows(tmp_path / "syn.xlsx", [{}, {}], header=header)
    extraction = read_ward_workbook(path)
    assert extraction.errors == []
    assert [row.principal for row in extraction.rows] == [d.principal for d in debtors]
    assert extraction.columns["principal"] == "返還額"
    header[WARD_HEADER.index("返還金額")] = "債権金額（円）"
    path, _ = write_ward_rows(tmp_path / "syn2.xlsx", [{}], header=header)
    assert read_ward_workbook(path).rows[0].principal == debtors[0].principal


@needs_sample
def test_rows_are_plain_frozen_values():
    extraction = read_ward_workbook(SAMPLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        extraction.rows[0].principal = 1  # type: ignore[misc]
    assert extraction.rows[0].balance == extraction.rows[0].principal - extraction.rows[0].paid


def test_a_header_repeated_inside_the_data_is_skipped(tmp_path):
    debtors = generate_debtors(4, seed=12)
    rows: list[list[object]] = [list(WARD_HEADER)]
    for index, debtor in enumerate(debtors):
        if index == 2:
            rows.append([f" {name} " for name in WARD_HEADER])  # the header again, as on a printed page 2
        rows.append([ward_values(debtor)[name] for name in WARD_HEADER])
    path = write_sheet(tmp_path / "pages.xlsx", rows)
    extraction = read_ward_workbook(path)
    assert extraction.errors == []
    assert [row.management_no for row in extraction.rows] == [d.management_no for d in debtors]
    assert extraction.skipped_rows == [4]


_FLAGS = st.builds(
    WardWorkbookVariant,
    title_rows=st.integers(0, 5),
    headers=st.sampled_from(["standard", "synonyms"]),
    header_spaces=st.booleans(),
    column_order=st.sampled_from(["standard", "reversed", "shuffled"]),
    dates=st.sampled_from(["excel", "iso", "slash", "wareki", "wareki_short", "wareki_zero"]),
    amounts=st.sampled_from(["number", "commas", "yen", "fullwidth", "formula"]),
    postal=st.sampled_from(["hyphen", "plain", "mark", "fullwidth"]),
    readings=st.sampled_from(["katakana", "hiragana", "halfwidth"]),
    padded_names=st.booleans(),
    blank_rows=st.booleans(),
    total_row=st.booleans(),
    note_rows=st.booleans(),
    extra_columns=st.booleans(),
    mailing=st.booleans(),
    omit_due=st.booleans(),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(variant=_FLAGS, seed=st.integers(0, 10_000))
def test_any_combination_of_variations_imports(tmp_path, variant, seed):
    debtors = generate_debtors(9, seed=seed)
    path = tmp_path / "combo.xlsx"
    write_ward_workbook(path, debtors, variant=variant)
    extraction = read_ward_workbook(path)
    assert extraction.errors == []
    assert [_expected(d) for d in debtors] == [
        {key: getattr(row, key) for key in _expected(d)}
        for row, d in zip(extraction.rows, debtors, strict=True)
    ]
    assert len(extraction.rows) == len(debtors)

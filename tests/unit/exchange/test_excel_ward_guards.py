"""Workbooks that cannot be read at all: one clear error naming the file, nothing half-read."""

from __future__ import annotations

import io
import re
import time
import zipfile

import openpyxl
import pytest

from data_factories import WARD_HEADER, unsafe_xml_workbook, write_sheet, write_ward_rows
from saiken.domain.errors import CorruptFileError, PasswordRequiredError, ValidationError
from saiken.domain.fictional import generate_debtors
from saiken.exchange.excel import read_ward_workbook
from saiken.exchange.excel.ward_writer import WardWorkbookVariant, write_ward_workbook
from saiken.exchange.excel.xlsx_guard import formulas_without_cached_value


def test_openpyxl_parses_through_defusedxml():
    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize("part", ["sheet", "strings"])
@pytest.mark.parametrize("kind", ["bomb", "external"])
def test_unsafe_xml_is_refused_quickly(tmp_path, kind, part):
    path = unsafe_xml_workbook(tmp_path / f"{kind}.xlsx", kind, part)
    started = time.perf_counter()
    with pytest.raises(CorruptFileError) as caught:
        read_ward_workbook(path)
    assert time.perf_counter() - started < 5  # no entity expansion happened
    assert f"{kind}.xlsx" in str(caught.value)
    assert "安全でない XML" in str(caught.value)
    assert "passwd" not in str(caught.value) and "root:" not in str(caught.value)


def test_a_text_file_is_not_a_workbook(tmp_path):
    path = tmp_path / "抽出.xlsx"
    path.write_text("管理番号,事業者名\nR7-0001,架空商店\n", encoding="utf-8")
    with pytest.raises(CorruptFileError, match=r"「抽出.xlsx」は Excel ブック"):
        read_ward_workbook(path)


def test_an_encrypted_workbook_asks_for_its_password(tmp_path):
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")  # a real Office encryption
    plain = tmp_path / "plain.xlsx"
    write_ward_workbook(plain, generate_debtors(3))
    encrypted = tmp_path / "protected.xlsx"
    with plain.open("rb") as source, encrypted.open("wb") as target:
        ooxml.OOXMLFile(source).encrypt("Fictional-Pass-123", target)
    with pytest.raises(PasswordRequiredError, match=r"「protected\.xlsx」はパスワードで保護されています"):
        read_ward_workbook(encrypted)
    assert len(read_ward_workbook(encrypted, password="Fictional-Pass-123").rows) == 3


def test_a_truncated_workbook_is_reported_as_damaged(tmp_path):
    whole = tmp_path / "whole.xlsx"
    write_ward_workbook(whole, generate_debtors(50))
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[:3000])
    with pytest.raises(CorruptFileError, match=r"「cut.xlsx」は壊れている"):
        read_ward_workbook(cut)


def test_a_zip_that_is_not_a_workbook_is_reported_as_damaged(tmp_path):
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "架空")
    with pytest.raises(CorruptFileError, match=r"other.xlsx"):
        read_ward_workbook(path)


def test_missing_file(tmp_path):
    with pytest.raises(ValidationError, match=r"「none.xlsx」が見つかりません"):
        read_ward_workbook(tmp_path / "none.xlsx")


def test_size_limit(tmp_path):
    path = tmp_path / "big.xlsx"
    write_ward_workbook(path, generate_debtors(200))
    with pytest.raises(ValidationError, match=r"「big.xlsx」.*上限"):
        read_ward_workbook(path, max_bytes=10_000)
    assert read_ward_workbook(path).rows  # the default limit (20 MB) takes it


def test_row_limit(tmp_path):
    path = tmp_path / "many.xlsx"
    write_ward_workbook(path, generate_debtors(30))
    with pytest.raises(ValidationError, match=r"「many.xlsx」.*上限の 29 行"):
        read_ward_workbook(path, max_rows=29)
    assert len(read_ward_workbook(path, max_rows=30).rows) == 30


def test_no_header_row(tmp_path):
    rows = [["令和7年度 滞納者一覧"], [], ["架空", "データ", "のみ"]] + [[i, i * 2] for i in range(30)]
    path = write_sheet(tmp_path / "nohead.xlsx", rows)
    with pytest.raises(ValidationError, match=r"「nohead.xlsx」に見出し行が見つかりません"):
        read_ward_workbook(path)


def test_header_below_row_20_is_not_searched(tmp_path):
    rows = [["表題"]] * 20 + [list(WARD_HEADER)]
    path = write_sheet(tmp_path / "deep.xlsx", rows)
    with pytest.raises(ValidationError, match="見出し行が見つかりません"):
        read_ward_workbook(path)


def test_missing_required_columns_are_all_named(tmp_path):
    header = [name for name in WARD_HEADER if name not in ("返還金額", "管理番号", "納期限", "返還命令日")]
    path = write_sheet(tmp_path / "cols.xlsx", [header, ["法人", "架空商店"]])
    with pytest.raises(ValidationError) as caught:
        read_ward_workbook(path)
    message = str(caught.value)
    assert "cols.xlsx" in message
    for label in ("管理番号", "返還金額", "返還命令日または納期限"):
        assert label in message
    assert "事業者名" not in message.split("がありません:")[1]


def test_a_second_sheet_with_the_list_is_found(tmp_path):
    path, debtors = write_ward_rows(tmp_path / "two.xlsx", [{}, {}])
    workbook = openpyxl.load_workbook(path)
    workbook.create_sheet("説明", 0)["A1"] = "このブックは架空のデータです"
    workbook.save(path)
    extraction = read_ward_workbook(path)
    assert extraction.sheet_name == "滞納者一覧"
    assert [row.management_no for row in extraction.rows] == [d.management_no for d in debtors]


def _prefix_sheet_xml(path) -> None:
    """Rewrite the sheets as some writers do: every element with an `x:` namespace prefix."""
    original = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb"<(/?)([A-Za-z])", rb"<\1x:\2", data).replace(b'xmlns="', b'xmlns:x="', 1)
            target.writestr(info, data)


def test_formulas_without_results_are_found_in_prefixed_xml(tmp_path):
    path = tmp_path / "prefixed.xlsx"
    write_ward_workbook(
        path, generate_debtors(3), variant=WardWorkbookVariant(amounts="formula", cache_formulas=False)
    )
    _prefix_sheet_xml(path)
    with zipfile.ZipFile(path) as archive:
        assert b"<x:c " in archive.read("xl/worksheets/sheet1.xml")
        found = formulas_without_cached_value(archive, "xl/worksheets/sheet1.xml")
    principal_column = WARD_HEADER.index("返還金額") + 1
    assert {(row, principal_column) for row in (2, 3, 4)} <= set(found)
    assert all(text.startswith("=") for text in found.values())
    extraction = read_ward_workbook(path)
    assert {e.row for e in extraction.errors if e.column == "返還金額"} == {2, 3, 4}


def test_formulas_with_results_in_prefixed_xml_read_normally(tmp_path):
    path = tmp_path / "prefixed_ok.xlsx"
    debtors = generate_debtors(3)
    write_ward_workbook(path, debtors, variant=WardWorkbookVariant(amounts="formula"))
    _prefix_sheet_xml(path)
    extraction = read_ward_workbook(path)
    assert extraction.errors == []
    assert [r.principal for r in extraction.rows] == [d.principal for d in debtors]


def test_a_header_without_any_debtor_row(tmp_path):
    path = write_sheet(tmp_path / "empty.xlsx", [list(WARD_HEADER), [], ["※ 該当者なし"]])
    with pytest.raises(
        ValidationError, match=r"「empty.xlsx」のシート「滞納者一覧」には債務者の行がありません"
    ):
        read_ward_workbook(path)


def test_a_folder_in_place_of_the_file(tmp_path):
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    with pytest.raises(ValidationError, match=r"「folder.xlsx」が見つかりません"):
        read_ward_workbook(folder)


def test_a_visible_list_wins_over_a_hidden_old_copy(tmp_path):
    path, debtors = write_ward_rows(tmp_path / "hidden.xlsx", [{}, {}])
    workbook = openpyxl.load_workbook(path)
    old = workbook.copy_worksheet(workbook["滞納者一覧"])
    old.title = "旧データ"
    old["A2"] = "R6-9999"
    old.sheet_state = "hidden"
    workbook.move_sheet(old, offset=-1)
    workbook.active = 1
    workbook.save(path)
    assert openpyxl.load_workbook(path).sheetnames[0] == "旧データ"
    extraction = read_ward_workbook(path)
    assert extraction.sheet_name == "滞納者一覧"
    assert [row.management_no for row in extraction.rows] == [d.management_no for d in debtors]

"""Shared test helpers that write real workbooks with openpyxl (fictional data only).

- `ward_header()` / `ward_values(debtor)`: the ward sample's 19 columns and one debtor's cells in them;
- `write_sheet(path, rows)`: any rows (lists of cell values, None for empty) on one sheet, where a
  str beginning with `=` is a formula, stored without a computed value like openpyxl always does;
- `write_ward_rows(path, rows_by_header)`: the sample header plus rows given as {header: value}
  overrides of fictional debtors, for broken-workbook tests;
- `unsafe_xml_workbook(path, kind)`: a workbook whose sheet XML carries an entity bomb or an external
  entity, for the defusedxml tests.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook

from saiken.domain import wareki
from saiken.domain.fictional import KIND_INDIVIDUAL, FictionalDebtor, generate_debtors

WARD_HEADER = (
    "管理番号", "区分", "事業者名", "事業者名フリガナ", "代表者氏名", "代表者フリガナ", "郵便番号", "住所",
    "電話番号", "メールアドレス", "交付年度", "交付決定日", "交付額", "受領日", "返還命令日", "返還金額", "納期限",
    "既納付額", "経過",
)  # fmt: skip


def ward_header() -> list[str]:
    return list(WARD_HEADER)


def ward_values(debtor: FictionalDebtor) -> dict[str, object]:
    return {
        "管理番号": debtor.management_no,
        "区分": "個人事業主" if debtor.kind == KIND_INDIVIDUAL else "法人",
        "事業者名": debtor.name,
        "事業者名フリガナ": debtor.name_kana,
        "代表者氏名": debtor.representative,
        "代表者フリガナ": debtor.representative_kana,
        "郵便番号": debtor.postal_code,
        "住所": debtor.address,
        "電話番号": debtor.phone,
        "メールアドレス": debtor.email,
        "交付年度": wareki.format_fiscal_year(debtor.fiscal_year),
        "交付決定日": debtor.decision_date,
        "交付額": debtor.grant_amount,
        "受領日": debtor.received_date,
        "返還命令日": debtor.order_date,
        "返還金額": debtor.principal,
        "納期限": debtor.due_date,
        "既納付額": debtor.paid,
        "経過": debtor.notes,
    }


def write_sheet(path: Path, rows: Iterable[Sequence[object]], *, title: str = "滞納者一覧") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def write_ward_rows(
    path: Path,
    overrides: Sequence[Mapping[str, object]],
    *,
    seed: int = 11,
    header: Sequence[str] = WARD_HEADER,
) -> tuple[Path, list[FictionalDebtor]]:
    """One fictional debtor per item of `overrides`, each cell replaced where the mapping names its
    sample header. `header` renames the 19 sample columns (same order) in the written header row."""
    if len(header) != len(WARD_HEADER):
        raise ValueError("header must rename each of the 19 sample columns")
    debtors = generate_debtors(len(overrides), seed=seed)
    rows: list[list[object]] = [list(header)]
    for debtor, changes in zip(debtors, overrides, strict=True):
        values = ward_values(debtor) | dict(changes)
        rows.append([values.get(name) for name in WARD_HEADER])
    return write_sheet(path, rows), debtors


_BOMB = (
    b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">'
    b'<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>'
)
_EXTERNAL = b'<!DOCTYPE worksheet [<!ENTITY g SYSTEM "file:///etc/passwd">]>'
_MAIN_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_STRINGS = b'<sst xmlns="' + _MAIN_NS + b'" count="1" uniqueCount="1"><si><t>&g;</t></si></sst>'
_STRINGS_RELATIONSHIP = (
    b'<Relationship Id="rIdStrings" Target="sharedStrings.xml" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
)
_STRINGS_CONTENT_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)


def unsafe_xml_workbook(path: Path, kind: str = "bomb", part: str = "sheet") -> Path:
    """A ward-like workbook that declares `kind` ("bomb" or "external") and uses it in A2, either in the
    first sheet's XML (`part="sheet"`) or in the shared strings (`part="strings"`)."""
    debtor = generate_debtors(1, seed=3)[0]
    values = ward_values(debtor)
    source = io.BytesIO()
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(WARD_HEADER))
    sheet.append([values[name] for name in WARD_HEADER])
    sheet["A2"] = "PLACEHOLDER"
    workbook.save(source)
    doctype = _BOMB if kind == "bomb" else _EXTERNAL
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                placeholder = b'<c r="A2" t="inlineStr"><is><t>PLACEHOLDER</t></is></c>'
                assert placeholder in data
                if part == "sheet":
                    root = data.index(b"<worksheet")
                    data = data[:root] + doctype + data[root:]
                    data = data.replace(placeholder, placeholder.replace(b"PLACEHOLDER", b"&g;"))
                else:
                    data = data.replace(placeholder, b'<c r="A2" t="s"><v>0</v></c>')
            elif part == "strings" and info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", _STRINGS_RELATIONSHIP + b"</Relationships>")
            elif part == "strings" and info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", _STRINGS_CONTENT_TYPE + b"</Types>")
            target.writestr(info, data)
        if part == "strings":
            target.writestr("xl/sharedStrings.xml", doctype.replace(b"worksheet", b"sst") + _STRINGS)
    return path

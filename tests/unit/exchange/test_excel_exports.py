"""The negotiation report and the debtor list, read back with openpyxl as the ward would open them."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.domain.fictional import generate_contacts, generate_debtors
from saiken.exchange.excel import (
    DebtorSheetRow,
    NegotiationReportRow,
    neutralise,
    read_ward_workbook,
    write_debtor_list,
    write_negotiation_report,
)
from saiken.exchange.excel.negotiation_report import HEADERS

PERIOD = {"period_from": dt.date(2025, 9, 1), "period_to": dt.date(2026, 3, 31)}
PARTIES = {"ward_name": "新宿区産業振興課", "contractor_name": "架空の森法律事務所"}
INJECTIONS = [
    '=HYPERLINK("http://example.invalid","x")',
    "  +1+1",
    "\t=1+1",
    "-2+3",
    "@SUM(A1)",
    "\r=1",
    "＝1+1",
]


def _records(count: int = 4, per_debtor: int = 3) -> list[NegotiationReportRow]:
    rows = []
    for debtor in generate_debtors(count, seed=31):
        for contact in generate_contacts(debtor, per_debtor, seed=2):
            rows.append(
                NegotiationReportRow(
                    management_no=debtor.management_no,
                    debtor_name=debtor.name,
                    at=contact.at,
                    channel=contact.channel,
                    person=contact.person,
                    handler=contact.handler,
                    summary=contact.summary,
                    direction=contact.direction,
                    promise_amount=contact.promise_amount,
                    promise_date=contact.promise_date,
                    next_action_on=contact.next_action_date,
                )
            )
    return rows


def _no_formulas(path) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_report_reads_as_a_ward_officer_expects(tmp_path):
    records = _records()
    path = tmp_path / "交渉記録報告書.xlsx"
    write_negotiation_report(
        path, rows=list(reversed(records)), created_on=dt.date(2026, 4, 1), **PERIOD, **PARTIES
    )
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "交渉記録報告書"
    assert "A1:I1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A2"].value == "報告期間：令和7年9月1日～令和8年3月31日"
    assert sheet["G2"].value == "作成日：令和8年4月1日"
    assert sheet["A3"].value == "委託者：新宿区産業振興課　御中"
    assert sheet["G3"].value == "受託者：架空の森法律事務所"
    assert sheet["A4"].value == f"記録件数：{len(records)}件（債務者 4名）"
    assert [c.value for c in sheet[6]] == HEADERS
    body = [[c.value for c in row] for row in sheet.iter_rows(min_row=7, max_row=6 + len(records))]
    expected = sorted(records, key=lambda r: (r.management_no, r.at))
    assert [row[0] for row in body] == [r.management_no for r in expected]
    for row, record in zip(body, expected, strict=True):
        assert row[1] == record.debtor_name
        assert row[2] == record.at.astimezone(JST).replace(tzinfo=None)
        assert row[3] == f"{record.channel}（{record.direction}）"
        assert row[6] == record.summary
        if record.promise_amount:
            assert row[7].startswith(f"{record.promise_amount:,}円")
            assert row[7].endswith("日まで")
        else:
            assert row[7] is None
        assert (row[8].date() if row[8] else None) == record.next_action_on
    assert "ggge" in sheet["C7"].number_format and "h:mm" in sheet["C7"].number_format
    assert sheet["G7"].alignment.wrap_text
    assert sheet.cell(6 + len(records) + 2, 9).value == "以上"


def test_report_print_setup(tmp_path):
    path = tmp_path / "report.xlsx"
    write_negotiation_report(path, rows=_records(2, 2), **PERIOD, **PARTIES)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == "9"  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (1, "1") and sheet.page_setup.fitToHeight in (0, "0")
    assert sheet.print_title_rows == "$6:$6"
    assert sheet.freeze_panes == "A7"
    assert sheet.column_dimensions["G"].width > sheet.column_dimensions["A"].width
    assert "&P" in sheet.oddFooter.center.text


def test_aware_times_are_shown_in_japan_time(tmp_path):
    at = dt.datetime(2025, 9, 30, 16, 5, tzinfo=dt.UTC)  # 2025-10-01 01:05 in Japan
    record = NegotiationReportRow("R7-0001", "架空商店", at, "電話", "本人", "甲野", "架空の通話")
    path = tmp_path / "tz.xlsx"
    write_negotiation_report(path, rows=[record], **PERIOD, **PARTIES)
    assert openpyxl.load_workbook(path).active["C7"].value == dt.datetime(2025, 10, 1, 1, 5)


def test_an_empty_period_says_so(tmp_path):
    path = tmp_path / "empty.xlsx"
    write_negotiation_report(path, rows=[], **PERIOD, **PARTIES)
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A7"].value == "この期間の交渉記録はありません。"
    assert sheet["A4"].value == "記録件数：0件（債務者 0名）"


def test_a_record_outside_the_period_is_refused_and_the_old_file_stays(tmp_path):
    path = tmp_path / "report.xlsx"
    write_negotiation_report(path, rows=_records(1, 1), **PERIOD, **PARTIES)
    before = path.read_bytes()
    late = NegotiationReportRow(
        "R7-0009", "架空商店", dt.datetime(2026, 4, 2, 10, tzinfo=JST), "電話", "本人", "甲野", "x"
    )
    with pytest.raises(ValidationError, match="報告期間の外"):
        write_negotiation_report(path, rows=[late], **PERIOD, **PARTIES)
    with pytest.raises(ValidationError, match="開始日が終了日より後"):
        write_negotiation_report(
            path, rows=[], period_from=dt.date(2026, 1, 1), period_to=dt.date(2025, 1, 1), **PARTIES
        )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]  # no temp file left behind


@pytest.mark.parametrize("text", INJECTIONS)
def test_neutralise(text):
    assert neutralise(text) == "'" + text
    assert neutralise("架空商店") == "架空商店"
    assert neutralise("03-1234-5678") == "03-1234-5678"


def test_formula_injection_in_the_report_is_plain_text(tmp_path):
    records = [
        NegotiationReportRow(
            "R7-0001", text, dt.datetime(2025, 10, 1, 10, tzinfo=JST), "電話", text, "甲野", text
        )
        for text in INJECTIONS
    ]
    path = tmp_path / "inject.xlsx"
    write_negotiation_report(path, rows=records, **PERIOD, **PARTIES)
    _no_formulas(path)
    sheet = openpyxl.load_workbook(path).active
    shown = {sheet.cell(row, 2).value for row in range(7, 7 + len(INJECTIONS))}
    # XML reading turns a bare CR into LF; the text is otherwise exactly what was given, behind a '
    assert shown == {"'" + text.replace("\r", "\n") for text in INJECTIONS}
    for row in range(7, 7 + len(INJECTIONS)):
        for column in (2, 5, 7):
            cell = sheet.cell(row, column)
            assert cell.data_type == "s" and cell.value.startswith("'")


def _list_rows() -> list[DebtorSheetRow]:
    rows = []
    for debtor in generate_debtors(15, seed=41):
        rows.append(
            DebtorSheetRow(
                management_no=debtor.management_no,
                kind=debtor.kind,
                name=debtor.name,
                principal=debtor.principal,
                paid=debtor.paid,
                due_date=debtor.due_date,
                name_kana=debtor.name_kana,
                representative=debtor.representative,
                representative_kana=debtor.representative_kana,
                postal_code=debtor.postal_code,
                address=debtor.address,
                phone=debtor.phone,
                email=debtor.email,
                fiscal_year=debtor.fiscal_year,
                decision_date=debtor.decision_date,
                grant_amount=debtor.grant_amount,
                received_date=debtor.received_date,
                order_date=debtor.order_date,
                status=debtor.status,
                notes=debtor.notes,
            )
        )
    return rows


def test_debtor_list_has_balances_and_totals_and_reads_back(tmp_path):
    rows = _list_rows()
    path = tmp_path / "債務者一覧.xlsx"
    write_debtor_list(path, rows, created_on=dt.date(2025, 10, 1))
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "債務者一覧（令和7年10月1日現在）"
    header = [c.value for c in sheet[3]]
    assert header[:3] == ["管理番号", "区分", "事業者名"] and "残額" in header and "状況" in header
    assert "送付先住所" not in header  # nobody has a mailing address
    balance_col = header.index("残額") + 1
    for index, row in enumerate(rows, start=4):
        assert sheet.cell(index, 1).value == row.management_no
        assert sheet.cell(index, balance_col).value == row.principal - row.paid
        assert sheet.cell(index, 2).value == ("個人事業主" if row.kind == "個人" else "法人")
    total_row = 4 + len(rows)
    assert sheet.cell(total_row, 1).value == f"合計（{len(rows)}件）"
    assert sheet.cell(total_row, balance_col).value == sum(r.principal - r.paid for r in rows)
    assert sheet.cell(total_row, header.index("返還金額") + 1).value == sum(r.principal for r in rows)
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$3:$3"

    back = read_ward_workbook(path)  # the list is in the ward's own format
    assert back.errors == [] and back.skipped_rows == [total_row]
    assert [(r.management_no, r.name, r.principal, r.paid, r.due_date, r.kind) for r in back.rows] == [
        (r.management_no, r.name, r.principal, r.paid, r.due_date, r.kind) for r in rows
    ]


def test_debtor_list_mailing_columns_and_injection(tmp_path):
    rows = _list_rows()[:3]
    rows[1] = DebtorSheetRow(
        management_no="R7-0099",
        kind="法人",
        name="=1+2",
        principal=1000,
        paid=0,
        due_date=dt.date(2025, 1, 1),
        mailing_postal_code="169-0075",
        mailing_address="@東京都新宿区高田馬場1丁目1番1号",
        notes="-分割の相談あり",
    )
    path = tmp_path / "list.xlsx"
    write_debtor_list(path, rows)
    _no_formulas(path)
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[3]]
    assert "送付先郵便番号" in header and "送付先住所" in header
    row = [c.value for c in sheet[5]]
    assert row[header.index("事業者名")] == "'=1+2"
    assert row[header.index("送付先住所")] == "'@東京都新宿区高田馬場1丁目1番1号"
    assert row[header.index("経過")] == "'-分割の相談あり"


def test_a_short_list_shows_only_the_columns_it_has(tmp_path):
    from saiken.exchange.excel.debtor_list import DebtorSheetRow

    items = [
        DebtorSheetRow(
            management_no="R7-0001",
            name="株式会社四谷架空",
            principal=500_000,
            paid=100_000,
            balance=400_000,
            status="交渉中",
            handler="甲野",
            next_action_on=dt.date(2025, 10, 6),
            tags="分納希望、要注意",
        ),
        DebtorSheetRow(management_no="R7-0002", name="落合架空商店", principal=80_000, paid=0),
    ]
    path = tmp_path / "short.xlsx"
    write_debtor_list(path, items)
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[3]]
    assert header == [
        "管理番号",
        "事業者名",
        "返還金額",
        "既納付額",
        "残額",
        "状況",
        "担当",
        "次回予定",
        "タグ",
    ]
    assert [c.value for c in sheet[4]][:5] == ["R7-0001", "株式会社四谷架空", 500_000, 100_000, 400_000]
    assert sheet.cell(4, 8).value == dt.datetime(2025, 10, 6)
    assert sheet.cell(5, 5).value == 80_000  # balance computed when not given
    assert sheet.cell(6, 5).value == 480_000  # total


def test_files_say_what_they_are(tmp_path):
    report, listing = tmp_path / "r.xlsx", tmp_path / "l.xlsx"
    write_negotiation_report(report, rows=_records(1, 1), **PERIOD, **PARTIES)
    write_debtor_list(listing, _list_rows()[:2])
    assert openpyxl.load_workbook(report).properties.keywords == "saiken:negotiation-report:v1"
    properties = openpyxl.load_workbook(listing).properties
    assert properties.keywords == "saiken:debtor-list:v1" and properties.creator == "債権デスク"


def test_a_failed_write_is_one_clear_error_and_leaves_nothing(tmp_path):
    with pytest.raises(ValidationError, match=r"「r.xlsx」を保存できませんでした"):
        write_negotiation_report(tmp_path / "missing" / "r.xlsx", rows=[], **PERIOD, **PARTIES)
    assert list(tmp_path.iterdir()) == []
    folder = tmp_path / "l.xlsx"
    folder.mkdir()  # a folder where the file should go: replacing it fails
    with pytest.raises(ValidationError, match=r"「l.xlsx」を保存できませんでした"):
        write_debtor_list(folder, _list_rows()[:1])
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["l.xlsx"]  # no temp file left behind

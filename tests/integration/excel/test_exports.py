"""Excel exports read back with openpyxl: the negotiation report of a period and the debtor list, with the
export right required, an audit entry with counts only, and formula-like text neutralised."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from excel_helpers import SAMPLE
from openpyxl import load_workbook
from sqlalchemy import select

from saiken.domain.clock import JST
from saiken.domain.errors import PermissionDeniedError, ValidationError
from saiken.domain.roles import Role
from saiken.services.context import SignedInUser, read_session
from saiken.services.debtors import add_record, correct_record
from saiken.services.debtors.search import DebtorFilter, search_debtors
from saiken.services.excel_export import export_debtor_list, export_negotiation_report
from saiken.services.excel_import import import_ward_workbook
from saiken.store.models import AuditEntry


@pytest.fixture
def filled(vault_session):
    import_ward_workbook(vault_session, SAMPLE)
    ids = {row.management_no: row.id for row in search_debtors(vault_session, DebtorFilter(), limit=100).rows}
    day = dt.datetime(2025, 9, 1, 10, 30, tzinfo=JST)
    add_record(
        vault_session,
        ids["R7-0001"],
        at=day,
        channel="電話",
        direction="発信",
        person="本人",
        summary="納付について説明。",
        promise_amount=50_000,
        promise_date=dt.date(2025, 9, 30),
        next_action_on=dt.date(2025, 10, 1),
    )
    wrong = add_record(
        vault_session,
        ids["R7-0002"],
        at=day + dt.timedelta(days=3),
        channel="来所",
        direction="受信",
        person="代表者",
        summary='=HYPERLINK("http://example.jp")',
    ).value
    correct_record(vault_session, wrong.id, summary="=SUM(A1:A2) 来所、分割の相談。")
    add_record(
        vault_session,
        ids["R7-0003"],
        at=dt.datetime(2025, 8, 31, 23, 59, tzinfo=JST),
        channel="書面",
        direction="発信",
        person="本人",
        summary="催告書を送付。",
    )  # before the period
    return vault_session


def _cells(path):
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    types = {cell.data_type for row in sheet.iter_rows() for cell in row}
    workbook.close()
    return rows, types


def test_negotiation_report_has_the_periods_current_records(filled, tmp_path):
    path = tmp_path / "report.xlsx"
    result = export_negotiation_report(
        filled, path, period_from=dt.date(2025, 9, 1), period_to=dt.date(2025, 9, 15)
    )
    assert result.rows == 2
    rows, types = _cells(path)
    assert "f" not in types  # no formula anywhere
    text = "\n".join(str(v) for row in rows for v in row if v is not None)
    assert "交渉記録報告書" in text and "R7-0001" in text and "R7-0002" in text
    assert "R7-0003" not in text  # 8/31 23:59 JST is outside the period
    assert "HYPERLINK" not in text  # the superseded version is not reported
    assert any(isinstance(v, str) and v.startswith("'=SUM") for row in rows for v in row)
    assert "納付について説明。" in text


def test_debtor_list_export_matches_the_list(filled, tmp_path):
    path = tmp_path / "list.xlsx"
    flt = DebtorFilter(text="たかはし")
    listed = search_debtors(filled, flt).rows
    result = export_debtor_list(filled, path, flt)
    assert result.rows == len(listed) == 3
    rows, _ = _cells(path)
    numbers = [row[0] for row in rows if isinstance(row[0], str) and row[0].startswith("R7-")]
    assert numbers == [row.management_no for row in listed]
    everything = export_debtor_list(filled, tmp_path / "all.xlsx")
    assert everything.rows == 58


def test_exports_need_the_export_right_and_are_audited_with_counts(filled, tmp_path):
    export_negotiation_report(
        filled, tmp_path / "r.xlsx", period_from=dt.date(2025, 9, 1), period_to=dt.date(2025, 9, 15)
    )
    export_debtor_list(filled, tmp_path / "l.xlsx")
    with read_session(filled) as session:
        entries = session.execute(
            select(AuditEntry.action, AuditEntry.details)
            .where(AuditEntry.action.like("export.%"))
            .order_by(AuditEntry.seq)
        ).all()
    assert [action for action, _ in entries] == ["export.negotiation_report", "export.debtor_list"]
    plain = {"protected": False, "protection": "none"}
    report, listing = json.loads(entries[0][1]), json.loads(entries[1][1])
    assert {key: report.pop(key) for key in ("size", "sha256")} == {
        "size": (tmp_path / "r.xlsx").stat().st_size,
        "sha256": hashlib.sha256((tmp_path / "r.xlsx").read_bytes()).hexdigest(),
    }
    assert report == {
        "rows": 2,
        "period_from": "2025-09-01",
        "period_to": "2025-09-15",
        "file_type": "xlsx",
        "handler": "",
        **plain,
    }
    assert listing.pop("size") == (tmp_path / "l.xlsx").stat().st_size and len(listing.pop("sha256")) == 64
    assert listing == {"rows": 58, "filtered": False, "search_text": False, **plain}
    filled.user = SignedInUser(id=1, name="admin", role=Role.HANDLER)
    with pytest.raises(PermissionDeniedError):
        export_debtor_list(filled, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_bad_period_or_target_is_refused_and_writes_nothing(filled, tmp_path):
    with pytest.raises(ValidationError, match="開始日"):
        export_negotiation_report(
            filled, tmp_path / "r.xlsx", period_from=dt.date(2025, 9, 30), period_to=dt.date(2025, 9, 1)
        )
    with pytest.raises(ValidationError, match=r"\.xlsx"):
        export_debtor_list(filled, tmp_path / "list.csv")
    with pytest.raises(ValidationError, match="フォルダ"):
        export_debtor_list(filled, tmp_path / "nai" / "list.xlsx")
    assert [p.name for p in tmp_path.iterdir()] == ["vault"]

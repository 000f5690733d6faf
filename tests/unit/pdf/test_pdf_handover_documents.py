"""The handover documents read back as a ward officer reads them: the ledger (確認記録票), the erasure
certificate and the fingerprint sheet — every field there, fonts embedded, no debtor data anywhere."""

from __future__ import annotations

import datetime as dt
import os

import openpyxl
from pdf_checks import embedded_font_file, fonts_by_name, page_texts, reader, render_page_png

from saiken.exchange.custody_rows import LedgerHeader, LedgerLine, OpenMedium
from saiken.exchange.erasure_statement import (
    METHOD_ENGAGEMENT,
    ErasedMedium,
    ErasureStatement,
    parse_statement,
)
from saiken.exchange.excel.custody_ledger import write_custody_ledger
from saiken.exchange.pdf.custody_ledger import render_custody_ledger
from saiken.exchange.pdf.erasure_certificate import render_erasure_certificate
from saiken.exchange.pdf.fingerprint_sheet import (
    FingerprintParty,
    fingerprint_groups,
    render_fingerprint_sheet,
)

AT = dt.datetime(2025, 9, 16, 1, 2, tzinfo=dt.UTC)  # 10:02 JST
PACKAGE = "0123456789abcdef" * 2


def line(seq: int, event: str, *, same: bool = False) -> LedgerLine:
    return LedgerLine(
        seq=seq,
        at=AT + dt.timedelta(days=seq),
        event=event,
        medium_id="区-R7-001",
        medium_kind="CD-R",
        content="債務者データ（区→受託者）",
        records=58,
        files=3,
        media=1,
        package_id=PACKAGE,
        handler="佐藤 一郎",
        counterpart_org="架空法律事務所",
        counterpart_person="山田 花子",
        fingerprint="AB12-CD34",
        counterpart_checkpoint="17:" + "cd" * 32,
        note="",
        same_occasion=same,
        hash="ef" * 32,
    )


HEADER = LedgerHeader(
    "架空区 産業振興課", "区", AT, "佐藤 一郎", True, 3, "3:" + "ab" * 32, audit_checkpoint="41:" + "9" * 64
)
LINES = [line(1, "作成"), line(2, "引渡し", same=True), line(3, "通知書引渡し", same=True)]
OPEN = [OpenMedium("区-R7-001", "CD-R", "送付", "引渡し済み", "架空法律事務所", PACKAGE, AT, 12)]


def test_the_ledger_pdf_has_every_entry_the_open_media_and_its_checkpoint(tmp_path):
    pdf = render_custody_ledger(HEADER, LINES, OPEN)
    text = "".join(page_texts(pdf))
    assert "個人情報受渡し確認記録票（管理簿）" in text
    for expected in ("令和7年9月17日", "10:02", "区-R7-001", "CD-R", "58件", "ファイル3", "0123-4567-89ab"):
        assert expected in text
    assert "※引渡し" in text and "同じ機会" in text
    assert "未返却の媒体" in text and "12日" in text
    assert "連鎖と署名を確認済み（3件）" in text and "3:abab" in text
    assert "41:9999" in text  # the audit checkpoint in the footer
    for font in fonts_by_name(pdf).values():
        assert embedded_font_file(font) is not None
    render_page_png(pdf, tmp_path / "ledger.png")


def test_an_empty_ledger_says_so():
    text = "".join(page_texts(render_custody_ledger(HEADER, [], [])))
    assert "記載はまだありません" in text and "返却・廃棄・消去が済んでいない媒体はありません" in text


def test_the_ledger_workbook_has_every_field(tmp_path):
    path = tmp_path / "管理簿.xlsx"
    write_custody_ledger(path, HEADER, LINES, OPEN)
    book = openpyxl.load_workbook(path)
    sheet = book["管理簿"]
    header = [c.value for c in sheet[5]]
    assert header[:4] == ["通番", "日時", "区分", "媒体番号"] and "相手方のチェックポイント" in header
    first = [c.value for c in sheet[6]]
    assert first[0] == 1 and first[3] == "区-R7-001" and first[9] == PACKAGE
    assert first[1] == dt.datetime(2025, 9, 17, 10, 2)  # Japan time, a real date
    assert [c.value for c in sheet[7]][16] == "※"
    media = book["未返却の媒体"]
    values = [c.value for c in media[2]]
    assert values[0] == "区-R7-001" and values[-1] == 12


def statement(**changes) -> ErasureStatement:
    fields = {
        "certificate_no": "ER-R8-0001",
        "issued_at": AT,
        "recipient": "架空区 産業振興課",
        "issuer": "架空法律事務所",
        "issuer_fingerprint": "AB12-CD34-EF56-7890",
        "engagement_uid": "e" * 32,
        "engagement_title": "補助金返還金 督促等業務",
        "period": "令和7年9月16日～令和8年3月31日",
        "information_items": ("氏名", "住所", "連絡先", "経過・交渉記録", "債権金額"),
        "media": (
            ErasedMedium("区-R7-001", "CD-R", "返却済み"),
            ErasedMedium("区-R7-002", "CD-R", "返却済み"),
        ),
        "record_counts": {"債務者": 58, "交渉記録": 140},
        "method": METHOD_ENGAGEMENT,
        "tool": "債権デスク 0.1.0（SQLCipher 4.6.1）",
        "operator": "田中 次郎",
        "responsible": "山田 花子",
        "erased_at": AT,
        "final_checkpoint": "215:" + "ab" * 32,
        "unreachable_copies": ("印刷した文書 118 通", "受け取った媒体 2 枚"),
    } | changes
    return ErasureStatement(**fields)


def test_the_certificate_lists_every_field_and_its_signature():
    signature = os.urandom(64)
    pdf = render_erasure_certificate(statement(), signature=signature)
    text = "".join(page_texts(pdf)).replace("\n", "")
    assert "個人情報消去証明書" in text and "架空区 産業振興課御中" in text
    for expected in (
        "ER-R8-0001",
        "氏名、住所、連絡先、経過・交渉記録、債権金額",  # information items
        "区-R7-001（CD-R・返却済み）",
        "計 2 枚",  # media names and count
        "債務者 58件、交渉記録 140件（合計 198件）",  # record counts
        "secure_delete",  # method
        "債権デスク 0.1.0（SQLCipher 4.6.1）",  # tool and version
        "田中 次郎",  # operator
        "山田 花子",  # responsible person
        "令和7年9月16日 10時02分",  # date and time
        "215:abab",  # final audit checkpoint
        "印刷した文書 118 通",  # copies out of reach
        "AB12-CD34-EF56-7890",  # signing key's fingerprint
        signature.hex()[:8],
    ):
        assert expected in text, expected
    assert reader(pdf).metadata.title == "個人情報消去証明書"


def test_the_statement_round_trips_through_its_signed_bytes():
    original = statement()
    assert parse_statement(original.to_bytes()) == original


def test_the_fingerprint_sheet_shows_both_fingerprints_in_groups():
    ours = FingerprintParty("架空区 産業振興課", "ward", "7KQM-W2ZC-9XHT-3NCF")
    theirs = FingerprintParty("架空法律事務所", "contractor", "AB12CD34EF567890")
    pdf = render_fingerprint_sheet(ours, theirs, printed_at=AT, printed_by="佐藤 一郎")
    text = "".join(page_texts(pdf))
    assert "組織の鍵 照合用紙" in text and "区（委託者）" in text and "受託者" in text
    for group in ("7KQM", "W2ZC", "9XHT", "3NCF", "AB12", "CD34", "EF56", "7890"):
        assert group in text
    assert len(reader(pdf).pages) == 1
    assert fingerprint_groups("AB12CD34") == ["AB12", "CD34"]

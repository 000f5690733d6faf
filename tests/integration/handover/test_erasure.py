"""Erasure at the end: after an engagement erase nothing of it can be read through the application, in
the vault or in its backups; after a crypto-erase no file left holds a canary or the keys; the
certificate lists every field and is signed; the ward's ledger closes the medium."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from handover_kit import FIRM, SAMPLE, WARD, export, import_, make_party, paired
from pdf_like import pdf_text
from sqlalchemy import func, select, text

from saiken.domain.errors import NotFoundError, PermissionDeniedError
from saiken.domain.roles import Role
from saiken.exchange.erasure_statement import parse_statement, signed_bytes
from saiken.services import handover
from saiken.services.context import SignedInUser, read_session
from saiken.services.debtors import add_record, get_card
from saiken.services.debtors.search import DebtorFilter, search_debtors
from saiken.services.handover.keys import verify
from saiken.services.vault import create_backup, list_backups, verify_backup
from saiken.store.engine import engine_key, make_engine
from saiken.store.models import Debtor, ErasureCertificate

CANARY = "カナリア確認用架空商店"


def firm_with_work(tmp_path: Path, fixed_clock):
    ward, firm, engagement = paired(tmp_path, fixed_clock)
    sent = export(ward, engagement, "debtors", "区-R7-001", tmp_path / "b1")
    handover.record_event(ward.session, medium_id="区-R7-001", event="handed_over")
    import_(firm, sent)
    fixed_clock.advance(dt.timedelta(days=5))
    with read_session(firm.session) as s:
        debtor_id = s.scalar(select(Debtor.id).order_by(Debtor.management_no))
        number = s.scalar(select(Debtor.management_no).where(Debtor.id == debtor_id))
    with firm.session.require_open().begin() as c:  # a canary only this engagement holds
        c.execute(text("UPDATE debtors SET notes = :n WHERE id = :id"), {"n": CANARY, "id": debtor_id})
    add_record(
        firm.session,
        debtor_id,
        at=fixed_clock.now(),
        channel="電話",
        direction="発信",
        person="代表者",
        summary=f"{CANARY}と分納の相談。",
    )
    create_backup(firm.session, reason="before")
    return ward, firm, engagement, debtor_id, number


def backup_debtors(path: Path, key: bytes) -> int:
    engine = make_engine(path / "vault.db", key)
    try:
        with engine.connect() as c:
            return int(c.execute(text("SELECT count(*) FROM debtors")).scalar() or 0)
    finally:
        engine.dispose()


def test_after_an_engagement_erase_nothing_of_it_can_be_read_in_the_vault_or_its_backups(
    tmp_path, fixed_clock
):
    ward, firm, _, debtor_id, number = firm_with_work(tmp_path, fixed_clock)
    key = engine_key(firm.session.require_open())
    assert any(backup_debtors(b.path, key) for b in list_backups(firm.folder))
    firm_engagement = handover.list_engagements(firm.session)[0].id

    result = handover.erase_engagement(
        firm.session, firm_engagement, responsible="山田 花子", signer=firm.signer
    )

    with pytest.raises(NotFoundError):
        get_card(firm.session, debtor_id)
    assert search_debtors(firm.session, DebtorFilter()).total == 0
    assert search_debtors(firm.session, DebtorFilter(text=number)).total == 0
    with read_session(firm.session) as s:
        assert s.scalar(select(func.count()).select_from(Debtor)) == 0
        dump = "\n".join(
            str(row)
            for table in ("negotiation_records", "claims", "payments", "debtor_search")
            for row in s.execute(text(f"SELECT * FROM {table}"))
        )
        assert dump == ""
        assert s.execute(text("PRAGMA freelist_count")).scalar() == 0  # VACUUM left no free pages
    backups = list_backups(firm.folder)
    assert len(backups) == 1 and backups[0].reason == "erasure"
    assert backup_debtors(backups[0].path, key) == 0
    assert verify_backup(backups[0].path, session=firm.session).ok
    for path in firm.folder.rglob("*"):
        if path.is_file():
            assert CANARY.encode() not in path.read_bytes()

    statement = result.statement
    assert statement.record_counts["債務者"] == 58 and statement.record_counts["交渉記録"] == 1
    assert [m.medium_id for m in statement.media] == ["区-R7-001"]
    assert statement.recipient == WARD and statement.issuer == FIRM
    assert statement.responsible == "山田 花子" and statement.operator == "admin"
    assert statement.final_checkpoint and "SQLCipher" in statement.tool
    assert any("受け取った媒体" in c for c in statement.unreachable_copies)
    assert verify(firm.identity.public_key, result.signature, signed_bytes(statement.to_bytes()))
    text_of_pdf = pdf_text(result.pdf)
    for field in (
        "個人情報消去証明書",
        "ER-",
        "区-R7-001",
        "債務者 58件",
        "secure_delete",
        "山田 花子",
        "最終監査チェックポイント",
    ):
        assert field in text_of_pdf
    assert handover.open_media(firm.session) == []

    # the erasure package closes the ward's medium
    package = handover.export_erasure_package(
        firm.session,
        result.certificate_no,
        media_id="事-R7-009",
        out_dir=_dir(tmp_path / "b9"),
        signer=firm.signer,
    )
    assert handover.open_media(ward.session)[0].medium_id == "区-R7-001"
    imported = import_(ward, package)
    assert imported.preview.kind == "erasure"
    assert [m.medium_id for m in handover.open_media(ward.session)] == ["事-R7-009"]
    closing = [r for r in handover.list_ledger(ward.session) if r.event == "erased"]
    assert closing and closing[0].medium_id == "区-R7-001" and result.certificate_no in closing[0].content
    with read_session(ward.session) as s:
        stored = s.scalar(select(ErasureCertificate).where(ErasureCertificate.direction == "in"))
        assert parse_statement(stored.body.encode()).certificate_no == result.certificate_no
    assert handover.verify_ledger(ward.session).ok and handover.verify_ledger(firm.session).ok


def _dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_only_a_supervisor_erases(tmp_path, fixed_clock):
    _, firm, _, debtor_id, _ = firm_with_work(tmp_path, fixed_clock)

    handler = dataclasses.replace(firm.session, user=SignedInUser(id=5, name="suzuki", role=Role.HANDLER))
    with pytest.raises(PermissionDeniedError):
        handover.erase_engagement(handler, 1, responsible="鈴木", signer=firm.signer)
    assert get_card(firm.session, debtor_id).id == debtor_id


def test_a_crypto_erase_leaves_no_canary_and_no_key_anywhere(tmp_path, fixed_clock, memory_keyring):
    from saiken.services.excel_import import import_ward_workbook
    from saiken.services.handover import keys
    from saiken.services.vault import create_vault, open_vault

    folder = tmp_path / "firm-vault"
    create_vault(
        folder,
        org_role="contractor",
        org_name=FIRM,
        admin_user="yamada",
        admin_password="架空の長い合言葉-2025-ward",
        device_binding=True,
        clock=fixed_clock,
    )
    session = open_vault(folder, "yamada", "架空の長い合言葉-2025-ward", clock=fixed_clock)
    assert memory_keyring.store  # the device secret is in the keyring
    workbook = tmp_path / "extraction.xlsx"
    workbook.write_bytes(SAMPLE.read_bytes())
    import_ward_workbook(session, workbook)
    with session.require_open().begin() as c:
        c.execute(text("UPDATE debtors SET notes = :n"), {"n": CANARY})
    create_backup(session, reason="before")
    master = engine_key(session.require_open())
    party = make_party(tmp_path / "unused", "contractor", FIRM, fixed_clock)
    certificate = tmp_path / "消去証明書.pdf"

    result = handover.crypto_erase_vault(
        session, responsible="山田 花子", certificate_out=certificate, signer=party.signer
    )

    assert session.closed and not folder.exists()
    assert memory_keyring.store == {}
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file() and not p.is_relative_to(tmp_path / "unused")]
    for path in leftovers:
        data = path.read_bytes()
        assert CANARY.encode() not in data, path
        assert master not in data and master.hex().encode() not in data, path
    assert certificate.exists() and "暗号学的消去" in pdf_text(certificate.read_bytes())
    assert result.statement.method == "vault" and result.statement.record_counts["債務者"] == 58
    assert keys.verify(party.identity.public_key, result.signature, signed_bytes(result.statement.to_bytes()))
    assert json.loads(result.statement.to_bytes())["format"] == "saiken-desk/erasure-statement"

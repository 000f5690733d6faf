"""The custody ledger's chain: every change, deletion, insertion and forged signature is named by seq."""

from __future__ import annotations

import dataclasses
import datetime as dt

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from saiken.security.audit_chain import GENESIS
from saiken.security.ledger_chain import LedgerRecord, ledger_hash, signed_bytes, verify_ledger

KEY = Ed25519PrivateKey.generate()
PUBLIC = KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def chain(count: int) -> list[LedgerRecord]:
    records = []
    prev = GENESIS
    for seq in range(1, count + 1):
        at = dt.datetime(2025, 9, 16, 1, seq, tzinfo=dt.UTC)
        record = LedgerRecord(
            seq=seq,
            at=at,
            recorded_at=at,
            event="handed_over",
            engagement_id=1,
            medium_id=f"区-R7-{seq:03d}",
            medium_kind="CD-R",
            package_id="ab" * 16,
            content="債務者データ 58件",
            records=58,
            files=3,
            media=1,
            handler="sato",
            counterpart_org="架空法律事務所",
            counterpart_person="山田",
            fingerprint="FP",
            counterpart_checkpoint="",
            note="",
            same_occasion=False,
            signer="sato",
            prev_hash=prev,
        )
        digest = ledger_hash(record)
        record = dataclasses.replace(record, hash=digest, signature=KEY.sign(signed_bytes(digest)).hex())
        records.append(record)
        prev = digest
    return records


def signature_ok(record: LedgerRecord) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(PUBLIC).verify(
            bytes.fromhex(record.signature), signed_bytes(record.hash)
        )
    except Exception:
        return False
    return True


def test_an_intact_ledger_verifies():
    records = chain(4)
    report = verify_ledger(
        records, signature_ok=signature_ok, expected_count=4, expected_head=records[-1].hash
    )
    assert report.ok and report.count == 4 and report.checkpoint == f"4:{records[-1].hash}"


def test_a_changed_field_is_named():
    records = chain(3)
    records[1] = dataclasses.replace(records[1], records=59)
    report = verify_ledger(records, signature_ok=signature_ok)
    assert not report.ok and report.problems == ["管理簿の通番 2: 内容が書き換えられています。"]


def test_a_rehashed_entry_without_the_members_key_fails_its_signature():
    records = chain(1)
    forged = dataclasses.replace(records[0], counterpart_person="別人")
    forged = dataclasses.replace(forged, hash=ledger_hash(forged))
    report = verify_ledger([forged], signature_ok=signature_ok)
    assert report.problems == ["管理簿の通番 1: 記載者の署名が一致しません。"]


def test_deleted_inserted_and_cut_off_entries_are_found():
    records = chain(4)
    assert not verify_ledger([records[0], records[2], records[3]], signature_ok=signature_ok).ok
    cut = verify_ledger(
        records[:3], signature_ok=signature_ok, expected_count=4, expected_head=records[-1].hash
    )
    assert not cut.ok and "削除の疑い" in cut.problems[0]


def test_problems_carry_no_content():
    records = chain(2)
    records[0] = dataclasses.replace(records[0], counterpart_person="架空花子")
    report = verify_ledger(records, signature_ok=signature_ok)
    assert all("架空花子" not in p and "区-R7" not in p for p in report.problems)

"""`audit verify --records` names records changed outside the application; `--checkpoint SEQ:HASH` checks
against a printed checkpoint; a vault older than this OS account's anchor (a deleted WAL) is refused."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from vault_people import ADMIN, ADMIN_PW

from saiken.cli import main
from saiken.services import audit, debtors, vault
from saiken.store.engine import connect_raw, engine_key


def _debtor(admin) -> tuple[int, int]:
    created = debtors.add_debtor(
        admin,
        management_no="R7-00001",
        name="架空商事株式会社",
        claims=[{"principal": 500_000, "due_date": dt.date(2025, 3, 21), "received_on": dt.date(2024, 4, 1)}],
    )
    payment = debtors.add_payment(admin, created.value.id, paid_on=dt.date(2025, 4, 1), amount=10_000)
    return created.value.id, payment.value.id


def _script(folder, key, statement, params=()):
    connection = connect_raw(folder / "vault.db", key)  # a connection of its own: none of our triggers
    try:
        connection.execute(statement, params)
    finally:
        connection.close()


def test_records_changed_added_or_deleted_outside_the_application_are_named(admin, made_vault):
    folder, key = made_vault.folder, engine_key(admin.engine)
    debtor_id, payment_id = _debtor(admin)
    record = debtors.add_record(  # Changed(value=the record)
        admin,
        debtor_id,
        at=dt.datetime(2025, 9, 16, 1, 0, tzinfo=dt.UTC),
        channel="電話",
        direction="発信",
        person="代表者",
        summary="架空の交渉記録",
    )
    assert audit.verify(admin, records=True).ok  # everything the application did is accounted for
    _script(folder, key, "UPDATE debtors SET name = '架空の別名' WHERE id = ?", (debtor_id,))
    _script(
        folder,
        key,
        "INSERT INTO payments (debtor_id, claim_id, paid_on, amount, source, confirmed_by_ward, created_by, "
        "created_at) SELECT debtor_id, claim_id, paid_on, 999999, source, confirmed_by_ward, created_by, "
        "created_at FROM payments WHERE id = ?",
        (payment_id,),
    )
    _script(folder, key, "DELETE FROM negotiation_records WHERE id = ?", (record.value.id,))
    assert audit.verify(admin).ok  # the chain itself is intact: only --records sees it
    report = audit.verify(admin, records=True)
    assert not report.ok
    assert "債務者 R7-00001: アプリの外で変更されています。" in report.problems
    assert any(
        re.fullmatch(r"入金（債務者 R7-00001、記録番号 \d+）: アプリの外で追加されています。", p)
        for p in report.problems
    )
    assert f"交渉記録（記録番号 {record.value.id}）: アプリの外で削除されています。" in report.problems
    assert not any("架空" in p for p in report.problems)  # no name reaches a printed report


def test_blessing_a_change_by_editing_the_digests_is_found(admin, made_vault):
    folder, key = made_vault.folder, engine_key(admin.engine)
    debtor_id, _ = _debtor(admin)
    _script(folder, key, "UPDATE debtors SET name = '架空の別名' WHERE id = ?", (debtor_id,))
    _script(
        folder,
        key,
        "UPDATE record_digests SET digest = 'ffff' WHERE tbl = 'debtors' AND row_id = ?",
        (debtor_id,),
    )
    report = audit.verify(admin, records=True)
    assert any("記録ごとの控え（record_digests）が署名と一致しません" in p for p in report.problems)


def test_audit_verify_on_the_command_line_with_records_and_a_checkpoint(
    admin, made_vault, capsys, monkeypatch
):
    folder, key = made_vault.folder, engine_key(admin.engine)
    debtor_id, _ = _debtor(admin)
    admin.close()
    monkeypatch.setenv("SAIKEN_USER", ADMIN)
    monkeypatch.setenv("SAIKEN_PASSWORD", ADMIN_PW)
    assert main(["audit", "verify", "--vault", str(folder), "--records"]) == 0
    out = capsys.readouterr().out
    printed = re.search(r"チェックポイント: (\d+:[0-9a-f]{64})", out).group(1)
    assert main(["audit", "verify", "--vault", str(folder), "--checkpoint", printed]) == 0
    assert "一致しました" in capsys.readouterr().out
    _script(folder, key, "UPDATE debtors SET name = '架空の別名' WHERE id = ?", (debtor_id,))
    assert main(["audit", "verify", "--vault", str(folder), "--records"]) == 9
    assert "債務者 R7-00001: アプリの外で変更されています。" in capsys.readouterr().out
    seq = int(printed.split(":")[0])
    assert main(["audit", "verify", "--vault", str(folder), "--checkpoint", f"{seq}:{'0' * 64}"]) == 9
    assert "チェックポイント" in capsys.readouterr().out
    assert main(["audit", "verify", "--vault", str(folder), "--checkpoint", "not-a-checkpoint"]) == 2


def test_a_vault_without_its_wal_is_older_than_its_anchor(made_vault, fixed_clock, tmp_path):
    """Commits still in the WAL when the main file is copied back (or the -wal file is deleted) are gone:
    this OS account's anchor, written at close, says the vault was further along."""
    folder = made_vault.folder
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    _debtor(session)  # committed into the WAL
    shutil.copyfile(folder / "vault.db", tmp_path / "main-file-only.db")  # the main file without its WAL
    session.close()  # the anchor: the audit log as the application left it
    for suffix in ("-wal", "-shm"):
        (folder / f"vault.db{suffix}").unlink(missing_ok=True)
    shutil.copyfile(tmp_path / "main-file-only.db", folder / "vault.db")
    with pytest.raises(vault.OlderThanAnchorError) as caught:
        vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    assert "WAL" in str(caught.value) and caught.value.check.status == "older"

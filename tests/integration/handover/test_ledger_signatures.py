"""The custody ledger's entries are signed by the member who records them, with their own key: `ledger
verify` checks each against the key the signed membership log gives that member — also after they were
removed — and names an entry whose signature was changed or that claims another signer."""

from __future__ import annotations

from handover_kit import HANDLER, add_handler, export, paired
from sqlalchemy import select, text

from saiken.services import handover, vault
from saiken.services.context import read_session
from saiken.store.models import LedgerEntry


def test_entries_verify_with_their_recorders_keys_even_after_removal_and_a_changed_signature_is_named(
    tmp_path, fixed_clock
):
    ward, _, engagement = paired(tmp_path, fixed_clock)
    export(ward, engagement, "debtors", "区-R7-001", tmp_path / "burn")
    handler = add_handler(ward)
    handover.record_event(handler, medium_id="区-R7-001", event="handed_over", counterpart_person="架空太郎")
    handler_principal = handler.signer.principal
    handler.close()
    with read_session(ward.session) as s:
        signers = [
            row for row in s.execute(select(LedgerEntry.seq, LedgerEntry.signer, LedgerEntry.signature))
        ]
    assert [signer for _, signer, _ in signers] == [ward.session.signer.principal, handler_principal]
    assert all(signature.startswith(f"{signer}:") for _, signer, signature in signers)
    assert handover.verify_ledger(ward.session).ok

    vault.remove_user(ward.session, HANDLER)  # what they signed while a member still verifies
    assert vault.member_public_key(ward.session, handler_principal) is not None
    report = handover.verify_ledger(ward.session)
    assert report.ok and report.count == 2, report.problems

    seq, signer, _ = signers[1]
    forged = f"{signer}:{bytes(64).hex()}"
    with ward.session.require_open().begin() as c:  # someone edits the database file by hand
        c.execute(text("UPDATE custody_ledger SET signature = :s WHERE seq = :n"), {"s": forged, "n": seq})
    report = handover.verify_ledger(ward.session)
    assert not report.ok and report.problems == [f"管理簿の通番 {seq}: 記載者の署名が一致しません。"]
    admin = ward.session.signer.principal
    with ward.session.require_open().begin() as c:  # the admin's signature passed off as the handler's
        first = c.execute(text("SELECT signature FROM custody_ledger WHERE seq = 1")).scalar()
        c.execute(
            text("UPDATE custody_ledger SET signature = :s WHERE seq = :n"),
            {"s": first.replace(f"{admin}:", f"{signer}:", 1), "n": seq},
        )
    assert not handover.verify_ledger(ward.session).ok

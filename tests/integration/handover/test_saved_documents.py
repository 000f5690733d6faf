"""Saving the pairing sheet and a certificate of erasure is a service action: the file is written and the
save audited in one unit of work, and a save that fails writes nothing and audits nothing."""

from __future__ import annotations

import pytest
from handover_kit import FIRM, make_party
from pdf_like import pdf_text

from saiken.domain.errors import ValidationError
from saiken.services import audit, handover


def test_the_pairing_sheet_is_saved_and_the_save_is_audited(tmp_path, fixed_clock):
    firm = make_party(tmp_path / "firm", "contractor", FIRM, fixed_clock)
    out = tmp_path / "照合用紙.pdf"
    assert handover.save_fingerprint_sheet(firm.session, out) == out
    text = pdf_text(out.read_bytes())
    assert FIRM in text
    assert firm.identity.fingerprint.split()[0] in text.replace("\n", " ")
    saved = audit.list_entries(firm.session, action="org.sheet_saved")
    assert [(e.target_type, e.target_id) for e in saved] == [("organisation", "self")]


def test_a_save_into_a_missing_folder_writes_and_audits_nothing(tmp_path, fixed_clock):
    firm = make_party(tmp_path / "firm", "contractor", FIRM, fixed_clock)
    before = len(audit.list_entries(firm.session))
    with pytest.raises(ValidationError, match=r"照合用紙「照合用紙\.pdf」を保存できませんでした"):
        handover.save_fingerprint_sheet(firm.session, tmp_path / "ない" / "照合用紙.pdf")
    with pytest.raises(ValidationError, match="消去証明書「E-R7-999」はこの金庫にありません"):
        handover.save_certificate(firm.session, tmp_path / "消去証明書.pdf", "E-R7-999")
    assert len(audit.list_entries(firm.session)) == before
    assert not (tmp_path / "消去証明書.pdf").exists()

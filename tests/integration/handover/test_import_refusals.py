"""Every refusal of an import says why in one line and changes nothing in the receiving vault: a flipped
byte, a wrong password, another recipient, an unknown signer, a replay, a package out of order, and a
package signed by a handler's forged key."""

from __future__ import annotations

import dataclasses
import shutil

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from handover_kit import FIRM, export, import_, make_party, paired, register, snapshot

from saiken.domain.errors import CorruptFileError, IntegrityError, ValidationError, WrongPasswordError
from saiken.exchange.package import PackageReader, PackageWriter
from saiken.exchange.package.manifest import Organisation
from saiken.services import handover
from saiken.services.handover.keys import fingerprint


@pytest.fixture
def sent(tmp_path, fixed_clock):
    ward, firm, engagement = paired(tmp_path, fixed_clock)
    result = export(ward, engagement, "debtors", "区-R7-001", tmp_path / "burn")
    return ward, firm, engagement, result


def refused(party, path, password, error_type):
    before = snapshot(party.session)
    with pytest.raises(error_type) as caught:
        handover.import_package(party.session, path, password, identity=party.identity)
    assert snapshot(party.session) == before
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_flipped_byte_is_refused_and_nothing_changes(sent, tmp_path):
    _, firm, _, result = sent
    damaged = tmp_path / "damaged.zip"
    data = bytearray(result.path.read_bytes())
    data[len(data) // 3] ^= 0x01
    damaged.write_bytes(bytes(data))
    message = refused(firm, damaged, result.password, (CorruptFileError, IntegrityError))
    assert "damaged.zip" in message and "何も取り込んでいません" in message


def test_a_wrong_password_is_refused_and_nothing_changes(sent):
    _, firm, _, result = sent
    wrong = "-".join(["ABCD"] * 7)
    message = refused(firm, result.path, wrong, WrongPasswordError)
    assert "パスワードが違います" in message


def test_the_password_is_forgiven_case_spaces_and_width(sent):
    _, firm, _, result = sent
    typed = result.password.replace("-", " ").lower()
    imported = handover.import_package(firm.session, result.path, typed, identity=firm.identity)
    assert imported.preview.kind == "debtors"


def test_a_package_for_another_recipient_is_refused(sent, tmp_path, fixed_clock):
    ward, _, _, result = sent
    other = make_party(tmp_path / "other", "contractor", "別の架空法律事務所", fixed_clock)
    register(other, ward, tmp_path)
    message = refused(other, result.path, result.password, ValidationError)
    assert f"「{FIRM}」" in message and "当方宛てではありません" in message


def test_an_unknown_signer_is_refused(sent, tmp_path, fixed_clock):
    """A vault of the same firm (same organisation key) where the ward's key was never registered, e.g.
    set up again on a new PC: whatever the package says, its sender is not trusted."""
    _, firm, _, result = sent
    fresh = make_party(tmp_path / "fresh", "contractor", FIRM, fixed_clock)
    fresh = dataclasses.replace(fresh, signer=dataclasses.replace(fresh.signer, identity=firm.identity))
    message = refused(fresh, result.path, result.password, ValidationError)
    assert "登録されていない組織" in message and "紙で照合" in message


def test_a_replay_is_refused(sent):
    _, firm, _, result = sent
    import_(firm, result)
    message = refused(firm, result.path, result.password, ValidationError)
    assert "取り込み済み" in message and "再送" in message


def test_an_older_package_after_a_newer_one_is_refused(sent, tmp_path):
    ward, firm, engagement, first = sent
    second = export(ward, engagement, "answers", "区-R7-002", tmp_path / "burn2")
    import_(firm, first)
    import_(firm, second)
    copy = tmp_path / "first-again.zip"
    shutil.copy(first.path, copy)
    message = refused(firm, copy, first.password, ValidationError)
    assert "取り込み済み" in message


def test_a_package_out_of_order_is_refused(sent, tmp_path):
    ward, firm, engagement, first = sent
    second = export(ward, engagement, "answers", "区-R7-002", tmp_path / "burn2")
    # the firm has the first package (engagement known) but skips nothing: import 1, then try 3
    import_(firm, first)
    third = export(ward, engagement, "answers", "区-R7-003", tmp_path / "burn3")
    message = refused(firm, third.path, third.password, ValidationError)
    assert "3回目" in message and "先に2回目" in message
    import_(firm, second)
    import_(firm, third)


def test_a_package_signed_by_a_handlers_forged_key_is_refused(sent, tmp_path):
    """A handler cannot sign as the organisation (the key is sealed to supervisors and admins). One who
    re-signs a package with a key of their own, claiming the ward's fingerprint, is refused: the
    signature is checked with the key the firm registered, never one the package brings."""
    ward, firm, _, result = sent
    handler_key = Ed25519PrivateKey.generate()
    with PackageReader.open_path(result.path, result.password) as original:
        original.verify_signature(ward.identity.public_key)
        manifest = original.manifest
        files = {item.name: original.read_bytes(item.name) for item in manifest.files}
    tampered_rows = files["debtors.jsonl"].replace("架空".encode(), "偽装".encode())
    files["debtors.jsonl"] = tampered_rows
    forged = tmp_path / "forged.zip"
    with PackageWriter(forged, result.password, created_at=manifest.created_at) as writer:
        for name, data in files.items():
            writer.add_bytes(name, data)
        writer.finish(manifest, sign=handler_key.sign, signer_fingerprint=ward.identity.fingerprint)
    message = refused(firm, forged, result.password, IntegrityError)
    assert "署名" in message and "一致しません" in message
    # claiming the handler's own key instead: an unknown signer
    public = handler_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    own = dataclasses.replace(
        manifest, sender=Organisation(manifest.sender.name, "ward", fingerprint(public))
    )
    forged2 = tmp_path / "forged2.zip"
    with PackageWriter(forged2, result.password, created_at=manifest.created_at) as writer:
        for name, data in files.items():
            writer.add_bytes(name, data)
        writer.finish(own, sign=handler_key.sign, signer_fingerprint=fingerprint(public))
    assert "登録されていない組織" in refused(firm, forged2, result.password, ValidationError)


def test_inspecting_changes_nothing_and_shows_what_would_change(sent):
    _, firm, _, result = sent
    before = snapshot(firm.session)
    preview = handover.inspect_package(firm.session, result.path, result.password, identity=firm.identity)
    assert snapshot(firm.session) == before
    assert preview.counts["debtors"].new == result.records["debtors"]
    assert preview.sender and preview.sender_fingerprint and preview.new_engagement
    assert any("債務者: 新規" in line for line in preview.lines())


def test_a_medium_label_that_differs_from_the_package_is_refused(sent):
    _, firm, _, result = sent
    before = snapshot(firm.session)
    with pytest.raises(ValidationError) as caught:
        import_(firm, result, media_id="区-R7-999")
    assert "媒体番号が違います" in str(caught.value)
    assert snapshot(firm.session) == before

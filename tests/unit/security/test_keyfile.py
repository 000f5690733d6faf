"""keys.json format 2: each member's slot wraps their own key pairs; the master key and the organisation key
are sealed to the member's public key; every authenticated field (public keys and the genesis pin included)
is bound to the password; the slot list is checked against the slots; versioned, atomic reader/writer."""

from __future__ import annotations

import copy
import json
import os
import resource
import signal

import pytest

from saiken.domain.errors import CorruptFileError, VaultError, WrongPasswordError
from saiken.security import keyfile as module
from saiken.security import keyfile_v1
from saiken.security.keyfile import (
    KeyFile,
    SlotListProblem,
    load_keyfile,
    make_slot,
    new_keyfile,
    open_slot,
    parse_keyfile,
    parse_slot,
    seal_master,
    seal_org,
    unseal_master,
    unseal_org,
)
from saiken.security.member_keys import MemberKeys

MASTER = os.urandom(32)
VAULT = "0123456789abcdef0123456789abcdef"
GENESIS = "ab" * 32
PW = "ながい合言葉をここに"
SUZUKI = MemberKeys.from_bytes(bytes(range(1, 65)))  # fixed: parameter ids must match across workers
TANAKA = MemberKeys.from_bytes(bytes(range(65, 129)))


def _slot(user_id=1, name="suzuki", password=PW, keys=SUZUKI, secret=None, must_change=False, epoch=1):
    slot = make_slot(
        VAULT,
        slot_id=f"u{user_id}",
        kind="user",
        user_id=user_id,
        user_name=name,
        secret_text=password,
        keys=keys,
        genesis=GENESIS,
        created_at="2025-09-16T01:00:00+00:00",
        device_secret=secret,
        must_change=must_change,
    )
    return seal_master(VAULT, slot, epoch=epoch, master_key=MASTER)


def _new_file() -> KeyFile:
    return new_keyfile(
        vault_id=VAULT,
        created_at="2025-09-16T01:00:00+00:00",
        org_name="架空区",
        org_role="ward",
        device_bound=False,
        demo=False,
        genesis=GENESIS,
    )


@pytest.fixture(scope="module")
def two_slot_file() -> KeyFile:
    keyfile = _new_file()
    keyfile.put_slot(_slot(1, "suzuki"), MASTER)
    keyfile.put_slot(_slot(2, "tanaka", "べつの長い合言葉です", keys=TANAKA), MASTER)
    return keyfile


def _reload(keyfile: KeyFile) -> KeyFile:
    return parse_keyfile(keyfile.to_text().encode())


def test_round_trip_keeps_every_byte(two_slot_file):
    again = _reload(two_slot_file)
    assert again.to_text() == two_slot_file.to_text()
    assert again.format == 2 and again.epoch == 1 and again.genesis == GENESIS
    assert again.user_names() == ["suzuki", "tanaka"]


def test_the_password_opens_the_members_own_keys_and_they_unseal_the_master_key(two_slot_file):
    keyfile = _reload(two_slot_file)
    slot = keyfile.slot(user_name="suzuki")
    keys = open_slot(VAULT, slot, PW, device_secret=None)
    assert keys.public == SUZUKI.public
    assert unseal_master(VAULT, slot, keys, epoch=1) == MASTER
    keyfile.verify(MASTER, slot)
    with pytest.raises(WrongPasswordError):
        open_slot(VAULT, slot, "べつの長い合言葉です", device_secret=None)
    with pytest.raises(CorruptFileError):  # a box of another epoch is not today's key
        unseal_master(VAULT, slot, keys, epoch=2)


def test_a_box_copied_into_another_members_slot_does_not_open(two_slot_file):
    keyfile = _reload(two_slot_file)
    suzuki = keyfile.slot(user_name="suzuki")
    tanaka = keyfile.slot(user_name="tanaka")
    raw = copy.deepcopy(keyfile.find_raw(user_name="tanaka"))
    raw["master"] = copy.deepcopy(keyfile.find_raw(user_name="suzuki"))["master"]
    raw["check"] = module._check(raw)
    forged = parse_slot(raw, who="tanaka")
    keys = open_slot(VAULT, tanaka, "べつの長い合言葉です", device_secret=None)
    with pytest.raises(CorruptFileError):
        unseal_master(VAULT, forged, keys, epoch=1)
    assert suzuki.master.box != tanaka.master.box


def test_the_organisation_key_is_sealed_to_a_holder_only():
    org_private = os.urandom(32)
    slot = seal_org(VAULT, _slot(), key_id="k1", org_private=org_private)
    keys = open_slot(VAULT, slot, PW, device_secret=None)
    assert unseal_org(VAULT, slot, keys, key_id="k1") == org_private
    assert unseal_org(VAULT, slot, keys, key_id="k2") is None
    assert unseal_org(VAULT, _slot(), keys, key_id="k1") is None


def test_bound_slot_needs_the_device_secret():
    secret = os.urandom(32)
    slot = _slot(secret=secret)
    assert slot.bound
    assert open_slot(VAULT, slot, PW, device_secret=secret).public == SUZUKI.public
    with pytest.raises(WrongPasswordError):
        open_slot(VAULT, slot, PW, device_secret=os.urandom(32))


@pytest.mark.parametrize(
    "field, value",
    [
        ("user_id", 2),
        ("user_name", "tanaka"),
        ("must_change", True),
        ("bound", True),
        ("created_at", "2030-01-01T00:00:00+00:00"),
        ("genesis", "cd" * 32),  # the pin of the founding statement
        ("x25519", module.b64(TANAKA.public.x25519)),  # someone else's public keys
        ("ed25519", module.b64(TANAKA.public.ed25519)),
    ],
)
def test_every_authenticated_field_is_bound_to_the_password(two_slot_file, field, value):
    """Someone who edits a field and recomputes the plain checksum still fails the AES-GCM tag."""
    raw = copy.deepcopy(two_slot_file.find_raw(user_name="suzuki"))
    raw[field] = value
    raw["check"] = module._check(raw)
    slot = parse_slot(raw, who="suzuki")
    with pytest.raises(WrongPasswordError):
        open_slot(VAULT, slot, PW, device_secret=os.urandom(32) if field == "bound" else None)


def test_flipped_bytes_are_reported_as_damage_not_as_a_wrong_password(two_slot_file):
    raw = copy.deepcopy(two_slot_file.find_raw(user_name="suzuki"))
    wrapped = raw["wrapped"]
    raw["wrapped"] = ("A" if wrapped[0] != "A" else "B") + wrapped[1:]
    with pytest.raises(CorruptFileError) as caught:
        parse_slot(raw, who="suzuki")
    assert "suzuki" in str(caught.value) and "壊れて" in str(caught.value)


def test_argon2_parameters_above_the_ceiling_are_named_not_run(two_slot_file):
    raw = copy.deepcopy(two_slot_file.find_raw(user_name="suzuki"))
    raw["kdf"]["memory_kib"] = 4 * 1024 * 1024
    raw["check"] = module._check(raw)
    with pytest.raises(CorruptFileError, match="鍵導出の設定"):
        parse_slot(raw, who="suzuki")


def test_header_edits_and_old_slots_are_caught_after_unlocking(two_slot_file):
    keyfile = _reload(two_slot_file)
    slot = keyfile.slot(user_name="suzuki")
    keyfile.header["org_role"] = "contractor"
    with pytest.raises(CorruptFileError, match="見出し"):
        keyfile.verify(MASTER, slot)
    keyfile = _reload(two_slot_file)
    stale_raw = copy.deepcopy(keyfile.find_raw(user_name="suzuki"))
    keyfile.put_slot(_slot(1, "suzuki", "新しい長い合言葉です"), MASTER)  # a password change
    keyfile.raw_slots = [r for r in keyfile.raw_slots if r["user_name"] != "suzuki"] + [stale_raw]
    stale = keyfile.slot(user_name="suzuki")
    assert open_slot(VAULT, stale, PW, device_secret=None).public == SUZUKI.public
    with pytest.raises(CorruptFileError, match="現在のもの"):
        keyfile.verify(MASTER, stale)
    assert keyfile.slot_list_problems() == [SlotListProblem("u1", "stale")]


def test_the_slot_list_is_checked_against_the_slots(two_slot_file):
    keyfile = _reload(two_slot_file)
    assert keyfile.slot_list_problems() == []
    keyfile.raw_slots = [r for r in keyfile.raw_slots if r["id"] != "u2"]  # a deleted slot
    assert keyfile.slot_list_problems() == [SlotListProblem("u2", "missing")]
    keyfile = _reload(two_slot_file)
    keyfile.header["slots"].pop("u2")  # a slot the list does not know
    assert keyfile.slot_list_problems() == [SlotListProblem("u2", "unlisted")]
    keyfile = _reload(two_slot_file)
    keyfile.raw_slots[0] = {**keyfile.raw_slots[0], "wrapped": "AAAA"}
    assert [p.kind for p in keyfile.slot_list_problems()] == ["broken"]


def test_a_format_1_slot_kept_after_the_upgrade_still_opens_with_its_password():
    legacy = keyfile_v1.make_slot(
        VAULT,
        slot_id="u3",
        kind="user",
        user_id=3,
        user_name="sato",
        secret_text="佐藤さんの長い合言葉",
        master_key=MASTER,
        created_at="2025-09-16T01:00:00+00:00",
    )
    keyfile = _new_file()
    keyfile.put_legacy_slot(legacy, MASTER)
    again = _reload(keyfile)
    slot = again.slot(user_name="sato")
    assert slot.legacy
    assert keyfile_v1.open_slot(VAULT, slot, "佐藤さんの長い合言葉", device_secret=None) == MASTER
    again.verify(MASTER, slot)
    assert again.slot_list_problems() == []


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x89PNG garbage",
        b"[]",
        b'{"format": 2}',
        "鍵".encode(),
        json.dumps({"format": 2, "header": {}, "slots": [], "header_mac": ""}).encode(),
        json.dumps({"format": True, "header": {}, "slots": [], "header_mac": ""}).encode(),
    ],
)
def test_garbage_files_give_a_clear_corrupt_file_error(data):
    with pytest.raises(CorruptFileError) as caught:
        parse_keyfile(data)
    assert "keys.json" in str(caught.value)


def test_a_newer_format_asks_for_an_update_and_format_1_is_read_by_the_legacy_reader(two_slot_file):
    document = json.loads(two_slot_file.to_text())
    document["format"] = 3
    with pytest.raises(CorruptFileError, match="更新"):
        parse_keyfile(json.dumps(document).encode())
    with pytest.raises(CorruptFileError, match="旧形式"):
        parse_keyfile(
            keyfile_v1.new_keyfile(
                vault_id=VAULT, created_at="x", org_name="o", org_role="ward", device_bound=False, demo=False
            )
            .to_text()
            .encode()
        )


def test_saved_atomically_and_read_back(tmp_path, two_slot_file):
    two_slot_file.save(tmp_path)
    assert load_keyfile(tmp_path).to_text() == two_slot_file.to_text()
    assert [p.name for p in tmp_path.iterdir()] == ["keys.json"]
    assert oct((tmp_path / "keys.json").stat().st_mode & 0o777) == "0o600"
    with pytest.raises(CorruptFileError):
        load_keyfile(tmp_path / "missing")


def test_a_failed_write_leaves_the_old_file_and_says_what_to_check(tmp_path, two_slot_file):
    """The write fails through a file size limit (as test_users does), so it fails for root too."""
    two_slot_file.save(tmp_path)
    before = (tmp_path / "keys.json").read_bytes()
    changed = _reload(two_slot_file)
    changed.drop_slot("u2", MASTER)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64, hard))
    try:
        with pytest.raises(VaultError, match="書き込めません"):
            changed.save(tmp_path)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert (tmp_path / "keys.json").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keys.json"]


def test_a_failed_write_past_a_file_size_limit_leaves_the_old_file(tmp_path, two_slot_file):
    """A write that fails half way, for root too: a file size limit (as a full disk would)."""
    import resource
    import signal

    small = _reload(two_slot_file)
    small.drop_slot("u2", MASTER)
    small.save(tmp_path)
    before = (tmp_path / "keys.json").read_bytes()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) + 100, hard))
    try:
        with pytest.raises(VaultError, match="書き込めません"):
            two_slot_file.save(tmp_path)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert (tmp_path / "keys.json").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keys.json"]

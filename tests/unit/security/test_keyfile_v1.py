"""keys.json format 1 (read to open and upgrade a vault made before format 2) — its slots: each opens alone, every field is authenticated, damage is told apart from a wrong
password, the header is authenticated with the master key, an old slot copied back is refused."""

from __future__ import annotations

import copy
import json
import os

import pytest

from saiken.domain.errors import CorruptFileError, WrongPasswordError
from saiken.security.keyfile_v1 import (
    KeyFile,
    load_keyfile,
    make_slot,
    new_keyfile,
    open_slot,
    parse_keyfile,
    parse_slot,
)

MASTER = os.urandom(32)
VAULT = "0123456789abcdef0123456789abcdef"


def _slot(user_id=1, name="suzuki", password="ながい合言葉をここに", secret=None, must_change=False):
    return make_slot(
        VAULT,
        slot_id=f"u{user_id}",
        kind="user",
        user_id=user_id,
        user_name=name,
        secret_text=password,
        master_key=MASTER,
        created_at="2025-09-16T01:00:00+00:00",
        device_secret=secret,
        must_change=must_change,
    )


@pytest.fixture(scope="module")
def two_slot_file() -> KeyFile:
    keyfile = new_keyfile(
        vault_id=VAULT,
        created_at="2025-09-16T01:00:00+00:00",
        org_name="架空区",
        org_role="ward",
        device_bound=False,
        demo=False,
    )
    keyfile.put_slot(_slot(1, "suzuki"), MASTER)
    keyfile.put_slot(_slot(2, "tanaka", "べつの長い合言葉です"), MASTER)
    return keyfile


def _reload(keyfile: KeyFile) -> KeyFile:
    return parse_keyfile(keyfile.to_text().encode())


def test_slot_opens_with_its_password_only(two_slot_file):
    keyfile = _reload(two_slot_file)
    slot = keyfile.slot(user_name="suzuki")
    assert open_slot(VAULT, slot, "ながい合言葉をここに", device_secret=None) == MASTER
    keyfile.verify(MASTER, slot)
    with pytest.raises(WrongPasswordError):
        open_slot(VAULT, slot, "べつの長い合言葉です", device_secret=None)


def test_bound_slot_needs_the_device_secret():
    secret = os.urandom(32)
    slot = _slot(secret=secret)
    assert slot.bound
    assert open_slot(VAULT, slot, "ながい合言葉をここに", device_secret=secret) == MASTER
    with pytest.raises(WrongPasswordError):
        open_slot(VAULT, slot, "ながい合言葉をここに", device_secret=os.urandom(32))


@pytest.mark.parametrize(
    "field, value",
    [
        ("user_id", 2),
        ("user_name", "tanaka"),
        ("must_change", True),
        ("bound", True),
        ("created_at", "2030-01-01T00:00:00+00:00"),
    ],
)
def test_every_slot_field_is_authenticated_even_with_a_recomputed_checksum(two_slot_file, field, value):
    """Someone who edits a field and recomputes the plain checksum still fails the AES-GCM tag."""
    from saiken.security import keyfile_v1 as module

    raw = copy.deepcopy(two_slot_file.find_raw(user_name="suzuki"))
    raw[field] = value
    raw["check"] = module._check(raw)
    slot = parse_slot(raw, who="suzuki")
    with pytest.raises(WrongPasswordError):
        open_slot(
            VAULT, slot, "ながい合言葉をここに", device_secret=os.urandom(32) if field == "bound" else None
        )


def test_flipped_bytes_are_reported_as_damage_not_as_a_wrong_password(two_slot_file):
    raw = copy.deepcopy(two_slot_file.find_raw(user_name="suzuki"))
    wrapped = raw["wrapped"]
    raw["wrapped"] = ("A" if wrapped[0] != "A" else "B") + wrapped[1:]
    with pytest.raises(CorruptFileError) as caught:
        parse_slot(raw, who="suzuki")
    assert "suzuki" in str(caught.value) and "壊れて" in str(caught.value)


def test_header_edits_and_old_slots_are_caught_after_unlocking(two_slot_file):
    keyfile = _reload(two_slot_file)
    old_slot = keyfile.slot(user_name="suzuki")
    keyfile.header["org_name"] = "別の区"
    with pytest.raises(CorruptFileError):
        keyfile.verify(MASTER, old_slot)
    keyfile = _reload(two_slot_file)
    stale_raw = copy.deepcopy(keyfile.find_raw(user_name="suzuki"))
    keyfile.put_slot(_slot(1, "suzuki", "新しい長い合言葉です"), MASTER)  # a password change
    keyfile.raw_slots = [r for r in keyfile.raw_slots if r["user_name"] != "suzuki"] + [stale_raw]
    stale = keyfile.slot(user_name="suzuki")
    assert open_slot(VAULT, stale, "ながい合言葉をここに", device_secret=None) == MASTER
    with pytest.raises(CorruptFileError):
        keyfile.verify(MASTER, stale)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x89PNG garbage",
        b"[]",
        b'{"format": 1}',
        "鍵".encode(),
        json.dumps({"format": 1, "header": {}, "slots": [], "header_mac": ""}).encode(),
    ],
)
def test_garbage_files_give_a_clear_corrupt_file_error(data):
    with pytest.raises(CorruptFileError) as caught:
        parse_keyfile(data)
    assert "keys.json" in str(caught.value)


def test_a_newer_format_asks_for_an_update(two_slot_file):
    document = json.loads(two_slot_file.to_text())
    document["format"] = 3
    with pytest.raises(CorruptFileError, match="更新"):
        parse_keyfile(json.dumps(document).encode())


def test_saved_atomically_and_read_back(tmp_path, two_slot_file):
    two_slot_file.save(tmp_path)
    assert load_keyfile(tmp_path).user_names() == ["suzuki", "tanaka"]
    assert [p.name for p in tmp_path.iterdir()] == ["keys.json"]
    assert oct((tmp_path / "keys.json").stat().st_mode & 0o777) == "0o600"
    with pytest.raises(CorruptFileError):
        load_keyfile(tmp_path / "missing")

"""The demo vault: fictional, marked DEMO, recreated only in the app's own demo folder, never over a real
vault, never on the word of keys.json's unauthenticated `demo` flag, never under another process."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap

import pytest
from vault_people import ADMIN, ADMIN_PW

from saiken.cli import main
from saiken.domain.errors import PermissionDeniedError, VaultError, VaultInUseError
from saiken.services import audit, settings, vault
from saiken.services.demo import DEMO_PASSWORD, DEMO_USER, create_demo_vault
from saiken.services.vault_info import default_demo_dir


def _say_demo(folder) -> None:
    """What anybody who can write the folder can do: flip keys.json's (unauthenticated) demo flag."""
    document = json.loads((folder / "keys.json").read_text(encoding="utf-8"))
    document["header"]["demo"] = True
    (folder / "keys.json").write_text(json.dumps(document), encoding="utf-8")
    assert vault.read_vault_info(folder).demo


def _real_vault(folder, clock):
    return vault.create_vault(
        folder, org_role="ward", org_name="架空区", admin_user=ADMIN, admin_password=ADMIN_PW, clock=clock
    )


def test_demo_vault_is_marked_and_recreated(fixed_clock, memory_keyring):
    folder = default_demo_dir()
    credentials = create_demo_vault(folder, clock=fixed_clock)
    assert (credentials.user, credentials.password) == (DEMO_USER, DEMO_PASSWORD)
    assert memory_keyring.store == {}  # the demo never touches the OS credential store
    session = vault.open_vault(folder, credentials.user, credentials.password, clock=fixed_clock)
    assert session.demo and settings.get_settings(session).demo and vault.read_vault_info(folder).demo
    populated = "demo.populate" in audit.actions(session)
    assert populated == (importlib.util.find_spec("saiken.services.debtors.demo") is not None)
    with pytest.raises(PermissionDeniedError):
        vault.rekey(session, DEMO_PASSWORD)
    session.close()
    first_id = vault.read_vault_info(folder).vault_id
    again = create_demo_vault(folder, org_role="ward", clock=fixed_clock)
    info = vault.read_vault_info(folder)
    assert info.vault_id != first_id and info.org_role == "ward" and again.kept is None


def test_a_fresh_demo_may_go_to_an_empty_folder_but_never_replaces_one(tmp_path, fixed_clock):
    folder = tmp_path / "demo"
    create_demo_vault(folder, clock=fixed_clock)
    before = (folder / "keys.json").read_bytes()
    with pytest.raises(VaultError, match="デモを作りませんでした"):
        create_demo_vault(folder, clock=fixed_clock)
    assert (folder / "keys.json").read_bytes() == before


def test_demo_refuses_to_replace_a_real_vault(made_vault, fixed_clock):
    with pytest.raises(VaultError, match="何も変更していません"):
        create_demo_vault(made_vault.folder, clock=fixed_clock)
    vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock).close()


def test_a_real_vault_whose_keys_json_says_demo_is_not_wiped(tmp_path, fixed_clock):
    """Before: `saiken demo --vault DIR` deleted any vault whose keys.json said demo."""
    folder = tmp_path / "real"
    _real_vault(folder, fixed_clock)
    _say_demo(folder)
    with pytest.raises(VaultError):
        create_demo_vault(folder, clock=fixed_clock)
    assert (folder / "vault.db").is_file() and (folder / "keys.json").is_file()


def test_in_the_demo_folder_a_vault_that_is_not_our_demo_is_moved_aside_not_deleted(fixed_clock, capsys):
    folder = default_demo_dir()
    created = _real_vault(folder, fixed_clock)
    original_keys, database = (folder / "keys.json").read_bytes(), (folder / "vault.db").read_bytes()
    _say_demo(folder)
    code = main(["demo", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["vault"] == str(folder) and out["kept"]
    kept = type(folder)(out["kept"])
    assert kept.parent == folder.parent and kept.name.startswith("demo-vault-kept-")
    assert (kept / "vault.db").read_bytes() == database  # moved as it was
    (kept / "keys.json").write_bytes(original_keys)  # undo the flip: the real vault opens again
    vault.open_with_recovery_key(kept, created.recovery_key, clock=fixed_clock).close()
    assert vault.read_vault_info(folder).vault_id != created.vault_id  # and a real demo is in place


HOLD_DEMO = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from saiken.services import vault
    from saiken.services.demo import DEMO_PASSWORD, DEMO_USER
    session = vault.open_vault(Path(sys.argv[1]), DEMO_USER, DEMO_PASSWORD)
    print("open", flush=True)
    sys.stdin.readline()
    session.close()
    """
)


def test_a_demo_open_in_another_window_is_not_replaced_under_it(fixed_clock):
    folder = default_demo_dir()
    create_demo_vault(folder, clock=fixed_clock)
    before = vault.read_vault_info(folder).vault_id
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD_DEMO, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout.readline().strip() == "open", other.stderr.read()
        with pytest.raises(VaultInUseError, match="別の場所で開かれています"):
            create_demo_vault(folder, clock=fixed_clock)
        assert vault.read_vault_info(folder).vault_id == before
    finally:
        other.communicate("\n", timeout=60)
    create_demo_vault(folder, clock=fixed_clock)  # once it is closed, the demo is made afresh
    assert vault.read_vault_info(folder).vault_id != before

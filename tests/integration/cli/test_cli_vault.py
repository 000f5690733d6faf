"""The vault commands of the `saiken` CLI: init, demo, user, audit, backup, rekey.

Most run in-process through `saiken.cli.main` (fast); the must-hold behaviour of a wrong password — a
non-zero exit and ONE clear line on stderr, no traceback — is checked in a real subprocess.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from saiken.cli import main
from saiken.services import vault
from saiken.store.engine import connect_raw, engine_key

PW = "ながい管理者の合言葉"
NEW_PW = "新しい利用者の長い合言葉"
KEY_RE = re.compile(r"\b[2-9A-Z]{5}(?:-[2-9A-Z]{5}){5}\b")


@pytest.fixture
def env(monkeypatch):
    for name in ("SAIKEN_PASSWORD", "SAIKEN_NEW_PASSWORD", "SAIKEN_RECOVERY_KEY", "SAIKEN_USER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SAIKEN_USER", "kanri")
    monkeypatch.setenv("SAIKEN_PASSWORD", PW)
    return monkeypatch


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def subprocess_run(*args: str, **env: str) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **env}
    script = Path(sys.executable).parent / "saiken"  # the installed console script, as a user runs it
    command = (
        [str(script)]
        if script.exists()
        else [sys.executable, "-c", "import sys; from saiken.cli import main; sys.exit(main())"]
    )
    return subprocess.run(
        [*command, *map(str, args)],
        capture_output=True,
        text=True,
        env=full_env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


class VaultDir(type(Path())):  # type: ignore[misc]
    """The vault folder of a test, carrying the recovery key `init` printed."""

    recovery_key = ""


@pytest.fixture
def vault_dir(tmp_path, env, capsys):
    folder = VaultDir(tmp_path / "vault")
    code, out, _ = run(
        capsys,
        "init",
        "--vault",
        folder,
        "--role",
        "contractor",
        "--org",
        "架空法律事務所",
        "--admin",
        "kanri",
    )
    assert code == 0
    folder.recovery_key = KEY_RE.search(out).group(0)
    return folder


def test_init_prints_the_recovery_key_once_and_the_binding(vault_dir, tmp_path, env, capsys):
    assert (vault_dir / "keys.json").is_file()
    code, out, _ = run(
        capsys,
        "init",
        "--vault",
        tmp_path / "second",
        "--role",
        "ward",
        "--org",
        "架空区",
        "--admin",
        "kanri",
        "--recovery-sheet",
        tmp_path / "sheet.pdf",
    )
    assert code == 0
    assert len(KEY_RE.findall(out)) == 1 and "一度しか表示しません" in out
    assert "端末への結び付け: あり" in out
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    code, _, err = run(
        capsys, "init", "--vault", tmp_path / "second", "--role", "ward", "--org", "x", "--admin", "kanri"
    )
    assert code == 6 and "すでに金庫" in err


def test_init_without_a_keyring_says_so_plainly(tmp_path, env, capsys):
    keyring.set_keyring(fail.Keyring())
    code, out, _ = run(
        capsys, "init", "--vault", tmp_path / "v", "--role", "ward", "--org", "架空区", "--admin", "kanri"
    )
    assert code == 0 and "キーリング）がないため、端末への結び付けなしで" in out
    code, out, _ = run(
        capsys,
        "init",
        "--vault",
        tmp_path / "w",
        "--role",
        "ward",
        "--org",
        "架空区",
        "--admin",
        "kanri",
        "--no-device-binding",
    )
    assert code == 0 and "端末への結び付け: なし（指定により）" in out
    assert not vault.read_vault_info(tmp_path / "v").device_bound


@pytest.mark.slow  # four real processes: 3-6 s depending on load
def test_wrong_password_is_one_line_on_stderr_and_no_traceback(tmp_path):
    folder = tmp_path / "v"
    made = subprocess_run(
        "init",
        "--vault",
        folder,
        "--role",
        "ward",
        "--org",
        "架空区",
        "--admin",
        "kanri",
        SAIKEN_NEW_PASSWORD=PW,
    )
    assert made.returncode == 0, made.stderr
    assert "端末への結び付けなしで" in made.stdout
    wrong = subprocess_run(
        "audit", "verify", "--vault", folder, SAIKEN_USER="kanri", SAIKEN_PASSWORD="まちがった長い合言葉"
    )
    assert wrong.returncode == 3
    assert wrong.stdout == ""
    assert len(wrong.stderr.strip().splitlines()) == 1 and "Traceback" not in wrong.stderr
    assert "パスワードが違います" in wrong.stderr and "まちがった" not in wrong.stderr
    missing = subprocess_run("audit", "verify", "--vault", folder, SAIKEN_USER="kanri")
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
    assert "SAIKEN_PASSWORD" in missing.stderr
    right = subprocess_run("audit", "verify", "--vault", folder, SAIKEN_USER="kanri", SAIKEN_PASSWORD=PW)
    assert right.returncode == 0 and right.stdout.startswith("OK")


def test_user_commands(vault_dir, env, capsys):
    env.setenv("SAIKEN_NEW_PASSWORD", NEW_PW)
    assert run(capsys, "user", "add", "--vault", vault_dir, "tanto", "--role", "handler")[0] == 0
    code, out, _ = run(capsys, "user", "list", "--vault", vault_dir)
    assert code == 0 and out.splitlines() == ["kanri\tadmin 取扱責任者", "tanto\thandler"]
    env.setenv("SAIKEN_NEW_PASSWORD", "1234567890")
    code, _, err = run(capsys, "user", "add", "--vault", vault_dir, "etsuran", "--role", "viewer")
    assert code == 2 and "よく使われる" in err
    code, _, err = run(capsys, "user", "remove", "--vault", vault_dir, "tanto")
    assert code == 2 and "--yes" in err  # no terminal to confirm on: nothing changed
    assert run(capsys, "user", "remove", "--vault", vault_dir, "tanto", "--yes")[0] == 0
    env.setenv("SAIKEN_USER", "tanto")
    env.setenv("SAIKEN_PASSWORD", NEW_PW)
    code, _, err = run(capsys, "user", "list", "--vault", vault_dir)
    assert code == 3 and len(err.strip().splitlines()) == 1


def test_own_password_change_and_recovery_sign_in(vault_dir, env, capsys):
    env.setenv("SAIKEN_NEW_PASSWORD", NEW_PW)
    assert run(capsys, "user", "passwd", "--vault", vault_dir)[0] == 0
    assert run(capsys, "audit", "verify", "--vault", vault_dir)[0] == 3
    env.setenv("SAIKEN_PASSWORD", NEW_PW)
    assert run(capsys, "audit", "verify", "--vault", vault_dir)[0] == 0
    env.setenv("SAIKEN_RECOVERY_KEY", vault_dir.recovery_key.lower())
    code, out, _ = run(capsys, "audit", "list", "--vault", vault_dir, "--recovery", "--limit", "1")
    assert code == 0 and "recovery\tauth.sign_in" in out


def test_audit_verify_reports_tampering_and_exits_non_zero(vault_dir, env, capsys):
    code, out, _ = run(capsys, "audit", "verify", "--vault", vault_dir)
    assert code == 0 and re.search(r"チェックポイント: \d+:[0-9a-f]{64}", out)
    session = vault.open_vault(vault_dir, "kanri", PW)
    connection = connect_raw(vault_dir / "vault.db", engine_key(session.engine))
    connection.execute("UPDATE audit_log SET actor = 'someone' WHERE seq = 1")
    connection.close()
    session.close()
    code, out, _ = run(capsys, "audit", "verify", "--vault", vault_dir)
    assert code == 9 and "通番 1: 内容が書き換えられています。" in out and "NG" in out


def test_backup_create_verify_list_restore(vault_dir, env, capsys):
    code, out, _ = run(capsys, "backup", "create", "--vault", vault_dir)
    assert code == 0 and "バックアップを作成しました" in out
    code, out, _ = run(capsys, "backup", "verify", "--vault", vault_dir)
    assert code == 0 and out.startswith("OK")
    code, out, _ = run(capsys, "backup", "list", "--vault", vault_dir)
    name = out.split("\t")[0]
    assert code == 0 and "manual" in out
    env.setenv("SAIKEN_NEW_PASSWORD", NEW_PW)
    run(capsys, "user", "add", "--vault", vault_dir, "tanto", "--role", "handler")
    assert run(capsys, "backup", "restore", "--vault", vault_dir, name)[0] == 2  # needs --yes
    assert "tanto" in vault.read_vault_info(vault_dir).user_names
    code, out, _ = run(capsys, "backup", "restore", "--vault", vault_dir, name, "--yes")
    assert code == 0 and "replaced-" in out
    assert "tanto" not in vault.read_vault_info(vault_dir).user_names
    assert run(capsys, "backup", "verify", "--vault", vault_dir, "no-such-backup")[0] == 8


def test_rekey_needs_no_new_passwords_and_can_replace_the_recovery_key(vault_dir, env, capsys):
    env.setenv("SAIKEN_NEW_PASSWORD", NEW_PW)
    run(capsys, "user", "add", "--vault", vault_dir, "tanto", "--role", "handler")
    code, out, _ = run(capsys, "rekey", "--vault", vault_dir, "--yes")
    assert code == 0 and "これまでのパスワード" in out and not KEY_RE.search(out)
    env.setenv("SAIKEN_USER", "tanto")
    env.setenv("SAIKEN_PASSWORD", NEW_PW)
    assert (
        run(capsys, "audit", "verify", "--vault", vault_dir)[0] == 5
    )  # a handler may not read the audit log
    assert (
        run(capsys, "org", "fingerprint", "--vault", vault_dir)[0] == 0
    )  # but signs in with the same password
    env.setenv("SAIKEN_USER", "kanri")
    env.setenv("SAIKEN_PASSWORD", PW)
    code, out, _ = run(capsys, "rekey", "--vault", vault_dir, "--yes", "--new-recovery-key", "--json")
    new_key = json.loads(out)["recovery_key"]
    assert code == 0 and KEY_RE.fullmatch(new_key) and new_key != vault_dir.recovery_key
    env.setenv("SAIKEN_RECOVERY_KEY", vault_dir.recovery_key)
    assert run(capsys, "audit", "verify", "--vault", vault_dir, "--recovery")[0] == 3
    env.setenv("SAIKEN_RECOVERY_KEY", new_key)
    assert run(capsys, "audit", "verify", "--vault", vault_dir, "--recovery")[0] == 0


def test_org_fingerprint_is_read_aloud_in_groups_and_matches_init(tmp_path, env, capsys):
    code, out, _ = run(
        capsys,
        "init",
        "--vault",
        tmp_path / "v",
        "--role",
        "ward",
        "--org",
        "架空区",
        "--admin",
        "kanri",
        "--json",
    )
    created = json.loads(out)
    assert code == 0 and re.fullmatch(r"(\d{5} ){7}\d{5}", created["org_fingerprint"])
    code, out, _ = run(capsys, "org", "fingerprint", "--vault", tmp_path / "v")
    assert code == 0 and created["org_fingerprint"] in out and created["genesis_fingerprint"] in out
    code, out, _ = run(capsys, "org", "fingerprint", "--vault", tmp_path / "v", "--json")
    assert json.loads(out)["org_fingerprint"] == created["org_fingerprint"]


def test_demo_command(tmp_path, env, capsys):
    code, out, _ = run(capsys, "demo", "--vault", tmp_path / "demo", "--json")
    assert code == 0 and '"password": "demo-fictional-2025"' in out
    assert vault.read_vault_info(tmp_path / "demo").demo


def test_enrolment_code_from_the_cli(vault_dir, env, capsys, memory_keyring):
    code, out, _ = run(capsys, "user", "enrolment-code", "--vault", vault_dir)
    enrolment = out.split()[-1]
    assert code == 0 and re.fullmatch(r"[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){4}", enrolment)
    memory_keyring.store.clear()
    assert run(capsys, "audit", "verify", "--vault", vault_dir)[0] == 6  # not enrolled on this account
    env.setenv("SAIKEN_ENROLMENT_CODE", enrolment)
    assert run(capsys, "user", "enrol-device", "--vault", vault_dir, "--code")[0] == 0
    assert run(capsys, "audit", "verify", "--vault", vault_dir)[0] == 0

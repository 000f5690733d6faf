"""services/vault/ is a package whose modules each import on their own (no import cycles between them), and
whose __init__ lists every public function callers use (`from saiken.services import vault`)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import saiken.services.vault as vault_package

MODULES = sorted(f"saiken.services.vault.{m.name}" for m in pkgutil.iter_modules(vault_package.__path__))


def test_the_package_holds_the_vault_services():
    names = {m.rsplit(".", 1)[1] for m in MODULES}
    assert {"signin", "slots", "members", "rekey", "device", "backup", "restore", "create"} <= names


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_alone_in_a_fresh_interpreter(module):
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_public_names_are_reachable_from_the_package():
    for name in vault_package.__all__:
        assert getattr(vault_package, name) is not None, name
    for name in ("open_vault", "open_with_recovery_key", "create_vault", "rekey", "lock", "restore_backup"):
        assert callable(getattr(vault_package, name))


def test_the_old_module_names_still_work():
    from saiken.services import backup, users

    assert users.add_user is vault_package.add_user
    assert backup.restore_backup is vault_package.restore_backup

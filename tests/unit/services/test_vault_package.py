"""services/vault/ is a package whose modules each import on their own in a fresh interpreter, also before
the package's __init__ (no import cycles between them; pkgutil walk), and whose __init__ lists every public function callers use (`from saiken.services import vault`)."""

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


# The package's __init__ is NOT run first: an empty package object stands in for it, so the module named is
# really the first of the package to load, and a cycle between two modules (or a module that leans on what
# __init__ re-exports) fails here even where __init__'s own import order would hide it.
FIRST = """
import importlib, importlib.util, sys, types
spec = importlib.util.find_spec("saiken.services.vault")
package = types.ModuleType(spec.name)
package.__path__, package.__spec__ = list(spec.submodule_search_locations), spec
sys.modules[spec.name] = package
importlib.import_module(sys.argv[1])
"""


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_first_without_the_package_init(module):
    result = subprocess.run(
        [sys.executable, "-c", FIRST, module], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_first_import_check_finds_a_cycle(tmp_path):
    """The check above can fail: two modules importing names from each other are caught."""
    package = tmp_path / "cyclepkg"
    package.mkdir()
    (package / "__init__.py").write_text("from cyclepkg import a, b\n")
    (package / "a.py").write_text("from cyclepkg.b import B\nA = 1\n")
    (package / "b.py").write_text("from cyclepkg.a import A\nB = 2\n")
    check = FIRST.replace("saiken.services.vault", "cyclepkg")
    runs = [
        subprocess.run(
            [sys.executable, "-c", check, f"cyclepkg.{name}"],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        for name in ("a", "b")
    ]
    assert all(run.returncode != 0 and "ImportError" in run.stderr for run in runs)


def test_public_names_are_reachable_from_the_package():
    for name in vault_package.__all__:
        assert getattr(vault_package, name) is not None, name
    for name in ("open_vault", "open_with_recovery_key", "create_vault", "rekey", "lock", "restore_backup"):
        assert callable(getattr(vault_package, name))


def test_the_old_module_names_still_work():
    from saiken.services import backup, users

    assert users.add_user is vault_package.add_user
    assert backup.restore_backup is vault_package.restore_backup

"""`make typecheck` is mypy --strict for domain, security, exchange and store (issue 7 item 11, the standards):
the override in pyproject.toml names each of them and turns on every flag --strict would."""

from __future__ import annotations

import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
STRICT_PACKAGES = {"saiken.domain.*", "saiken.security.*", "saiken.exchange.*", "saiken.store.*"}
# mypy's --strict, as per-module options (warn_unused_configs and the global ones are set in [tool.mypy])
PER_MODULE = (
    "disallow_untyped_defs",
    "disallow_incomplete_defs",
    "disallow_untyped_calls",
    "disallow_untyped_decorators",
    "disallow_any_generics",
    "disallow_subclassing_any",
    "warn_return_any",
    "no_implicit_reexport",
)
GLOBAL = (
    "check_untyped_defs",
    "warn_redundant_casts",
    "warn_unused_ignores",
    "strict_equality",
    "extra_checks",
)


def _mypy() -> dict:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["mypy"]


def test_the_strict_override_covers_the_four_layers():
    strict = [o for o in _mypy()["overrides"] if o.get("disallow_untyped_defs")]
    covered = {module for override in strict for module in override["module"]}
    assert covered >= STRICT_PACKAGES
    for override in strict:
        assert all(override.get(flag) is True for flag in PER_MODULE), override


def test_the_global_part_of_strict_is_on_and_every_module_is_checked():
    config = _mypy()
    assert all(config.get(flag) is True for flag in GLOBAL)
    assert config["files"] == ["src/saiken"]

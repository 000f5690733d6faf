"""The vault made by commit 9130a90 (keys.json format 1) kept in tests/fixtures/, copied per test."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
LEGACY_DIR = FIXTURES / "legacy_v1_vault"
LEGACY = json.loads((FIXTURES / "legacy_v1_vault.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Person:
    name: str
    password: str


def person(role: str) -> Person:
    entry = LEGACY["people"][role]
    return Person(entry["name"], entry["password"])


def copy_legacy_vault(target: Path) -> Path:
    """A private copy of the legacy vault (the committed one is never opened in place)."""
    shutil.copytree(LEGACY_DIR, target)
    return target

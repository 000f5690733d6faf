"""A vault with the ward's sample imported and its demand template approved, and sessions for other roles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from saiken.services.context import VaultSession
from saiken.services.excel_import import import_ward_workbook

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "ward_extraction_R7.xlsx"


@pytest.fixture
def ward_vault(vault_session: VaultSession, tmp_path: Path) -> VaultSession:
    """The sample imported into a fresh vault; no template approved yet."""
    copy = tmp_path / "sample.xlsx"
    shutil.copyfile(SAMPLE, copy)
    report = import_ward_workbook(vault_session, copy).value
    assert report.imported == 58
    return vault_session

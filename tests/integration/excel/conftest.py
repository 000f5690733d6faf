"""Workbooks for the import tests: the ward's sample (the in-repo copy) and workbooks written by the
project's ward-format writer from fictional debtors."""

from __future__ import annotations

from pathlib import Path

import pytest
from excel_helpers import SAMPLE


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A fresh copy of the sample (tests may change it)."""
    copy = tmp_path / "ward_extraction_R7.xlsx"
    copy.write_bytes(SAMPLE.read_bytes())
    return copy

"""Fixtures for the package format tests (the helpers are in package_kit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from package_kit import SMALL_FILES, Signer, make_signer, seven_zip_path, write_package

from saiken.exchange.package import WrittenPackage


@pytest.fixture
def signer() -> Signer:
    return make_signer()


@pytest.fixture
def small_package(tmp_path: Path, signer: Signer) -> WrittenPackage:
    return write_package(tmp_path / "small.zip", SMALL_FILES, signer)


@pytest.fixture(scope="session")
def seven_zip() -> Path:
    return seven_zip_path()

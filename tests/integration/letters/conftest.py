"""A vault with the ward's sample imported and its demand template approved, and sessions for other roles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from saiken.domain.roles import Role
from saiken.services.context import SignedInUser, VaultSession
from saiken.services.excel_import import import_ward_workbook
from saiken.services.letters import approve_version, list_templates

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "ward_extraction_R7.xlsx"


def as_role(vault: VaultSession, role: Role, name: str) -> VaultSession:
    """The same open vault, acting as another signed-in user."""
    return VaultSession(
        folder=vault.folder,
        engine=vault.engine,
        user=SignedInUser(id=1, name=name, role=role),
        clock=vault.clock,
        org_name=vault.org_name,
        org_role=vault.org_role,
    )


def approve(vault: VaultSession, kind: str) -> int:
    (template,) = list_templates(vault, kind=kind)
    return approve_version(vault, template.latest.id).version_id


@pytest.fixture
def ward_vault(vault_session: VaultSession, tmp_path: Path) -> VaultSession:
    """The sample imported into a fresh vault; no template approved yet."""
    copy = tmp_path / "sample.xlsx"
    shutil.copyfile(SAMPLE, copy)
    report = import_ward_workbook(vault_session, copy)
    assert report.imported == 58
    return vault_session

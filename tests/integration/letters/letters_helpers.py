"""Helpers of the letter integration tests: acting as another role, approving a shipped template."""

from __future__ import annotations

from saiken.domain.roles import Role
from saiken.services.context import SignedInUser, VaultSession
from saiken.services.letters import approve_version, list_templates


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

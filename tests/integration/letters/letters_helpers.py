"""Helpers of the letter integration tests: acting as another role, approving a shipped template."""

from __future__ import annotations

from members import as_user

from saiken.domain.roles import Role
from saiken.services.context import VaultSession
from saiken.services.letters import approve_version, list_templates


def as_role(vault: VaultSession, role: Role, name: str) -> VaultSession:
    """The same open vault, acting as another member (added through the signed membership log)."""
    return as_user(vault, name, role)


def approve(vault: VaultSession, kind: str) -> int:
    (template,) = list_templates(vault, kind=kind)
    return approve_version(vault, template.latest.id).version_id

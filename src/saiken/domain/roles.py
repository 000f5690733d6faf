"""Roles and what each may do (DESIGN §5). Exports, template approval and erasure need a supervisor."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    HANDLER = "handler"
    VIEWER = "viewer"


ROLE_LABELS = {
    Role.ADMIN: "管理者",
    Role.SUPERVISOR: "取扱責任者",
    Role.HANDLER: "取扱者",
    Role.VIEWER: "閲覧者",
}


class Capability(StrEnum):
    READ = "read"  # see debtor files, records, ledger
    EDIT = "edit"  # record contacts, payments, letters sent, inquiries
    MANAGE_USERS = "manage_users"  # add / remove users, reset passwords, settings
    EXPORT = "export"  # packages, Excel exports, saved PDFs
    APPROVE_TEMPLATES = "approve_templates"
    ERASE = "erase"
    READ_AUDIT = "read_audit"
    BACKUP = "backup"


_BY_ROLE: dict[Role, frozenset[Capability]] = {
    Role.VIEWER: frozenset({Capability.READ}),
    Role.HANDLER: frozenset({Capability.READ, Capability.EDIT}),
    Role.SUPERVISOR: frozenset(
        {
            Capability.READ,
            Capability.EDIT,
            Capability.EXPORT,
            Capability.APPROVE_TEMPLATES,
            Capability.ERASE,
            Capability.READ_AUDIT,
            Capability.BACKUP,
        }
    ),
    Role.ADMIN: frozenset(
        {Capability.READ, Capability.MANAGE_USERS, Capability.READ_AUDIT, Capability.BACKUP}
    ),
}


def capabilities(role: Role | str, *, is_supervisor: bool = False) -> frozenset[Capability]:
    """What a user may do. An admin flagged as supervisor (the first admin) gets both sets."""
    caps = set(_BY_ROLE[Role(role)])
    if is_supervisor:
        caps |= _BY_ROLE[Role.SUPERVISOR]
    return frozenset(caps)

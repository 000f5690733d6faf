"""Users and their key slots — the vault's members. Kept under this name for the screens and commands that
import `saiken.services.users`; the code lives in `saiken.services.vault.members`."""

from saiken.domain.roles import Capability, Role
from saiken.services.vault.members import (
    ROLE_NAMES,
    UserRow,
    add_user,
    change_password,
    check_password_policy,
    list_users,
    remove_user,
    set_role,
)

__all__ = [
    "ROLE_NAMES",
    "Capability",
    "Role",
    "UserRow",
    "add_user",
    "change_password",
    "check_password_policy",
    "list_users",
    "remove_user",
    "set_role",
]

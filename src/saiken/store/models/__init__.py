"""Typed SQLAlchemy models, one module per aggregate. Importing this package registers them all."""

from saiken.store.models.audit import AuditEntry
from saiken.store.models.settings import Setting
from saiken.store.models.users import User

__all__ = ["AuditEntry", "Setting", "User"]

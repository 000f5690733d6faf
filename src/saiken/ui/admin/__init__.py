"""Administration: users, the audit log, settings and the recovery sheet."""

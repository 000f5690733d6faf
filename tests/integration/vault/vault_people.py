"""Fictional account names and passwords shared by the vault tests (imported by name: keep it unique)."""

ADMIN, ADMIN_PW = "kanri", "ながい管理者の合言葉"
HANDLER, HANDLER_PW = "tanto", "取扱者のとても長い合言葉"
VIEWER, VIEWER_PW = "etsuran", "閲覧者の長い合言葉です"

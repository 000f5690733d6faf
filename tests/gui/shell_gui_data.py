"""Fictional credentials for the GUI shell's tests (the password passes the policy)."""

ADMIN = "admin"
ADMIN_PASSWORD = "架空の合言葉は長めに2025"
WRONG_PASSWORD = "まちがった合言葉です"

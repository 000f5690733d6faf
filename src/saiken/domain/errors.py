"""The one exception family of Saiken Desk.

Every error a person can meet is a `SaikenError` whose message says what happened and what to do,
in Japanese, and never carries personal data. The CLI prints `str(error)` on one line; the GUI shows it
in a dialog. Anything that is not a `SaikenError` is a bug and is reported without its details.
"""

from __future__ import annotations


class SaikenError(Exception):
    """Base of every error a user may see. `message` is shown as is; `exit_code` is for the CLI."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message


class ValidationError(SaikenError):
    """Input that cannot be accepted (a field, a row, a file). Nothing was changed."""

    exit_code = 2


class WrongPasswordError(SaikenError):
    """The password (or recovery key) does not open the vault or package."""

    exit_code = 3


class PasswordRequiredError(WrongPasswordError):
    """The file is protected with a password and none was given: ask for it, then try again."""


class LockedOutError(SaikenError):
    """Too many failed sign-ins: wait before the next try. Nothing is destroyed."""

    exit_code = 4

    def __init__(self, message: str, *, retry_after_seconds: float = 0.0, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.retry_after_seconds = retry_after_seconds


class PermissionDeniedError(SaikenError):
    """The signed-in user's role does not allow the action."""

    exit_code = 5


class VaultError(SaikenError):
    """The vault folder, its key file or its database cannot be used as asked."""

    exit_code = 6


class SessionClosedError(VaultError):
    """The vault was locked or signed out while work for it was still waiting or running."""


class VaultInUseError(VaultError):
    """Another process (window, command, PC) holds the vault's lock. `holder` describes it when known
    (a `saiken.store.vault_lock.LockHolder`)."""

    def __init__(self, message: str, *, hint: str | None = None, holder: object | None = None) -> None:
        super().__init__(message, hint=hint)
        self.holder = holder


class CorruptFileError(SaikenError):
    """A file (key file, backup, package, workbook) is damaged or not what it claims to be."""

    exit_code = 7


class NotFoundError(SaikenError):
    """A record named by the user does not exist."""

    exit_code = 8


class IntegrityError(SaikenError):
    """A verification (audit chain, hashes, signatures) found tampering or damage."""

    exit_code = 9

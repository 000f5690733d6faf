"""Password-protected files in and out, in one place. Nothing else in Saiken Desk touches
msoffcrypto-tool or pypdf's encryption.

Format version 1:
- .xlsx out: Office Agile encryption (AES-256-CBC, SHA-512, 100,000 spins, HMAC integrity), the kind Excel
  2010 and later writes; Excel, LibreOffice and msoffcrypto-tool ask for the password.
- .xlsx in: Agile or Standard encryption (Excel 2007), decrypted in memory after bounded checks
  (`office.py`): the plain bytes are handed to the normal workbook reader, never written to a file.
- PDF out: AES-256 (PDF 2.0 security handler, revision 6); Acrobat Reader and the Edge/Chrome viewers ask.

    detect(data) -> Detected(kind: Kind, method: str | None)      # .protected
    protect(data, password, file_type="xlsx"|"pdf") -> bytes      # protect_workbook / protect_pdf
    unprotect_workbook(data, password, *, name, max_bytes) -> bytes
    unprotect_pdf(data, password, *, name) -> bytes
    check_password(password, file_type)                            # ValidationError if the format cannot hold it

Errors are the `saiken.domain.errors` family, one line each, naming the file: PasswordRequiredError (no
password given), WrongPasswordError, CorruptFileError (damaged, truncated, altered, unsupported),
ValidationError (over a size limit). Passwords are never logged, stored or put in a message.
"""

from __future__ import annotations

from saiken.exchange.protected_files.detect import Detected, Kind, detect
from saiken.exchange.protected_files.office import (
    AGILE,
    MAX_SPIN_COUNT,
    STANDARD,
    protect_workbook,
    unprotect_workbook,
)
from saiken.exchange.protected_files.passwords import FileType, candidates, check_password
from saiken.exchange.protected_files.pdf import ALGORITHM as PDF_ALGORITHM
from saiken.exchange.protected_files.pdf import protect_pdf, unprotect_pdf

FORMAT_VERSION = 1
XLSX_METHOD = "office-agile-aes256"
PDF_METHOD = "pdf-aes256"


def protect(data: bytes, password: str, file_type: FileType) -> bytes:
    """`data` protected with `password` in the way its format allows (see the module docstring)."""
    if file_type == "xlsx":
        return protect_workbook(data, password)
    if file_type == "pdf":
        return protect_pdf(data, password)
    raise ValueError(f"no protection for {file_type!r} files")


def method_name(file_type: FileType) -> str:
    """The name recorded in an audit entry for a file protected by `protect` (never the password)."""
    return XLSX_METHOD if file_type == "xlsx" else PDF_METHOD


__all__ = [
    "AGILE",
    "FORMAT_VERSION",
    "MAX_SPIN_COUNT",
    "PDF_ALGORITHM",
    "PDF_METHOD",
    "STANDARD",
    "XLSX_METHOD",
    "Detected",
    "FileType",
    "Kind",
    "candidates",
    "check_password",
    "detect",
    "method_name",
    "protect",
    "protect_pdf",
    "protect_workbook",
    "unprotect_pdf",
    "unprotect_workbook",
]

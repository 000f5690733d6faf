"""Password-protected PDFs through pypdf: AES-256 (PDF 2.0 security handler, revision 6).

Acrobat Reader (X and later), the Edge and Chrome viewers (pdfium) and macOS Preview ask for the password
of such a file and open it with it. The one password opens the document with every permission (printing
included): the protection is against a lost or copied file, not against the person who holds the paper
with the password. Everything is done in memory.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader, PdfWriter
from pypdf.constants import UserAccessPermissions
from pypdf.generic import DictionaryObject

from saiken.domain.errors import CorruptFileError, PasswordRequiredError, WrongPasswordError
from saiken.exchange.protected_files.passwords import candidates, check_password

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings name objects, never text, but stay quiet

ALGORITHM = "AES-256"
_PDF_MAGIC = b"%PDF-"
_HEAD_WINDOW = 1024  # the header may follow up to 1 KiB of junk (ISO 32000-1, annex H)


def is_pdf(data: bytes) -> bool:
    return _PDF_MAGIC in data[:_HEAD_WINDOW]


def _reader(data: bytes, name: str) -> PdfReader:
    try:
        return PdfReader(io.BytesIO(data), strict=False)
    except Exception:
        raise CorruptFileError(f"ファイル「{name}」は壊れているか、PDF として読めません。") from None


def pdf_method(data: bytes) -> str | None:
    """None for a PDF without encryption, else its method: `AES-256`, `AES-128`, `RC4-128`, `RC4-40` or
    `other`. CorruptFileError for a file that cannot be read as a PDF."""
    reader = _reader(data, "PDF")
    if not reader.is_encrypted:
        return None
    encrypt = reader.trailer.get("/Encrypt")
    encrypt = encrypt.get_object() if encrypt is not None else None
    if not isinstance(encrypt, DictionaryObject):
        return "other"
    try:
        version = int(encrypt.get("/V", 0))
        length = int(encrypt.get("/Length", 40))
    except (TypeError, ValueError):
        return "other"
    if version == 5:
        return "AES-256"
    if version == 4:
        filters = encrypt.get("/CF")
        standard = filters.get("/StdCF") if isinstance(filters, DictionaryObject) else None
        method = standard.get("/CFM") if isinstance(standard, DictionaryObject) else None
        return "AES-128" if method == "/AESV2" else "RC4-128"
    if version in (1, 2):
        return "RC4-40" if length <= 40 else "RC4-128"
    return "other"


def protect_pdf(data: bytes, password: str) -> bytes:
    """`data` (a PDF without encryption) encrypted with AES-256 so that viewers ask for `password`.
    Checked by opening it again with the password before it is returned."""
    check_password(password, "pdf")
    reader = _reader(data, "PDF")
    if reader.is_encrypted:
        raise ValueError("protect_pdf needs a PDF without encryption")
    writer = PdfWriter(clone_from=reader)
    writer.encrypt(
        user_password=password,
        owner_password=None,  # the same password: whoever holds it may print and copy
        permissions_flag=UserAccessPermissions.all(),
        algorithm=ALGORITHM,
    )
    out = io.BytesIO()
    writer.write(out)
    protected = out.getvalue()
    check = PdfReader(io.BytesIO(protected))
    if not check.is_encrypted or not check.decrypt(password) or len(check.pages) != len(reader.pages):
        raise RuntimeError("the protected PDF did not open again with its password")
    return protected


def unprotect_pdf(data: bytes, password: str | None, *, name: str) -> bytes:
    """The PDF `data` without its encryption, in memory (a PDF without encryption is returned as it is).
    PasswordRequiredError without a password, WrongPasswordError when it does not open the file."""
    reader = _reader(data, name)
    if not reader.is_encrypted:
        return data
    if not password:
        raise PasswordRequiredError(
            f"ファイル「{name}」はパスワードで保護されています。パスワードを入力してください。"
        )
    for attempt in candidates(password):
        try:
            opened = reader.decrypt(attempt)
        except Exception:
            raise CorruptFileError(
                f"ファイル「{name}」の暗号化の方式には対応していないか、ファイルが壊れています。"
            ) from None
        if opened:
            writer = PdfWriter(clone_from=reader)
            out = io.BytesIO()
            writer.write(out)
            return out.getvalue()
    raise WrongPasswordError(
        f"ファイル「{name}」のパスワードが違います。パスワード通知書などで確かめて、もう一度入力してください。"
    )

"""What a file is, told from its bytes: a ZIP (a plain workbook), an Office-encrypted one (Agile or Standard), an
old .xls, some other OLE compound file, a PDF with or without a password, or something else.

Only the first bytes and, for an OLE file, its directory and the 8-byte head of `EncryptionInfo` are read
(strictly, with olefile). Nothing here raises for a damaged file: it is reported as `DAMAGED_OLE` or
`DAMAGED_PDF`, so that a caller can say "damaged" rather than "not a workbook".
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import StrEnum

import olefile

from saiken.domain.errors import SaikenError
from saiken.exchange.protected_files import office
from saiken.exchange.protected_files.pdf import is_pdf, pdf_method

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


class Kind(StrEnum):
    ZIP = "zip"  # starts like a ZIP: a plain .xlsx (or another Office Open XML package, or a damaged one)
    ENCRYPTED_OFFICE = "encrypted-office"  # an OLE container with EncryptionInfo + EncryptedPackage
    XLS = "xls"  # an Excel 97-2003 workbook (BIFF8 in OLE), with or without a password
    OLE = "ole"  # an OLE compound file that holds no Office workbook (.msg, .msi, Thumbs.db …)
    DAMAGED_OLE = "damaged-ole"  # starts like an OLE file but cannot be read as one
    PDF = "pdf"
    DAMAGED_PDF = "damaged-pdf"
    OTHER = "other"


@dataclass(frozen=True)
class Detected:
    kind: Kind
    method: str | None = (
        None  # office: agile | standard | extensible | ?; pdf: AES-256 | AES-128 | RC4-… | other
    )

    @property
    def protected(self) -> bool:
        return self.method is not None


def _ole_kind(data: bytes) -> Detected:
    try:
        ole = olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)
    except Exception:
        return Detected(Kind.DAMAGED_OLE)
    try:
        if office.is_encrypted_package(ole):
            try:
                head = (
                    ole.openstream("EncryptionInfo").read(8) if ole.get_size("EncryptionInfo") >= 8 else b""
                )
                return Detected(Kind.ENCRYPTED_OFFICE, office.method_of(head, "?"))
            except SaikenError:
                return Detected(Kind.ENCRYPTED_OFFICE, "?")
            except Exception:
                return Detected(Kind.DAMAGED_OLE)
        if ole.exists("Workbook") or ole.exists("Book"):
            return Detected(Kind.XLS)
        return Detected(Kind.OLE)
    finally:
        ole.close()


def detect(data: bytes) -> Detected:
    """The kind of file `data` holds and, when it is protected, how."""
    if data.startswith(_OLE_MAGIC):
        return _ole_kind(data)
    if data.startswith(_ZIP_MAGIC):
        return Detected(Kind.ZIP)  # perhaps a damaged one: the ZIP reader will say so
    if is_pdf(data):
        try:
            return Detected(Kind.PDF, pdf_method(data))
        except SaikenError:
            return Detected(Kind.DAMAGED_PDF)
    return Detected(Kind.OTHER)

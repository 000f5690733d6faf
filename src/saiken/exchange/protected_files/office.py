"""Office-encrypted workbooks (MS-OFFCRYPTO, ECMA-376 Agile and Standard encryption) through msoffcrypto-tool.

An encrypted .xlsx is an OLE compound file holding two streams: `EncryptionInfo` (how the key is derived
from the password) and `EncryptedPackage` (an 8-byte plaintext size, then the encrypted .xlsx). Everything
here works on bytes in memory: the decrypted workbook is returned as bytes and never reaches a file.

Before msoffcrypto-tool sees a byte, the container is checked with every size bounded, so that a hostile
file is refused at once rather than after a long computation or a large allocation:
- the OLE structure is parsed strictly (olefile with DEFECT_INCORRECT raised): a truncated file, a sector
  chain that runs past the end or loops, a stream larger than its file → "damaged";
- `EncryptionInfo` at most 64 KiB, its XML parsed with defusedxml (no DTD, no entities);
- the key derivation's spin count at most 200,000 (Excel and LibreOffice write 100,000; the format allows
  10,000,000, which would take a minute in Python), known hash and cipher parameters only;
- the size the package declares must match its stream and stay within the caller's limit.

Passwords are never logged: msoffcrypto's loggers are held at WARNING (its Standard key derivation logs
the password at DEBUG level).
"""

from __future__ import annotations

import io
import logging
import struct
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError

import olefile
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from msoffcrypto import exceptions as office_errors
from msoffcrypto.format.ooxml import OOXMLFile

from saiken.domain.errors import (
    CorruptFileError,
    PasswordRequiredError,
    SaikenError,
    ValidationError,
    WrongPasswordError,
)
from saiken.exchange.protected_files.passwords import candidates, check_password
from saiken.exchange.protected_files.sizes import describe_size

logging.getLogger("msoffcrypto").setLevel(logging.WARNING)
logging.getLogger("olefile").setLevel(logging.WARNING)

AGILE = "agile"
STANDARD = "standard"
EXTENSIBLE = "extensible"

MAX_INFO_BYTES = 64 * 1024
MAX_SPIN_COUNT = 200_000
SEGMENT = 4096  # Agile encrypts in 4096-byte segments, each padded to the cipher block
_HASHES = {"SHA1", "SHA256", "SHA384", "SHA512"}
_AES_IDS = {0x660E: 128, 0x660F: 192, 0x6610: 256}
_SHA1_ID = 0x8004
_ZIP_MAGIC = b"PK\x03\x04"
_PASSWORD_NS = "{http://schemas.microsoft.com/office/2006/keyEncryptor/password}"
_ENCRYPTION_NS = "{http://schemas.microsoft.com/office/2006/encryption}"
_UNSUPPORTED_HINT = (
    "Excel でブックを開き、「ファイル」→「情報」→「ブックの保護」→「パスワードを使用して暗号化」で"
    "パスワードを付け直して保存したファイルを受け取ってください。"
)


@dataclass(frozen=True)
class EncryptedWorkbook:
    """What the container says about itself, checked: the method, its key-derivation cost and the size of
    the workbook inside."""

    method: str  # AGILE or STANDARD
    spin_count: int
    declared_size: int


def _damaged(name: str) -> CorruptFileError:
    return CorruptFileError(
        f"ファイル「{name}」は途中で切れているか壊れているため、パスワードで保護されたブックとして開けません。"
        "送り主にもう一度送ってもらってください。"
    )


def _unsupported(name: str, what: str) -> CorruptFileError:
    return CorruptFileError(
        f"ファイル「{name}」の暗号化の方式（{what}）には対応していません。{_UNSUPPORTED_HINT}"
    )


def open_container(data: bytes, name: str) -> olefile.OleFileIO:
    """The OLE container parsed strictly, or CorruptFileError (one line) for a damaged or truncated one."""
    try:
        return olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)
    except Exception:  # olefile raises OSError, ValueError, struct.error … on damaged input
        raise _damaged(name) from None


def is_encrypted_package(ole: olefile.OleFileIO) -> bool:
    return bool(ole.exists("EncryptionInfo") and ole.exists("EncryptedPackage"))


def _stream(ole: olefile.OleFileIO, stream: str, limit: int, name: str) -> bytes:
    try:
        size = ole.get_size(stream)
        if size > limit:
            raise _damaged(name)
        return bytes(ole.openstream(stream).read())
    except SaikenError:
        raise
    except Exception:
        raise _damaged(name) from None


def _version(info: bytes, name: str) -> tuple[int, int]:
    if len(info) < 8:
        raise _damaged(name)
    major, minor = struct.unpack("<HH", info[:4])
    return major, minor


def method_of(info: bytes, name: str) -> str:
    """AGILE, STANDARD or EXTENSIBLE from the EncryptionInfo version; other versions are refused."""
    major, minor = _version(info, name)
    if (major, minor) == (4, 4):
        return AGILE
    if major in (2, 3, 4) and minor == 2:
        return STANDARD
    if major in (3, 4) and minor == 3:
        return EXTENSIBLE
    raise _unsupported(name, f"バージョン {major}.{minor}")


def _int_attribute(element: Element, key: str, name: str) -> int:
    try:
        return int(element.attrib[key])
    except (KeyError, ValueError):
        raise _damaged(name) from None


def _check_agile(info: bytes, name: str) -> int:
    try:
        root = fromstring(info[8:], forbid_dtd=True)
    except (DefusedXmlException, ParseError, ValueError):
        raise _damaged(name) from None
    key_data = root.find(f"{_ENCRYPTION_NS}keyData")
    encrypted_key = root.find(
        f"{_ENCRYPTION_NS}keyEncryptors/{_ENCRYPTION_NS}keyEncryptor/{_PASSWORD_NS}encryptedKey"
    )
    if key_data is None or encrypted_key is None or root.find(f"{_ENCRYPTION_NS}dataIntegrity") is None:
        raise _unsupported(name, "パスワード以外の鍵による暗号化")
    for element in (key_data, encrypted_key):
        if (
            element.attrib.get("cipherAlgorithm") != "AES"
            or element.attrib.get("hashAlgorithm") not in _HASHES
        ):
            algorithm = (
                f"{element.attrib.get('cipherAlgorithm', '?')}/{element.attrib.get('hashAlgorithm', '?')}"
            )
            raise _unsupported(name, algorithm)
        if element.attrib.get("cipherChaining") != "ChainingModeCBC":
            raise _unsupported(name, element.attrib.get("cipherChaining", "?"))
        if _int_attribute(element, "keyBits", name) not in (128, 192, 256):
            raise _unsupported(name, f"鍵長 {element.attrib.get('keyBits')}")
        if _int_attribute(element, "blockSize", name) != 16:
            raise _damaged(name)
    spin = _int_attribute(encrypted_key, "spinCount", name)
    if not 0 <= spin <= MAX_SPIN_COUNT:
        raise CorruptFileError(
            f"ファイル「{name}」は鍵の計算回数が {spin:,} 回と指定されており、安全に開ける上限の"
            f" {MAX_SPIN_COUNT:,} 回を超えています。{_UNSUPPORTED_HINT}"
        )
    return spin


def _check_standard(info: bytes, name: str) -> int:
    # EncryptionInfo: version (4) flags (4) header size (4), EncryptionHeader (flags, sizeExtra, algId,
    # algIdHash, keySize, providerType, 2 reserved, CSP name), EncryptionVerifier.
    if len(info) < 12 + 32 + 4 + 16 + 16 + 4 + 32:
        raise _damaged(name)
    (header_size,) = struct.unpack("<I", info[8:12])
    if not 32 <= header_size <= len(info) - 12 - 72:
        raise _damaged(name)
    alg_id, alg_hash, key_size = struct.unpack("<III", info[20:32])
    if alg_id not in _AES_IDS or alg_hash not in (_SHA1_ID, 0) or key_size != _AES_IDS[alg_id]:
        raise _unsupported(name, f"Standard {alg_id:#06x}/{key_size}")
    return 50_000  # Standard encryption's fixed iteration count


def inspect_encrypted(ole: olefile.OleFileIO, name: str, *, max_bytes: int) -> EncryptedWorkbook:
    """Check an encrypted container before any key is derived. Raises CorruptFileError (damaged,
    unsupported, too costly) or ValidationError (the workbook inside is over `max_bytes`)."""
    info = _stream(ole, "EncryptionInfo", MAX_INFO_BYTES, name)
    method = method_of(info, name)
    if method == EXTENSIBLE:
        raise _unsupported(name, "Extensible")
    spin = _check_agile(info, name) if method == AGILE else _check_standard(info, name)
    try:
        stream_size = int(ole.get_size("EncryptedPackage"))
        head = ole.openstream("EncryptedPackage").read(8) if stream_size >= 8 else b""
    except Exception:
        raise _damaged(name) from None
    if len(head) < 8:
        raise _damaged(name)
    (declared,) = struct.unpack("<Q", head)
    if declared > stream_size - 8 or declared <= stream_size - 8 - SEGMENT:
        raise CorruptFileError(
            f"ファイル「{name}」は中身の大きさの記録（{describe_size(declared)}）が実際の大きさ"
            f"（{describe_size(stream_size - 8)}）と合わず、壊れているか手を加えられています。"
            "送り主にもう一度送ってもらってください。"
        )
    if declared > max_bytes:
        raise ValidationError(
            f"ファイル「{name}」は中のブックが {describe_size(declared)} あり、上限の {describe_size(max_bytes)} を"
            "超えています。区の抽出を分けて、複数のファイルで受け取ってください。"
        )
    return EncryptedWorkbook(method=method, spin_count=spin, declared_size=declared)


def unprotect_workbook(data: bytes, password: str | None, *, name: str, max_bytes: int) -> bytes:
    """The plain .xlsx bytes of the Office-encrypted workbook `data`, decrypted in memory.

    PasswordRequiredError when `password` is None or empty, WrongPasswordError when it does not open the
    file (each forgiving variant of it is tried: see `passwords.candidates`), CorruptFileError for a
    damaged, truncated, altered or unsupported file, ValidationError when over `max_bytes`."""
    if len(data) > max_bytes + max_bytes // 16 + SEGMENT:  # the container adds far less than this
        raise ValidationError(
            f"ファイル「{name}」は {describe_size(len(data))} あり、上限の {describe_size(max_bytes)} を超えています。"
        )
    ole = open_container(data, name)
    try:
        if not is_encrypted_package(ole):
            raise CorruptFileError(f"ファイル「{name}」はパスワードで保護された Excel ブックではありません。")
        found = inspect_encrypted(ole, name, max_bytes=max_bytes)
    finally:
        ole.close()
    if not password:
        raise PasswordRequiredError(
            f"ファイル「{name}」はパスワードで保護されています。パスワードを入力してください。"
        )
    office = _office_file(data, name)
    for attempt in candidates(password):
        try:
            office.load_key(password=attempt, verify_password=True)
        except office_errors.InvalidKeyError:
            continue
        except Exception:
            raise _damaged(name) from None
        return _decrypt(office, found, name)
    raise WrongPasswordError(
        f"ファイル「{name}」のパスワードが違います。パスワード通知書などで確かめて、もう一度入力してください。"
    )


def _office_file(data: bytes, name: str) -> OOXMLFile:
    try:
        return OOXMLFile(io.BytesIO(data))
    except Exception:
        raise _damaged(name) from None


def _decrypt(office: OOXMLFile, found: EncryptedWorkbook, name: str) -> bytes:
    out = io.BytesIO()
    try:
        office.decrypt(out, verify_integrity=found.method == AGILE)
    except office_errors.InvalidKeyError:
        # the password was verified: a failed integrity check or a result that is not a ZIP means damage
        raise CorruptFileError(
            f"ファイル「{name}」はパスワードは合っていますが、中身が壊れているか手を加えられています。"
            "送り主にもう一度送ってもらってください。"
        ) from None
    except Exception:
        raise _damaged(name) from None
    plain = out.getvalue()
    if len(plain) != found.declared_size or not plain.startswith(_ZIP_MAGIC):
        raise _damaged(name)
    return plain


def protect_workbook(data: bytes, password: str) -> bytes:
    """`data` (a plain .xlsx) encrypted with Office Agile encryption (AES-256, SHA-512, 100,000 spins), the
    kind Excel 2010 and later writes, so that Excel asks for `password`. Checked by decrypting it again in
    memory before it is returned."""
    check_password(password, "xlsx")
    if not data.startswith(_ZIP_MAGIC) or not zipfile.is_zipfile(io.BytesIO(data)):
        raise ValueError("protect_workbook needs the bytes of a plain .xlsx")
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    encrypted = out.getvalue()
    check = OOXMLFile(io.BytesIO(encrypted))
    check.load_key(password=password, verify_password=True)
    round_trip = io.BytesIO()
    check.decrypt(round_trip, verify_integrity=True)
    if round_trip.getvalue() != data:
        raise RuntimeError("the encrypted workbook did not decrypt to the same bytes")
    return encrypted

"""Passwords set on files: what each format can hold, and the forgiving variants tried when opening one.

A file keeps its password exactly as it was set (Excel and Acrobat compare character by character), so
opening tries, in order and without repeats: the text as typed; the text NFKC-normalised and stripped
(full-width characters from an IME, a space picked up when copying); and, when the text is a generated
password typed loosely (lower case, no hyphens), its canonical grouped form. At most three tries, each
one key derivation.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from saiken.domain.errors import ValidationError
from saiken.domain.generated_passwords import is_generated, normalise

FileType = Literal["xlsx", "pdf"]
MAX_XLSX_CHARACTERS = 255  # Excel's password box takes no more
MAX_PDF_BYTES = 127  # AES-256 (PDF 2.0, revision 6) uses the first 127 UTF-8 bytes only


def candidates(text: str) -> list[str]:
    """The passwords to try for `text`, most literal first, without repeats."""
    tries = [text]
    for variant in (
        unicodedata.normalize("NFKC", text).strip(),
        normalise(text) if is_generated(text) else "",
    ):
        if variant and variant not in tries:
            tries.append(variant)
    return tries


def check_password(password: str, file_type: FileType) -> None:
    """ValidationError when `password` cannot be set on a file of `file_type` exactly as given."""
    if not password or not password.strip():
        raise ValidationError("ファイルに付けるパスワードが空です。パスワードを入力してください。")
    if any(unicodedata.category(ch) == "Cc" for ch in password):
        raise ValidationError("パスワードに改行やタブなどの制御文字は使えません。")
    if file_type == "xlsx" and len(password) > MAX_XLSX_CHARACTERS:
        raise ValidationError(
            f"Excel ファイルのパスワードは {MAX_XLSX_CHARACTERS} 文字までです（今は {len(password)} 文字）。"
        )
    if file_type == "pdf" and len(password.encode("utf-8")) > MAX_PDF_BYTES:
        raise ValidationError(
            f"PDF のパスワードは半角 {MAX_PDF_BYTES} 文字（全角ならおよそ 42 文字）までです。短くしてください。"
        )

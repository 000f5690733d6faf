"""A password on every file that holds personal data (issue 11 item 2): the one helper every saver calls.

A saver (the Excel exports today; letters, reports and ledgers later) makes its file as bytes in memory
and hands them to `save_personal_file` together with the password the person chose — or None when they
turned 「パスワードを付ける」 off. The bytes are protected in memory (saiken.exchange.protected_files:
Office Agile encryption for .xlsx, AES-256 for PDF), written atomically, and described by a `SavedFile`
whose `audit_details()` go into the saver's own audit entry in the same unit of work: whether and how the
file was protected, its size and SHA-256 — never the password, never the path.

Passwords: `generate_file_password()` (≥ 128 bits, grouped; saiken.domain.generated_passwords) or
`typed_file_password(text, …)`, held to the sign-in password policy (security.password_policy) and to
what the format can hold. A `FilePassword` never shows its text in a repr, is never stored and never
logged; the UI shows it once and may print it on a password notice (`password_notice_pdf`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.domain.generated_passwords import format_groups, generate
from saiken.domain.wareki import format_wareki
from saiken.exchange.pdf.password_notice import PasswordNotice, render_password_notice
from saiken.exchange.protected_files import check_password, method_name, protect
from saiken.fsutil import atomic_write_bytes
from saiken.security.kdf import normalise_password
from saiken.security.password_policy import problems as policy_problems
from saiken.services.context import VaultSession, unit_of_work

FileType = Literal["xlsx", "pdf"]
FILE_TYPE_LABELS: dict[str, str] = {"xlsx": "Excel ファイル", "pdf": "PDF ファイル"}
_SUFFIXES: dict[str, FileType] = {".xlsx": "xlsx", ".pdf": "pdf"}


@dataclass(frozen=True)
class FilePassword:
    """A password to set on a saved file, exactly as it will be set (`text`); `generated` when the
    application made it up. Its repr never shows the text."""

    text: str = field(repr=False)
    generated: bool = False


def generate_file_password() -> FilePassword:
    return FilePassword(generate(), generated=True)


def file_password_problems(text: str, *, file_type: FileType, user_name: str | None = None) -> list[str]:
    """Every reason `text` cannot be a file password, as Japanese sentences (empty list: it can)."""
    found = policy_problems(text, user_name=user_name)
    if not found:
        try:
            check_password(normalise_password(text), file_type)
        except ValidationError as error:
            found.append(str(error))
    return found


def typed_file_password(text: str, *, file_type: FileType, user_name: str | None = None) -> FilePassword:
    """A password a person typed, NFKC-normalised (so that an IME's full-width forms and Excel's box agree),
    held to the sign-in policy. ValidationError naming every problem."""
    found = file_password_problems(text, file_type=file_type, user_name=user_name)
    if found:
        raise ValidationError(" ".join(found))
    return FilePassword(normalise_password(text), generated=False)


@dataclass(frozen=True)
class SavedFile:
    """What was written: never the password. `check_code` lets a recipient match the notice to the file."""

    path: Path
    file_type: FileType
    title: str  # what the file is, e.g. 債務者一覧 (no personal data)
    size: int
    sha256: str
    protection: str | None  # e.g. office-agile-aes256 / pdf-aes256; None when saved without a password
    saved_at: dt.datetime  # aware, from the session's clock

    @property
    def protected(self) -> bool:
        return self.protection is not None

    @property
    def check_code(self) -> str:
        """The first 16 hex digits of the file's SHA-256, in groups of four (`3F2A-9C01-77BE-4D10`)."""
        return format_groups(self.sha256[:16].upper())

    def audit_details(self) -> dict[str, Any]:
        return {
            "protected": self.protected,
            "protection": self.protection or "none",
            "size": self.size,
            "sha256": self.sha256,
        }


def file_type_of(path: Path | str) -> FileType:
    """The type a saver writes, from the file name's suffix. ValidationError for anything else."""
    target = Path(path)
    file_type = _SUFFIXES.get(target.suffix.lower())
    if file_type is None:
        raise ValidationError(f"保存先「{target.name}」は .xlsx か .pdf のファイル名にしてください。")
    return file_type


def save_personal_file(
    s: VaultSession, path: Path | str, data: bytes, *, title: str, password: FilePassword | None
) -> SavedFile:
    """Protect `data` with `password` (unless None), in memory, and write it to `path` atomically. Call it
    inside the saver's unit of work and put `saved.audit_details()` into that unit's audit entry, so that
    no entry claims a file that was not written. ValidationError for a bad name, folder or password, or a
    failed write (nothing is left behind)."""
    target = Path(path)
    file_type = file_type_of(target)
    if not target.parent.is_dir():
        raise ValidationError(
            f"保存先のフォルダ「{target.parent}」がありません。フォルダを確かめてください。"
        )
    if password is not None:
        data = protect(data, password.text, file_type)
    try:
        atomic_write_bytes(target, data)
    except OSError:
        raise ValidationError(
            f"ファイル「{target.name}」を保存できませんでした。保存先のフォルダがあるか、書き込めるか、"
            "空き容量が足りているかを確かめてください。"
        ) from None
    return SavedFile(
        path=target,
        file_type=file_type,
        title=title,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        protection=method_name(file_type) if password is not None else None,
        saved_at=s.clock.now(),
    )


def password_notice_pdf(s: VaultSession, saved: SavedFile, password: FilePassword) -> bytes:
    """The A4 password notice for `saved` (organisation, when and by whom it was saved, its check code; no
    personal data, no file name), made in memory for printing. Audited `file.password_notice` (the check
    code only). ValidationError for a file saved without a password."""
    if not saved.protected:
        raise ValidationError("パスワードを付けずに保存したファイルには、パスワード通知書はありません。")
    when = saved.saved_at.astimezone(JST)
    rows = [
        ("団体名", s.org_name or "（未設定）"),
        ("保存日時", f"{format_wareki(when.date())} {when.hour}時{when.minute:02d}分"),
        ("保存した人", s.user.name),
        ("ファイルの照合番号", f"{saved.check_code}（SHA-256 の先頭 16 桁）"),
    ]
    subject = f"{saved.title}（{FILE_TYPE_LABELS[saved.file_type]}）"
    pdf = render_password_notice(PasswordNotice(subject=subject, password=password.text, rows=rows))
    with unit_of_work(s) as work:
        work.audit("file.password_notice", file_type=saved.file_type, check_code=saved.check_code)
    return pdf

"""Attachments: the debtor's papers (PDF, PNG, JPEG) kept inside the encrypted vault, up to 10 MB each.

The kind is decided by the file's first bytes (magic numbers), not by its name; a declared `mime` that
disagrees is refused. Reading one back is an audited action and checks the stored SHA-256.
"""

from __future__ import annotations

import hashlib
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.errors import IntegrityError, ValidationError
from saiken.domain.roles import Capability
from saiken.services.changes import Area, Changed, Changes
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.debtors.common import debtor_or_404, get_or_404
from saiken.services.debtors.rows import AttachmentRow
from saiken.store.models import Attachment

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
_ALIASES = {"image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "application/x-pdf": "application/pdf"}
ALLOWED_MIME = tuple(mime for _, mime in _MAGIC)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


def sniff_mime(data: bytes) -> str | None:
    """The kind of `data` by its first bytes: application/pdf, image/png, image/jpeg, or None."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    return None


def _clean_filename(filename: object) -> str:
    if not isinstance(filename, str):
        raise ValidationError("添付ファイルの名前を指定してください。")
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip(" .")
    if not name:
        raise ValidationError("添付ファイルの名前が空です。名前のあるファイルを選んでください。")
    if len(name) > 255:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 250 - len(ext)] + dot + ext) if dot and len(ext) <= 8 else name[:255]
    return name


def _check(data: object, mime: object) -> tuple[bytes, str]:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ValidationError("添付ファイルの内容を読み込めませんでした。ファイルを選び直してください。")
    data = bytes(data)
    if not data:
        raise ValidationError("添付ファイルが空（0バイト）です。内容のあるファイルを選んでください。")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            f"添付ファイルが大きすぎます（{len(data) / 1024 / 1024:.1f} MB）。10 MB 以下にしてください"
            "（スキャンの解像度を下げるか、ページを分けてください）。"
        )
    found = sniff_mime(data)
    if found is None:
        raise ValidationError(
            "添付できるのは PDF・PNG・JPEG のファイルだけです。このファイルの形式は使えません。"
        )
    declared = _ALIASES.get(str(mime).lower(), str(mime).lower()) if mime else found
    if declared != found:
        raise ValidationError(
            f"ファイルの中身（{found}）が指定された種類（{declared}）と一致しません。正しいファイルを選んでください。"
        )
    return data, found


def _row(attachment: Attachment) -> AttachmentRow:
    return AttachmentRow(
        id=attachment.id,
        filename=attachment.filename,
        mime=attachment.mime,
        size=attachment.size,
        added_at=attachment.added_at,
        sha256=attachment.sha256,
    )


def add_attachment(
    s: VaultSession, debtor_id: int, *, filename: str, data: bytes, mime: str | None = None
) -> Changed[AttachmentRow]:
    """Store a PDF/PNG/JPEG (≤ 10 MB) with the debtor, inside the vault."""
    s.require(Capability.EDIT)
    name = _clean_filename(filename)
    data, kind = _check(data, mime)
    with unit_of_work(s) as work:
        debtor = debtor_or_404(work.session, debtor_id)
        attachment = Attachment(
            debtor_id=debtor.id,
            filename=name,
            mime=kind,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
            added_by=s.user.name,
            added_at=s.clock.now(),
        )
        work.session.add(attachment)
        debtor.updated_at = s.clock.now()
        work.session.flush()
        work.audit(
            "attachment.add",
            target_type="debtor",
            target_id=debtor.id,
            attachment_id=attachment.id,
            size=len(data),
        )
        return Changed(_row(attachment), Changes.of_debtor(debtor.id, Area.ATTACHMENTS))


def read_attachment(s: VaultSession, attachment_id: int) -> bytes:
    """The attachment's bytes (audited `attachment.read`); IntegrityError if they no longer match their hash."""
    s.require(Capability.READ)
    with unit_of_work(s) as work:
        attachment = get_or_404(work.session, Attachment, attachment_id, "添付ファイル")
        data = bytes(attachment.data)
        if hashlib.sha256(data).hexdigest() != attachment.sha256:
            raise IntegrityError(
                "添付ファイルの内容が保存時と一致しません。バックアップからの復元を検討してください。"
            )
        work.audit(
            "attachment.read",
            target_type="debtor",
            target_id=attachment.debtor_id,
            attachment_id=attachment.id,
        )
        return data


def list_attachments(session: Session, debtor_id: int) -> list[AttachmentRow]:
    """The debtor's attachments without their contents, newest first."""
    rows = session.execute(
        select(Attachment).where(Attachment.debtor_id == debtor_id).order_by(Attachment.id.desc())
    ).scalars()
    return [_row(a) for a in rows]

"""Saving a batch's papers to a file: the only way letters leave the application in plaintext.

Letters, the mail list and the labels hold personal data, so writing them to a file is an export
(DESIGN §5: a supervisor), audited `letters.saved` with what was saved, its size and whether it was
protected — never the path or the contents. With a password the file is encrypted first
(`saiken.services.file_protection.save_personal_file`: PDF AES-256, Office Agile for .xlsx), written
atomically. Printing from the preview needs no file at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services.context import VaultSession, Work, unit_of_work
from saiken.services.file_protection import FilePassword, SavedFile, save_personal_file

WHAT = {"letters": "pdf", "mail_list": "pdf", "mail_list_xlsx": "xlsx", "labels": "pdf"}


@dataclass(frozen=True)
class BatchOutput:
    """A file a batch is to be saved to, written in the batch's own transaction: letters, mail_list (PDF),
    mail_list_xlsx or labels."""

    path: Path
    what: str


TITLES = {"letters": "文書", "mail_list": "差出票", "mail_list_xlsx": "差出票", "labels": "宛名ラベル"}


def check_outputs(outputs: Sequence[BatchOutput]) -> None:
    """Refuse a wrong kind, a wrong suffix or a missing folder before anything is made."""
    for output in outputs:
        if output.what not in WHAT:
            raise ValidationError(f"保存できる種類は {', '.join(WHAT)} です。")
        path = Path(output.path)
        if path.suffix.lower() != f".{WHAT[output.what]}":
            raise ValidationError(
                f"ファイル名の拡張子は .{WHAT[output.what]} にしてください（{path.name}）。"
            )
        if not path.parent.is_dir():
            raise ValidationError(
                f"保存先のフォルダ「{path.parent}」がありません。フォルダを確かめてください。"
            )


def write_file(
    work: Work,
    path: Path | str,
    data: bytes,
    *,
    what: str,
    batch_id: int | None,
    password: FilePassword | None,
) -> SavedFile:
    """Protect (when asked), write atomically (`services.file_protection`) and audit `letters.saved`."""
    check_outputs([BatchOutput(Path(path), what)])
    if not data:
        raise ValidationError("保存する内容がありません。先に文書を作成してください。")
    saved = save_personal_file(work.vault, path, data, title=TITLES[what], password=password)
    work.audit(
        "letters.saved", target_type="letter_batch", target_id=batch_id, what=what, **saved.audit_details()
    )
    return saved


def save_letters_file(
    s: VaultSession,
    path: Path | str,
    data: bytes,
    *,
    what: str,
    batch_id: int | None = None,
    password: FilePassword | None = None,
) -> SavedFile:
    """Write `data` (letters, mail_list, mail_list_xlsx or labels) to `path`. EXPORT."""
    s.require(Capability.EXPORT)
    with unit_of_work(s) as work:
        return write_file(work, path, data, what=what, batch_id=batch_id, password=password)


def record_letters_saved(s: VaultSession, *, what: str, size: int, batch_id: int | None = None) -> None:
    """For a file the UI wrote itself through the same protect-and-write path: audit it (EXPORT)."""
    s.require(Capability.EXPORT)
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValidationError("保存したファイルの大きさが正しくありません。")
    with unit_of_work(s) as work:
        work.audit("letters.saved", target_type="letter_batch", target_id=batch_id, what=what, size=size)

"""Saving a batch's papers to a file: the only way letters leave the application in plaintext.

Letters, the mail list and the labels hold personal data, so writing them to a file is an export
(DESIGN §5: a supervisor), audited `letters.saved` with what was saved, its size and whether it was
protected — never the path or the contents. With a password the file is encrypted first
(`saiken.exchange.protected_files.protect`: PDF AES-256, Office Agile for .xlsx). The file is written
atomically. Printing from the preview needs no file at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.exchange.protected_files import check_password, method_name, protect
from saiken.fsutil import atomic_write_bytes
from saiken.services.context import VaultSession, Work, unit_of_work

WHAT = {"letters": "pdf", "mail_list": "pdf", "mail_list_xlsx": "xlsx", "labels": "pdf"}


@dataclass(frozen=True)
class BatchOutput:
    """A file a batch is to be saved to, written in the batch's own transaction: letters, mail_list (PDF),
    mail_list_xlsx or labels."""

    path: Path
    what: str


def _prepare(path: Path | str, data: bytes, what: str, password: str | None) -> tuple[Path, bytes, str]:
    if what not in WHAT:
        raise ValidationError(f"保存できる種類は {', '.join(WHAT)} です。")
    if not data:
        raise ValidationError("保存する内容がありません。先に文書を作成してください。")
    path = Path(path)
    file_type = WHAT[what]
    if path.suffix.lower() != f".{file_type}":
        raise ValidationError(f"ファイル名の拡張子は .{file_type} にしてください（{path.name}）。")
    if not path.parent.is_dir():
        raise ValidationError(
            f"保存先のフォルダ「{path.parent.name or path.parent}」がありません。フォルダを確かめてください。"
        )
    if password is not None:
        check_password(password, file_type)  # type: ignore[arg-type]
        data = protect(data, password, file_type)  # type: ignore[arg-type]
    return path, data, file_type


def check_outputs(outputs: Sequence[BatchOutput]) -> None:
    """Refuse bad file names and missing folders before anything is made."""
    for output in outputs:
        _prepare(output.path, b"-", output.what, None)


def write_file(
    work: Work, path: Path | str, data: bytes, *, what: str, batch_id: int | None, password: str | None
) -> int:
    """Protect (when asked), write atomically and audit `letters.saved`, inside `work`."""
    target, data, file_type = _prepare(path, data, what, password)
    try:
        atomic_write_bytes(target, data)
    except OSError:
        raise ValidationError(
            f"ファイル「{target.name}」を保存できませんでした。書き込めるフォルダか、空き容量があるかを確かめてください。"
        ) from None
    work.audit(
        "letters.saved",
        target_type="letter_batch",
        target_id=batch_id,
        what=what,
        size=len(data),
        protection=method_name(file_type) if password is not None else "none",  # type: ignore[arg-type]
    )
    return len(data)


def save_letters_file(
    s: VaultSession,
    path: Path | str,
    data: bytes,
    *,
    what: str,
    batch_id: int | None = None,
    password: str | None = None,
) -> int:
    """Write `data` (letters, mail_list, mail_list_xlsx or labels) to `path`; the bytes written. EXPORT."""
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

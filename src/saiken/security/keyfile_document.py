"""keys.json read as a document: the JSON parsed and its structure checked, with no cryptography.

This is the part of the key file that the sign-in screen needs before anyone signs in (organisation, account
names, binding and demo flags), kept free of `cryptography` and Argon2 so that importing it costs next to
nothing at start-up. Nothing here is trusted: the header is only authenticated (HMAC) after a slot opens
(saiken.security.keyfile for format 2, saiken.security.keyfile_v1 for format 1, which is read to upgrade it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from saiken.domain.errors import CorruptFileError

FORMAT = 2
LEGACY_FORMAT = 1
FILE_NAME = "keys.json"
RECOVERY_SLOT = "recovery"
HEADER_FIELDS_V1 = ("vault_id", "created_at", "org_name", "org_role", "device_bound", "demo", "slots")
HEADER_FIELDS = (*HEADER_FIELDS_V1, "genesis", "epoch")
BROKEN_FILE = "鍵ファイル（keys.json）が壊れているか、債権デスクの鍵ファイルではありません。"
BROKEN_HINT = "バックアップの keys.json を戻すか、管理者に連絡してください。"


@dataclass
class KeyDocument:
    """The parsed keys.json: format, header, header MAC and the raw (unparsed, unverified) slots."""

    header: dict[str, Any]
    header_mac: str
    raw_slots: list[Any] = field(default_factory=list)
    format: int = FORMAT

    @property
    def vault_id(self) -> str:
        return str(self.header["vault_id"])

    @property
    def device_bound(self) -> bool:
        return bool(self.header["device_bound"])

    @property
    def legacy(self) -> bool:
        """A format-1 file (one master key wrapped per user): upgraded at its admin's next sign-in."""
        return self.format == LEGACY_FORMAT

    def principal_ids(self) -> list[str]:
        return [str(raw.get("id")) for raw in self.raw_slots if isinstance(raw, dict)]

    def user_names(self) -> list[str]:
        names = [
            raw.get("user_name")
            for raw in self.raw_slots
            if isinstance(raw, dict) and raw.get("kind") == "user"
        ]
        return sorted(str(name) for name in names if isinstance(name, str))

    def find_raw(self, *, user_name: str | None = None, slot_id: str | None = None) -> Any:
        for raw in self.raw_slots:
            if not isinstance(raw, dict):
                continue
            if slot_id is not None and raw.get("id") == slot_id:
                return raw
            if user_name is not None and raw.get("kind") == "user" and raw.get("user_name") == user_name:
                return raw
        return None


def _format(document: dict[str, Any]) -> int:
    value = document.get("format")
    if value in (FORMAT, LEGACY_FORMAT) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value > FORMAT:
        raise CorruptFileError(
            "この鍵ファイルは新しい版の債権デスクで作られています。債権デスクを更新してください。"
        )
    raise CorruptFileError(BROKEN_FILE, hint=BROKEN_HINT)


def parse_document(data: bytes) -> KeyDocument:
    """keys.json's bytes as a KeyDocument; CorruptFileError (in Japanese, with a hint) when it is not one."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise CorruptFileError(BROKEN_FILE, hint=BROKEN_HINT) from error
    if not isinstance(document, dict):
        raise CorruptFileError(BROKEN_FILE, hint=BROKEN_HINT)
    version = _format(document)
    header, slots, mac = document.get("header"), document.get("slots"), document.get("header_mac")
    fields = HEADER_FIELDS if version == FORMAT else HEADER_FIELDS_V1
    if (
        not isinstance(header, dict)
        or not isinstance(slots, list)
        or not isinstance(mac, str)
        or set(header) != set(fields)
        or not isinstance(header["slots"], dict)
        or not isinstance(header["vault_id"], str)
        or not isinstance(header["device_bound"], bool)
    ):
        raise CorruptFileError(BROKEN_FILE, hint=BROKEN_HINT)
    if version == FORMAT and (
        not isinstance(header["genesis"], str)
        or not isinstance(header["epoch"], int)
        or isinstance(header["epoch"], bool)
    ):
        raise CorruptFileError(BROKEN_FILE, hint=BROKEN_HINT)
    return KeyDocument(header=header, header_mac=mac, raw_slots=slots, format=version)


def read_document_bytes(folder: Path, name: str = FILE_NAME) -> bytes:
    """The file's bytes; CorruptFileError when it is missing or unreadable."""
    path = Path(folder) / name
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise CorruptFileError("鍵ファイル（keys.json）が見つかりません。", hint=BROKEN_HINT) from error
    except OSError as error:
        raise CorruptFileError("鍵ファイル（keys.json）を読めません。", hint=BROKEN_HINT) from error


def load_document(folder: Path, name: str = FILE_NAME) -> KeyDocument:
    """Read and parse `folder/keys.json` (never writes it)."""
    return parse_document(read_document_bytes(folder, name))

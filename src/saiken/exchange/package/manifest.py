"""The manifest of a handover package (format v1) and its signature, as JSON inside the package.

The manifest says what the package is (id, kind, sequence, sender and recipient organisation, engagement,
who made it and when, the medium it was made for, record counts), what files it holds (each one's entry,
logical name, size and SHA-256), the package before it, and the sender's signed audit checkpoint. Its
exact bytes (canonical JSON: sorted keys, no spaces, UTF-8) are signed with the sending organisation's
Ed25519 key; the signature is the package's second entry. Neither holds personal data.

`parse_manifest` accepts only the fields and types of v1 and refuses anything else with one line.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from saiken.exchange.package.errors import not_a_package

FORMAT = "saiken-desk/handover-package"
FORMAT_VERSION = 1
KINDS = ("debtors", "report", "answers", "templates", "erasure")
KIND_LABELS = {
    "debtors": "債務者データ（区→受託者）",
    "report": "交渉記録報告（受託者→区）",
    "answers": "照会への回答（区→受託者）",
    "templates": "文書のひな形（個人情報なし）",
    "erasure": "消去の報告（受託者→区）",
}
SIGNATURE_ALGORITHM = "Ed25519"
MANIFEST_ENTRY = "0001.bin"
SIGNATURE_ENTRY = "0002.bin"
FIRST_DATA_ENTRY = 3
_PACKAGE_ID = re.compile(r"[0-9a-f]{32}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_ENTRY = re.compile(r"\d{4,5}\.bin")
_LOGICAL = re.compile(r"[^\x00-\x1f\x7f/\\:*?\"<>|]{1,200}")

JSONValue = Any  # a value json.loads can give; checked where it matters


def data_entry_name(index: int) -> str:
    """The opaque name of the index-th data file (0-based): 0003.bin, 0004.bin …"""
    return f"{index + FIRST_DATA_ENTRY:04d}.bin"


@dataclass(frozen=True)
class Organisation:
    name: str
    role: str  # "ward" or "contractor"
    fingerprint: str


@dataclass(frozen=True)
class EngagementInfo:
    id: str  # stable across both vaults
    ward: str
    contractor: str
    period_from: dt.date | None
    period_to: dt.date | None
    rule_profile: str


@dataclass(frozen=True)
class PackageFile:
    entry: str
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    package_id: str
    kind: str
    sequence: int
    sender: Organisation
    recipient: Organisation
    engagement: EngagementInfo
    media_id: str
    created_by: str
    created_at: dt.datetime
    records: Mapping[str, int]
    files: tuple[PackageFile, ...]
    previous_package_id: str | None = None
    acknowledged_package_id: str | None = None
    checkpoint: Mapping[str, JSONValue] = field(default_factory=dict)
    details: Mapping[str, JSONValue] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION

    def file(self, name: str) -> PackageFile:
        for item in self.files:
            if item.name == name:
                return item
        raise KeyError(name)

    def names(self) -> list[str]:
        return [item.name for item in self.files]

    def to_bytes(self) -> bytes:
        return canonical(manifest_to_json(self))


def canonical(value: JSONValue) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def manifest_to_json(m: Manifest) -> dict[str, JSONValue]:
    return {
        "format": FORMAT,
        "format_version": m.format_version,
        "package_id": m.package_id,
        "kind": m.kind,
        "sequence": m.sequence,
        "previous_package_id": m.previous_package_id,
        "acknowledged_package_id": m.acknowledged_package_id,
        "sender": vars(m.sender),
        "recipient": vars(m.recipient),
        "engagement": {
            "id": m.engagement.id,
            "ward": m.engagement.ward,
            "contractor": m.engagement.contractor,
            "period_from": _date(m.engagement.period_from),
            "period_to": _date(m.engagement.period_to),
            "rule_profile": m.engagement.rule_profile,
        },
        "media_id": m.media_id,
        "created_by": m.created_by,
        "created_at": m.created_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "records": dict(m.records),
        "files": [vars(item) for item in m.files],
        "checkpoint": dict(m.checkpoint),
        "details": dict(m.details),
    }


class _Fields:
    """Typed access to one JSON object that refuses missing, extra or mistyped fields."""

    def __init__(self, value: JSONValue, where: str, label: str, keys: set[str]) -> None:
        if not isinstance(value, dict) or set(value) != keys:
            raise not_a_package(label, f"目録の「{where}」が v1 の形ではありません")
        self.value: dict[str, JSONValue] = value
        self.where = where
        self.label = label

    def bad(self, key: str) -> Exception:
        return not_a_package(self.label, f"目録の「{self.where}.{key}」が不正です")

    def text(self, key: str, *, max_len: int = 256, pattern: re.Pattern[str] | None = None) -> str:
        value = self.value[key]
        if not isinstance(value, str) or len(value) > max_len or (pattern and not pattern.fullmatch(value)):
            raise self.bad(key)
        return value

    def optional_text(self, key: str, pattern: re.Pattern[str]) -> str | None:
        return None if self.value[key] is None else self.text(key, pattern=pattern)

    def integer(self, key: str, *, minimum: int = 0) -> int:
        value = self.value[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise self.bad(key)
        return value

    def date(self, key: str) -> dt.date | None:
        value = self.value[key]
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(self.text(key, max_len=10))
        except ValueError:
            raise self.bad(key) from None

    def instant(self, key: str) -> dt.datetime:
        try:
            value = dt.datetime.fromisoformat(self.text(key, max_len=40))
        except ValueError:
            raise self.bad(key) from None
        if value.tzinfo is None:
            raise self.bad(key)
        return value

    def mapping(self, key: str) -> dict[str, JSONValue]:
        value = self.value[key]
        if not isinstance(value, dict):
            raise self.bad(key)
        return value


_TOP = {
    "format",
    "format_version",
    "package_id",
    "kind",
    "sequence",
    "previous_package_id",
    "acknowledged_package_id",
    "sender",
    "recipient",
    "engagement",
    "media_id",
    "created_by",
    "created_at",
    "records",
    "files",
    "checkpoint",
    "details",
}


def _organisation(value: JSONValue, where: str, label: str) -> Organisation:
    f = _Fields(value, where, label, {"name", "role", "fingerprint"})
    role = f.text("role")
    if role not in ("ward", "contractor"):
        raise f.bad("role")
    return Organisation(f.text("name"), role, f.text("fingerprint", max_len=128))


def _engagement(value: JSONValue, label: str) -> EngagementInfo:
    keys = {"id", "ward", "contractor", "period_from", "period_to", "rule_profile"}
    f = _Fields(value, "engagement", label, keys)
    return EngagementInfo(
        f.text("id", max_len=64),
        f.text("ward"),
        f.text("contractor"),
        f.date("period_from"),
        f.date("period_to"),
        f.text("rule_profile", max_len=32),
    )


def _files(value: JSONValue, label: str) -> tuple[PackageFile, ...]:
    if not isinstance(value, list):
        raise not_a_package(label, "目録の「files」が不正です")
    files = []
    for item in value:
        f = _Fields(item, "files", label, {"entry", "name", "size", "sha256"})
        files.append(
            PackageFile(
                f.text("entry", pattern=_ENTRY),
                f.text("name", max_len=200, pattern=_LOGICAL),
                f.integer("size"),
                f.text("sha256", pattern=_SHA256),
            )
        )
    expected = [data_entry_name(index) for index in range(len(files))]
    names = [item.name for item in files]
    if [item.entry for item in files] != expected or len(set(names)) != len(names):
        raise not_a_package(label, "目録のファイル一覧が不正です")
    return tuple(files)


def parse_manifest(data: bytes, label: str) -> Manifest:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise not_a_package(label, "目録を読めません") from None
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise not_a_package(label, "目録がありません")
    if value.get("format_version") != FORMAT_VERSION:
        raise not_a_package(
            label, f"形式 v{value.get('format_version')} は読めません。債権デスクを新しくしてください"
        )
    f = _Fields(value, "manifest", label, _TOP)
    kind = f.text("kind")
    if kind not in KINDS:
        raise f.bad("kind")
    records = f.mapping("records")
    if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in records.values()):
        raise f.bad("records")
    manifest = Manifest(
        package_id=f.text("package_id", pattern=_PACKAGE_ID),
        kind=kind,
        sequence=f.integer("sequence", minimum=1),
        sender=_organisation(value["sender"], "sender", label),
        recipient=_organisation(value["recipient"], "recipient", label),
        engagement=_engagement(value["engagement"], label),
        media_id=f.text("media_id", max_len=64),
        created_by=f.text("created_by", max_len=64),
        created_at=f.instant("created_at"),
        records=records,
        files=_files(value["files"], label),
        previous_package_id=f.optional_text("previous_package_id", _PACKAGE_ID),
        acknowledged_package_id=f.optional_text("acknowledged_package_id", _PACKAGE_ID),
        checkpoint=f.mapping("checkpoint"),
        details=f.mapping("details"),
    )
    if canonical(value) != data:
        raise not_a_package(label, "目録の書式が正規形ではありません")
    return manifest


@dataclass(frozen=True)
class Signature:
    algorithm: str
    signer_fingerprint: str
    value: bytes

    def to_bytes(self) -> bytes:
        return canonical(
            {
                "algorithm": self.algorithm,
                "signer_fingerprint": self.signer_fingerprint,
                "signature": base64.b64encode(self.value).decode("ascii"),
            }
        )


def parse_signature(data: bytes, label: str) -> Signature:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise not_a_package(label, "署名を読めません") from None
    f = _Fields(value, "signature", label, {"algorithm", "signer_fingerprint", "signature"})
    if f.text("algorithm") != SIGNATURE_ALGORITHM:
        raise f.bad("algorithm")
    try:
        raw = base64.b64decode(f.text("signature", max_len=128), validate=True)
    except (binascii.Error, ValueError):
        raise f.bad("signature") from None
    if len(raw) != 64:
        raise f.bad("signature")
    signature = Signature(SIGNATURE_ALGORITHM, f.text("signer_fingerprint", max_len=128), raw)
    if signature.to_bytes() != data:
        raise not_a_package(label, "署名の書式が正規形ではありません")
    return signature

"""The statement an erasure certificate (消去証明書) certifies, as signed JSON (seed 003 特記事項 第12 5:
information items, media names, quantity, method, responsible person and date of erasure).

The contractor's organisation key signs the canonical JSON of the statement; the ward verifies it with the
key it paired, and the same statement travels in the `erasure` package (`erasure.json`) and is printed on
the PDF. It holds counts, media labels, staff names and checkpoints — never personal data of debtors.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from saiken.domain.errors import ValidationError

METHOD_ENGAGEMENT = "engagement"
METHOD_VAULT = "vault"
METHOD_LABELS = {
    METHOD_ENGAGEMENT: "業務の全記録の削除（上書き消去 secure_delete、VACUUM によるデータベースの再構築、"
    "その記録を含むバックアップの削除と作り直し）",
    METHOD_VAULT: "金庫全体の暗号学的消去（暗号鍵を保持する鍵スロット・端末の資格情報・データベース・"
    "バックアップの削除。鍵がなければ暗号化されたデータは復元できません）",
}


@dataclass(frozen=True)
class ErasedMedium:
    medium_id: str
    kind: str
    disposition: str  # 返却済み / 廃棄済み / 返却予定 …


@dataclass(frozen=True)
class ErasureStatement:
    certificate_no: str
    issued_at: dt.datetime
    recipient: str  # the ward (御中)
    issuer: str  # the contractor
    issuer_fingerprint: str
    engagement_uid: str
    engagement_title: str
    period: str
    information_items: tuple[str, ...]
    media: tuple[ErasedMedium, ...]
    record_counts: Mapping[str, int]  # Japanese label → count erased
    method: str  # METHOD_ENGAGEMENT / METHOD_VAULT
    tool: str  # 債権デスク x.y (SQLCipher a.b.c)
    operator: str
    responsible: str
    erased_at: dt.datetime
    final_checkpoint: str
    unreachable_copies: tuple[str, ...]

    @property
    def method_label(self) -> str:
        return METHOD_LABELS[self.method]

    @property
    def total_records(self) -> int:
        return sum(self.record_counts.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "saiken-desk/erasure-statement",
            "format_version": 1,
            "certificate_no": self.certificate_no,
            "issued_at": self.issued_at.astimezone(dt.UTC).isoformat(timespec="seconds"),
            "recipient": self.recipient,
            "issuer": self.issuer,
            "issuer_fingerprint": self.issuer_fingerprint,
            "engagement_uid": self.engagement_uid,
            "engagement_title": self.engagement_title,
            "period": self.period,
            "information_items": list(self.information_items),
            "media": [[m.medium_id, m.kind, m.disposition] for m in self.media],
            "record_counts": dict(self.record_counts),
            "method": self.method,
            "tool": self.tool,
            "operator": self.operator,
            "responsible": self.responsible,
            "erased_at": self.erased_at.astimezone(dt.UTC).isoformat(timespec="seconds"),
            "final_checkpoint": self.final_checkpoint,
            "unreachable_copies": list(self.unreachable_copies),
        }

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def signed_bytes(statement: bytes) -> bytes:
    """What the organisation key signs: a domain-separated form of the statement."""
    return b"saiken-desk/erasure-certificate/v1:" + statement


def parse_statement(data: bytes) -> ErasureStatement:
    """The statement back from its JSON (from an erasure package); ValidationError if it is not v1."""
    bad = ValidationError(
        "消去証明書の内容を読めません。何も取り込んでいません。", hint="送り手に確認してください。"
    )
    try:
        value = json.loads(data.decode("utf-8"))
        if value.get("format") != "saiken-desk/erasure-statement" or value.get("format_version") != 1:
            raise bad
        statement = ErasureStatement(
            certificate_no=str(value["certificate_no"]),
            issued_at=dt.datetime.fromisoformat(value["issued_at"]),
            recipient=str(value["recipient"]),
            issuer=str(value["issuer"]),
            issuer_fingerprint=str(value["issuer_fingerprint"]),
            engagement_uid=str(value["engagement_uid"]),
            engagement_title=str(value["engagement_title"]),
            period=str(value["period"]),
            information_items=tuple(str(v) for v in value["information_items"]),
            media=tuple(ErasedMedium(str(a), str(b), str(c)) for a, b, c in value["media"]),
            record_counts={str(k): int(v) for k, v in value["record_counts"].items()},
            method=str(value["method"]),
            tool=str(value["tool"]),
            operator=str(value["operator"]),
            responsible=str(value["responsible"]),
            erased_at=dt.datetime.fromisoformat(value["erased_at"]),
            final_checkpoint=str(value["final_checkpoint"]),
            unreachable_copies=tuple(str(v) for v in value["unreachable_copies"]),
        )
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
        raise bad from None
    if statement.method not in METHOD_LABELS or statement.to_bytes() != data:
        raise bad
    return statement

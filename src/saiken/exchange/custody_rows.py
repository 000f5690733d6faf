"""The custody ledger as documents see it: one `LedgerLine` per entry and a `LedgerHeader`, plain values
that the PDF (確認記録票) and the workbook both print. No database here; no personal data of debtors ever:
an entry holds media labels, counts, package ids, fingerprints and the names of the staff who handled them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class LedgerLine:
    seq: int
    at: dt.datetime
    event: str  # Japanese label (作成, 引渡し …)
    medium_id: str
    medium_kind: str
    content: str
    records: int
    files: int
    media: int
    package_id: str
    handler: str  # display name (account)
    counterpart_org: str
    counterpart_person: str
    fingerprint: str
    counterpart_checkpoint: str
    note: str
    same_occasion: bool
    hash: str


@dataclass(frozen=True)
class OpenMedium:
    medium_id: str
    kind: str
    direction: str  # 送付 / 受領
    status: str  # Japanese label
    counterpart: str
    package_id: str
    opened_at: dt.datetime
    age_days: int


@dataclass(frozen=True)
class LedgerHeader:
    org_name: str
    org_role: str  # 区 / 受託者
    printed_at: dt.datetime
    printed_by: str
    verified: bool
    count: int
    checkpoint: str  # "count:head" of the ledger
    problems: tuple[str, ...] = ()
    audit_checkpoint: str | None = None  # the vault's signed audit checkpoint, printed in the footer


def short_id(package_id: str) -> str:
    """A package id as printed in narrow cells: the first 12 hex digits in groups of 4."""
    head = package_id[:12]
    return "-".join(head[i : i + 4] for i in range(0, len(head), 4)) if head else ""


def quantity(line: LedgerLine) -> str:
    parts = []
    if line.records:
        parts.append(f"{line.records:,}件")
    if line.files:
        parts.append(f"ファイル{line.files}")
    if line.media:
        parts.append(f"媒体{line.media}")
    return "・".join(parts)

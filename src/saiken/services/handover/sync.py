"""Keys and digests that let two vaults exchange only what changed, without sharing row ids.

A record's key in packages is given by its owner: `w17` is the ward's row 17, `c5` the contractor's row 5
(debtors are keyed by their management number, negotiation records by their record key and version).
The receiving vault remembers which local row each key became (`sync_keys`).

Each outgoing package records the digest of every record it carried (`sync_sent`). When the counterpart
acknowledges a package (its next package names it), the digests of that package and of every earlier one
become the baseline (`sync_acknowledged`); the next package carries every record whose digest differs
from the baseline. A package that was lost is therefore covered by the next one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.exchange.package.contents import digest
from saiken.store.models import HandoverPackage, SyncAcknowledged, SyncKey, SyncSent
from saiken.store.models.packages import DIRECTION_OUT

SIDES = {"ward": "w", "contractor": "c"}


def side_of(role: str) -> str:
    return SIDES[role]


def own_key(side: str, local_id: int) -> str:
    return f"{side}{local_id}"


def _load(value: str | None) -> dict[str, Any]:
    loaded = json.loads(value) if value else {}
    return loaded if isinstance(loaded, dict) else {}


def _dump(value: dict[str, Any]) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


class KeyMap:
    """Keys of one entity of one engagement ↔ local ids, loaded once per import and saved by `save`."""

    def __init__(self, session: Session, engagement_id: int, entity: str, own_side: str) -> None:
        self._session = session
        self._engagement_id = engagement_id
        self._entity = entity
        self._own = own_side
        self._row = session.get(SyncKey, (engagement_id, entity))
        self._ids: dict[str, int] = {
            k: int(v) for k, v in _load(self._row.keys if self._row else None).items()
        }
        self._dirty = False

    def local(self, key: str | None) -> int | None:
        if key is None:
            return None
        if key.startswith(self._own) and key[1:].isdigit():
            return int(key[1:])
        return self._ids.get(key)

    def by_local(self) -> dict[int, str]:
        """The counterpart's keys of this entity by the local id they became."""
        return {local: key for key, local in self._ids.items()}

    def remember(self, key: str, local_id: int) -> None:
        if self._ids.get(key) != local_id:
            self._ids[key] = local_id
            self._dirty = True

    def save(self) -> None:
        if not self._dirty:
            return
        if self._row is None:
            self._row = SyncKey(engagement_id=self._engagement_id, entity=self._entity, keys="{}")
            self._session.add(self._row)
        self._row.keys = _dump(dict(self._ids))
        self._dirty = False


def acknowledged_digests(session: Session, engagement_id: int, entity: str) -> dict[str, str]:
    row = session.get(SyncAcknowledged, (engagement_id, entity))
    return {k: str(v) for k, v in _load(row.digests if row else None).items()}


def changed(baseline: dict[str, str], lines: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, bytes, str]]:
    """(key, line, digest) of each record whose line differs from what the counterpart acknowledged."""
    for key, line in lines:
        value = digest(line)
        if baseline.get(key) != value:
            yield key, line, value


def record_sent(
    session: Session, package_id: str, engagement_id: int, entity: str, items: list[tuple[str, str]]
) -> None:
    session.add(
        SyncSent(
            package_id=package_id, entity=entity, engagement_id=engagement_id, digests=_dump(dict(items))
        )
    )


def acknowledge(session: Session, engagement_id: int, package_id: str, now: dt.datetime) -> int:
    """The counterpart confirmed `package_id` (one of ours): it and every earlier package of the engagement
    become the baseline. Returns how many packages were newly acknowledged (0 if unknown or done)."""
    acked = session.scalar(
        select(HandoverPackage).where(
            HandoverPackage.package_id == package_id,
            HandoverPackage.direction == DIRECTION_OUT,
            HandoverPackage.engagement_id == engagement_id,
        )
    )
    if acked is None:
        return 0
    pending = session.scalars(
        select(HandoverPackage)
        .where(
            HandoverPackage.engagement_id == engagement_id,
            HandoverPackage.direction == DIRECTION_OUT,
            HandoverPackage.sequence <= acked.sequence,
            HandoverPackage.acknowledged_at.is_(None),
            HandoverPackage.voided_at.is_(None),
        )
        .order_by(HandoverPackage.sequence)
    ).all()
    baselines: dict[str, dict[str, str]] = {}
    for package in pending:
        for sent in session.scalars(select(SyncSent).where(SyncSent.package_id == package.package_id)):
            if sent.entity not in baselines:
                baselines[sent.entity] = acknowledged_digests(session, engagement_id, sent.entity)
            baselines[sent.entity].update(_load(sent.digests))
        package.acknowledged_at = now
    for entity, digests in baselines.items():
        session.merge(SyncAcknowledged(engagement_id=engagement_id, entity=entity, digests=_dump(digests)))
    return len(pending)

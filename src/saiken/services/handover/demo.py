"""Fictional handover history for the demo vault: a counterpart, the engagement paired to it, and the
custody ledger of two media — one handed over with its notice on another day, one returned — so the
管理簿 and its open-media view have something true to show. (Packages themselves need the organisation
key, which a demo vault gets from the vault trust work.)"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import select

from saiken.domain import custody
from saiken.services.context import Work
from saiken.services.handover import keys, ledger
from saiken.store.models import Engagement, Organisation
from saiken.store.models.packages import DIRECTION_OUT

COUNTERPARTS = {"ward": ("架空お玉ヶ池法律事務所", "contractor"), "contractor": ("架空区 産業振興課", "ward")}


def populate(work: Work, seed: int = 7) -> None:
    role = work.vault.org_role or "contractor"
    name, their_role = COUNTERPARTS.get(role, COUNTERPARTS["contractor"])
    public = hashlib.sha256(f"saiken-demo-organisation-{seed}".encode()).digest()  # a fictional key
    now = work.vault.clock.now()
    org = Organisation(
        name=name,
        role=their_role,
        public_key=public,
        fingerprint=keys.fingerprint(public),
        added_by=work.vault.user.name,
        added_at=now - dt.timedelta(days=40),
        confirmed_by=work.vault.user.name,
        confirmed_at=now - dt.timedelta(days=40),
    )
    work.session.add(org)
    work.session.flush()
    engagement = work.session.scalar(select(Engagement).order_by(Engagement.id.desc()).limit(1))
    if engagement is not None:
        engagement.counterpart_id = org.id
        engagement.title = engagement.title or "経営力強化支援事業補助金返還金 督促等業務"
        engagement.period_from = engagement.period_from or dt.date(2025, 9, 16)
        engagement.period_to = engagement.period_to or dt.date(2026, 3, 31)
    prefix = "区" if role == "ward" else "事"
    content = "債務者データ（区→受託者）" if role == "ward" else "交渉記録報告（受託者→区）"
    entries: list[tuple[dt.datetime, dict[str, object]]] = []
    for index, (days_ago, closing) in enumerate(((30, custody.RETURNED), (12, None)), start=1):
        medium_id = f"{prefix}-R7-{index:03d}"
        medium = ledger.open_medium(
            work,
            medium_id=medium_id,
            kind="CD-R",
            direction=DIRECTION_OUT,
            status=custody.HANDED_OVER if closing is None else closing,
            engagement_id=engagement.id if engagement else None,
            counterpart_id=org.id,
            package_id=None,
        )
        prepared = now - dt.timedelta(days=days_ago)
        medium.opened_at = prepared
        common = {"engagement_id": medium.engagement_id, "medium_id": medium_id, "counterpart_org": name}
        disc = {"medium_kind": "CD-R", "media": 1, **common}
        entries += [
            (
                prepared,
                {
                    "event": custody.PREPARED,
                    "content": f"{content}パッケージ（デモ）",
                    "records": 58,
                    "files": 4,
                    **disc,
                },
            ),
            (
                prepared + dt.timedelta(hours=2),
                {
                    "event": custody.HANDED_OVER,
                    "content": f"媒体 {medium_id}",
                    "counterpart_person": "山田（デモ）",
                    **disc,
                },
            ),
            (
                prepared + dt.timedelta(days=1),
                {
                    "event": custody.NOTICE_HANDED_OVER,
                    "medium_kind": "紙",
                    "content": f"パスワード通知書（媒体 {medium_id}）",
                    "counterpart_person": "鈴木（デモ）",
                    **common,
                },
            ),
        ]
        if closing is not None:
            medium.closed_at = prepared + dt.timedelta(days=20)
            entries.append(
                (
                    medium.closed_at,
                    {
                        "event": closing,
                        "content": f"媒体 {medium_id}",
                        "counterpart_person": "山田（デモ）",
                        **disc,
                    },
                )
            )
    for at, fields in sorted(entries, key=lambda item: item[0]):
        ledger.append_entry(work, at=at, **fields)  # type: ignore[arg-type]

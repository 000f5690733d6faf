"""Engagements (業務): one ward's outsourcing to one contractor for a period under a rule profile.

Every package belongs to one engagement, and the engagement's `uid` is the same in both vaults: the ward
creates it (or an Excel import does, before the organisations are paired), sets the contractor and the
period, and the contractor's vault makes its copy from the first `debtors` package. Listing needs READ;
creating and changing need a supervisor (Capability.EXPORT: it decides what may leave the vault).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from saiken.domain.errors import NotFoundError, ValidationError
from saiken.domain.roles import Capability
from saiken.domain.rule_profiles import preset
from saiken.domain.wareki import format_wareki
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.store.models import Debtor, Engagement, HandoverPackage, Medium, Organisation
from saiken.store.models.engagements import ENGAGEMENT_ACTIVE, ENGAGEMENT_CLOSED, ENGAGEMENT_ERASED

STATUS_LABELS = {ENGAGEMENT_ACTIVE: "実施中", ENGAGEMENT_CLOSED: "終了", ENGAGEMENT_ERASED: "消去済み"}
MEDIUM_CLOSED = ("returned", "destroyed", "erased")


@dataclass(frozen=True)
class EngagementRow:
    id: int
    uid: str
    title: str
    ward: str
    contractor: str
    period_from: dt.date | None
    period_to: dt.date | None
    rule_profile: str
    status: str
    counterpart_id: int | None
    counterpart: str
    debtors: int
    packages_sent: int
    packages_received: int
    open_media: int

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def period(self) -> str:
        if self.period_from is None and self.period_to is None:
            return "期間未設定"
        start = format_wareki(self.period_from) if self.period_from else "（未設定）"
        end = format_wareki(self.period_to) if self.period_to else "（未設定）"
        return f"{start}～{end}"

    @property
    def name(self) -> str:
        return self.title or f"{self.ward or '（区）'} → {self.contractor or '（受託者）'}"


def ensure_uid(engagement: Engagement) -> str:
    """The engagement's shareable id (rows inserted outside the ORM may still lack one)."""
    if not engagement.uid:
        engagement.uid = uuid.uuid4().hex
    return engagement.uid


def engagement_row(session: Session, engagement: Engagement) -> EngagementRow:
    counterpart = session.get(Organisation, engagement.counterpart_id) if engagement.counterpart_id else None
    debtors = session.scalar(select(func.count()).where(Debtor.engagement_id == engagement.id)) or 0
    directions = dict(
        session.execute(
            select(HandoverPackage.direction, func.count())
            .where(HandoverPackage.engagement_id == engagement.id, HandoverPackage.voided_at.is_(None))
            .group_by(HandoverPackage.direction)
        )
        .tuples()
        .all()
    )
    open_media = session.scalar(
        select(func.count()).where(Medium.engagement_id == engagement.id, Medium.status.not_in(MEDIUM_CLOSED))
    )
    return EngagementRow(
        id=engagement.id,
        uid=engagement.uid or "",
        title=engagement.title,
        ward=engagement.ward,
        contractor=engagement.contractor,
        period_from=engagement.period_from,
        period_to=engagement.period_to,
        rule_profile=engagement.rule_profile,
        status=engagement.status,
        counterpart_id=engagement.counterpart_id,
        counterpart=counterpart.name if counterpart else "",
        debtors=int(debtors),
        packages_sent=int(directions.get("out", 0)),
        packages_received=int(directions.get("in", 0)),
        open_media=int(open_media or 0),
    )


def list_engagements(s: VaultSession) -> list[EngagementRow]:
    """Every engagement, newest first (erased ones too: their names and dates stay for the ledger)."""
    s.require(Capability.READ)
    with read_session(s) as session:
        engagements = session.scalars(select(Engagement).order_by(Engagement.id.desc())).all()
        return [engagement_row(session, e) for e in engagements]


def engagement_or_404(session: Session, engagement_id: object) -> Engagement:
    if isinstance(engagement_id, bool) or not isinstance(engagement_id, int):
        raise ValidationError("業務の番号は整数で指定してください。")
    found = session.get(Engagement, engagement_id)
    if found is None:
        raise NotFoundError(
            f"業務（番号 {engagement_id}）が見つかりません。`saiken engagements` で確かめてください。"
        )
    return found


def _check_period(start: dt.date | None, end: dt.date | None) -> None:
    if start is not None and end is not None and start > end:
        raise ValidationError("業務の期間の開始日が終了日より後です。期間を確かめてください。")


def _counterpart(session: Session, counterpart_id: int | None, our_role: str) -> Organisation | None:
    if counterpart_id is None:
        return None
    org = session.get(Organisation, counterpart_id)
    if org is None or org.retired_at is not None:
        raise NotFoundError(
            f"相手方の組織（番号 {counterpart_id}）が登録されていません。`saiken org add` で登録してください。"
        )
    if org.role == our_role:
        raise ValidationError(
            f"「{org.name}」は当方と同じ区分（{'区' if our_role == 'ward' else '受託者'}）の組織です。",
            hint="業務の相手方には、区なら受託者を、受託者なら区を選んでください。",
        )
    return org


def save_engagement(
    s: VaultSession,
    engagement_id: int | None = None,
    *,
    title: str,
    counterpart_id: int | None,
    period_from: dt.date | None,
    period_to: dt.date | None,
    rule_profile: str = "subsidy",
) -> EngagementRow:
    """Create (`engagement_id=None`) or change an engagement. Audited `engagement.create|update`."""
    s.require(Capability.EXPORT)
    title = " ".join(str(title or "").split())
    if len(title) > 128:
        raise ValidationError("業務名は 128 文字以内で入力してください。")
    preset(rule_profile)  # ValidationError for an unknown profile
    _check_period(period_from, period_to)
    with unit_of_work(s) as work:
        org = _counterpart(work.session, counterpart_id, s.org_role)
        if engagement_id is None:
            engagement = Engagement(created_at=s.clock.now())
            work.session.add(engagement)
        else:
            engagement = engagement_or_404(work.session, engagement_id)
            if engagement.status == ENGAGEMENT_ERASED:
                raise ValidationError("消去済みの業務は変更できません。")
            if engagement.counterpart_id not in (None, counterpart_id) and _has_packages(
                work.session, engagement.id
            ):
                raise ValidationError(
                    "パッケージをやり取りした業務の相手方は変更できません。",
                    hint="新しい業務を作ってください。",
                )
        ours = s.org_name
        theirs = org.name if org else ""
        engagement.ward, engagement.contractor = (ours, theirs) if s.org_role == "ward" else (theirs, ours)
        engagement.title = title
        engagement.counterpart_id = counterpart_id
        engagement.period_from, engagement.period_to = period_from, period_to
        engagement.rule_profile = rule_profile
        ensure_uid(engagement)
        work.session.flush()
        work.audit(
            "engagement.create" if engagement_id is None else "engagement.update",
            target_type="engagement",
            target_id=engagement.id,
            counterpart_id=counterpart_id,
        )
        return engagement_row(work.session, engagement)


def _has_packages(session: Session, engagement_id: int) -> bool:
    return bool(session.scalar(select(func.count()).where(HandoverPackage.engagement_id == engagement_id)))


def close_engagement(s: VaultSession, engagement_id: int) -> EngagementRow:
    """Mark the engagement ended (no more packages); its data stays until it is erased."""
    s.require(Capability.EXPORT)
    with unit_of_work(s) as work:
        engagement = engagement_or_404(work.session, engagement_id)
        if engagement.status != ENGAGEMENT_ACTIVE:
            raise ValidationError(f"この業務は既に{STATUS_LABELS[engagement.status]}です。")
        engagement.status = ENGAGEMENT_CLOSED
        engagement.closed_at = s.clock.now()
        work.audit("engagement.close", target_type="engagement", target_id=engagement.id)
        return engagement_row(work.session, engagement)

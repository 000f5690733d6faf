"""The ward's side of an `erasure` package (seed 000 ⑮⑯): the contractor's signed erasure statement is
checked with the contractor's registered key and kept with its PDF, and every medium the ward handed
over for the engagement that is not yet closed is closed in the ledger as erased, naming the certificate.
"""

from __future__ import annotations

from sqlalchemy import select

from saiken.domain import custody
from saiken.domain.errors import IntegrityError, ValidationError
from saiken.exchange.erasure_statement import parse_statement, signed_bytes
from saiken.exchange.package import PackageReader
from saiken.services.context import Work
from saiken.services.handover import keys, ledger
from saiken.store.models import Engagement, ErasureCertificate, Medium, Organisation
from saiken.store.models.engagements import ENGAGEMENT_ACTIVE, ENGAGEMENT_CLOSED
from saiken.store.models.packages import DIRECTION_OUT

STATEMENT_FILE = "erasure.json"
SIGNATURE_FILE = "erasure.sig"
PDF_FILE = "消去証明書.pdf"


def apply_erasure(work: Work, package: PackageReader, engagement: Engagement, sender: Organisation) -> int:
    """Record the certificate and close the engagement's media; returns how many media were closed."""
    body = package.read_bytes(STATEMENT_FILE, max_size=1 << 20)
    signature = package.read_bytes(SIGNATURE_FILE, max_size=1024)
    pdf = package.read_bytes(PDF_FILE, max_size=16 << 20)
    statement = parse_statement(body)
    if not keys.verify(sender.public_key, signature, signed_bytes(body)):
        raise IntegrityError(
            "消去証明書の署名が、登録されている受託者の鍵と一致しません。何も取り込んでいません。"
        )
    if statement.engagement_uid != engagement.uid or statement.issuer_fingerprint != sender.fingerprint:
        raise ValidationError("この消去証明書は別の業務か別の組織のものです。何も取り込んでいません。")
    session = work.session
    if session.scalar(
        select(ErasureCertificate.id).where(ErasureCertificate.certificate_no == statement.certificate_no)
    ):
        raise ValidationError(
            f"消去証明書「{statement.certificate_no}」は取り込み済みです。何も取り込んでいません。"
        )
    now = work.vault.clock.now()
    session.add(
        ErasureCertificate(
            certificate_no=statement.certificate_no,
            direction="in",
            engagement_uid=statement.engagement_uid,
            engagement_id=engagement.id,
            issuer=statement.issuer,
            issuer_fingerprint=statement.issuer_fingerprint,
            method=statement.method,
            erased_at=statement.erased_at,
            body=body.decode("utf-8"),
            signature=signature.hex(),
            pdf=pdf,
            package_id=package.manifest.package_id,
            recorded_by=work.vault.user.name,
            recorded_at=now,
        )
    )
    media = session.scalars(
        select(Medium).where(
            Medium.engagement_id == engagement.id,
            Medium.direction == DIRECTION_OUT,
            Medium.status.not_in(tuple(custody.CLOSING_EVENTS)),
        )
    ).all()
    for medium in media:
        ledger.append_entry(
            work,
            event=custody.ERASED,
            engagement_id=engagement.id,
            medium_id=medium.medium_id,
            medium_kind=medium.kind,
            package_id=medium.package_id or "",
            content=f"受託者の消去を確認（消去証明書 {statement.certificate_no}）",
            records=statement.total_records,
            media=1,
            counterpart_org=sender.name,
            fingerprint=sender.fingerprint,
            counterpart_checkpoint=statement.final_checkpoint,
        )
        medium.status = custody.ERASED
        medium.closed_at = now
    if engagement.status == ENGAGEMENT_ACTIVE:
        engagement.status = ENGAGEMENT_CLOSED
        engagement.closed_at = now
    work.audit(
        "erasure.receive",
        target_type="certificate",
        target_id=statement.certificate_no,
        engagement_id=engagement.id,
        media_closed=len(media),
    )
    return len(media)

"""Exporting a handover package (issue 9 item 4): supervisor only, counts shown first, one transaction.

`preview_export` says what the next package of a kind would carry (records per entity, sequence, the
package it follows and the one of the counterpart's it acknowledges) before anything is written.
`export_package` writes the package into the chosen staging folder (the CD-R burning folder), with a new
generated password that is returned once and never stored, records the package, the medium (prepared)
and the ledger entry, and audits `package.export` — all in one transaction: if anything fails, no
package file, no ledger entry. The password notice is made in memory (`password_notice_pdf`), never in
the staging folder. `verify_medium` re-reads the burned copy and compares its SHA-256.

A package that would not fit on one CD-R is refused with its size and a split by management-number
range (`SplitNeededError.ranges`); `export_package(..., numbers=(first, last))` makes one part.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from saiken.domain import custody
from saiken.domain.errors import NotFoundError, ValidationError
from saiken.domain.generated_passwords import generate
from saiken.domain.roles import Capability
from saiken.exchange.package import (
    CD_R_BYTES,
    KIND_LABELS,
    EngagementInfo,
    Manifest,
    PackageTooLargeError,
    PackageWriter,
    file_sha256,
)
from saiken.exchange.package import (
    Organisation as ManifestOrganisation,
)
from saiken.exchange.package.contents import ENTITY_LABELS, FILE_NAMES
from saiken.exchange.pdf.package_notice import PackageNotice, render_package_notice
from saiken.services.context import VaultSession, Work, read_session, unit_of_work
from saiken.services.handover import collect, consultation_lines, erasure_import, keys, ledger, sync
from saiken.services.handover.engagements import EngagementRow, engagement_or_404, engagement_row, ensure_uid
from saiken.services.handover.report_workbook import report_workbook
from saiken.store.models import (
    Attachment,
    Debtor,
    Engagement,
    ErasureCertificate,
    HandoverPackage,
    Organisation,
)
from saiken.store.models.engagements import ENGAGEMENT_ACTIVE
from saiken.store.models.packages import DIRECTION_IN, DIRECTION_OUT

REPORT_WORKBOOK = "交渉記録報告書.xlsx"


class SplitNeededError(PackageTooLargeError):
    """Too large for one medium; `ranges` are management-number ranges that each should fit."""

    def __init__(self, size: int, limit: int, ranges: list[tuple[str, str]]) -> None:
        super().__init__(size, limit)
        self.ranges = ranges
        listed = "、".join(f"{a}～{b}" for a, b in ranges)
        self.hint = f"管理番号の範囲で {len(ranges)} つに分けてください: {listed}（--range 最初:最後）。"


@dataclass(frozen=True)
class ExportPreview:
    engagement: EngagementRow
    kind: str
    kind_label: str
    counterpart: str
    counterpart_fingerprint: str
    counts: dict[str, int]  # entity → records
    sequence: int
    previous_package_id: str | None
    acknowledges: str | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        return [f"{ENTITY_LABELS[e]}: {n:,}件" for e, n in self.counts.items()]


@dataclass(frozen=True)
class ExportResult:
    package_id: str
    path: Path
    size: int
    sha256: str
    password: str  # shown once; never stored
    records: dict[str, int]
    media_id: str
    sequence: int
    ledger_seq: int
    notice: PackageNotice


def _counterpart(session: Session, engagement: Engagement) -> Organisation:
    org = session.get(Organisation, engagement.counterpart_id) if engagement.counterpart_id else None
    if org is None or org.retired_at is not None:
        raise ValidationError(
            "この業務には相手方の組織が登録されていません。",
            hint="`saiken org add` で相手方の鍵を登録し、業務の相手方に設定してください。",
        )
    if org.confirmed_at is None:
        raise ValidationError(
            f"「{org.name}」の鍵の指紋がまだ紙で照合されていません。パッケージは作れません。",
            hint="照合用紙を印刷して相手方と見比べ、一致したら照合済みにしてください。",
        )
    return org


def _check_kind(s: VaultSession, kind: str, engagement: Engagement) -> None:
    if kind not in collect.KIND_ENTITIES:
        raise ValidationError(
            f"パッケージの種類「{kind}」はありません（debtors・report・answers・templates・erasure）。"
        )
    if kind in ("templates", "erasure"):
        raise ValidationError(
            "ひな形と消去のパッケージはこの操作では作れません。",
            hint="消去のパッケージは消去の手続きで作られます。",
        )
    sender = collect.SENDER_ROLE[kind]
    if s.org_role != sender:
        raise ValidationError(
            f"「{KIND_LABELS[kind]}」は{'区' if sender == 'ward' else '受託者'}が作るパッケージです。",
        )
    if engagement.status != ENGAGEMENT_ACTIVE:
        raise ValidationError("終了または消去した業務のパッケージは作れません。")


def _last_package(session: Session, engagement_id: int, direction: str) -> HandoverPackage | None:
    return session.scalar(
        select(HandoverPackage)
        .where(
            HandoverPackage.engagement_id == engagement_id,
            HandoverPackage.direction == direction,
            HandoverPackage.voided_at.is_(None),
        )
        .order_by(HandoverPackage.sequence.desc())
        .limit(1)
    )


def _scope(engagement_id: int, numbers: tuple[str, str] | None) -> ColumnElement[bool] | None:
    if numbers is None:
        return None
    first, last = numbers
    if first > last:
        raise ValidationError("管理番号の範囲は 最初:最後 の順で指定してください。")
    return Debtor.management_no.between(first, last)


def preview_export(
    s: VaultSession, *, engagement_id: int, kind: str, numbers: tuple[str, str] | None = None
) -> ExportPreview:
    """What the next package of `kind` would carry; nothing is written (not audited)."""
    s.require(Capability.EXPORT)
    with read_session(s) as session:
        engagement = engagement_or_404(session, engagement_id)
        _check_kind(s, kind, engagement)
        org = _counterpart(session, engagement)
        side = sync.side_of(s.org_role)
        counts = collect.count_changes(session, engagement.id, kind, side, _scope(engagement.id, numbers))
        last_out = _last_package(session, engagement.id, DIRECTION_OUT)
        last_in = _last_package(session, engagement.id, DIRECTION_IN)
        return ExportPreview(
            engagement=engagement_row(session, engagement),
            kind=kind,
            kind_label=KIND_LABELS[kind],
            counterpart=org.name,
            counterpart_fingerprint=org.fingerprint,
            counts=counts,
            sequence=(last_out.sequence + 1) if last_out else 1,
            previous_package_id=last_out.package_id if last_out else None,
            acknowledges=last_in.package_id if last_in else None,
        )


def _split_ranges(session: Session, engagement_id: int, limit: int) -> list[tuple[str, str]]:
    """Management-number ranges whose attachments and records each come to well under `limit`."""
    weights = session.execute(
        select(Debtor.management_no, func.coalesce(func.sum(Attachment.size), 0))
        .outerjoin(Attachment, Attachment.debtor_id == Debtor.id)
        .where(Debtor.engagement_id == engagement_id)
        .group_by(Debtor.id)
        .order_by(Debtor.management_no)
    ).all()
    budget = int(limit * 0.8)
    ranges: list[tuple[str, str]] = []
    start: str | None = None
    used = 0
    previous = ""
    for number, size in weights:
        weight = int(size) + 160  # a debtor with its claims and payments, compressed
        if start is not None and used + weight > budget:
            ranges.append((start, previous))
            start, used = None, 0
        if start is None:
            start = number
        used += weight
        previous = number
    if start is not None:
        ranges.append((start, previous))
    return ranges


def _write_entities(
    work: Work,
    writer: PackageWriter,
    engagement: Engagement,
    kind: str,
    side: str,
    scope: ColumnElement[bool] | None,
) -> tuple[dict[str, int], dict[str, list[tuple[str, str]]]]:
    counts: dict[str, int] = {}
    sent: dict[str, list[tuple[str, str]]] = {}
    attachments: list[str] = []
    for entity in collect.KIND_ENTITIES[kind]:
        items: list[tuple[str, str]] = []
        with writer.open(FILE_NAMES[entity]) as out:
            for key, line, digest in collect.changes(work.session, engagement.id, entity, side, scope):
                out.write(line)
                items.append((key, digest))
        counts[entity] = len(items)
        if entity not in consultation_lines.ENTITIES:  # counted by checkpoint, not by digests
            sent[entity] = items
        if entity == "attachments":
            attachments = [key for key, _ in items]
    for key in attachments:
        data = work.session.scalar(select(Attachment.data).where(Attachment.id == int(key[1:])))
        assert data is not None
        writer.add_bytes(collect.attachment_file(key), data, compress=None)
    if kind == "report":
        writer.add_bytes(REPORT_WORKBOOK, report_workbook(work.session, engagement, work.vault.clock))
    return counts, sent


def export_package(
    s: VaultSession,
    *,
    engagement_id: int,
    kind: str,
    media_id: str,
    out_dir: Path | str,
    media_kind: str = "CD-R",
    numbers: tuple[str, str] | None = None,
    signer: keys.OrganisationSigner | None = None,
    max_size: int = CD_R_BYTES,
) -> ExportResult:
    """Write the next package of `kind` for the engagement into `out_dir` (see the module docstring)."""
    s.require(Capability.EXPORT)

    def write(work: Work, writer: PackageWriter, engagement: Engagement) -> Written:
        _check_kind(s, kind, engagement)
        return _write_entities(
            work, writer, engagement, kind, sync.side_of(s.org_role), _scope(engagement.id, numbers)
        )

    details = {"range": list(numbers) if numbers else None}
    return _export(s, engagement_id, kind, media_id, out_dir, media_kind, signer, max_size, write, details)


def export_erasure_package(
    s: VaultSession,
    certificate_no: str,
    *,
    media_id: str,
    out_dir: Path | str,
    media_kind: str = "CD-R",
    signer: keys.OrganisationSigner | None = None,
) -> ExportResult:
    """The `erasure` package (contractor → ward): the signed statement and the 消去証明書 PDF."""
    s.require(Capability.ERASE)
    with read_session(s) as session:
        certificate = session.scalar(
            select(ErasureCertificate).where(
                ErasureCertificate.certificate_no == certificate_no, ErasureCertificate.direction == "out"
            )
        )
        if certificate is None or certificate.engagement_id is None:
            raise NotFoundError(f"業務の消去証明書「{certificate_no}」はこの金庫にありません。")
        engagement_id = certificate.engagement_id
        body, signature, pdf = (
            certificate.body.encode("utf-8"),
            bytes.fromhex(certificate.signature),
            certificate.pdf,
        )

    def write(work: Work, writer: PackageWriter, engagement: Engagement) -> Written:
        writer.add_bytes(erasure_import.STATEMENT_FILE, body)
        writer.add_bytes(erasure_import.SIGNATURE_FILE, signature)
        writer.add_bytes(erasure_import.PDF_FILE, pdf)
        return {"certificates": 1}, {}

    details = {"certificate_no": certificate_no}
    return _export(
        s, engagement_id, "erasure", media_id, out_dir, media_kind, signer, CD_R_BYTES, write, details
    )


Written = tuple[dict[str, int], dict[str, list[tuple[str, str]]]]


def _export(
    s: VaultSession,
    engagement_id: int,
    kind: str,
    media_id: str,
    out_dir: Path | str,
    media_kind: str,
    signer: keys.OrganisationSigner | None,
    max_size: int,
    write: Callable[[Work, PackageWriter, Engagement], Written],
    details: dict[str, Any],
) -> ExportResult:
    signer = signer or keys.organisation_signer(s)
    media_id = custody.check_medium_id(media_id)
    custody.check_medium_kind(media_kind)
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise ValidationError(
            f"書き出し先のフォルダ「{out_dir}」がありません。フォルダを作ってから選んでください。"
        )
    password = generate()
    now = s.clock.now()
    package_id = uuid.uuid4().hex
    with unit_of_work(s) as work:
        session = work.session
        engagement = engagement_or_404(session, engagement_id)
        org = _counterpart(session, engagement)
        last_out = _last_package(session, engagement.id, DIRECTION_OUT)
        last_in = _last_package(session, engagement.id, DIRECTION_IN)
        sequence = (last_out.sequence + 1) if last_out else 1
        path = out_dir / f"SAIKEN-{kind}-{sequence:03d}-{package_id[:8]}.zip"
        if path.exists():
            raise ValidationError(f"「{path.name}」が既にあります。別のフォルダを選んでください。")
        medium = ledger.open_medium(
            work,
            medium_id=media_id,
            kind=media_kind,
            direction=DIRECTION_OUT,
            status=custody.PREPARED,
            engagement_id=engagement.id,
            counterpart_id=org.id,
            package_id=package_id,
        )
        ours = signer.identity
        checkpoint = signer.checkpoint(work)
        draft = Manifest(
            package_id=package_id,
            kind=kind,
            sequence=sequence,
            sender=ManifestOrganisation(ours.name, ours.role, ours.fingerprint),
            recipient=ManifestOrganisation(org.name, org.role, org.fingerprint),
            engagement=EngagementInfo(
                ensure_uid(engagement),
                engagement.ward,
                engagement.contractor,
                engagement.period_from,
                engagement.period_to,
                engagement.rule_profile,
            ),
            media_id=media_id,
            created_by=s.user.name,
            created_at=now,
            records={},
            files=(),
            previous_package_id=last_out.package_id if last_out else None,
            acknowledged_package_id=last_in.package_id if last_in else None,
            checkpoint=dict(checkpoint),
            details={"title": engagement.title, **details},
        )
        try:
            with PackageWriter(path, password, created_at=now, max_size=max_size) as writer:
                counts, sent = write(work, writer, engagement)
                draft = _with_records(draft, counts)
                written = writer.finish(
                    draft, sign=lambda data: signer.sign(data, work), signer_fingerprint=ours.fingerprint
                )
        except PackageTooLargeError as error:
            raise SplitNeededError(
                error.size, error.limit, _split_ranges(session, engagement.id, max_size)
            ) from None
        for entity, items in sent.items():
            sync.record_sent(session, package_id, engagement.id, entity, items)
        total = sum(counts.values())
        session.add(
            HandoverPackage(
                package_id=package_id,
                direction=DIRECTION_OUT,
                kind=kind,
                engagement_id=engagement.id,
                counterpart_id=org.id,
                sequence=sequence,
                previous_package_id=draft.previous_package_id,
                acknowledged_package_id=draft.acknowledged_package_id,
                media_id=media_id,
                file_name=path.name,
                size=written.size,
                sha256=written.sha256,
                records=json.dumps(counts),
                sender_checkpoint=json.dumps(dict(checkpoint)),
                manifest=written.manifest.to_bytes(),
                signature=b"",
                created_by=s.user.name,
                created_at=now,
                handled_by=s.user.name,
                handled_at=now,
            )
        )
        entry = ledger.append_entry(
            work,
            event=custody.PREPARED,
            engagement_id=engagement.id,
            medium_id=medium.medium_id,
            medium_kind=media_kind,
            package_id=package_id,
            content=f"{KIND_LABELS[kind]}パッケージ（{sequence}回目）",
            records=total,
            files=len(written.manifest.files),
            media=1,
            counterpart_org=org.name,
            fingerprint=ours.fingerprint,
            note=f"SHA-256 {written.sha256}",
        )
        work.audit(
            "package.export",
            target_type="package",
            target_id=package_id,
            kind=kind,
            engagement_id=engagement.id,
            records=total,
            counts={entity: n for entity, n in counts.items() if n},
            size=written.size,
            ledger_seq=entry.seq,
        )
    notice = PackageNotice(
        package_id=package_id,
        kind_label=KIND_LABELS[kind],
        created_at=now,
        sender=ours.name,
        sender_fingerprint=ours.fingerprint,
        recipient=org.name,
        recipient_fingerprint=org.fingerprint,
        media_id=media_id,
        password=password,
        checkpoint=keys.checkpoint_text(checkpoint) or None,
    )
    return ExportResult(
        package_id,
        path,
        written.size,
        written.sha256,
        password,
        counts,
        media_id,
        sequence,
        entry.seq,
        notice,
    )


def _with_records(manifest: Manifest, counts: dict[str, int]) -> Manifest:
    return dataclasses.replace(manifest, records=dict(counts))


def password_notice_pdf(result: ExportResult) -> bytes:
    """The password notice as PDF bytes, made in memory (print it; it never goes on the medium)."""
    return render_package_notice(result.notice)


@dataclass(frozen=True)
class MediumCheck:
    ok: bool
    package_id: str
    expected_sha256: str
    actual_sha256: str
    path: Path


def verify_medium(s: VaultSession, package_id: str, path: Path | str) -> MediumCheck:
    """Re-read the package from the burned medium and compare its SHA-256 with the one recorded at export;
    a match is written in the ledger (媒体照合)."""
    s.require(Capability.EDIT)
    path = Path(path)
    try:
        actual = file_sha256(path)
    except OSError:
        raise ValidationError(f"「{path.name}」を読めません。媒体が入っているか確かめてください。") from None
    with unit_of_work(s) as work:
        package = work.session.scalar(
            select(HandoverPackage).where(
                HandoverPackage.package_id == package_id, HandoverPackage.direction == DIRECTION_OUT
            )
        )
        if package is None:
            raise NotFoundError("このパッケージはこの金庫で作られていません。")
        ok = actual == package.sha256
        if ok:
            package.verified_at = s.clock.now()
            ledger.append_entry(
                work,
                event=custody.VERIFIED,
                engagement_id=package.engagement_id,
                medium_id=package.media_id,
                package_id=package.package_id,
                content="媒体から読み直し、SHA-256 が一致",
                files=1,
                media=1,
                note=f"SHA-256 {actual}",
            )
        work.audit("package.verify_medium", target_type="package", target_id=package_id, ok=ok)
        return MediumCheck(ok, package_id, package.sha256, actual, path)


def record_notice_saved(s: VaultSession, package_id: str) -> None:
    """After the caller saved the password notice PDF to a file (the CLI): audit it, without the password."""
    s.require(Capability.EXPORT)
    with unit_of_work(s) as work:
        work.audit("package.notice_saved", target_type="package", target_id=package_id)

"""Erasure at the end of the work (seed 000 ⑮, seed 003 特記事項 第12; issue 9 item 7), contractor side,
supervisor only.

`erase_engagement` deletes every record of one engagement in one transaction with SQLite's
`secure_delete` on (freed pages are overwritten with zeros), then VACUUMs the database (it is rebuilt
without the freed pages) and truncates the WAL, deletes every backup (they hold the engagement) and makes
a fresh one. It then writes the 消去証明書: a statement of every field seed 003 asks for, signed with the
organisation key, kept in the vault (it holds no personal data) and printed as a PDF; the received media
are closed in the ledger. The engagement's row stays (name, period, status 消去済み) for the ledger.

`crypto_erase_vault` destroys the whole vault: the certificate is signed and written first (outside the
vault), then the key slots, the keyring entry, the database and every backup are overwritten and removed.
Without the keys nothing that may remain on the disk can be decrypted.

`unreachable_copies` lists what no software can erase: printed and mailed documents, the media
themselves, and files saved outside the vault (from the audit log).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from saiken import __version__
from saiken.domain import custody
from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.domain.wareki import format_wareki
from saiken.exchange.erasure_statement import (
    METHOD_ENGAGEMENT,
    METHOD_VAULT,
    ErasedMedium,
    ErasureStatement,
    signed_bytes,
)
from saiken.exchange.pdf.erasure_certificate import render_erasure_certificate
from saiken.fsutil import atomic_write_bytes
from saiken.security import device_secret
from saiken.security.anchor import AnchorStore
from saiken.services.context import VaultSession, Work, read_session, unit_of_work
from saiken.services.debtors.search_index import rebuild_search_index
from saiken.services.file_protection import FilePassword, SavedFile, save_personal_file
from saiken.services.handover import keys, ledger
from saiken.services.handover.engagements import engagement_or_404
from saiken.services.vault.backup import backups_dir, create_backup
from saiken.store.models import (
    Attachment,
    AuditEntry,
    Claim,
    Debtor,
    DocumentSent,
    Engagement,
    ErasureCertificate,
    Inquiry,
    InstalmentPlan,
    Medium,
    NegotiationRecord,
    Organisation,
    Payment,
    SyncAcknowledged,
    SyncKey,
    SyncSent,
)
from saiken.store.models.engagements import ENGAGEMENT_ERASED
from saiken.store.models.packages import DIRECTION_IN

INFORMATION_ITEMS = (
    "氏名",
    "住所",
    "連絡先",
    "経過・交渉記録",
    "債権金額",
    "申請書類一式（確定申告書・開業届を含む）",
)
COUNTED = (
    ("債務者", Debtor),
    ("債権", Claim),
    ("納付", Payment),
    ("交渉記録", NegotiationRecord),
    ("照会", Inquiry),
    ("送付文書", DocumentSent),
    ("分納計画", InstalmentPlan),
    ("添付書類", Attachment),
)
DISPOSITION = {"returned": "返却済み", "destroyed": "廃棄済み", "erased": "消去済み"}


@dataclass(frozen=True)
class ErasureResult:
    statement: ErasureStatement
    signature: bytes
    pdf: bytes
    certificate_no: str
    backups_removed: int


def _jst_day(at: dt.datetime) -> str:
    from saiken.domain.clock import JST

    return format_wareki(at.astimezone(JST).date())


def _count_records(session: Session, engagement_id: int | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for label, model in COUNTED:
        statement = select(func.count()).select_from(model)
        if engagement_id is not None:
            column: Any = getattr(model, "id" if model is Debtor else "debtor_id")
            statement = statement.where(
                column.in_(select(Debtor.id).where(Debtor.engagement_id == engagement_id))
            )
        counts[label] = int(session.scalar(statement) or 0)
    return counts


def unreachable_copies(session: Session, engagement_id: int | None) -> list[str]:
    """What the application cannot erase: mailed documents, the media, files saved outside the vault."""
    copies = []
    docs = select(func.count()).select_from(DocumentSent)
    media = select(Medium).where(Medium.direction == DIRECTION_IN)
    if engagement_id is not None:
        docs = docs.where(
            DocumentSent.debtor_id.in_(select(Debtor.id).where(Debtor.engagement_id == engagement_id))
        )
        media = media.where(Medium.engagement_id == engagement_id)
    mailed = int(session.scalar(docs) or 0)
    if mailed:
        copies.append(f"債務者に送付した文書 {mailed:,} 通（督促状・合意書など。送付先の手元にあります）")
    received = session.scalars(media).all()
    if received:
        labels = "、".join(m.medium_id for m in received)
        copies.append(f"受け取った媒体 {len(received)} 枚（{labels}）: 返却または物理的な破壊が必要です")
    saves = session.execute(
        select(AuditEntry.action, func.count(), func.min(AuditEntry.at), func.max(AuditEntry.at))
        .where(
            AuditEntry.action.like("export.%")
            | AuditEntry.action.like("%.saved")
            | AuditEntry.action.like("%.save")
        )
        .group_by(AuditEntry.action)
    ).all()
    for action, count, first, last in saves:
        copies.append(
            f"金庫の外に保存したファイル {count} 件（監査ログ {action}、{_jst_day(first)}～{_jst_day(last)}）"
        )
    copies.append("金庫のフォルダの外に利用者がコピーしたファイルやバックアップ（あれば）")
    return copies


def _received_media(session: Session, engagement_id: int | None) -> list[Medium]:
    statement = select(Medium).where(Medium.direction == DIRECTION_IN).order_by(Medium.id)
    if engagement_id is not None:
        statement = statement.where(Medium.engagement_id == engagement_id)
    return list(session.scalars(statement))


def _certificate_no(session: Session, now: dt.datetime) -> str:
    count = int(session.scalar(select(func.count()).select_from(ErasureCertificate)) or 0)
    return f"ER-{now:%Y%m%d}-{count + 1:03d}"


def _sqlcipher_version(session: Session) -> str:
    try:
        return str(session.execute(text("PRAGMA cipher_version")).scalar() or "")
    except Exception:
        return ""


def _statement(
    s: VaultSession,
    session: Session,
    *,
    engagement: Engagement | None,
    method: str,
    counts: dict[str, int],
    media: list[Medium],
    copies: list[str],
    responsible: str,
    signer: keys.OrganisationSigner,
    erased_at: dt.datetime,
    work: Work,
) -> ErasureStatement:
    final = keys.checkpoint_text(signer.checkpoint(work))
    recipient = engagement.ward if engagement is not None else ""
    if engagement is not None and engagement.counterpart_id:
        org = session.get(Organisation, engagement.counterpart_id)
        recipient = org.name if org else recipient
    period = "全業務"
    if engagement is not None and (engagement.period_from or engagement.period_to):
        period = f"{format_wareki(engagement.period_from) if engagement.period_from else ''}～" + (
            format_wareki(engagement.period_to) if engagement.period_to else ""
        )
    return ErasureStatement(
        certificate_no=_certificate_no(session, erased_at),
        issued_at=erased_at,
        recipient=recipient or "（区）",
        issuer=signer.identity.name,
        issuer_fingerprint=signer.identity.fingerprint,
        engagement_uid=(engagement.uid or "") if engagement is not None else "",
        engagement_title=(engagement.title or "督促等業務") if engagement is not None else "金庫全体",
        period=period,
        information_items=INFORMATION_ITEMS,
        media=tuple(ErasedMedium(m.medium_id, m.kind, DISPOSITION.get(m.status, "返却予定")) for m in media),
        record_counts=counts,
        method=method,
        tool=f"債権デスク {__version__}（SQLCipher {_sqlcipher_version(session)}）",
        operator=s.user.name,
        responsible=responsible,
        erased_at=erased_at,
        final_checkpoint=final,
        unreachable_copies=tuple(copies),
    )


def _check_responsible(responsible: str) -> str:
    value = " ".join(str(responsible or "").split())
    if not value or len(value) > 64:
        raise ValidationError("消去の責任者（取扱責任者）の氏名を 64 文字以内で入力してください。")
    return value


def erase_engagement(
    s: VaultSession, engagement_id: int, *, responsible: str, signer: keys.OrganisationSigner | None = None
) -> ErasureResult:
    """Erase every record of the engagement, re-make the backups and certify it (module docstring)."""
    s.require(Capability.ERASE)
    if s.org_role != "contractor":
        raise ValidationError(
            "業務の消去と消去証明書は受託者の金庫で行います。", hint="区の金庫では消去証明書を取り込みます。"
        )
    responsible = _check_responsible(responsible)
    signer = signer or keys.organisation_signer(s)
    with unit_of_work(s) as work:
        session = work.session
        engagement = engagement_or_404(session, engagement_id)
        if engagement.status == ENGAGEMENT_ERASED:
            raise ValidationError("この業務は既に消去済みです。")
        counts = _count_records(session, engagement.id)
        copies = unreachable_copies(session, engagement.id)
        session.execute(text("PRAGMA secure_delete = ON"))
        for model in (SyncSent, SyncAcknowledged, SyncKey):
            session.execute(delete(model).where(model.engagement_id == engagement.id))
        session.execute(
            delete(Debtor).where(Debtor.engagement_id == engagement.id)
        )  # cascades to their records
        rebuild_search_index(session)
        engagement.status = ENGAGEMENT_ERASED
        engagement.erased_at = s.clock.now()
        work.audit(
            "engagement.erase",
            target_type="engagement",
            target_id=engagement.id,
            erased=_ascii_counts(counts),
        )
    _compact(s)
    removed = _remake_backups(s)
    return _certify(s, engagement_id, METHOD_ENGAGEMENT, counts, copies, responsible, signer, removed)


def _ascii_counts(counts: dict[str, int]) -> dict[str, int]:
    names = dict(
        zip(
            (label for label, _ in COUNTED),
            ("debtors", "claims", "payments", "records", "inquiries", "documents", "plans", "attachments"),
            strict=True,
        )
    )
    return {names[label]: count for label, count in counts.items()}


def _compact(s: VaultSession) -> None:
    """VACUUM (a database without the freed pages) and a truncated WAL, outside any transaction."""
    with s.require_open().connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def shred(path: Path) -> None:
    """Overwrite a file with random bytes, flush it to the disk and remove it (best effort on SSDs: the
    data is encrypted anyway; this removes the ciphertext too)."""
    try:
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.write(secrets.token_bytes(size))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        pass
    path.unlink(missing_ok=True)


def _shred_tree(root: Path) -> int:
    if not root.exists():
        return 0
    count = 0
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file():
            shred(path)
            count += 1
    shutil.rmtree(root, ignore_errors=True)
    return count


def _remake_backups(s: VaultSession) -> int:
    """Every backup holds the erased records: shred them all and make one new backup."""
    root = backups_dir(s.folder)
    removed = sum(1 for p in root.iterdir() if p.is_dir()) if root.is_dir() else 0
    _shred_tree(root)
    create_backup(s, reason="erasure")
    return removed


def _certify(
    s: VaultSession,
    engagement_id: int | None,
    method: str,
    counts: dict[str, int],
    copies: list[str],
    responsible: str,
    signer: keys.OrganisationSigner,
    backups_removed: int,
) -> ErasureResult:
    with unit_of_work(s) as work:
        session = work.session
        engagement = session.get(Engagement, engagement_id) if engagement_id is not None else None
        media = _received_media(session, engagement_id)
        now = s.clock.now()
        statement = _statement(
            s,
            session,
            engagement=engagement,
            method=method,
            counts=counts,
            media=media,
            copies=copies,
            responsible=responsible,
            signer=signer,
            erased_at=now,
            work=work,
        )
        body = statement.to_bytes()
        signature = signer.sign(signed_bytes(body), work)
        pdf = render_erasure_certificate(statement, signature=signature)
        session.add(
            ErasureCertificate(
                certificate_no=statement.certificate_no,
                direction="out",
                engagement_uid=statement.engagement_uid,
                engagement_id=engagement_id,
                issuer=statement.issuer,
                issuer_fingerprint=statement.issuer_fingerprint,
                method=method,
                erased_at=now,
                body=body.decode("utf-8"),
                signature=signature.hex(),
                pdf=pdf,
                recorded_by=s.user.name,
                recorded_at=now,
            )
        )
        for medium in media:
            if custody.is_open(medium.status):
                _close_medium(work, medium, statement.certificate_no)
        work.audit(
            "erasure.certificate",
            target_type="certificate",
            target_id=statement.certificate_no,
            method=method,
            backups_removed=backups_removed,
        )
    return ErasureResult(statement, signature, pdf, statement.certificate_no, backups_removed)


def _close_medium(work: Work, medium: Medium, certificate_no: str) -> None:
    org = work.session.get(Organisation, medium.counterpart_id) if medium.counterpart_id else None
    ledger.append_entry(
        work,
        event=custody.ERASED,
        engagement_id=medium.engagement_id,
        medium_id=medium.medium_id,
        medium_kind=medium.kind,
        package_id=medium.package_id or "",
        content=f"媒体のデータを消去（消去証明書 {certificate_no}）",
        media=1,
        counterpart_org=org.name if org else "",
        note="媒体そのものは返却または破壊が必要です。",
    )
    medium.status = custody.ERASED
    medium.closed_at = work.vault.clock.now()


def certificate_pdf(s: VaultSession, certificate_no: str) -> bytes:
    """A stored certificate's PDF (it holds no personal data; saving it is the caller's explicit act)."""
    s.require(Capability.READ)
    with read_session(s) as session:
        pdf = session.scalar(
            select(ErasureCertificate.pdf).where(ErasureCertificate.certificate_no == certificate_no)
        )
        if pdf is None:
            raise ValidationError(f"消去証明書「{certificate_no}」はこの金庫にありません。")
        return pdf


def save_certificate(
    s: VaultSession, path: Path | str, certificate_no: str, *, password: FilePassword | None = None
) -> SavedFile:
    """Save a stored 消去証明書 to `path` (protected with `password` unless None) and audit the save
    (`erasure.certificate_saved`) in one unit of work. ValidationError for an unknown certificate or a
    failed write (nothing is written, nothing audited)."""
    pdf = certificate_pdf(s, certificate_no)
    with unit_of_work(s) as work:
        saved = save_personal_file(s, path, pdf, title="消去証明書", password=password)
        work.audit(
            "erasure.certificate_saved",
            target_type="certificate",
            target_id=certificate_no,
            **saved.audit_details(),
        )
    return saved


def crypto_erase_vault(
    s: VaultSession,
    *,
    responsible: str,
    certificate_out: Path | str,
    signer: keys.OrganisationSigner | None = None,
) -> ErasureResult:
    """Certify, then destroy the whole vault (see the module docstring). `certificate_out` must be outside
    the vault folder; the session is closed and the vault is gone afterwards."""
    s.require(Capability.ERASE)
    responsible = _check_responsible(responsible)
    target = Path(certificate_out).resolve()
    folder = s.folder.resolve()
    if target.is_relative_to(folder):
        raise ValidationError("消去証明書は金庫のフォルダの外に保存してください（金庫ごと消去されます）。")
    signer = signer or keys.organisation_signer(s)
    with read_session(s) as session:
        counts = _count_records(session, None)
        copies = unreachable_copies(session, None)
        vault_id = str(
            session.execute(text("SELECT value FROM settings WHERE key = 'vault_id'")).scalar() or ""
        )
    result = _certify(s, None, METHOD_VAULT, counts, copies, responsible, signer, 0)
    atomic_write_bytes(target, result.pdf, mode=0o644)
    s.close()
    destroy_vault_files(folder, vault_id)
    return result


def destroy_vault_files(folder: Path, vault_id: str) -> None:
    """Overwrite and remove the key slots, the database (with its WAL), the backups and the keyring entries
    (device secret and audit anchor)."""
    for name in (
        "keys.json",
        "keys.next.json",
        "vault.db",
        "vault.db-wal",
        "vault.db-shm",
        "signin_failures.json",
    ):
        shred(folder / name)
    _shred_tree(folder / "backups")
    if vault_id:
        try:
            device_secret.forget_device_secret(vault_id)
        except Exception:
            pass
        AnchorStore().forget(vault_id)  # the audit anchor that closing the session left in the keyring
    for leftover in ("vault.lock.json", "vault.lock"):
        (folder / leftover).unlink(missing_ok=True)
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()

"""Importing a handover package (issue 9 item 5): password → checks → preview → one transaction → ledger.

`inspect_package` opens the package with its password and runs every check before showing anything:
the structure and every header byte, the kind against the sender's role, the recipient (us), the sender
(a registered counterpart whose fingerprint was compared on paper), the signature (with the key we
registered, never one the package brings), replay (a package id already taken in), the order (the
sequence follows the last package from that sender and names it as its previous one), the engagement,
and every file's authentication code and SHA-256. It then applies the records in a transaction that is
rolled back, to say what would change (new / changed / unchanged per kind of record).

Every file of the package is decrypted, authenticated and hashed once: the records files first (their
plaintext kept in memory, each parsed only once it was found intact), then each attachment while it is
stored (returned by the reader only after its check), then whatever was not read yet; the transaction
commits only after every file was found intact, so a damaged one anywhere changes nothing. The package
file's own SHA-256 (for the ledger) is computed alongside, in a thread.

`import_package` does the same checks and applies the records in one transaction, with the package,
the medium (received), the ledger entry (with the sender's signed checkpoint) and the audit entry; the
counterpart's acknowledgement of our own packages moves the baseline of the next one. A refusal names
its reason in one line and changes nothing.
"""

from __future__ import annotations

import gc
import io
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain import custody
from saiken.domain.clock import JST
from saiken.domain.errors import IntegrityError, ValidationError
from saiken.domain.generated_passwords import normalise
from saiken.domain.roles import Capability
from saiken.domain.wareki import format_wareki
from saiken.exchange.package import KIND_LABELS, Manifest, PackageFile, PackageReader, file_sha256
from saiken.exchange.package.contents import ENTITY_LABELS, FILE_NAMES, decode_lines
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.handover import collect, erasure_import, keys, ledger, sync
from saiken.services.handover.apply_rows import Applier, Counts
from saiken.services.handover.engagements import ensure_uid
from saiken.store.models import Engagement, HandoverPackage, Organisation
from saiken.store.models.packages import DIRECTION_IN

MAX_ATTACHMENT = 12 << 20
KEEP_RECORDS = 64 << 20  # a records file up to this size is kept in memory from its one authenticated reading


@dataclass(frozen=True)
class IncomingPreview:
    package_id: str
    kind: str
    kind_label: str
    sequence: int
    sender: str
    sender_fingerprint: str
    recipient: str
    engagement_title: str
    engagement_uid: str
    new_engagement: bool
    media_id: str
    created_by: str
    created_at: str
    records: dict[str, int]
    counts: dict[str, Counts]
    files: list[tuple[str, int]]
    sender_checkpoint: str
    acknowledges: str | None
    size: int

    def lines(self) -> list[str]:
        return [
            f"{ENTITY_LABELS.get(e, e)}: 新規 {c.new:,}件・変更 {c.changed:,}件・変更なし {c.unchanged:,}件"
            for e, c in self.counts.items()
        ]


@dataclass(frozen=True)
class ImportResult:
    preview: IncomingPreview
    ledger_seq: int
    acknowledged: int  # how many of our own packages this one acknowledged
    medium_id: str
    report_workbook: bytes | None  # the 交渉記録報告書 a `report` carries (save it explicitly, audited)


@dataclass(frozen=True)
class _Checked:
    manifest: Manifest
    sender: Organisation
    engagement: Engagement | None
    checkpoint: str  # the sender's audit checkpoint ("SEQ:HASH"), signed with their organisation key


def _refuse(reason: str, hint: str | None = None) -> ValidationError:
    return ValidationError(f"{reason}何も取り込んでいません。", hint=hint)


def _check(
    s: VaultSession, session: Session, package: PackageReader, identity: keys.OrganisationIdentity
) -> _Checked:
    m = package.manifest
    if (
        m.kind not in collect.SENDER_ROLE
        or m.sender.role != collect.SENDER_ROLE[m.kind]
        or m.sender.role == s.org_role
    ):
        raise _refuse(
            f"「{KIND_LABELS.get(m.kind, m.kind)}」のパッケージは{'区' if s.org_role == 'ward' else '受託者'}宛てに作られるものではありません。"
        )
    if m.recipient.fingerprint != identity.fingerprint:
        raise _refuse(
            f"このパッケージは「{m.recipient.name}」（鍵の指紋 {m.recipient.fingerprint}）宛てで、当方宛てではありません。",
            hint="宛先の組織に渡してください。",
        )
    sender = session.scalar(
        select(Organisation).where(
            Organisation.fingerprint == m.sender.fingerprint, Organisation.retired_at.is_(None)
        )
    )
    if sender is None:
        raise _refuse(
            f"送り手「{m.sender.name}」（鍵の指紋 {m.sender.fingerprint}）は登録されていない組織です。",
            hint="相手方の鍵を `saiken org add` で登録し、指紋を紙で照合してから取り込んでください。",
        )
    if sender.confirmed_at is None:
        raise _refuse(
            f"「{sender.name}」の鍵の指紋がまだ紙で照合されていません。",
            hint="照合してから取り込んでください。",
        )
    package.verify_signature(sender.public_key)  # IntegrityError: signed by another key (a forgery)
    checkpoint = keys.checkpoint_text(m.checkpoint, sender.public_key)
    if not checkpoint:
        raise IntegrityError(
            f"このパッケージの送り手の監査ログの控え（チェックポイント）に、「{sender.name}」の組織の鍵の署名がありません。"
            "何も取り込んでいません。",
            hint="送り手に作り直しを依頼してください。偽造の疑いがあれば取扱責任者に報告してください。",
        )
    seen = session.scalar(select(HandoverPackage).where(HandoverPackage.package_id == m.package_id))
    if seen is not None:
        day = format_wareki(seen.handled_at.astimezone(JST).date())
        raise _refuse(
            f"このパッケージ（{m.sequence}回目）は{day}に取り込み済みです。同じパッケージは二度取り込みません（再送の疑い）。"
        )
    engagement = session.scalar(select(Engagement).where(Engagement.uid == m.engagement.id))
    if engagement is not None and engagement.counterpart_id not in (None, sender.id):
        raise _refuse("このパッケージの業務は、別の相手方との業務です。")
    if engagement is None and not (m.kind == "debtors" and s.org_role == "contractor"):
        raise _refuse(
            "このパッケージの業務はこの金庫にありません。",
            hint="業務の最初の債務者データから取り込んでください。",
        )
    last = (
        session.scalar(
            select(HandoverPackage)
            .where(HandoverPackage.engagement_id == engagement.id, HandoverPackage.direction == DIRECTION_IN)
            .order_by(HandoverPackage.sequence.desc())
            .limit(1)
        )
        if engagement is not None
        else None
    )
    last_seq = last.sequence if last else 0
    if m.sequence <= last_seq:
        raise _refuse(
            f"このパッケージは{m.sequence}回目で、既に取り込んだ{last_seq}回目より古いものです（再送の疑い）。"
        )
    if m.sequence > last_seq + 1:
        raise _refuse(
            f"このパッケージは{m.sequence}回目です。先に{last_seq + 1}回目のパッケージを取り込んでください（順番が違います）。"
        )
    if m.previous_package_id != (last.package_id if last else None):
        raise IntegrityError(
            "このパッケージが前提とする前回のパッケージが、取り込み済みのものと一致しません。何も取り込んでいません。"
        )
    return _Checked(m, sender, engagement, checkpoint)


def _new_engagement(session: Session, m: Manifest, sender: Organisation, s: VaultSession) -> Engagement:
    engagement = Engagement(
        uid=m.engagement.id,
        ward=m.engagement.ward,
        contractor=m.engagement.contractor,
        period_from=m.engagement.period_from,
        period_to=m.engagement.period_to,
        rule_profile=m.engagement.rule_profile,
        title=str(m.details.get("title") or ""),
        counterpart_id=sender.id,
        created_at=s.clock.now(),
    )
    session.add(engagement)
    session.flush()
    return engagement


def _verify_records(package: PackageReader) -> None:
    """Authenticate every file but the attachments (which are read once each, when stored)."""
    package.verify_contents(keep_max=KEEP_RECORDS, defer=_is_attachment)


def _is_attachment(item: PackageFile) -> bool:
    return collect.is_attachment_file(item.name)


def _lines(package: PackageReader, name: str) -> Iterator[bytes]:
    with package.open(name) as raw, io.BufferedReader(raw, 1 << 20) as stream:
        yield from stream


def _apply(
    s: VaultSession, session: Session, package: PackageReader, checked: _Checked
) -> tuple[Engagement, dict[str, Counts]]:
    m = checked.manifest
    engagement = checked.engagement or _new_engagement(session, m, checked.sender, s)
    if engagement.counterpart_id is None:
        engagement.counterpart_id = checked.sender.id
    ensure_uid(engagement)
    names = set(m.names())
    applier = Applier(
        session,
        engagement.id,
        sync.side_of(s.org_role),
        now=s.clock.now(),
        user=s.user.name,
        verified_sha256=lambda name: m.file(name).sha256 if name in names else None,
    )
    for entity in collect.KIND_ENTITIES[m.kind]:
        file_name = FILE_NAMES[entity]
        if file_name not in names:
            continue
        for row in decode_lines(entity, _lines(package, file_name), file_name=file_name):
            applier.apply(
                entity, row, f"「{file_name}」", lambda n: package.read_bytes(n, max_size=MAX_ATTACHMENT)
            )
    applier.finish()
    return engagement, applier.counts


def _preview(
    package: PackageReader, checked: _Checked, counts: dict[str, Counts], identity: keys.OrganisationIdentity
) -> IncomingPreview:
    m = checked.manifest
    return IncomingPreview(
        package_id=m.package_id,
        kind=m.kind,
        kind_label=KIND_LABELS[m.kind],
        sequence=m.sequence,
        sender=checked.sender.name,
        sender_fingerprint=checked.sender.fingerprint,
        recipient=identity.name,
        engagement_title=(checked.engagement.title if checked.engagement else "")
        or str(m.details.get("title") or ""),
        engagement_uid=m.engagement.id,
        new_engagement=checked.engagement is None,
        media_id=m.media_id,
        created_by=m.created_by,
        created_at=m.created_at.isoformat(),
        records=dict(m.records),
        counts=counts,
        files=[(f.name, f.size) for f in m.files],
        sender_checkpoint=checked.checkpoint,
        acknowledges=m.acknowledged_package_id,
        size=package.file_size,
    )


@contextmanager
def _cycles_left_alone() -> Iterator[None]:
    """No cyclic garbage collection during an import: it makes and drops hundreds of thousands of rows,
    which the collector would otherwise walk again and again (some tenth to a fifth of a large import's
    time); reference counting still frees them at once. The previous state comes back after it (the GUI
    already holds automatic collection off while a worker thread runs, and then nothing changes here)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _open(path: Path | str, password: str) -> PackageReader:
    return PackageReader.open_path(path, normalise(password))


@contextmanager
def _rolled_back(s: VaultSession) -> Iterator[Session]:
    with Session(s.require_open(), expire_on_commit=False) as session:
        session.begin()
        try:
            yield session
        finally:
            session.rollback()


def inspect_package(
    s: VaultSession, path: Path | str, password: str, *, identity: keys.OrganisationIdentity | None = None
) -> IncomingPreview:
    """Every check, then what the import would change (applied and rolled back). Nothing is kept."""
    s.require(Capability.EDIT)
    identity = identity or keys.organisation_identity(s)
    with _cycles_left_alone(), _open(path, password) as package, _rolled_back(s) as session:
        checked = _check(s, session, package, identity)
        _verify_records(package)  # every records file, before any of it is parsed
        if checked.manifest.kind == "erasure":
            package.verify_rest()
            return _preview(package, checked, {}, identity)
        _, counts = _apply(s, session, package, checked)
        package.verify_rest()  # every byte of every file
        return _preview(package, checked, counts, identity)


def import_package(
    s: VaultSession,
    path: Path | str,
    password: str,
    *,
    media_id: str | None = None,
    counterpart_person: str = "",
    identity: keys.OrganisationIdentity | None = None,
) -> ImportResult:
    """Check and apply the package in one transaction (see the module docstring)."""
    s.require(Capability.EDIT)
    identity = identity or keys.organisation_identity(s)
    with (
        _cycles_left_alone(),
        ThreadPoolExecutor(1, thread_name_prefix="package-sha256") as hashing,
        _open(path, password) as package,
        unit_of_work(s) as work,
    ):
        sha256 = hashing.submit(file_sha256, path)
        session = work.session
        checked = _check(s, session, package, identity)
        _verify_records(package)  # every records file, before any of it is parsed or applied
        m = checked.manifest
        label = custody.check_medium_id(media_id or m.media_id)
        if label != m.media_id:
            raise _refuse(
                f"媒体番号が違います（このパッケージは媒体「{m.media_id}」のものです）。",
                hint="媒体のラベルを確かめてください。",
            )
        report = (
            package.read_bytes("交渉記録報告書.xlsx")
            if m.kind == "report" and "交渉記録報告書.xlsx" in m.names()
            else None
        )
        if m.kind == "erasure":
            engagement = checked.engagement
            assert engagement is not None
            counts: dict[str, Counts] = {}
            erasure_import.apply_erasure(work, package, engagement, checked.sender)
        else:
            engagement, counts = _apply(s, session, package, checked)
        package.verify_rest()  # every file found intact before anything is kept
        acknowledged = (
            sync.acknowledge(session, engagement.id, m.acknowledged_package_id, s.clock.now())
            if m.acknowledged_package_id
            else 0
        )
        now = s.clock.now()
        session.add(
            HandoverPackage(
                package_id=m.package_id,
                direction=DIRECTION_IN,
                kind=m.kind,
                engagement_id=engagement.id,
                counterpart_id=checked.sender.id,
                sequence=m.sequence,
                previous_package_id=m.previous_package_id,
                acknowledged_package_id=m.acknowledged_package_id,
                media_id=m.media_id,
                file_name=Path(path).name,
                size=package.file_size,
                sha256=sha256.result(),
                records=json.dumps(dict(m.records)),
                sender_checkpoint=json.dumps(dict(m.checkpoint), ensure_ascii=False),
                manifest=package.manifest_bytes,
                signature=package.signature.to_bytes(),
                created_by=m.created_by,
                created_at=m.created_at,
                handled_by=s.user.name,
                handled_at=now,
            )
        )
        ledger.open_medium(
            work,
            medium_id=label,
            kind="CD-R",
            direction=DIRECTION_IN,
            status=custody.RECEIVED,
            engagement_id=engagement.id,
            counterpart_id=checked.sender.id,
            package_id=m.package_id,
        )
        entry = ledger.append_entry(
            work,
            event=custody.RECEIVED,
            engagement_id=engagement.id,
            medium_id=label,
            medium_kind="CD-R",
            package_id=m.package_id,
            content=f"{KIND_LABELS[m.kind]}パッケージ（{m.sequence}回目）",
            records=sum(m.records.values()),
            files=len(m.files),
            media=1,
            counterpart_org=checked.sender.name,
            counterpart_person=" ".join(counterpart_person.split())[:128],
            fingerprint=checked.sender.fingerprint,
            counterpart_checkpoint=checked.checkpoint,
        )
        work.audit(
            "package.import",
            target_type="package",
            target_id=m.package_id,
            kind=m.kind,
            engagement_id=engagement.id,
            records=sum(m.records.values()),
            changes={e: c.new + c.changed for e, c in counts.items() if c.new or c.changed},
            ledger_seq=entry.seq,
        )
        checked = _Checked(m, checked.sender, engagement, checked.checkpoint)
        preview = _preview(package, checked, counts, identity)
    return ImportResult(preview, entry.seq, acknowledged, label, report)


def record_report_saved(s: VaultSession, package_id: str, size: int) -> None:
    """After the caller saved the 交渉記録報告書 a `report` package carried: audit it (personal data left)."""
    s.require(Capability.EXPORT)
    with unit_of_work(s) as work:
        work.audit("export.negotiation_report", target_type="package", target_id=package_id, size=size)

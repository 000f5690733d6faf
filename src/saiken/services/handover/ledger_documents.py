"""The custody ledger as a document: the 確認記録票 PDF (made in memory) and the workbook (written to a
path). Both show every entry, the open media with their age and whether the ledger verified; exporting
them is audited (`ledger.export`)."""

from __future__ import annotations

from pathlib import Path

from saiken.domain.roles import Capability
from saiken.exchange.custody_rows import LedgerHeader, LedgerLine, OpenMedium
from saiken.exchange.excel.custody_ledger import write_custody_ledger
from saiken.exchange.pdf.custody_ledger import render_custody_ledger
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.services.handover import ledger

ROLE_LABELS = {"ward": "区", "contractor": "受託者"}


def _contents(s: VaultSession) -> tuple[LedgerHeader, list[LedgerLine], list[OpenMedium]]:
    rows = ledger.list_ledger(s)
    media = ledger.open_media(s)
    report = ledger.verify(s)
    with read_session(s) as session:
        names = ledger.display_names(session)
    header = LedgerHeader(
        org_name=s.org_name,
        org_role=ROLE_LABELS.get(s.org_role, s.org_role),
        printed_at=s.clock.now(),
        printed_by=names.get(s.user.name, s.user.name),
        verified=report.ok,
        count=report.count,
        checkpoint=report.checkpoint,
        problems=tuple(report.problems),
    )
    lines = [
        LedgerLine(
            seq=r.seq,
            at=r.at,
            event=r.event_label,
            medium_id=r.medium_id,
            medium_kind=r.medium_kind,
            content=r.content,
            records=r.records,
            files=r.files,
            media=r.media,
            package_id=r.package_id,
            handler=names.get(r.handler, r.handler),
            counterpart_org=r.counterpart_org,
            counterpart_person=r.counterpart_person,
            fingerprint=r.fingerprint,
            counterpart_checkpoint=r.counterpart_checkpoint,
            note=r.note,
            same_occasion=r.same_occasion,
            hash=r.hash,
        )
        for r in rows
    ]
    open_ = [
        OpenMedium(
            m.medium_id,
            m.kind,
            m.direction,
            m.status_label,
            m.counterpart,
            m.package_id,
            m.opened_at,
            m.age_days,
        )
        for m in media
    ]
    return header, lines, open_


def ledger_pdf(s: VaultSession) -> bytes:
    """The ledger as PDF bytes in memory (for preview and printing; saving is `record_ledger_saved`)."""
    s.require(Capability.READ)
    return render_custody_ledger(*_contents(s))


def ledger_workbook(s: VaultSession, path: Path | str) -> int:
    """Write the ledger workbook to `path`; audited. Returns the number of entries."""
    s.require(Capability.READ)
    header, lines, media = _contents(s)
    ledger.export_path_kind(Path(path))
    write_custody_ledger(path, header, lines, media)
    with unit_of_work(s) as work:
        work.audit("ledger.export", target_type="ledger", format="xlsx", entries=len(lines))
    return len(lines)


def record_ledger_saved(s: VaultSession, *, entries: int, format: str) -> None:
    """After the caller saved the ledger PDF to a file: audit it (the ledger holds no debtor data)."""
    s.require(Capability.READ)
    with unit_of_work(s) as work:
        work.audit("ledger.export", target_type="ledger", format=format, entries=entries)

"""The import reads every file of a package once (records kept from their one authenticated reading,
attachments authenticated as they are stored) and still changes nothing when any byte is damaged: here a
byte flipped in the last MB of a multi-MB scanned attachment, found only after the records before it were
applied inside the transaction."""

from __future__ import annotations

import gc
import random

import pytest
from handover_kit import export, import_, paired, snapshot
from sqlalchemy import select

from saiken.domain.errors import IntegrityError
from saiken.exchange.package import PackageReader
from saiken.services import debtors, handover
from saiken.services.context import read_session
from saiken.store.models import Attachment, Debtor

MB = 1 << 20


def scan(size: int, seed: int) -> bytes:
    """A fictional scanned PDF: a PDF header over bytes that do not compress."""
    return b"%PDF-1.7\n" + random.Random(seed).randbytes(size - 9)


@pytest.fixture
def with_scans(tmp_path, fixed_clock):
    ward, firm, engagement = paired(tmp_path, fixed_clock)
    with read_session(ward.session) as session:
        first, second = session.scalars(select(Debtor.id).order_by(Debtor.id).limit(2)).all()
    scans = {"申請書類.pdf": scan(6 * MB, 1), "決定通知.pdf": scan(5 * MB + 4321, 2)}
    for (name, data), debtor_id in zip(scans.items(), (first, second), strict=True):
        debtors.add_attachment(ward.session, debtor_id, filename=name, data=data, mime="application/pdf")
    result = export(ward, engagement, "debtors", "区-R7-001", tmp_path / "burn")
    return ward, firm, result, scans


def _last_attachment_entry(result):
    with PackageReader.open_path(result.path, result.password) as package:
        item = [f for f in package.manifest.files if f.name.startswith("attachment-")][-1]
        return item, package._archive.entry(item.entry)


def test_a_byte_flipped_in_the_last_mb_of_a_large_attachment_is_refused_and_nothing_is_stored(
    with_scans, tmp_path
):
    _, firm, result, _ = with_scans
    item, entry = _last_attachment_entry(result)
    assert item.size > 5 * MB
    data = bytearray(result.path.read_bytes())
    data[entry.end - 10 - 300_000] ^= 0x01  # ciphertext in the entry's last MB, before its code
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    before = snapshot(firm.session)
    with pytest.raises(IntegrityError) as caught:
        handover.import_package(firm.session, damaged, result.password, identity=firm.identity)
    message = str(caught.value)
    assert "damaged.zip" in message and "何も取り込んでいません" in message and "\n" not in message
    assert snapshot(firm.session) == before  # no debtor, no attachment, no ledger entry, no audit entry
    with pytest.raises(IntegrityError):
        handover.inspect_package(firm.session, damaged, result.password, identity=firm.identity)
    assert snapshot(firm.session) == before


def test_the_intact_package_stores_every_attachment_byte_for_byte(with_scans):
    _, firm, result, scans = with_scans
    imported = import_(firm, result)
    assert imported.preview.counts["attachments"].new == len(scans)
    with read_session(firm.session) as session:
        stored = dict(session.execute(select(Attachment.filename, Attachment.id)).tuples().all())
    for name, data in scans.items():
        assert debtors.read_attachment(firm.session, stored[name]) == data


@pytest.mark.parametrize("enabled", [True, False])
def test_the_import_leaves_the_cycle_collector_as_it_found_it(with_scans, tmp_path, enabled):
    """Imports pause the cyclic garbage collector; the GUI holds it off while a worker runs and must find
    it off afterwards, the CLI on (also after a refusal)."""
    _, firm, result, _ = with_scans
    damaged = tmp_path / "damaged.zip"
    data = bytearray(result.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(IntegrityError):
            handover.import_package(firm.session, damaged, result.password, identity=firm.identity)
        assert gc.isenabled() is enabled
        import_(firm, result)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()

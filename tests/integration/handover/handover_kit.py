"""Two real vaults — a ward and its contractor — made through the vault service (key slots, signed
membership log, organisation key sealed to the admin), paired as the product pairs them, with the sample
extraction imported on the ward side. Packages are signed with each vault's own organisation key.

Making a vault costs a key derivation; each (role, name) is made once per test process and copied for
every party (a copy is the same vault: same id and organisation key)."""

from __future__ import annotations

import atexit
import datetime as dt
import importlib.util
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from sqlalchemy import func, inspect, select, text

from saiken.services import handover, vault
from saiken.services.context import VaultSession, read_session
from saiken.services.excel_import import import_ward_workbook
from saiken.services.handover import keys
from saiken.services.handover.organisations import key_document
from saiken.services.vault.anchors import STORE as ANCHORS
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


ADMIN, ADMIN_PW = "kanri", "ながい管理者の合言葉です"
HANDLER, HANDLER_PW = "tanto", "取扱者のとても長い合言葉"
_TEMPLATES: dict[tuple[str, str], tuple[Path, str]] = {}
_ROOT = Path(tempfile.mkdtemp(prefix="saiken-handover-vaults-"))
atexit.register(shutil.rmtree, _ROOT, ignore_errors=True)


def _template(role: str, name: str, clock) -> tuple[Path, str]:
    if (role, name) not in _TEMPLATES:
        folder = _ROOT / f"{role}-{len(_TEMPLATES)}"
        made = vault.create_vault(
            folder,
            org_role=role,
            org_name=name,
            admin_user=ADMIN,
            admin_password=ADMIN_PW,
            device_binding=False,
            clock=clock,
        )
        _TEMPLATES[(role, name)] = (folder, made.vault_id)
    return _TEMPLATES[(role, name)]


def make_party(folder: Path, role: str, name: str, clock) -> Party:
    """A real vault of organisation `name`, signed in as its admin (who holds the organisation key)."""
    template, vault_id = _template(role, name, clock)
    shutil.copytree(template, folder)
    ANCHORS.forget(vault_id)  # another copy of the same vault in this test may have moved the anchor
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=clock)
    return Party(session, keys.organisation_signer(session), folder)


def add_handler(party: Party) -> VaultSession:
    """A handler (取扱者) in the party's vault, signed in: they may import, but not sign as the organisation."""
    vault.add_user(party.session, HANDLER, role="handler", password=HANDLER_PW)
    return vault.open_vault(party.folder, HANDLER, HANDLER_PW, clock=party.session.clock)


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

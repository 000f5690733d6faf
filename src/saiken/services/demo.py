"""The demo vault (`saiken demo`, `saiken-desk --demo`): fictional data only, clearly marked DEMO.

User `demo`, password `demo-fictional-2025` (documented; the demo holds nothing real). The vault is made
without device binding (it never touches the OS credential store) and carries `demo=1` in its settings and
in keys.json. An existing demo vault in the folder is replaced; any other vault there is left alone.
Debtors come from `saiken.services.debtors.demo.populate(work, seed)` when that module exists.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import SaikenError, VaultError
from saiken.services.consultations import demo as consultations_demo
from saiken.services.context import unit_of_work
from saiken.services.vault import create_vault, open_vault, read_vault_info, remove_vault_files, vault_exists

DEMO_USER = "demo"
DEMO_PASSWORD = "demo-fictional-2025"
DEMO_ORG = {"contractor": "デモ法律事務所（架空）", "ward": "デモ区 産業振興課（架空）"}
_HOOK = "saiken.services.debtors.demo"


@dataclass(frozen=True)
class DemoCredentials:
    user: str
    password: str


def _clear_old_demo(folder: Path) -> None:
    if not vault_exists(folder):
        return
    try:
        is_demo = read_vault_info(folder).demo
    except SaikenError:
        is_demo = False
    if not is_demo:
        raise VaultError(f"{folder} には本番の金庫があります。デモは別のフォルダに作ってください。")
    remove_vault_files(folder)


def create_demo_vault(
    folder: Path, *, org_role: str = "contractor", clock: Clock = system_clock, seed: int = 7
) -> DemoCredentials:
    folder = Path(folder)
    _clear_old_demo(folder)
    create_vault(
        folder,
        org_role=org_role,
        org_name=DEMO_ORG.get(org_role, "デモ（架空）"),
        admin_user=DEMO_USER,
        admin_password=DEMO_PASSWORD,
        device_binding=False,
        clock=clock,
        demo=True,
    )
    if importlib.util.find_spec(_HOOK) is not None:
        populate = importlib.import_module(_HOOK).populate
        session = open_vault(folder, DEMO_USER, DEMO_PASSWORD, clock=clock)
        try:
            with unit_of_work(session) as work:
                populate(work, seed)
                consultations_demo.populate(work, seed)

                importlib.import_module("saiken.services.letters.demo").populate(work, seed)
                work.audit("demo.populate", target_type="vault", seed=seed)
        finally:
            session.close()
    return DemoCredentials(user=DEMO_USER, password=DEMO_PASSWORD)

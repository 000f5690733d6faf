"""The demo vault (`saiken demo`, `saiken-desk --demo`): fictional data only, clearly marked DEMO.

User `demo`, password `demo-fictional-2025` (documented; the demo holds nothing real). The vault is made
without device binding (it never touches the OS credential store) and carries `demo=1` in its settings and
in keys.json. Debtors come from `saiken.services.debtors.demo.populate(work, seed)` when that module exists.

What may be replaced (issue 6 item 7): only the application's own demo folder (`default_demo_dir()`), and
only a vault there that proves to be our demo — it opens with the demo password and its encrypted settings
say `demo=1`; keys.json's `demo` flag, which anybody can edit, is never trusted for this. Anything else in
the demo folder (a real vault someone made there, a damaged one) is moved aside to
`demo-vault-kept-<time>/`, never deleted. In any other folder the demo is made only where there is no vault
yet. The vault's lock is held throughout, so a demo open in another window is never replaced under it
(VaultInUseError).
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy.exc

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import SaikenError, VaultError
from saiken.fsutil import private_dir
from saiken.services.consultations import demo as consultations_demo
from saiken.services.context import unit_of_work
from saiken.services.vault import create_vault, default_demo_dir, open_vault, remove_vault_files, vault_exists
from saiken.services.vault.hold import held
from saiken.store.copies import DatabaseError

DEMO_USER = "demo"
DEMO_PASSWORD = "demo-fictional-2025"
DEMO_ORG = {"contractor": "デモ法律事務所（架空）", "ward": "デモ区 産業振興課（架空）"}
_HOOK = "saiken.services.debtors.demo"


@dataclass(frozen=True)
class DemoCredentials:
    user: str
    password: str
    kept: Path | None = None  # where a vault that was not our demo was moved (never deleted)


def is_app_demo_dir(folder: Path) -> bool:
    """True for the application's own demo folder (the only one a demo may replace)."""
    try:
        return Path(folder).resolve() == default_demo_dir().resolve()
    except OSError:
        return False


def _opens_as_demo(folder: Path, clock: Clock) -> bool:
    """The vault in `folder` opens with the demo password and its encrypted settings say demo."""
    try:
        session = open_vault(folder, DEMO_USER, DEMO_PASSWORD, clock=clock)
    except (SaikenError, DatabaseError, sqlalchemy.exc.DatabaseError):
        return False
    try:
        return session.demo
    finally:
        session.close()


_VAULT_FILES = (
    "keys.json",
    "vault.db",
    "vault.db-wal",
    "vault.db-shm",
    "keys.next.json",
    "signin_failures.json",
    "backups",
)


def _move_aside(folder: Path, clock: Clock) -> Path:
    stamp = clock.now().astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    kept = private_dir(folder.with_name(f"{folder.name}-kept-{stamp}"))
    for name in _VAULT_FILES:
        if (folder / name).exists():
            os.replace(folder / name, kept / name)
    return kept


def _clear_old_demo(folder: Path, clock: Clock) -> Path | None:
    """Make room for a new demo in `folder` (lock held). Returns where a non-demo vault was moved."""
    if not vault_exists(folder):
        return None
    if not is_app_demo_dir(folder):
        raise VaultError(
            f"{folder} にはすでに金庫があるため、デモを作りませんでした（何も変更していません）。",
            hint=f"デモを作り直せるのは、アプリのデモ用フォルダ（{default_demo_dir()}）か空のフォルダだけです。",
        )
    if _opens_as_demo(folder, clock):
        remove_vault_files(folder)
        return None
    return _move_aside(folder, clock)


def create_demo_vault(
    folder: Path, *, org_role: str = "contractor", clock: Clock = system_clock, seed: int = 7
) -> DemoCredentials:
    """(Re)create the demo in `folder`: the app's demo folder, or one without a vault (see the module)."""
    folder = Path(folder)
    if not is_app_demo_dir(folder) and vault_exists(folder):
        _clear_old_demo(folder, clock)  # raises: nothing is created, nothing changed
    private_dir(folder)
    with held(folder, clock):  # VaultInUseError while the demo is open in another window
        kept = _clear_old_demo(folder, clock)
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
                    importlib.import_module("saiken.services.handover.demo").populate(work, seed)
                    work.audit("demo.populate", target_type="vault", seed=seed)
            finally:
                session.close()
    return DemoCredentials(user=DEMO_USER, password=DEMO_PASSWORD, kept=kept)

"""Fictional parties and credentials of the handover wizard tests, and opening their vaults."""

from __future__ import annotations

from pathlib import Path

from shell_gui_data import ADMIN, ADMIN_PASSWORD

REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "tests" / "data" / "ward_extraction_R7.xlsx"
WARD = "架空区 産業振興課"
FIRM = "架空お玉ヶ池法律事務所"
HANDLER, HANDLER_PASSWORD = "tanaka", "架空の取扱者の合言葉です"


def open_vault(folder: Path, clock, user: str = ADMIN, password: str = ADMIN_PASSWORD):
    from saiken.services import vault

    return vault.open_vault(folder, user, password, clock=clock)


def make_vault(folder: Path, role: str, name: str, clock) -> Path:
    from saiken.services import vault

    vault.create_vault(
        folder, org_role=role, org_name=name, admin_user=ADMIN, admin_password=ADMIN_PASSWORD, clock=clock
    )
    return folder

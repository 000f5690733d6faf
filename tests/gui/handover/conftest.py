"""Fixtures for the handover wizards: a ward and a contractor vault (real vaults, real organisation keys
from vault trust), the sample extraction imported on the ward's side, and the two paired as the product
pairs them (key files exchanged, fingerprints confirmed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from handover_gui_data import FIRM, HANDLER, HANDLER_PASSWORD, SAMPLE, WARD, make_vault, open_vault
from shell_gui_data import ADMIN, ADMIN_PASSWORD


@dataclass
class Vaults:
    ward: Path
    firm: Path
    engagement_id: int  # on the ward's side


def _register(folder: Path, other: Path, key_file: Path, clock) -> int:
    from saiken.services import handover

    theirs = open_vault(other, clock)
    try:
        handover.export_key(theirs, key_file)
    finally:
        theirs.close()
    ours = open_vault(folder, clock)
    try:
        row = handover.add_counterpart(ours, key_file)
        handover.confirm_pairing(ours, row.id)
        return row.id
    finally:
        ours.close()


@pytest.fixture
def vaults(tmp_path: Path, fixed_clock) -> Vaults:
    """A ward vault with the sample imported and a contractor vault, paired both ways."""
    from sqlalchemy import select

    from saiken.services import handover, users
    from saiken.services.context import read_session
    from saiken.services.excel_import import import_ward_workbook
    from saiken.store.models import Engagement

    ward = make_vault(tmp_path / "ward", "ward", WARD, fixed_clock)
    firm = make_vault(tmp_path / "firm", "contractor", FIRM, fixed_clock)
    session = open_vault(ward, fixed_clock)
    try:
        copy = tmp_path / SAMPLE.name
        copy.write_bytes(SAMPLE.read_bytes())
        assert import_ward_workbook(session, copy).value.ok
        users.add_user(session, HANDLER, role="handler", password=HANDLER_PASSWORD)
    finally:
        session.close()
    firm_in_ward = _register(ward, firm, tmp_path / "firm-key.json", fixed_clock)
    _register(firm, ward, tmp_path / "ward-key.json", fixed_clock)
    session = open_vault(ward, fixed_clock)
    try:
        with read_session(session) as db:
            engagement_id = db.scalar(select(Engagement.id))
        handover.save_engagement(
            session,
            engagement_id,
            title="経営力強化支援事業補助金返還金 督促等業務",
            counterpart_id=firm_in_ward,
            period_from=dt.date(2025, 9, 16),
            period_to=dt.date(2026, 3, 31),
        )
    finally:
        session.close()
    return Vaults(ward, firm, engagement_id)


@pytest.fixture
def window_on(ops, qtbot, fixed_clock):
    """`window_on(folder, user, password)`: sign `ops` into the vault and show its 受渡・管理簿 page."""
    from saiken.services import vault
    from saiken.ui.shell.main_window import MainWindow

    made: list = []

    def show(folder: Path, user: str = ADMIN, password: str = ADMIN_PASSWORD):
        for window in made:  # signed out and hidden (closing the main window would stop the worker)
            window.sign_out()
            window.hide()
        ops.close_session()
        done: list = []
        ops.open_session(
            vault.open_vault,
            folder,
            user,
            password,
            clock=fixed_clock,
            on_result=done.append,
            on_error=done.append,
        )
        qtbot.waitUntil(lambda: bool(done), timeout=90_000)
        assert not isinstance(done[0], BaseException), repr(done[0])
        window = MainWindow(ops, folder)
        qtbot.addWidget(window)
        window.enter()
        window.show()
        made.append(window)
        page = window.show_area("handover")
        ops.wait_idle()
        return page

    return show

"""Shared fixtures: an in-memory keyring (through keyring's backend API) and a ready vault session."""

from __future__ import annotations

import datetime as dt
import os
import secrets
from pathlib import Path

import keyring
import pytest
import time_machine
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in a dict (one per test)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.store[(service, username)]
        except KeyError as error:
            raise PasswordDeleteError(username) from error


def _pinned_wall_clock() -> dt.datetime | None:
    """The instant every test's wall clock starts at: today (UTC) at 16:00 UTC, which is 01:00 the next day
    in Japan — the hour at which a test that mixes the machine's date with Japan's date fails. CI runs at
    any hour; pinning the hardest one makes every run the same. `SAIKEN_TEST_WALL_CLOCK` overrides it
    (an ISO instant such as 2026-12-01T03:00:00+00:00, or `off` for the machine's own time)."""
    setting = os.environ.get("SAIKEN_TEST_WALL_CLOCK", "").strip()
    if setting.lower() == "off":
        return None
    if setting:
        at = dt.datetime.fromisoformat(setting)
        return at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return dt.datetime.now(dt.UTC).replace(hour=16, minute=0, second=0, microsecond=0)


PINNED_WALL_CLOCK = _pinned_wall_clock()


@pytest.fixture(autouse=True)
def _wall_clock_pinned():
    """Every test runs with the machine's clock at PINNED_WALL_CLOCK (and ticking from there), so nothing
    passes at noon and fails at 01:00 JST. Monotonic clocks (Qt's timers, waits) are untouched."""
    if PINNED_WALL_CLOCK is None:
        yield None
        return
    with time_machine.travel(PINNED_WALL_CLOCK, tick=True) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """platformdirs paths (settings, default vault) go to a per-test folder, never the real home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))


@pytest.fixture
def fixed_clock():
    from saiken.domain.clock import FixedClock

    return FixedClock(dt.datetime(2025, 9, 16, 1, 0, tzinfo=dt.UTC))


def make_raw_vault(folder: Path, *, role: str = "contractor", org_name: str = "架空法律事務所", clock=None):
    """A real SQLCipher database with the schema and one admin-supervisor, opened without key slots.

    For tests of services that do not concern sign-in: the admin `admin` (u1) holds a key pair in memory
    and the founding statement names them, so every audit entry is signed as in a real vault.
    Returns a VaultSession for user `admin`.
    """
    from saiken.domain.clock import system_clock
    from saiken.domain.roles import Role
    from saiken.security.member_keys import MemberKeys
    from saiken.services.context import SignedInUser, Signer, VaultSession, unit_of_work
    from saiken.services.vault.founding import found
    from saiken.store import migrate
    from saiken.store.engine import make_engine
    from saiken.store.models import Setting, User

    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    engine = make_engine(folder / "vault.db", key)
    migrate.upgrade(engine)
    clock = clock or system_clock
    keys = MemberKeys.generate()
    vault_id = secrets.token_hex(16)
    session = VaultSession(
        folder=folder,
        engine=engine,
        user=SignedInUser(id=1, name="admin", role=Role.ADMIN, is_supervisor=True),
        clock=clock,
        org_name=org_name,
        org_role=role,
        signer=Signer("u1", keys),
        vault_id=vault_id,
    )
    with unit_of_work(session) as work:
        admin = User(
            name="admin", display_name="管理者", role="admin", is_supervisor=True, created_at=clock.now()
        )
        work.session.add(admin)
        work.session.flush()
        work.session.add(Setting(key="org_name", value=org_name))
        work.session.add(Setting(key="org_role", value=role))
        work.session.add(Setting(key="vault_id", value=vault_id))
        founded = found(
            work,
            founder=admin,
            founder_keys=keys,
            recovery=MemberKeys.generate(),
            others=[],
            org_name=org_name,
            org_role=role,
        )
        work.audit("vault.create", statement=founded.genesis)
    return session


@pytest.fixture
def vault_session(tmp_path: Path, fixed_clock):
    session = make_raw_vault(tmp_path / "vault", clock=fixed_clock)
    yield session
    session.close()
